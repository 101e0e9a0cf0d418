//! Parallel computing: strong scaling of Monte Carlo π and the Mandelbrot set
//! over 1..N threads (N = this machine's cores), load balance, more threads
//! than cores, and false sharing. Ids are `parallel/<topic>/<function>[/<p>]`,
//! where `p` is a thread count only in the strong-scaling sweep; every other
//! id names no thread count (those rows run on all cores, or name threads per
//! core), so the page can name them on any machine. The work grows with the
//! core count (samples, chunks, rows), so a 128-core node has enough to do.
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use parallel::false_sharing::{count_adjacent, count_padded};
use parallel::mandelbrot::{
    View, mandelbrot_rayon_rows, mandelbrot_scope_bands, mandelbrot_static_blocks,
};
use parallel::pi::{Plan, SEED, chunks_for, pi_rayon};
use parallel::thread_pool as pool;
use std::hint::black_box;
use testkit::{cores, scaling_counts};

/// The Monte Carlo run of every benchmark: 10 million samples, or a million
/// per core on a machine with more than ten cores, in at least 8 chunks per
/// core.
fn plan() -> Plan {
    let samples = (1_000_000 * cores() as u64).max(10_000_000);
    Plan::new(samples, chunks_for(cores()), SEED)
}

/// Rows of the Mandelbrot image per core, at least: 8 bands of
/// [`BAND_ROWS`] rows for every thread.
const ROWS_PER_CORE: usize = 32;

/// Rows per task of the `scope-bands` schedule.
const BAND_ROWS: usize = 4;

/// The Mandelbrot image of every run: the upper half of the set, 640 pixels
/// wide (267 rows), at most 500 iterations per pixel; on a machine with more
/// than 8 cores, 32 rows per core.
fn view() -> View {
    View::upper_half(640, 500).with_min_rows(ROWS_PER_CORE * cores())
}

fn strong_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("parallel/strong-scaling");
    // Each run takes tens of milliseconds: the same number of runs per sample
    // keeps the measurement short.
    group.sampling_mode(SamplingMode::Flat);
    let plan = plan();
    let view = view();
    // 1, 2, 4, … up to the core count, and the core count itself.
    for threads in scaling_counts(cores()) {
        let pool = pool(threads);
        group.throughput(Throughput::Elements(plan.samples));
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
/// thread fixed in advance, one rayon task per row, one task per band of
/// [`BAND_ROWS`] rows. The ids carry no thread count, so the page can name them on any
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
        b.iter(|| pool.install(|| mandelbrot_scope_bands(black_box(&view), BAND_ROWS)))
    });
    group.finish();
}

/// Monte Carlo π with one, two and four times as many threads as cores. The
/// parameter is threads per core (`1x`, `2x`, `4x`), not a thread count, so
/// `monte-carlo-pi/1x` is "all cores" on any machine.
fn oversubscription(c: &mut Criterion) {
    let mut group = c.benchmark_group("parallel/oversubscription");
    // Each run takes tens of milliseconds: the same number of runs per sample
    // keeps the measurement short.
    group.sampling_mode(SamplingMode::Flat);
    let plan = plan();
    group.throughput(Throughput::Elements(plan.samples));
    for per_core in [1, 2, 4] {
        let pool = pool(per_core * cores());
        let id = BenchmarkId::new("monte-carlo-pi", format!("{per_core}x"));
        group.bench_function(id, |b| {
            b.iter(|| pool.install(|| pi_rayon(black_box(&plan))))
        });
    }
    group.finish();
}

/// Two threads, two counters: in one cache line, then padded apart. Two by
/// construction (one thread per counter), whatever the core count.
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
