//! The first line every example program of the GPU episodes prints. (Their
//! command line, sizes and errors are course-cli's, like every example's.)

use crate::GpuContext;

/// Which adapter did the work, and whether it is a software one (whose
/// timings say nothing about a GPU).
pub fn adapter_line(ctx: &GpuContext) -> String {
    let software = if ctx.is_software() {
        " (software adapter)"
    } else {
        ""
    };
    format!("adapter: {}{software}", ctx.describe())
}
