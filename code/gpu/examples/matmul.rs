//! Multiplies two N × N matrices with the naive and the tiled kernel,
//! checks both against the CPU and times them with the data on the GPU.
//!
//!     cargo run --release -p gpu --example matmul -- [N]
use course_cli::{Error, Usage, memory, run};
use gpu::cli::adapter_line;
use gpu::matmul::{Kernel, Product, flops, matmul_cpu};
use gpu::timing::{best_of, wall_clock};
use gpu::{GpuContext, GpuError};

const USAGE: Usage = Usage::new(
    "matmul",
    "[N]",
    "multiplies two N x N matrices with the naive and the tiled kernel",
)
.details("N  rows and columns, 1 to 2048 (default 512); the CPU check takes N^3 steps");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let n: usize = args.count("N", 512, 1..=2048)?;
        args.done()?;
        // A, B, the CPU product and one GPU product at a time.
        memory::ensure_items_fit(4 * (n * n) as u64, 4, "floats")?;
        // A missing GPU is an ordinary error with a one-line message.
        show(n).map_err(Error::failed)
    })
}

fn show(n: usize) -> Result<(), GpuError> {
    let ctx = GpuContext::new()?;
    println!("{}", adapter_line(&ctx));

    // Small integers: every product and partial sum is exact in f32, so
    // GPU and CPU must agree exactly.
    let a: Vec<f32> = (0..n * n).map(|i| (i % 5) as f32).collect();
    let b: Vec<f32> = (0..n * n).map(|i| (i % 3) as f32).collect();
    let shape = (n, n, n);
    // Upload first: a matrix too large for the device fails here, before
    // the CPU spends N^3 steps on the reference.
    let (a_gpu, b_gpu) = (ctx.storage_buffer("A", &a)?, ctx.storage_buffer("B", &b)?);
    let expected = matmul_cpu(&a, &b, shape);

    for kernel in [Kernel::Naive, Kernel::Tiled] {
        let product = Product::new(&ctx, kernel, &a_gpu, &b_gpu, shape)?;
        let same = product.run(&ctx)? == expected;
        // Data already on the GPU: the kernel and its launch, best of 3.
        let time = best_of(3, || wall_clock(&ctx, &product, 1))?;
        let gflops = flops(n, n, n) as f64 / time.as_secs_f64() / 1e9;
        println!(
            "{kernel:?}: {n} x {n} in {time:.2?} ({gflops:.1} GFLOP/s), equals the CPU: {}",
            if same { "yes" } else { "NO" }
        );
    }
    Ok(())
}
// ANCHOR_END: main
