//! One solution of "parallelise a loop".
use rayon::prelude::*;

// ANCHOR: solution
/// `into_par_iter` instead of the serial range. Nothing else changes,
/// because each number is tested on its own; `is_prime` must be `Sync`
/// because several threads call it at once.
pub fn count_primes(limit: u64, is_prime: impl Fn(u64) -> bool + Sync) -> usize {
    (0..limit).into_par_iter().filter(|&n| is_prime(n)).count()
}
// ANCHOR_END: solution
