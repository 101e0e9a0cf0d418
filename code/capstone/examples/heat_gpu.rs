//! The GPU solution: the field stays on the GPU for all the steps.
//!
//!     cargo run --release -p capstone --example heat_gpu -- 500 500 1000
use capstone::{Args, GpuHeat};
use gpu::{GpuContext, GpuError};
use std::time::Instant;

// ANCHOR: main
fn main() {
    let args = Args::from_env_or_exit("heat_gpu");
    // No adapter at all is an ordinary error with a one-line message.
    let ctx = GpuContext::new().unwrap_or_else(|error| fail(&error.to_string()));
    let software = if ctx.is_software() {
        ", a software adapter"
    } else {
        ""
    };
    println!("adapter: {}{software}", ctx.describe());
    println!("{}", args.describe("heat_gpu", "GPU"));
    let start = args.start();

    // Time the steps only: uploading and reading back are measured apart.
    let run = || -> Result<_, GpuError> {
        let mut heat = GpuHeat::new(&ctx, &start, args.diffusion.r)?;
        let clock = Instant::now();
        heat.advance(args.steps)?;
        let seconds = clock.elapsed().as_secs_f64();
        Ok((heat.field()?, seconds))
    };
    let (end, seconds) = run().unwrap_or_else(|error| fail(&error.to_string()));
    args.finish(&end, seconds)
        .unwrap_or_else(|message| fail(&message));
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
// ANCHOR_END: main
