//! GPU computing II: reductions, matrix multiplication, kernel fusion, and
//! the CPU/GPU crossover. Ids are `gpu/<topic>/<variant>/<size>`:
//!
//! - `gpu/reduce/{cpu,gpu}-{sum,l2-norm}/<n>`: data already on the GPU,
//!   many reductions back to back (bytes read per second), also at the
//!   sizes beyond every cache of `gpu_basics` (see `beyond_cache_sizes`);
//! - `gpu/matmul/{naive,tiled}/<n>`: n × n products, operands on the GPU
//!   (elements = floating-point operations, so the page shows FLOP/s), next
//!   to the CPU at its best on one core: `cpu-ndarray-dot` (`ndarray`'s
//!   `dot` in `f32`, matrixmultiply's packed kernels) and `cpu-blocked` (the
//!   course's cache-blocked product from The stack, which is `f64`: half the
//!   numbers per SIMD register), up to n = 1024;
//! - `gpu/fusion/{chain,fused}/<n>`: w · (a − b)² over n elements;
//! - `gpu/crossover/<way>/<n>`: one sum of n floats, as a program pays for
//!   it: `cpu`, `gpu-with-transfers` (upload, kernels, read back),
//!   `gpu-resident` (kernels, read back one number) and `gpu-kernels` (the
//!   GPU's own clock, when the adapter has timestamp queries).
//!
//! With no adapter it prints `SKIPPED: no GPU adapter` and measures
//! nothing. Under `cargo xtask bench` it also writes the adapter's name to
//! `$COURSE_BENCH_OUT/gpu-adapter.json`, for the pages' `{{#results gpu}}`.
#[path = "shared/gpu_adapter.rs"]
mod gpu_adapter;

use criterion::{BenchmarkId, Criterion, Throughput};
use gpu::fusion::{Expression, Strategy};
use gpu::matmul::{Kernel, Product, flops};
use gpu::reduce::{Reducer, l2_norm_cpu, sum_cpu};
use gpu::timing::{gpu_time, wall_clock};
use gpu::{GpuContext, GpuError};
use gpu_adapter::{beyond_cache_sizes, record_adapter};
use stack::blocked_matmul::{Shape, blocked};
use stack::ndarray::Array2;
use std::hint::black_box;
use std::time::Duration;

/// What to measure: tiny sizes under `cargo test --benches`, a subset of
/// the sizes for the quick results and all of them for the published ones.
struct Sizes {
    reduce: Vec<usize>,
    matmul: Vec<usize>,
    fusion: Vec<usize>,
    crossover: Vec<usize>,
}

fn sizes(measuring: bool, full: bool, software: bool) -> Sizes {
    if !measuring {
        return Sizes {
            reduce: vec![1000],
            matmul: vec![40],
            fusion: vec![1000],
            crossover: vec![1 << 10],
        };
    }
    let powers = |step: usize| (10..=24).step_by(step).map(|p| 1usize << p).collect();
    // A software adapter needs seconds per naive product beyond 512; a
    // real GPU needs products of 1024 and more to fill all its cores with
    // 64 × 64 tiles.
    let matmul = match (software, full) {
        (true, _) => vec![128, 256, 512],
        (false, false) => vec![128, 256, 512, 1024],
        (false, true) => vec![128, 256, 512, 1024, 2048],
    };
    Sizes {
        reduce: vec![1 << 20, 1 << 24],
        matmul,
        fusion: if full {
            vec![1 << 20, 1 << 22, 1 << 24]
        } else {
            vec![1 << 20, 1 << 22]
        },
        crossover: if full { powers(1) } else { powers(2) },
    }
}

/// Deterministic inputs in [0, 1).
fn values(n: usize) -> Vec<f32> {
    (0..n).map(|i| (i % 1021) as f32 / 1021.0).collect()
}

/// Criterion's iteration count as the repeat count of a submission.
fn repeats(iters: u64) -> u32 {
    u32::try_from(iters).unwrap_or(u32::MAX)
}

/// Turns a GPU error inside a measurement into a failed benchmark run.
fn ok<T>(result: Result<T, GpuError>) -> T {
    result.unwrap_or_else(|error| {
        eprintln!("error: gpu_kernels: {error}");
        std::process::exit(1);
    })
}

fn reduce(c: &mut Criterion, ctx: &GpuContext, sizes: &[usize]) {
    let mut group = c.benchmark_group("gpu/reduce");
    let sum = ok(Reducer::sum(ctx));
    let squares = ok(Reducer::sum_of_squares(ctx));
    for &n in sizes {
        let x = values(n);
        let input = ok(ctx.storage_buffer("x", &x));
        group.throughput(Throughput::Bytes((n * size_of::<f32>()) as u64));
        group.bench_function(BenchmarkId::new("cpu-sum", n), |b| {
            b.iter(|| sum_cpu(black_box(&x)))
        });
        group.bench_function(BenchmarkId::new("cpu-l2-norm", n), |b| {
            b.iter(|| l2_norm_cpu(black_box(&x)))
        });
        for (name, reducer) in [("gpu-sum", &sum), ("gpu-l2-norm", &squares)] {
            let reduction = ok(reducer.prepare(ctx, &input, n));
            // All of criterion's iterations in one submission: the launch
            // cost is shared, as in a program that reduces again and again.
            group.bench_function(BenchmarkId::new(name, n), |b| {
                b.iter_custom(|iters| ok(wall_clock(ctx, &reduction, repeats(iters))))
            });
        }
    }
    group.finish();
}

