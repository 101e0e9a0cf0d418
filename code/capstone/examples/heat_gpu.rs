//! The GPU solution: the field stays on the GPU for all the steps.
//!
//!     cargo run --release -p capstone --example heat_gpu -- 500 500 1000
use capstone::{GpuHeat, read_args, usage};
use course_cli::{Error, Usage, run};
use gpu::{GpuContext, GpuError};
use std::time::Instant;

const USAGE: Usage = usage("heat_gpu");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |args| {
        let args = read_args(args)?;
        // The start and the field read back.
        args.ensure_memory(2)?;
        // No adapter at all is an ordinary error with a one-line message.
        let ctx = GpuContext::new().map_err(Error::failed)?;
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
        let (end, seconds) = run().map_err(Error::failed)?;
        args.finish(&end, seconds)?;
        Ok(())
    })
}
// ANCHOR_END: main
