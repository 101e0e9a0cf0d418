//! Cache blocking (reference material): the course's matrix multiply step
//! by step against `ndarray`'s `dot`, ids `stack/matmul/<step>/<n>` for
//! n×n times n×n (`blocked-portable`: the blocked version with the
//! plain-Rust micro-kernel). Each iteration is 2·n³ floating-point
//! operations, so `measure=flops` reads GFLOP/s. The plan's bar compares `blocked` with
//! `ndarray-dot` at n = 1024. Under `cargo test --benches` (no `--bench`
//! flag) everything runs once on a small size.
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use stack::blocked_matmul::{Kernel, Shape, blocked, blocked_with, ikj, naive};
use stack::ndarray::Array2;
use std::hint::black_box;

/// `cargo bench` passes `--bench`; `cargo test --benches` does not.
fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// Entries in [-1, 1) that vary along rows and columns (the values do not
/// change the speed; no zeros or denormals to shortcut anything).
fn test_matrix(len: usize, offset: usize) -> Vec<f64> {
    (0..len)
        .map(|i| ((i * 37 + offset) % 101) as f64 / 50.5 - 0.99)
        .collect()
}

fn matmul(c: &mut Criterion) {
    // The naive loop only up to 512: at 1024 one product takes seconds.
    let (sizes, naive_up_to) = if measuring() {
        (vec![256, 512, 1024], 512)
    } else {
        (vec![67], 67)
    };
    let mut group = c.benchmark_group("stack/matmul");
    // Milliseconds to seconds per product: a fixed number of iterations per
    // sample, instead of criterion's growing ones, keeps the run short.
    group.sampling_mode(SamplingMode::Flat);
    for n in sizes {
        let shape = Shape::square(n);
        let (a, b) = (test_matrix(n * n, 1), test_matrix(n * n, 2));
        let a_nd = Array2::from_shape_vec((n, n), a.clone()).expect("n·n elements");
        let b_nd = Array2::from_shape_vec((n, n), b.clone()).expect("n·n elements");
        group.throughput(Throughput::Elements(2 * (n as u64).pow(3)));
        if n <= naive_up_to {
            group.bench_function(BenchmarkId::new("naive", n), |bench| {
                bench.iter(|| naive(black_box(&a), black_box(&b), shape))
            });
        }
        group.bench_function(BenchmarkId::new("ikj", n), |bench| {
            bench.iter(|| ikj(black_box(&a), black_box(&b), shape))
        });
        // The two rows of the bar next to each other, so that both see the
        // same background load on a shared machine.
        group.bench_function(BenchmarkId::new("blocked", n), |bench| {
            bench.iter(|| blocked(black_box(&a), black_box(&b), shape))
        });
        group.bench_function(BenchmarkId::new("ndarray-dot", n), |bench| {
            bench.iter(|| black_box(&a_nd).dot(black_box(&b_nd)))
        });
        // The same blocking with the plain-Rust micro-kernel: what run-time
        // selection of AVX2 and FMA adds (nothing on a CPU without them).
        group.bench_function(BenchmarkId::new("blocked-portable", n), |bench| {
            bench.iter(|| blocked_with(Kernel::portable(), black_box(&a), black_box(&b), shape))
        });
    }
    group.finish();
}

criterion_group!(benches, matmul);
criterion_main!(benches);
