//! Both GPU matrix products against the CPU, for shapes that are and are
//! not multiples of the tile sizes (16 and 64), including empty ones.
//!
//! Tolerance: each element of C is a sum of k products; computed in any
//! order in f32 it is within k × 2⁻²³ × Σₚ|aᵢₚ bₚⱼ| of the exact value
//! (a standard bound, about 2k roundings of 2⁻²⁴ each). The reference is
//! computed in f64.
mod inputs;

use gpu::matmul::{Kernel, Product, matmul, matmul_cpu};
use gpu::test_context;
use inputs::values;

const SHAPES: [(usize, usize, usize); 12] = [
    (0, 0, 0),
    (0, 5, 3),
    (4, 0, 3),
    (4, 5, 0),
    (1, 1, 1),
    (16, 16, 16),
    (17, 15, 33),
    (64, 64, 64),
    (65, 63, 130),
    (3, 200, 5),
    (1, 300, 1),
    (128, 100, 96),
];

/// Checks `c` against A · B in f64, element by element.
fn assert_close(c: &[f32], a: &[f32], b: &[f32], (m, k, n): (usize, usize, usize), what: &str) {
    assert_eq!(c.len(), m * n, "{what}: C has the wrong length");
    let unit = f64::from(f32::EPSILON); // 2⁻²³
    for i in 0..m {
        for j in 0..n {
            let terms = (0..k).map(|p| f64::from(a[i * k + p]) * f64::from(b[p * n + j]));
            let exact: f64 = terms.clone().sum();
            let magnitude: f64 = terms.map(f64::abs).sum();
            let got = f64::from(c[i * n + j]);
            assert!(
                (got - exact).abs() <= k as f64 * unit * magnitude,
                "{what} {m}×{k}·{k}×{n}: C[{i}][{j}] = {got}, exact {exact}"
            );
        }
    }
}

#[test]
fn cpu_matmul_matches_f64() {
    for shape @ (m, k, n) in SHAPES {
        let (a, b) = (values(m * k, 1), values(k * n, 2));
        assert_close(&matmul_cpu(&a, &b, shape), &a, &b, shape, "cpu");
    }
}

#[test]
fn naive_gpu_matmul_matches_f64() {
    let Some(ctx) = test_context() else { return };
    for shape @ (m, k, n) in SHAPES {
        let (a, b) = (values(m * k, 3), values(k * n, 4));
        let c = matmul(&ctx, Kernel::Naive, &a, &b, shape).unwrap();
        assert_close(&c, &a, &b, shape, "naive");
    }
}

#[test]
fn tiled_gpu_matmul_matches_f64() {
    let Some(ctx) = test_context() else { return };
    for shape @ (m, k, n) in SHAPES {
        let (a, b) = (values(m * k, 5), values(k * n, 6));
        let c = matmul(&ctx, Kernel::Tiled, &a, &b, shape).unwrap();
        assert_close(&c, &a, &b, shape, "tiled");
    }
}

#[test]
fn small_integer_products_are_exact_with_both_kernels() {
    let Some(ctx) = test_context() else { return };
    // Entries 0..=3: every partial sum is a small integer, so no rounding.
    let shape = (70, 90, 50);
    let a: Vec<f32> = (0..70 * 90).map(|i| (i % 4) as f32).collect();
    let b: Vec<f32> = (0..90 * 50).map(|i| (i % 3) as f32).collect();
    let expected = matmul_cpu(&a, &b, shape);
    for kernel in [Kernel::Naive, Kernel::Tiled] {
        assert_eq!(
            matmul(&ctx, kernel, &a, &b, shape).unwrap(),
            expected,
            "{kernel:?}"
        );
    }
}

#[test]
fn a_prepared_product_runs_again_on_the_same_operands() {
    let Some(ctx) = test_context() else { return };
    let identity: Vec<f32> = (0..9).map(|i| if i % 4 == 0 { 1.0 } else { 0.0 }).collect();
    let b: Vec<f32> = (1..=9).map(|i| i as f32).collect();
    let a_gpu = ctx.storage_buffer("I", &identity).unwrap();
    let b_gpu = ctx.storage_buffer("B", &b).unwrap();
    let product = Product::new(&ctx, Kernel::Tiled, &a_gpu, &b_gpu, (3, 3, 3)).unwrap();
    for _ in 0..2 {
        assert_eq!(product.run(&ctx).unwrap(), b);
    }
}

#[test]
fn wrong_shapes_panic_with_the_expected_shape() {
    let Some(ctx) = test_context() else { return };
    let call = std::panic::AssertUnwindSafe(|| {
        matmul(&ctx, Kernel::Naive, &[0.0; 6], &[0.0; 5], (2, 3, 2))
    });
    let panic = std::panic::catch_unwind(call).expect_err("a 3 × 2 B has 6 elements, not 5");
    let message = panic.downcast::<String>().expect("a formatted message");
    assert!(message.contains("B must be 3 × 2"), "{message}");
}
