//! Three ways a hand-made timing with `Instant` goes wrong, and the fixes:
//! one run is not a measurement, the first run pays for warming up, and the
//! optimiser deletes work whose result nobody uses.
use course_cli::{Usage, run};
use std::hint::black_box;
use std::time::Instant;

const USAGE: Usage = Usage::new(
    "timing_pitfalls",
    "[N]",
    "shows three ways a hand-made timing goes wrong, and the fixes",
)
.details("N  terms of the sum of squares, 1 to 2_000_000_000 (default 50_000_000)");

/// Something to time: the sum of squares of 0..n, computed by a loop.
fn sum_of_squares(n: u64) -> u64 {
    (0..n).map(|i| i.wrapping_mul(i)).fold(0, u64::wrapping_add)
}

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let n: u64 = args.count("N", 50_000_000, 1..=2_000_000_000)?;
        args.done()?;

        // Pitfall 1: the result is never used, so the compiler may delete the
        // call (it need not know `n`, which comes from the command line). You
        // time an empty loop.
        let start = Instant::now();
        let _ = sum_of_squares(n);
        println!(
            "unused result:        {:>10.3} ms",
            start.elapsed().as_secs_f64() * 1e3
        );

        // Fix: `black_box` hides the input from the optimiser and pretends to
        // use the output, so the work must really happen.
        let start = Instant::now();
        black_box(sum_of_squares(black_box(n)));
        println!(
            "with black_box:       {:>10.3} ms",
            start.elapsed().as_secs_f64() * 1e3
        );

        // Pitfall 2: one run is one sample. The first also pays for cold
        // caches, page faults and a CPU clock that is still ramping up; the
        // others vary with whatever else the machine does.
        let mut times = Vec::new();
        for _ in 0..10 {
            let start = Instant::now();
            black_box(sum_of_squares(black_box(n)));
            times.push(start.elapsed().as_secs_f64() * 1e3);
        }
        let (min, max) = times
            .iter()
            .fold((f64::MAX, 0.0f64), |(lo, hi), &t| (lo.min(t), hi.max(t)));
        let mean = times.iter().sum::<f64>() / times.len() as f64;
        println!("10 runs: min {min:.3} ms, mean {mean:.3} ms, max {max:.3} ms");

        // Pitfall 3: the clock has a resolution. Time something tiny and you
        // mostly measure the clock; time many repetitions and divide instead.
        let start = Instant::now();
        let one = start.elapsed();
        println!("an empty interval:    {:>10} ns", one.as_nanos());
        let reps = 1_000_000;
        let start = Instant::now();
        for i in 0..reps {
            black_box(sum_of_squares(black_box(i % 4)));
        }
        let per_call = start.elapsed().as_secs_f64() * 1e9 / reps as f64;
        println!("a tiny call, averaged:{per_call:>10.2} ns");
        Ok(())
    })
}
// ANCHOR_END: main
