//! The site as readers meet it: every page of both books opened in a real
//! headless Chromium, at a laptop's width and a phone's, and judged on what
//! the browser actually laid out (overflow, math, plots, console errors,
//! requests, accessibility basics), plus the plots' contrast in all five
//! mdBook themes. Chromium is driven through the DevTools protocol over a
//! pipe (`crate::cdp`): no crate, no Node, no port.

use crate::cdp::Browser;
use crate::progress::note;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The Debian package set-up installs for this test.
pub const PACKAGE: &str = "chromium";

/// A laptop and a phone (CSS pixels).
pub const VIEWPORTS: [(u32, u32); 2] = [(1280, 800), (390, 844)];

/// mdBook's five themes (the ids of its theme buttons, `mdbook-theme-…`).
pub const THEMES: [&str; 5] = ["light", "rust", "coal", "navy", "ayu"];

/// WCAG 2 AA: non-text contrast (1.4.11) for lines, text contrast (1.4.3).
pub const LINE_CONTRAST: f64 = 3.0;
pub const TEXT_CONTRAST: f64 = 4.5;

const PAGE_CHECKS: &str = include_str!("browser_checks.js");
const PLOT_COLOURS: &str = include_str!("browser_colours.js");

/// Debian's Chromium, unless `COURSE_SIMULATE_MISSING` names `chromium`.
pub fn find_chromium() -> Option<PathBuf> {
    if crate::setup::simulated_missing("chromium") {
        return None;
    }
    crate::setup::which("chromium")
}

/// The pages a reader can open: every HTML file of the site except mdBook's
/// `404.html` (served by a web server for a missing page, with absolute
/// links that only work there) and `toc.html` (the sidebar's fallback for
/// browsers without JavaScript, loaded inside a frame).
pub fn pages(site: &Path) -> Vec<PathBuf> {
    crate::site::files(site, "html")
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap_or_default();
            name != "404.html" && name != "toc.html"
        })
        .collect()
}

/// The lowest contrast found for one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeContrast {
    pub theme: String,
    pub plots: usize,
    /// The lowest ratio of a data line against its background, and which.
    pub worst_line: Option<(f64, String)>,
    pub worst_text: Option<(f64, String)>,
}

/// What one run of the browser test found.
#[derive(Debug, Default)]
pub struct Report {
    /// Pages visited, per book ("learners", "instructors"), at each width.
    pub visits: Vec<(String, u32, usize)>,
    pub failures: Vec<String>,
    /// Hints that are not failures (long code listings).
    pub hints: Vec<String>,
    pub contrast: Vec<ThemeContrast>,
    /// What was searched for in each book, and the page it had to find.
    pub searches: Vec<String>,
    pub seconds: f64,
}

impl Report {
    /// The summary printed at the end of the test.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        for (book, width, count) in &self.visits {
            out += &format!("{book}: {count} pages at {width} px\n");
        }
        for c in &self.contrast {
            let show = |worst: &Option<(f64, String)>| match worst {
                Some((ratio, what)) => format!("{ratio:.2}:1 ({what})"),
                None => "no plot".to_string(),
            };
            out += &format!(
                "theme {:<5}: {} plot(s); lowest line contrast {}; lowest text contrast {}\n",
                c.theme,
                c.plots,
                show(&c.worst_line),
                show(&c.worst_text)
            );
        }
        for search in &self.searches {
            out += &format!("search: {search}\n");
        }
        out += &format!(
            "{} failure(s) in {:.0} s\n",
            self.failures.len(),
            self.seconds
        );
        out
    }
}

