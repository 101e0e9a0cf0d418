//! Helpers shared by the MPI test files (each file is its own test binary,
//! and each includes this module).
#![allow(dead_code)] // not every test file uses every helper

use std::time::Duration;
use testkit::{Run, example, mpirun};

/// Generous: a job takes well under a second, but a deadlock must fail the
/// test, not hang the suite.
pub const LIMIT: Duration = Duration::from_secs(60);

/// Runs example `name` under `mpirun -n ranks` and returns what it printed.
pub fn run(ranks: usize, name: &str, args: &[&str]) -> Run {
    mpirun(ranks, name, args, LIMIT)
        .unwrap_or_else(|| panic!("`mpirun -n {ranks} {name} {args:?}` ran past {LIMIT:?}"))
}

/// Asserts that the job printed exactly `expected` on stdout, in any order:
/// ranks print at the same time.
pub fn assert_lines(run: &Run, expected: impl IntoIterator<Item = String>) {
    let mut expected: Vec<String> = expected.into_iter().collect();
    expected.sort_unstable();
    let mut actual: Vec<&str> = run.stdout.lines().collect();
    actual.sort_unstable();
    assert_eq!(actual, expected, "{run:#?}");
}

/// Asserts that the job failed with status 2, printed nothing on stdout and
/// `expected` as the first line of stderr, once (Open MPI adds its banner
/// about the non-zero exit after it).
pub fn assert_error(run: &Run, expected: &str) {
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(run.stdout.is_empty(), "{run:#?}");
    assert_eq!(run.stderr.lines().next(), Some(expected), "{run:#?}");
    assert_eq!(run.stderr.matches(expected).count(), 1, "{run:#?}");
}

/// Asserts that example `name`, started with one rank too few, stops at once
/// with the one-line explanation of `require_ranks`.
pub fn assert_needs_ranks(name: &str, at_least: usize) {
    let run = run(at_least - 1, name, &[]);
    assert_error(
        &run,
        &format!(
            "error: {name} needs at least {at_least} MPI ranks, started with {} \
             (run it with: mpirun -n {at_least} {})",
            at_least - 1,
            example(name).display()
        ),
    );
}
