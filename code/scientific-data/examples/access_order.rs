//! Sequential vs random access to the same file of COUNT doubles (default
//! 10 million): 4 KiB blocks with one system call each, in order and
//! shuffled; and single values through a memory map, in order and shuffled.
use scientific_data::access::{block_count, gather, in_order, read_blocks};
use scientific_data::cli::{TEN_MILLION, fail, parse_count};
use scientific_data::mapped::with_raw_values;
use scientific_data::rng::{sample_data, shuffled};
use scientific_data::{raw, scratch::ScratchDir};
use std::time::Instant;

// ANCHOR: main
fn main() {
    let arg = std::env::args().nth(1);
    let count = parse_count(arg.as_deref(), TEN_MILLION)
        .unwrap_or_else(|message| fail(format!("{message} (usage: access_order [COUNT])"), 2));
    let dir = ScratchDir::new("access-order");
    let path = dir.join("values.f64");
    raw::write(&path, &sample_data(count)).unwrap_or_else(|e| fail(e, 1));
    let bytes = 8.0 * count as f64;
    let report = |what: &str, seconds: f64, checksum: u64| {
        let rate = bytes / seconds / 1e9;
        println!("{what:<28} {rate:>7.2} GB/s  checksum {checksum:016x}");
    };

    let blocks = block_count(8 * count as u64);
    for (what, order) in [
        ("4 KiB blocks, in order", in_order(blocks)),
        ("4 KiB blocks, shuffled", shuffled(blocks)),
    ] {
        let start = Instant::now();
        let checksum = read_blocks(&path, &order).unwrap_or_else(|e| fail(e, 1));
        report(what, start.elapsed().as_secs_f64(), checksum);
    }
    with_raw_values(&path, |values| {
        for (what, order) in [
            ("8-byte values, in order", in_order(count)),
            ("8-byte values, shuffled", shuffled(count)),
        ] {
            let start = Instant::now();
            let checksum = gather(values, &order);
            report(what, start.elapsed().as_secs_f64(), checksum);
        }
    })
    .unwrap_or_else(|e| fail(e, 1));
}
// ANCHOR_END: main