/// The CPU rows of the matrix product stop here: beyond, one product takes
/// seconds on one core.
const CPU_MATMUL_UP_TO: usize = 1024;

fn matmul(c: &mut Criterion, ctx: &GpuContext, sizes: &[usize]) {
    let mut group = c.benchmark_group("gpu/matmul");
    for &n in sizes {
        let a = ok(ctx.storage_buffer("A", &values(n * n)));
        let b = ok(ctx.storage_buffer("B", &values(n * n)));
        group.throughput(Throughput::Elements(flops(n, n, n)));
        if n <= CPU_MATMUL_UP_TO {
            let a_nd = Array2::from_shape_vec((n, n), values(n * n)).expect("n·n elements");
            let b_nd = a_nd.clone();
            group.bench_function(BenchmarkId::new("cpu-ndarray-dot", n), |bench| {
                bench.iter(|| black_box(&a_nd).dot(black_box(&b_nd)))
            });
            let a64: Vec<f64> = values(n * n).into_iter().map(f64::from).collect();
            group.bench_function(BenchmarkId::new("cpu-blocked", n), |bench| {
                bench.iter(|| blocked(black_box(&a64), black_box(&a64), Shape::square(n)))
            });
        }
        for (name, kernel) in [("naive", Kernel::Naive), ("tiled", Kernel::Tiled)] {
            let product = ok(Product::new(ctx, kernel, &a, &b, (n, n, n)));
            group.bench_function(BenchmarkId::new(name, n), |bench| {
                bench.iter_custom(|iters| ok(wall_clock(ctx, &product, repeats(iters))))
            });
        }
    }
    group.finish();
}

fn fusion(c: &mut Criterion, ctx: &GpuContext, sizes: &[usize]) {
    let mut group = c.benchmark_group("gpu/fusion");
    for &n in sizes {
        let (a, b, w) = (values(n), values(n), values(n));
        let inputs = [
            ok(ctx.storage_buffer("a", &a)),
            ok(ctx.storage_buffer("b", &b)),
            ok(ctx.storage_buffer("w", &w)),
        ];
        group.throughput(Throughput::Elements(n as u64));
        for (name, strategy) in [("chain", Strategy::Chain), ("fused", Strategy::Fused)] {
            let expression = ok(Expression::new(ctx, strategy, &inputs, n));
            group.bench_function(BenchmarkId::new(name, n), |bench| {
                bench.iter_custom(|iters| ok(wall_clock(ctx, &expression, repeats(iters))))
            });
        }
    }
    group.finish();
}

fn crossover(c: &mut Criterion, ctx: &GpuContext, sizes: &[usize]) {
    let mut group = c.benchmark_group("gpu/crossover");
    let reducer = ok(Reducer::sum(ctx));
    for &n in sizes {
        let x = values(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(BenchmarkId::new("cpu", n), |b| {
            b.iter(|| sum_cpu(black_box(&x)))
        });
        group.bench_function(BenchmarkId::new("gpu-with-transfers", n), |b| {
            b.iter(|| ok(reducer.reduce(ctx, black_box(&x))))
        });
        let input = ok(ctx.storage_buffer("x", &x));
        let reduction = ok(reducer.prepare(ctx, &input, n));
        group.bench_function(BenchmarkId::new("gpu-resident", n), |b| {
            b.iter(|| ok(reduction.run(ctx)))
        });
        if ctx.has_timestamps() {
            group.bench_function(BenchmarkId::new("gpu-kernels", n), |b| {
                b.iter_custom(|iters| {
                    ok(gpu_time(ctx, &reduction, repeats(iters))).unwrap_or(Duration::ZERO)
                })
            });
        }
    }
    group.finish();
}

fn main() {
    let ctx = match GpuContext::with_timestamps() {
        Ok(ctx) => ctx,
        Err(GpuError::NoAdapter) => {
            eprintln!("SKIPPED: no GPU adapter");
            return;
        }
        Err(error) => {
            eprintln!("error: gpu_kernels: {error}");
            std::process::exit(1);
        }
    };
    let measuring = std::env::args().any(|a| a == "--bench");
    let full = std::env::var("COURSE_BENCH_MODE").is_ok_and(|m| m == "full");
    let software = if ctx.is_software() {
        " (software adapter)"
    } else {
        ""
    };
    let clock = if ctx.has_timestamps() {
        "timestamp queries available"
    } else {
        "no timestamp queries"
    };
    eprintln!("gpu_kernels on {}{software}, {clock}", ctx.describe());
    if measuring && let Err(error) = record_adapter(&ctx) {
        eprintln!("error: gpu_kernels: {error}");
        std::process::exit(1);
    }

    let mut sizes = sizes(measuring, full, ctx.is_software());
    if measuring {
        // Reductions read every byte once: measure them beyond every cache
        // too, where bytes per second are memory bandwidth.
        let largest = sizes.reduce.iter().copied().max().unwrap_or(0);
        let beyond = beyond_cache_sizes(&ctx, full).into_iter();
        sizes.reduce.extend(beyond.filter(|&n| n > largest));
        sizes.reduce.dedup();
    }
    let mut c = Criterion::default().configure_from_args();
    reduce(&mut c, &ctx, &sizes.reduce);
    matmul(&mut c, &ctx, &sizes.matmul);
    fusion(&mut c, &ctx, &sizes.fusion);
    crossover(&mut c, &ctx, &sizes.crossover);
    c.final_summary();
}
