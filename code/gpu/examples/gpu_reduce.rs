//! Sums N numbers and takes their L2 norm on the GPU and on the CPU, and
//! compares both with the exact values (computed in f64).
//!
//!     cargo run --release -p gpu --example gpu_reduce -- [N]
use course_cli::{Error, Usage, memory, run};
use gpu::cli::adapter_line;
use gpu::reduce::{l2_norm, l2_norm_cpu, sum, sum_cpu};
use gpu::{GpuContext, GpuError};

const USAGE: Usage = Usage::new(
    "gpu_reduce",
    "[N]",
    "sums N numbers and takes their L2 norm on the GPU and the CPU",
)
.details("N  numbers, 0 to 1_000_000_000 (default 10_000_000)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let n: usize = args.count("N", 10_000_000, 0..=1_000_000_000)?;
        args.done()?;
        memory::ensure_items_fit(n as u64, 4, "floats")?;
        // A missing GPU is an ordinary error with a one-line message.
        show(n).map_err(Error::failed)
    })
}

fn show(n: usize) -> Result<(), GpuError> {
    let ctx = GpuContext::new()?;
    println!("{}", adapter_line(&ctx));

    // Numbers in [0, 1): no cancellation, so relative errors mean something.
    let x: Vec<f32> = (0..n).map(|i| (i % 1000) as f32 / 1000.0).collect();
    // Folded from +0.0: `Iterator::sum` starts from -0.0 (the identity of
    // IEEE addition), and a sum of no numbers would print as "-0.0".
    let exact_sum = x.iter().fold(0.0, |total, &v| total + f64::from(v));
    let exact_norm = x
        .iter()
        .fold(0.0, |total, &v| total + f64::from(v).powi(2))
        .sqrt();

    println!("{n} numbers in [0, 1)");
    report("sum", exact_sum, sum(&ctx, &x)?, sum_cpu(&x));
    report("L2 norm", exact_norm, l2_norm(&ctx, &x)?, l2_norm_cpu(&x));
    Ok(())
}

fn report(what: &str, exact: f64, gpu: f32, cpu: f32) {
    // Adding +0.0 turns a -0.0 from either side into 0.0 and changes no
    // other number.
    let (gpu, cpu) = (gpu + 0.0, cpu + 0.0);
    let error = |v: f32| (f64::from(v) - exact).abs() / exact.abs().max(f64::MIN_POSITIVE);
    println!("{what}: exact {exact:.1}");
    println!("  gpu {gpu:>14.1}  relative error {:.1e}", error(gpu));
    println!("  cpu {cpu:>14.1}  relative error {:.1e}", error(cpu));
}
// ANCHOR_END: main
