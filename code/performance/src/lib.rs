//! Day 2, Performance: measure, profile, optimise.
//!
//! Two case studies from the Python lesson, retold in Rust and optimised
//! step by step (word count, numerical integration), a random walk, a text
//! generator that makes word-count inputs of any size, and a Julia-set
//! kernel for the profiling guide. Each optimisation step is a function of
//! its own, tested against the plain version.

pub mod flat_counts;
pub mod fxhash;
pub mod inline_counts;
pub mod integration;
pub mod julia;
pub mod random_walk;
pub mod shares;
pub mod textgen;
pub mod timing;
pub mod wordcount;

/// The course's random number generator (crate `splitmix`), shared by
/// every episode and mirrored by the Python baselines.
pub use splitmix::SplitMix64;
