//! Computes w · (a − b)² for N elements with a chain of three kernels and
//! with one fused kernel, checks that both agree, and times them with the
//! data on the GPU.
//!
//!     cargo run --release -p gpu --example fusion -- [N]
use gpu::fusion::{Expression, Strategy, weighted_squared_difference_cpu};
use gpu::timing::{best_of, wall_clock};
use gpu::{GpuContext, GpuError};

// ANCHOR: main
fn main() {
    let n = match size_arg(1 << 22) {
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
    let ctx = GpuContext::new()?;
    let software = if ctx.is_software() {
        " (software adapter)"
    } else {
        ""
    };
    println!("adapter: {}{software}", ctx.describe());

    let a: Vec<f32> = (0..n).map(|i| (i % 100) as f32 * 0.25).collect();
    let b: Vec<f32> = (0..n).map(|i| (i % 7) as f32).collect();
    let w: Vec<f32> = (0..n).map(|i| 1.0 / (1 + i % 10) as f32).collect();
    let expected = weighted_squared_difference_cpu(&a, &b, &w);
    let inputs = [
        ctx.storage_buffer("a", &a)?,
        ctx.storage_buffer("b", &b)?,
        ctx.storage_buffer("w", &w)?,
    ];
    for strategy in [Strategy::Chain, Strategy::Fused] {
        let expression = Expression::new(&ctx, strategy, &inputs, n)?;
        let same = expression.run(&ctx)? == expected;
        // Ten back-to-back runs per measurement, data on the GPU.
        let time = best_of(3, || wall_clock(&ctx, &expression, 10))? / 10;
        println!(
            "{strategy:?}: {n} elements in {time:.2?}, equals the CPU: {}",
            if same { "yes" } else { "NO" }
        );
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
