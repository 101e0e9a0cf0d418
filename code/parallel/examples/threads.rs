//! Monte Carlo π with standard-library threads, four ways of adding up what
//! the threads counted, and the serial reference. All five print the same
//! number.
use course_cli::{Usage, run};
use parallel::pi::{Plan, SEED, chunks_for_this_machine, pi_serial};
use parallel::threads::{pi_atomic, pi_channel, pi_mutex, pi_scoped_threads};

const USAGE: Usage = Usage::new(
    "threads",
    "[SAMPLES] [THREADS]",
    "estimates π with std threads, adding up their counts four ways",
)
.details(
    "SAMPLES  random points, 1 to 1_000_000_000 (default 20_000_000)
     THREADS  1 to 1024 (default: one per core)",
);

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let samples: u64 = args.count("SAMPLES", 20_000_000, 1..=1_000_000_000)?;
        let threads: usize = args.count("THREADS", cores.min(1024), 1..=1024)?;
        args.done()?;

        let chunks = chunks_for_this_machine();
        let plan = Plan::new(samples, chunks, SEED);
        println!("samples: {samples} in {chunks} chunks, {threads} threads");
        println!("serial:         pi = {}", pi_serial(&plan));
        println!("scoped threads: pi = {}", pi_scoped_threads(&plan, threads));
        println!("channel:        pi = {}", pi_channel(&plan, threads));
        println!("mutex:          pi = {}", pi_mutex(&plan, threads));
        println!("atomic:         pi = {}", pi_atomic(&plan, threads));
        Ok(())
    })
}
// ANCHOR_END: main
