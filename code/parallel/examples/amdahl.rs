//! Amdahl's and Gustafson's laws side by side for a given serial fraction.
use parallel::cli::{arguments, parse_fraction, usage_error};
use parallel::laws::{amdahl_speedup, gustafson_speedup};

const USAGE: &str = "amdahl [SERIAL_FRACTION]";

// ANCHOR: main
fn main() {
    let args = arguments(1, USAGE);
    let s = parse_fraction(args.first().map(String::as_str), "SERIAL_FRACTION", 0.05)
        .unwrap_or_else(|message| usage_error(&message, USAGE));

    println!("serial fraction s = {s}");
    println!("{:>7} {:>9} {:>10}", "workers", "Amdahl", "Gustafson");
    for workers in [1, 2, 4, 8, 16, 64, 256, 1024] {
        let p = f64::from(workers);
        println!(
            "{workers:>7} {:>9.2} {:>10.2}",
            amdahl_speedup(s, p),
            gustafson_speedup(s, p)
        );
    }
    if s > 0.0 {
        println!("Amdahl's limit for any number of workers: {:.2}", 1.0 / s);
    } else {
        println!("Amdahl's limit for any number of workers: none (s = 0)");
    }
}
// ANCHOR_END: main
