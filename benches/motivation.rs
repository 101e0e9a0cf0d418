//! Motivation: time per element of both loop orders (and the column-major
//! fix) as the array grows. Ids are `motivation/loop-order/<variant>/<n>`;
//! the page's table and plot read them.
//!
//! Beside each power of two from 1024 up sit sizes that are not powers of
//! two (1000 and 1100, 2000 and 2100, 4000 and 4104). At a power of two the
//! column walk's stride, `n * 8` bytes, is a multiple of 4 KiB, so every
//! element of a column falls into the same few cache sets; at the sizes
//! beside it the stride spreads them out, while the data and the pages
//! touched stay almost the same. Comparing neighbours tells set conflicts
//! apart from capacity and address-translation (TLB) misses.
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use motivation::{
    ColMajor, RowMajor, sum_cols_outer, sum_cols_outer_col_major, sum_rows_outer, test_value,
};
use std::hint::black_box;

/// Square arrays from 32 KiB (fits in L1) to 128 MiB (far beyond any cache),
/// with sizes that are not powers of two beside 1024, 2048 and 4096.
/// (4104 = 4096 + 8: each row one 64-byte cache line longer.)
const SIZES: [usize; 13] = [
    64, 128, 256, 512, 1000, 1024, 1100, 2000, 2048, 2100, 4000, 4096, 4104,
];

fn loop_order(c: &mut Criterion) {
    let mut group = c.benchmark_group("motivation/loop-order");
    for n in SIZES {
        let c_order = RowMajor::from_fn(n, n, test_value);
        let f_order = ColMajor::from_fn(n, n, test_value);
        group.throughput(Throughput::Elements((n * n) as u64));
        group.bench_function(BenchmarkId::new("rows-outer", n), |b| {
            b.iter(|| sum_rows_outer(black_box(&c_order)))
        });
        group.bench_function(BenchmarkId::new("cols-outer", n), |b| {
            b.iter(|| sum_cols_outer(black_box(&c_order)))
        });
        group.bench_function(BenchmarkId::new("col-major", n), |b| {
            b.iter(|| sum_cols_outer_col_major(black_box(&f_order)))
        });
    }
    group.finish();
}

criterion_group!(benches, loop_order);
criterion_main!(benches);
