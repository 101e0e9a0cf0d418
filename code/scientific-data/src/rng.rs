//! Test data and random read orders from the course's fixed-seed generator
//! (crate `splitmix`): the same on every machine and every run.

use splitmix::SplitMix64;

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
    fn data_is_reproducible() {
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
