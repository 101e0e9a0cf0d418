//! What every example program of the GPU episodes does the same way: read a
//! size from the command line, name the adapter, and turn an error into one
//! line and an exit code instead of a panic.

use crate::{GpuContext, GpuError};

/// The first command-line argument as a whole number, `default` when there
/// is none. A bad value is a usage error: one line on stderr, exit code 2.
pub fn size_arg(default: usize) -> usize {
    let arg = std::env::args().nth(1);
    match arg.as_deref().map(|text| text.trim().parse::<usize>()) {
        None => default,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!(
                "error: N must be a whole number, got {:?}",
                arg.unwrap_or_default()
            );
            std::process::exit(2);
        }
    }
}

/// Runs an example's body. A missing GPU or any other failure is printed as
/// `error: <message>` and ends the program with exit code 1.
pub fn run_or_exit(body: impl FnOnce() -> Result<(), GpuError>) {
    if let Err(error) = body() {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}

/// The first line every GPU example prints: which adapter did the work, and
/// whether it is a software one (whose timings say nothing about a GPU).
pub fn adapter_line(ctx: &GpuContext) -> String {
    let software = if ctx.is_software() {
        " (software adapter)"
    } else {
        ""
    };
    format!("adapter: {}{software}", ctx.describe())
}
