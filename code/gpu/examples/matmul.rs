//! Multiplies two N × N matrices with the naive and the tiled kernel,
//! checks both against the CPU and times them with the data on the GPU.
//!
//!     cargo run --release -p gpu --example matmul -- [N]
use gpu::cli::{adapter_line, run_or_exit, size_arg_at_least};
use gpu::matmul::{Kernel, Product, flops, matmul_cpu};
use gpu::timing::{best_of, wall_clock};
use gpu::{GpuContext, GpuError};

// ANCHOR: main
fn main() {
    let n = size_arg_at_least(1, 512);
    run_or_exit(|| run(n));
}

fn run(n: usize) -> Result<(), GpuError> {
    let ctx = GpuContext::new()?;
    println!("{}", adapter_line(&ctx));

    // Small integers: every product and partial sum is exact in f32, so
    // GPU and CPU must agree exactly.
    let a: Vec<f32> = (0..n * n).map(|i| (i % 5) as f32).collect();
    let b: Vec<f32> = (0..n * n).map(|i| (i % 3) as f32).collect();
    let shape = (n, n, n);
    let expected = matmul_cpu(&a, &b, shape);

    let (a_gpu, b_gpu) = (ctx.storage_buffer("A", &a)?, ctx.storage_buffer("B", &b)?);
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
