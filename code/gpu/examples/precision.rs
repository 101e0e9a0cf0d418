//! f32 is the GPU's number; f64 is an optional feature. Adds 1 + 1e-8 in
//! both precisions, on the adapter in use.
//!
//!     cargo run --release -p gpu --example precision
use gpu::cli::{adapter_line, run_or_exit};
use gpu::{GpuContext, GpuError, add, add_f64, f64_context};

// ANCHOR: main
fn main() {
    run_or_exit(run);
}

fn run() -> Result<(), GpuError> {
    let ctx = GpuContext::new()?;
    println!("{}", adapter_line(&ctx));

    // f32 carries 24 significant bits (about 7 decimal digits): 1e-8 is
    // below the last digit of 1, and the sum rounds back to 1.
    let sum = add(&ctx, &[1.0], &[1e-8])?[0];
    println!("f32 on the GPU: 1 + 1e-8 = {sum}");

    match f64_context()? {
        Some(ctx64) => {
            let sum = add_f64(&ctx64, &[1.0], &[1e-8])?[0];
            println!("f64 on the GPU: 1 + 1e-8 = {sum}");
        }
        None => println!(
            "f64 on the GPU: not available on this adapter \
             (it lacks wgpu::Features::SHADER_F64)"
        ),
    }
    Ok(())
}
// ANCHOR_END: main
