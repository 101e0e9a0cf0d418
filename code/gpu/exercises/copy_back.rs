//! Exercise "copy a result back": the squared differences are computed on
//! the GPU, and stay there. Bring them back and add them up.
//!
//!     cargo xtask exercise copy_back

use gpu::{Elementwise, GpuContext, GpuError};

// ANCHOR: starter
/// Σ (aᵢ − bᵢ)² for two non-empty slices of one length: the squares on the
/// GPU, their sum on the CPU.
pub fn sum_of_squared_differences(ctx: &GpuContext, a: &[f32], b: &[f32]) -> Result<f32, GpuError> {
    let a_gpu = ctx.upload("a", a)?;
    let b_gpu = ctx.upload("b", b)?;
    let result = ctx.zeroed::<f32>("result", a.len())?;
    Elementwise::sqdiff(ctx)?.run(ctx, &a_gpu, &b_gpu, &result)?;

    // `result` is a `wgpu::Buffer`: a handle to GPU memory, which the CPU
    // cannot read (try `result.iter().sum()` and read the compiler's answer).
    // Your code: copy the squares back into a Vec<f32>, and add them up.
    Ok(0.0)
}
// ANCHOR_END: starter
