//! Reads a file of doubles in any of the episode's formats (chosen by its
//! extension) and describes it. Bad files give a one-line error, never a
//! panic.
use course_cli::{Error, Usage, memory, run};
use scientific_data::{ReadFn, csv, h5, npy, raw};

const USAGE: Usage = Usage::new(
    "inspect",
    "FILE",
    "reads a file of doubles and describes it",
)
.details("FILE  a .csv, .f64 (raw little-endian), .npy or .h5 file");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let path = args.path("FILE")?;
        args.done()?;
        let file = path.display();
        // Bytes in memory per byte of file, at most: 8 per 2 for CSV ("0\n").
        let (format, read, growth): (&str, ReadFn, u64) =
            match path.extension().and_then(|e| e.to_str()) {
                Some("csv") => ("CSV text", csv::read, 4),
                Some("f64") => ("raw little-endian f64", raw::read, 1),
                Some("npy") => ("NumPy .npy", npy::read, 1),
                Some("h5") => ("HDF5", h5::read, 1),
                _ => return Err(args_error(&file.to_string())),
            };
        let metadata =
            std::fs::metadata(&path).map_err(|e| Error::failed(format!("{file}: {e}")))?;
        if metadata.is_dir() {
            return Err(Error::failed(format!("{file}: is a directory, not a file")));
        }
        memory::ensure_fits(
            metadata.len().saturating_mul(growth),
            &format!("{file}: its values"),
        )?;
        let values = read(&path).map_err(|e| Error::failed(format!("{file}: {}", one_line(&e))))?;
        println!("{file}: {format}, {} values", values.len());
        if let (Some(first), Some(last)) = (values.first(), values.last()) {
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            println!("first {first}, last {last}, mean {mean}");
        }
        Ok(())
    })
}
// ANCHOR_END: main

fn args_error(file: &str) -> Error {
    USAGE.error(format!(
        "{file}: unknown extension, expected .csv, .f64, .npy or .h5"
    ))
}

/// A library's message on one line (HDF5's span several).
fn one_line(error: &impl std::fmt::Display) -> String {
    let text = error.to_string();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("; ")
}
