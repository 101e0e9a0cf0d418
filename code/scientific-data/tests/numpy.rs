//! NumPy and this crate read each other's files: `np.load` reads our
//! `.npy` (and `np.loadtxt` our CSV) bit for bit, our reader reads what
//! `np.save` writes, and our files are byte for byte the ones `np.save`
//! writes. Uses the course's Python (`.venv/bin/python3` at the workspace
//! root, made by `cargo xtask setup`); without it each test says SKIPPED
//! loudly instead of passing quietly.
use scientific_data::check::{bit_identical, tricky_values};
use scientific_data::scratch::ScratchDir;
use scientific_data::{Error, csv, npy, raw, rng::sample_data};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The course's Python with NumPy, or `None` after printing why.
fn python(test: &str) -> Option<PathBuf> {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python3");
    let works = Command::new(&python)
        .args(["-c", "import numpy"])
        .output()
        .is_ok_and(|out| out.status.success());
    if works {
        Some(python)
    } else {
        scientific_data::say_skipped(
            test,
            &format!(
                "no Python with NumPy at {} (run `cargo xtask setup` to create it)",
                python.display()
            ),
        );
        None
    }
}

/// Runs a Python snippet with the scratch directory as `sys.argv[1]`.
fn run_python(python: &Path, dir: &Path, code: &str) -> String {
    let out = Command::new(python)
        .args(["-c", code])
        .arg(dir)
        .output()
        .expect("start python");
    assert!(
        out.status.success(),
        "python failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn test_values() -> Vec<f64> {
    let mut values = tricky_values();
    values.extend(sample_data(10_000));
    values
}

#[test]
fn numpy_reads_our_npy_and_csv_bit_for_bit() {
    let Some(python) = python("numpy_reads_our_npy_and_csv_bit_for_bit") else {
        return;
    };
    let dir = ScratchDir::new("numpy-reads");
    let values = test_values();
    npy::write(&dir.join("ours.npy"), &values).unwrap();
    csv::write(&dir.join("ours.csv"), &values).unwrap();
    let grid: Vec<f64> = (0..12).map(|k| k as f64 * 0.5).collect();
    npy::write_array(&dir.join("grid.npy"), &[3, 4], &grid).unwrap();

    // NumPy loads our files and writes what it got as raw bytes (tofile),
    // plus its own np.save of the same arrays.
    let printed = run_python(
        &python,
        dir.path(),
        "import sys, numpy as np\n\
         d = sys.argv[1]\n\
         a = np.load(d + '/ours.npy')\n\
         g = np.load(d + '/grid.npy')\n\
         t = np.loadtxt(d + '/ours.csv', skiprows=1)\n\
         print(a.dtype, a.shape, g.shape, g[2, 1], t.dtype, t.shape)\n\
         a.tofile(d + '/npy-as-raw.f64')\n\
         t.tofile(d + '/csv-as-raw.f64')\n\
         np.save(d + '/theirs.npy', a)\n\
         np.save(d + '/theirs-grid.npy', g)\n",
    );
    let n = values.len();
    assert_eq!(
        printed,
        format!("float64 ({n},) (3, 4) 4.5 float64 ({n},)\n")
    );
    assert!(bit_identical(
        &raw::read(&dir.join("npy-as-raw.f64")).unwrap(),
        &values
    ));
    assert!(bit_identical(
        &raw::read(&dir.join("csv-as-raw.f64")).unwrap(),
        &values
    ));
    // Byte for byte the file NumPy writes: same header, same padding.
    for (ours, theirs) in [("ours.npy", "theirs.npy"), ("grid.npy", "theirs-grid.npy")] {
        assert_eq!(
            std::fs::read(dir.join(ours)).unwrap(),
            std::fs::read(dir.join(theirs)).unwrap(),
            "{ours} differs from NumPy's {theirs}"
        );
    }
}

#[test]
fn we_read_what_numpy_saves_and_refuse_what_we_cannot() {
    let Some(python) = python("we_read_what_numpy_saves_and_refuse_what_we_cannot") else {
        return;
    };
    let dir = ScratchDir::new("numpy-writes");
    run_python(
        &python,
        dir.path(),
        "import sys, numpy as np\n\
         d = sys.argv[1]\n\
         np.save(d + '/arange.npy', np.arange(1000) * 0.1)\n\
         np.save(d + '/matrix.npy', np.arange(24.0).reshape(2, 3, 4))\n\
         np.save(d + '/scalar.npy', np.float64(2.5))\n\
         np.save(d + '/f32.npy', np.arange(3, dtype=np.float32))\n\
         np.save(d + '/int.npy', np.arange(3))\n\
         np.save(d + '/big-endian.npy', np.arange(3.0).astype('>f8'))\n\
         np.save(d + '/fortran.npy', np.asfortranarray(np.ones((3, 4))))\n\
         np.save(d + '/table.npy', np.zeros(2, dtype=[('x', '<f8'), ('y', '<f8')]))\n",
    );
    let arange: Vec<f64> = (0..1000).map(|i| i as f64 * 0.1).collect();
    assert!(bit_identical(
        &npy::read(&dir.join("arange.npy")).unwrap(),
        &arange
    ));
    let (shape, matrix) = npy::read_array(&dir.join("matrix.npy")).unwrap();
    assert_eq!(shape, [2, 3, 4]);
    assert_eq!(matrix, (0..24).map(f64::from).collect::<Vec<_>>());
    assert_eq!(
        npy::read_array(&dir.join("scalar.npy")).unwrap(),
        (vec![], vec![2.5])
    );

    let error = |name: &str| npy::read(&dir.join(name)).unwrap_err();
    assert!(matches!(error("f32.npy"), Error::WrongDtype(d) if d == "<f4"));
    assert!(matches!(error("int.npy"), Error::WrongDtype(d) if d == "<i8"));
    assert!(matches!(error("big-endian.npy"), Error::WrongDtype(d) if d == ">f8"));
    assert!(matches!(error("fortran.npy"), Error::FortranOrder));
    assert!(matches!(error("table.npy"), Error::WrongDtype(d) if d.starts_with("[('x'")));
}

// Only its `write_grid` is needed here.
#[allow(dead_code)]
#[path = "../exercises/roundtrip_solution.rs"]
mod roundtrip_solution;

#[test]
fn numpy_reads_the_exercise_file() {
    let Some(python) = python("numpy_reads_the_exercise_file") else {
        return;
    };
    let dir = ScratchDir::new("numpy-exercise");
    let path = dir.join("wave.npy");
    roundtrip_solution::write_grid(&path, 100, 200, &scientific_data::exercise::grid(100, 200))
        .unwrap();
    // The command the page shows, with the file's full path.
    let printed = run_python(
        &python,
        dir.path(),
        "import sys, numpy as np\n\
         a = np.load(sys.argv[1] + '/wave.npy')\n\
         print(a.shape, a.dtype)\n\
         a.tofile(sys.argv[1] + '/wave.f64')\n",
    );
    assert_eq!(printed, "(100, 200) float64\n");
    let back = raw::read(&dir.join("wave.f64")).unwrap();
    assert!(bit_identical(
        &back,
        &scientific_data::exercise::grid(100, 200)
    ));
}
