//! The exercises' checkers, run as `cargo xtask exercise` runs them. Built
//! without the `solution` feature they check the untouched starters, which
//! must fail with status 1 and one `✗` hint; with it they check the
//! reference solutions, which must pass (or report SKIPPED, status 3, where
//! the machine lacks what the exercise is about).
use std::time::Duration;
use testkit::run_example;

const LIMIT: Duration = Duration::from_secs(600);

/// Every exercise of this crate.
const EXERCISES: [&str; 5] = [
    "profile_fast",
    "time_now",
    "native_cpu",
    "one_draw",
    "integrate_mine",
];

#[test]
fn every_checker_fails_the_starter_and_passes_the_solution() {
    for name in EXERCISES {
        let run = run_example(&format!("exercise_{name}"), &[], LIMIT);
        let first = run.stdout.lines().next().unwrap_or_default();
        if run.code == Some(3) {
            assert!(first.starts_with(&format!("SKIPPED {name}: ")), "{run:#?}");
            continue;
        }
        if cfg!(feature = "solution") {
            assert_eq!(run.code, Some(0), "{run:#?}");
            assert!(first.starts_with(&format!("✓ {name}: correct")), "{run:#?}");
        } else if !testkit::starter_edited("performance", name) {
            assert_eq!(run.code, Some(1), "{run:#?}");
            assert!(first.starts_with(&format!("✗ {name}: ")), "{run:#?}");
            assert_eq!(run.stdout.lines().count(), 1, "{run:#?}");
        }
    }
}

#[test]
fn the_starters_hints_name_what_to_fix() {
    if cfg!(feature = "solution") {
        return;
    }
    let hint = |name: &str| run_example(&format!("exercise_{name}"), &[], LIMIT).stdout;
    assert!(hint("profile_fast").contains("LARGEST_PART is still NotProfiledYet"));
    assert!(hint("one_draw").contains("position 1 is"));
    assert!(hint("integrate_mine").contains("did every one of the N points get added?"));
}
