//! Checks on the rendered site: every internal link and anchor resolves,
//! nothing is loaded from another host (the course must work offline), and
//! math was rendered by KaTeX.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// One `href`/`src`-like reference found in a file.
#[derive(Debug)]
struct Reference {
    tag: String,
    value: String,
}

fn is_external(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//")
}

fn is_ignorable(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["mailto:", "javascript:", "data:", "tel:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// All files under `dir` with extension `ext`.
pub fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The attribute values of `<tag attr="...">` in an HTML text, with the tag name.
fn references(html: &str) -> Vec<Reference> {
    let mut refs = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if name_len == 0 {
            continue;
        }
        let tag = rest[..name_len].to_ascii_lowercase();
        let end = rest.find('>').unwrap_or(rest.len());
        let inside = &rest[name_len..end];
        for attr in ["href", "src", "data", "poster"] {
            if let Some(value) = attribute(inside, attr) {
                refs.push(Reference {
                    tag: tag.clone(),
                    value,
                });
            }
        }
        if let Some(srcset) = attribute(inside, "srcset") {
            for candidate in srcset.split(',') {
                if let Some(url) = candidate.split_whitespace().next() {
                    refs.push(Reference {
                        tag: tag.clone(),
                        value: url.to_string(),
                    });
                }
            }
        }
        rest = &rest[end..];
    }
    refs
}

/// The value of ` name="…"` (or single-quoted) inside a tag.
fn attribute(tag_inside: &str, name: &str) -> Option<String> {
    let mut search = tag_inside;
    loop {
        let at = search.find(name)?;
        let before_ok = at == 0 || search[..at].ends_with(|c: char| c.is_whitespace());
        let after = search[at + name.len()..].trim_start();
        if before_ok && let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            let quote = value.chars().next()?;
            if quote == '"' || quote == '\'' {
                let body = &value[1..];
                return body
                    .find(quote)
                    .map(|end| body[..end].replace("&amp;", "&"));
            }
            let end = value
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(value.len());
            return Some(value[..end].to_string());
        }
        search = &search[at + name.len()..];
    }
}

/// The ids a page defines (what `#fragment` can point at).
fn ids(html: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    for attr in [" id=\"", " name=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            if let Some(end) = rest.find('"') {
                ids.insert(rest[..end].to_string());
            }
        }
    }
    ids
}

/// `url(...)` and `@import "..."` references in a stylesheet.
fn css_references(css: &str) -> Vec<String> {
    let mut refs = Vec::new();
    let mut rest = css;
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        if let Some(end) = rest.find(')') {
            refs.push(rest[..end].trim().trim_matches(['"', '\'']).to_string());
        }
    }
    let mut rest = css;
    while let Some(at) = rest.find("@import") {
        rest = &rest[at + 7..];
        let value = rest.trim_start();
        if let Some(quote) = value.chars().next().filter(|q| *q == '"' || *q == '\'')
            && let Some(end) = value[1..].find(quote)
        {
            refs.push(value[1..1 + end].to_string());
        }
    }
    refs
}

fn decode(path: &str) -> String {
    // Percent-decoding of the few characters mdBook escapes in file names.
    path.replace("%20", " ")
}

