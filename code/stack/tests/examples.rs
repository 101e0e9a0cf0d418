//! The stack's example programs, run as a learner runs them.
use std::time::Duration;
use testkit::run_example;

const LIMIT: Duration = Duration::from_secs(120);

#[test]
fn anatomy_prints_offsets_shapes_and_strides() {
    let run = run_example("anatomy", &[], LIMIT);
    run.assert_success();
    let out = &run.stdout;
    for expected in [
        "the slice v[4..8] starts 4 elements in, holds 4",
        "C order in memory:       [0.0, 1.0, 2.0, 10.0, 11.0, 12.0]",
        "Fortran order in memory: [0.0, 10.0, 1.0, 11.0, 2.0, 12.0]",
        "strides: C [3, 1], Fortran [1, 2]",
        "a.slice(s![1.., 1..3])        5  [2, 2]   [4, 1]",
        "a.slice(s![..;-1, ..])        8  [3, 4]   [-4, 1]",
        "broadcast to [3, 4]: strides [0, 1], same memory: true",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[test]
fn the_latency_staircase_prints_one_line_per_working_set() {
    let run = run_example("latency", &["1"], LIMIT);
    run.assert_success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "working set  ns per load");
    // 4 KiB to 1 MiB, powers of two and the points halfway between.
    let rows = &lines[1..lines.len() - 2];
    assert_eq!(rows.len(), 17, "{lines:?}");
    assert!(rows[0].trim_start().starts_with("4 KiB"));
    assert!(rows[16].trim_start().starts_with("1 MiB"));
    for row in rows {
        let ns: f64 = row.split_whitespace().last().unwrap().parse().unwrap();
        assert!(ns > 0.0, "{row}");
    }
    assert!(lines[lines.len() - 2].starts_with("huge pages held during the last size: "));
    assert_eq!(
        lines[lines.len() - 1],
        "compare the steps with your caches: lscpu --caches (Linux)"
    );
}

#[test]
fn bandwidth_reports_every_kernel_and_the_exact_sums() {
    let run = run_example("bandwidth", &["1"], LIMIT);
    run.assert_success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "3 arrays of 1 million f64 (8 MB each)");
    let names = [
        "copy",
        "scale",
        "add",
        "triad",
        "triad, all cores",
        "sum, fold",
        "sum, chunked",
    ];
    assert_eq!(lines.len(), 1 + names.len(), "{lines:?}");
    for (line, name) in lines[1..].iter().zip(names) {
        assert!(line.starts_with(name) && line.contains(" GB/s"), "{line}");
    }
    assert!(lines[6].ends_with("(sum = 15000000)"), "{}", lines[6]);
    assert!(lines[7].ends_with("(sum = 15000000)"), "{}", lines[7]);
}

#[test]
fn the_exercise_checkers_fail_on_the_untouched_starters() {
    // The solutions pass under `--features solution` (`cargo xtask test`).
    for (exercise, hint) in [
        (
            "strides",
            "✗ strides: 0 of 6 right; 1 (c_order(4, 6).t()): no prediction yet",
        ),
        (
            "views",
            "✗ views: station(readings, 3) gave [0.0, 1.0, 2.0, 3.0, 4.0]",
        ),
        ("dot", "✗ dot: right, but still one chain of additions"),
        ("crates", "✗ crates: 1. arrays: no answer yet"),
    ] {
        if testkit::starter_edited("stack", exercise) {
            continue;
        }
        let run = run_example(&format!("exercise_{exercise}"), &[], LIMIT);
        assert_eq!(run.code, Some(1), "{run:#?}");
        assert!(run.stdout.starts_with(hint), "{}", run.stdout);
        assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    }
}

#[test]
fn history_prints_the_table_or_the_plot() {
    let table = run_example("history", &[], LIMIT);
    table.assert_success();
    assert!(table.stdout.starts_with("| year | processor |"));
    let plot = run_example("history", &["--svg"], LIMIT);
    plot.assert_success();
    assert!(
        plot.stdout
            .starts_with("<figure class=\"course-plot\"><svg")
    );
}

#[test]
fn bad_arguments_are_one_line_errors() {
    let cases = [
        (
            "latency",
            "big",
            "error: MAX_MIB must be a whole number, got \"big\" (usage: latency [MAX_MIB])\n",
        ),
        (
            "latency",
            "0",
            "error: MAX_MIB must be at least 1, got 0 (usage: latency [MAX_MIB])\n",
        ),
        (
            "latency",
            "99999999999999999",
            "error: MAX_MIB must be at most 16_384, got 99999999999999999 (usage: latency [MAX_MIB])\n",
        ),
        (
            "bandwidth",
            "x",
            "error: MILLIONS must be a whole number, got \"x\" (usage: bandwidth [MILLIONS])\n",
        ),
        (
            "history",
            "--png",
            "error: unknown option --png (usage: history [--svg])\n",
        ),
    ];
    for (example, arg, message) in cases {
        let run = run_example(example, &[arg], LIMIT);
        assert_eq!(run.code, Some(2), "{example} {arg}: {run:#?}");
        assert!(run.stdout.is_empty(), "{example} {arg}: {run:#?}");
        assert_eq!(run.stderr, message);
    }
}
