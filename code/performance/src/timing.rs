//! Small helpers for the example programs and benchmarks: timing and thread pools.

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

#[cfg(test)]
mod tests {
    use super::*;

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
