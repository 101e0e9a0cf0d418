//! Matrix multiplication on the GPU, naive and tiled. Matrices are
//! row-major `&[f32]`: A is m × k, B is k × n, C = A · B is m × n.

use crate::timing::Dispatch;
use crate::{GpuContext, GpuError};
use wgpu::util::DeviceExt;

const NAIVE_WGSL: &str = include_str!("matmul_naive.wgsl");
const TILED_WGSL: &str = include_str!("matmul_tiled.wgsl");

/// Which kernel computes the product.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kernel {
    /// One invocation per element of C; every operand read from storage.
    Naive,
    /// 64 × 64 tiles of C per workgroup, operands staged in shared memory.
    Tiled,
}

impl Kernel {
    /// WGSL source, entry point, and the rows and columns of C one
    /// workgroup computes.
    fn wgsl(self) -> (&'static str, &'static str, u32) {
        match self {
            Kernel::Naive => (NAIVE_WGSL, "matmul_naive", 16),
            Kernel::Tiled => (TILED_WGSL, "matmul_tiled", 64),
        }
    }
}

/// The shapes, checked: panics with the shapes when a slice has the wrong
/// length (a programming error, as in `ndarray`'s `dot`).
fn check_shapes(a: &[f32], b: &[f32], m: usize, k: usize, n: usize) {
    assert_eq!(a.len(), m * k, "A must be {m} × {k}");
    assert_eq!(b.len(), k * n, "B must be {k} × {n}");
}

// ANCHOR: host
/// C = A · B on the GPU with the chosen kernel.
pub fn matmul(
    ctx: &GpuContext,
    kernel: Kernel,
    a: &[f32],
    b: &[f32],
    (m, k, n): (usize, usize, usize),
) -> Result<Vec<f32>, GpuError> {
    check_shapes(a, b, m, k, n);
    if m == 0 || n == 0 {
        return Ok(Vec::new());
    }
    if k == 0 {
        // An empty sum: C is all zeros (and empty buffers are not allowed).
        return Ok(vec![0.0; m * n]);
    }
    let a_gpu = ctx.storage_buffer("A", a)?;
    let b_gpu = ctx.storage_buffer("B", b)?;
    let product = Product::new(ctx, kernel, &a_gpu, &b_gpu, (m, k, n))?;
    product.run(ctx)
}
// ANCHOR_END: host

// ANCHOR: product
/// A product whose operands are on the GPU: pipeline, bindings, the
/// buffer for C and the number of workgroups, ready to run many times.
pub struct Product {
    pipeline: wgpu::ComputePipeline,
    bindings: wgpu::BindGroup,
    c: wgpu::Buffer,
    groups: (u32, u32),
}

impl Product {
    pub fn new(
        ctx: &GpuContext,
        kernel: Kernel,
        a: &wgpu::Buffer,
        b: &wgpu::Buffer,
        (m, k, n): (usize, usize, usize),
    ) -> Result<Product, GpuError> {
        let (source, entry, tile) = kernel.wgsl();
        let pipeline = ctx.compute_pipeline(source, entry)?;
        let c = ctx.output_buffer("C", m * n)?;
        // The shapes travel as a small uniform buffer (16 bytes: WGSL
        // rounds uniform structs up to a multiple of 16).
        let shape = [m as u32, k as u32, n as u32, 0];
        let dims = ctx
            .device
            .create_buffer_init(&wgpu::util::BufferInitDescriptor {
                label: Some("dims"),
                contents: bytemuck::cast_slice(&shape),
                usage: wgpu::BufferUsages::UNIFORM,
            });
        let bindings = ctx.bind_group(&pipeline, &[a, b, &c, &dims])?;
        // x runs over the columns of C, y over its rows.
        let groups = (n.div_ceil(tile as usize), m.div_ceil(tile as usize));
        let limit = ctx.device.limits().max_compute_workgroups_per_dimension as usize;
        assert!(
            groups.0 <= limit && groups.1 <= limit,
            "C is {m} × {n}: more than one dispatch of {limit} × {limit} workgroups covers"
        );
        Ok(Product {
            pipeline,
            bindings,
            c,
            groups: (groups.0 as u32, groups.1 as u32),
        })
    }

    /// Runs the kernel and copies C back.
    pub fn run(&self, ctx: &GpuContext) -> Result<Vec<f32>, GpuError> {
        ctx.read_back(&self.submit(ctx))
    }

    /// Queues the kernel and returns C's buffer, which stays on the GPU.
    pub fn submit(&self, ctx: &GpuContext) -> wgpu::Buffer {
        let mut encoder = ctx.device.create_command_encoder(&Default::default());
        self.record(&mut encoder.begin_compute_pass(&Default::default()));
        ctx.queue.submit([encoder.finish()]);
        self.c.clone()
    }
}

impl Dispatch for Product {
    fn record(&self, pass: &mut wgpu::ComputePass<'_>) {
        pass.set_pipeline(&self.pipeline);
        pass.set_bind_group(0, &self.bindings, &[]);
        pass.dispatch_workgroups(self.groups.0, self.groups.1, 1);
    }
}
// ANCHOR_END: product

// ANCHOR: cpu
/// C = A · B on the CPU: the reference. The i-k-j loop order walks B and C
/// along their rows, in memory order.
pub fn matmul_cpu(a: &[f32], b: &[f32], (m, k, n): (usize, usize, usize)) -> Vec<f32> {
    check_shapes(a, b, m, k, n);
    let mut c = vec![0.0; m * n];
    for i in 0..m {
        let c_row = &mut c[i * n..(i + 1) * n];
        for p in 0..k {
            let a_ip = a[i * k + p];
            for (c_ij, &b_pj) in c_row.iter_mut().zip(&b[p * n..(p + 1) * n]) {
                *c_ij += a_ip * b_pj;
            }
        }
    }
    c
}
// ANCHOR_END: cpu

/// Floating-point operations of one m × k by k × n product: a multiply and
/// an add per term.
pub fn flops(m: usize, k: usize, n: usize) -> u64 {
    2 * (m * k * n) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_product_of_small_matrices() {
        // [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50]
        let c = matmul_cpu(&[1.0, 2.0, 3.0, 4.0], &[5.0, 6.0, 7.0, 8.0], (2, 2, 2));
        assert_eq!(c, [19.0, 22.0, 43.0, 50.0]);
        // A 1 × 3 row times a 3 × 1 column: a dot product.
        assert_eq!(
            matmul_cpu(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0], (1, 3, 1)),
            [32.0]
        );
        assert_eq!(matmul_cpu(&[], &[], (2, 0, 3)), [0.0; 6]);
    }

    #[test]
    fn tile_sizes_match_the_kernels() {
        assert!(NAIVE_WGSL.contains("@workgroup_size(16, 16)"));
        assert!(TILED_WGSL.contains("@workgroup_size(16, 16)"));
        assert!(TILED_WGSL.contains("const TILE: u32 = 64u;"));
        assert_eq!(Kernel::Tiled.wgsl().2, 64);
        assert_eq!(Kernel::Naive.wgsl().2, 16);
    }

    #[test]
    #[should_panic(expected = "A must be 2 × 3")]
    fn wrong_shapes_are_a_programming_error() {
        matmul_cpu(&[1.0; 5], &[1.0; 6], (2, 3, 2));
    }

    #[test]
    fn flops_count_multiplies_and_adds() {
        assert_eq!(flops(2, 3, 4), 48);
    }
}
