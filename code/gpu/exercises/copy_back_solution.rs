//! Exercise "copy a result back", solved: read the squared differences
//! back into a `Vec<f32>` and add them up on the CPU.
//!
//!     cargo run --release -p gpu --example copy_back
use gpu::cli::{adapter_line, run_or_exit};
use gpu::{Elementwise, GpuContext, GpuError};

// ANCHOR: main
fn main() {
    run_or_exit(run);
}

fn run() -> Result<(), GpuError> {
    let ctx = GpuContext::new()?;
    println!("{}", adapter_line(&ctx));
    let n = 1000;
    let a: Vec<f32> = (0..n).map(|i| i as f32).collect();
    let b: Vec<f32> = (0..n).map(|i| (i + 2) as f32).collect();

    let a_gpu = ctx.upload("a", &a)?;
    let b_gpu = ctx.upload("b", &b)?;
    let result = ctx.zeroed::<f32>("result", n)?;
    Elementwise::sqdiff(&ctx)?.run(&ctx, &a_gpu, &b_gpu, &result)?;

    // The copy back: into a staging buffer, wait, map, copy into a Vec.
    let on_host = ctx.read_back(&result)?;
    println!(
        "result: {} of {} elements, in host memory",
        type_name_of(&on_host),
        on_host.len()
    );
    // Every difference is 2, so the sum is 4 n (exact in f32).
    let sum: f32 = on_host.iter().sum();
    println!("sum of squared differences: {sum} (expected {})", 4 * n);
    Ok(())
}

fn type_name_of<T>(_: &T) -> &'static str {
    std::any::type_name::<T>()
}
// ANCHOR_END: main
