//! Where the time goes when the GPU adds two vectors: moving the inputs to
//! the device, the kernel itself, and bringing the result back.
//!
//!     cargo run --release -p gpu --example transfers -- [N]
use course_cli::{Error, Usage, memory, run};
use gpu::cli::adapter_line;
use gpu::{Elementwise, GpuContext, GpuError, add_cpu};
use std::time::{Duration, Instant};

const USAGE: Usage = Usage::new(
    "transfers",
    "[N]",
    "times the upload, the kernel and the read-back of a GPU vector addition",
)
.details("N  floats in each vector, 1 to 1_000_000_000 (default 4_000_000)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let n: usize = args.count("N", 4_000_000, 1..=1_000_000_000)?;
        args.done()?;
        // a, b, the result and the CPU reference.
        memory::ensure_items_fit(4 * n as u64, 4, "floats")?;
        // A missing GPU is an ordinary error with a one-line message.
        show(n).map_err(Error::failed)
    })
}

fn show(n: usize) -> Result<(), GpuError> {
    let ctx = GpuContext::new()?;
    println!("{}", adapter_line(&ctx));
    let a: Vec<f32> = (0..n).map(|i| (i % 1000) as f32).collect();
    let b: Vec<f32> = (0..n).map(|i| (i % 7) as f32).collect();
    let kernel = Elementwise::add(&ctx)?; // compiled once, outside the timing

    // The fastest of five runs of each step.
    let (mut upload, mut compute, mut download) = (Duration::MAX, Duration::MAX, Duration::MAX);
    let mut result = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let a_gpu = ctx.upload("a", &a)?;
        let b_gpu = ctx.upload("b", &b)?;
        let out_gpu = ctx.zeroed::<f32>("out", n)?;
        ctx.wait()?;
        upload = upload.min(start.elapsed());

        // Bound outside the clock: the timed part is the dispatch alone.
        let add = kernel.bind(&ctx, &a_gpu, &b_gpu, &out_gpu)?;
        let start = Instant::now();
        add.submit(&ctx);
        ctx.wait()?;
        compute = compute.min(start.elapsed());

        let start = Instant::now();
        result = ctx.read_back(&out_gpu)?;
        download = download.min(start.elapsed());
    }
    let correct = result == add_cpu(&a, &b);

    let mb = (n * size_of::<f32>()) as f64 / 1e6;
    let rate = |bytes: f64, t: Duration| bytes / 1e3 / t.as_secs_f64();
    println!("{n} floats, {mb:.1} MB per array");
    println!(
        "upload a and b  {:>9.3} ms  {:>6.2} GB/s",
        ms(upload),
        rate(2.0 * mb, upload)
    );
    println!("add on the GPU  {:>9.3} ms", ms(compute));
    println!(
        "read back       {:>9.3} ms  {:>6.2} GB/s",
        ms(download),
        rate(mb, download)
    );
    let moving = (upload + download).as_secs_f64() / (upload + compute + download).as_secs_f64();
    println!(
        "moving data: {:.0}% of the time; result correct: {correct}",
        100.0 * moving
    );
    Ok(())
}

fn ms(t: Duration) -> f64 {
    t.as_secs_f64() * 1e3
}
// ANCHOR_END: main
