//! (a - b)² of two vectors of N floats on the GPU, checked on the CPU.
//!
//!     cargo run --release -p gpu --example squared_difference -- [N]
use course_cli::{Error, Usage, memory, run};
use gpu::cli::adapter_line;
use gpu::{F32_TOLERANCE, GpuContext, GpuError, max_relative_error, sqdiff, sqdiff_cpu};

const USAGE: Usage = Usage::new(
    "squared_difference",
    "[N]",
    "computes (a - b)^2 on the GPU and checks it against the CPU",
)
.details("N  elements, 0 to 1_000_000_000 (default 1_000_000)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let n: usize = args.count("N", 1_000_000, 0..=1_000_000_000)?;
        args.done()?;
        // a, b and the two results.
        memory::ensure_items_fit(4 * n as u64, 4, "floats")?;
        // A missing GPU is an ordinary error with a one-line message.
        if show(n).map_err(Error::failed)? {
            Ok(())
        } else {
            Err(Error::failed("the GPU's result is outside the tolerance"))
        }
    })
}

/// Prints the comparison; whether the GPU is within the tolerance.
fn show(n: usize) -> Result<bool, GpuError> {
    let ctx = GpuContext::new()?;
    println!("{}", adapter_line(&ctx));

    // Values that need rounding, so the comparison means something.
    let a: Vec<f32> = (0..n).map(|i| (i as f32).sqrt()).collect();
    let b: Vec<f32> = (0..n).map(|i| (i % 10) as f32 / 3.0).collect();
    let on_gpu = sqdiff(&ctx, &a, &b)?;
    let on_cpu = sqdiff_cpu(&a, &b);

    let error = max_relative_error(&on_gpu, &on_cpu);
    let within = error <= F32_TOLERANCE;
    let verdict = if within { "within" } else { "OUTSIDE" };
    println!(
        "checked {n} elements against the CPU: max relative difference {error:e}, \
         {verdict} the tolerance {F32_TOLERANCE:e}"
    );
    Ok(within)
}
// ANCHOR_END: main
