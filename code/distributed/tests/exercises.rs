//! The exercises' checkers, run under a real `mpirun` as `cargo xtask
//! exercise` runs them. Built without the `solution` feature they check
//! the untouched starters, which must fail with status 1 and a `✗` hint;
//! with it they check the reference solutions, which must pass.
mod common;
use common::run;

/// Every exercise of this crate, with the ranks its checker runs on.
const EXERCISES: [(&str, usize); 4] = [
    ("hello_variations", 4),
    ("reply", 2),
    ("broadcast_by_hand", 4),
    ("more_cells_per_message", 4),
];

#[test]
fn every_checker_fails_the_starter_and_passes_the_solution() {
    for (name, ranks) in EXERCISES {
        let run = run(ranks, &format!("exercise_{name}"), &[]);
        // Rank 0 alone gives the verdict, in one line.
        let verdicts: Vec<&str> = run
            .stdout
            .lines()
            .filter(|l| l.starts_with('✓') || l.starts_with('✗'))
            .collect();
        if cfg!(feature = "solution") {
            assert_eq!(run.code, Some(0), "{run:#?}");
            assert_eq!(verdicts, [format!("✓ {name}: correct")], "{run:#?}");
        } else if !testkit::starter_edited("distributed", name) {
            assert_eq!(run.code, Some(1), "{run:#?}");
            assert_eq!(verdicts.len(), 1, "{run:#?}");
            assert!(verdicts[0].starts_with(&format!("✗ {name}: ")), "{run:#?}");
        }
    }
}

#[test]
fn checkers_refuse_too_few_ranks_with_one_line() {
    for (name, at_least) in [
        ("hello_variations", 2),
        ("reply", 2),
        ("broadcast_by_hand", 3),
    ] {
        common::assert_needs_ranks(&format!("exercise_{name}"), at_least);
    }
}
