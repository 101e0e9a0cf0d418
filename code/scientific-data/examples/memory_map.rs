//! Reads a .npy file through a memory map: the numbers are used where the
//! operating system put them, without copying them into a Vec.
use scientific_data::cli::{TEN_MILLION, fail, parse_count};
use scientific_data::mapped::MappedNpy;
use scientific_data::{npy, rng::sample_data, scratch::ScratchDir};

// ANCHOR: main
fn main() {
    let arg = std::env::args().nth(1);
    let count = parse_count(arg.as_deref(), TEN_MILLION)
        .unwrap_or_else(|message| fail(format!("{message} (usage: memory_map [COUNT])"), 2));
    let dir = ScratchDir::new("memory-map");
    let path = dir.join("values.npy");
    npy::write(&path, &sample_data(count)).unwrap_or_else(|e| fail(e, 1));

    // Read: the file's bytes are copied into a new array on the heap.
    let copied = npy::read(&path).unwrap_or_else(|e| fail(e, 1));
    // Map: the array *is* the file's bytes in the page cache.
    let mapped = MappedNpy::open(&path).unwrap_or_else(|e| fail(e, 1));
    let in_place = mapped.values().unwrap_or_else(|e| fail(e, 1));

    println!("shape {:?}", mapped.shape());
    println!("sum of the copy:        {}", copied.iter().sum::<f64>());
    println!("sum of the mapped file: {}", in_place.iter().sum::<f64>());
    // A map starts at a page boundary (4 KiB), so the offset of the first
    // value within its page is its offset in the file: just after the header.
    println!(
        "the first mapped value is at byte {} of its page: right after the header",
        in_place.as_ptr() as usize % 4096
    );
}
// ANCHOR_END: main
