//! Monte Carlo π: throw random points into the unit square and count the
//! ones that land inside the quarter circle of radius 1. The fraction inside
//! tends to π/4. Every point is independent of every other: the textbook
//! embarrassingly parallel problem.

use crate::rng::Xoshiro256pp;
use rayon::prelude::*;

/// The seed of every run in this episode: fixed, so every run is repeatable.
pub const SEED: u64 = 2024;

/// The fewest chunks per run: many more than a laptop has cores, so that a
/// thread that finishes early can take (steal) chunks from the others.
pub const MIN_CHUNKS: u64 = 256;

// ANCHOR: chunks
/// Chunks per run on a machine with `cores` cores: at least 8 per core, so
/// that stealing can even out the work on a 128-core node too, and never
/// fewer than [`MIN_CHUNKS`]. The estimate depends on the chunk count (each
/// chunk has its own random stream), so it is the same on every machine
/// with up to 32 cores, and on any machine for a given chunk count.
pub fn chunks_for(cores: usize) -> u64 {
    (8 * cores as u64).max(MIN_CHUNKS)
}

/// [`chunks_for`] this machine's core count (not the size of a thread
/// pool: runs with any number of threads use the same chunks).
pub fn chunks_for_this_machine() -> u64 {
    chunks_for(std::thread::available_parallelism().map_or(1, |n| n.get()))
}
// ANCHOR_END: chunks

// ANCHOR: count_inside
/// How many of `samples` random points in the unit square fall inside the
/// quarter circle, using random stream `stream` of `seed`.
pub fn count_inside(seed: u64, stream: u64, samples: u64) -> u64 {
    let mut rng = Xoshiro256pp::for_stream(seed, stream);
    let mut inside = 0;
    for _ in 0..samples {
        let x = rng.next_f64();
        let y = rng.next_f64();
        inside += u64::from(x * x + y * y < 1.0);
    }
    inside
}
// ANCHOR_END: count_inside

// ANCHOR: plan
/// A Monte Carlo run cut into `chunks` pieces of work. Chunk `k` always
/// draws from random stream `k`, so the answer depends on the seed and the
/// number of chunks, never on how many threads share the chunks.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    pub samples: u64,
    pub chunks: u64,
    pub seed: u64,
}

impl Plan {
    /// `samples` points in `chunks` chunks (at least one) from `seed`.
    pub fn new(samples: u64, chunks: u64, seed: u64) -> Plan {
        assert!(chunks > 0, "a plan needs at least one chunk");
        Plan {
            samples,
            chunks,
            seed,
        }
    }

    /// Samples in chunk `k`: an equal share, the first `samples % chunks`
    /// chunks one more.
    pub fn chunk_samples(&self, k: u64) -> u64 {
        self.samples / self.chunks + u64::from(k < self.samples % self.chunks)
    }

    /// The work of chunk `k`: its count of points inside the circle.
    pub fn count_chunk(&self, k: u64) -> u64 {
        count_inside(self.seed, k, self.chunk_samples(k))
    }

    /// π estimated from the total count of points inside.
    pub fn estimate(&self, inside: u64) -> f64 {
        4.0 * inside as f64 / self.samples as f64
    }
}
// ANCHOR_END: plan

// ANCHOR: serial
/// The reference: one chunk after the other on the calling thread.
pub fn pi_serial(plan: &Plan) -> f64 {
    let inside: u64 = (0..plan.chunks).map(|k| plan.count_chunk(k)).sum();
    plan.estimate(inside)
}
// ANCHOR_END: serial

// ANCHOR: rayon
/// The same loop with `into_par_iter`: rayon hands the chunks to the threads
/// of its pool. Integer counts add up to the same total in any order, so the
/// estimate is exactly the serial one.
pub fn pi_rayon(plan: &Plan) -> f64 {
    let inside: u64 = (0..plan.chunks)
        .into_par_iter()
        .map(|k| plan.count_chunk(k))
        .sum();
    plan.estimate(inside)
}
// ANCHOR_END: rayon

/// The standard deviation of the estimate from `samples` points: each point
/// is inside with probability p = π/4, the count is binomial, and the
/// estimate is 4 × count / samples.
pub fn standard_error(samples: u64) -> f64 {
    let p = std::f64::consts::FRAC_PI_4;
    4.0 * (p * (1.0 - p) / samples as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    #[test]
    fn chunks_share_the_samples_exactly() {
        for (samples, chunks) in [(10, 3), (9, 3), (2, 5), (0, 4), (1_000_003, 64)] {
            let plan = Plan::new(samples, chunks, 0);
            let sizes: Vec<u64> = (0..chunks).map(|k| plan.chunk_samples(k)).collect();
            assert_eq!(sizes.iter().sum::<u64>(), samples);
            let (min, max) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
            assert!(max - min <= 1, "{sizes:?}");
        }
    }

    #[test]
    fn the_estimate_is_within_five_standard_errors_of_pi() {
        for seed in [1, 2, 3] {
            let plan = Plan::new(2_000_000, 16, seed);
            let estimate = pi_serial(&plan);
            let bound = 5.0 * standard_error(plan.samples);
            assert!(
                (estimate - PI).abs() < bound,
                "seed {seed}: {estimate} is more than {bound} from π"
            );
        }
    }

    #[test]
    fn parallel_equals_serial_exactly_for_any_pool_size() {
        let plan = Plan::new(300_001, 37, 2024);
        let serial = pi_serial(&plan);
        for threads in [1, 2, 3, 8] {
            let pool = crate::thread_pool(threads);
            assert_eq!(
                pool.install(|| pi_rayon(&plan)),
                serial,
                "{threads} threads"
            );
        }
    }

    #[test]
    fn a_different_seed_gives_a_different_estimate() {
        let a = pi_serial(&Plan::new(100_000, 4, 1));
        let b = pi_serial(&Plan::new(100_000, 4, 2));
        assert_ne!(a, b);
    }

    #[test]
    fn at_least_eight_chunks_per_core_and_never_fewer_than_the_minimum() {
        assert_eq!(chunks_for(1), MIN_CHUNKS);
        assert_eq!(chunks_for(2), 256);
        assert_eq!(chunks_for(32), 256);
        assert_eq!(chunks_for(33), 264);
        assert_eq!(chunks_for(128), 1024);
        assert!(chunks_for_this_machine() >= MIN_CHUNKS);
    }

    #[test]
    fn no_samples_means_nothing_inside() {
        assert_eq!(count_inside(5, 0, 0), 0);
        assert_eq!(Plan::new(3, 8, 5).chunk_samples(7), 0);
    }
}
