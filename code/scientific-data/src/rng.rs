//! A small, fixed-seed random number generator: the test data and the
//! random read orders are the same on every machine and every run.

// ANCHOR: splitmix
/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit counter pushed through
/// a mixing function. Not for cryptography; plenty for test data.
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A double in [0, 1): the top 53 bits, one per bit of f64's significand.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A whole number in `0..n` (n > 0). The modulo's bias is below 1e-9
    /// for the sizes used here.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}
// ANCHOR_END: splitmix

/// The seed of every data set in the episode.
pub const SEED: u64 = 2024;

// ANCHOR: sample_data
/// `n` doubles as a simulation might write them: full precision, varied
/// magnitudes and signs (a noisy decaying wave).
pub fn sample_data(n: usize) -> Vec<f64> {
    let mut rng = SplitMix64::new(SEED);
    (0..n)
        .map(|i| {
            let t = i as f64 * 1e-3;
            (-t * 0.01).exp() * (7.0 * t).sin() * 100.0 + rng.next_f64() - 0.5
        })
        .collect()
}
// ANCHOR_END: sample_data

// ANCHOR: shuffled
/// The numbers `0..n` in a random order (Fisher–Yates shuffle).
pub fn shuffled(n: usize) -> Vec<u32> {
    assert!(n <= u32::MAX as usize, "indices must fit in u32");
    let mut order: Vec<u32> = (0..n as u32).collect();
    let mut rng = SplitMix64::new(SEED);
    for i in (1..n).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        order.swap(i, j);
    }
    order
}
// ANCHOR_END: shuffled

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_published_reference_values() {
        // First outputs for seed 1234567 of the reference C implementation
        // (splitmix64.c by Sebastiano Vigna, public domain).
        let mut rng = SplitMix64::new(1_234_567);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(
            first,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423
            ]
        );
    }

    #[test]
    fn doubles_are_in_the_unit_interval_and_data_is_reproducible() {
        let mut rng = SplitMix64::new(7);
        assert!(
            (0..10_000)
                .map(|_| rng.next_f64())
                .all(|x| (0.0..1.0).contains(&x))
        );
        assert_eq!(sample_data(1000), sample_data(1000));
        assert_eq!(sample_data(10)[..5], sample_data(5)[..]);
        let data = sample_data(100_000);
        assert!(data.iter().any(|&x| x < -50.0) && data.iter().any(|&x| x > 50.0));
    }

    #[test]
    fn shuffled_is_a_permutation() {
        let order = shuffled(10_000);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert!(sorted.iter().enumerate().all(|(i, &v)| v as usize == i));
        assert_ne!(order[..100], sorted[..100], "it is actually shuffled");
        assert!(shuffled(0).is_empty());
        assert_eq!(shuffled(1), [0]);
    }
}
