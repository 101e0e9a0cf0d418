//! The latency staircase on your machine: nanoseconds per dependent load
//! for working sets from 4 KiB up to MAX_MIB MiB (default 1024).
use course_cli::{Usage, memory, run, time_best_of};
use stack::latency::{Pages, chase, format_bytes, huge_page_bytes, random_cycle, working_sets};

const USAGE: Usage = Usage::new(
    "latency",
    "[MAX_MIB]",
    "measures nanoseconds per dependent load for growing working sets",
)
.details("MAX_MIB  largest working set in MiB, 1 to 16_384 (default 1024)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let max_mib: usize = args.count("MAX_MIB", 1024, 1..=16_384)?;
        args.done()?;
        let max_bytes = max_mib << 20;
        // The largest working set is allocated last: check it before the first.
        memory::ensure_fits(max_bytes as u64, &format!("a working set of {max_mib} MiB"))?;
        const STEPS: usize = 1 << 18;
        println!("working set  ns per load");
        let mut in_huge_pages = None;
        for bytes in working_sets(max_bytes) {
            let nodes = random_cycle(bytes, 2024, Pages::Huge);
            in_huge_pages = huge_page_bytes();
            // Warm up: bring the working set into whichever cache it fits.
            let start = chase(&nodes, 0, nodes.len().min(STEPS));
            let (_, seconds) = time_best_of(3, || chase(&nodes, start, STEPS));
            println!(
                "{:>11}  {:>11.2}",
                format_bytes(bytes),
                seconds * 1e9 / STEPS as f64
            );
        }
        match in_huge_pages {
            Some(huge) => println!(
                "huge pages held during the last size: {}",
                format_bytes(huge)
            ),
            None => println!("huge pages held during the last size: unknown on this system"),
        }
        println!("compare the steps with your caches: lscpu --caches (Linux)");
        Ok(())
    })
}
// ANCHOR_END: main
