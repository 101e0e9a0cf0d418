//! Capstone, rayon track, solved: the library's `step_rayon`
//! (`code/capstone/src/parallel.rs`), which the benchmarks measure.

pub use capstone::step_rayon as step_parallel;
