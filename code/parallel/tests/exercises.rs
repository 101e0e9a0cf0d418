//! Every exercise's checker fails on its untouched starter, with its hint.
//! (The solutions pass under `--features solution`: `cargo xtask test`.)
use std::time::Duration;
use testkit::run_example;

#[test]
fn the_exercise_checkers_fail_on_the_untouched_starters() {
    for (exercise, hint) in [
        (
            "speedup",
            "✗ speedup: 1. speedup on 16 cores: no prediction yet",
        ),
        (
            "primes",
            "✗ primes: the count is right, but every number was tested on one thread",
        ),
        (
            "threads",
            "✗ threads: total_on_threads: the calling thread ran some of the work",
        ),
        (
            "false_sharing",
            "✗ false_sharing: the two counters are 8 bytes apart",
        ),
        (
            "slurm",
            "✗ slurm: --ntasks=16 asks SLURM to start 16 copies of the program",
        ),
    ] {
        if testkit::starter_edited("parallel", exercise) {
            continue;
        }
        let run = run_example(
            &format!("exercise_{exercise}"),
            &[],
            Duration::from_secs(120),
        );
        assert_eq!(run.code, Some(1), "{run:#?}");
        assert!(run.stdout.starts_with(hint), "{}", run.stdout);
        assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    }
}

#[test]
fn a_checker_refuses_arguments_with_exit_code_2() {
    let run = run_example("exercise_speedup", &["extra"], Duration::from_secs(60));
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stderr, "error: exercise_speedup takes no arguments\n");
}
