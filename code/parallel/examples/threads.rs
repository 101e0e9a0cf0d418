//! Monte Carlo π with standard-library threads, four ways of adding up what
//! the threads counted, and the serial reference. All five print the same
//! number.
use parallel::cli::{arguments, parse_count, usage_error};
use parallel::pi::{Plan, SEED, chunks_for_this_machine, pi_serial};
use parallel::threads::{pi_atomic, pi_channel, pi_mutex, pi_scoped_threads};

const USAGE: &str = "threads [SAMPLES] [THREADS]";

// ANCHOR: main
fn main() {
    let args = arguments(2, USAGE);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let parse = |i: usize, name, default| {
        parse_count(args.get(i).map(String::as_str), name, 1, default)
            .unwrap_or_else(|message| usage_error(&message, USAGE))
    };
    let samples = parse(0, "SAMPLES", 20_000_000);
    let threads = parse(1, "THREADS", cores) as usize;

    let chunks = chunks_for_this_machine();
    let plan = Plan::new(samples, chunks, SEED);
    println!("samples: {samples} in {chunks} chunks, {threads} threads");
    println!("serial:         pi = {}", pi_serial(&plan));
    println!("scoped threads: pi = {}", pi_scoped_threads(&plan, threads));
    println!("channel:        pi = {}", pi_channel(&plan, threads));
    println!("mutex:          pi = {}", pi_mutex(&plan, threads));
    println!("atomic:         pi = {}", pi_atomic(&plan, threads));
}
// ANCHOR_END: main