/// Which book a page belongs to, by its place in the assembled site.
fn book_of(site: &Path, page: &Path) -> &'static str {
    if page.starts_with(site.join("instructor")) {
        "instructors"
    } else {
        "learners"
    }
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Opens every page of `site` at both widths, judges it, saves a
/// screenshot under `screenshots`, then checks search in each book and the
/// plots' contrast in every theme.
pub fn check_site(chromium: &Path, site: &Path, screenshots: &Path) -> Result<Report, String> {
    let started = Instant::now();
    let site = site
        .canonicalize()
        .map_err(|e| format!("{}: {e}", site.display()))?;
    let pages = pages(&site);
    if pages.is_empty() {
        return Err(format!("{}: no pages to open", site.display()));
    }
    let _ = std::fs::remove_dir_all(screenshots);
    let profile = crate::paths::target_dir()
        .join("course")
        .join("chromium-profile");
    let mut browser = Browser::launch(chromium, &profile)?;
    let mut report = Report::default();
    let mut plot_pages: Vec<PathBuf> = Vec::new();
    let mut search_targets: Vec<(String, PathBuf, String)> = Vec::new();
    for (width, height) in VIEWPORTS {
        browser.resize(width, height)?;
        for book in ["learners", "instructors"] {
            let count = pages.iter().filter(|p| book_of(&site, p) == book).count();
            report.visits.push((book.to_string(), width, count));
        }
        for page in &pages {
            let relative = page
                .strip_prefix(&site)
                .unwrap_or(page)
                .display()
                .to_string();
            let here = format!("{relative} at {width} px");
            let found = match visit(&mut browser, page) {
                Ok(found) => found,
                Err(e) => {
                    report.failures.push(format!("{here}: {e}"));
                    continue;
                }
            };
            let (checks, events) = found;
            report.failures.extend(
                judge(&checks, &events)
                    .into_iter()
                    .map(|f| format!("{here}: {f}")),
            );
            if let Err(e) = open_every_solution(&mut browser, &checks) {
                report.failures.push(format!("{here}: {e}"));
            }
            let shot = screenshots
                .join(format!("{width}").as_str())
                .join(relative.replace('/', "__").replace(".html", ".png"));
            if let Err(e) = browser.screenshot(&shot, 6000.0) {
                report.failures.push(format!("{here}: screenshot: {e}"));
            }
            // The first plot on its own, to look at it at this width.
            if let Some(area) = first_plot(&mut browser)? {
                browser.screenshot_of(&shot.with_extension("plot.png"), area)?;
            }
            if width == VIEWPORTS[0].0 && !relative.ends_with("print.html") {
                for lines in checks["longListings"].as_array().into_iter().flatten() {
                    report
                        .hints
                        .push(format!("{relative}: a code listing of {lines} lines"));
                }
                if checks["plots"].as_array().is_some_and(|p| !p.is_empty()) {
                    plot_pages.push(page.clone());
                }
                let searchable = !["index.html", "print.html"]
                    .iter()
                    .any(|n| page.file_name().is_some_and(|f| f == *n));
                // Per book, the page whose heading has the longest word:
                // a rare word, so that its page must rank among the results.
                if let Some(word) = search_word(&checks).filter(|_| searchable) {
                    let book = book_of(&site, page).to_string();
                    let shorter = |(b, _, w): &(String, PathBuf, String)| {
                        *b != book || w.chars().count() < word.chars().count()
                    };
                    if search_targets.iter().all(shorter) {
                        search_targets.retain(|(b, _, _)| *b != book);
                        search_targets.push((book, page.clone(), word));
                    }
                }
            }
        }
        for (book, page, word) in &search_targets {
            let root = if book == "instructors" {
                site.join("instructor")
            } else {
                site.clone()
            };
            let relative = page.strip_prefix(&site).unwrap_or(page).display();
            match search_finds(&mut browser, &root, page, word) {
                Ok(()) => report
                    .searches
                    .push(format!("{word:?} finds {relative} at {width} px")),
                Err(e) => report
                    .failures
                    .push(format!("search in the {book}' book at {width} px: {e}")),
            }
        }
    }
    browser.resize(VIEWPORTS[0].0, VIEWPORTS[0].1)?;
    let contrast = contrast_in_every_theme(&mut browser, &site, &plot_pages, screenshots)?;
    for c in &contrast {
        if let Some((ratio, what)) = &c.worst_line
            && *ratio < LINE_CONTRAST
        {
            report.failures.push(format!(
                "theme {}: line {what} has contrast {ratio:.2}:1 (needs {LINE_CONTRAST}:1)",
                c.theme
            ));
        }
        if let Some((ratio, what)) = &c.worst_text
            && *ratio < TEXT_CONTRAST
        {
            report.failures.push(format!(
                "theme {}: plot text {what} has contrast {ratio:.2}:1 (needs {TEXT_CONTRAST}:1)",
                c.theme
            ));
        }
    }
    report.contrast = contrast;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Opens `page`; the page checks' result and the events it caused.
fn visit(browser: &mut Browser, page: &Path) -> Result<(Value, Vec<Value>), String> {
    browser.navigate(&file_url(page))?;
    let checks = browser.evaluate(PAGE_CHECKS)?;
    Ok((checks, browser.take_events()))
}

/// Every failure in one page's checks and events, one line each.
pub fn judge(checks: &Value, events: &[Value]) -> Vec<String> {
    let mut failures = Vec::new();
    let list = |key: &str| -> Vec<String> {
        checks[key]
            .as_array()
            .into_iter()
            .flatten()
            .map(|v| {
                v.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| v.to_string())
            })
            .collect()
    };
    for what in list("overflowing") {
        failures.push(format!("overflows sideways: {what}"));
    }
    for what in list("badMath") {
        failures.push(format!("math not laid out by KaTeX: {what}"));
    }
    if checks["formulas"].as_u64().unwrap_or(0) > 0 && checks["katexFont"] != true {
        failures.push("math present but KaTeX's fonts did not load".into());
    }
    for what in list("rawTex") {
        failures.push(format!("TeX left as text: {what:?}"));
    }
    for (i, plot) in checks["plots"].as_array().into_iter().flatten().enumerate() {
        let n = i + 1;
        if plot["visible"] != 1 {
            failures.push(format!(
                "plot {n}: {} SVGs visible (one expected)",
                plot["visible"]
            ));
            continue;
        }
        let number = |key: &str| plot[key].as_f64().unwrap_or(0.0);
        if number("width") <= 0.0 || number("height") <= 0.0 {
            failures.push(format!("plot {n} has no size"));
        }
        if number("width") < 0.95 * number("contentWidth") {
            failures.push(format!(
                "plot {n} is {:.0} px wide in a {:.0} px column",
                number("width"),
                number("contentWidth")
            ));
        }
        if number("smallestText") + 0.5 < number("bodyText") {
            failures.push(format!(
                "plot {n}: text shown at {:.1} px, smaller than the body text ({:.1} px)",
                number("smallestText"),
                number("bodyText")
            ));
        }
        for key in ["title", "desc"] {
            if plot[key].as_str().is_none_or(|t| t.trim().is_empty()) {
                failures.push(format!("plot {n} has no <{key}>"));
            }
        }
    }
    for src in list("imagesWithoutAlt") {
        failures.push(format!("image without alt text: {src}"));
    }
    for svg in list("svgsWithoutName") {
        failures.push(format!("SVG image without a title: {svg}"));
    }
    for skip in list("headingSkips") {
        failures.push(format!("heading skips a level: {skip}"));
    }
    for href in list("unnamedLinks") {
        failures.push(format!("link without a name: {href}"));
    }
    failures.extend(events.iter().filter_map(event_failure));
    failures
}

