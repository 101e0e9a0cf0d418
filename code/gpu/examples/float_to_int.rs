//! What the GPU makes of i32(x) and u32(x) for floats an integer cannot
//! hold, next to Rust's `x as i32` and `x as u32` on the CPU.
//!
//!     cargo run --release -p gpu --example float_to_int
use course_cli::{Error, Usage, run};
use gpu::cli::adapter_line;
use gpu::{GpuContext, GpuError, float_to_int_gpu};

const USAGE: Usage = Usage::new(
    "float_to_int",
    "",
    "converts out-of-range floats to integers on the GPU and in Rust",
);

// ANCHOR: main
/// In range, out of range, and not a number at all.
pub const INPUTS: [f32; 9] = [
    2.7,
    -2.7,
    -1.5,
    3e9,
    -3e9,
    1e10,
    f32::INFINITY,
    f32::NEG_INFINITY,
    f32::NAN,
];

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
    let (gpu_i32, gpu_u32) = float_to_int_gpu(&ctx, &INPUTS)?;

    println!(
        "{:>8} {:>13} {:>13} {:>13} {:>13}",
        "x", "GPU i32(x)", "Rust as i32", "GPU u32(x)", "Rust as u32"
    );
    for (i, x) in INPUTS.iter().enumerate() {
        println!(
            "{:>8} {:>13} {:>13} {:>13} {:>13}",
            short(*x),
            gpu_i32[i],
            *x as i32,
            gpu_u32[i],
            *x as u32
        );
    }
    Ok(())
}
// ANCHOR_END: main

/// `3e9` rather than `3000000000`, `2.7` rather than `2.7e0`.
fn short(x: f32) -> String {
    if x.is_finite() && x.abs() >= 1e6 {
        format!("{x:e}")
    } else {
        x.to_string()
    }
}
