//! Kernel fusion: w · (a − b)² as a chain of three kernels or as one.

use crate::timing::Dispatch;
use crate::{GpuContext, GpuError};

const FUSION_WGSL: &str = include_str!("fusion.wgsl");

/// Must match `@workgroup_size` in `fusion.wgsl`.
const WORKGROUP_SIZE: usize = 256;

/// The grid-stride loops cover whatever lies beyond this many workgroups.
const MAX_WORKGROUPS: usize = 65_535;

/// How the GPU computes the expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// `subtract`, `square`, `multiply`: three dispatches, two temporaries.
    Chain,
    /// `weighted_squared_difference`: one dispatch, no temporaries.
    Fused,
}

/// One dispatch: a kernel and the buffers bound to it.
type Step = (wgpu::ComputePipeline, wgpu::BindGroup);

// ANCHOR: host
/// w · (a − b)², element by element, on the GPU.
pub fn weighted_squared_difference(
    ctx: &GpuContext,
    strategy: Strategy,
    a: &[f32],
    b: &[f32],
    w: &[f32],
) -> Result<Vec<f32>, GpuError> {
    GpuError::check_lengths(a.len(), b.len())?;
    GpuError::check_lengths(a.len(), w.len())?;
    if a.is_empty() {
        return Ok(Vec::new());
    }
    let inputs = [
        ctx.storage_buffer("a", a)?,
        ctx.storage_buffer("b", b)?,
        ctx.storage_buffer("w", w)?,
    ];
    Expression::new(ctx, strategy, &inputs, a.len())?.run(ctx)
}
// ANCHOR_END: host

// ANCHOR: expression
/// The expression over inputs `[a, b, w]` that are already on the GPU.
pub struct Expression {
    steps: Vec<Step>,
    groups: u32,
    out: wgpu::Buffer,
}

impl Expression {
    pub fn new(
        ctx: &GpuContext,
        strategy: Strategy,
        [a, b, w]: &[wgpu::Buffer; 3],
        len: usize,
    ) -> Result<Expression, GpuError> {
        let out = ctx.output_buffer("out", len)?;
        let steps = match strategy {
            Strategy::Chain => {
                // Two temporaries, each written to and read back from
                // GPU memory in full.
                let difference = ctx.output_buffer("a - b", len)?;
                let squared = ctx.output_buffer("(a - b)^2", len)?;
                vec![
                    step(ctx, "subtract", &[a, b], &difference)?,
                    step(ctx, "square", &[&difference], &squared)?,
                    step(ctx, "multiply", &[&squared, w], &out)?,
                ]
            }
            Strategy::Fused => vec![step(ctx, "weighted_squared_difference", &[a, b, w], &out)?],
        };
        let groups = len.div_ceil(WORKGROUP_SIZE).min(MAX_WORKGROUPS) as u32;
        Ok(Expression { steps, groups, out })
    }

    /// Runs the dispatches and copies the result back.
    pub fn run(&self, ctx: &GpuContext) -> Result<Vec<f32>, GpuError> {
        let mut encoder = ctx.device.create_command_encoder(&Default::default());
        self.record(&mut encoder.begin_compute_pass(&Default::default()));
        ctx.queue.submit([encoder.finish()]);
        ctx.read_back(&self.out)
    }
}

impl Dispatch for Expression {
    fn record(&self, pass: &mut wgpu::ComputePass<'_>) {
        for (pipeline, bindings) in &self.steps {
            pass.set_pipeline(pipeline);
            pass.set_bind_group(0, bindings, &[]);
            pass.dispatch_workgroups(self.groups, 1, 1);
        }
    }
}

/// Kernel `entry` of `fusion.wgsl` with `inputs` bound to x, y, z in that
/// order and `out` to out.
fn step(
    ctx: &GpuContext,
    entry: &str,
    inputs: &[&wgpu::Buffer],
    out: &wgpu::Buffer,
) -> Result<Step, GpuError> {
    let pipeline = ctx.compute_pipeline(FUSION_WGSL, entry)?;
    let mut entries: Vec<wgpu::BindGroupEntry> = (0..)
        .zip(inputs)
        .map(|(binding, buffer)| wgpu::BindGroupEntry {
            binding,
            resource: buffer.as_entire_binding(),
        })
        .collect();
    entries.push(wgpu::BindGroupEntry {
        binding: 3,
        resource: out.as_entire_binding(),
    });
    let bindings = ctx.device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some(entry),
        layout: &pipeline.get_bind_group_layout(0),
        entries: &entries,
    });
    Ok((pipeline, bindings))
}
// ANCHOR_END: expression

// ANCHOR: cpu
/// The reference: the same three roundings in the same order.
pub fn weighted_squared_difference_cpu(a: &[f32], b: &[f32], w: &[f32]) -> Vec<f32> {
    assert!(
        a.len() == b.len() && a.len() == w.len(),
        "arrays differ in length"
    );
    let squared_difference = |(x, y): (&f32, &f32)| (x - y) * (x - y);
    a.iter()
        .zip(b)
        .map(squared_difference)
        .zip(w)
        .map(|(s, z)| s * z)
        .collect()
}
// ANCHOR_END: cpu

/// Bytes each strategy moves through GPU memory per element: the chain
/// reads 2 + 1 + 2 arrays and writes 3; the fused kernel reads 3, writes 1.
pub fn bytes_per_element(strategy: Strategy) -> usize {
    size_of::<f32>()
        * match strategy {
            Strategy::Chain => 8,
            Strategy::Fused => 4,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_reference_computes_the_formula() {
        let out = weighted_squared_difference_cpu(&[3.0, 1.0], &[1.0, 4.0], &[0.5, 2.0]);
        assert_eq!(out, [2.0, 18.0]);
    }

    #[test]
    fn every_kernel_has_the_workgroup_size_the_host_assumes() {
        let declared = FUSION_WGSL
            .matches(&format!("@workgroup_size({WORKGROUP_SIZE})"))
            .count();
        let strides = FUSION_WGSL
            .matches(&format!("groups.x * {WORKGROUP_SIZE}u"))
            .count();
        assert_eq!((declared, strides), (4, 4));
    }
}
