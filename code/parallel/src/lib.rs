//! Day 1, Parallel computing: threads, rayon and scaling.
//!
//! - [`rng`]: a random number generator with one stream per chunk of work,
//!   so that parallel results do not depend on the number of threads;
//! - [`pi`]: Monte Carlo π, serial and with rayon;
//! - [`threads`]: the same with standard-library threads: scoped threads,
//!   a channel, a `Mutex` and an atomic;
//! - [`mandelbrot`]: an image with uneven work per row, and three schedules;
//! - [`tasks`]: divide and conquer with `rayon::join`;
//! - [`false_sharing`]: two counters on one cache line, and the fix;
//! - [`laws`]: Amdahl's and Gustafson's laws;
//! - [`primes`]: the exercise, a serial loop to parallelise.
//!
//! The data race that the compiler rejects is not part of the library: it is
//! `compile_fail/data_race.rs`, and `tests/compile_fail.rs` proves it fails.

pub mod false_sharing;
pub mod laws;
pub mod mandelbrot;
pub mod pi;
pub mod primes;
pub mod rng;
pub mod tasks;
pub mod threads;

// ANCHOR: thread_pool
/// A rayon pool of exactly `threads` threads. `pool.install(|| …)` runs
/// rayon code (`par_iter`, `join`, `scope`) on its threads instead of the
/// global pool's, so one program can compare 1, 2, 4, … threads.
pub fn thread_pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("the operating system can start the pool's threads")
}
// ANCHOR_END: thread_pool
