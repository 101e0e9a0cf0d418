//! The latency staircase on your machine: nanoseconds per dependent load
//! for working sets from 4 KiB up to MAX_MIB MiB (default 1024).
use stack::latency::{Pages, chase, format_bytes, huge_page_bytes, random_cycle, working_sets};
use stack::{parse_count, time_best_of};

// ANCHOR: main
fn main() {
    let arg = std::env::args().nth(1);
    let max_mib = parse_count(arg.as_deref(), 1024, "MAX_MIB").unwrap_or_else(|message| {
        eprintln!("error: {message} (usage: latency [MAX_MIB])");
        std::process::exit(2);
    });
    let max_bytes = max_mib.checked_mul(1 << 20).unwrap_or_else(|| {
        eprintln!("error: MAX_MIB {max_mib} is too large (usage: latency [MAX_MIB])");
        std::process::exit(2);
    });
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
}
// ANCHOR_END: main
