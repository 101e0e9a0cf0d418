//! The exercise checkers, run as `cargo xtask exercise NAME` runs them. On
//! the untouched starters each one fails (exit 1) with its hint; built with
//! `--features solution` each one passes (exit 0); without any adapter each
//! one says it skipped (exit 3).
use gpu::test_context;
use std::time::Duration;
use testkit::{Run, run_example};

const LIMIT: Duration = Duration::from_secs(300);

/// What the starter's check must say: the exercise's first line of advice.
const STARTER_VERDICTS: [(&str, &str); 4] = [
    (
        "port",
        "✗ port: particle 0 of 1 (m = 1, v = -2): the GPU gives -2, the CPU ½ m v² = 2; that is the momentum m v: compute ½ m v² instead",
    ),
    (
        "copy_back",
        "✗ copy_back: the sum is 0: the squares are still on the GPU, in `result`; ctx.read_back(&result) copies them into a Vec<f32>",
    ),
    (
        "max",
        "✗ max: the largest of 2 numbers is -6, your kernel says -7931; is something still adding up? Both the loop and the tree must take the max",
    ),
    (
        "crossover",
        "✗ crossover: when the GPU wins at 1024 by chance, loses at 16384, and wins from 262144 on (sizes [1024, 16384, 262144, 4194304]), the answer is Some(262144), yours is Some(1024)",
    ),
];

fn check(name: &str) -> Run {
    run_example(&format!("exercise_{name}"), &[], LIMIT)
}

#[test]
fn each_checker_fails_on_its_starter_and_passes_on_the_solution() {
    let has_adapter = test_context().is_some();
    for (name, starter_verdict) in STARTER_VERDICTS {
        let run = check(name);
        let first = run.stdout.lines().next().unwrap_or_default().to_string();
        // The crossover's made-up tables are checked before any GPU work.
        if !has_adapter && name != "crossover" {
            assert_eq!(run.code, Some(3), "{run:#?}");
            assert!(first.starts_with(&format!("SKIPPED {name}: ")), "{run:#?}");
        } else if cfg!(feature = "solution") {
            assert_eq!(run.code, Some(if has_adapter { 0 } else { 3 }), "{run:#?}");
            if has_adapter {
                assert!(first.starts_with(&format!("✓ {name}: correct")), "{run:#?}");
            }
        } else if !testkit::starter_edited("gpu", name) {
            assert_eq!(run.code, Some(1), "{run:#?}");
            assert_eq!(first, starter_verdict, "{run:#?}");
            assert_eq!(run.stdout.lines().count(), 1, "{run:#?}");
        }
    }
}
