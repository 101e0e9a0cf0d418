//! The GPU solution: one invocation per cell, two buffers on the GPU that
//! take turns, and the field copied back only at the end.

use crate::Grid;
use gpu::{GpuContext, GpuError};
use wgpu::util::DeviceExt;

const HEAT_WGSL: &str = include_str!("heat.wgsl");

/// Must match `@workgroup_size(16, 16)` in `heat.wgsl`.
const WORKGROUP: u32 = 16;

/// Steps recorded into one command buffer before it is submitted: enough to
/// make the cost of a submit negligible, few enough that one submission
/// stays short (some systems reset a GPU that is busy for seconds).
const STEPS_PER_SUBMIT: usize = 64;

/// How far the GPU may stray from the serial f32 reference after `steps`
/// steps, for temperatures between 0 and 1: each step may round differently
/// (a GPU compiler may fuse `a * b + c` into one instruction, rounded once),
/// by a few units in the last place (f32::EPSILON = 1.2e-7), and a stable
/// scheme never amplifies an earlier difference. So: 4 ulp per step.
pub fn tolerance(steps: usize) -> f32 {
    4.0 * f32::EPSILON * steps.max(1) as f32
}

// ANCHOR: params
/// The kernel's uniform parameters, laid out exactly like `Params` in WGSL.
#[repr(C)]
#[derive(Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct Params {
    nx: u32,
    ny: u32,
    r: f32,
    _padding: u32,
}
// ANCHOR_END: params

// ANCHOR: gpu_heat
/// A field living on the GPU, ready to be stepped forward.
pub struct GpuHeat<'a> {
    ctx: &'a GpuContext,
    pipeline: wgpu::ComputePipeline,
    fields: [wgpu::Buffer; 2],
    /// `bindings[0]` steps from `fields[0]` into `fields[1]`, `bindings[1]` back.
    bindings: [wgpu::BindGroup; 2],
    /// Which of the two buffers holds the current field.
    current: usize,
    workgroups: (u32, u32),
    nx: usize,
    ny: usize,
}

impl<'a> GpuHeat<'a> {
    /// Uploads `start` into two GPU buffers (so both hold the fixed edges)
    /// and prepares the kernel. `start` must have at least one cell (WebGPU
    /// has no empty buffers).
    pub fn new(ctx: &'a GpuContext, start: &Grid, r: f32) -> Result<GpuHeat<'a>, GpuError> {
        GpuHeat::with_kernel(ctx, start, r, HEAT_WGSL)
    }

    /// The same with another kernel: WGSL with an entry point `step` and
    /// the bindings of `heat.wgsl` (the capstone's GPU exercise).
    pub fn with_kernel(
        ctx: &'a GpuContext,
        start: &Grid,
        r: f32,
        kernel: &str,
    ) -> Result<GpuHeat<'a>, GpuError> {
        let (nx, ny) = (start.nx, start.ny);
        assert!(
            start.cells() > 0,
            "GpuHeat needs a grid with at least one cell"
        );
        let params = Params {
            nx: u32::try_from(nx).map_err(|_| too_large(start))?,
            ny: u32::try_from(ny).map_err(|_| too_large(start))?,
            r,
            _padding: 0,
        };
        let fields = [
            ctx.storage_buffer("field 0", &start.values)?,
            ctx.storage_buffer("field 1", &start.values)?,
        ];
        let uniform = ctx
            .device
            .create_buffer_init(&wgpu::util::BufferInitDescriptor {
                label: Some("params"),
                contents: bytemuck::bytes_of(&params),
                usage: wgpu::BufferUsages::UNIFORM,
            });
        let pipeline = ctx.compute_pipeline(kernel, "step")?;
        // Two bind groups, A→B and B→A: each step swaps them.
        let bindings = [
            ctx.bind_group(&pipeline, &[&fields[0], &fields[1], &uniform])?,
            ctx.bind_group(&pipeline, &[&fields[1], &fields[0], &uniform])?,
        ];
        // One invocation per cell, up to the per-dimension limit; the
        // kernel's grid-stride loops cover the rest.
        let most = ctx.device.limits().max_compute_workgroups_per_dimension;
        let groups = |n: usize| (n.div_ceil(WORKGROUP as usize) as u64).min(most.into()) as u32;
        Ok(GpuHeat {
            ctx,
            pipeline,
            fields,
            bindings,
            current: 0,
            workgroups: (groups(nx), groups(ny)),
            nx,
            ny,
        })
    }

    /// Runs `steps` time steps on the GPU and waits until they are done.
    pub fn advance(&mut self, steps: usize) -> Result<(), GpuError> {
        let mut left = steps;
        while left > 0 {
            let batch = left.min(STEPS_PER_SUBMIT);
            let mut encoder = self.ctx.device.create_command_encoder(&Default::default());
            {
                let mut pass = encoder.begin_compute_pass(&Default::default());
                pass.set_pipeline(&self.pipeline);
                for _ in 0..batch {
                    // wgpu makes each dispatch see the previous one's writes.
                    pass.set_bind_group(0, &self.bindings[self.current], &[]);
                    pass.dispatch_workgroups(self.workgroups.0, self.workgroups.1, 1);
                    self.current = 1 - self.current;
                }
            }
            self.ctx.queue.submit([encoder.finish()]);
            left -= batch;
        }
        self.ctx.wait()
    }

    /// Copies the current field back to the CPU.
    pub fn field(&self) -> Result<Grid, GpuError> {
        let values = self.ctx.read_back(&self.fields[self.current])?;
        Ok(Grid {
            nx: self.nx,
            ny: self.ny,
            values,
        })
    }
}

/// `steps` time steps from `start` on the GPU: upload, step, read back.
pub fn heat_gpu(ctx: &GpuContext, start: &Grid, steps: usize, r: f32) -> Result<Grid, GpuError> {
    heat_gpu_with_kernel(ctx, start, steps, r, HEAT_WGSL)
}
// ANCHOR_END: gpu_heat

/// The same with another kernel (see [`GpuHeat::with_kernel`]).
pub fn heat_gpu_with_kernel(
    ctx: &GpuContext,
    start: &Grid,
    steps: usize,
    r: f32,
    kernel: &str,
) -> Result<Grid, GpuError> {
    if start.cells() == 0 {
        return Ok(start.clone());
    }
    let mut heat = GpuHeat::with_kernel(ctx, start, r, kernel)?;
    heat.advance(steps)?;
    heat.field()
}

fn too_large(grid: &Grid) -> GpuError {
    GpuError::TooLarge {
        bytes: (grid.cells() * size_of::<f32>()) as u64,
        limit: u64::from(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workgroup_constant_matches_the_kernel() {
        assert!(HEAT_WGSL.contains(&format!("@workgroup_size({WORKGROUP}, {WORKGROUP})")));
        assert!(HEAT_WGSL.contains(&format!("groups.xy * {WORKGROUP}u")));
    }

    #[test]
    fn params_are_one_16_byte_uniform_block() {
        assert_eq!(size_of::<Params>(), 16);
    }

    #[test]
    fn the_tolerance_grows_with_the_steps_and_is_never_zero() {
        assert_eq!(tolerance(0), tolerance(1));
        assert!(tolerance(1) > 0.0);
        assert_eq!(tolerance(100), 100.0 * tolerance(1));
    }
}
