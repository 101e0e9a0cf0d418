//! The capstone's exercise checkers, run as `cargo xtask exercise NAME` runs
//! them: on the untouched starters each fails (exit 1) with its hint; built
//! with `--features solution` each passes (exit 0). The GPU track skips
//! (exit 3) without an adapter.
use std::time::Duration;
use testkit::run_example;

const LIMIT: Duration = Duration::from_secs(300);

#[test]
fn each_checker_fails_on_its_starter_and_passes_on_the_solution() {
    let has_adapter = gpu::test_context().is_some();
    let starter_verdicts = [
        (
            "heat_rayon",
            "✗ heat_rayon: the 3 × 3 plate after 1 step has not changed: step_parallel must write rows 1 to ny − 2 of `next`",
        ),
        (
            "heat_gpu",
            "✗ heat_gpu: the 3 × 3 plate after 1 step has not changed: the kernel must write `next` for every inside cell",
        ),
    ];
    for (name, starter_verdict) in starter_verdicts {
        let run = run_example(&format!("exercise_{name}"), &[], LIMIT);
        let first = run.stdout.lines().next().unwrap_or_default();
        if name == "heat_gpu" && !has_adapter {
            assert_eq!(run.code, Some(3), "{run:#?}");
            assert!(first.starts_with("SKIPPED heat_gpu: "), "{run:#?}");
        } else if cfg!(feature = "solution") {
            assert_eq!(run.code, Some(0), "{run:#?}");
            assert!(first.starts_with(&format!("✓ {name}: correct")), "{run:#?}");
            // Speed is compared in an optimised build only.
            let speed = run.stdout.lines().nth(1).unwrap_or_default();
            if cfg!(debug_assertions) {
                assert!(speed.contains("only in an optimised build"), "{run:#?}");
            } else {
                assert!(speed.contains("× the serial"), "{run:#?}");
            }
        } else if !testkit::starter_edited("capstone", name) {
            assert_eq!(run.code, Some(1), "{run:#?}");
            assert_eq!(first, starter_verdict, "{run:#?}");
            assert_eq!(run.stdout.lines().count(), 1, "{run:#?}");
        }
    }
}
