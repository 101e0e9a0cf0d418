//! The deadlock really hangs (and leaves no process behind once killed);
//! both fixes finish.
mod common;
use common::{assert_lines, assert_needs_ranks, run};
use std::time::{Duration, Instant};

#[test]
fn deadlock_never_finishes_and_is_cleaned_up() {
    // Short: the job is expected to hang, and the test waits all of it.
    let limit = Duration::from_secs(5);
    let started = Instant::now();
    let run = testkit::mpirun(2, "deadlock", &[], limit);
    // `mpirun` also checked that no rank survived being killed.
    assert!(run.is_none(), "the deadlock finished:\n{run:#?}");
    assert!(started.elapsed() >= limit);
}

/// Ranks 0 and 1 swap 100 + rank; the others sit it out.
fn swapped(ranks: usize) -> Vec<String> {
    let mut lines = vec![
        "rank 0 received 101".to_string(),
        "rank 1 received 100".to_string(),
    ];
    lines.extend((2..ranks).map(|r| format!("rank {r} is idle")));
    lines
}

#[test]
fn sendrecv_fixes_the_deadlock() {
    for ranks in [2, 4] {
        let run = run(ranks, "deadlock_fixed_sendrecv", &[]);
        run.assert_success();
        assert_lines(&run, swapped(ranks));
    }
}

#[test]
fn nonblocking_send_fixes_the_deadlock() {
    for ranks in [2, 4] {
        let run = run(ranks, "deadlock_fixed_nonblocking", &[]);
        run.assert_success();
        assert_lines(&run, swapped(ranks));
    }
}

#[test]
fn exchange_examples_on_one_rank_stop_with_one_line() {
    for name in [
        "deadlock",
        "deadlock_fixed_sendrecv",
        "deadlock_fixed_nonblocking",
    ] {
        assert_needs_ranks(name, 2);
    }
}
