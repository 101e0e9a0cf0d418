//! The first kernel of the course: add two arrays element by element.

use crate::elementwise::{MAX_WORKGROUPS, WORKGROUP_SIZE};
use crate::{GpuContext, GpuError};

/// The WGSL source, compiled into the program so it travels with it.
pub(crate) const ADD_WGSL: &str = include_str!("add.wgsl");

// ANCHOR: host
/// `a + b` element by element, computed on the GPU.
pub fn add(ctx: &GpuContext, a: &[f32], b: &[f32]) -> Result<Vec<f32>, GpuError> {
    GpuError::check_lengths(a.len(), b.len())?;
    // WebGPU does not allow zero-sized bindings, and there is nothing to do.
    if a.is_empty() {
        return Ok(Vec::new());
    }

    // 1. Copy the inputs to the GPU and make room for the result.
    let a_gpu = ctx.storage_buffer("a", a)?;
    let b_gpu = ctx.storage_buffer("b", b)?;
    let out_gpu = ctx.output_buffer("out", a.len())?;

    // 2. Compile the kernel and tell it which buffer is which binding.
    let pipeline = ctx.compute_pipeline(ADD_WGSL, "add")?;
    let bindings = ctx.device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some("add"),
        layout: &pipeline.get_bind_group_layout(0),
        entries: &[
            wgpu::BindGroupEntry {
                binding: 0,
                resource: a_gpu.as_entire_binding(),
            },
            wgpu::BindGroupEntry {
                binding: 1,
                resource: b_gpu.as_entire_binding(),
            },
            wgpu::BindGroupEntry {
                binding: 2,
                resource: out_gpu.as_entire_binding(),
            },
        ],
    });

    // 3. One workgroup per 256 elements, but never more than a dispatch allows.
    let workgroups = a.len().div_ceil(WORKGROUP_SIZE).min(MAX_WORKGROUPS) as u32;
    let mut encoder = ctx.device.create_command_encoder(&Default::default());
    {
        let mut pass = encoder.begin_compute_pass(&Default::default());
        pass.set_pipeline(&pipeline);
        pass.set_bind_group(0, &bindings, &[]);
        pass.dispatch_workgroups(workgroups, 1, 1);
    }
    ctx.queue.submit([encoder.finish()]);

    // 4. Wait for the GPU and copy the result back.
    ctx.read_back(&out_gpu)
}
// ANCHOR_END: host

// ANCHOR: cpu
/// The same on the CPU: the reference the GPU result is checked against.
pub fn add_cpu(a: &[f32], b: &[f32]) -> Vec<f32> {
    assert_eq!(a.len(), b.len(), "arrays differ in length");
    a.iter().zip(b).map(|(x, y)| x + y).collect()
}
// ANCHOR_END: cpu

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_cpu_adds_element_by_element() {
        assert_eq!(
            add_cpu(&[1.0, 2.5, -3.0], &[0.5, 0.5, 3.0]),
            [1.5, 3.0, 0.0]
        );
        assert!(add_cpu(&[], &[]).is_empty());
    }

    #[test]
    fn the_dispatch_constant_matches_the_kernel() {
        assert!(ADD_WGSL.contains(&format!("@workgroup_size({WORKGROUP_SIZE})")));
        assert!(ADD_WGSL.contains(&format!("groups.x * {WORKGROUP_SIZE}u")));
    }
}
