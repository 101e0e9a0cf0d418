//! Monte Carlo π on all cores with rayon. rayon starts one thread per core,
//! or `RAYON_NUM_THREADS` threads when that variable is set (as in a job
//! script on a cluster).
use parallel::cli::{arguments, parse_count, timed, usage_error};
use parallel::pi::{Plan, SEED, chunks_for_this_machine, pi_rayon, standard_error};

const USAGE: &str = "pi [SAMPLES]";

// ANCHOR: main
fn main() {
    let args = arguments(1, USAGE);
    let samples = parse_count(args.first().map(String::as_str), "SAMPLES", 1, 100_000_000)
        .unwrap_or_else(|message| usage_error(&message, USAGE));

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
}
// ANCHOR_END: main
