//! Point-to-point messages, run under a real `mpirun` with 2 and 4 ranks.
//! (The exercises' checkers run in tests/exercises.rs.)
mod common;
use common::{assert_lines, assert_needs_ranks, run};

/// "rank r is idle" for the ranks past the first two.
fn idle(ranks: usize) -> impl Iterator<Item = String> {
    (2..ranks).map(|r| format!("rank {r} is idle"))
}

#[test]
fn send_recv_delivers_the_slice_to_rank_1() {
    for ranks in [2, 4] {
        let run = run(ranks, "send_recv", &[]);
        run.assert_success();
        let expected = [
            "rank 0 sent [1.0, 2.5, 4.0] to rank 1".to_string(),
            "rank 1 received [1.0, 2.5, 4.0] from rank 0".to_string(),
        ];
        assert_lines(&run, expected.into_iter().chain(idle(ranks)));
    }
}

#[test]
fn point_to_point_examples_on_one_rank_stop_with_one_line() {
    assert_needs_ranks("send_recv", 2);
}

/// The seconds in "... returned after 0.123 s".
fn seconds_in(line: &str) -> f64 {
    let number = line.rsplit(' ').nth(1).expect("a number before the unit");
    number.parse().expect("seconds are a number")
}

#[test]
fn staggered_shows_that_a_synchronous_send_waits_for_the_receiver() {
    for ranks in [2, 4] {
        let run = run(ranks, "staggered", &[]);
        run.assert_success();
        let lines: Vec<&str> = run.stdout.lines().collect();
        assert!(
            lines.contains(&"rank 1: received 1 after a nap of 0.5 s"),
            "{run:#?}"
        );
        assert!(
            lines.contains(&"rank 1: received 2 after a nap of 0.5 s"),
            "{run:#?}"
        );
        for r in 2..ranks {
            assert!(
                lines.contains(&format!("rank {r} is idle").as_str()),
                "{run:#?}"
            );
        }
        // Not a speed but a guarantee: the synchronous send cannot complete
        // before rank 1 starts its second receive, two naps (1 s) after the
        // barrier. (How soon the standard send returns is up to the MPI
        // library, so it is printed, not checked.)
        let synchronous = lines
            .iter()
            .find(|l| l.starts_with("rank 0: synchronous_send returned after "))
            .unwrap_or_else(|| panic!("{run:#?}"));
        assert!(seconds_in(synchronous) >= 0.9, "{run:#?}");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("rank 0: send returned after "))
        );
    }
}

#[test]
fn staggered_needs_two_ranks() {
    assert_needs_ranks("staggered", 2);
}
