//! The stack: memory latency (pointer chasing over working sets from 4 KiB
//! to 1 GiB), STREAM-style memory bandwidth, and vectorisation (sums, an
//! element-wise add, the dot-product exercise). Ids are
//! `stack/<topic>/<variant>[/<size>]`; the page's tables and plots read them.
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use stack::dot::{dot_solution, dot_starter};
use stack::latency::{Pages, chase, random_cycle, working_sets};
use stack::stream::{
    ADD_BYTES, COPY_BYTES, SCALE_BYTES, TRIAD_BYTES, add, copy, filled_in_parallel, scale, triad,
    triad_parallel,
};
use stack::sum::{add_indexed, add_zip, sum_chunked, sum_fold, sum_indexed};
use std::hint::black_box;

/// Loads per iteration of the chase: enough to dwarf the loop's overhead,
/// few enough that a 1 GiB working set takes a couple of milliseconds.
const CHASE_STEPS: usize = 1 << 14;

fn latency(c: &mut Criterion) {
    let mut group = c.benchmark_group("stack/latency");
    group.throughput(Throughput::Elements(CHASE_STEPS as u64));
    for bytes in working_sets(1 << 30) {
        // Huge pages at every size; ordinary 4 KiB pages at the powers of
        // two, to show what address translation adds.
        let mut variants = vec![("chase", Pages::Huge)];
        if bytes.is_power_of_two() {
            variants.push(("chase-4k-pages", Pages::Small));
        }
        for (name, pages) in variants {
            let nodes = random_cycle(bytes, 2024, pages);
            // Carry on from where the last iteration stopped, so a big cycle
            // is never re-walked from the same start (which would warm its
            // first nodes into the cache).
            let mut at = 0;
            group.bench_function(BenchmarkId::new(name, bytes), |b| {
                b.iter(|| {
                    at = chase(black_box(&nodes), at, CHASE_STEPS);
                    at
                })
            });
        }
    }
    group.finish();
}

/// Elements per STREAM array: 160 MB each, 480 MB for three, at least four
/// times any last-level cache of today's desktop and laptop processors (STREAM's rule).
const STREAM_N: usize = 20_000_000;

fn stream(c: &mut Criterion) {
    let mut group = c.benchmark_group("stack/stream");
    // First touched in parallel, in the chunks of the all-cores triad, so
    // that on a multi-socket node the pages are spread over its memory.
    let (mut a, mut b, mut cc) = (
        filled_in_parallel(STREAM_N, 1.0),
        filled_in_parallel(STREAM_N, 2.0),
        filled_in_parallel(STREAM_N, 0.0),
    );
    let s = 3.0;
    let bytes = |per_element: usize| Throughput::Bytes((per_element * STREAM_N) as u64);
    group.throughput(bytes(COPY_BYTES));
    group.bench_function("copy", |bench| bench.iter(|| copy(&mut cc, black_box(&a))));
    group.throughput(bytes(SCALE_BYTES));
    group.bench_function("scale", |bench| {
        bench.iter(|| scale(&mut b, black_box(&cc), s))
    });
    group.throughput(bytes(ADD_BYTES));
    group.bench_function("add", |bench| {
        bench.iter(|| add(&mut cc, black_box(&a), black_box(&b)))
    });
    group.throughput(bytes(TRIAD_BYTES));
    group.bench_function("triad-all-cores", |bench| {
        bench.iter(|| triad_parallel(&mut a, black_box(&b), black_box(&cc), s))
    });
    // The single-core triad last, right before the sums of `sums`: the page
    // compares the two, and on a shared machine the background changes
    // from minute to minute.
    group.bench_function("triad", |bench| {
        bench.iter(|| triad(&mut a, black_box(&b), black_box(&cc), s))
    });
    group.finish();
}

/// In main memory (80 MB; measured first, right after the triad) and in
/// cache (16 KiB, inside every L1 data cache).
const SUM_SIZES: [usize; 2] = [10_000_000, 2048];

fn sums(c: &mut Criterion) {
    let mut group = c.benchmark_group("stack/sum");
    for n in SUM_SIZES {
        let values: Vec<f64> = (0..n).map(|i| (i % 10) as f64).collect();
        let array = stack::ndarray::Array1::from(values.clone());
        group.throughput(Throughput::Bytes((n * 8) as u64));
        group.bench_function(BenchmarkId::new("chunked", n), |b| {
            b.iter(|| sum_chunked(black_box(&values)))
        });
        group.bench_function(BenchmarkId::new("indexed", n), |b| {
            b.iter(|| sum_indexed(black_box(&values)))
        });
        group.bench_function(BenchmarkId::new("fold", n), |b| {
            b.iter(|| sum_fold(black_box(&values)))
        });
        group.bench_function(BenchmarkId::new("ndarray-sum", n), |b| {
            b.iter(|| black_box(&array).sum())
        });
    }
    group.finish();
}

/// Element-wise add and the dot-product exercise, in cache, where the
/// instructions (not memory) set the pace.
const IN_CACHE: usize = 2048;

fn bounds_checks_and_exercise(c: &mut Criterion) {
    let x: Vec<f64> = (0..IN_CACHE).map(|i| (i % 7) as f64).collect();
    let y: Vec<f64> = (0..IN_CACHE).map(|i| (i % 3) as f64).collect();
    let mut out = vec![0.0; IN_CACHE];

    let mut group = c.benchmark_group("stack/add");
    group.throughput(Throughput::Bytes((24 * IN_CACHE) as u64));
    group.bench_function(BenchmarkId::new("indexed", IN_CACHE), |b| {
        b.iter(|| add_indexed(&mut out, black_box(&x), black_box(&y)))
    });
    group.bench_function(BenchmarkId::new("zip", IN_CACHE), |b| {
        b.iter(|| add_zip(&mut out, black_box(&x), black_box(&y)))
    });
    group.finish();

    let mut group = c.benchmark_group("stack/dot");
    group.throughput(Throughput::Bytes((16 * IN_CACHE) as u64));
    group.bench_function(BenchmarkId::new("starter", IN_CACHE), |b| {
        b.iter(|| dot_starter(black_box(&x), black_box(&y)))
    });
    group.bench_function(BenchmarkId::new("solution", IN_CACHE), |b| {
        b.iter(|| dot_solution(black_box(&x), black_box(&y)))
    });
    group.finish();
}

criterion_group!(benches, stream, sums, bounds_checks_and_exercise, latency);
criterion_main!(benches);
