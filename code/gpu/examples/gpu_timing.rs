//! Times the sum of N floats four ways: on the CPU, and on the GPU with the
//! transfers, with the data already on the GPU, and by the GPU's own clock.
//!
//!     cargo run --release -p gpu --example gpu_timing -- [N]
use gpu::reduce::{Reducer, sum_cpu};
use gpu::timing::{best_of, gpu_time};
use gpu::{GpuContext, GpuError};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs per measurement; each line shows the fastest.
const RUNS: usize = 5;

// ANCHOR: main
fn main() {
    let n = match size_arg(1 << 20) {
        Ok(n) if n > 0 => n,
        Ok(_) => {
            eprintln!("error: N must be at least 1");
            std::process::exit(2);
        }
        Err(message) => {
            eprintln!("error: {message}");
            std::process::exit(2);
        }
    };
    if let Err(error) = run(n) {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}

fn run(n: usize) -> Result<(), GpuError> {
    let ctx = GpuContext::with_timestamps()?;
    let software = if ctx.is_software() {
        " (software adapter)"
    } else {
        ""
    };
    println!("adapter: {}{software}", ctx.describe());
    let x: Vec<f32> = (0..n).map(|i| (i % 1000) as f32).collect();
    let reducer = Reducer::sum(&ctx)?; // compiled once, outside the clocks

    println!("sum of {n} floats, fastest of {RUNS} runs:");
    let cpu = best_of(RUNS, || {
        let start = Instant::now();
        black_box(sum_cpu(black_box(&x)));
        Ok(start.elapsed())
    })?;
    show("cpu", cpu);

    // Upload, both dispatches, read the result back: what one call costs.
    let with_transfers = best_of(RUNS, || {
        let start = Instant::now();
        black_box(reducer.reduce(&ctx, &x)?);
        Ok(start.elapsed())
    })?;
    show("gpu, with transfers", with_transfers);

    // The data stays on the GPU; only the one-number result comes back.
    let input = ctx.storage_buffer("x", &x)?;
    let reduction = reducer.prepare(&ctx, &input, n)?;
    let resident = best_of(RUNS, || {
        let start = Instant::now();
        black_box(reduction.run(&ctx)?);
        Ok(start.elapsed())
    })?;
    show("gpu, data resident", resident);

    // The GPU's own clock: the kernels alone, no launch, no read-back.
    let mut kernels = Vec::new();
    for _ in 0..RUNS {
        kernels.extend(gpu_time(&ctx, &reduction, 1)?);
    }
    match kernels.into_iter().min() {
        Some(time) => show("gpu kernels (timestamps)", time),
        None => println!(
            "  {:<26} not supported by this adapter",
            "gpu kernels (timestamps)"
        ),
    }
    Ok(())
}

fn show(what: &str, time: Duration) {
    println!("  {what:<26} {time:>10.2?}");
}
// ANCHOR_END: main

/// The first argument as a whole number, or `default` when there is none.
fn size_arg(default: usize) -> Result<usize, String> {
    match std::env::args().nth(1) {
        None => Ok(default),
        Some(text) => text
            .trim()
            .parse()
            .map_err(|_| format!("N must be a whole number, got {text:?}")),
    }
}
