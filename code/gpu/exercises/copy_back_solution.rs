//! Exercise "copy a result back", solved: read the squared differences back
//! into a `Vec<f32>` and add them up on the CPU.

use gpu::{Elementwise, GpuContext, GpuError};

// ANCHOR: solution
/// Σ (aᵢ − bᵢ)² for two non-empty slices of one length: the squares on the
/// GPU, their sum on the CPU.
pub fn sum_of_squared_differences(ctx: &GpuContext, a: &[f32], b: &[f32]) -> Result<f32, GpuError> {
    let a_gpu = ctx.upload("a", a)?;
    let b_gpu = ctx.upload("b", b)?;
    let result = ctx.zeroed::<f32>("result", a.len())?;
    Elementwise::sqdiff(ctx)?.run(ctx, &a_gpu, &b_gpu, &result)?;

    // The copy back: into a staging buffer the CPU may map, wait, copy out.
    let on_host: Vec<f32> = ctx.read_back(&result)?;
    Ok(on_host.iter().sum())
}
// ANCHOR_END: solution
