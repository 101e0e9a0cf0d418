//! The Scientific data examples, run as a learner runs them.
use scientific_data::check::bit_identical;
use scientific_data::scratch::ScratchDir;
use scientific_data::{csv, h5, npy, raw, rng::sample_data, say_skipped};
use std::time::Duration;
use testkit::run_example;

const LIMIT: Duration = Duration::from_secs(120);

#[test]
fn bits_and_bytes_prints_widths_precision_and_byte_order() {
    let run = run_example("bits_and_bytes", &[], LIMIT);
    run.assert_success();
    let expected = "\
type   bytes  bits
u8         1     8
i16        2    16
i32        4    32
i64        8    64
f32        4    32
f64        8    64
usize      8    64
bool       1     8

f32 keeps 6 decimal digits, f64 keeps 15
       0.1 through f32 -> 0.10000000149011612  changed
     0.375 through f32 -> 0.375                exact
  16777216 through f32 -> 16777216             exact
  16777217 through f32 -> 16777216             changed

1 as little-endian bytes: 00 00 00 00 00 00 f0 3f
1 as big-endian bytes:    3f f0 00 00 00 00 00 00
little-endian bytes read as big-endian: 3.03865e-319
";
    assert_eq!(run.stdout, expected);
}

/// The page shows `examples/file_sizes.txt`, the output of `file_sizes` for
/// 10 million doubles. The CSV, raw and .npy sizes follow from the formats
/// and the data, so they must match exactly; the HDF5 size depends on the
/// HDF5 library, so it must only be the data plus a small header.
#[test]
fn file_sizes_output_is_the_one_the_page_shows() {
    let run = run_example("file_sizes", &[], LIMIT);
    run.assert_success();
    let shown = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/file_sizes.txt"),
    )
    .expect("examples/file_sizes.txt exists");
    let printed: Vec<&str> = run.stdout.lines().collect();
    let expected: Vec<&str> = shown.lines().collect();
    assert_eq!(printed.len(), expected.len(), "{}", run.stdout);
    for (line, want) in printed.iter().zip(&expected) {
        if want.starts_with("hdf5") {
            if h5::ENABLED {
                let bytes: u64 = line[7..25].replace(' ', "").parse().expect("a size");
                assert!(bytes > 80_000_000 && bytes < 80_008_192, "{line}");
            } else {
                say_skipped("the HDF5 file size", "this build has no HDF5");
            }
        } else {
            assert_eq!(line, want);
        }
    }
    // The sizes the formats promise, computed independently.
    assert!(expected[2].contains(" 201 071 514 "), "{}", expected[2]);
    assert!(expected[3].contains(" 80 000 000 "));
    assert!(expected[4].contains(" 80 000 128 "));
}

#[test]
fn csv_size_without_writing_matches_the_written_file() {
    let dir = ScratchDir::new("example-sizes");
    let values = sample_data(200_000);
    let path = dir.join("v.csv");
    csv::write(&path, &values).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        csv::file_size(&values)
    );
}

#[test]
fn memory_map_gives_the_same_numbers_as_reading() {
    let run = run_example("memory_map", &["100000"], LIMIT);
    run.assert_success();
    let lines: Vec<&str> = run.stdout.lines().collect();
    let sum: f64 = sample_data(100_000).iter().sum();
    assert_eq!(
        lines,
        [
            "shape [100000]".to_string(),
            format!("sum of the copy:        {sum}"),
            format!("sum of the mapped file: {sum}"),
            "the first mapped value is at byte 128 of its page: right after the header".to_string(),
        ]
    );
}

#[test]
fn access_order_reads_every_byte_in_every_order() {
    let run = run_example("access_order", &["100000"], LIMIT);
    run.assert_success();
    let checksum = scientific_data::access::checksum(&sample_data(100_000));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    for (line, what) in lines.iter().zip([
        "4 KiB blocks, in order",
        "4 KiB blocks, shuffled",
        "8-byte values, in order",
        "8-byte values, shuffled",
    ]) {
        assert!(line.starts_with(what), "{line}");
        assert!(line.contains(" GB/s  "), "{line}");
        assert!(
            line.ends_with(&format!("checksum {checksum:016x}")),
            "{line}"
        );
    }
}

#[test]
fn inspect_reads_every_format() {
    let dir = ScratchDir::new("example-inspect");
    let values = [0.5, -1.25, 3.0];
    let mut files = vec![
        ("v.csv", "CSV text"),
        ("v.f64", "raw little-endian f64"),
        ("v.npy", "NumPy .npy"),
    ];
    csv::write(&dir.join("v.csv"), &values).unwrap();
    raw::write(&dir.join("v.f64"), &values).unwrap();
    npy::write(&dir.join("v.npy"), &values).unwrap();
    if h5::ENABLED {
        h5::write(&dir.join("v.h5"), &values).unwrap();
        files.push(("v.h5", "HDF5"));
    } else {
        say_skipped("inspect on an HDF5 file", "this build has no HDF5");
    }
    for (name, format) in files {
        let path = dir.join(name);
        let path = path.to_str().unwrap();
        let run = run_example("inspect", &[path], LIMIT);
        run.assert_success();
        assert_eq!(
            run.stdout,
            format!("{path}: {format}, 3 values\nfirst 0.5, last 3, mean 0.75\n")
        );
    }
}

