//! The word count: every optimisation step gives exactly the counts of the
//! plain port, the program writes exactly what the lesson-style Python
//! program writes, and bad input gives a one-line error.
use performance::textgen;
use performance::wordcount::{
    STEPS, count_blocks, count_file_in_pieces, count_plain, cut_points, report, write_report,
};
use std::collections::hash_map::RandomState;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use testkit::run_example;

const LIMIT: Duration = Duration::from_secs(120);

/// Text that exercises every rule: empty lines, lines of delimiters only,
/// mixed case, non-ASCII letters (a final capital sigma, a dotted capital I
/// that lower-cases to two characters, ß), Unicode whitespace that Python
/// splits on (no-break space, em space, ideographic space, U+001C..U+001F,
/// next line U+0085), characters that are not whitespace (zero-width space,
/// byte-order mark), CR LF and a lone CR, tabs, and no newline at the end.
const TRICKY: &str = "The cat's hat -- the CAT'S hat!\n\
\n\
.,;:?$@^<>#%`!*-=()[]{}/\"'\n\
   \t  \n\
e-mail, E-Mail; e.mail (E_MAIL) [e]mail {E}MAIL\r\n\
\u{39f}\u{394}\u{39f}\u{3a3} \u{3bf}\u{3b4}\u{3cc}\u{3c2} \u{39f}\u{394}\u{38c}\u{3a3} \u{3a3} \u{3a3}\u{391}\u{3a3} straße STRASSE İstanbul ISTANBUL\r\
a\u{a0}b a\u{2003}b a\u{3000}b a\u{1c}b a\u{1d}b a\u{1e}b a\u{1f}b a\u{85}b\n\
a\u{200b}b \u{feff}bom x\u{b}y x\u{c}y x\u{2028}y x\u{2029}y\n\
Ǆemal ǅemal ǆemal Ωmega ΩMEGA ωmega\n\
a1 A1 1a 2024 2,024 $5.00 50%\n\
the end";

/// Counts what `feed` writes into a fresh FIFO with `count`: input that
/// can be read only once, in order, and has no length.
fn count_through_fifo(
    dir: &Path,
    count: performance::wordcount::Step,
    text: &str,
) -> Vec<(String, u64)> {
    let fifo = dir.join("fifo");
    let _ = std::fs::remove_file(&fifo);
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", fifo.display());
    let (path, bytes) = (fifo.clone(), text.as_bytes().to_vec());
    // Opening a FIFO for writing waits for the reader: write on a thread.
    let writer = std::thread::spawn(move || std::fs::write(path, bytes));
    let counts = count(&fifo).expect("a FIFO can be counted");
    writer.join().unwrap().expect("the text goes into the FIFO");
    counts
}

