//! Reads a .npy file through a memory map: the numbers are used where the
//! operating system put them, without copying them into a Vec.
use course_cli::files::ScratchDir;
use course_cli::{AtPath, Usage, memory, run};
use scientific_data::mapped::MappedNpy;
use scientific_data::{npy, rng::sample_data};

const USAGE: Usage = Usage::new(
    "memory_map",
    "[COUNT]",
    "reads a .npy file of COUNT doubles by copying and through a memory map",
)
.details("COUNT  doubles, 1 to 1_000_000_000 (default 10_000_000)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let count: usize = args.count("COUNT", 10_000_000, 1..=1_000_000_000)?;
        args.done()?;
        // The values written, then the copy read back (the map is the file).
        memory::ensure_items_fit(2 * count as u64, 8, "doubles")?;
        let dir = ScratchDir::new("memory-map")?;
        let path = dir.join("values.npy");
        npy::write(&path, &sample_data(count)).at(&path)?;

        // Read: the file's bytes are copied into a new array on the heap.
        let copied = npy::read(&path).at(&path)?;
        // Map: the array *is* the file's bytes in the page cache.
        let mapped = MappedNpy::open(&path).at(&path)?;
        let in_place = mapped.values().at(&path)?;

        println!("shape {:?}", mapped.shape());
        println!("sum of the copy:        {}", copied.iter().sum::<f64>());
        println!("sum of the mapped file: {}", in_place.iter().sum::<f64>());
        // A map starts at a page boundary (4 KiB), so the offset of the first
        // value within its page is its offset in the file: just after the header.
        println!(
            "the first mapped value is at byte {} of its page: right after the header",
            in_place.as_ptr() as usize % 4096
        );
        Ok(())
    })
}
// ANCHOR_END: main
