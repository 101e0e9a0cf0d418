//! (a - b)² of two vectors of N floats on the GPU, checked on the CPU.
//!
//!     cargo run --release -p gpu --example squared_difference -- [N]
use gpu::cli::{adapter_line, run_or_exit, size_arg};
use gpu::{F32_TOLERANCE, GpuContext, GpuError, max_relative_error, sqdiff, sqdiff_cpu};

// ANCHOR: main
fn main() {
    let n = size_arg(1_000_000);
    run_or_exit(|| run(n));
}

fn run(n: usize) -> Result<(), GpuError> {
    let ctx = GpuContext::new()?;
    println!("{}", adapter_line(&ctx));

    // Values that need rounding, so the comparison means something.
    let a: Vec<f32> = (0..n).map(|i| (i as f32).sqrt()).collect();
    let b: Vec<f32> = (0..n).map(|i| (i % 10) as f32 / 3.0).collect();
    let on_gpu = sqdiff(&ctx, &a, &b)?;
    let on_cpu = sqdiff_cpu(&a, &b);

    let error = max_relative_error(&on_gpu, &on_cpu);
    let within = error <= F32_TOLERANCE;
    let verdict = if within { "within" } else { "OUTSIDE" };
    println!(
        "checked {n} elements against the CPU: max relative difference {error:e}, \
         {verdict} the tolerance {F32_TOLERANCE:e}"
    );
    if !within {
        std::process::exit(1);
    }
    Ok(())
}
// ANCHOR_END: main
