//! How large is a file of COUNT doubles (default 10 million) in each format?
//! CSV, raw and .npy sizes follow from the format and the data; the HDF5
//! file is written to a scratch directory and measured.
use course_cli::files::ScratchDir;
use course_cli::{AtPath, Error, Usage, memory, run};
use scientific_data::{csv, grouped, h5, npy, rng::sample_data};

const USAGE: Usage = Usage::new(
    "file_sizes",
    "[COUNT]",
    "prints the size of COUNT doubles as CSV, raw, .npy and HDF5",
)
.details("COUNT  doubles, 1 to 1_000_000_000 (default 10_000_000)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let count: usize = args.count("COUNT", 10_000_000, 1..=1_000_000_000)?;
        args.done()?;
        memory::ensure_items_fit(count as u64, 8, "doubles")?;
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
            let dir = ScratchDir::new("file-sizes")?;
            let path = dir.join("values.h5");
            h5::write(&path, &values).at(&path)?;
            let size = std::fs::metadata(&path)
                .map_err(|e| Error::io("measure", &path, e))?
                .len();
            row("hdf5", size);
        } else {
            println!("hdf5   not in this build (cargo feature `hdf5` is off)");
        }
        Ok(())
    })
}
// ANCHOR_END: main
