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
