//! The examples of the Parallel computing episode, run as a learner runs
//! them (with small sizes: the tests run debug builds).
use parallel::mandelbrot::{View, ascii_art, mandelbrot_serial};
use parallel::pi::{Plan, SEED, chunks_for_this_machine, pi_serial};
use std::process::Command;
use std::time::Duration;
use testkit::{Run, example, run_example, run_with_limit};

const LIMIT: Duration = Duration::from_secs(120);

/// The value after `prefix` on the line that starts with it.
fn field<'a>(run: &'a Run, prefix: &str) -> &'a str {
    run.stdout
        .lines()
        .find_map(|line| line.strip_prefix(prefix))
        .unwrap_or_else(|| panic!("no line starting with {prefix:?} in\n{}", run.stdout))
}

/// Runs `pi` with `RAYON_NUM_THREADS` set, as a job script does.
fn pi_with_threads(threads: &str, samples: &str) -> Run {
    let mut command = Command::new(example("pi"));
    command.arg(samples).env("RAYON_NUM_THREADS", threads);
    run_with_limit(command, LIMIT).expect("pi finishes")
}

#[test]
fn pi_uses_rayon_num_threads_and_prints_the_serial_estimate() {
    let chunks = chunks_for_this_machine();
    let expected = pi_serial(&Plan::new(200_000, chunks, SEED));
    for threads in ["1", "3"] {
        let run = pi_with_threads(threads, "200000");
        run.assert_success();
        assert_eq!(field(&run, "threads: "), threads);
        assert_eq!(
            field(&run, "samples: "),
            format!("200000 in {chunks} chunks")
        );
        assert_eq!(field(&run, "pi: ").parse::<f64>().unwrap(), expected);
        assert!(field(&run, "error: ").contains("(standard error 3.67e-3)"));
        assert!(field(&run, "time: ").ends_with(" s"));
    }
}

#[test]
fn threads_prints_the_same_estimate_five_times() {
    let chunks = chunks_for_this_machine();
    let run = run_example("threads", &["100000", "3"], LIMIT);
    run.assert_success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!("samples: 100000 in {chunks} chunks, 3 threads")
    );
    let expected = format!("pi = {}", pi_serial(&Plan::new(100_000, chunks, SEED)));
    let labels = [
        "serial:",
        "scoped threads:",
        "channel:",
        "mutex:",
        "atomic:",
    ];
    assert_eq!(lines.len(), 1 + labels.len(), "{lines:?}");
    for (line, label) in lines[1..].iter().zip(labels) {
        assert!(
            line.starts_with(label) && line.ends_with(&expected),
            "{line}"
        );
    }
}

#[test]
fn mandelbrot_draws_the_set_and_every_schedule_gives_the_same_image() {
    let run = run_example("mandelbrot", &["120"], LIMIT);
    run.assert_success();
    let preview = View::upper_half(72, 200);
    let art = ascii_art(&mandelbrot_serial(&preview), &preview);
    assert!(run.stdout.starts_with(&art), "{}", run.stdout);
    assert_eq!(
        field(&run, "image: "),
        "120 x 50 pixels, at most 500 iterations each"
    );
    let shares: f64 = field(&run, "work per block of rows, ")
        .split_once(": ")
        .expect("blocks: shares")
        .1
        .split_whitespace()
        .map(|s| s.trim_end_matches('%').parse::<f64>().unwrap())
        .sum();
    assert!((shares - 100.0).abs() < 0.5, "shares add up to {shares}");
    assert!(field(&run, "serial: ").ends_with(" s"));
    let schedules: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("static blocks, ") || l.starts_with("rayon rows, "))
        .collect();
    assert_eq!(schedules.len(), 2, "{}", run.stdout);
    assert!(schedules.iter().all(|l| l.ends_with("same image: true")));
}

#[test]
fn false_sharing_counts_every_increment_in_both_layouts() {
    let run = run_example("false_sharing", &["50000"], LIMIT);
    run.assert_success();
    assert!(field(&run, "adjacent counters: ").starts_with("[50000, 50000] in "));
    assert!(field(&run, "padded counters:   ").starts_with("[50000, 50000] in "));
    assert!(field(&run, "adjacent takes ").ends_with("x as long"));
}

#[test]
fn amdahl_prints_both_laws() {
    let run = run_example("amdahl", &["0.1"], LIMIT);
    run.assert_success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "serial fraction s = 0.1");
    assert_eq!(lines[1], "workers    Amdahl  Gustafson");
    // 1 / (0.1 + 0.9 / 4) = 3.08; 0.1 + 0.9 * 4 = 3.7.
    assert_eq!(lines[4], "      4      3.08       3.70");
    assert_eq!(
        lines.last().unwrap(),
        &"Amdahl's limit for any number of workers: 10.00"
    );
}

#[test]
fn primes_counts_the_same_both_ways() {
    let run = run_example("primes", &["100000"], LIMIT);
    run.assert_success();
    assert!(field(&run, "serial: ").starts_with("9592 primes below 100000 in "));
    let rayon = field(&run, "rayon, ");
    assert!(
        rayon.contains(" threads: 9592 primes below 100000 in "),
        "{rayon}"
    );
    assert!(field(&run, "speedup: ").ends_with('x'));
}

#[test]
fn bad_arguments_are_one_line_errors() {
    let cases: [(&str, &[&str], &str, &str); 7] = [
        (
            "pi",
            &["many"],
            "SAMPLES must be a whole number, got \"many\"",
            "pi [SAMPLES]",
        ),
        (
            "pi",
            &["0"],
            "SAMPLES must be at least 1, got 0",
            "pi [SAMPLES]",
        ),
        (
            "threads",
            &["1000", "0"],
            "THREADS must be at least 1, got 0",
            "threads [SAMPLES] [THREADS]",
        ),
        (
            "mandelbrot",
            &["1"],
            "WIDTH must be at least 2, got 1",
            "mandelbrot [WIDTH]",
        ),
        (
            "false_sharing",
            &["-1"],
            "INCREMENTS must be at least 1, got -1",
            "false_sharing [INCREMENTS]",
        ),
        (
            "amdahl",
            &["2"],
            "SERIAL_FRACTION must be a number from 0 to 1, got 2",
            "amdahl [SERIAL_FRACTION]",
        ),
        (
            "primes",
            &["1", "2"],
            "unexpected argument \"2\"",
            "primes [LIMIT]",
        ),
    ];
    for (name, args, message, usage) in cases {
        let run = run_example(name, args, LIMIT);
        assert_eq!(run.code, Some(2), "{name}: {run:#?}");
        assert!(run.stdout.is_empty(), "{name}: {run:#?}");
        assert_eq!(
            run.stderr,
            format!("error: {message} (usage: {usage})\n"),
            "{name}"
        );
    }
}
