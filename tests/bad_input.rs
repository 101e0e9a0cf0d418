//! Bad input, for every example program of the course: one table row per
//! example, each case run as a new user would type it, with its exit code
//! and its one line on stderr checked. A program that panics, aborts, hangs,
//! writes half a file or prints more than one line fails here.
//!
//! The programs are the ones `cargo test` builds for the whole workspace
//! (`cargo xtask test` does); alone, run `cargo build --examples --workspace`
//! first. Every bad case is refused before any work, so a debug build is
//! as quick as a release one; the cases that run use small sizes.
//!
//! A new example cannot be added without its row: the last test fails on a
//! file in `code/*/examples/` that has none.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::Duration;
use testkit::{Run, example, mpirun, mpirun_available, run_with_limit};

/// Long enough for a debug build on a busy 2-core machine; a case that
/// takes longer is a hang.
const LIMIT: Duration = Duration::from_secs(60);

/// How an example is started.
#[derive(Clone, Copy, PartialEq)]
enum Start {
    /// A program of its own.
    Plain,
    /// Needs a GPU (or lavapipe) to run at all.
    Gpu,
    /// An MPI program, started by `mpirun -n RANKS`.
    Mpi(usize),
}

/// What a case expects.
#[derive(Clone, Copy)]
enum Expect {
    /// Exit code 0 and stdout beginning with `<program>: ` (the help).
    Help,
    /// Exit code 0 and nothing on stderr.
    Quiet,
    /// This exit code and exactly one line on stderr, `error: ...`,
    /// containing this text.
    Error(i32, &'static str),
}

/// One bad input: what kind, the arguments, what must happen.
#[derive(Clone)]
struct Case {
    kind: &'static str,
    args: Vec<String>,
    env: Vec<(&'static str, String)>,
    stdout: Stdout,
    expect: Expect,
    /// A file the program was told to write, which must not exist after a
    /// failure.
    no_file: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq)]
enum Stdout {
    Piped,
    /// `> /dev/full`: every write fails with "No space left on device".
    Full,
    /// `| head -c 0`: the reader is gone before the first write.
    Closed,
}

/// One example: how it starts, arguments that make it run briefly (for the
/// stdout and extra-argument cases), and its own bad inputs.
struct Row {
    name: &'static str,
    start: Start,
    good: Vec<String>,
    cases: Vec<Case>,
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

fn case(kind: &'static str, args: &[&str], code: i32, says: &'static str) -> Case {
    Case {
        kind,
        args: strings(args),
        env: Vec::new(),
        stdout: Stdout::Piped,
        expect: Expect::Error(code, says),
        no_file: None,
    }
}

/// The cases every example has: --help, an extra argument, an unknown
/// option, and stdout full or closed while it runs on `good`.
fn common(row: &Row) -> Vec<Case> {
    let with = |extra: &str| {
        let mut args = row.good.clone();
        args.push(extra.to_string());
        args
    };
    let mut cases = vec![
        Case {
            kind: "--help",
            args: with("--help"),
            env: Vec::new(),
            stdout: Stdout::Piped,
            expect: Expect::Help,
            no_file: None,
        },
        Case {
            args: with("surplus"),
            ..case("extra", &[], 2, "unexpected argument \"surplus\"")
        },
        Case {
            args: with("--bogus"),
            ..case("unknown option", &[], 2, "unknown option --bogus")
        },
    ];
    // An MPI program's stdout is mpirun's to forward, not the program's.
    if !matches!(row.start, Start::Mpi(_)) {
        // The word count writes its report to a file and nothing on stdout.
        let expect = if row.name == "wordcount" {
            Expect::Quiet
        } else {
            Expect::Error(1, "cannot write to stdout: No space left")
        };
        cases.push(Case {
            stdout: Stdout::Full,
            args: row.good.clone(),
            expect,
            ..case("stdout > /dev/full", &[], 1, "")
        });
        cases.push(Case {
            kind: "stdout | head -c 0",
            args: row.good.clone(),
            env: Vec::new(),
            stdout: Stdout::Closed,
            expect: Expect::Quiet,
            no_file: None,
        });
    }
    cases
}

/// Where each case may write: one folder for the whole run, and a small
/// tmpfs (1 MiB) for the full-disk cases when this process may mount one.
struct Places {
    dir: PathBuf,
    full: Option<PathBuf>,
    text: PathBuf,
}

/// The places of one run, made for it and removed (unmounted) after it.
struct Scratch(Places);

impl Scratch {
    fn new() -> Scratch {
        let dir = std::env::temp_dir().join(format!("bad-input-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("dir.h5")).unwrap();
        // One value, 1.0, as a raw little-endian f64 file for `inspect`.
        std::fs::write(dir.join("one.f64"), 1.0f64.to_le_bytes()).unwrap();
        // 200 000 different words: a report of several MB.
        let vocabulary: String = (0..200_000).map(|i| format!("word{i}\n")).collect();
        std::fs::write(dir.join("vocabulary.txt"), vocabulary).unwrap();
        let text = dir.join("words.txt");
        std::fs::write(&text, "the cat sat on the mat\n".repeat(100_000)).unwrap();
        let mount = dir.join("full");
        std::fs::create_dir_all(&mount).unwrap();
        let mounted = running_as_root()
            && Command::new("mount")
                .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
                .arg(&mount)
                .status()
                .is_ok_and(|s| s.success());
        Scratch(Places {
            dir,
            full: mounted.then_some(mount),
            text,
        })
    }
}

impl Places {
    fn path(&self, name: &str) -> String {
        self.dir.join(name).display().to_string()
    }

    /// A path on the full tmpfs, in a folder of its own (cases run at the
    /// same time), or `None`: the case is SKIPPED.
    fn on_full_disk(&self, name: &str) -> Option<String> {
        let folder = self.full.as_ref()?.join(name.replace('.', "-"));
        std::fs::create_dir_all(&folder).ok()?;
        Some(folder.join(name).display().to_string())
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Some(mount) = &self.0.full {
            let _ = Command::new("umount").arg(mount).status();
        }
        let _ = std::fs::remove_dir_all(&self.0.dir);
    }
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0")
}

/// A case that writes `file` onto the 1 MiB tmpfs and must fail there,
/// leaving nothing.
fn full_disk(places: &Places, args: impl Fn(&str) -> Vec<String>, file: &str) -> Option<Case> {
    let target = places.on_full_disk(file)?;
    Some(Case {
        args: args(&target),
        no_file: Some(PathBuf::from(&target)),
        ..case("full disk", &[], 1, "No space left on device")
    })
}

/// Every example's row.
fn table(places: &Places) -> Vec<Row> {
    let plain = |name, good: &[&str], cases| Row {
        name,
        start: Start::Plain,
        good: strings(good),
        cases,
    };
    let gpu = |name, good: &[&str], cases| Row {
        name,
        start: Start::Gpu,
        good: strings(good),
        cases,
    };
    let mpi = |name, good: &[&str], cases| Row {
        name,
        start: Start::Mpi(2),
        good: strings(good),
        cases,
    };
    // The usual bad sizes of a program whose first argument is a count.
    let sizes = |zero: &'static str, huge: &'static str| {
        vec![
            case(
                "non-numeric",
                &["many"],
                2,
                "must be a whole number, got \"many\"",
            ),
            case("negative", &["-3"], 2, "must be at least"),
            case("zero", &["0"], 2, zero),
            case("huge", &["1000000000000"], 2, huge),
            case("wrapping", &["18446744073709551616"], 2, "must be at most"),
        ]
    };
    let at_least_1 = "must be at least 1, got 0";
    let at_most = "must be at most";
    let rayon_threads = |good: &[&str]| Case {
        env: vec![("RAYON_NUM_THREADS", "100000".to_string())],
        ..case(
            "RAYON_NUM_THREADS=100000",
            good,
            2,
            "RAYON_NUM_THREADS must be at most 1024",
        )
    };
    let out = places.path("out.txt");
    let text = places.text.display().to_string();
    let gen_full = full_disk(places, |t| strings(&[t, "2000000"]), "gen.txt");
    let vocabulary = places.path("vocabulary.txt");
    let wc_full = full_disk(
        places,
        |t| vec![vocabulary.clone(), t.to_string()],
        "report.txt",
    );
    let heat_full = |name: &'static str| {
        full_disk(
            places,
            |t| strings(&["1200", "1000", "0", "--image", t]),
            name,
        )
    };
    let heat_cases = |name: &'static str| {
        let mut cases = vec![
            case("missing", &["10", "10"], 2, "missing STEPS"),
            case(
                "non-numeric",
                &["10", "x", "5"],
                2,
                "NY must be a whole number",
            ),
            case("zero", &["0", "10", "5"], 2, "NX must be at least 1, got 0"),
            case(
                "huge",
                &["20", "20", "1000000000000"],
                2,
                "STEPS must be at most",
            ),
            case(
                "wrapping",
                &["4294967296", "4294967296", "1"],
                2,
                "NX must be at most",
            ),
            case("unstable", &["10", "10", "5", "--dt", "0.5"], 2, "unstable"),
            case(
                "unwritable output",
                &["5", "5", "1", "--image", "/proc/x/plate.pgm"],
                1,
                "cannot write /proc/x/plate.pgm",
            ),
        ];
        cases.extend(heat_full(name));
        cases
    };
    vec![
        // Motivation
        plain("puzzle", &["50"], sizes(at_least_1, at_most)),
        plain("puzzle_solved", &["50"], sizes(at_least_1, at_most)),
        // The stack
        plain("anatomy", &[], vec![]),
        plain("bandwidth", &["1"], sizes(at_least_1, at_most)),
        plain("history", &[], vec![]),
        plain("latency", &["1"], sizes(at_least_1, at_most)),
        // Parallel computing
        plain(
            "amdahl",
            &["0.1"],
            vec![
                case(
                    "non-numeric",
                    &["half"],
                    2,
                    "must be a number, got \"half\"",
                ),
                case("huge", &["2"], 2, "must be a number from 0 to 1"),
                case("not a number", &["NaN"], 2, "must be a number from 0 to 1"),
            ],
        ),
        plain("false_sharing", &["1000"], sizes(at_least_1, at_most)),
        plain("mandelbrot", &["20"], {
            let mut cases = sizes("must be at least 2, got 0", at_most);
            cases.push(rayon_threads(&["20"]));
            cases
        }),
        plain("pi", &["1000"], {
            let mut cases = sizes(at_least_1, at_most);
            cases.push(rayon_threads(&["1000"]));
            cases
        }),
        plain("primes", &["100"], {
            let mut cases = sizes("", at_most);
            cases.retain(|c| c.kind != "zero");
            cases.push(rayon_threads(&["100"]));
            cases
        }),
        plain("threads", &["1000", "2"], {
            let mut cases = sizes(at_least_1, at_most);
            cases.push(case(
                "huge threads",
                &["1000", "1000000000000"],
                2,
                "THREADS must be at most 1024",
            ));
            cases
        }),
        // Performance
        plain(
            "gen_text",
            &[&places.path("gen.txt"), "100", "1"],
            [
                vec![
                    case("missing", &[], 2, "missing OUTPUT"),
                    case(
                        "non-numeric",
                        &[&out, "lots"],
                        2,
                        "BYTES must be a whole number",
                    ),
                    case("zero", &[&out, "0"], 2, "BYTES must be at least 1"),
                    case(
                        "huge",
                        &[&out, "18446744073709551615"],
                        2,
                        "BYTES must be at most",
                    ),
                    case(
                        "wrapping",
                        &[&out, "100", "18446744073709551616"],
                        2,
                        "SEED must be at most",
                    ),
                    case(
                        "unwritable output",
                        &["/proc/x/out.txt", "100"],
                        1,
                        "cannot write /proc/x/out.txt",
                    ),
                    case(
                        "a folder",
                        &[&places.dir.display().to_string(), "100"],
                        1,
                        "cannot write",
                    ),
                ],
                gen_full.into_iter().collect(),
            ]
            .concat(),
        ),
        plain("integration", &["2"], sizes(at_least_1, at_most)),
        plain("integration_plain", &[], vec![]),
        plain("julia", &["10"], sizes(at_least_1, at_most)),
        plain("random_walk", &["10"], sizes(at_least_1, at_most)),
        plain("timing_pitfalls", &["10"], sizes(at_least_1, at_most)),
        plain(
            "wordcount",
            &[&text, &places.path("report.txt"), "1"],
            [
                vec![
                    case("missing", &[&text], 2, "missing OUTPUT"),
                    case(
                        "non-numeric",
                        &[&text, &out, "long"],
                        2,
                        "MIN_LENGTH must be a whole number",
                    ),
                    case(
                        "huge",
                        &[&text, &out, "1000000000000"],
                        2,
                        "MIN_LENGTH must be at most",
                    ),
                    case(
                        "missing input",
                        &["/no/such.txt", &out],
                        1,
                        "cannot read /no/such.txt",
                    ),
                    case(
                        "unwritable output",
                        &[&text, "/proc/x/out.txt"],
                        1,
                        "cannot write /proc/x/out.txt",
                    ),
                    Case {
                        env: vec![("WORDCOUNT_STEP", "fastest".into())],
                        ..case(
                            "unknown step",
                            &[&text, &out],
                            2,
                            "unknown WORDCOUNT_STEP \"fastest\"",
                        )
                    },
                ],
                wc_full.into_iter().collect(),
            ]
            .concat(),
        ),
        // Scientific data
        plain("access_order", &["10"], {
            let mut cases = sizes(at_least_1, at_most);
            cases.push(Case {
                env: vec![("TMPDIR", "/proc/x".into())],
                ..case(
                    "TMPDIR unusable",
                    &["10"],
                    1,
                    "cannot create the scratch folder /proc/x/",
                )
            });
            cases
        }),
        plain("bits_and_bytes", &[], vec![]),
        plain("file_sizes", &["10"], sizes(at_least_1, at_most)),
        plain(
            "inspect",
            &[&places.path("one.f64")],
            vec![
                case("missing", &[], 2, "missing FILE"),
                case("no such file", &["/no/such.npy"], 1, "/no/such.npy: "),
                case("a folder", &[&places.path("dir.h5")], 1, "is a directory"),
                case("unknown extension", &["data.txt"], 2, "unknown extension"),
            ],
        ),
        plain("memory_map", &["10"], sizes(at_least_1, at_most)),
        // GPU computing
        gpu(
            "backend_choice",
            &["--backend", "cpu", "10"],
            vec![
                case("missing", &["10"], 2, "--backend is missing"),
                case(
                    "huge",
                    &["--backend", "cpu", "1000000000000"],
                    2,
                    "must be at most",
                ),
            ],
        ),
        gpu("float_to_int", &[], vec![]),
        gpu("fusion", &["10"], sizes(at_least_1, at_most)),
        gpu("gpu_reduce", &["10"], {
            let mut cases = sizes("", at_most);
            cases.retain(|c| c.kind != "zero");
            cases
        }),
        gpu("gpu_timing", &["10"], sizes(at_least_1, at_most)),
        gpu("matmul", &["4"], {
            let mut cases = sizes(at_least_1, at_most);
            cases.push(case(
                "past the CPU check",
                &["5793"],
                2,
                "N must be at most 2048",
            ));
            cases
        }),
        gpu("out_of_bounds", &[], vec![]),
        gpu("precision", &[], vec![]),
        gpu("recursion", &[], vec![]),
        gpu("squared_difference", &["10"], {
            let mut cases = sizes("", at_most);
            cases.retain(|c| c.kind != "zero");
            cases
        }),
        gpu("transfers", &["10"], sizes(at_least_1, at_most)),
        gpu("vector_add", &["10"], {
            let mut cases = sizes("", at_most);
            cases.retain(|c| c.kind != "zero");
            cases
        }),
        // Free exercise time: the heat solutions
        plain("heat_serial", &["5", "5", "1"], heat_cases("serial.pgm")),
        plain("heat_rayon", &["5", "5", "1"], heat_cases("rayon.pgm")),
        plain("heat_mine", &["5", "5", "1"], heat_cases("mine.pgm")),
        gpu("heat_gpu", &["5", "5", "1"], {
            let mut cases = heat_cases("gpu.pgm");
            // Both need the GPU to get as far as writing.
            cases.retain(|c| c.kind != "unwritable output" && c.kind != "full disk");
            cases
        }),
        mpi("heat_mpi", &["5", "5", "1"], {
            let mut cases = heat_cases("mpi.pgm");
            cases.retain(|c| c.kind != "full disk");
            cases.push(case(
                "more ranks than rows",
                &["5", "1", "1"],
                2,
                "1 rows cannot be shared by 2 ranks",
            ));
            cases
        }),
        // MPI
        mpi("all_reduce", &[], vec![]),
        mpi(
            "broadcast",
            &["1"],
            vec![
                case("non-numeric", &["one"], 2, "ROOT must be a whole number"),
                case("not a rank", &["2"], 2, "ROOT must be at most 1"),
                case("wrapping", &["4294967296"], 2, "ROOT must be at most 1"),
            ],
        ),
        mpi("deadlock_fixed_nonblocking", &[], vec![]),
        mpi("deadlock_fixed_sendrecv", &[], vec![]),
        mpi("gather", &[], vec![]),
        mpi("heat", &[], vec![]),
        mpi("hello", &[], vec![]),
        mpi("messages", &["10"], sizes(at_least_1, at_most)),
        mpi("pingpong", &["64"], {
            let mut cases = sizes("must be at least 8, got 0", at_most);
            cases.push(case(
                "past MPI's count",
                &["4294967296"],
                2,
                "MAX_BYTES must be at most 1_073_741_824",
            ));
            cases
        }),
        mpi("reduce", &[], vec![]),
        mpi("ring", &[], vec![]),
        mpi("scatter", &[], vec![]),
        mpi("scatter_reduce", &["10"], {
            let mut cases = sizes(at_least_1, at_most);
            cases.push(case(
                "past MPI's count",
                &["2147483648"],
                2,
                "N must be at most 2_147_483_647",
            ));
            cases
        }),
        mpi("scatter_reduce_timing", &["10"], {
            let mut cases = sizes(at_least_1, at_most);
            cases.push(case(
                "past MPI's count",
                &["2147483648"],
                2,
                "N must be at most 2_147_483_647",
            ));
            cases
        }),
        mpi("send_recv", &[], vec![]),
        mpi("staggered", &[], vec![]),
        // Deadlocks on purpose: only the command line is tried (the extra
        // argument and --help stop it before it sends anything).
        mpi("deadlock", &[], vec![]),
    ]
}

/// What a finished run shows the user, with Open MPI's own notices (the
/// banner framed in dashes that mpirun prints when a rank exits non-zero)
/// taken out of stderr: they are mpirun's, not the program's.
fn program_stderr(run: &Run) -> Vec<String> {
    let mut lines = Vec::new();
    let mut in_banner = false;
    for line in run.stderr.lines() {
        if line.starts_with("-----") {
            in_banner = !in_banner;
            continue;
        }
        if !in_banner && !line.trim().is_empty() {
            lines.push(line.to_string());
        }
    }
    lines
}

/// Runs one case; `None` when it could not run here (SKIPPED, with why).
fn run_case(row: &Row, case: &Case, runtime_dir: &Path) -> Result<Option<Run>, String> {
    let run = match row.start {
        Start::Mpi(ranks) => {
            if !mpirun_available() {
                return Ok(None);
            }
            let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
            mpirun(ranks, row.name, &args, LIMIT)
        }
        Start::Plain | Start::Gpu => {
            // A shell only to point stdout at /dev/full or a closed pipe.
            let script = match case.stdout {
                Stdout::Piped => "exec \"$0\" \"$@\"",
                Stdout::Full => "exec \"$0\" \"$@\" > /dev/full",
                Stdout::Closed => "\"$0\" \"$@\" | head -c 0; exit \"${PIPESTATUS[0]}\"",
            };
            let mut command = Command::new("bash");
            command
                .arg("-c")
                .arg(script)
                .arg(example(row.name))
                .args(&case.args);
            // Mesa's Vulkan drivers complain on stderr without one.
            command.env("XDG_RUNTIME_DIR", runtime_dir);
            for (name, value) in &case.env {
                command.env(name, value);
            }
            run_with_limit(command, LIMIT)
        }
    };
    run.map(Some)
        .ok_or_else(|| format!("ran past {LIMIT:?} (a hang)"))
}

/// Checks what a case did; the error says what went wrong.
fn check(row: &Row, case: &Case, run: &Run) -> Result<(), String> {
    let stderr = program_stderr(run);
    for sign in ["panicked", "MPI_ABORT", "Signal:", "memory allocation of"] {
        if run.stderr.contains(sign) {
            return Err(format!("stderr shows `{sign}`"));
        }
    }
    match case.expect {
        Expect::Help => {
            if run.code != Some(0) || !run.stdout.starts_with(&format!("{}: ", row.name)) {
                return Err("--help must print the usage on stdout and exit 0".into());
            }
            if !stderr.is_empty() {
                return Err("--help printed on stderr".into());
            }
        }
        Expect::Quiet => {
            if run.code != Some(0) || !stderr.is_empty() {
                return Err("a closed stdout must end the program quietly with 0".into());
            }
        }
        Expect::Error(code, says) => {
            if run.code != Some(code) {
                return Err(format!("exit code {:?}, expected {code}", run.code));
            }
            let [line] = &stderr[..] else {
                return Err(format!("{} lines on stderr, expected 1", stderr.len()));
            };
            if !line.starts_with("error: ") || !line.contains(says) {
                return Err(format!("stderr does not say `error: …{says}…`"));
            }
        }
    }
    if let Some(file) = &case.no_file {
        let folder = file.parent().expect("a file in a folder");
        let left: Vec<_> = std::fs::read_dir(folder)
            .map(|entries| entries.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        if !left.is_empty() {
            return Err(format!("left {left:?} behind in {}", folder.display()));
        }
    }
    Ok(())
}

/// The GPU is missing: such a run ends with this line, and its stdout cases
/// cannot be tried.
fn no_gpu(run: &Run) -> bool {
    run.code == Some(1) && run.stderr.contains("no GPU adapter found")
}

#[test]
fn every_example_refuses_bad_input_in_one_line() {
    let scratch = Scratch::new();
    let places = &scratch.0;
    let runtime_dir = places.dir.join("runtime");
    std::fs::create_dir_all(&runtime_dir).unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&runtime_dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    if places.full.is_none() {
        say_skipped("the full-disk cases", "mounting a 1 MiB tmpfs needs root");
    }
    if !mpirun_available() {
        say_skipped("the MPI examples' cases", "no mpirun on PATH");
    }
    let rows = table(places);
    let mut work: Vec<(&Row, Case)> = Vec::new();
    for row in &rows {
        for case in common(row) {
            work.push((row, case));
        }
    }
    let mut own: Vec<(&Row, &Case)> = Vec::new();
    for row in &rows {
        for case in &row.cases {
            own.push((row, case));
        }
    }
    let all: Vec<(&Row, &Case)> = work
        .iter()
        .map(|(row, case)| (*row, case))
        .chain(own)
        .collect();

    // Two cases at a time for the single programs (the machine may have two
    // cores); MPI jobs one at a time (testkit's mpirun takes a lock).
    let failures = Mutex::new(Vec::new());
    let skipped = Mutex::new(0usize);
    let next = Mutex::new(all.iter());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let Some(&(row, case)) = next.lock().unwrap().next() else {
                        break;
                    };
                    let name = format!("{} {:?} ({})", row.name, case.args, case.kind);
                    match run_case(row, case, &runtime_dir) {
                        Ok(None) => *skipped.lock().unwrap() += 1,
                        Ok(Some(run))
                            if row.start == Start::Gpu
                                && no_gpu(&run)
                                && !matches!(case.expect, Expect::Error(2, _) | Expect::Help) =>
                        {
                            *skipped.lock().unwrap() += 1
                        }
                        Ok(Some(run)) => {
                            if let Err(why) = check(row, case, &run) {
                                failures
                                    .lock()
                                    .unwrap()
                                    .push(format!("{name}: {why}\n{run:#?}"));
                            }
                        }
                        Err(why) => failures.lock().unwrap().push(format!("{name}: {why}")),
                    }
                }
            });
        }
    });
    let skipped = skipped.into_inner().unwrap();
    if skipped > 0 {
        say_skipped(
            &format!("{skipped} of {} cases", all.len()),
            "no GPU adapter or no mpirun on this machine",
        );
    }
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {} cases broke:\n\n{}",
        failures.len(),
        all.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_example_has_a_row() {
    // The names only: these places are never made or written.
    let nowhere = Places {
        dir: PathBuf::from("/nonexistent/bad-input"),
        full: None,
        text: PathBuf::new(),
    };
    let places_free_rows: Vec<&str> = table(&nowhere).iter().map(|row| row.name).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing = Vec::new();
    for krate in std::fs::read_dir(root.join("code")).unwrap().flatten() {
        let Ok(files) = std::fs::read_dir(krate.path().join("examples")) else {
            continue;
        };
        for file in files.flatten() {
            let path = file.path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            if !places_free_rows.contains(&name.as_str()) {
                missing.push(path.display().to_string());
            }
        }
    }
    assert!(
        missing.is_empty(),
        "examples without a row in tests/bad_input.rs (add one to `table`): {missing:#?}"
    );
}

/// Says on the terminal that a check did not run (straight to stderr: the
/// harness hides what a passing test prints with `eprintln!`).
fn say_skipped(check: &str, why: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "\n!!! SKIPPED {check}: {why} !!!");
}