/// A console error, an uncaught exception, a failed load or a request to
/// another host, as one line; None for an event that is none of these.
fn event_failure(event: &Value) -> Option<String> {
    let params = &event["params"];
    match event["method"].as_str()? {
        "Runtime.consoleAPICalled" if params["type"] == "error" || params["type"] == "assert" => {
            let text: Vec<String> = params["args"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| {
                    a["value"]
                        .as_str()
                        .or(a["description"].as_str())
                        .unwrap_or("?")
                        .to_string()
                })
                .collect();
            Some(format!("console error: {}", text.join(" ")))
        }
        "Runtime.exceptionThrown" => {
            let details = &params["exceptionDetails"];
            let text = details["exception"]["description"]
                .as_str()
                .or(details["text"].as_str())
                .unwrap_or("exception");
            Some(format!("uncaught exception: {text}"))
        }
        "Log.entryAdded" if params["entry"]["level"] == "error" => Some(format!(
            "console error: {} {}",
            params["entry"]["text"].as_str().unwrap_or(""),
            params["entry"]["url"].as_str().unwrap_or("")
        )),
        "Network.requestWillBeSent" => {
            let url = params["request"]["url"].as_str()?;
            is_remote(url).then(|| format!("request to another host: {url}"))
        }
        _ => None,
    }
}

