//! False sharing, timed: two threads increment two counters, first side by
//! side in one cache line, then on cache lines of their own.
use course_cli::timing::timed;
use course_cli::{Usage, run};
use parallel::false_sharing::{count_adjacent, count_padded};

const USAGE: Usage = Usage::new(
    "false_sharing",
    "[INCREMENTS]",
    "times two threads incrementing counters in one cache line, then in two",
)
.details("INCREMENTS  per thread, 1 to 500_000_000 (default 20_000_000)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let increments: u64 = args.count("INCREMENTS", 20_000_000, 1..=500_000_000)?;
        args.done()?;

        let (adjacent, t_adjacent) = timed(|| count_adjacent(increments));
        let (padded, t_padded) = timed(|| count_padded(increments));
        println!("adjacent counters: {adjacent:?} in {t_adjacent:.3} s");
        println!("padded counters:   {padded:?} in {t_padded:.3} s");
        println!("adjacent takes {:.1}x as long", t_adjacent / t_padded);
        Ok(())
    })
}
// ANCHOR_END: main
