//! The MPI examples, run as a learner runs them: under a real `mpirun`.
//! `testkit::mpirun` also checks after every job that no rank was left
//! running, and runs the jobs of this file one at a time.
use std::time::Duration;
use testkit::{Run, example, mpirun};

/// Generous: a job takes well under a second, but a deadlock must fail the
/// test, not hang the suite.
const LIMIT: Duration = Duration::from_secs(60);

fn run(ranks: usize, name: &str) -> Run {
    mpirun(ranks, name, &[], LIMIT)
        .unwrap_or_else(|| panic!("`mpirun -n {ranks} {name}` ran past {LIMIT:?}"))
}

/// The lines a job printed, sorted: ranks print in no particular order.
fn sorted_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().collect();
    lines.sort_unstable();
    lines
}

fn assert_lines(run: &Run, expected: Vec<String>) {
    let mut expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    expected.sort_unstable();
    assert_eq!(sorted_lines(&run.stdout), expected, "{run:#?}");
}

#[test]
fn hello_greets_once_from_every_rank() {
    for ranks in [2, 4] {
        let run = run(ranks, "hello");
        run.assert_success();
        assert_lines(
            &run,
            (0..ranks)
                .map(|r| format!("Hello from rank {r} of {ranks}"))
                .collect(),
        );
    }
}

#[test]
fn ring_passes_the_token_once_around() {
    for ranks in [2, 4] {
        let run = run(ranks, "ring");
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
        assert_lines(&run, expected.collect());
    }
}

#[test]
fn ring_on_one_rank_stops_with_one_line_instead_of_hanging() {
    let run = run(1, "ring");
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(run.stdout.is_empty(), "{run:#?}");
    let expected = format!(
        "error: ring needs at least 2 MPI ranks, started with 1 \
         (run it with: mpirun -n 2 {})",
        example("ring").display()
    );
    // Open MPI adds its own banner about the non-zero exit after our line.
    assert_eq!(
        run.stderr.lines().next(),
        Some(expected.as_str()),
        "{run:#?}"
    );
    assert_eq!(run.stderr.matches("needs at least").count(), 1, "{run:#?}");
}
