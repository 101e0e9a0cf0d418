//! Sequential vs random access to the same file of COUNT doubles (default
//! 10 million): 4 KiB blocks with one system call each, in order and
//! shuffled; and single values through a memory map, in order and shuffled.
use course_cli::files::ScratchDir;
use course_cli::{AtPath, Usage, memory, run};
use scientific_data::access::{block_count, gather, in_order, read_blocks};
use scientific_data::mapped::with_raw_values;
use scientific_data::raw;
use scientific_data::rng::{sample_data, shuffled};
use std::time::Instant;

const USAGE: Usage = Usage::new(
    "access_order",
    "[COUNT]",
    "reads one file of doubles in order and shuffled, by blocks and through a map",
)
.details("COUNT  doubles in the file, 1 to 1_000_000_000 (default 10_000_000)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let count: usize = args.count("COUNT", 10_000_000, 1..=1_000_000_000)?;
        args.done()?;
        // The values, then an order of all of them (in order, then shuffled).
        memory::ensure_items_fit(2 * count as u64, 8, "8-byte numbers")?;
        let dir = ScratchDir::new("access-order")?;
        let path = dir.join("values.f64");
        raw::write(&path, &sample_data(count)).at(&path)?;
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
            let checksum = read_blocks(&path, &order).at(&path)?;
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
        .at(&path)?;
        Ok(())
    })
}
// ANCHOR_END: main
