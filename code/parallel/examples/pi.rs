//! Monte Carlo π on all cores with rayon. rayon starts one thread per core,
//! or `RAYON_NUM_THREADS` threads when that variable is set (as in a job
//! script on a cluster).
use course_cli::timing::timed;
use course_cli::{Usage, check_rayon_threads, run};
use parallel::pi::{Plan, SEED, chunks_for_this_machine, pi_rayon, standard_error};

const USAGE: Usage = Usage::new("pi", "[SAMPLES]", "estimates π by Monte Carlo on all cores")
    .details(
        "SAMPLES  random points, 1 to 10_000_000_000 (default 100_000_000)
         RAYON_NUM_THREADS  (environment) threads, at most 1024",
    );

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let samples: u64 = args.count("SAMPLES", 100_000_000, 1..=10_000_000_000)?;
        args.done()?;
        check_rayon_threads()?;

        // The number of threads in rayon's global pool: the core count, unless
        // RAYON_NUM_THREADS says otherwise.
        println!("threads: {}", rayon::current_num_threads());
        let chunks = chunks_for_this_machine();
        let plan = Plan::new(samples, chunks, SEED);
        println!("samples: {samples} in {chunks} chunks");

        let (pi, seconds) = timed(|| pi_rayon(&plan));
        println!("pi: {pi}");
        println!(
            "error: {:.2e} (standard error {:.2e})",
            (pi - std::f64::consts::PI).abs(),
            standard_error(samples)
        );
        println!("time: {seconds:.3} s");
        Ok(())
    })
}
// ANCHOR_END: main
