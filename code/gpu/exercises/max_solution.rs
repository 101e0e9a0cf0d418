//! Exercise "the largest element", solved: the kernel is
//! `max_solution.wgsl`; the host side is the starter's.

use gpu::reduce::Reducer;
use gpu::{GpuContext, GpuError};

/// The solution's kernel, compiled into the program.
const KERNEL: &str = include_str!("max_solution.wgsl");

/// The largest element of `x` on the GPU (−∞ when empty, as `f32::max`
/// folded from −∞).
pub fn maximum(ctx: &GpuContext, x: &[f32]) -> Result<f32, GpuError> {
    Reducer::from_wgsl(ctx, KERNEL, "maximum", "maximum", f32::NEG_INFINITY)?.reduce(ctx, x)
}
