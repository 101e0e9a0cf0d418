//! Where GPUs differ: `f32` is the GPU's native type; `f64` is an optional
//! feature that many GPUs lack or run many times slower.

use crate::elementwise::workgroups_for;
use crate::{GpuContext, GpuError};

pub(crate) const ADD_F64_WGSL: &str = include_str!("add_f64.wgsl");

// ANCHOR: f64
/// Whether the adapter can run shaders that use `f64`.
pub fn supports_f64(ctx: &GpuContext) -> bool {
    ctx.adapter.features().contains(wgpu::Features::SHADER_F64)
}

/// A context whose device has `f64` in shaders, or `None` when the adapter
/// cannot do that.
pub fn f64_context() -> Result<Option<GpuContext>, GpuError> {
    let plain = GpuContext::new()?;
    if !supports_f64(&plain) {
        return Ok(None);
    }
    GpuContext::with_features(wgpu::Features::SHADER_F64).map(Some)
}

/// `a + b` in double precision on the GPU; `ctx` must come from `f64_context`.
pub fn add_f64(ctx: &GpuContext, a: &[f64], b: &[f64]) -> Result<Vec<f64>, GpuError> {
    GpuError::check_lengths(a.len(), b.len())?;
    if a.is_empty() {
        return Ok(Vec::new());
    }
    let pipeline = ctx.compute_pipeline(ADD_F64_WGSL, "add_f64")?;
    let a_gpu = ctx.upload("a", a)?;
    let b_gpu = ctx.upload("b", b)?;
    let out_gpu = ctx.zeroed::<f64>("out", a.len())?;
    ctx.dispatch(
        &pipeline,
        &[&a_gpu, &b_gpu, &out_gpu],
        workgroups_for(a.len()),
    )?;
    ctx.read_back_as(&out_gpu)
}
// ANCHOR_END: f64
