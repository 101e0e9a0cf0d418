//! Solution of "one draw, 64 steps".
use performance::SplitMix64;

// ANCHOR: walk
/// A walk of `n` positions from 0, each step +dx or -dx. One random draw
/// gives 64 random bits, and a step needs only one: use them all.
pub fn walk_bits(n: usize, dx: f64, rng: &mut SplitMix64) -> Vec<f64> {
    let mut xs = vec![0.0; n];
    let mut bits = 0u64;
    for i in 1..n {
        if (i - 1) % 64 == 0 {
            bits = rng.next_u64(); // a fresh draw every 64 steps
        }
        let step = if bits & 1 == 1 { dx } else { -dx };
        bits >>= 1; // the next step uses the next bit
        xs[i] = xs[i - 1] + step;
    }
    xs
}
// ANCHOR_END: walk
