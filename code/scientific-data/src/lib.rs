//! Day 1, Scientific data: bits, bytes and file formats.
//!
//! The same array of f64 written and read as text (CSV), raw binary,
//! NumPy's `.npy` and HDF5; read through a memory map; and read in order
//! and at random. Every format is checked by a round trip.

pub mod access;
pub mod bits;
pub mod check;
pub mod csv;
mod error;
pub mod exercise;
pub mod h5;
pub mod mapped;
pub mod npy;
pub mod raw;
pub mod rng;
pub mod scratch;

pub use error::Error;

/// A function that reads a file of doubles: every format has one.
pub type ReadFn = fn(&std::path::Path) -> Result<Vec<f64>, Error>;
/// A function that writes doubles to a file: every format has one.
pub type WriteFn = fn(&std::path::Path, &[f64]) -> Result<(), Error>;

/// Bytes with a space every three digits: `80 000 128`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[test]
fn grouping_digits() {
    assert_eq!(grouped(0), "0");
    assert_eq!(grouped(999), "999");
    assert_eq!(grouped(1000), "1 000");
    assert_eq!(grouped(80_000_128), "80 000 128");
}

/// Says on the terminal that a check did not run. Written straight to
/// stderr: the test harness hides what `eprintln!` prints in a passing test,
/// and a skipped check must never look like a passed one.
pub fn say_skipped(check: &str, why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "\n!!! SKIPPED {check}: {why} !!!");
}

/// Helpers for this crate's unit tests.
#[cfg(test)]
mod testing {
    pub use crate::check::{bit_identical, max_abs_difference, tricky_values};
    pub use crate::scratch::ScratchDir as TempDir;

    /// Cuts `path` to its first `len` bytes, as a killed writer leaves it.
    pub fn truncate(path: &std::path::Path, len: u64) {
        std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|file| file.set_len(len))
            .unwrap_or_else(|e| panic!("cannot truncate {}: {e}", path.display()));
    }
}