#[test]
fn every_step_counts_input_of_unknown_size_like_a_file() {
    let dir = temp_dir("unknown-size");
    let file = write(&dir, "tricky.txt", TRICKY);
    let from_file = count_plain(&file).unwrap();
    for (step, count) in STEPS {
        assert_eq!(
            count_through_fifo(&dir, count, TRICKY),
            from_file,
            "{step}: FIFO"
        );
    }
    // A /proc file says its size is 0 but has text (Linux only).
    if let Ok(version) = std::fs::read_to_string("/proc/version") {
        let copy = write(&dir, "version.txt", &version);
        let expected = count_plain(&copy).unwrap();
        assert!(!expected.is_empty());
        for (step, count) in STEPS {
            let counts = count(Path::new("/proc/version")).unwrap();
            assert_eq!(counts, expected, "{step}: /proc/version");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_report_that_cannot_be_written_leaves_no_file() {
    // /dev/full: every write fails with "No space left on device". The
    // temporary file beside an ordinary target is gone after the failure.
    let dir = temp_dir("full");
    let input = write(&dir, "in.txt", TRICKY);
    let run = run_example("wordcount", &[input.to_str().unwrap(), "/dev/full"], LIMIT);
    assert_eq!(run.code, Some(1), "{run:#?}");
    assert!(
        run.stderr
            .starts_with("error: cannot write /dev/full: No space left on device"),
        "{run:#?}"
    );
    let names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["in.txt"]);
    let _ = std::fs::remove_dir_all(&dir);
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("performance-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

fn write(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write a test input");
    path
}

#[test]
fn the_plain_port_counts_the_tricky_text_as_python_would() {
    let dir = temp_dir("tricky");
    let counts = count_plain(&write(&dir, "tricky.txt", TRICKY)).unwrap();
    let count_of = |word: &str| counts.iter().find(|(w, _)| w == word).map(|(_, c)| *c);
    assert_eq!(counts[0], ("the".to_string(), 3));
    assert_eq!(count_of("cat"), Some(2));
    assert_eq!(count_of("s"), Some(2), "the apostrophe is a delimiter");
    assert_eq!(count_of("e"), Some(5));
    assert_eq!(count_of("mail"), Some(5));
    assert_eq!(
        count_of("e_mail"),
        Some(1),
        "the underscore is not a delimiter"
    );
    // Final sigma: a capital sigma at the end of a word becomes 'ς'.
    assert_eq!(
        count_of("\u{3bf}\u{3b4}\u{3bf}\u{3c2}"),
        Some(1),
        "ΟΔΟΣ -> οδος"
    );
    assert_eq!(
        count_of("\u{3bf}\u{3b4}\u{3cc}\u{3c2}"),
        Some(2),
        "ΟΔΌΣ -> οδός"
    );
    assert_eq!(count_of("\u{3c3}"), Some(1), "a lone sigma is not final");
    assert_eq!(count_of("\u{3c3}\u{3b1}\u{3c2}"), Some(1), "ΣΑΣ -> σας");
    assert_eq!(
        count_of("i\u{307}stanbul"),
        Some(1),
        "İ lower-cases to i + U+0307"
    );
    assert_eq!(count_of("istanbul"), Some(1));
    assert_eq!(count_of("straße"), Some(1));
    assert_eq!(count_of("strasse"), Some(1));
    // Python splits on all of these, so "a" and "b" are separate words...
    assert_eq!(count_of("a"), Some(8));
    assert_eq!(count_of("x"), Some(4));
    // ...but not on a zero-width space or a byte-order mark.
    assert_eq!(count_of("a\u{200b}b"), Some(1));
    assert_eq!(count_of("\u{feff}bom"), Some(1));
    assert_eq!(count_of("ǆemal"), Some(3));
    assert_eq!(count_of("ωmega"), Some(3));
    assert_eq!(count_of("2"), Some(1));
    assert_eq!(count_of("024"), Some(1));
    assert_eq!(count_of("end"), Some(1));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_step_gives_the_plain_counts_in_the_same_order() {
    let dir = temp_dir("steps");
    let inputs = [
        ("tricky", TRICKY.to_string()),
        ("generated", textgen::generate(300_000, 11)),
        ("empty", String::new()),
        ("only-delimiters", "...,,,;;;\n\n!!!\n".to_string()),
        ("one-word-no-newline", "Word".to_string()),
        ("crlf", "A b\r\nB a\r\n\r\n".to_string()),
    ];
    for (name, text) in inputs {
        let path = write(&dir, &format!("{name}.txt"), &text);
        let plain = count_plain(&path).unwrap();
        for (step, count) in STEPS {
            assert_eq!(count(&path).unwrap(), plain, "step {step} on {name}");
        }
        // Tiny blocks: every word crosses a block boundary somewhere.
        for block in [1, 2, 7, 64] {
            let counts = count_blocks::<RandomState>(&path, block).unwrap();
            assert_eq!(counts, plain, "block of {block} bytes on {name}");
        }
        for pieces in [1, 2, 3, 17, 1000] {
            let counts = count_file_in_pieces(&path, pieces).unwrap();
            assert_eq!(counts, plain, "{pieces} pieces of the file {name}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_step_gives_the_plain_counts_on_several_generated_files() {
    // Two "files" of generated text, one with CR LF line ends,
    // a byte-order mark and a vocabulary of tens of thousands of words:
    // the parallel step's pieces and shards all have work.
    let dir = temp_dir("books");
    let text = textgen::generate(1_200_000, 3);
    assert!(text.starts_with('\u{feff}') && text.contains("\r\n"));
    let path = write(&dir, "books.txt", &text);
    let plain = count_plain(&path).unwrap();
    assert!(plain.len() > 10_000, "{} distinct words", plain.len());
    for (step, count) in STEPS {
        assert_eq!(count(&path).unwrap(), plain, "step {step}");
    }
    for pieces in [3, 64] {
        let counts = count_file_in_pieces(&path, pieces).unwrap();
        assert_eq!(counts, plain, "{pieces} pieces");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_is_cut_just_after_separators_even_inside_long_words() {
    let dir = temp_dir("cuts");
    // A word far longer than the 4 kB window the cut search reads at once.
    let text = format!("short {} words, and\nmore", "x".repeat(10_000));
    let path = write(&dir, "long-word.txt", &text);
    for pieces in [1, 2, 3, 8, 100, 20_000] {
        let cuts = cut_points(&path, pieces).unwrap();
        assert_eq!(cuts.first(), Some(&0));
        assert_eq!(cuts.last(), Some(&(text.len() as u64)));
        assert!(cuts.windows(2).all(|w| w[0] < w[1]), "{cuts:?}");
        for &cut in &cuts[1..cuts.len() - 1] {
            let before = text.as_bytes()[cut as usize - 1];
            assert!(b" ,\n".contains(&before), "cut at {cut} after {before:?}");
        }
        assert!(cuts.len() <= pieces + 1);
        assert_eq!(
            count_file_in_pieces(&path, pieces).unwrap(),
            count_plain(&path).unwrap()
        );
    }
    let empty = write(&dir, "empty.txt", "");
    assert_eq!(cut_points(&empty, 4).unwrap(), [0]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_step_rejects_text_that_is_not_utf8() {
    let dir = temp_dir("binary");
    let path = dir.join("latin1.txt");
    std::fs::write(&path, b"caf\xe9 au lait\n").unwrap();
    for (step, count) in STEPS {
        let error = count(&path).expect_err(step);
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidData, "{step}");
    }
    // Also when the bad byte is in a later piece than the first.
    let mut bytes = "fine words ".repeat(100).into_bytes();
    bytes.extend_from_slice(b"caf\xe9\n");
    let later = dir.join("bad-later.txt");
    std::fs::write(&later, &bytes).unwrap();
    assert!(count_file_in_pieces(&later, 8).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_program_writes_the_report_for_every_step_and_min_length() {
    let dir = temp_dir("program");
    let input = write(&dir, "in.txt", "b a B\nc, a. B!\n");
    let output = dir.join("out.txt");
    let (input_s, output_s) = (input.to_str().unwrap(), output.to_str().unwrap());
    let run = run_example("wordcount", &[input_s, output_s], LIMIT);
    run.assert_success();
    assert!(run.stdout.is_empty() && run.stderr.is_empty(), "{run:#?}");
    assert_eq!(
        std::fs::read_to_string(&output).unwrap(),
        "b 3 50.0\na 2 33.33333333333333\nc 1 16.666666666666664\n"
    );
    // Every step, through the environment variable, writes the same file.
    let big = write(&dir, "big.txt", &textgen::generate(200_000, 5));
    let mut expected = Vec::new();
    write_report(&report(count_plain(&big).unwrap(), 3), &mut expected).unwrap();
    for (step, _) in STEPS {
        let mut command = Command::new(testkit::example("wordcount"));
        command
            .args([big.to_str().unwrap(), output_s, "3"])
            .env("WORDCOUNT_STEP", step);
        testkit::run_with_limit(command, LIMIT)
            .expect("wordcount finishes")
            .assert_success();
        assert_eq!(std::fs::read(&output).unwrap(), expected, "step {step}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_input_gives_a_one_line_error_and_a_non_zero_exit() {
    let dir = temp_dir("bad");
    let missing = dir.join("missing.txt");
    let output = dir.join("out.txt");
    let (missing_s, output_s) = (missing.to_str().unwrap(), output.to_str().unwrap());
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, b"\xff\xfe not text").unwrap();
    let good = write(&dir, "good.txt", "fine\n");
    let nowhere = dir.join("no/such/dir/out.txt");
    let cases: [(&[&str], i32, String); 6] = [
        (
            &[missing_s, output_s],
            1,
            format!("error: cannot read {missing_s}: No such file or directory (os error 2)\n"),
        ),
        (
            &[binary.to_str().unwrap(), output_s],
            1,
            format!(
                "error: cannot read {}: stream did not contain valid UTF-8\n",
                binary.display()
            ),
        ),
        (
            &[good.to_str().unwrap(), nowhere.to_str().unwrap()],
            1,
            format!(
                "error: cannot write {}: No such file or directory (os error 2)\n",
                nowhere.display()
            ),
        ),
        (
            &[missing_s],
            2,
            "error: missing OUTPUT (usage: wordcount INPUT OUTPUT [MIN_LENGTH])\n".to_string(),
        ),
        (
            &[good.to_str().unwrap(), output_s, "long"],
            2,
            "error: MIN_LENGTH must be a whole number, got \"long\" \
             (usage: wordcount INPUT OUTPUT [MIN_LENGTH])\n"
                .to_string(),
        ),
        (&[], 2, String::new()),
    ];
    for (args, code, stderr) in cases {
        let run = run_example("wordcount", args, LIMIT);
        assert_eq!(run.code, Some(code), "{args:?}: {run:#?}");
        assert!(run.stdout.is_empty(), "{run:#?}");
        assert_eq!(run.stderr.lines().count(), 1, "{run:#?}");
        if !stderr.is_empty() {
            assert_eq!(run.stderr, stderr);
        }
    }
    let mut command = Command::new(testkit::example("wordcount"));
    command
        .args([good.to_str().unwrap(), output_s])
        .env("WORDCOUNT_STEP", "fastest");
    let run = testkit::run_with_limit(command, LIMIT).unwrap();
    assert_eq!(run.code, Some(2));
    assert_eq!(
        run.stderr,
        "error: unknown WORDCOUNT_STEP \"fastest\" \
         (one of: plain, buffered, no-alloc, bytes, fxhash, inline-keys, flat-table, word-masks, rayon)\n"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------
// Against the Python program, when there is a Python.
// ---------------------------------------------------------------------------

fn python() -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python3");
    if venv.exists() {
        return Some(venv);
    }
    Command::new("python3")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| PathBuf::from("python3"))
}

fn skipped(what: &str) {
    eprintln!(
        "\n!!!!!!!!!! SKIPPED: {what}: no Python found (neither .venv/bin/python3 nor python3 \
         on PATH); run `cargo xtask setup` !!!!!!!!!!\n"
    );
}

fn python_wordcount() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("python/wordcount.py")
}

#[test]
fn the_python_program_and_the_rust_program_write_identical_files() {
    let Some(python) = python() else {
        return skipped("Python vs Rust word count");
    };
    let dir = temp_dir("python");
    let inputs = [
        ("tricky", TRICKY.to_string()),
        ("generated", textgen::generate(400_000, 21)),
        ("books", textgen::generate(1_200_000, 3)),
    ];
    for (name, text) in inputs {
        let input = write(&dir, &format!("{name}.txt"), &text);
        for min_length in ["1", "4"] {
            let from_python = dir.join(format!("{name}-{min_length}.py.txt"));
            let from_rust = dir.join(format!("{name}-{min_length}.rs.txt"));
            let mut command = Command::new(&python);
            command
                .arg(python_wordcount())
                .args([&input, &from_python])
                .arg(min_length);
            testkit::run_with_limit(command, LIMIT)
                .expect("python finishes")
                .assert_success();
            let args = [
                input.to_str().unwrap(),
                from_rust.to_str().unwrap(),
                min_length,
            ];
            run_example("wordcount", &args, LIMIT).assert_success();
            let (py, rs) = (
                std::fs::read(&from_python).unwrap(),
                std::fs::read(&from_rust).unwrap(),
            );
            assert!(!py.is_empty());
            assert!(py == rs, "{name}, min_length {min_length}: outputs differ");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn rust_and_python_agree_on_whitespace_for_every_code_point() {
    let Some(python) = python() else {
        return skipped("whitespace of every code point");
    };
    let out = Command::new(&python)
        .args([
            "-c",
            "print(' '.join(str(c) for c in range(0x110000) if chr(c).isspace()))",
        ])
        .output()
        .expect("run python");
    let from_python: Vec<u32> = String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .map(|c| c.parse().unwrap())
        .collect();
    let from_rust: Vec<u32> = (0..0x110000)
        .filter_map(char::from_u32)
        .filter(|&c| performance::wordcount::is_python_whitespace(c))
        .map(|c| c as u32)
        .collect();
    assert_eq!(from_rust, from_python);
}

#[test]
fn floats_are_printed_exactly_as_python_prints_them() {
    let Some(python) = python() else {
        return skipped("float printing");
    };
    // Percentages of small counts in large totals, as the report makes them.
    let values: Vec<f64> = (1..400u64)
        .map(|k| (k as f64 / (k * k * 7919 + 13) as f64) * 100.0)
        .chain([100.0, 50.0, 1e-5, 1.5e-7, 0.0001, 99.99999999999999])
        .collect();
    let program = "import sys\nfor line in sys.stdin: print(float.fromhex(line.strip()))";
    let input: String = values.iter().map(|v| format!("{}\n", hex(*v))).collect();
    let dir = temp_dir("floats");
    let file = write(&dir, "floats.txt", &input);
    let out = Command::new(&python)
        .args(["-c", program])
        .stdin(std::fs::File::open(&file).unwrap())
        .output()
        .expect("run python");
    let expected = String::from_utf8(out.stdout).unwrap();
    let ours: String = values
        .iter()
        .map(|v| performance::wordcount::python_float(*v) + "\n")
        .collect();
    assert_eq!(ours, expected);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `float.hex()` notation, so Python reads back exactly our bits.
fn hex(x: f64) -> String {
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mantissa = bits & ((1 << 52) - 1);
    format!("0x1.{mantissa:013x}p{exponent}")
}
