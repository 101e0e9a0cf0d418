//! Test inputs shared by the GPU II tests: deterministic, with no two
//! values alike, and far from subnormals (which some GPUs flush to zero).
//! Each test file uses only some of these, hence the `allow`.
#![allow(dead_code)]

/// `n` values in [-1, 1) from a SplitMix64 stream started at `seed`.
pub fn values(n: usize, seed: u64) -> Vec<f32> {
    let mut state = seed;
    (0..n)
        .map(|_| {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            // The top 24 bits, scaled to [0, 1), then to [-1, 1).
            (z >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0
        })
        .collect()
}

/// The exact sum of `x` (to f64 precision) and the sum of magnitudes that
/// scales the error bound of any floating-point summation of it.
pub fn exact_sum(x: &[f32], map: impl Fn(f64) -> f64) -> (f64, f64) {
    let sum = x.iter().map(|&v| map(f64::from(v))).sum();
    let magnitude = x.iter().map(|&v| map(f64::from(v)).abs()).sum();
    (sum, magnitude)
}
