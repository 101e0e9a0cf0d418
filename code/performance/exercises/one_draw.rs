//! Exercise: one draw, 64 steps. The walk below draws a new random number
//! for every step and uses only its top bit. Make it draw once every 64
//! steps and use one bit per step, lowest bit first: step 1 uses bit 0 of
//! the first draw, step 2 bit 1, …, step 65 bit 0 of the second draw.
//! A set bit is a step of +dx, a clear bit a step of -dx.
//! Check with: cargo xtask exercise one_draw
use performance::SplitMix64;

// ANCHOR: walk
/// A walk of `n` positions from 0, each step +dx or -dx.
pub fn walk_bits(n: usize, dx: f64, rng: &mut SplitMix64) -> Vec<f64> {
    let mut xs = vec![0.0; n];
    for i in 1..n {
        let step = if rng.next_u64() >> 63 == 1 { dx } else { -dx };
        xs[i] = xs[i - 1] + step;
    }
    xs
}
// ANCHOR_END: walk
