//! Exercise "copy a result back": the squared differences are computed on
//! the GPU, and stay there. Bring them back and add them up.
//!
//!     cargo run --release -p gpu --example copy_back_starter
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

    // `result` is a handle to GPU memory: the CPU cannot read it directly.
    println!(
        "result: {} of {} bytes, in GPU memory",
        type_name_of(&result),
        result.size()
    );
    Ok(())
}

fn type_name_of<T>(_: &T) -> &'static str {
    std::any::type_name::<T>()
}
// ANCHOR_END: main
