//! The distributed sum: every rank's share and the total, for sizes that do
//! and do not divide N.
mod common;
use common::{assert_error, assert_lines, run};
use distributed::partition;

/// What the job prints for `n` numbers (i % 10 for i in 0..n) on `ranks`.
fn expected(n: usize, ranks: usize) -> Vec<String> {
    let (counts, displs) = partition(n, ranks).unwrap();
    let mut lines: Vec<String> = (0..ranks)
        .map(|r| {
            let (count, start) = (counts[r] as usize, displs[r] as usize);
            let partial: usize = (start..start + count).map(|i| i % 10).sum();
            format!("rank {r} summed {count} numbers: {partial}")
        })
        .collect();
    let total: usize = (0..n).map(|i| i % 10).sum();
    lines.push(format!(
        "total of {n} numbers on {ranks} ranks: {total}, serial: {total}, equal: true"
    ));
    lines
}

#[test]
fn scatter_reduce_sums_ten_million_numbers_exactly() {
    for ranks in [2, 4] {
        let run = run(ranks, "scatter_reduce", &[]);
        run.assert_success();
        assert_lines(&run, expected(10_000_000, ranks));
    }
}

#[test]
fn scatter_reduce_handles_sizes_that_do_not_divide_n() {
    // 10 = 3 + 3 + 2 + 2, 3 = 1 + 1 + 1 + 0, 7 = 4 + 3.
    for (n, ranks) in [(10, 4), (3, 4), (7, 2)] {
        let run = run(ranks, "scatter_reduce", &[&n.to_string()]);
        run.assert_success();
        assert_lines(&run, expected(n, ranks));
    }
}

#[test]
fn scatter_reduce_refuses_a_bad_n_with_one_line() {
    let zero = run(2, "scatter_reduce", &["0"]);
    assert_error(
        &zero,
        "error: N must be at least 1, got 0 (usage: scatter_reduce [N])",
    );
    let word = run(2, "scatter_reduce", &["ten"]);
    assert_error(
        &word,
        "error: N must be a whole number, got \"ten\" (usage: scatter_reduce [N])",
    );
}
