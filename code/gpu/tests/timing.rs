//! The timing helpers: which clock was used, and that both clocks run.
//! (What they measure is for the benchmarks; a test never asserts a time.)
use gpu::GpuContext;
use gpu::reduce::Reducer;
use gpu::timing::{gpu_time, wall_clock};

fn context_with_timestamps() -> Option<GpuContext> {
    // The skip rule of `test_context`, then the constructor under test.
    gpu::test_context()?;
    Some(GpuContext::with_timestamps().expect("an adapter was found a moment ago"))
}

#[test]
fn timestamps_are_on_exactly_when_the_adapter_has_them() {
    let Some(ctx) = context_with_timestamps() else {
        return;
    };
    let offered = ctx
        .adapter
        .features()
        .contains(wgpu::Features::TIMESTAMP_QUERY);
    assert_eq!(ctx.has_timestamps(), offered);
    println!("{}: timestamp queries {offered}", ctx.describe());
}

#[test]
fn gpu_time_is_measured_with_timestamps_and_none_without() {
    let Some(ctx) = context_with_timestamps() else {
        return;
    };
    let x = vec![1.0f32; 100_000];
    let input = ctx.storage_buffer("x", &x).unwrap();
    let reduction = Reducer::sum(&ctx)
        .unwrap()
        .prepare(&ctx, &input, x.len())
        .unwrap();
    let measured = gpu_time(&ctx, &reduction, 3).unwrap();
    assert_eq!(measured.is_some(), ctx.has_timestamps());
    // The timed runs did their work: the result is still right afterwards.
    assert_eq!(reduction.run(&ctx).unwrap(), 100_000.0);

    // A plain context never asks for the feature.
    let plain = GpuContext::new().unwrap();
    assert!(!plain.has_timestamps());
    let input = plain.storage_buffer("x", &x).unwrap();
    let reduction = Reducer::sum(&plain)
        .unwrap()
        .prepare(&plain, &input, x.len())
        .unwrap();
    assert_eq!(gpu_time(&plain, &reduction, 3).unwrap(), None);
}

#[test]
fn wall_clock_runs_many_repeats_in_several_passes() {
    let Some(ctx) = gpu::test_context() else {
        return;
    };
    let x = vec![0.5f32; 1000];
    let input = ctx.storage_buffer("x", &x).unwrap();
    let reduction = Reducer::sum(&ctx)
        .unwrap()
        .prepare(&ctx, &input, x.len())
        .unwrap();
    // 2500 repeats need three compute passes of at most 1000.
    wall_clock(&ctx, &reduction, 2500).unwrap();
    assert_eq!(reduction.run(&ctx).unwrap(), 500.0);
}
