//! Day 1, The stack: arrays, memory and the machine.
//!
//! - [`arrays`]: `Vec`, slices and `ndarray` (shape, strides, views, C and
//!   Fortran order, broadcasting, `Zip`).
//! - [`latency`]: a pointer-chasing measurement of memory latency.
//! - [`stream`]: STREAM-style memory bandwidth (copy, scale, add, triad).
//! - [`sum`]: vectorisation with iterators; [`dot`] is its exercise.
//! - [`history`]: published figures on how component speeds evolved.
//! - [`rng`]: the small random number generator the latency test needs.

/// Re-exported so that the benchmarks use the same `ndarray` as the lessons.
pub use ndarray;

pub mod arrays;
pub mod blocked_matmul;
pub mod dot;
pub mod history;
pub mod latency;
pub mod stream;
pub mod sum;

/// Reads an optional whole-number argument of at least 1, named `name` in
/// error messages, with `default` when it is absent.
pub fn parse_count(arg: Option<&str>, default: usize, name: &str) -> Result<usize, String> {
    let Some(text) = arg else {
        return Ok(default);
    };
    match text.trim().parse::<usize>() {
        Ok(0) => Err(format!("{name} must be at least 1")),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("{name} must be a whole number, got {text:?}")),
    }
}

/// Runs `f` `repeats` times and returns its last result with the fastest
/// run's time in seconds: the run least disturbed by the rest of the machine.
pub fn time_best_of<T>(repeats: usize, mut f: impl FnMut() -> T) -> (T, f64) {
    let mut best = f64::INFINITY;
    let mut result = None;
    for _ in 0..repeats.max(1) {
        let start = std::time::Instant::now();
        let value = std::hint::black_box(f());
        best = best.min(start.elapsed().as_secs_f64());
        result = Some(value);
    }
    (result.expect("at least one run"), best)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_checked() {
        assert_eq!(parse_count(None, 8, "N"), Ok(8));
        assert_eq!(parse_count(Some(" 30 "), 8, "N"), Ok(30));
        assert_eq!(
            parse_count(Some("0"), 8, "N"),
            Err("N must be at least 1".into())
        );
        assert_eq!(
            parse_count(Some("lots"), 8, "MAX_MIB"),
            Err("MAX_MIB must be a whole number, got \"lots\"".into())
        );
        assert!(parse_count(Some("-1"), 8, "N").is_err());
    }

    #[test]
    fn the_best_of_several_runs_returns_the_result() {
        let mut calls = 0;
        let (value, seconds) = time_best_of(3, || {
            calls += 1;
            calls * 10
        });
        assert_eq!((value, calls), (30, 3));
        assert!(seconds >= 0.0);
    }
}
