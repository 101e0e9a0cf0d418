//! WGSL has no recursion: the recursive factorial is rejected when the
//! shader is compiled, and the loop version runs.
//!
//!     cargo run --release -p gpu --example recursion
use course_cli::{Error, Usage, run};
use gpu::cli::adapter_line;
use gpu::{GpuContext, GpuError, compile_recursive, factorial_cpu, factorial_gpu};

const USAGE: Usage = Usage::new(
    "recursion",
    "",
    "shows that WGSL refuses recursion, and the loop that replaces it",
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

    match compile_recursive(&ctx) {
        Ok(_) => println!("recursive factorial: compiled (this adapter broke the rules!)"),
        Err(GpuError::Shader(verdict)) => {
            println!("recursive factorial: rejected by the shader compiler:");
            for line in verdict.lines() {
                println!("    {line}");
            }
        }
        Err(other) => return Err(other),
    }

    let n: Vec<u32> = (0..=12).collect();
    let on_gpu = factorial_gpu(&ctx, &n)?;
    let on_cpu: Vec<u32> = n.iter().map(|&k| factorial_cpu(k)).collect();
    println!("factorial as a loop, 0! to 12!: {on_gpu:?}");
    println!("same as the CPU: {}", on_gpu == on_cpu);
    Ok(())
}
// ANCHOR_END: main
