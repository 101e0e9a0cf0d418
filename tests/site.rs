//! Both books build, with and without measured results, and the site they
//! make works offline: internal links and anchors resolve, nothing is loaded
//! from another host, math is rendered by KaTeX.

use course::books::build_site;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Builds the site once per test binary for each results file; `None` when
/// the pipeline found no mdBook (`COURSE_SKIP_BOOKS`), which it reports as
/// a skipped check at the end of `cargo xtask test`.
fn site(with_results: bool) -> Option<&'static Path> {
    if let Ok(reason) = std::env::var("COURSE_SKIP_BOOKS") {
        eprintln!("SKIPPED: {reason}");
        return None;
    }
    Some(built_site(with_results))
}

fn built_site(with_results: bool) -> &'static Path {
    static WITH: OnceLock<PathBuf> = OnceLock::new();
    static WITHOUT: OnceLock<PathBuf> = OnceLock::new();
    let cell = if with_results { &WITH } else { &WITHOUT };
    cell.get_or_init(|| {
        let name = if with_results {
            "with-results"
        } else {
            "without-results"
        };
        let dir = course::paths::target_dir().join("test-site").join(name);
        let results = if with_results {
            root().join("tests/fixtures/results.json")
        } else {
            root().join("tests/fixtures/no-such-results.json")
        };
        let preprocessor = Path::new(env!("CARGO_BIN_EXE_xtask"));
        if let Err(e) = build_site(&dir, preprocessor, Some(&results)) {
            panic!("{e}\n(if mdbook is missing, run `cargo xtask setup`)");
        }
        dir
    })
}

fn page(site: &Path, path: &str) -> String {
    std::fs::read_to_string(site.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn both_books_build_and_every_internal_link_and_anchor_resolves() {
    for with_results in [true, false] {
        let Some(site) = site(with_results) else {
            return;
        };
        assert!(site.join("index.html").exists());
        assert!(site.join("instructor/index.html").exists());
        let broken = course::site::broken_links(site);
        assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    }
}

#[test]
fn no_page_loads_a_script_stylesheet_or_font_from_another_host() {
    let Some(site) = site(true) else { return };
    let loads = course::site::external_loads(site);
    assert!(
        loads.is_empty(),
        "the site must work offline:\n{}",
        loads.join("\n")
    );
}

#[test]
fn math_is_rendered_by_katex_and_its_fonts_are_served_locally() {
    let Some(site) = site(true) else { return };
    let raw = course::site::unrendered_math(site);
    assert!(raw.is_empty(), "{}", raw.join("\n"));
    let motivation = page(site, "day-1/motivation.html");
    assert!(
        motivation.contains("class=\"katex-display\""),
        "display math not rendered"
    );
    assert!(
        motivation.contains("class=\"katex\""),
        "inline math not rendered"
    );
    assert!(motivation.contains("assets/katex/katex.min.css"));
    assert!(
        site.join("assets/katex/fonts/KaTeX_Main-Regular.woff2")
            .exists()
    );
}

#[test]
fn measured_results_fill_the_table_plot_ratio_and_machine_stamp() {
    let Some(site) = site(true) else { return };
    let motivation = page(site, "day-1/motivation.html");
    assert!(
        motivation.contains("Fixture CPU (test data, not a measurement)"),
        "machine stamp"
    );
    assert!(
        motivation.contains("<figure class=\"course-plot\"><svg class=\"wide\""),
        "plot"
    );
    // A wide and a narrow drawing of the plot, one line per variant in each.
    assert_eq!(
        motivation.matches("<polyline").count(),
        2 * 5,
        "one line per variant"
    );
    // The loop-order table has 7 sizes and 5 variants: transposed, so that
    // the variants are its 5 columns, with the unit once in the corner.
    // cols-outer at 4096 is 6.0 ns per element in the fixture.
    assert!(motivation.contains("<th>time per element (ns)</th>"));
    assert!(
        motivation
            .contains("<tr><th scope=\"row\">4096</th><td>0.500</td><td>6.00</td><td>0.500</td>"),
        "the table's 4096 row"
    );
    assert!(!motivation.contains("6.00 ns</td>"), "no unit in a cell");
    assert!(motivation.contains("12.0×"), "ratio of the two loop orders");
    assert!(!motivation.contains("not measured in this build"));
}

#[test]
fn missing_results_render_as_not_measured() {
    let Some(site) = site(false) else { return };
    let motivation = page(site, "day-1/motivation.html");
    assert!(!motivation.contains("course-plot"));
    assert!(motivation.matches("not measured in this build").count() >= 4);
}

#[test]
fn the_schedule_page_lists_the_whole_course() {
    let schedule = course::schedule::load(&root().join("schedule.toml")).unwrap();
    let Some(site) = site(true) else { return };
    let learners = page(site, "schedule.html");
    let instructors = page(site, "instructor/schedule.html");
    for item in schedule.day.iter().flat_map(|d| &d.item) {
        let title = item.title.replace('&', "&amp;");
        assert!(
            learners.contains(&title),
            "learners' schedule lacks {title}"
        );
        assert!(
            instructors.contains(&title),
            "instructors' schedule lacks {title}"
        );
    }
    assert!(
        learners.contains("href=\"day-1/motivation.html\""),
        "written episodes are linked"
    );
}
