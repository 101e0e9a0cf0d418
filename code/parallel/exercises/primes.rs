//! Exercise "parallelise a loop": count the primes below `limit` with rayon.
//! Check with
//!     cargo xtask exercise primes

// ANCHOR: starter
/// Counts the numbers below `limit` for which `is_prime` says yes. Serial:
/// one number after the other, on one thread.
pub fn count_primes(limit: u64, is_prime: impl Fn(u64) -> bool + Sync) -> usize {
    (0..limit).filter(|&n| is_prime(n)).count()
}
// ANCHOR_END: starter
