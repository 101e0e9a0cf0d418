//! `{{#include}}` inside a block quote (an exercise in a `> [!TIP]`).
//!
//! mdBook's own include replaces the directive with the file's lines as
//! they are, so only the first line keeps the `> ` in front of it and the
//! rest fall out of the quote: the exercise box ends in the middle of its
//! code. The course's preprocessor runs before mdBook's and expands such
//! quoted includes itself, repeating the quote's prefix on every line. It
//! takes the lines exactly as mdBook does (whole file, or the lines between
//! `ANCHOR: name` and `ANCHOR_END: name`, without any other anchor lines).

use std::path::Path;

/// Expands every `{{#include PATH[:ANCHOR]}}` that stands alone on a line
/// behind a block-quote prefix (`> `, `>> `, ...). `dir` is the directory
/// of the page, against which PATH is resolved. Other includes are left to
/// mdBook.
pub fn expand(page: &str, dir: &Path) -> Result<String, String> {
    let mut out = String::with_capacity(page.len());
    for line in page.split_inclusive('\n') {
        let (body, newline) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        let Some((prefix, target)) = quoted_include(body) else {
            out += line;
            continue;
        };
        let (file, anchor) = match target.split_once(':') {
            Some((file, anchor)) => (file, Some(anchor)),
            None => (target, None),
        };
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot include {}: {e}", path.display()))?;
        let lines = match anchor {
            Some(anchor) => anchored_lines(&text, anchor)
                .ok_or_else(|| format!("{}: no anchor {anchor:?}", path.display()))?,
            None => text.lines().collect(),
        };
        let quoted: Vec<String> = lines
            .iter()
            .map(|l| format!("{prefix}{l}").trim_end().to_string())
            .collect();
        out += &quoted.join("\n");
        out += newline;
    }
    Ok(out)
}

/// `("> ", "path:anchor")` for a line `> {{#include path:anchor}}`.
fn quoted_include(line: &str) -> Option<(&str, &str)> {
    let start = line.find("{{#include ")?;
    let prefix = &line[..start];
    if !prefix.contains('>') || !prefix.chars().all(|c| c == '>' || c == ' ') {
        return None;
    }
    let target = line[start..]
        .strip_prefix("{{#include ")?
        .strip_suffix("}}")?;
    Some((prefix, target.trim()))
}

/// The lines between `ANCHOR: anchor` and `ANCHOR_END: anchor`, leaving
/// out lines that mark other anchors; `None` if the anchor never starts.
pub(crate) fn anchored_lines<'a>(text: &'a str, anchor: &str) -> Option<Vec<&'a str>> {
    fn marks<'l>(line: &'l str, tag: &str) -> Option<&'l str> {
        let (_, rest) = line.split_once(tag)?;
        rest.split_whitespace().next()
    }
    let mut lines = text.lines();
    lines.find(|l| !l.contains("ANCHOR_END:") && marks(l, "ANCHOR:") == Some(anchor))?;
    let mut kept = Vec::new();
    for line in lines {
        if marks(line, "ANCHOR_END:") == Some(anchor) {
            break;
        }
        if !line.contains("ANCHOR:") && !line.contains("ANCHOR_END:") {
            kept.push(line);
        }
    }
    Some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(name: &str, text: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("quoted-include-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), text).unwrap();
        dir
    }

    #[test]
    fn every_included_line_stays_in_the_quote() {
        let dir = dir_with(
            "a.rs",
            "fn outside() {}\n// ANCHOR: body\nfn one() {}\n// ANCHOR: other\n\nfn two() {}\n// ANCHOR_END: other\n// ANCHOR_END: body\n",
        );
        let page = "text\n> ```rust\n> {{#include a.rs:body}}\n> ```\nafter {{#include a.rs}}\n";
        assert_eq!(
            expand(page, &dir).unwrap(),
            "text\n> ```rust\n> fn one() {}\n>\n> fn two() {}\n> ```\nafter {{#include a.rs}}\n"
        );
        let nested = expand(">> {{#include a.rs:other}}", &dir).unwrap();
        assert_eq!(nested, ">>\n>> fn two() {}");
    }

    #[test]
    fn a_missing_file_or_anchor_is_an_error() {
        let dir = dir_with("b.rs", "// ANCHOR: x\nx\n// ANCHOR_END: x\n");
        let error = expand("> {{#include b.rs:y}}\n", &dir).unwrap_err();
        assert!(error.ends_with("b.rs: no anchor \"y\""), "{error}");
        let error = expand("> {{#include nope.rs}}\n", &dir).unwrap_err();
        assert!(error.contains("cannot include"), "{error}");
        // Unquoted includes are mdBook's business.
        assert_eq!(
            expand("{{#include nope.rs}}\n", &dir).unwrap(),
            "{{#include nope.rs}}\n"
        );
    }
}
