//! What every GPU exercise checker does the same way: find an adapter (or
//! say why it cannot, exit code 3), and end with the one-line verdict.

use gpu::{GpuContext, GpuError};
use std::process::exit;

/// The GPU, or `SKIPPED NAME: why` and exit code 3 when there is none.
pub fn context_or_skip(name: &str) -> GpuContext {
    match GpuContext::new() {
        Ok(ctx) => ctx,
        Err(error @ (GpuError::NoAdapter | GpuError::NoDevice(_))) => {
            println!("SKIPPED {name}: {error}");
            exit(3)
        }
        Err(error) => fail(name, &error.to_string()),
    }
}

/// `✗ NAME: hint`, exit code 1.
pub fn fail(name: &str, hint: &str) -> ! {
    println!("✗ {name}: {hint}");
    exit(1)
}

/// The line of an error that says what is wrong: wgpu's messages run over
/// many lines (a heading, "Caused by", where, an excerpt of the source), the
/// verdict is one.
pub fn first_line(error: &GpuError) -> String {
    let text = error.to_string();
    let telling = text.lines().map(str::trim).find(|line| {
        !line.is_empty()
            && !line.starts_with("invalid compute shader")
            && !line.starts_with("Caused by")
            && !line.starts_with("In Device::")
    });
    telling
        .or(text.lines().next())
        .unwrap_or_default()
        .to_string()
}
