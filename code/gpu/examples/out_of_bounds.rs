//! What happens on the GPU when a kernel reads and writes past the end of
//! an array, next to what Rust does on the CPU.
//!
//!     cargo run --release -p gpu --example out_of_bounds
use course_cli::{Error, Usage, run};
use gpu::cli::adapter_line;
use gpu::{GpuContext, GpuError, allowed_out_of_bounds_read, out_of_bounds};

const USAGE: Usage = Usage::new(
    "out_of_bounds",
    "",
    "reads and writes past the end of a GPU buffer",
);

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
    let data: Vec<f32> = (10..18).map(|v| v as f32).collect(); // 8 elements
    let index = [0u32, 7, 8, 1000, u32::MAX]; // the last three are past the end
    let report = out_of_bounds(&ctx, &data, &[0.0; 8], &index)?;

    println!("data = {data:?}");
    for (i, &at) in index.iter().enumerate() {
        let gpu = report.loaded[i];
        let verdict = match data.get(at as usize) {
            Some(_) => "in range",
            None if gpu == 0.0 => "past the end: zero",
            None if allowed_out_of_bounds_read(gpu, &data) => "past the end: an element of data",
            None => "past the end: NOT a value WGSL allows",
        };
        println!("GPU read data[{at}] = {gpu} ({verdict})");
    }
    println!("Rust: data.get(8) = {:?}, and data[8] panics", data.get(8));

    println!("written after invocation i wrote 100 + i to written[index[i]]:");
    println!("{:?}", report.written);
    for (i, &at) in index.iter().enumerate().filter(|(_, at)| **at >= 8) {
        let value = 100.0 + i as f32;
        match report.written.iter().position(|&w| w == value) {
            Some(k) => println!("the write to written[{at}] landed in written[{k}]"),
            None => println!("the write to written[{at}] is nowhere: dropped or overwritten"),
        }
    }
    Ok(())
}
// ANCHOR_END: main
