//! SplitMix64: a tiny, fast, deterministic pseudo-random number generator
//! (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
//! OOPSLA 2014). Good enough for test data and random walks; not for secrets.
//! It is written out here because it is six lines, and because the Python
//! baselines use the very same generator, so both languages see identical
//! inputs.

// ANCHOR: splitmix
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
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform `f64` in [0, 1): the top 53 bits, exactly representable.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform integer in `low..high` (`high > low`). The modulo bias is
    /// below 1e-15 for the small ranges used here.
    pub fn next_below(&mut self, low: u64, high: u64) -> u64 {
        low + self.next_u64() % (high - low)
    }
}
// ANCHOR_END: splitmix

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_reference_outputs_for_seed_zero() {
        // The first outputs of the reference C implementation with state 0.
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn floats_are_in_the_unit_interval_and_integers_in_range() {
        let mut rng = SplitMix64::new(42);
        for _ in 0..10_000 {
            let x = rng.next_f64();
            assert!((0.0..1.0).contains(&x));
            let n = rng.next_below(100, 1000);
            assert!((100..1000).contains(&n));
        }
    }
}
