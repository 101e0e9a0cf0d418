//! A small, fast, reproducible random number generator: SplitMix64
//! (Steele, Lea and Flood, "Fast splittable pseudorandom number
//! generators", OOPSLA 2014; the constants are those of Vigna's public
//! domain reference implementation). Good enough to shuffle an array;
//! not for cryptography.

// ANCHOR: splitmix
/// SplitMix64: a 64-bit counter pushed through a mixing function.
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `0..n` (`n > 0`): the high 64 bits of a 128-bit
    /// product (Lemire's method); its bias, below `n / 2^64`, is invisible here.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
}
// ANCHOR_END: splitmix

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_reference_implementation() {
        // The first outputs of Vigna's splitmix64.c for seed 0.
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn below_stays_in_range_and_reaches_both_ends() {
        let mut rng = SplitMix64::new(42);
        let draws: Vec<usize> = (0..10_000).map(|_| rng.below(7)).collect();
        assert!(draws.iter().all(|&d| d < 7));
        assert!(draws.contains(&0) && draws.contains(&6));
        assert_eq!(SplitMix64::new(1).below(1), 0);
    }
}
