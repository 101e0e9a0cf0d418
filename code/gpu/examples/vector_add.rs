//! Adds two vectors of N floats on the GPU and checks the result on the CPU.
//!
//!     cargo run --release -p gpu --example vector_add -- [N]
use course_cli::{Error, Usage, memory, run};
use gpu::cli::adapter_line;
use gpu::{GpuContext, GpuError, add, add_cpu};

const USAGE: Usage = Usage::new(
    "vector_add",
    "[N]",
    "adds two vectors of N floats on the GPU and checks them on the CPU",
)
.details("N  elements, 0 to 1_000_000_000 (default 1_000_000)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let n: usize = args.count("N", 1_000_000, 0..=1_000_000_000)?;
        args.done()?;
        // a, b and the two results, 4 bytes each.
        memory::ensure_items_fit(4 * n as u64, 4, "floats")?;
        // A missing GPU is an ordinary error with a one-line message.
        show(n).map_err(Error::failed)
    })
}

fn show(n: usize) -> Result<(), GpuError> {
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
