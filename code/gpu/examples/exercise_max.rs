//! Exercise (starter): the largest element of N numbers on the GPU. Edit
//! `exercise_max.wgsl` until the GPU agrees with the CPU.
//!
//!     cargo run --release -p gpu --example exercise_max -- [N]
use gpu::reduce::Reducer;
use gpu::{GpuContext, GpuError};

const MAX_WGSL: &str = include_str!("exercise_max.wgsl");

// ANCHOR: main
fn main() {
    let n = match size_arg(1_000_000) {
        Ok(n) => n,
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
