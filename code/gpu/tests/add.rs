//! The first kernel against the CPU reference. Each test gets its context
//! from `gpu::test_context()`, which applies the course's skip rule.
use gpu::{F32_TOLERANCE, GpuError, add, add_cpu, max_relative_error, test_context};

/// Inputs whose sums need rounding (so the comparison means something) but
/// stay far from subnormals, which some GPUs flush to zero.
fn inputs(n: usize) -> (Vec<f32>, Vec<f32>) {
    let a = (0..n).map(|i| (i as f32).sqrt()).collect();
    let b = (0..n).map(|i| 1.0 / (i + 1) as f32).collect();
    (a, b)
}

#[test]
fn gpu_add_equals_cpu_add_around_the_workgroup_size() {
    let Some(ctx) = test_context() else { return };
    // WGSL rounds each sum correctly, but up or down as the GPU likes: the
    // results agree within the course's f32 tolerance (a few ulp).
    for n in [0, 1, 2, 255, 256, 257, 1000, 65_537] {
        let (a, b) = inputs(n);
        let on_gpu = add(&ctx, &a, &b).unwrap();
        assert_eq!(on_gpu.len(), n);
        let error = max_relative_error(&on_gpu, &add_cpu(&a, &b));
        assert!(error <= F32_TOLERANCE, "n = {n}: relative error {error}");
    }
}

#[test]
fn gpu_add_covers_more_elements_than_one_dispatch_has_threads() {
    let Some(ctx) = test_context() else { return };
    // 65 535 workgroups of 256 cover 16 776 960 elements; the rest is
    // reached only through the kernel's grid-stride loop.
    let n = 17_000_000;
    assert!(n > 65_535 * 256);
    let (a, b) = inputs(n);
    let on_gpu = add(&ctx, &a, &b).unwrap();
    let on_cpu = add_cpu(&a, &b);
    assert_eq!(on_gpu.len(), n);
    let tail = 65_535 * 256..n;
    assert!(
        on_gpu[tail.clone()].iter().all(|&x| x > 0.0),
        "tail left at zero"
    );
    let error = max_relative_error(&on_gpu, &on_cpu);
    assert!(error <= F32_TOLERANCE, "relative error {error}");
}

#[test]
fn mismatched_lengths_are_an_error() {
    let Some(ctx) = test_context() else { return };
    let error = add(&ctx, &[1.0, 2.0], &[1.0]).unwrap_err();
    assert_eq!(error, GpuError::LengthMismatch { left: 2, right: 1 });
    assert_eq!(
        error.to_string(),
        "arrays differ in length: 2 and 1 elements"
    );
}

#[test]
fn a_buffer_larger_than_the_device_allows_is_an_error() {
    let Some(ctx) = test_context() else { return };
    let error = ctx.output_buffer("huge", usize::MAX / 8).unwrap_err();
    assert!(matches!(error, GpuError::TooLarge { .. }), "{error}");
}

#[test]
fn a_wgsl_mistake_is_an_error_not_a_panic() {
    let Some(ctx) = test_context() else { return };
    let source = "@compute @workgroup_size(1) fn main() { let x: f32 = 1u; }";
    let error = ctx.compute_pipeline(source, "main").unwrap_err();
    assert!(matches!(error, GpuError::Shader(_)), "{error}");
}

#[test]
fn the_adapter_describes_itself() {
    let Some(ctx) = test_context() else { return };
    let line = ctx.describe();
    let info = ctx.adapter_info();
    assert!(line.starts_with(&info.name), "{line}");
    assert!(
        line.ends_with(&format!("({:?}, {:?})", info.device_type, info.backend)),
        "{line}"
    );
    assert_eq!(ctx.is_software(), info.device_type == wgpu::DeviceType::Cpu);
}
