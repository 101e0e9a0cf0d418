//! Reductions: many numbers in, one number out (sum and L2 norm). The
//! kernel in `reduce.wgsl` reduces in two dispatches: first each workgroup
//! reduces its share to one partial result in shared memory, then a single
//! workgroup reduces the partials.

use crate::timing::Dispatch;
use crate::{GpuContext, GpuError};

const REDUCE_WGSL: &str = include_str!("reduce.wgsl");

/// Must match `WORKGROUP_SIZE` in `reduce.wgsl`.
const WORKGROUP_SIZE: usize = 256;

/// Workgroups of the first dispatch, at most: enough to keep a large GPU
/// busy (a thousand workgroups of 256 is a quarter of a million
/// invocations), and few enough that one workgroup reduces the partials.
const MAX_PARTIALS: usize = 1024;

// One workgroup of the second dispatch covers the partials in at most four
// grid-stride steps (checked when compiling).
const _: () = assert!(MAX_PARTIALS <= 4 * WORKGROUP_SIZE);

// ANCHOR: reducer
/// A compiled reduction: the kernel of the first dispatch (input to
/// partials), that of the second (partials to one value), and the value an
/// empty input reduces to.
pub struct Reducer {
    first: wgpu::ComputePipeline,
    second: wgpu::ComputePipeline,
    identity: f32,
}

impl Reducer {
    /// Compiles a reduction from WGSL: `first` and `second` name entry
    /// points with the bindings of `reduce.wgsl` (0: input, 1: partials).
    pub fn from_wgsl(
        ctx: &GpuContext,
        source: &str,
        first: &str,
        second: &str,
        identity: f32,
    ) -> Result<Reducer, GpuError> {
        Ok(Reducer {
            first: ctx.compute_pipeline(source, first)?,
            second: ctx.compute_pipeline(source, second)?,
            identity,
        })
    }

    pub fn sum(ctx: &GpuContext) -> Result<Reducer, GpuError> {
        Reducer::from_wgsl(ctx, REDUCE_WGSL, "sum", "sum", 0.0)
    }

    /// Squares while reading, then sums the partials plainly.
    pub fn sum_of_squares(ctx: &GpuContext) -> Result<Reducer, GpuError> {
        Reducer::from_wgsl(ctx, REDUCE_WGSL, "sum_of_squares", "sum", 0.0)
    }

    /// Uploads `x`, reduces it on the GPU and reads the result back.
    pub fn reduce(&self, ctx: &GpuContext, x: &[f32]) -> Result<f32, GpuError> {
        if x.is_empty() {
            return Ok(self.identity);
        }
        let input = ctx.storage_buffer("input", x)?;
        self.prepare(ctx, &input, x.len())?.run(ctx)
    }
    // ANCHOR_END: reducer

    // ANCHOR: prepare
    /// A reduction of `len` floats that already live in `input` on the GPU:
    /// the buffers and bindings of both dispatches, ready to run many times.
    pub fn prepare(
        &self,
        ctx: &GpuContext,
        input: &wgpu::Buffer,
        len: usize,
    ) -> Result<Reduction, GpuError> {
        assert!(len > 0, "a reduction needs at least one element");
        let groups = len.div_ceil(WORKGROUP_SIZE).min(MAX_PARTIALS);
        let partials = ctx.output_buffer("partials", groups)?;
        let result = ctx.output_buffer("result", 1)?;
        Ok(Reduction {
            first: (
                self.first.clone(),
                ctx.bind_group(&self.first, &[input, &partials])?,
            ),
            second: (
                self.second.clone(),
                ctx.bind_group(&self.second, &[&partials, &result])?,
            ),
            groups: groups as u32,
            result,
        })
    }
}

/// A reduction whose input is on the GPU (see [`Reducer::prepare`]).
pub struct Reduction {
    first: (wgpu::ComputePipeline, wgpu::BindGroup),
    second: (wgpu::ComputePipeline, wgpu::BindGroup),
    groups: u32,
    result: wgpu::Buffer,
}

impl Dispatch for Reduction {
    /// Two dispatches in one pass; wgpu makes the second wait for the first.
    fn record(&self, pass: &mut wgpu::ComputePass<'_>) {
        pass.set_pipeline(&self.first.0);
        pass.set_bind_group(0, &self.first.1, &[]);
        pass.dispatch_workgroups(self.groups, 1, 1);
        pass.set_pipeline(&self.second.0);
        pass.set_bind_group(0, &self.second.1, &[]);
        pass.dispatch_workgroups(1, 1, 1);
    }
}

impl Reduction {
    /// Runs both dispatches and reads the single result back.
    pub fn run(&self, ctx: &GpuContext) -> Result<f32, GpuError> {
        let mut encoder = ctx.device.create_command_encoder(&Default::default());
        self.record(&mut encoder.begin_compute_pass(&Default::default()));
        ctx.queue.submit([encoder.finish()]);
        Ok(ctx.read_back(&self.result)?[0])
    }
}
// ANCHOR_END: prepare

// ANCHOR: host
/// The sum of `x`, computed on the GPU.
pub fn sum(ctx: &GpuContext, x: &[f32]) -> Result<f32, GpuError> {
    Reducer::sum(ctx)?.reduce(ctx, x)
}

/// The L2 norm √(Σ xᵢ²) of `x`: the GPU sums the squares, the CPU takes
/// the square root of the one number that comes back.
pub fn l2_norm(ctx: &GpuContext, x: &[f32]) -> Result<f32, GpuError> {
    Ok(Reducer::sum_of_squares(ctx)?.reduce(ctx, x)?.sqrt())
}
// ANCHOR_END: host

// ANCHOR: cpu
/// Lanes of the CPU sums: independent running totals that the compiler
/// keeps in SIMD registers (one chain of additions would wait on itself).
const LANES: usize = 16;

/// The sum on the CPU, vectorised, one core: what the GPU must beat.
pub fn sum_cpu(x: &[f32]) -> f32 {
    lanes_cpu(x, |v| v)
}

/// The L2 norm on the CPU, vectorised, one core.
pub fn l2_norm_cpu(x: &[f32]) -> f32 {
    lanes_cpu(x, |v| v * v).sqrt()
}

fn lanes_cpu(x: &[f32], map: impl Fn(f32) -> f32) -> f32 {
    let mut lanes = [0.0f32; LANES];
    let chunks = x.chunks_exact(LANES);
    let tail: f32 = chunks.remainder().iter().map(|&v| map(v)).sum();
    for chunk in chunks {
        for (lane, &v) in lanes.iter_mut().zip(chunk) {
            *lane += map(v);
        }
    }
    lanes.iter().sum::<f32>() + tail
}
// ANCHOR_END: cpu

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_sums_are_exact_on_small_integers() {
        let x: Vec<f32> = (0..1001).map(|i| (i % 7) as f32).collect();
        let exact: f32 = (0..1001).map(|i| (i % 7) as f32).sum();
        assert_eq!(sum_cpu(&x), exact);
        assert_eq!(sum_cpu(&[]), 0.0);
        assert_eq!(l2_norm_cpu(&[3.0, 4.0]), 5.0);
        assert_eq!(l2_norm_cpu(&[]), 0.0);
    }

    #[test]
    fn the_workgroup_size_matches_the_kernel() {
        assert!(REDUCE_WGSL.contains(&format!("WORKGROUP_SIZE: u32 = {WORKGROUP_SIZE}u")));
        assert_eq!(REDUCE_WGSL.matches("@workgroup_size(256)").count(), 2);
    }
}
