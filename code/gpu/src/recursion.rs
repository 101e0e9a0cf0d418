//! Where GPUs differ: no recursion. A GPU runs thousands of invocations at
//! once, each with a small, fixed amount of private memory and no call stack
//! to grow, so WGSL forbids a function from calling itself.

use crate::{GpuContext, GpuError};

/// A shader with a recursive function (it does not compile).
pub const RECURSIVE_WGSL: &str = include_str!("recursion.wgsl");
const FACTORIAL_WGSL: &str = include_str!("factorial.wgsl");

/// The compiler's verdict on the recursive shader: always an error.
pub fn compile_recursive(ctx: &GpuContext) -> Result<wgpu::ComputePipeline, GpuError> {
    ctx.compute_pipeline(RECURSIVE_WGSL, "main")
}

/// `n!` of each element, with the loop version (wrapping past 12!, as
/// `u32` arithmetic does in WGSL). At most 64 values.
pub fn factorial_gpu(ctx: &GpuContext, n: &[u32]) -> Result<Vec<u32>, GpuError> {
    assert!((1..=64).contains(&n.len()), "1 to 64 values");
    let pipeline = ctx.compute_pipeline(FACTORIAL_WGSL, "main")?;
    let n_gpu = ctx.upload("n", n)?;
    let out_gpu = ctx.zeroed::<u32>("out", n.len())?;
    ctx.dispatch(&pipeline, &[&n_gpu, &out_gpu], 1)?;
    ctx.read_back_as(&out_gpu)
}

/// The CPU reference, with the same wrap-around.
pub fn factorial_cpu(n: u32) -> u32 {
    (2..=n).fold(1u32, |product, k| product.wrapping_mul(k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn factorial_cpu_is_right_and_wraps() {
        assert_eq!(factorial_cpu(0), 1);
        assert_eq!(factorial_cpu(1), 1);
        assert_eq!(factorial_cpu(10), 3_628_800);
        assert_eq!(factorial_cpu(13), 6_227_020_800u64 as u32);
    }
}
