//! Day 2, Performance: the course's Rust kernels, called from Python.
//!
//! The Rust side is plain Rust on slices (`kernels`) and the input checks
//! with the messages Python will show (`checks`); neither needs Python, so
//! the workspace builds and tests them everywhere. The Python module
//! `rust_kernels` (`python`, feature `python`) is built by maturin into the
//! course's `.venv`: `maturin develop --release -m code/from-python/Cargo.toml`.

pub mod checks;
pub mod kernels;
#[cfg(feature = "python")]
pub mod python;
