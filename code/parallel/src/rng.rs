//! A small, fast random number generator with independent streams.
//!
//! A parallel Monte Carlo run must not share one generator between threads
//! (they would fight over its state, and the numbers each thread got would
//! depend on timing). Instead every *chunk of work* gets its own stream,
//! derived from one fixed seed and the chunk's index. Which thread runs the
//! chunk no longer matters: the same seed gives the same answer with 1 thread
//! or 64.

use splitmix::{GOLDEN_GAMMA, SplitMix64};

// ANCHOR: xoshiro
/// xoshiro256++ (Blackman and Vigna, 2018): 256 bits of state, a period of
/// 2^256 - 1, and a handful of additions, shifts and rotations per number.
#[derive(Clone, Debug)]
pub struct Xoshiro256pp {
    s: [u64; 4],
}

impl Xoshiro256pp {
    /// The generator for stream `stream` of `seed`. Its four state words are
    /// SplitMix64 outputs number `4 * stream + 1` to `4 * stream + 4` of the
    /// sequence that starts at `seed`: different streams are seeded from
    /// different SplitMix64 states, so no two streams start alike.
    pub fn for_stream(seed: u64, stream: u64) -> Self {
        let start = seed.wrapping_add(stream.wrapping_mul(4).wrapping_mul(GOLDEN_GAMMA));
        let mut seeder = SplitMix64::new(start);
        let s = [(); 4].map(|_| seeder.next_u64());
        Xoshiro256pp { s }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let [s0, s1, s2, s3] = self.s;
        let result = s0.wrapping_add(s3).rotate_left(23).wrapping_add(s0);
        let t = s1 << 17;
        let mut s = [s0, s1, s2 ^ s0, s3 ^ s1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        self.s = s;
        result
    }

    /// A uniform `f64` in [0, 1): the top 53 bits, one per bit of an `f64`'s
    /// mantissa, scaled by 2^-53.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}
// ANCHOR_END: xoshiro

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoshiro_first_output_is_the_reference_formula() {
        // With state [1, 2, 3, 4] the first output is rotl(1 + 4, 23) + 1.
        let mut rng = Xoshiro256pp { s: [1, 2, 3, 4] };
        assert_eq!(rng.next_u64(), (5u64 << 23) + 1);
        // The reference state update, written out by hand.
        assert_eq!(rng.s, [7, 0, 262_146, 211_106_232_532_992]);
    }

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let draw = |seed, stream| {
            let mut rng = Xoshiro256pp::for_stream(seed, stream);
            [(); 8].map(|_| rng.next_u64())
        };
        assert_eq!(draw(42, 7), draw(42, 7));
        assert_ne!(draw(42, 7), draw(42, 8));
        assert_ne!(draw(42, 7), draw(43, 7));
    }

    #[test]
    fn floats_lie_in_the_unit_interval_with_mean_one_half() {
        let mut rng = Xoshiro256pp::for_stream(1, 0);
        let n = 100_000;
        let mut sum = 0.0;
        for _ in 0..n {
            let x = rng.next_f64();
            assert!((0.0..1.0).contains(&x));
            sum += x;
        }
        // The mean of n uniforms has standard deviation sqrt(1/12/n); allow 5 of them.
        let sigma = (1.0 / 12.0 / n as f64).sqrt();
        assert!((sum / n as f64 - 0.5).abs() < 5.0 * sigma);
    }
}
