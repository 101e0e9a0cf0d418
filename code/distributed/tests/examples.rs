//! The SPMD teaser examples, run as a learner runs them: under a real
//! `mpirun`. `testkit::mpirun` also checks after every job that no rank was
//! left running, and runs the jobs one at a time.
mod common;
use common::{assert_lines, assert_needs_ranks, run};

#[test]
fn hello_greets_once_from_every_rank() {
    for ranks in [2, 4] {
        let run = run(ranks, "hello", &[]);
        run.assert_success();
        assert_lines(
            &run,
            (0..ranks).map(|r| format!("Hello from rank {r} of {ranks}")),
        );
    }
}

#[test]
fn ring_passes_the_token_once_around() {
    for ranks in [2, 4] {
        let run = run(ranks, "ring", &[]);
        run.assert_success();
        // Rank r > 0 gets the token from rank r - 1 after r hops; rank 0 gets
        // it back from the last rank after `ranks` hops.
        let expected = (0..ranks).map(|r| {
            let (token, from) = if r == 0 {
                (ranks, ranks - 1)
            } else {
                (r, r - 1)
            };
            format!("rank {r} received token {token} from rank {from}")
        });
        assert_lines(&run, expected);
    }
}

#[test]
fn ring_on_one_rank_stops_with_one_line_instead_of_hanging() {
    assert_needs_ranks("ring", 2);
}
