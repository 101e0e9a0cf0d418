//! Exercise "find your crossover": from a table of measured times, the size
//! from which on the GPU beats the CPU. The checker tries your function on
//! made-up tables, then measures this machine and asks it.
//!
//!     cargo xtask exercise crossover

use std::time::Duration;

// ANCHOR: starter
/// The smallest of the measured `sizes` from which on the GPU is faster:
/// `gpu[k] < cpu[k]` there and at every larger size measured. `None` when
/// the GPU is not faster at the largest size. `sizes` ascend, and the three
/// slices have the same length.
pub fn crossover(sizes: &[usize], cpu: &[Duration], gpu: &[Duration]) -> Option<usize> {
    // The first size at which the GPU wins. Is that where it stays ahead?
    (0..sizes.len())
        .find(|&k| gpu[k] < cpu[k])
        .map(|k| sizes[k])
}
// ANCHOR_END: starter