/// Whether the browser had to leave this machine for `url` (the site is
/// opened from disk, so anything but a file or inline data is remote).
pub fn is_remote(url: &str) -> bool {
    !["file:", "data:", "blob:", "about:", "chrome:", "devtools:"]
        .iter()
        .any(|scheme| url.starts_with(scheme))
}

/// Each exercise or solution block: reachable with Tab (focusable, in tab
/// order) and opened by a real Enter key press, then closed again.
fn open_every_solution(browser: &mut Browser, checks: &Value) -> Result<(), String> {
    let count = checks["details"].as_u64().unwrap_or(0);
    for i in 0..count {
        let summary = format!("document.querySelectorAll('main details > summary')[{i}]");
        let focused = browser.evaluate(&format!(
            "(() => {{ const s = {summary}; s.focus(); \
             return s.tabIndex >= 0 && document.activeElement === s && !s.parentElement.open; }})()"
        ))?;
        if focused != true {
            return Err(format!(
                "<details> block {} cannot be focused from the keyboard",
                i + 1
            ));
        }
        browser.press("Enter", 13)?;
        let open = browser.evaluate(&format!("{summary}.parentElement.open"))?;
        if open != true {
            return Err(format!(
                "<details> block {} does not open with Enter",
                i + 1
            ));
        }
        browser.press("Enter", 13)?;
    }
    Ok(())
}

/// A word to search for that a page's first heading contains (its longest
/// word of five letters or more), to find that page by.
fn search_word(checks: &Value) -> Option<String> {
    let heading = checks["h1"].as_str()?;
    heading
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 5)
        .max_by_key(|w| w.chars().count())
        .map(str::to_lowercase)
}

