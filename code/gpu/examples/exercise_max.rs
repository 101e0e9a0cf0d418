//! Exercise (starter): the largest element of N numbers on the GPU. Edit
//! `exercise_max.wgsl` until the GPU agrees with the CPU.
//!
//!     cargo run --release -p gpu --example exercise_max -- [N]
use gpu::cli::{run_or_exit, size_arg};
use gpu::reduce::Reducer;
use gpu::{GpuContext, GpuError};

const MAX_WGSL: &str = include_str!("exercise_max.wgsl");

// ANCHOR: main
fn main() {
    let n = size_arg(1_000_000);
    run_or_exit(|| run(n));
}

fn run(n: usize) -> Result<(), GpuError> {
    let ctx = GpuContext::new()?;
    // The host side of a reduction does not care what the kernel computes:
    // the same two dispatches, with our kernel in both. An empty input's
    // maximum is -inf, as for `f32::max` folded from -inf.
    let maximum = Reducer::from_wgsl(&ctx, MAX_WGSL, "maximum", "maximum", f32::NEG_INFINITY)?;

    // All negative and in no particular order.
    let x: Vec<f32> = (0..n)
        .map(|i| -1.0 - ((i * 7919 + 5) % 10_007) as f32)
        .collect();
    let on_gpu = maximum.reduce(&ctx, &x)?;
    let on_cpu = x.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    println!("maximum of {n} numbers: gpu {on_gpu}, cpu {on_cpu}");
    if on_gpu == on_cpu {
        println!("the GPU agrees with the CPU");
    } else {
        println!("not yet: edit exercise_max.wgsl");
    }
    Ok(())
}
// ANCHOR_END: main
