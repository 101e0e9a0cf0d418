//! The exercise: count the primes below a limit, serially and with rayon.
use parallel::cli::{arguments, parse_count, timed, usage_error};
use parallel::primes::{count_primes_rayon, count_primes_serial};

const USAGE: &str = "primes [LIMIT]";

// ANCHOR: main
fn main() {
    let args = arguments(1, USAGE);
    let limit = parse_count(args.first().map(String::as_str), "LIMIT", 0, 2_000_000)
        .unwrap_or_else(|message| usage_error(&message, USAGE));

    let (serial, t_serial) = timed(|| count_primes_serial(limit));
    println!("serial: {serial} primes below {limit} in {t_serial:.3} s");
    let (parallel, t_parallel) = timed(|| count_primes_rayon(limit));
    println!(
        "rayon, {} threads: {parallel} primes below {limit} in {t_parallel:.3} s",
        rayon::current_num_threads()
    );
    println!("speedup: {:.2}x", t_serial / t_parallel);
}
// ANCHOR_END: main
