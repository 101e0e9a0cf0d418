//! Element-wise kernels `out[i] = f(a[i], b[i])` without the boilerplate:
//! the steps `add` spells out, done once with the context's helpers, and a
//! version that works on buffers already on the GPU (for timing kernels
//! without the transfers).

use crate::timing::Dispatch;
use crate::{GpuContext, GpuError};

/// Must match `@workgroup_size` in every element-wise kernel.
pub const WORKGROUP_SIZE: usize = 256;

/// WebGPU guarantees at least this many workgroups per dispatch dimension;
/// the kernels' grid-stride loops cover whatever lies beyond.
pub const MAX_WORKGROUPS: usize = 65_535;

const SQDIFF_WGSL: &str = include_str!("sqdiff.wgsl");

// ANCHOR: workgroups
/// How many workgroups to launch for `len` elements: one per 256 elements,
/// capped at what a dispatch allows (the grid-stride loop does the rest).
pub fn workgroups_for(len: usize) -> u32 {
    len.div_ceil(WORKGROUP_SIZE).min(MAX_WORKGROUPS) as u32
}
// ANCHOR_END: workgroups

// ANCHOR: elementwise
/// A compiled element-wise kernel: any WGSL entry point with the bindings of
/// `add.wgsl` (`a`, `b`, `out`) and its grid-stride loop.
pub struct Elementwise {
    pipeline: wgpu::ComputePipeline,
}

impl Elementwise {
    /// Compiles `entry_point` of the WGSL `source`.
    pub fn new(ctx: &GpuContext, source: &str, entry_point: &str) -> Result<Self, GpuError> {
        let pipeline = ctx.compute_pipeline(source, entry_point)?;
        Ok(Elementwise { pipeline })
    }

    /// Queues `out = f(a, b)` on buffers that are already on the GPU. Returns
    /// at once; `ctx.wait()` or a read-back waits for the result.
    pub fn run(
        &self,
        ctx: &GpuContext,
        a: &wgpu::Buffer,
        b: &wgpu::Buffer,
        out: &wgpu::Buffer,
    ) -> Result<(), GpuError> {
        let len = out.size() as usize / size_of::<f32>();
        ctx.dispatch(&self.pipeline, &[a, b, out], workgroups_for(len))
    }

    /// Uploads `a` and `b`, runs the kernel and reads the result back.
    pub fn apply(&self, ctx: &GpuContext, a: &[f32], b: &[f32]) -> Result<Vec<f32>, GpuError> {
        GpuError::check_lengths(a.len(), b.len())?;
        if a.is_empty() {
            return Ok(Vec::new()); // WebGPU does not allow empty bindings.
        }
        let a_gpu = ctx.upload("a", a)?;
        let b_gpu = ctx.upload("b", b)?;
        let out_gpu = ctx.zeroed::<f32>("out", a.len())?;
        self.run(ctx, &a_gpu, &b_gpu, &out_gpu)?;
        ctx.read_back(&out_gpu)
    }
}
// ANCHOR_END: elementwise

/// An element-wise kernel with its buffers bound (see [`Elementwise::bind`]).
pub struct Bound {
    pipeline: wgpu::ComputePipeline,
    bindings: wgpu::BindGroup,
    workgroups: u32,
}

impl Dispatch for Bound {
    fn record(&self, pass: &mut wgpu::ComputePass<'_>) {
        pass.set_pipeline(&self.pipeline);
        pass.set_bind_group(0, &self.bindings, &[]);
        pass.dispatch_workgroups(self.workgroups, 1, 1);
    }
}

impl Bound {
    /// Queues one dispatch; returns at once, like [`Elementwise::run`].
    pub fn submit(&self, ctx: &GpuContext) {
        let mut encoder = ctx.device.create_command_encoder(&Default::default());
        self.record(&mut encoder.begin_compute_pass(&Default::default()));
        ctx.queue.submit([encoder.finish()]);
    }
}

impl Elementwise {
    /// The kernel bound to three buffers once, ready to be dispatched again
    /// and again: what a benchmark of the kernel itself should time, since
    /// `run` checks and binds the buffers anew on every call.
    pub fn bind(
        &self,
        ctx: &GpuContext,
        a: &wgpu::Buffer,
        b: &wgpu::Buffer,
        out: &wgpu::Buffer,
    ) -> Result<Bound, GpuError> {
        let len = out.size() as usize / size_of::<f32>();
        Ok(Bound {
            pipeline: self.pipeline.clone(),
            bindings: ctx.bind_group(&self.pipeline, &[a, b, out])?,
            workgroups: workgroups_for(len),
        })
    }

    /// `add.wgsl`: `out[i] = a[i] + b[i]`.
    pub fn add(ctx: &GpuContext) -> Result<Self, GpuError> {
        Elementwise::new(ctx, crate::add::ADD_WGSL, "add")
    }

    /// `sqdiff.wgsl`: `out[i] = (a[i] - b[i])²`.
    pub fn sqdiff(ctx: &GpuContext) -> Result<Self, GpuError> {
        Elementwise::new(ctx, SQDIFF_WGSL, "sqdiff")
    }
}

// ANCHOR: sqdiff
/// `(a - b)²` element by element, computed on the GPU.
pub fn sqdiff(ctx: &GpuContext, a: &[f32], b: &[f32]) -> Result<Vec<f32>, GpuError> {
    Elementwise::sqdiff(ctx)?.apply(ctx, a, b)
}

/// The CPU reference.
pub fn sqdiff_cpu(a: &[f32], b: &[f32]) -> Vec<f32> {
    assert_eq!(a.len(), b.len(), "arrays differ in length");
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).collect()
}
// ANCHOR_END: sqdiff

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workgroups_cover_the_array_up_to_the_dispatch_limit() {
        assert_eq!(workgroups_for(0), 0);
        assert_eq!(workgroups_for(1), 1);
        assert_eq!(workgroups_for(256), 1);
        assert_eq!(workgroups_for(257), 2);
        assert_eq!(workgroups_for(65_535 * 256), 65_535);
        assert_eq!(workgroups_for(usize::MAX / 2), 65_535);
    }

    #[test]
    fn the_kernel_uses_the_workgroup_size_of_the_host_code() {
        assert!(SQDIFF_WGSL.contains(&format!("@workgroup_size({WORKGROUP_SIZE})")));
        assert!(SQDIFF_WGSL.contains(&format!("groups.x * {WORKGROUP_SIZE}u")));
    }

    #[test]
    fn sqdiff_cpu_squares_the_differences() {
        assert_eq!(
            sqdiff_cpu(&[3.0, 1.0, -2.0], &[1.0, 1.0, 2.0]),
            [4.0, 0.0, 16.0]
        );
        assert!(sqdiff_cpu(&[], &[]).is_empty());
    }
}
