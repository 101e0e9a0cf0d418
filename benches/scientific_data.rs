//! Scientific data: write and read 10 million doubles (80 MB) in each
//! format, and read the same file in order and at random. Ids are
//! `scientific-data/{write,read,access}/<function>`; the page's tables read
//! them. Files go to a scratch directory under the system's temporary
//! directory, removed at the end.
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use scientific_data::access::{block_count, gather, in_order, read_blocks};
use scientific_data::mapped::{MappedNpy, with_raw_values};
use scientific_data::rng::{sample_data, shuffled};
use scientific_data::scratch::ScratchDir;
use scientific_data::{ReadFn, WriteFn, csv, h5, npy, raw};
use std::hint::black_box;

/// 10 million doubles, as the episode measures; `cargo test --benches`
/// (which passes no `--bench`) runs every benchmark once on 100 000.
fn count() -> usize {
    if std::env::args().any(|a| a == "--bench") {
        10_000_000
    } else {
        100_000
    }
}

// ANCHOR: formats
/// Each format: its name (the table's row), file name, writer and reader.
fn formats() -> Vec<(&'static str, &'static str, WriteFn, ReadFn)> {
    let mut formats: Vec<(&str, &str, WriteFn, ReadFn)> = vec![
        ("csv", "values.csv", csv::write, csv::read),
        ("raw", "values.f64", raw::write, raw::read),
        ("npy", "values.npy", npy::write, npy::read),
    ];
    if h5::ENABLED {
        formats.push(("hdf5", "values.h5", h5::write, h5::read));
    }
    formats
}
// ANCHOR_END: formats

fn write_and_read(c: &mut Criterion) {
    let values = sample_data(count());
    let bytes = 8 * values.len() as u64;
    let dir = ScratchDir::new("bench");

    let mut group = c.benchmark_group("scientific-data/write");
    // One iteration takes tens of milliseconds to seconds: a fixed number
    // of iterations per sample keeps the run short.
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(bytes));
    for (name, file, write, _) in formats() {
        let path = dir.join(file);
        group.bench_function(name, |b| {
            b.iter(|| write(&path, black_box(&values)).expect("write"))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("scientific-data/read");
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(bytes));
    for (name, file, write, read) in formats() {
        let path = dir.join(file);
        write(&path, &values).expect("write");
        assert!(scientific_data::check::bit_identical(
            &read(&path).expect("read"),
            &values
        ));
        // Every read row adds up the values, as the map must (below), so
        // that the rows compare like with like.
        group.bench_function(name, |b| {
            b.iter(|| read(&path).expect("read").iter().sum::<f64>())
        });
    }
    // A map reads nothing until the numbers are used: map, then add them up.
    let npy_path = dir.join("values.npy");
    group.bench_function("npy-mmap", |b| {
        b.iter(|| {
            let mapped = MappedNpy::open(&npy_path).expect("map");
            mapped.values().expect("in place").iter().sum::<f64>()
        })
    });
    group.finish();
}

fn access(c: &mut Criterion) {
    let dir = ScratchDir::new("bench-access");
    let path = dir.join("values.f64");
    let count = count();
    let bytes = 8 * count as u64;
    raw::write(&path, &sample_data(count)).expect("write");
    let blocks = block_count(bytes);
    let (blocks_in_order, blocks_shuffled) = (in_order(blocks), shuffled(blocks));
    let (values_in_order, values_shuffled) = (in_order(count), shuffled(count));

    let mut group = c.benchmark_group("scientific-data/access");
    group.sampling_mode(SamplingMode::Flat);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("blocks-in-order", |b| {
        b.iter(|| read_blocks(&path, &blocks_in_order).expect("read"))
    });
    group.bench_function("blocks-shuffled", |b| {
        b.iter(|| read_blocks(&path, &blocks_shuffled).expect("read"))
    });
    with_raw_values(&path, |values| {
        group.bench_function("values-in-order", |b| {
            b.iter(|| gather(values, &values_in_order))
        });
        group.bench_function("values-shuffled", |b| {
            b.iter(|| gather(values, &values_shuffled))
        });
    })
    .expect("map");
    group.finish();
}

criterion_group!(benches, write_and_read, access);
criterion_main!(benches);
