//! SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
//! generators", OOPSLA 2014; the constants are those of Sebastiano Vigna's
//! public-domain `splitmix64.c`): the one random number generator of the
//! course. Episodes use it for test data, shuffled orders, seeds of other
//! generators and random walks; the Python baselines write the same few
//! lines, so both languages see identical inputs. Fast and reproducible,
//! and not for cryptography.

// ANCHOR: splitmix
/// The increment of the state: 2^64 divided by the golden ratio, made odd.
pub const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// The generator's whole state is one `u64` that advances by a fixed odd
/// constant; the output is a strong mix of that counter.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform `f64` in [0, 1): the top 53 bits, one per bit of an
    /// `f64`'s significand, scaled by 2^-53.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A whole number in `0..n` (`n > 0`). The modulo's bias, below
    /// `n / 2^64`, is far too small to see in the course's uses.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}
// ANCHOR_END: splitmix

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_reference_implementation() {
        // The first outputs of splitmix64.c for seed 0...
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
        // ...and for seed 1234567.
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
    fn floats_are_in_the_unit_interval() {
        let mut rng = SplitMix64::new(42);
        assert!((0..10_000).all(|_| (0.0..1.0).contains(&rng.next_f64())));
    }

    #[test]
    fn below_stays_in_range_and_reaches_both_ends() {
        let mut rng = SplitMix64::new(42);
        let draws: Vec<u64> = (0..10_000).map(|_| rng.below(7)).collect();
        assert!(draws.iter().all(|&d| d < 7));
        assert!(draws.contains(&0) && draws.contains(&6));
        assert_eq!(SplitMix64::new(1).below(1), 0);
    }
}
