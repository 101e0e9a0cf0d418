//! Counting the primes below a limit by trial division, serially and with
//! rayon; bigger numbers cost more to test, so the work is uneven, like the
//! Mandelbrot rows. The `primes` example times both; the exercise
//! "parallelise a loop" has its own starter, `exercises/primes.rs`.

use rayon::prelude::*;

/// Whether `n` is prime, by trial division with odd divisors up to √n.
pub fn is_prime(n: u64) -> bool {
    if n < 4 {
        return n >= 2;
    }
    if n.is_multiple_of(2) {
        return false;
    }
    let mut divisor = 3;
    while divisor * divisor <= n {
        if n.is_multiple_of(divisor) {
            return false;
        }
        divisor += 2;
    }
    true
}

// ANCHOR: serial
/// A serial count.
pub fn count_primes_serial(limit: u64) -> usize {
    (0..limit).filter(|&n| is_prime(n)).count()
}
// ANCHOR_END: serial

// ANCHOR: rayon
/// `into_par_iter` instead of the serial range. Nothing else changes,
/// because each number is tested on its own.
pub fn count_primes_rayon(limit: u64) -> usize {
    (0..limit).into_par_iter().filter(|&n| is_prime(n)).count()
}
// ANCHOR_END: rayon

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_numbers_are_classified_correctly() {
        let primes: Vec<u64> = (0..30).filter(|&n| is_prime(n)).collect();
        assert_eq!(primes, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
        assert!(!is_prime(25) && !is_prime(49) && !is_prime(7919 * 7919));
        assert!(is_prime(1_000_000_007));
    }

    #[test]
    fn both_counts_match_the_known_prime_counting_function() {
        // π(10^k) for k = 1..5: 4, 25, 168, 1229, 9592.
        for (limit, expected) in [
            (10, 4),
            (100, 25),
            (1000, 168),
            (10_000, 1229),
            (100_000, 9592),
        ] {
            assert_eq!(count_primes_serial(limit), expected, "serial, {limit}");
            assert_eq!(count_primes_rayon(limit), expected, "rayon, {limit}");
        }
    }
}