/// Resolves a site-internal URL found in `from` to a file and an optional fragment.
fn resolve(site: &Path, from: &Path, base: Option<&str>, url: &str) -> (PathBuf, Option<String>) {
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (url, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let dir = match base {
        Some(b) if b.starts_with('/') => site.join(b.trim_start_matches('/')),
        _ => from.parent().unwrap_or(site).to_path_buf(),
    };
    let mut target = if path.is_empty() {
        from.to_path_buf()
    } else if let Some(absolute) = path.strip_prefix('/') {
        site.join(decode(absolute))
    } else {
        dir.join(decode(path))
    };
    if target.is_dir() {
        target = target.join("index.html");
    }
    (normalise(&target), fragment)
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Broken internal links and anchors, as "page: problem" lines.
pub fn broken_links(site: &Path) -> Vec<String> {
    let pages = files(site, "html");
    let mut id_cache: HashMap<PathBuf, HashSet<String>> = HashMap::new();
    let mut problems = Vec::new();
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap_or_default();
        let base = references(&html)
            .into_iter()
            .find(|r| r.tag == "base")
            .map(|r| r.value);
        for r in references(&html) {
            if r.tag == "base" || is_external(&r.value) || is_ignorable(&r.value) {
                continue;
            }
            let (target, fragment) = resolve(site, page, base.as_deref(), &r.value);
            let shown = page
                .strip_prefix(site)
                .unwrap_or(page)
                .display()
                .to_string();
            if !target.exists() {
                problems.push(format!(
                    "{shown}: <{}> points at missing {}",
                    r.tag, r.value
                ));
                continue;
            }
            if let Some(fragment) = fragment.filter(|f| !f.is_empty())
                && target.extension().is_some_and(|e| e == "html")
            {
                let ids = id_cache
                    .entry(target.clone())
                    .or_insert_with(|| ids(&std::fs::read_to_string(&target).unwrap_or_default()));
                if !ids.contains(&fragment) {
                    problems.push(format!("{shown}: {} has no anchor #{fragment}", r.value));
                }
            }
        }
    }
    for css in files(site, "css") {
        let text = std::fs::read_to_string(&css).unwrap_or_default();
        for url in css_references(&text) {
            if is_external(&url) || is_ignorable(&url) {
                continue;
            }
            let (target, _) = resolve(site, &css, None, &url);
            if !target.exists() {
                let shown = css.strip_prefix(site).unwrap_or(&css).display().to_string();
                problems.push(format!("{shown}: url({url}) is missing"));
            }
        }
    }
    problems
}

/// Everything a page or stylesheet would fetch from another host.
pub fn external_loads(site: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for page in files(site, "html") {
        let html = std::fs::read_to_string(&page).unwrap_or_default();
        let shown = page
            .strip_prefix(site)
            .unwrap_or(&page)
            .display()
            .to_string();
        for r in references(&html) {
            // A link the reader may click is fine; anything the browser loads by itself is not.
            let loads = r.tag != "a" && r.tag != "base";
            if loads && is_external(&r.value) {
                problems.push(format!("{shown}: <{}> loads {}", r.tag, r.value));
            }
        }
        for url in css_references(&html) {
            if is_external(&url) {
                problems.push(format!("{shown}: inline style loads {url}"));
            }
        }
    }
    for css in files(site, "css") {
        let text = std::fs::read_to_string(&css).unwrap_or_default();
        for url in css_references(&text).into_iter().filter(|u| is_external(u)) {
            let shown = css.strip_prefix(site).unwrap_or(&css).display().to_string();
            problems.push(format!("{shown}: loads {url}"));
        }
    }
    problems
}

/// Pages where math was left as TeX source instead of being rendered.
pub fn unrendered_math(site: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for page in files(site, "html") {
        let html = std::fs::read_to_string(&page).unwrap_or_default();
        let shown = page
            .strip_prefix(site)
            .unwrap_or(&page)
            .display()
            .to_string();
        if html.contains("$$") {
            problems.push(format!("{shown}: contains raw $$ (math not rendered)"));
        }
        // mdbook-katex renders `$…$` inline; `\\(…\\)` in a page stays raw.
        if without_code(&html).contains("\\(") {
            problems.push(format!(
                "{shown}: contains raw \\( (inline math is written $…$, not \\\\(…\\\\))"
            ));
        }
    }
    problems
}

/// The page without its `<code>` and `<pre>` elements, where a backslash
/// or a dollar is just text.
fn without_code(html: &str) -> String {
    let mut rest = html;
    let mut kept = String::new();
    while let Some(start) = rest.find("<code").or_else(|| rest.find("<pre")) {
        let start = match (rest.find("<code"), rest.find("<pre")) {
            (Some(a), Some(b)) => a.min(b),
            _ => start,
        };
        kept.push_str(&rest[..start]);
        let close = if rest[start..].starts_with("<code") {
            "</code>"
        } else {
            "</pre>"
        };
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + close.len()..],
            None => return kept,
        }
    }
    kept.push_str(rest);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_inline_math_is_found_outside_code_only() {
        assert_eq!(
            without_code("a <code>\\(x\\)</code> b <pre>p</pre> c"),
            "a  b  c"
        );
        let site = std::env::temp_dir().join(format!("course-math-check-{}", std::process::id()));
        std::fs::create_dir_all(&site).unwrap();
        std::fs::write(site.join("ok.html"), "<p><code>\\(x\\)</code></p>").unwrap();
        std::fs::write(site.join("raw.html"), "<p>take \\(n\\) steps</p>").unwrap();
        let problems = unrendered_math(&site);
        std::fs::remove_dir_all(&site).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("raw.html: contains raw \\("));
    }

    #[test]
    fn references_are_found_in_tags() {
        let html =
            r#"<a href="x.html#a">x</a><script src='s.js'></script><img class="c" src=p.svg>"#;
        let refs: Vec<(String, String)> = references(html)
            .into_iter()
            .map(|r| (r.tag, r.value))
            .collect();
        assert_eq!(
            refs,
            [
                ("a".to_string(), "x.html#a".to_string()),
                ("script".into(), "s.js".into()),
                ("img".into(), "p.svg".into())
            ]
        );
    }

    #[test]
    fn broken_links_missing_anchors_and_external_loads_are_caught() {
        let site = std::env::temp_dir().join(format!("course-site-check-{}", std::process::id()));
        std::fs::create_dir_all(site.join("sub")).unwrap();
        std::fs::write(site.join("index.html"), r#"<h1 id="top">x</h1><a href="sub/page.html#here">ok</a>
            <a href="sub/page.html#gone">bad anchor</a><a href="missing.html">bad file</a>
            <a href="https://example.org">a link is fine</a><script src="https://cdn.example/x.js"></script>"#).unwrap();
        std::fs::write(
            site.join("sub/page.html"),
            r#"<p id="here"></p><a href="../index.html#top">up</a>
            <link rel="stylesheet" href="../style.css">"#,
        )
        .unwrap();
        std::fs::write(
            site.join("style.css"),
            "@font-face{src:url(fonts/none.woff2)}",
        )
        .unwrap();
        let broken = broken_links(&site);
        let external = external_loads(&site);
        std::fs::remove_dir_all(&site).unwrap();
        assert_eq!(
            broken,
            [
                "index.html: sub/page.html#gone has no anchor #gone",
                "index.html: <a> points at missing missing.html",
                "style.css: url(fonts/none.woff2) is missing",
            ]
        );
        assert_eq!(
            external,
            ["index.html: <script> loads https://cdn.example/x.js"]
        );
    }

    #[test]
    fn data_attributes_are_not_sources() {
        assert!(references(r#"<div data-src="x"></div>"#).is_empty());
    }

    #[test]
    fn css_urls_and_imports_are_found() {
        let css = "@import 'a.css'; @font-face{src:url(fonts/K.woff2) format('woff2'),url(\"https://cdn/x.woff\")}";
        assert_eq!(
            css_references(css),
            ["fonts/K.woff2", "https://cdn/x.woff", "a.css"]
        );
    }
}
