//! The Motivation examples, run as a learner runs them.
use motivation::reference_sum;
use std::time::Duration;
use testkit::run_example;

const LIMIT: Duration = Duration::from_secs(60);

#[test]
fn puzzle_prints_the_same_sum_for_both_loop_orders() {
    let run = run_example("puzzle", &["300"], LIMIT);
    run.assert_success();
    let expected = format!("sum = {}", reference_sum(300, 300));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "array: 300 x 300 f64, 0 MiB");
    assert!(
        lines[1].starts_with("rows outer: ") && lines[1].contains(&expected),
        "{lines:?}"
    );
    assert!(
        lines[2].starts_with("cols outer: ") && lines[2].contains(&expected),
        "{lines:?}"
    );
    assert!(lines[3].starts_with("cols outer takes ") && lines[3].ends_with("x as long"));
}

#[test]
fn solved_puzzle_reports_all_three_variants_with_the_reference_sum() {
    let run = run_example("puzzle_solved", &["129"], LIMIT);
    run.assert_success();
    let expected = format!("sum = {}", reference_sum(129, 129));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    for (line, label) in lines.iter().zip(["(fix 1)", "(slow)", "(fix 2)"]) {
        assert!(line.contains(label) && line.contains(&expected), "{line}");
        assert!(line.ends_with(" ns per element"), "{line}");
    }
}

#[test]
fn a_non_numeric_size_is_a_one_line_error() {
    for example in ["puzzle", "puzzle_solved"] {
        let run = run_example(example, &["many"], LIMIT);
        assert_eq!(run.code, Some(2), "{run:#?}");
        assert!(run.stdout.is_empty());
        assert_eq!(
            run.stderr,
            format!("error: SIZE must be a whole number, got \"many\" (usage: {example} [SIZE])\n")
        );
    }
}

#[test]
fn the_exercise_checker_fails_on_the_untouched_starter() {
    // The solution passes under `--features solution` (`cargo xtask test`).
    if testkit::starter_edited("motivation", "loop_order") {
        return;
    }
    let run = run_example("exercise_loop_order", &[], LIMIT);
    assert_eq!(run.code, Some(1), "{run:#?}");
    assert_eq!(
        run.stdout,
        "✗ loop_order: fix 1 still adds column by column (its sum has exactly the bits of that \
         order): make the loop over j the inner one\n"
    );
}
