//! A one-dimensional random walk, two ways: a loop that draws one random
//! step at a time, and the "vectorised" formulation of the Python lesson
//! (draw all steps, then a prefix sum). Plus what the random-number
//! generator itself costs.

use splitmix::SplitMix64;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

// ANCHOR: loop
/// The loop version: position `i + 1` is position `i` plus or minus `dx`,
/// one random draw per step. `xs[0] = 0`.
pub fn walk_loop(n: usize, dx: f64, rng: &mut SplitMix64) -> Vec<f64> {
    let mut xs = vec![0.0; n];
    for i in 1..n {
        let step = if rng.next_u64() >> 63 == 1 { 1.0 } else { -1.0 };
        xs[i] = xs[i - 1] + dx * step;
    }
    xs
}
// ANCHOR_END: loop

// ANCHOR: prefix_sum
/// The prefix-sum version: first all the steps, then a running total
/// (NumPy's `cumsum`). Same draws in the same order, so the same walk.
pub fn walk_prefix_sum(n: usize, dx: f64, rng: &mut SplitMix64) -> Vec<f64> {
    let steps: Vec<f64> = (0..n)
        .map(|i| match i {
            0 => 0.0,
            _ if rng.next_u64() >> 63 == 1 => dx,
            _ => -dx,
        })
        .collect();
    steps
        .iter()
        .scan(0.0, |x, step| {
            *x += step;
            Some(*x)
        })
        .collect()
}
// ANCHOR_END: prefix_sum

// ANCHOR: bits
/// One random draw gives 64 random bits, and a step needs only one: use
/// them all. 64 times fewer calls to the generator, and a different (but
/// equally random) walk.
pub fn walk_bits(n: usize, dx: f64, rng: &mut SplitMix64) -> Vec<f64> {
    let mut xs = vec![0.0; n];
    let mut bits = 0u64;
    for i in 1..n {
        if (i - 1) % 64 == 0 {
            bits = rng.next_u64();
        }
        let step = if bits & 1 == 1 { dx } else { -dx };
        bits >>= 1;
        xs[i] = xs[i - 1] + step;
    }
    xs
}
// ANCHOR_END: bits

// ANCHOR: sip
/// A slower generator for comparison: SipHash-1-3 (the standard library's
/// `HashMap` hasher, a keyed pseudo-random function) of a counter. With
/// `BuildHasherDefault` its keys are fixed (every `DefaultHasher::new()` is
/// the same hasher, says its documentation), so knowing the code is enough
/// to predict it, as with SplitMix64; it only does more work per number.
pub struct SipCounter {
    counter: u64,
    keys: BuildHasherDefault<DefaultHasher>,
}

impl SipCounter {
    pub fn new(seed: u64) -> Self {
        SipCounter {
            counter: seed,
            keys: BuildHasherDefault::default(),
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.counter = self.counter.wrapping_add(1);
        self.keys.hash_one(self.counter)
    }
}

/// The loop version drawing from `SipCounter`.
pub fn walk_loop_sip(n: usize, dx: f64, rng: &mut SipCounter) -> Vec<f64> {
    let mut xs = vec![0.0; n];
    for i in 1..n {
        let step = if rng.next_u64() >> 63 == 1 { 1.0 } else { -1.0 };
        xs[i] = xs[i - 1] + dx * step;
    }
    xs
}
// ANCHOR_END: sip

/// Only the random numbers of a walk of `n` steps, summed so that the
/// optimiser cannot drop them: the generator's share of the loop's time.
pub fn draws_only(n: usize, rng: &mut SplitMix64) -> u64 {
    (1..n).fold(0, |acc, _| acc ^ rng.next_u64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_walk_by_hand() {
        // The top bits of the first SplitMix64 outputs for seed 0 are
        // 1 (0xE2…), 0 (0x6E…), 0 (0x06…): up, down, down.
        let xs = walk_loop(4, 0.5, &mut SplitMix64::new(0));
        assert_eq!(xs, [0.0, 0.5, 0.0, -0.5]);
    }

    #[test]
    fn loop_and_prefix_sum_give_the_same_walk() {
        for n in [0, 1, 2, 3, 100, 10_000] {
            let a = walk_loop(n, 0.25, &mut SplitMix64::new(9));
            let b = walk_prefix_sum(n, 0.25, &mut SplitMix64::new(9));
            assert_eq!(a, b, "n = {n}");
        }
    }

    #[test]
    fn every_walk_moves_by_exactly_dx_each_step() {
        let n = 1000;
        let walks = [
            walk_loop(n, 2.0, &mut SplitMix64::new(1)),
            walk_prefix_sum(n, 2.0, &mut SplitMix64::new(1)),
            walk_bits(n, 2.0, &mut SplitMix64::new(1)),
            walk_loop_sip(n, 2.0, &mut SipCounter::new(1)),
        ];
        for xs in walks {
            assert_eq!(xs.len(), n);
            assert_eq!(xs[0], 0.0);
            assert!(xs.windows(2).all(|w| (w[1] - w[0]).abs() == 2.0));
        }
    }

    #[test]
    fn bits_are_used_lowest_first() {
        // First draw for seed 0 is 0xE220A8397B1DCDAF: lowest bits 1, 1, 1, 1, 0.
        let xs = walk_bits(6, 1.0, &mut SplitMix64::new(0));
        assert_eq!(xs, [0.0, 1.0, 2.0, 3.0, 4.0, 3.0]);
    }

    #[test]
    fn steps_are_balanced() {
        // After 10^6 fair steps the walk is within a few sqrt(n) = 1000 of 0.
        for xs in [
            walk_loop(1_000_000, 1.0, &mut SplitMix64::new(5)),
            walk_bits(1_000_000, 1.0, &mut SplitMix64::new(5)),
            walk_loop_sip(1_000_000, 1.0, &mut SipCounter::new(5)),
        ] {
            assert!(xs[xs.len() - 1].abs() < 5000.0, "{}", xs[xs.len() - 1]);
        }
    }
}
