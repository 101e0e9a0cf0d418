//! Adds two vectors of N floats on the GPU and checks the result on the CPU.
//!
//!     cargo run --release -p gpu --example vector_add -- [N]
use gpu::cli::{adapter_line, run_or_exit, size_arg};
use gpu::{GpuContext, GpuError, add, add_cpu};

// ANCHOR: main
fn main() {
    let n = size_arg(1_000_000);
    // A missing GPU is an ordinary error with a one-line message, not a panic.
    run_or_exit(|| run(n));
}

fn run(n: usize) -> Result<(), GpuError> {
    let ctx = GpuContext::new()?;
    println!("{}", adapter_line(&ctx));

    // Small whole numbers and halves: every sum is exact in f32.
    let a: Vec<f32> = (0..n).map(|i| (i % 1000) as f32).collect();
    let b: Vec<f32> = (0..n).map(|i| (i % 7) as f32 * 0.5).collect();
    let on_gpu = add(&ctx, &a, &b)?;
    let on_cpu = add_cpu(&a, &b);

    let max_diff = on_gpu
        .iter()
        .zip(&on_cpu)
        .map(|(g, c)| (g - c).abs())
        .fold(0.0, f32::max);
    println!("checked {n} elements against the CPU: max abs difference {max_diff}");
    Ok(())
}
// ANCHOR_END: main
