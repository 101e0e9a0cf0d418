//! The MPI track's checker under a real `mpirun`, as `cargo xtask exercise
//! heat_mpi` runs it: on the untouched starter it fails (exit 1, rank 0's
//! hint, once); with `--features solution` it passes (exit 0); on one rank
//! it is a usage error (exit 2).
use std::time::Duration;
use testkit::{Run, mpirun};

/// A deadlocked halo exchange must fail the test, not hang the suite.
const LIMIT: Duration = Duration::from_secs(120);

fn run(ranks: usize) -> Run {
    mpirun(ranks, "exercise_heat_mpi", &[], LIMIT)
        .unwrap_or_else(|| panic!("`mpirun -n {ranks} exercise_heat_mpi` ran past {LIMIT:?}"))
}

#[test]
fn the_checker_fails_on_the_starter_and_passes_on_the_solution() {
    let run = run(4);
    if cfg!(feature = "solution") {
        assert_eq!(run.code, Some(0), "{run:#?}");
        assert_eq!(
            run.stdout,
            "✓ heat_mpi: correct (the serial solver's field to the last bit on 4 ranks)\n"
        );
    } else if !testkit::starter_edited("capstone-mpi", "heat_mpi") {
        assert_eq!(run.code, Some(1), "{run:#?}");
        assert_eq!(
            run.stdout,
            "✗ heat_mpi: on 4 ranks, cell (1, 1) of the 37 × 23 plate after 41 steps is 0.25, the serial solver's 0.25130427: do the ghost rows hold the neighbours' rows before every step?\n"
        );
    }
}

#[test]
fn one_rank_is_a_usage_error() {
    let run = run(1);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(run.stdout.is_empty(), "{run:#?}");
    assert!(
        run.stderr
            .starts_with("usage: run under mpirun with 2 or more ranks"),
        "{run:#?}"
    );
}
