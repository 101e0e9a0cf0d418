//! Where GPUs differ from CPUs. What the adapter does is checked against
//! what the WGSL specification allows; where it allows several outcomes, any
//! of them passes.
use gpu::{
    GpuError, add_f64, allowed_out_of_bounds_read, compile_recursive, f64_context, factorial_cpu,
    factorial_gpu, float_to_int_gpu, out_of_bounds, supports_f64, test_context, wgsl_i32, wgsl_u32,
};

#[test]
fn f64_adds_what_f32_loses_when_the_adapter_has_it() {
    let Some(ctx) = test_context() else { return };
    let Some(ctx64) = f64_context().unwrap() else {
        assert!(!supports_f64(&ctx));
        eprintln!("this adapter has no SHADER_F64: only the f32 half is checked");
        assert_eq!(gpu::add(&ctx, &[1.0], &[1e-8]).unwrap(), [1.0]);
        return;
    };
    assert_eq!(gpu::add(&ctx, &[1.0], &[1e-8]).unwrap(), [1.0]);
    // 1 + 1e-8 in f64 is exact to 16 digits, whichever way the GPU rounds.
    let sum = add_f64(&ctx64, &[1.0], &[1e-8]).unwrap()[0];
    assert!((sum - 1.000_000_01).abs() <= f64::EPSILON, "{sum}");
    for n in [0, 1, 255, 256, 257, 70_000] {
        let a: Vec<f64> = (0..n).map(|i| (i as f64).sqrt()).collect();
        let b: Vec<f64> = (0..n).map(|i| 1.0 / (i + 1) as f64).collect();
        let on_gpu = add_f64(&ctx64, &a, &b).unwrap();
        assert_eq!(on_gpu.len(), n);
        for i in 0..n {
            let exact = a[i] + b[i];
            assert!(
                (on_gpu[i] - exact).abs() <= exact.abs() * f64::EPSILON,
                "n = {n}, i = {i}"
            );
        }
    }
}

#[test]
fn an_f64_shader_on_a_device_without_the_feature_is_rejected() {
    let Some(ctx) = test_context() else { return };
    // `GpuContext::new` asks for no optional features.
    let error = ctx
        .compute_pipeline(include_str!("../src/add_f64.wgsl"), "add_f64")
        .unwrap_err();
    assert!(matches!(error, GpuError::Shader(_)), "{error}");
}

#[test]
fn float_to_int_follows_the_wgsl_rules() {
    let Some(ctx) = test_context() else { return };
    let x = [
        0.0,
        2.7,
        -2.7,
        -1.5,
        3.9,
        1e9,
        3e9,
        -3e9,
        1e10,
        1e20,
        -1e20,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
    ];
    let (as_i32, as_u32) = float_to_int_gpu(&ctx, &x).unwrap();
    for (i, &x) in x.iter().enumerate() {
        // `None`: NaN and infinities, whose result WGSL leaves open.
        if let Some(expected) = wgsl_i32(x) {
            assert_eq!(as_i32[i], expected, "i32({x})");
        }
        if let Some(expected) = wgsl_u32(x) {
            assert_eq!(as_u32[i], expected, "u32({x})");
        }
    }
    eprintln!("NaN -> i32 {}, u32 {}", as_i32[13], as_u32[13]);
    // Where WGSL and Rust disagree although both saturate:
    assert_eq!(3e9f32 as i32, i32::MAX);
    assert_eq!(wgsl_i32(3e9), Some(2_147_483_520));
}

#[test]
fn out_of_bounds_reads_and_writes_do_only_what_wgsl_allows() {
    let Some(ctx) = test_context() else { return };
    let data: Vec<f32> = (10..18).map(|v| v as f32).collect();
    let index = [0, 7, 8, 9, 1000, u32::MAX];
    let report = out_of_bounds(&ctx, &data, &[0.0; 8], &index).unwrap();
    assert_eq!(report.loaded[..2], [10.0, 17.0]);
    for (i, &value) in report.loaded.iter().enumerate().skip(2) {
        assert!(
            allowed_out_of_bounds_read(value, &data),
            "data[{}] gave {value}",
            index[i]
        );
    }
    // An out-of-range write may be dropped or land anywhere in the buffer,
    // so each element holds its old 0 or one of the values written.
    let written: Vec<f32> = (0..index.len()).map(|i| 100.0 + i as f32).collect();
    for value in &report.written {
        assert!(
            *value == 0.0 || written.contains(value),
            "{:?}",
            report.written
        );
    }
}

#[test]
fn recursion_does_not_compile_and_the_loop_does() {
    let Some(ctx) = test_context() else { return };
    let error = compile_recursive(&ctx).unwrap_err();
    let GpuError::Shader(message) = &error else {
        panic!("expected a shader error, got {error:?}")
    };
    // The page quotes this line of the compiler's verdict.
    assert!(
        message.contains("Shader 'main' parsing error: declaration of `factorial` is recursive"),
        "{message}"
    );
    let n: Vec<u32> = (0..20).collect();
    let expected: Vec<u32> = n.iter().map(|&k| factorial_cpu(k)).collect();
    assert_eq!(factorial_gpu(&ctx, &n).unwrap(), expected);
}

/// A barrier that only some invocations reach breaks WGSL's rule (every
/// invocation of a workgroup must reach the same barriers), yet wgpu's
/// shader compiler, naga 30, accepts it: its uniformity analysis records
/// that a barrier needs uniform control flow but reports violations only
/// for derivatives (naga 30.0.1, `valid/analyzer.rs`, `process_block`).
/// This test pins that down: when it fails, naga has started rejecting the
/// mistake, and the pages can say so.
#[test]
fn naga_30_compiles_a_barrier_in_non_uniform_control_flow() {
    let Some(ctx) = test_context() else { return };
    let shader = "
        @group(0) @binding(0) var<storage, read_write> data: array<f32>;
        var<workgroup> shared_values: array<f32, 256>;

        @compute @workgroup_size(256)
        fn main(@builtin(local_invocation_id) local: vec3<u32>) {
            shared_values[local.x] = data[local.x];
            if (local.x < 128u) {
                workgroupBarrier(); // reached by half of the workgroup only
                data[local.x] = shared_values[local.x + 128u];
            }
        }";
    assert!(ctx.compute_pipeline(shader, "main").is_ok());
}
