//! Solution of the round-trip exercise: .npy keeps every bit, CSV with 6
//! decimals keeps 6 decimals.
use scientific_data::check::{bit_identical, max_abs_difference};
use scientific_data::cli::fail;
use scientific_data::exercise::grid;
use scientific_data::{csv, npy};

// ANCHOR: main
fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "wave.npy".to_string());
    let (rows, cols) = (100, 200);
    let values = grid(rows, cols);
    println!("{} values to write to {path}", values.len());

    npy::write_array(path.as_ref(), &[rows, cols], &values).unwrap_or_else(|e| fail(e, 1));
    let (shape, back) = npy::read_array(path.as_ref()).unwrap_or_else(|e| fail(e, 1));
    println!("read back shape {shape:?}");
    println!(
        "bit-identical: {}",
        shape == [rows, cols] && bit_identical(&back, &values)
    );

    let text = format!("{path}.csv");
    csv::write_fixed(text.as_ref(), &values, 6).unwrap_or_else(|e| fail(e, 1));
    let from_text = csv::read(text.as_ref()).unwrap_or_else(|e| fail(e, 1));
    let error = max_abs_difference(&from_text, &values);
    println!("CSV with 6 decimals: largest difference {error:.1e}");
}
// ANCHOR_END: main
