//! Squared difference, the exercise's kinetic energy and the helpers they are
//! built on, against CPU references within the course's f32 tolerance.
use gpu::{
    Elementwise, F32_TOLERANCE, GpuError, kinetic_energy, kinetic_energy_cpu, max_relative_error,
    sqdiff, sqdiff_cpu, test_context,
};

/// Sizes below, at and around multiples of the workgroup size (256).
const SIZES: [usize; 9] = [0, 1, 2, 255, 256, 257, 1000, 4096, 65_537];

/// Values that need rounding, far from subnormals.
fn inputs(n: usize) -> (Vec<f32>, Vec<f32>) {
    let a = (0..n).map(|i| (i as f32).sqrt() - 3.0).collect();
    let b = (0..n).map(|i| (i % 17) as f32 / 7.0).collect();
    (a, b)
}

fn assert_close(gpu: &[f32], cpu: &[f32], what: &str) {
    assert_eq!(gpu.len(), cpu.len(), "{what}: lengths");
    let error = max_relative_error(gpu, cpu);
    assert!(error <= F32_TOLERANCE, "{what}: relative error {error}");
}

#[test]
fn sqdiff_matches_the_cpu_around_the_workgroup_size() {
    let Some(ctx) = test_context() else { return };
    for n in SIZES {
        let (a, b) = inputs(n);
        let on_gpu = sqdiff(&ctx, &a, &b).unwrap();
        assert_close(&on_gpu, &sqdiff_cpu(&a, &b), &format!("sqdiff, n = {n}"));
    }
}

#[test]
fn sqdiff_reaches_past_the_largest_dispatch_with_its_grid_stride_loop() {
    let Some(ctx) = test_context() else { return };
    let n = 65_535 * 256 + 1000;
    let (a, b) = inputs(n);
    let on_gpu = sqdiff(&ctx, &a, &b).unwrap();
    assert_close(
        &on_gpu,
        &sqdiff_cpu(&a, &b),
        "sqdiff beyond 65 535 workgroups",
    );
}

#[test]
fn kinetic_energy_matches_the_cpu_around_the_workgroup_size() {
    let Some(ctx) = test_context() else { return };
    for n in SIZES {
        let mass: Vec<f32> = (0..n).map(|i| 1.0 + (i % 10) as f32 / 4.0).collect();
        let velocity: Vec<f32> = (0..n).map(|i| (i % 13) as f32 / 3.0 - 2.0).collect();
        let on_gpu = kinetic_energy(&ctx, &mass, &velocity).unwrap();
        let on_cpu = kinetic_energy_cpu(&mass, &velocity);
        assert_close(&on_gpu, &on_cpu, &format!("kinetic energy, n = {n}"));
    }
}

#[test]
fn elementwise_on_resident_buffers_runs_the_kernel_again_and_again() {
    let Some(ctx) = test_context() else { return };
    let (a, b) = inputs(1000);
    let kernel = Elementwise::add(&ctx).unwrap();
    let a_gpu = ctx.upload("a", &a).unwrap();
    let b_gpu = ctx.upload("b", &b).unwrap();
    let out = ctx.zeroed::<f32>("out", a.len()).unwrap();
    for _ in 0..3 {
        kernel.run(&ctx, &a_gpu, &b_gpu, &out).unwrap();
    }
    ctx.wait().unwrap();
    assert_close(
        &ctx.read_back(&out).unwrap(),
        &gpu::add_cpu(&a, &b),
        "add, run 3 times",
    );
}

#[test]
fn elementwise_rejects_mismatched_lengths() {
    let Some(ctx) = test_context() else { return };
    let error = sqdiff(&ctx, &[1.0], &[1.0, 2.0]).unwrap_err();
    assert_eq!(error, GpuError::LengthMismatch { left: 1, right: 2 });
}

#[test]
fn buffers_that_do_not_match_the_kernel_are_an_error_not_a_panic() {
    let Some(ctx) = test_context() else { return };
    // `b` is declared but never used, so the derived layout has no binding 1.
    let source = "
        @group(0) @binding(0) var<storage, read> a: array<f32>;
        @group(0) @binding(1) var<storage, read> b: array<f32>;
        @group(0) @binding(2) var<storage, read_write> out: array<f32>;
        @compute @workgroup_size(256)
        fn copy(@builtin(global_invocation_id) id: vec3<u32>) {
            if id.x < arrayLength(&out) { out[id.x] = a[id.x]; }
        }";
    let kernel = Elementwise::new(&ctx, source, "copy").unwrap();
    let error = kernel.apply(&ctx, &[1.0, 2.0], &[3.0, 4.0]).unwrap_err();
    let GpuError::Shader(message) = &error else {
        panic!("expected a shader error, got {error:?}")
    };
    assert!(message.contains("create_bind_group"), "{message}");
}

#[test]
fn buffers_of_any_plain_type_make_the_round_trip() {
    let Some(ctx) = test_context() else { return };
    let ints: Vec<i32> = vec![-3, 0, 7, i32::MIN, i32::MAX];
    let buffer = ctx.upload("ints", &ints).unwrap();
    assert_eq!(ctx.read_back_as::<i32>(&buffer).unwrap(), ints);
    let doubles: Vec<f64> = vec![1.0 + 1e-12, -0.5, f64::MAX];
    let buffer = ctx.upload("doubles", &doubles).unwrap();
    assert_eq!(ctx.read_back_as::<f64>(&buffer).unwrap(), doubles);
    let zeros = ctx.zeroed::<u32>("zeros", 5).unwrap();
    assert_eq!(ctx.read_back_as::<u32>(&zeros).unwrap(), [0; 5]);
}
