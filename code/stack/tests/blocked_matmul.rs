//! Every step of the cache-blocking lesson computes the same product: checked
//! against the naive loop and `ndarray`'s `dot`, on shapes that are not
//! multiples of the tiles, and exactly on small integers (whose products and
//! sums are exact in `f64` in any order, so any difference is a bug).
use stack::blocked_matmul::{
    KC, Kernel, MC, MR, NR, Shape, blocked, blocked_with, ikj, naive, tile_product_portable,
};
use stack::ndarray::Array2;

/// A way to compute C = A·B.
type Multiply = Box<dyn Fn(&[f64], &[f64], Shape) -> Vec<f64>>;

/// Every way to multiply, by name: the steps and every micro-kernel this
/// CPU can run (the portable one always, so the fallback path is tested
/// even on a machine that would never pick it).
fn steps() -> Vec<(String, Multiply)> {
    let mut steps: Vec<(String, Multiply)> = vec![
        ("ikj".into(), Box::new(ikj)),
        ("blocked".into(), Box::new(blocked)),
    ];
    for kernel in [Some(Kernel::portable()), Kernel::avx2_fma()]
        .into_iter()
        .flatten()
    {
        steps.push((
            format!("blocked_with({kernel:?})"),
            Box::new(move |a, b, shape| blocked_with(kernel, a, b, shape)),
        ));
    }
    steps
}

/// Whole numbers in [-4, 4], different for A and B.
fn small_integers(len: usize, seed: usize) -> Vec<f64> {
    (0..len)
        .map(|i| ((i * 7 + seed * 13) % 9) as f64 - 4.0)
        .collect()
}

/// Values in (-1, 1) with many significant bits, so that rounding differs
/// between summation orders.
fn fractions(len: usize, seed: u64) -> Vec<f64> {
    let mut rng = splitmix::SplitMix64::new(seed);
    (0..len).map(|_| 2.0 * rng.next_f64() - 1.0).collect()
}

fn ndarray_dot(a: &[f64], b: &[f64], shape: Shape) -> Vec<f64> {
    let a = Array2::from_shape_vec((shape.m, shape.k), a.to_vec()).unwrap();
    let b = Array2::from_shape_vec((shape.k, shape.n), b.to_vec()).unwrap();
    a.dot(&b).into_raw_vec_and_offset().0
}

/// Shapes around every tile edge: 1, below and above MR, NR, MC and KC,
/// and rectangular ones in each direction.
fn shapes() -> Vec<Shape> {
    let mut shapes: Vec<Shape> = [1, 3, 17, 65, 130].map(Shape::square).to_vec();
    shapes.extend([
        Shape {
            m: MR + 1,
            k: 5,
            n: NR - 1,
        },
        Shape {
            m: MC + 3,
            k: KC + 1,
            n: 2 * NR + 3,
        },
        Shape { m: 1, k: 300, n: 1 },
        Shape { m: 300, k: 1, n: 2 },
        Shape { m: 2, k: 3, n: 301 },
        Shape {
            m: 70,
            k: 520,
            n: 9,
        },
    ]);
    shapes
}

#[test]
fn a_known_product() {
    // [1 2 3; 4 5 6] · [7 8; 9 10; 11 12] = [58 64; 139 154]
    let (a, b) = (
        [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
        [7.0, 8.0, 9.0, 10.0, 11.0, 12.0],
    );
    let shape = Shape { m: 2, k: 3, n: 2 };
    assert_eq!(naive(&a, &b, shape), [58.0, 64.0, 139.0, 154.0]);
    for (name, step) in steps() {
        assert_eq!(step(&a, &b, shape), [58.0, 64.0, 139.0, 154.0], "{name}");
    }
}

#[test]
fn every_step_is_exact_on_small_integers() {
    for shape in shapes() {
        let a = small_integers(shape.m * shape.k, 1);
        let b = small_integers(shape.k * shape.n, 2);
        let expected = naive(&a, &b, shape);
        assert_eq!(ndarray_dot(&a, &b, shape), expected, "ndarray, {shape:?}");
        for (name, step) in steps() {
            assert_eq!(step(&a, &b, shape), expected, "{name}, {shape:?}");
        }
    }
}

#[test]
fn every_step_agrees_with_naive_and_ndarray_to_rounding() {
    for shape in shapes() {
        let a = fractions(shape.m * shape.k, 1);
        let b = fractions(shape.k * shape.n, 2);
        let expected = naive(&a, &b, shape);
        // Each sum has k terms of size at most 1: different orders differ
        // by a few units of k·ε at most.
        let tolerance = 4.0 * shape.k as f64 * f64::EPSILON;
        let from_ndarray = ndarray_dot(&a, &b, shape);
        for (name, step) in steps() {
            let c = step(&a, &b, shape);
            assert_eq!(c.len(), shape.m * shape.n, "{name}, {shape:?}");
            for (index, ((x, y), z)) in c.iter().zip(&expected).zip(&from_ndarray).enumerate() {
                assert!(
                    (x - y).abs() <= tolerance && (x - z).abs() <= tolerance,
                    "{name}, {shape:?}, element {index}: {x} vs naive {y}, ndarray {z}"
                );
            }
        }
    }
}

#[test]
fn empty_dimensions_give_an_empty_or_zero_product() {
    for (name, step) in steps() {
        assert!(
            step(&[], &[0.0; 3], Shape { m: 0, k: 1, n: 3 }).is_empty(),
            "{name}"
        );
        assert!(
            step(&[0.0; 3], &[], Shape { m: 3, k: 1, n: 0 }).is_empty(),
            "{name}"
        );
        // k = 0: every element is an empty sum.
        assert_eq!(
            step(&[], &[], Shape { m: 2, k: 0, n: 2 }),
            [0.0; 4],
            "{name}"
        );
    }
}

#[test]
fn the_portable_micro_kernel_computes_one_tile() {
    // Two steps of depth: A's sliver holds MR values per step, B's NR.
    let a_sliver: Vec<f64> = (0..2 * MR).map(|x| x as f64).collect();
    let b_sliver: Vec<f64> = (0..2 * NR).map(|x| x as f64 + 1.0).collect();
    let tile = tile_product_portable(&a_sliver, &b_sliver);
    for (i, row) in tile.iter().enumerate() {
        for (j, &t) in row.iter().enumerate() {
            let expected = a_sliver[i] * b_sliver[j] + a_sliver[MR + i] * b_sliver[NR + j];
            assert_eq!(t, expected, "tile element ({i}, {j})");
        }
    }
}

#[test]
fn the_detected_kernel_is_one_this_cpu_can_run() {
    let detected = Kernel::detect();
    assert!(detected == Kernel::portable() || Some(detected) == Kernel::avx2_fma());
    #[cfg(target_arch = "x86_64")]
    assert_eq!(
        Kernel::avx2_fma().is_some(),
        is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma")
    );
}

#[test]
#[should_panic(expected = "A must hold m·k elements")]
fn a_wrong_length_is_refused() {
    let _ = blocked(&[1.0; 5], &[1.0; 6], Shape { m: 2, k: 3, n: 2 });
}
