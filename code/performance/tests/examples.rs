//! The other example programs, run as a learner runs them (small sizes).
use performance::integration;
use std::time::Duration;
use testkit::run_example;

const LIMIT: Duration = Duration::from_secs(120);

#[test]
fn integration_prints_every_step_with_the_same_sum() {
    let run = run_example("integration", &["50"], LIMIT);
    run.assert_success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    let p = integration::problem(50, 2024);
    assert_eq!(
        lines[0],
        format!(
            "50 integrals, {} evaluations of f",
            integration::evaluations(&p)
        )
    );
    let sum: f64 = integration::apply_plain(&p).iter().sum();
    let expected = format!("sum of results {sum:+.9}");
    let steps = [
        "plain",
        "dyn",
        "generic",
        "iterators",
        "hoisted-checks",
        "lanes",
        "simd",
        "rayon",
    ];
    assert_eq!(lines.len(), 1 + steps.len(), "{lines:?}");
    for (line, step) in lines[1..].iter().zip(steps) {
        assert!(
            line.trim_start().starts_with(&format!("{step}: ")),
            "{line}"
        );
        assert!(line.contains(&expected), "{line}");
        assert!(line.ends_with("x the plain loop"), "{line}");
    }
}

#[test]
fn integration_plain_names_its_build_and_prints_the_plain_sum() {
    let run = run_example("integration_plain", &[], LIMIT);
    run.assert_success();
    let sum: f64 = integration::apply_plain(&integration::problem(1000, 2024))
        .iter()
        .sum();
    // The tests run the debug build.
    let prefix = format!("debug build: sum of results {sum:+.9}, best of 20 runs ");
    assert!(run.stdout.starts_with(&prefix), "{}", run.stdout);
    assert!(run.stdout.trim_end().ends_with(" ns"), "{}", run.stdout);
}

#[test]
fn random_walk_variants_end_where_their_generators_lead() {
    let run = run_example("random_walk", &["1000"], LIMIT);
    run.assert_success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{lines:?}");
    let end_of = |line: &str| -> f64 {
        let at = line.find("ends at ").expect("an end position") + "ends at ".len();
        line[at..]
            .split(',')
            .next()
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };
    use performance::SplitMix64;
    use performance::random_walk::{walk_bits, walk_loop};
    let end = |xs: Vec<f64>| *xs.last().unwrap();
    let loop_end = end(walk_loop(1000, 1.0, &mut SplitMix64::new(1)));
    assert!(lines[0].trim_start().starts_with("loop:"));
    assert_eq!(end_of(lines[0]), loop_end);
    assert_eq!(
        end_of(lines[1]),
        loop_end,
        "the prefix sum walks the same walk"
    );
    assert_eq!(
        end_of(lines[2]),
        end(walk_bits(1000, 1.0, &mut SplitMix64::new(1)))
    );
    assert!(lines[3].contains("SipHash"));
    assert!(
        lines.iter().all(|l| l.ends_with("ns per step")),
        "{lines:?}"
    );
}

#[test]
fn julia_draws_a_symmetric_picture_and_times_it() {
    let run = run_example("julia", &["60"], LIMIT);
    run.assert_success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    let picture = &lines[..lines.len() - 1];
    assert_eq!(picture.len(), 20);
    assert!(picture.iter().all(|l| l.chars().count() == 60));
    // Rotating the picture by 180 degrees gives the same picture.
    let rotated: Vec<String> = picture
        .iter()
        .rev()
        .map(|l| l.chars().rev().collect())
        .collect();
    assert_eq!(rotated, picture);
    assert!(picture.concat().contains('@'), "points that never escape");
    assert!(lines.last().unwrap().starts_with("60 x 20 pixels: serial "));
}

#[test]
fn timing_pitfalls_reports_each_pitfall() {
    let run = run_example("timing_pitfalls", &["100000"], LIMIT);
    run.assert_success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    let starts = [
        "unused result:",
        "with black_box:",
        "10 runs: min ",
        "an empty interval:",
        "a tiny call, averaged:",
    ];
    assert_eq!(lines.len(), starts.len(), "{lines:?}");
    for (line, start) in lines.iter().zip(starts) {
        assert!(line.starts_with(start), "{line}");
    }
}

#[test]
fn gen_text_writes_the_generators_text() {
    let dir = std::env::temp_dir().join(format!("performance-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("text.txt");
    let run = run_example("gen_text", &[path.to_str().unwrap(), "5000", "3"], LIMIT);
    run.assert_success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, performance::textgen::generate(5000, 3));
    assert_eq!(
        run.stdout,
        format!("wrote {} bytes to {}\n", text.len(), path.display())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_arguments_are_one_line_errors() {
    let cases: [(&str, &[&str], &str); 5] = [
        (
            "integration",
            &["none"],
            "error: COUNT must be a whole number, got \"none\" (usage: integration [COUNT])\n",
        ),
        (
            "random_walk",
            &["0"],
            "error: STEPS must be at least 1, got 0 (usage: random_walk [STEPS])\n",
        ),
        (
            "julia",
            &["wide"],
            "error: WIDTH must be a whole number, got \"wide\" (usage: julia [WIDTH])\n",
        ),
        (
            "timing_pitfalls",
            &["-1"],
            "error: N must be at least 1, got -1 (usage: timing_pitfalls [N])\n",
        ),
        (
            "gen_text",
            &[],
            "error: missing OUTPUT (usage: gen_text OUTPUT [BYTES] [SEED])\n",
        ),
    ];
    for (example, args, stderr) in cases {
        let run = run_example(example, args, LIMIT);
        assert_eq!(run.code, Some(2), "{example}: {run:#?}");
        assert!(run.stdout.is_empty(), "{example}");
        assert_eq!(run.stderr, stderr, "{example}");
    }
}
