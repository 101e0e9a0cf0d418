//! What the exercise checkers (`code/*/exercises/*_check.rs`) share: the
//! verdict lines of `cargo xtask exercise` and the speed comparison.

use std::process::exit;
use std::time::Instant;

/// `✗ NAME: hint` on stdout, and exit status 1: the answer is wrong.
pub fn fail(name: &str, hint: &str) -> ! {
    println!("✗ {name}: {hint}");
    exit(1)
}

/// Exits with status 2 and one line unless the checker was given no
/// arguments.
pub fn no_arguments(name: &str) {
    if std::env::args().len() > 1 {
        eprintln!("error: exercise_{name} takes no arguments");
        exit(2);
    }
}

/// The best wall time of each of `runs`, in seconds, over `rounds` rounds in
/// which they take turns, so that a disturbance hits all of them alike.
pub fn best_times<const N: usize>(rounds: usize, runs: [&dyn Fn(); N]) -> [f64; N] {
    let mut best = [f64::INFINITY; N];
    for _ in 0..rounds {
        for (run, best) in runs.iter().zip(&mut best) {
            let start = Instant::now();
            run();
            *best = best.min(start.elapsed().as_secs_f64());
        }
    }
    best
}

/// Whether speed can be compared: only in an optimised build. In a debug
/// build it says where to get one, and returns false.
pub fn optimised_build(name: &str) -> bool {
    if cfg!(debug_assertions) {
        println!(
            "(speed is compared only in an optimised build: `cargo xtask exercise {name}` makes one)"
        );
        return false;
    }
    true
}

/// `LABEL: 3.1× THAN; the reference reaches 4.5× (best of R rounds, DETAIL)`
/// from the best times of the starter's way, the learner's and the
/// reference's.
pub fn speed_line(
    label: &str,
    than: &str,
    [starter, mine, reference]: [f64; 3],
    rounds: usize,
    detail: &str,
) -> String {
    format!(
        "{label}: {:.1}× {than}; the reference reaches {:.1}× (best of {rounds} rounds, {detail})",
        starter / mine,
        starter / reference
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_speed_line_compares_both_with_the_starter() {
        assert_eq!(
            speed_line("your version", "the starter", [6.0, 2.0, 1.5], 5, "n = 8"),
            "your version: 3.0× the starter; the reference reaches 4.0× (best of 5 rounds, n = 8)"
        );
    }

    #[test]
    fn every_run_is_timed_in_every_round() {
        let calls = std::cell::Cell::new(0);
        let count = || calls.set(calls.get() + 1);
        let times = best_times(3, [&count, &count]);
        assert_eq!(calls.get(), 6);
        assert!(times.iter().all(|t| t.is_finite() && *t >= 0.0));
    }
}