/// Types `word` into the search box of the book at `root` and expects a
/// result that links to `page`.
fn search_finds(browser: &mut Browser, root: &Path, page: &Path, word: &str) -> Result<(), String> {
    browser.navigate(&file_url(&root.join("index.html")))?;
    browser.evaluate(
        "document.getElementById('mdbook-search-toggle').click(); \
         document.getElementById('mdbook-searchbar').focus(); true",
    )?;
    browser.type_text(word)?;
    // mdBook searches on key-up in the search box.
    browser.press("End", 35)?;
    let wanted = page
        .strip_prefix(root)
        .map_err(|_| format!("{} is outside its book", page.display()))?
        .display()
        .to_string();
    let deadline = Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let links = browser.evaluate(
            "[...document.querySelectorAll('#mdbook-searchresults a')].map(a => a.getAttribute('href'))",
        )?;
        let links: Vec<&str> = links
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        if links
            .iter()
            .any(|l| l.split(['#', '?']).next() == Some(wanted.as_str()))
        {
            let events = browser.take_events();
            if let Some(problem) = events.iter().find_map(event_failure) {
                return Err(problem);
            }
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!(
                "searching for {word:?} gave no link to {wanted} (links: {links:?})"
            ));
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// An sRGB colour as the browser computes it: "rgb(1, 2, 3)" or
/// "rgba(1, 2, 3, 0.5)" (the alpha is returned separately).
pub fn parse_colour(text: &str) -> Option<([f64; 3], f64)> {
    let inner = text
        .trim()
        .strip_prefix("rgba(")
        .or_else(|| text.trim().strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<f64> = inner
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        [r, g, b] => Some(([*r, *g, *b], 1.0)),
        [r, g, b, a] => Some(([*r, *g, *b], *a)),
        _ => None,
    }
}

/// WCAG 2 relative luminance of an sRGB colour (channels 0–255).
pub fn luminance(rgb: [f64; 3]) -> f64 {
    let linear = |c: f64| {
        let c = c / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

/// WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white).
pub fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `fg` drawn with `alpha` over `bg`: the colour the reader sees.
fn over(fg: [f64; 3], alpha: f64, bg: [f64; 3]) -> [f64; 3] {
    [0, 1, 2].map(|i| fg[i] * alpha + bg[i] * (1.0 - alpha))
}

/// Switches each page with plots through the five themes (clicking mdBook's
/// theme buttons), screenshots the first plot in each, and keeps the lowest
/// line and text contrast per theme.
fn contrast_in_every_theme(
    browser: &mut Browser,
    site: &Path,
    plot_pages: &[PathBuf],
    screenshots: &Path,
) -> Result<Vec<ThemeContrast>, String> {
    let mut results: Vec<ThemeContrast> = THEMES
        .iter()
        .map(|t| ThemeContrast {
            theme: t.to_string(),
            plots: 0,
            worst_line: None,
            worst_text: None,
        })
        .collect();
    for page in plot_pages {
        let relative = page
            .strip_prefix(site)
            .unwrap_or(page)
            .display()
            .to_string();
        browser.navigate(&file_url(page))?;
        for (theme, result) in THEMES.iter().zip(&mut results) {
            browser.evaluate(&format!(
                "document.getElementById('mdbook-theme-{theme}').click(); true"
            ))?;
            let found = browser.evaluate(PLOT_COLOURS)?;
            if let Some(area) = first_plot(browser)? {
                let shot = screenshots.join("themes").join(format!(
                    "{}-{theme}.png",
                    relative.replace('/', "__").replace(".html", "")
                ));
                browser.screenshot_of(&shot, area)?;
            }
            for plot in found["plots"].as_array().into_iter().flatten() {
                result.plots += 1;
                let background = plot["background"]
                    .as_str()
                    .and_then(parse_colour)
                    .map(|(c, _)| c)
                    .ok_or_else(|| {
                        format!("{relative}: unreadable background {}", plot["background"])
                    })?;
                for line in plot["lines"].as_array().into_iter().flatten() {
                    let Some((colour, alpha)) = line["colour"].as_str().and_then(parse_colour)
                    else {
                        continue;
                    };
                    let alpha = alpha * line["opacity"].as_f64().unwrap_or(1.0);
                    let ratio = contrast(over(colour, alpha, background), background);
                    let what = format!("{} in {relative}", line["name"].as_str().unwrap_or("?"));
                    keep_lowest(&mut result.worst_line, ratio, what);
                }
                for text in plot["text"].as_array().into_iter().flatten() {
                    let Some((colour, alpha)) = text.as_str().and_then(parse_colour) else {
                        continue;
                    };
                    let ratio = contrast(over(colour, alpha, background), background);
                    keep_lowest(&mut result.worst_text, ratio, format!("in {relative}"));
                }
            }
        }
        // Back to the default, which the browser profile remembers.
        browser.evaluate("document.getElementById('mdbook-theme-light').click(); true")?;
    }
    Ok(results)
}

/// Where the page's first plot is: `[x, y, width, height]` in the document.
fn first_plot(browser: &mut Browser) -> Result<Option<[f64; 4]>, String> {
    let area = browser.evaluate(
        "(() => { const f = document.querySelector('main figure.course-plot'); \
         if (!f) return null; const b = f.getBoundingClientRect(); \
         return [b.x + scrollX, b.y + scrollY, b.width, b.height]; })()",
    )?;
    Ok(area
        .as_array()
        .and_then(|a| a.iter().map(Value::as_f64).collect::<Option<Vec<f64>>>())
        .and_then(|v| <[f64; 4]>::try_from(v).ok()))
}

fn keep_lowest(worst: &mut Option<(f64, String)>, ratio: f64, what: String) {
    if worst.as_ref().is_none_or(|(lowest, _)| ratio < *lowest) {
        *worst = Some((ratio, what));
    }
}

/// The browser test as `cargo xtask test` runs it: the site rendered from
/// the test fixture's results, opened page by page. Err lists failures.
pub fn run(chromium: &Path, preprocessor: &Path) -> Result<Report, String> {
    let site = crate::paths::target_dir()
        .join("course")
        .join("browser-site");
    let fixture = crate::paths::root().join("tests/fixtures/results.json");
    crate::books::build_site(&site, preprocessor, Some(&fixture))?;
    let screenshots = crate::paths::target_dir()
        .join("course")
        .join("screenshots");
    let report = check_site(chromium, &site, &screenshots)?;
    for hint in &report.hints {
        note(format!("hint: {hint}"));
    }
    note(format!("screenshots in {}", screenshots.display()));
    for line in report.summary().lines() {
        note(line);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn contrast_follows_wcag() {
        let (black, white) = ([0.0; 3], [255.0; 3]);
        assert!((contrast(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast(white, white) - 1.0).abs() < 1e-9);
        // #777777 on white is the classic just-fails-AA grey: 4.48:1.
        let grey = [119.0; 3];
        assert!((contrast(grey, white) - 4.48).abs() < 0.01);
        // Half-transparent black over white reads as mid grey.
        assert_eq!(over(black, 0.5, white), [127.5; 3]);
    }

    #[test]
    fn computed_colours_parse_with_and_without_alpha() {
        assert_eq!(
            parse_colour("rgb(0, 114, 178)"),
            Some(([0.0, 114.0, 178.0], 1.0))
        );
        assert_eq!(
            parse_colour("rgba(1, 2, 3, 0.5)"),
            Some(([1.0, 2.0, 3.0], 0.5))
        );
        assert_eq!(parse_colour("var(--fg)"), None);
    }

    #[test]
    fn only_files_and_inline_data_stay_on_this_machine() {
        assert!(!is_remote("file:///site/index.html"));
        assert!(!is_remote("data:font/woff2;base64,AAAA"));
        assert!(is_remote("https://cdn.jsdelivr.net/npm/katex/katex.css"));
        assert!(is_remote("http://localhost:3000/"));
    }

    #[test]
    fn a_page_is_judged_on_its_checks_and_its_events() {
        let clean = json!({"overflowing": [], "formulas": 2, "katexFont": true, "plots": [
            {"visible": 1, "width": 700, "height": 400, "contentWidth": 700,
             "smallestText": 16, "bodyText": 16, "title": "t", "desc": "d"}]});
        assert!(judge(&clean, &[]).is_empty());
        let broken = json!({"overflowing": ["table reaches 512 px"], "formulas": 1, "katexFont": false,
            "plots": [{"visible": 1, "width": 300, "height": 200, "contentWidth": 700,
                       "smallestText": 9, "bodyText": 16, "title": "", "desc": "d"}],
            "headingSkips": ["h1 then h3 \"x\""], "unnamedLinks": ["#"]});
        let events = [
            json!({"method": "Network.requestWillBeSent", "params": {"request": {"url": "https://fonts.example/a.woff2"}}}),
            json!({"method": "Runtime.consoleAPICalled", "params": {"type": "error", "args": [{"value": "boom"}]}}),
            json!({"method": "Runtime.consoleAPICalled", "params": {"type": "log", "args": [{"value": "fine"}]}}),
        ];
        let failures = judge(&broken, &events);
        let expected = [
            "overflows sideways: table reaches 512 px",
            "math present but KaTeX's fonts did not load",
            "plot 1 is 300 px wide in a 700 px column",
            "plot 1: text shown at 9.0 px, smaller than the body text (16.0 px)",
            "plot 1 has no <title>",
            "heading skips a level: h1 then h3 \"x\"",
            "link without a name: #",
            "request to another host: https://fonts.example/a.woff2",
            "console error: boom",
        ];
        assert_eq!(failures, expected);
    }

    #[test]
    fn the_search_word_is_the_longest_word_of_the_first_heading() {
        assert_eq!(
            search_word(&json!({"h1": "Parallel computing with threads"})),
            Some("computing".to_string())
        );
        assert_eq!(search_word(&json!({"h1": "Day 1"})), None);
    }

    #[test]
    fn pages_leave_out_the_404_and_the_frame_fallback() {
        let dir = std::env::temp_dir().join(format!("course-browser-pages-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for file in [
            "index.html",
            "404.html",
            "toc.html",
            "day-1/a.html",
            "instructor/index.html",
        ] {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "").unwrap();
        }
        let found: Vec<String> = pages(&dir)
            .iter()
            .map(|p| p.strip_prefix(&dir).unwrap().display().to_string())
            .collect();
        assert_eq!(
            found,
            ["day-1/a.html", "index.html", "instructor/index.html"]
        );
        assert_eq!(
            book_of(&dir, &dir.join("instructor/index.html")),
            "instructors"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
