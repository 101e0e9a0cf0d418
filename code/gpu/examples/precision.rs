//! f32 is the GPU's number; f64 is an optional feature. Adds 1 + 1e-8 in
//! both precisions, on the adapter in use.
//!
//!     cargo run --release -p gpu --example precision
use course_cli::{Error, Usage, run};
use gpu::cli::adapter_line;
use gpu::{GpuContext, GpuError, add, add_f64, f64_context};

const USAGE: Usage = Usage::new("precision", "", "adds 1 + 1e-8 in f32 and f64 on the GPU");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |args| {
        args.done()?;
        // A missing GPU is an ordinary error with a one-line message.
        show().map_err(Error::failed)
    })
}

fn show() -> Result<(), GpuError> {
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
