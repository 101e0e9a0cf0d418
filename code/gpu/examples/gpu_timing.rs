//! Times the sum of N floats four ways: on the CPU, and on the GPU with the
//! transfers, with the data already on the GPU, and by the GPU's own clock.
//!
//!     cargo run --release -p gpu --example gpu_timing -- [N]
use gpu::cli::{adapter_line, run_or_exit, size_arg_at_least};
use gpu::reduce::{Reducer, sum_cpu};
use gpu::timing::{best_of, gpu_time};
use gpu::{GpuContext, GpuError};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs per measurement; each line shows the fastest.
const RUNS: usize = 5;

// ANCHOR: main
fn main() {
    let n = size_arg_at_least(1, 1 << 20);
    run_or_exit(|| run(n));
}

fn run(n: usize) -> Result<(), GpuError> {
    let ctx = GpuContext::with_timestamps()?;
    println!("{}", adapter_line(&ctx));
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
