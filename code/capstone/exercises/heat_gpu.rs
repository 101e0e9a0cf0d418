//! Capstone, GPU track: your kernel is `heat_gpu.wgsl`, next to this file.
//! The host side is the course's `GpuHeat`: two buffers on the GPU that take
//! turns, the parameters in a uniform buffer, many steps per submission, and
//! one read-back at the end.
//!
//!     cargo xtask exercise heat_gpu

use capstone::{Grid, heat_gpu_with_kernel};
use gpu::{GpuContext, GpuError};

/// Your kernel, compiled into the program.
const KERNEL: &str = include_str!("heat_gpu.wgsl");

/// `steps` time steps from `start` on the GPU, by your kernel.
pub fn heat_gpu(ctx: &GpuContext, start: &Grid, steps: usize, r: f32) -> Result<Grid, GpuError> {
    heat_gpu_with_kernel(ctx, start, steps, r, KERNEL)
}
