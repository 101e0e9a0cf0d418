//! The collectives, run under a real `mpirun` with 2 and 4 ranks: every
//! rank's line is checked.
mod common;
use common::{assert_error, assert_lines, run};

/// What every rank prints after a broadcast from `root`.
fn broadcast_lines(ranks: usize, root: usize) -> Vec<String> {
    let base = 100 * root;
    (0..ranks)
        .map(|r| {
            format!(
                "rank {r} has [{}, {}, {}] from rank {root}",
                base + 1,
                base + 2,
                base + 3
            )
        })
        .collect()
}

#[test]
fn broadcast_delivers_the_roots_data_everywhere() {
    // (The broadcast by hand is an exercise: tests/exercises.rs runs its checker.)
    for name in ["broadcast"] {
        for ranks in [2, 4] {
            let from_0 = run(ranks, name, &[]);
            from_0.assert_success();
            assert_lines(&from_0, broadcast_lines(ranks, 0));
            // The last rank as root, so the root is not always rank 0.
            let root = ranks - 1;
            let from_last = run(ranks, name, &[&root.to_string()]);
            from_last.assert_success();
            assert_lines(&from_last, broadcast_lines(ranks, root));
        }
    }
}

#[test]
fn broadcast_refuses_a_root_that_is_not_a_rank() {
    for (bad, why) in [
        ("2", "ROOT must be at most 1, got 2"),
        ("one", "ROOT must be a whole number, got \"one\""),
        ("-1", "ROOT must be at least 0, got -1"),
    ] {
        let run = run(2, "broadcast", &[bad]);
        assert_error(&run, &format!("error: {why} (usage: broadcast [ROOT])"));
    }
}

#[test]
fn gather_collects_every_square_on_rank_0() {
    for ranks in [2, 4] {
        let run = run(ranks, "gather", &[]);
        run.assert_success();
        let squares: Vec<usize> = (0..ranks).map(|r| r * r).collect();
        let expected = std::iter::once(format!("rank 0 gathered {squares:?}"))
            .chain((1..ranks).map(|r| format!("rank {r} sent {}", r * r)));
        assert_lines(&run, expected);
    }
}

#[test]
fn scatter_gives_each_rank_its_own_value() {
    for ranks in [2, 4] {
        let run = run(ranks, "scatter", &[]);
        run.assert_success();
        assert_lines(
            &run,
            (0..ranks).map(|r| format!("rank {r} received {}", 10 * (r + 1))),
        );
    }
}

#[test]
fn reduce_sums_on_rank_0_only() {
    for ranks in [2, 4] {
        let run = run(ranks, "reduce", &[]);
        run.assert_success();
        let sum = ranks * (ranks + 1) / 2;
        let expected = std::iter::once(format!("rank 0 contributed 1, sum = {sum}"))
            .chain((1..ranks).map(|r| format!("rank {r} contributed {}", r + 1)));
        assert_lines(&run, expected);
    }
}

#[test]
fn all_reduce_gives_every_rank_the_sum() {
    for ranks in [2, 4] {
        let run = run(ranks, "all_reduce", &[]);
        run.assert_success();
        let sum = ranks * (ranks + 1) / 2;
        assert_lines(
            &run,
            (0..ranks).map(|r| format!("rank {r} contributed {}, sum = {sum}", r + 1)),
        );
    }
}
