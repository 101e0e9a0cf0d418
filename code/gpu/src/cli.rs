//! What every example program of the GPU episodes does the same way: read a
//! size from the command line, name the adapter, and turn an error into one
//! line and an exit code instead of a panic.

use crate::{GpuContext, GpuError};

/// The first command-line argument as a whole number, `default` when there
/// is none. A bad value is a usage error: one line on stderr, exit code 2.
pub fn size_arg(default: usize) -> usize {
    size_arg_at_least(0, default)
}

/// The same, for a size that must be at least `min`.
pub fn size_arg_at_least(min: usize, default: usize) -> usize {
    let arg = std::env::args().nth(1);
    let message = match arg.as_deref().map(|text| text.trim().parse::<usize>()) {
        None => return default,
        Some(Ok(n)) if n >= min => return n,
        Some(Ok(_)) => format!("N must be at least {min}"),
        Some(Err(_)) => format!(
            "N must be a whole number, got {:?}",
            arg.unwrap_or_default()
        ),
    };
    eprintln!("error: {message}");
    std::process::exit(2);
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
