//! The chain of kernels and the fused kernel against the CPU.
//!
//! Tolerance: none, except on Metal. Each element goes through the same
//! three correctly rounded f32 operations (subtract, multiply, multiply) in
//! the same order on both sides, and Vulkan requires these to be correctly
//! rounded; the inputs stay far from subnormals. So the results are
//! bit-for-bit equal. wgpu 30 compiles Metal shaders with Metal's default
//! fast math (wgpu-hal's `metal/device.rs` sets no math mode), which may
//! reorder the two multiplications: there, within `F32_TOLERANCE`.
mod inputs;

use gpu::fusion::{Strategy, weighted_squared_difference, weighted_squared_difference_cpu};
use gpu::{F32_TOLERANCE, GpuError, max_relative_error, test_context};
use inputs::values;

fn check(ctx: &gpu::GpuContext, n: usize) {
    let (a, b, w) = (values(n, 1), values(n, 2), values(n, 3));
    let expected = weighted_squared_difference_cpu(&a, &b, &w);
    let fast_math = ctx.adapter_info().backend == wgpu::Backend::Metal;
    for strategy in [Strategy::Chain, Strategy::Fused] {
        let got = weighted_squared_difference(ctx, strategy, &a, &b, &w).unwrap();
        assert_eq!(got.len(), n, "{strategy:?}, n = {n}");
        if fast_math {
            let error = max_relative_error(&got, &expected);
            assert!(error <= F32_TOLERANCE, "{strategy:?}, n = {n}: {error}");
            continue;
        }
        if let Some(i) = (0..n).find(|&i| got[i] != expected[i]) {
            panic!(
                "{strategy:?}, n = {n}: first difference at {i}: GPU {} vs CPU {}",
                got[i], expected[i]
            );
        }
    }
}

#[test]
fn chain_and_fused_equal_the_cpu_around_the_workgroup_size() {
    let Some(ctx) = test_context() else { return };
    for n in [0, 1, 2, 255, 256, 257, 1000, 100_000] {
        check(&ctx, n);
    }
}

#[test]
fn chain_and_fused_cover_more_elements_than_one_dispatch_has_threads() {
    let Some(ctx) = test_context() else { return };
    // 65 535 workgroups of 256 invocations reach 16 776 960 elements; the
    // rest only through the grid-stride loops.
    check(&ctx, 65_535 * 256 + 300);
}

#[test]
fn mismatched_lengths_are_an_error() {
    let Some(ctx) = test_context() else { return };
    let error = weighted_squared_difference(&ctx, Strategy::Fused, &[1.0; 3], &[1.0; 3], &[1.0; 2])
        .unwrap_err();
    assert_eq!(error, GpuError::LengthMismatch { left: 3, right: 2 });
}