/// Runs `inspect` on a file with `bytes` and returns its one-line error.
fn inspect_error(dir: &ScratchDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let path = path.to_str().unwrap();
    let run = run_example("inspect", &[path], LIMIT);
    assert_eq!(run.code, Some(1), "{run:#?}");
    assert!(run.stdout.is_empty());
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "one line, no backtrace: {run:#?}"
    );
    run.stderr
        .strip_prefix(&format!("error: {path}: "))
        .unwrap_or_else(|| panic!("{run:#?}"))
        .trim_end()
        .to_string()
}

#[test]
fn bad_files_give_a_one_line_error_and_exit_1() {
    let dir = ScratchDir::new("example-bad");
    let good = dir.join("good.npy");
    npy::write(&good, &sample_data(1000)).unwrap();
    let bytes = std::fs::read(&good).unwrap();

    assert_eq!(
        inspect_error(&dir, "cut.npy", &bytes[..5000]),
        "truncated: expected 8000 bytes of data, found 4872"
    );
    assert_eq!(
        inspect_error(&dir, "cut-header.npy", &bytes[..50]),
        "truncated: the file ends inside its header (50 of 128 bytes)"
    );
    let mut f4 = bytes.clone();
    let at = f4.windows(3).position(|w| w == b"<f8").unwrap();
    f4[at..at + 3].copy_from_slice(b"<f4");
    assert_eq!(
        inspect_error(&dir, "f4.npy", &f4),
        "the file holds dtype '<f4', expected '<f8' (little-endian f64)"
    );
    assert_eq!(
        inspect_error(&dir, "text.npy", b"value\n1.5\n"),
        "not a .npy file (it does not start with \\x93NUMPY)"
    );
    assert_eq!(
        inspect_error(&dir, "cut.f64", &bytes[..1001]),
        "1001 bytes is not a whole number of 8-byte values (truncated?)"
    );
    assert_eq!(
        inspect_error(&dir, "cut.csv", b"value\n0.25\n0.5"),
        "line 3: the file ends without a newline (truncated?)"
    );
    assert_eq!(
        inspect_error(&dir, "words.csv", b"value\n0.25\nzero\n"),
        "line 3: \"zero\" is not a number"
    );
    if h5::ENABLED {
        let message = inspect_error(&dir, "fake.h5", &bytes);
        assert!(message.starts_with("HDF5: "), "{message}");
    } else {
        say_skipped("a bad HDF5 file", "this build has no HDF5");
    }
    let missing = dir.join("missing.npy");
    let run = run_example("inspect", &[missing.to_str().unwrap()], LIMIT);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .ends_with("No such file or directory (os error 2)\n")
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [&[][..], &["a.npy", "b.npy"], &["data.txt"]] {
        let run = run_example("inspect", args, LIMIT);
        assert_eq!(run.code, Some(2), "{run:#?}");
        assert!(run.stderr.starts_with("error: ") && run.stderr.contains("usage: inspect FILE"));
    }
    for example in ["file_sizes", "memory_map", "access_order"] {
        let run = run_example(example, &["lots"], LIMIT);
        assert_eq!(run.code, Some(2), "{run:#?}");
        assert_eq!(
            run.stderr,
            format!(
                "error: COUNT must be a whole number, got \"lots\" (usage: {example} [COUNT])\n"
            )
        );
    }
}

#[test]
fn the_exercise_checker_fails_on_the_untouched_starter() {
    // The solution passes under `--features solution` (`cargo xtask test`).
    if testkit::starter_edited("scientific-data", "roundtrip") {
        return;
    }
    let run = run_example("exercise_roundtrip", &[], LIMIT);
    assert_eq!(run.code, Some(1), "{run:#?}");
    assert!(
        run.stdout.starts_with("✗ roundtrip: write_grid: reading ")
            && run.stdout.ends_with("is the file written?\n"),
        "{}",
        run.stdout
    );
}

#[path = "../exercises/roundtrip_solution.rs"]
mod roundtrip_solution;

#[test]
fn the_exercise_solution_round_trips_npy_exactly_and_csv_to_6_decimals() {
    let dir = ScratchDir::new("exercise");
    let path = dir.join("wave.npy");
    let values = scientific_data::exercise::grid(100, 200);
    roundtrip_solution::write_grid(&path, 100, 200, &values).unwrap();
    let (shape, back) = roundtrip_solution::read_grid(&path).unwrap();
    assert_eq!(shape, [100, 200]);
    assert!(bit_identical(&back, &values));
    let error = roundtrip_solution::csv_error(&dir.join("wave.csv"), &values, 6).unwrap();
    assert_eq!(format!("{error:.1e}"), "5.0e-7");
}
