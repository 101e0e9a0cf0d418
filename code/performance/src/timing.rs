//! Small helpers for the example programs: timing and argument parsing.

use std::time::Instant;

// ANCHOR: best_of
/// Runs `f` `repeats` times and returns its last result with the fastest
/// run's time in seconds. The minimum is the run least disturbed by the rest
/// of the machine; `black_box` stops the optimiser from deleting work whose
/// result is never used.
pub fn time_best_of<T>(repeats: usize, mut f: impl FnMut() -> T) -> (T, f64) {
    let mut best = f64::INFINITY;
    let mut result = None;
    for _ in 0..repeats.max(1) {
        let start = Instant::now();
        let value = std::hint::black_box(f());
        best = best.min(start.elapsed().as_secs_f64());
        result = Some(value);
    }
    (result.expect("at least one run"), best)
}
// ANCHOR_END: best_of

/// rayon's thread pool, named here so that the benchmarks need not depend
/// on rayon themselves.
pub type Pool = rayon::ThreadPool;

/// A rayon pool of exactly `threads` threads: run work inside it with
/// `pool.install(|| ...)` to measure on a chosen number of cores.
pub fn thread_pool(threads: usize) -> Pool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a rayon thread pool")
}

/// Parses an optional positive whole-number argument called `name`.
pub fn parse_count(arg: Option<&str>, name: &str, default: u64) -> Result<u64, String> {
    let Some(text) = arg else {
        return Ok(default);
    };
    match text.trim().parse::<u64>() {
        Ok(0) => Err(format!("{name} must be at least 1")),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("{name} must be a whole number, got {text:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_checked() {
        assert_eq!(parse_count(None, "N", 5), Ok(5));
        assert_eq!(parse_count(Some("12"), "N", 5), Ok(12));
        assert_eq!(
            parse_count(Some("0"), "N", 5),
            Err("N must be at least 1".to_string())
        );
        assert_eq!(
            parse_count(Some("x"), "N", 5),
            Err("N must be a whole number, got \"x\"".to_string())
        );
    }

    #[test]
    fn best_of_returns_the_result_and_a_time() {
        let mut calls = 0;
        let (value, seconds) = time_best_of(3, || {
            calls += 1;
            calls * 10
        });
        assert_eq!((value, calls), (30, 3));
        assert!(seconds >= 0.0);
    }
}
