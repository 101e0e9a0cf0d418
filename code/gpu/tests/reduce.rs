//! The GPU reductions against an exact (f64) reference.
//!
//! Tolerance: a floating-point sum of n terms is within about
//! (number of roundings on the longest path) × 2⁻²⁴ × Σ|xᵢ| of the exact
//! sum. Our kernels round at most 64 + 8 + 4 + 8 times on any path up to
//! 2²⁴ elements (grid-stride loop, tree, second dispatch), so we allow
//! 1e-5 × Σ|xᵢ| (≈ 168 roundings).
mod inputs;

use gpu::reduce::{Reducer, l2_norm, l2_norm_cpu, sum, sum_cpu};
use gpu::test_context;
use inputs::{exact_sum, values};

const RELATIVE_TO_MAGNITUDE: f64 = 1e-5;

/// Sizes below, at and above multiples of the workgroup size (256), and
/// above 1024 × 256, where the first dispatch's grid-stride loop wraps.
const SIZES: [usize; 10] = [
    0,
    1,
    2,
    255,
    256,
    257,
    1000,
    65_536,
    1024 * 256 + 1,
    (1 << 20) + 3,
];

#[test]
fn gpu_sum_matches_the_exact_sum() {
    let Some(ctx) = test_context() else { return };
    for n in SIZES {
        let x = values(n, n as u64);
        let (exact, magnitude) = exact_sum(&x, |v| v);
        let got = f64::from(sum(&ctx, &x).unwrap());
        assert!(
            (got - exact).abs() <= RELATIVE_TO_MAGNITUDE * magnitude,
            "n = {n}: GPU {got}, exact {exact}"
        );
    }
}

#[test]
fn gpu_l2_norm_matches_the_exact_norm() {
    let Some(ctx) = test_context() else { return };
    for n in SIZES {
        let x = values(n, 7 + n as u64);
        // All terms are positive, so Σ|xᵢ²| = Σxᵢ²: a relative bound, and
        // the square root halves it.
        let exact = exact_sum(&x, |v| v * v).0.sqrt();
        let got = f64::from(l2_norm(&ctx, &x).unwrap());
        assert!(
            (got - exact).abs() <= RELATIVE_TO_MAGNITUDE * exact,
            "n = {n}: GPU {got}, exact {exact}"
        );
    }
}

#[test]
fn small_integer_sums_are_exact_on_both_sides() {
    let Some(ctx) = test_context() else { return };
    // Every partial sum is an integer below 2²⁴: no rounding anywhere.
    let x: Vec<f32> = (0..100_000).map(|i| (i % 5) as f32).collect();
    assert_eq!(sum(&ctx, &x).unwrap(), 200_000.0);
    assert_eq!(sum_cpu(&x), 200_000.0);
    assert_eq!(l2_norm(&ctx, &[3.0, 4.0]).unwrap(), 5.0);
    assert_eq!(l2_norm_cpu(&[3.0, 4.0]), 5.0);
}

#[test]
fn cpu_sums_match_the_exact_sum() {
    for n in SIZES {
        let x = values(n, n as u64);
        // 16 running totals of n / 16 terms each, then 16 + 1 more additions.
        let bound = (n / 16 + 18) as f64 * f64::from(f32::EPSILON / 2.0);
        let (exact, magnitude) = exact_sum(&x, |v| v);
        let got = f64::from(sum_cpu(&x));
        assert!((got - exact).abs() <= bound * magnitude, "n = {n}");
        let norm = exact_sum(&x, |v| v * v).0.sqrt();
        let got = f64::from(l2_norm_cpu(&x));
        assert!((got - norm).abs() <= bound * norm, "n = {n}");
    }
}

#[test]
fn a_prepared_reduction_runs_again_on_the_same_data() {
    let Some(ctx) = test_context() else { return };
    let x: Vec<f32> = (0..5000).map(|i| (i % 3) as f32).collect();
    let input = ctx.storage_buffer("x", &x).unwrap();
    let reduction = Reducer::sum(&ctx)
        .unwrap()
        .prepare(&ctx, &input, x.len())
        .unwrap();
    for _ in 0..3 {
        assert_eq!(reduction.run(&ctx).unwrap(), 4999.0);
    }
}
