//! Reads a file of doubles in any of the episode's formats (chosen by its
//! extension) and describes it. Bad files give a one-line error, never a
//! panic.
use scientific_data::cli::fail;
use scientific_data::{ReadFn, csv, h5, npy, raw};
use std::path::Path;

const USAGE: &str = "usage: inspect FILE (.csv, .f64, .npy or .h5)";

// ANCHOR: main
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file] = args.as_slice() else {
        fail(USAGE, 2);
    };
    let path = Path::new(file);
    let (format, read): (&str, ReadFn) = match path.extension().and_then(|e| e.to_str()) {
        Some("csv") => ("CSV text", csv::read),
        Some("f64") => ("raw little-endian f64", raw::read),
        Some("npy") => ("NumPy .npy", npy::read),
        Some("h5") => ("HDF5", h5::read),
        _ => fail(format!("{file}: unknown extension ({USAGE})"), 2),
    };
    let values = read(path).unwrap_or_else(|e| fail(format!("{file}: {e}"), 1));
    println!("{file}: {format}, {} values", values.len());
    if let (Some(first), Some(last)) = (values.first(), values.last()) {
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        println!("first {first}, last {last}, mean {mean}");
    }
}
// ANCHOR_END: main
