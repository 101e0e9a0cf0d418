//! How large is a file of COUNT doubles (default 10 million) in each format?
//! CSV, raw and .npy sizes follow from the format and the data; the HDF5
//! file is written to a scratch directory and measured.
use scientific_data::cli::{TEN_MILLION, fail, grouped, parse_count};
use scientific_data::{csv, h5, npy, rng::sample_data, scratch::ScratchDir};

// ANCHOR: main
fn main() {
    let arg = std::env::args().nth(1);
    let count = parse_count(arg.as_deref(), TEN_MILLION)
        .unwrap_or_else(|message| fail(format!("{message} (usage: file_sizes [COUNT])"), 2));
    let values = sample_data(count);
    let memory = 8 * count as u64;
    println!(
        "{} doubles, {} bytes in memory",
        grouped(count as u64),
        grouped(memory)
    );
    println!("format  file size (bytes)  bytes per value");

    let row = |name: &str, size: u64| {
        let per_value = size as f64 / count as f64;
        println!("{name:<6} {:>18}  {per_value:>15.2}", grouped(size));
    };
    row("csv", csv::file_size(&values));
    row("raw", memory);
    row("npy", npy::header_bytes(&[count]).len() as u64 + memory);
    if h5::ENABLED {
        let dir = ScratchDir::new("file-sizes");
        let path = dir.join("values.h5");
        h5::write(&path, &values).unwrap_or_else(|e| fail(e, 1));
        let size = std::fs::metadata(&path)
            .unwrap_or_else(|e| fail(e, 1))
            .len();
        row("hdf5", size);
    } else {
        println!("hdf5   not in this build (cargo feature `hdf5` is off)");
    }
}
// ANCHOR_END: main
