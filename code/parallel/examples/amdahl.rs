//! Amdahl's and Gustafson's laws side by side for a given serial fraction.
use course_cli::{Usage, run};
use parallel::laws::{amdahl_speedup, gustafson_speedup};

const USAGE: Usage = Usage::new(
    "amdahl",
    "[SERIAL_FRACTION]",
    "prints the speedups Amdahl's and Gustafson's laws predict",
)
.details("SERIAL_FRACTION  the part of the work that stays serial, 0 to 1 (default 0.05)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let s = args.number("SERIAL_FRACTION", 0.05, 0.0..=1.0)?;
        args.done()?;

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
        Ok(())
    })
}
// ANCHOR_END: main
