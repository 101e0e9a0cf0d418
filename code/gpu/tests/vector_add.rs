//! The `vector_add` example, run as a learner runs it.
use std::time::Duration;
use testkit::run_example;

const LIMIT: Duration = Duration::from_secs(120);

#[test]
fn vector_add_names_the_adapter_and_matches_the_cpu() {
    let Some(ctx) = gpu::test_context() else {
        return;
    };
    let run = run_example("vector_add", &["300000"], LIMIT);
    run.assert_success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{run:#?}");
    let software = if ctx.is_software() {
        " (software adapter)"
    } else {
        ""
    };
    assert_eq!(lines[0], format!("adapter: {}{software}", ctx.describe()));
    assert_eq!(
        lines[1],
        "checked 300000 elements against the CPU: max abs difference 0"
    );
}

#[test]
fn a_non_numeric_n_is_a_one_line_error() {
    // Checked before any GPU work, so this runs with or without an adapter.
    let run = run_example("vector_add", &["x"], LIMIT);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr,
        "error: N must be a whole number, got \"x\" (usage: vector_add [N])\n"
    );
}
