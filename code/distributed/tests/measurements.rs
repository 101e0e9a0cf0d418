//! The programs the benchmarks time: what they print is checked here (the
//! shape of every line and the values that do not depend on speed), under a
//! real `mpirun` with 2 and 4 ranks. No timing is asserted.
mod common;
use common::{assert_error, assert_needs_ranks, run};

/// Stdout lines that are not `#` comments, split into columns.
fn rows(stdout: &str) -> Vec<Vec<&str>> {
    stdout
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split_whitespace().collect())
        .collect()
}

fn positive_seconds(text: &str) -> bool {
    text.parse::<f64>().is_ok_and(|s| s > 0.0 && s.is_finite())
}

#[test]
fn pingpong_measures_every_power_of_two_from_8_bytes() {
    for ranks in [2, 4] {
        let run = run(ranks, "pingpong", &["4096"]);
        run.assert_success();
        let rows = rows(&run.stdout);
        let sizes: Vec<&str> = rows.iter().map(|r| r[0]).collect();
        assert_eq!(
            sizes,
            [
                "8", "16", "32", "64", "128", "256", "512", "1024", "2048", "4096"
            ]
        );
        for row in &rows {
            assert_eq!(row.len(), 3, "{row:?}");
            assert!(positive_seconds(row[1]), "{row:?}");
        }
        // One header line, from rank 0 only.
        assert_eq!(run.stdout.matches('#').count(), 1, "{run:#?}");
    }
}

#[test]
fn pingpong_needs_two_ranks_and_a_size() {
    assert_needs_ranks("pingpong", 2);
    assert_error(
        &run(2, "pingpong", &["4"]),
        "error: MAX_BYTES must be at least 8, got 4 (usage: pingpong [MAX_BYTES])",
    );
}

#[test]
fn messages_deliver_particles_intact_three_ways() {
    for ranks in [2, 4] {
        let run = run(ranks, "messages", &["1000"]);
        run.assert_success();
        let rows = rows(&run.stdout);
        assert!(
            rows.contains(&vec![
                "rank", "1:", "all", "15", "messages", "arrived", "intact:", "true"
            ]),
            "{run:#?}"
        );
        let methods: Vec<&[&str]> = rows
            .iter()
            .filter(|r| r[0] != "rank")
            .map(|r| &r[..])
            .collect();
        let names: Vec<&str> = methods.iter().map(|r| r[0]).collect();
        assert_eq!(names, ["f64-slice", "derived-datatype", "serde-json"]);
        for row in &methods {
            assert_eq!(row[1], "1000");
            assert!(positive_seconds(row[3]), "{row:?}");
        }
        // Typed and derived messages are exactly the bytes in memory; JSON
        // text is longer than the 64 bytes a particle takes in memory.
        assert_eq!(methods[0][2], "64000");
        assert_eq!(methods[1][2], "64000");
        assert!(methods[2][2].parse::<usize>().unwrap() > 64000);
    }
}

#[test]
fn messages_need_two_ranks() {
    assert_needs_ranks("messages", 2);
}

#[test]
fn scatter_reduce_timing_reports_three_phases_and_a_correct_sum() {
    for ranks in [1, 2, 4] {
        let run = run(ranks, "scatter_reduce_timing", &["100003"]);
        run.assert_success();
        assert!(
            run.stdout.contains(&format!(
                "# n = 100003 doubles, ranks = {ranks}, sum correct: true"
            )),
            "{run:#?}"
        );
        let rows = rows(&run.stdout);
        let phases: Vec<&str> = rows.iter().map(|r| r[0]).collect();
        assert_eq!(phases, ["scatter", "sum", "reduce"]);
        for row in &rows {
            assert_eq!(row[1], ranks.to_string());
            assert!(positive_seconds(row[2]), "{row:?}");
        }
    }
}

#[test]
fn scatter_reduce_timing_refuses_zero() {
    assert_error(
        &run(2, "scatter_reduce_timing", &["0"]),
        "error: N must be at least 1, got 0 (usage: scatter_reduce_timing [N])",
    );
}
