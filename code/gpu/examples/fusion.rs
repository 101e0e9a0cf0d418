//! Computes w · (a − b)² for N elements with a chain of three kernels and
//! with one fused kernel, checks that both agree, and times them with the
//! data on the GPU.
//!
//!     cargo run --release -p gpu --example fusion -- [N]
use course_cli::{Error, Usage, memory, run};
use gpu::cli::adapter_line;
use gpu::fusion::{Expression, Strategy, weighted_squared_difference_cpu};
use gpu::timing::{best_of, wall_clock};
use gpu::{GpuContext, GpuError};

const USAGE: Usage = Usage::new(
    "fusion",
    "[N]",
    "evaluates (a - b)^2 * w as a chain of kernels and as one fused kernel",
)
.details("N  elements, 1 to 1_000_000_000 (default 4_194_304)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let n: usize = args.count("N", 1 << 22, 1..=1_000_000_000)?;
        args.done()?;
        // a, b, w, the CPU result and one GPU result.
        memory::ensure_items_fit(5 * n as u64, 4, "floats")?;
        // A missing GPU is an ordinary error with a one-line message.
        show(n).map_err(Error::failed)
    })
}

fn show(n: usize) -> Result<(), GpuError> {
    let ctx = GpuContext::new()?;
    println!("{}", adapter_line(&ctx));

    let a: Vec<f32> = (0..n).map(|i| (i % 100) as f32 * 0.25).collect();
    let b: Vec<f32> = (0..n).map(|i| (i % 7) as f32).collect();
    let w: Vec<f32> = (0..n).map(|i| 1.0 / (1 + i % 10) as f32).collect();
    let expected = weighted_squared_difference_cpu(&a, &b, &w);
    let inputs = [
        ctx.storage_buffer("a", &a)?,
        ctx.storage_buffer("b", &b)?,
        ctx.storage_buffer("w", &w)?,
    ];
    for strategy in [Strategy::Chain, Strategy::Fused] {
        let expression = Expression::new(&ctx, strategy, &inputs, n)?;
        let same = expression.run(&ctx)? == expected;
        // Ten back-to-back runs per measurement, data on the GPU.
        let time = best_of(3, || wall_clock(&ctx, &expression, 10))? / 10;
        println!(
            "{strategy:?}: {n} elements in {time:.2?}, equals the CPU: {}",
            if same { "yes" } else { "NO" }
        );
    }
    Ok(())
}
// ANCHOR_END: main
