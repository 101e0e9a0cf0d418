//! Timing a piece of work the way every example does.

use std::time::Instant;

// ANCHOR: best_of
/// Runs `f` `repeats` times (at least once) and returns its last result
/// with the fastest run's time in seconds: the run least disturbed by the
/// rest of the machine. `black_box` stops the optimiser from deleting work
/// whose result is never used.
pub fn time_best_of<T>(repeats: usize, mut f: impl FnMut() -> T) -> (T, f64) {
    let mut best = f64::INFINITY;
    let mut result = None;
    for _ in 0..repeats.max(1) {
        let start = Instant::now();
        let value = std::hint::black_box(f());
        best = best.min(start.elapsed().as_secs_f64());
        result = Some(value);
    }
    (result.expect("the loop runs at least once"), best)
}
// ANCHOR_END: best_of

/// Runs `f` once and returns its result with the time it took in seconds.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let start = Instant::now();
    let result = std::hint::black_box(f());
    (result, start.elapsed().as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_of_runs_at_least_once_and_returns_the_last_result() {
        let mut calls = 0;
        let (value, seconds) = time_best_of(3, || {
            calls += 1;
            calls * 10
        });
        assert_eq!((value, calls), (30, 3));
        assert!(seconds >= 0.0);
        let (value, _) = time_best_of(0, || 7);
        assert_eq!(value, 7);
        assert_eq!(timed(|| 5).0, 5);
    }
}
