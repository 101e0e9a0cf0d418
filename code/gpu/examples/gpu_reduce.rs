//! Sums N numbers and takes their L2 norm on the GPU and on the CPU, and
//! compares both with the exact values (computed in f64).
//!
//!     cargo run --release -p gpu --example gpu_reduce -- [N]
use gpu::cli::{adapter_line, run_or_exit, size_arg};
use gpu::reduce::{l2_norm, l2_norm_cpu, sum, sum_cpu};
use gpu::{GpuContext, GpuError};

// ANCHOR: main
fn main() {
    let n = size_arg(10_000_000);
    run_or_exit(|| run(n));
}

fn run(n: usize) -> Result<(), GpuError> {
    let ctx = GpuContext::new()?;
    println!("{}", adapter_line(&ctx));

    // Numbers in [0, 1): no cancellation, so relative errors mean something.
    let x: Vec<f32> = (0..n).map(|i| (i % 1000) as f32 / 1000.0).collect();
    let exact_sum: f64 = x.iter().map(|&v| f64::from(v)).sum();
    let exact_norm = x.iter().map(|&v| f64::from(v).powi(2)).sum::<f64>().sqrt();

    println!("{n} numbers in [0, 1)");
    report("sum", exact_sum, sum(&ctx, &x)?, sum_cpu(&x));
    report("L2 norm", exact_norm, l2_norm(&ctx, &x)?, l2_norm_cpu(&x));
    Ok(())
}

fn report(what: &str, exact: f64, gpu: f32, cpu: f32) {
    let error = |v: f32| (f64::from(v) - exact).abs() / exact.abs().max(f64::MIN_POSITIVE);
    println!("{what}: exact {exact:.1}");
    println!("  gpu {gpu:>14.1}  relative error {:.1e}", error(gpu));
    println!("  cpu {cpu:>14.1}  relative error {:.1e}", error(cpu));
}
// ANCHOR_END: main
