//! Small helpers for the example programs and benchmarks: timing and thread pools.

/// Best-of-N timing, the one every example uses (the page shows it from
/// course-cli).
pub use course_cli::time_best_of;

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
