//! Parallel computing: strong scaling of Monte Carlo π and the Mandelbrot set
//! over 1..N threads (N = this machine's cores), load balance, more threads
//! than cores, and false sharing. Ids are `parallel/<topic>/<function>/<threads>`;
//! the page's tables and plots read them.
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use parallel::false_sharing::{count_adjacent, count_padded};
use parallel::mandelbrot::{
    View, mandelbrot_rayon_rows, mandelbrot_scope_bands, mandelbrot_static_blocks,
};
use parallel::pi::{CHUNKS, Plan, SEED, pi_rayon};
use parallel::thread_pool as pool;
use std::hint::black_box;

/// Monte Carlo samples per run.
const SAMPLES: u64 = 10_000_000;

/// The Mandelbrot image of every run: the upper half of the set, 640 pixels
/// wide, at most 500 iterations per pixel.
fn view() -> View {
    View::upper_half(640, 500)
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// 1, 2, 4, … up to the core count, and the core count itself.
fn thread_counts() -> Vec<usize> {
    let n = cores();
    let mut counts: Vec<usize> = (0..).map(|k| 1 << k).take_while(|&t| t < n).collect();
    counts.push(n);
    counts
}

fn strong_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("parallel/strong-scaling");
    // Each run takes tens of milliseconds: the same number of runs per sample
    // keeps the measurement short.
    group.sampling_mode(SamplingMode::Flat);
    let plan = Plan::new(SAMPLES, CHUNKS, SEED);
    let view = view();
    for threads in thread_counts() {
        let pool = pool(threads);
        group.throughput(Throughput::Elements(SAMPLES));
        group.bench_function(BenchmarkId::new("monte-carlo-pi", threads), |b| {
            b.iter(|| pool.install(|| pi_rayon(black_box(&plan))))
        });
        group.throughput(Throughput::Elements((view.width * view.height) as u64));
        group.bench_function(BenchmarkId::new("mandelbrot", threads), |b| {
            b.iter(|| pool.install(|| mandelbrot_rayon_rows(black_box(&view))))
        });
    }
    group.finish();
}

/// Three schedules of the same image on all cores: one block of rows per
/// thread fixed in advance, one rayon task per row, one task per band of 8
/// rows. The ids carry no thread count, so the page can name them on any
/// machine.
fn load_balance(c: &mut Criterion) {
    let mut group = c.benchmark_group("parallel/load-balance");
    // Each run takes tens of milliseconds: the same number of runs per sample
    // keeps the measurement short.
    group.sampling_mode(SamplingMode::Flat);
    let view = view();
    let threads = cores();
    let pool = pool(threads);
    group.throughput(Throughput::Elements((view.width * view.height) as u64));
    group.bench_function("static-blocks", |b| {
        b.iter(|| mandelbrot_static_blocks(black_box(&view), threads))
    });
    group.bench_function("rayon-rows", |b| {
        b.iter(|| pool.install(|| mandelbrot_rayon_rows(black_box(&view))))
    });
    group.bench_function("scope-bands", |b| {
        b.iter(|| pool.install(|| mandelbrot_scope_bands(black_box(&view), 8)))
    });
    group.finish();
}

/// Monte Carlo π with one, two and four times as many threads as cores.
fn oversubscription(c: &mut Criterion) {
    let mut group = c.benchmark_group("parallel/oversubscription");
    // Each run takes tens of milliseconds: the same number of runs per sample
    // keeps the measurement short.
    group.sampling_mode(SamplingMode::Flat);
    let plan = Plan::new(SAMPLES, CHUNKS, SEED);
    group.throughput(Throughput::Elements(SAMPLES));
    for threads in [1, 2, 4].map(|k| k * cores()) {
        let pool = pool(threads);
        group.bench_function(BenchmarkId::new("monte-carlo-pi", threads), |b| {
            b.iter(|| pool.install(|| pi_rayon(black_box(&plan))))
        });
    }
    group.finish();
}

/// Two threads, two counters: in one cache line, then padded apart.
fn false_sharing(c: &mut Criterion) {
    const INCREMENTS: u64 = 2_000_000;
    let mut group = c.benchmark_group("parallel/false-sharing");
    group.throughput(Throughput::Elements(2 * INCREMENTS));
    group.bench_function("adjacent", |b| {
        b.iter(|| count_adjacent(black_box(INCREMENTS)))
    });
    group.bench_function("padded", |b| b.iter(|| count_padded(black_box(INCREMENTS))));
    group.finish();
}

criterion_group!(
    benches,
    strong_scaling,
    load_balance,
    oversubscription,
    false_sharing
);
criterion_main!(benches);
