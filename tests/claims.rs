//! Conclusions are checked, and benchmarks describe the reader's machine:
//! every claim in the books parses, every performance bar of the course
//! plan is a claim on its page, and no benchmark id names a thread count.

use course::claims::{self, Claim};
use course::site::files;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn all_claims() -> Vec<(PathBuf, Claim)> {
    claims::collect(&[root().join("src"), root().join("instructor").join("src")]).unwrap()
}

/// The course plan's performance bars (§7) that this course measures, by
/// the page that states them and words in the bar's name.
const BARS: [(&str, &[&str]); 13] = [
    ("src/day-2/performance.md", &["integration", "250"]),
    ("src/day-2/performance.md", &["integration", "4×"]),
    ("src/day-2/performance.md", &["integration", "1.8"]),
    (
        "src/day-2/performance.md",
        &["PyO3 one thread", "2× typed Cython"],
    ),
    (
        "src/day-2/performance.md",
        &["PyO3 one thread", "2× Numba njit"],
    ),
    (
        "src/day-2/performance.md",
        &["PyO3 all cores", "Numba parallel"],
    ),
    ("src/day-2/performance.md", &["PyO3 all cores", "1.8"]),
    ("src/day-2/performance.md", &["word count", "10×"]),
    ("src/day-2/performance.md", &["word count", "1.6"]),
    ("src/day-1/stack.md", &["85"]),
    ("src/day-2/mpi.md", &["ping-pong", "1.2"]),
    ("src/day-3/gpu-computing-1.md", &["75"]),
    ("src/day-3/gpu-computing-2.md", &["tiled", "5×"]),
];

#[test]
fn every_performance_bar_is_a_checked_claim_on_its_page() {
    let claims = all_claims();
    let mut missing = Vec::new();
    for (page, words) in BARS {
        let found = claims.iter().any(|(path, claim)| {
            path.ends_with(page)
                && claim
                    .bar
                    .as_deref()
                    .is_some_and(|bar| words.iter().all(|w| bar.contains(w)))
        });
        if !found {
            missing.push(format!("{page}: a bar=\"…\" claim naming {words:?}"));
        }
    }
    assert!(missing.is_empty(), "missing bars:\n{}", missing.join("\n"));
}

#[test]
fn every_claim_names_measurements_and_both_texts() {
    let claims = all_claims();
    assert!(claims.len() >= 9, "only {} claims", claims.len());
    for (page, claim) in &claims {
        assert!(
            !claim.holds.trim().is_empty() && !claim.fails.trim().is_empty(),
            "{}: {claim:?}",
            page.display()
        );
        assert_ne!(claim.holds, claim.fails, "{}", page.display());
    }
}

/// "rayon-2-threads", "4-threads", "threads-8", "mpi-4": a count of
/// threads or ranks spelled into a name.
fn names_a_count(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    for word in ["-thread", "-threads", "-ranks", "-cores"] {
        let mut from = 0;
        while let Some(at) = text[from..].find(word) {
            let at = from + at;
            if at > 0 && bytes[at - 1].is_ascii_digit() {
                return Some(text[at.saturating_sub(12)..(at + word.len()).min(text.len())].into());
            }
            from = at + word.len();
        }
    }
    for prefix in ["\"mpi-", "/mpi-", "threads-"] {
        if let Some(at) = text.find(prefix) {
            let after = &bytes[at + prefix.len()..];
            if after.first().is_some_and(u8::is_ascii_digit) {
                return Some(text[at..(at + prefix.len() + 3).min(text.len())].into());
            }
        }
    }
    None
}

#[test]
fn no_benchmark_id_or_results_directive_names_a_thread_count() {
    assert!(names_a_count("BenchmarkId::new(\"rayon-2-threads\", n)").is_some());
    assert!(names_a_count("capstone/heat/mpi-4/2048").is_some());
    assert!(names_a_count("BenchmarkId::new(\"rayon\", n)").is_none());
    let sources = [
        files(&root().join("benches"), "rs"),
        files(&root().join("benches"), "py"),
    ]
    .concat();
    let pages = [
        files(&root().join("src"), "md"),
        files(&root().join("instructor").join("src"), "md"),
    ]
    .concat();
    let mut found = Vec::new();
    for file in sources.iter().chain(&pages) {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let is_page = file.extension().is_some_and(|e| e == "md");
            let is_id = !is_page || line.contains("{{#results");
            if let Some(what) = names_a_count(line).filter(|_| is_id) {
                found.push(format!("{}:{}: {what}", file.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "thread or rank counts in ids:\n{}",
        found.join("\n")
    );
}
