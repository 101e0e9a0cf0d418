//! Checks "a round trip through NumPy": `cargo xtask exercise roundtrip`.
//! Our own `.npy` reader checks the learner's file, the learner's reader
//! reads a file of ours, and NumPy opens the learner's file when the
//! course's Python is installed.
use scientific_data::check::{bit_identical, max_abs_difference};
use scientific_data::exercise::grid;
use scientific_data::{csv, npy};
use std::path::{Path, PathBuf};
use std::process::{Command, exit};

#[cfg(not(feature = "solution"))]
#[path = "roundtrip.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "roundtrip_solution.rs"]
mod mine;

fn fail(hint: &str) -> ! {
    println!("✗ roundtrip: {hint}");
    exit(1)
}

/// Step 1: our reader must find the shape and every bit of the grid.
fn check_write(path: &Path, rows: usize, cols: usize, values: &[f64]) {
    if let Err(e) = mine::write_grid(path, rows, cols, values) {
        fail(&format!("write_grid returned an error: {e}"));
    }
    match npy::read_array(path) {
        Err(e) => fail(&format!(
            "write_grid: reading {} back gives \"{e}\": is the file written?",
            path.display()
        )),
        Ok((shape, _)) if shape != [rows, cols] => fail(&format!(
            "write_grid: the file says shape {shape:?}, expected [{rows}, {cols}]: use npy::write_array with the shape"
        )),
        Ok((_, back)) if !bit_identical(&back, values) => {
            fail("write_grid: the file holds other values than the grid")
        }
        Ok(_) => {}
    }
}

/// Step 2: the learner's reader on a file of ours with another shape.
fn check_read(dir: &Path) {
    let path = dir.join("ours.npy");
    let values = grid(30, 7);
    npy::write_array(&path, &[30, 7], &values).expect("write the checker's own file");
    match mine::read_grid(&path) {
        Err(e) => fail(&format!("read_grid returned an error on a good file: {e}")),
        Ok((shape, _)) if shape != [30, 7] => fail(&format!(
            "read_grid: a file of shape [30, 7] came back with shape {shape:?}"
        )),
        Ok((_, back)) if !bit_identical(&back, &values) => fail(&format!(
            "read_grid: the {} values did not come back bit for bit ({} came back)",
            values.len(),
            back.len()
        )),
        Ok(_) => {}
    }
}

/// Step 3: the CSV file's error, against the same computation done here.
fn check_csv(dir: &Path, values: &[f64]) -> f64 {
    let expected = {
        let path = dir.join("reference.csv");
        csv::write_fixed(&path, values, 6).expect("write the checker's CSV");
        max_abs_difference(&csv::read(&path).expect("read the checker's CSV"), values)
    };
    match mine::csv_error(&dir.join("wave.csv"), values, 6) {
        Err(e) => fail(&format!("csv_error returned an error: {e}")),
        Ok(got) if (got - expected).abs() > 1e-15 => fail(&format!(
            "csv_error returned {got:.1e}, but a CSV file with 6 decimals is off by up to {expected:.1e}: write with csv::write_fixed, read with csv::read, and compare"
        )),
        Ok(got) => got,
    }
}

/// Step 4: NumPy opens the file, if the course's Python has NumPy.
fn numpy_reads(path: &Path) -> Option<String> {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python3");
    let out = Command::new(&python)
        .args([
            "-c",
            "import sys, numpy as np; a = np.load(sys.argv[1]); print(a.shape, a.dtype)",
        ])
        .arg(path)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn main() {
    if std::env::args().len() > 1 {
        eprintln!("error: exercise_roundtrip takes no arguments");
        exit(2);
    }
    // Inside this checkout's (git-ignored) target/, so that learners sharing
    // a machine never share, or fight over, the file.
    let dir: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/exercises/roundtrip");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("error: cannot create {}: {e}", dir.display());
        exit(2);
    }
    let dir = dir.canonicalize().unwrap_or(dir);
    let (rows, cols) = (100, 200);
    let values = grid(rows, cols);
    let path = dir.join("wave.npy");
    // A file left by an earlier run must not pass for this one.
    let _ = std::fs::remove_file(&path);
    check_write(&path, rows, cols, &values);
    check_read(&dir);
    let error = check_csv(&dir, &values);
    println!("✓ roundtrip: correct");
    println!(
        "your .npy file: {} (bit for bit); CSV with 6 decimals: off by up to {error:.1e}",
        path.display()
    );
    match numpy_reads(&path) {
        Some(printed) if printed == "(100, 200) float64" => println!("NumPy reads it: {printed}"),
        Some(printed) => fail(&format!(
            "NumPy reads the file as {printed}, expected (100, 200) float64"
        )),
        None => println!(
            "(no Python with NumPy at .venv/bin/python3; try: python3 -c \"import numpy as np; print(np.load('{}').shape)\")",
            path.display()
        ),
    }
}
