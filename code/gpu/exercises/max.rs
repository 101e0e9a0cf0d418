//! Exercise "the largest element": your kernel is `max.wgsl`, next to this
//! file. The host side of a reduction does not care what the kernel
//! computes: the same two dispatches run your kernel, first on the input,
//! then on the workgroups' partial results.
//!
//!     cargo xtask exercise max

use gpu::reduce::Reducer;
use gpu::{GpuContext, GpuError};

/// Your kernel, compiled into the program.
const KERNEL: &str = include_str!("max.wgsl");

/// The largest element of `x` on the GPU, by your kernel (−∞ when empty,
/// as `f32::max` folded from −∞).
pub fn maximum(ctx: &GpuContext, x: &[f32]) -> Result<f32, GpuError> {
    Reducer::from_wgsl(ctx, KERNEL, "maximum", "maximum", f32::NEG_INFINITY)?.reduce(ctx, x)
}
