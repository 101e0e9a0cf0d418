//! Exercise "find your crossover", solved: walk back from the largest size
//! while the GPU is still ahead.

use std::time::Duration;

// ANCHOR: solution
/// The smallest of the measured `sizes` from which on the GPU is faster:
/// `gpu[k] < cpu[k]` there and at every larger size measured. `None` when
/// the GPU is not faster at the largest size. `sizes` ascend, and the three
/// slices have the same length.
pub fn crossover(sizes: &[usize], cpu: &[Duration], gpu: &[Duration]) -> Option<usize> {
    // A win followed by a loss is noise or a cache effect, not a crossover:
    // only the unbroken run of wins that reaches the largest size counts.
    let mut from = None;
    for k in (0..sizes.len()).rev() {
        if gpu[k] >= cpu[k] {
            break;
        }
        from = Some(sizes[k]);
    }
    from
}
// ANCHOR_END: solution
