//! The GPU solution against the serial f32 reference. Each test gets its
//! context from `gpu::test_context()`, the course's skip rule: with no
//! adapter it prints SKIPPED (when the pipeline says there is none) or fails.
use capstone::{GpuHeat, Grid, heat_gpu, heat_serial, tolerance};
use gpu::test_context;

/// Compares the GPU with the serial reference and returns the largest
/// difference, so tests can report it.
fn assert_close(ctx: &gpu::GpuContext, start: &Grid, steps: usize, r: f32) -> f32 {
    let on_gpu = heat_gpu(ctx, start, steps, r).unwrap();
    let reference = heat_serial(start, steps, r);
    let difference = on_gpu.max_difference(&reference);
    assert!(
        difference <= tolerance(steps),
        "{} x {}, {steps} steps: max |difference| {difference:e} > {:e}",
        start.nx,
        start.ny,
        tolerance(steps)
    );
    difference
}

#[test]
fn gpu_matches_serial_on_sizes_around_the_workgroup() {
    let Some(ctx) = test_context() else { return };
    // Tiny grids (no inside cells at all, or one), grids that are and are
    // not multiples of 16 in each direction, and long thin ones.
    let sizes = [
        (1, 1),
        (1, 9),
        (9, 1),
        (2, 2),
        (3, 3),
        (4, 5),
        (15, 15),
        (16, 16),
        (17, 17),
        (16, 33),
        (33, 16),
        (31, 47),
        (64, 64),
        (100, 3),
        (3, 100),
        (257, 129),
    ];
    for (nx, ny) in sizes {
        assert_close(&ctx, &Grid::plate(nx, ny), 37, 0.2);
    }
}

#[test]
fn gpu_matches_serial_for_many_steps_and_odd_step_counts() {
    let Some(ctx) = test_context() else { return };
    // 0 and 1 step, an odd count (the result is in the second buffer), and
    // several submissions' worth of steps.
    for steps in [0, 1, 2, 63, 64, 65, 300] {
        assert_close(&ctx, &Grid::plate(40, 30), steps, 0.25);
    }
}

#[test]
fn gpu_matches_serial_beyond_one_dispatch() {
    let Some(ctx) = test_context() else { return };
    // More columns than 65 535 workgroups of 16 can cover: the kernel's
    // grid-stride loop must reach the rest.
    let most = ctx.device.limits().max_compute_workgroups_per_dimension as usize;
    let nx = most * 16 + 40;
    assert_close(&ctx, &Grid::plate(nx, 3), 3, 0.2);
}

#[test]
fn advancing_in_parts_equals_advancing_at_once() {
    let Some(ctx) = test_context() else { return };
    let start = Grid::plate(50, 21);
    let mut heat = GpuHeat::new(&ctx, &start, 0.2).unwrap();
    for part in [7, 0, 64, 1] {
        heat.advance(part).unwrap();
    }
    let at_once = heat_gpu(&ctx, &start, 72, 0.2).unwrap();
    assert_eq!(heat.field().unwrap(), at_once);
}

#[test]
fn the_gpu_plate_stays_mirror_symmetric() {
    let Some(ctx) = test_context() else { return };
    // Physics, not just agreement: however the GPU rounds, it computes
    // mirrored cells from mirrored operands, grouped (up + down) + (left +
    // right) in the kernel, so symmetry is exact. Metal's fast math (on by
    // default; wgpu 30 sets no math mode) may regroup the sum: there the
    // mirror images need only agree within the comparison's tolerance.
    let fast_math = ctx.adapter_info().backend == wgpu::Backend::Metal;
    let (nx, ny) = (37, 22);
    let steps = 50;
    let end = heat_gpu(&ctx, &Grid::plate(nx, ny), steps, 0.2).unwrap();
    for i in 0..ny {
        for j in 0..nx {
            let (cell, mirror) = (end.get(i, j), end.get(ny - 1 - i, nx - 1 - j));
            if fast_math {
                assert!((cell - mirror).abs() <= tolerance(steps), "({i}, {j})");
            } else {
                assert_eq!(cell, mirror, "({i}, {j})");
            }
        }
    }
}
