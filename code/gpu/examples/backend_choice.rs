//! The same numerical code on the CPU or the GPU, chosen when the program
//! runs: the mean and root mean square of N numbers.
//!
//!     cargo run --release -p gpu --example backend_choice -- --backend cpu|gpu|auto [N]
use course_cli::memory::{bytes_for, ensure_fits};
use course_cli::{Error, Usage, run};
use gpu::backend::{Choice, choose, mean_and_rms};
use std::process::ExitCode;

const USAGE: Usage = Usage::new(
    "backend_choice",
    "--backend cpu|gpu|auto [N]",
    "the mean and root mean square of N numbers, on the backend chosen at run time",
)
.details(
    "--backend  cpu, gpu, or auto (a hardware GPU when this N is past its measured crossover)
     N          how many numbers, 1 to 2_000_000_000 (default 1_000_000)",
)
.options(&[("--backend", "cpu|gpu|auto")]);

// ANCHOR: main
fn main() -> ExitCode {
    run(&USAGE, |mut args| {
        let choice: Choice = match args.option_text("--backend")? {
            None => return Err(USAGE.error("which backend? --backend is missing")),
            Some(text) => text.parse().map_err(|message| USAGE.error(message))?,
        };
        let n: usize = args.count("N", 1_000_000, 1..=2_000_000_000)?;
        args.done()?;
        // The numbers, and their copy where the backend computes.
        ensure_fits(bytes_for(n as u64, 8, "numbers")?, "the numbers")?;

        let (backend, why) = choose(choice, n).map_err(Error::failed)?;
        println!("backend: {} ({why})", backend.name());

        // 0, 1, 2, 3, 0, 1, ...: every running total is a whole number, which
        // f32 holds exactly up to 2^24. The sum of squares, 3.5 N, stays below
        // that for N < 4_793_490, and there every backend gives the exact
        // answer. Beyond, the totals round, each backend in its own order,
        // so the exact values (f64 suffices) are printed beside them.
        let x: Vec<f32> = (0..n).map(|i| (i % 4) as f32).collect();
        let on_backend = backend.to_device(&x).map_err(Error::failed)?; // moved once
        let (mean, rms) = mean_and_rms(backend.as_ref(), &on_backend).map_err(Error::failed)?;
        let squares: f64 = x.iter().map(|&v| f64::from(v * v)).sum();
        let exact_mean = x.iter().map(|&v| f64::from(v)).sum::<f64>() / n as f64;
        let exact_rms = (squares / n as f64).sqrt();
        println!(
            "{n} numbers: mean {mean:.4}, rms {rms:.4} (exact: {exact_mean:.4}, {exact_rms:.4})"
        );
        Ok(())
    })
}
// ANCHOR_END: main
