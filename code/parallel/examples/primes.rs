//! The exercise: count the primes below a limit, serially and with rayon.
use course_cli::timing::timed;
use course_cli::{Usage, check_rayon_threads, run};
use parallel::primes::{count_primes_rayon, count_primes_serial};

const USAGE: Usage = Usage::new(
    "primes",
    "[LIMIT]",
    "counts the primes below LIMIT serially and with rayon, and times both",
)
.details(
    "LIMIT  0 to 20_000_000 (default 2_000_000); trial division grows as LIMIT^1.5
     RAYON_NUM_THREADS  (environment) threads, at most 1024",
);

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let limit: u64 = args.count("LIMIT", 2_000_000, 0..=20_000_000)?;
        args.done()?;
        check_rayon_threads()?;

        let (serial, t_serial) = timed(|| count_primes_serial(limit));
        println!("serial: {serial} primes below {limit} in {t_serial:.3} s");
        let (parallel, t_parallel) = timed(|| count_primes_rayon(limit));
        println!(
            "rayon, {} threads: {parallel} primes below {limit} in {t_parallel:.3} s",
            rayon::current_num_threads()
        );
        println!("speedup: {:.2}x", t_serial / t_parallel);
        Ok(())
    })
}
// ANCHOR_END: main
