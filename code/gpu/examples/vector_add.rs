//! Adds two vectors of N floats on the GPU and checks the result on the CPU.
//!
//!     cargo run --release -p gpu --example vector_add -- [N]
use gpu::{GpuContext, GpuError, add, add_cpu};

// ANCHOR: main
fn main() {
    let arg = std::env::args().nth(1);
    let n = match arg.as_deref().map(|text| text.trim().parse::<usize>()) {
        None => 1_000_000,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!(
                "error: N must be a whole number, got {:?}",
                arg.unwrap_or_default()
            );
            std::process::exit(2);
        }
    };
    // A missing GPU is an ordinary error with a one-line message, not a panic.
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
