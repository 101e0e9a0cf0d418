//! Times the sum of N floats four ways: on the CPU, and on the GPU with the
//! transfers, with the data already on the GPU, and by the GPU's own clock.
//!
//!     cargo run --release -p gpu --example gpu_timing -- [N]
use course_cli::{Error, Usage, memory, run};
use gpu::cli::adapter_line;
use gpu::reduce::{Reducer, sum_cpu};
use gpu::timing::{best_of, gpu_time};
use gpu::{GpuContext, GpuError};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs per measurement; each line shows the fastest.
const RUNS: usize = 5;

const USAGE: Usage = Usage::new(
    "gpu_timing",
    "[N]",
    "times a sum on the CPU and on the GPU, with and without transfers",
)
.details("N  floats, 1 to 1_000_000_000 (default 1_048_576)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let n: usize = args.count("N", 1 << 20, 1..=1_000_000_000)?;
        args.done()?;
        memory::ensure_items_fit(n as u64, 4, "floats")?;
        // A missing GPU is an ordinary error with a one-line message.
        measure(n).map_err(Error::failed)
    })
}

fn measure(n: usize) -> Result<(), GpuError> {
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
