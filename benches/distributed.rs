//! Distributed memory with MPI: the measurements that need `mpirun`, which
//! criterion cannot start, so this harness runs the episode's programs as
//! MPI jobs and reads what they print.
//!
//! - `distributed/ping-pong/{rust,c}/<bytes>`: one-way time per message, the
//!   Rust example against the same program in C (`benches/mpi/pingpong.c`,
//!   built here with `mpicc`) on the same MPI library, in the same run.
//! - `distributed/messages/<method>/<particles>`: typed slice, derived
//!   datatype and serde (JSON) messages of the same particles.
//! - `distributed/scatter-reduce/<phase>/<ranks>`: scatter + reduce of 10M
//!   doubles on 1, 2, 4, … ranks up to the core count, phase by phase.
//!
//! `cargo bench --bench distributed` measures and prints the table; under
//! `cargo xtask bench` the entries also go to `$COURSE_BENCH_OUT`.
//! `cargo test --benches` runs a tiny version that checks every program
//! runs and that the Rust and C ping-pongs agree, and keeps no timings.
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;
use testkit::external::{Measured, command_works, write_measured};
use testkit::{examples_dir, mpirun_available, mpirun_program};

const PROGRAMS: [&str; 3] = ["pingpong", "messages", "scatter_reduce_timing"];
const LIMIT: Duration = Duration::from_secs(300);

/// What one run measures: full sizes when benchmarking, tiny ones as a test.
struct Sizes {
    pingpong_max_bytes: &'static str,
    particles: &'static str,
    doubles: &'static str,
}

const BENCH: Sizes = Sizes {
    pingpong_max_bytes: "16777216",
    particles: "100000",
    doubles: "10000000",
};
const SMOKE: Sizes = Sizes {
    pingpong_max_bytes: "1024",
    particles: "100",
    doubles: "1000",
};

fn main() -> ExitCode {
    let measuring = std::env::args().any(|a| a == "--bench");
    match run(if measuring { &BENCH } else { &SMOKE }, measuring) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: distributed benchmarks: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(sizes: &Sizes, measuring: bool) -> Result<(), String> {
    if !mpirun_available() || !command_works("mpicc", &["--version"]) {
        // Set-up reports the missing MPI as a SKIPPED check; the pages then
        // say "not measured in this build".
        eprintln!("SKIPPED: distributed benchmarks: no `mpirun`/`mpicc` on PATH");
        return Ok(());
    }
    build_rust_programs()?;
    let c_pingpong = build_c_pingpong()?;
    let rust_pingpong = examples_dir().join("pingpong");

    let mut entries = Vec::new();
    let rust = pingpong(&rust_pingpong, sizes.pingpong_max_bytes)?;
    let c = pingpong(&c_pingpong, sizes.pingpong_max_bytes)?;
    let sizes_of = |rows: &[(u64, f64)]| rows.iter().map(|r| r.0).collect::<Vec<_>>();
    if sizes_of(&rust) != sizes_of(&c) {
        return Err(format!(
            "the Rust and C ping-pongs measured different sizes:\n{rust:?}\n{c:?}"
        ));
    }
    for (function, rows) in [("rust", rust), ("c", c)] {
        for (bytes, seconds) in rows {
            entries.push(entry(
                "ping-pong",
                function,
                bytes,
                seconds,
                None,
                Some(bytes),
            ));
        }
    }
    entries.extend(messages(sizes.particles)?);
    for ranks in testkit::scaling_counts(testkit::cores()) {
        entries.extend(scatter_reduce(ranks, sizes.doubles)?);
    }

    for entry in &entries {
        println!("{}", entry.to_json_line());
    }
    if measuring {
        write_measured("distributed", &entries)?;
    }
    Ok(())
}

/// The MPI examples, built in this benchmark's own profile (release for
/// `cargo bench`, debug for `cargo test --benches`) next to it.
fn build_rust_programs() -> Result<(), String> {
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cargo.args(["build", "--quiet", "-p", "distributed"]);
    if !cfg!(debug_assertions) {
        cargo.arg("--release");
    }
    for program in PROGRAMS {
        cargo.args(["--example", program]);
    }
    let status = cargo
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| "building the MPI examples failed".to_string())
}

/// `mpicc -O2` (what a C programmer would use) on the C ping-pong.
fn build_c_pingpong() -> Result<PathBuf, String> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/mpi/pingpong.c");
    let out_dir = examples_dir().with_file_name("mpi-c");
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let binary = out_dir.join("pingpong_c");
    let output = Command::new("mpicc")
        .args(["-O2", "-o"])
        .arg(&binary)
        .arg(&source)
        .output()
        .map_err(|e| format!("cannot run mpicc: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "mpicc failed on {}:\n{}",
            source.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(binary)
}

/// Runs `program` as an MPI job; its stdout without the `#` comment lines.
fn job(ranks: usize, program: &Path, args: &[&str]) -> Result<Vec<Vec<String>>, String> {
    let run = mpirun_program(ranks, program, args, LIMIT)
        .ok_or_else(|| format!("{} ran past {LIMIT:?}", program.display()))?;
    if run.code != Some(0) {
        return Err(format!("{} failed: {run:#?}", program.display()));
    }
    Ok(run
        .stdout
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_whitespace().map(str::to_string).collect())
        .collect())
}

fn number<T: std::str::FromStr>(text: &str) -> Result<T, String> {
    text.parse()
        .map_err(|_| format!("expected a number, got {text:?}"))
}

/// `(bytes, one-way seconds)` per message size.
fn pingpong(program: &Path, max_bytes: &str) -> Result<Vec<(u64, f64)>, String> {
    job(2, program, &[max_bytes])?
        .iter()
        .map(|cols| Ok((number(&cols[0])?, number(&cols[1])?)))
        .collect()
}

fn messages(particles: &str) -> Result<Vec<Measured>, String> {
    let program = examples_dir().join("messages");
    let rows = job(2, &program, &[particles])?;
    let mut entries = Vec::new();
    let mut intact = false;
    for cols in rows {
        match cols.as_slice() {
            [method, n, _bytes_sent, seconds] => {
                let n: u64 = number(n)?;
                // The same data in memory for every method: 64 bytes a particle.
                entries.push(entry(
                    "messages",
                    method,
                    n,
                    number(seconds)?,
                    Some(n),
                    Some(64 * n),
                ));
            }
            [.., last] if cols[0] == "rank" => intact = last == "true",
            _ => return Err(format!("unexpected line from messages: {cols:?}")),
        }
    }
    if !intact || entries.len() != 3 {
        return Err(format!(
            "messages did not deliver every message intact: {entries:?}"
        ));
    }
    Ok(entries)
}

fn scatter_reduce(ranks: usize, doubles: &str) -> Result<Vec<Measured>, String> {
    let program = examples_dir().join("scatter_reduce_timing");
    let n: u64 = number(doubles)?;
    job(ranks, &program, &[doubles])?
        .iter()
        .map(|cols| {
            let phase = &cols[0];
            let seconds = number(&cols[2])?;
            Ok(entry(
                "scatter-reduce",
                phase,
                ranks as u64,
                seconds,
                Some(n),
                Some(8 * n),
            ))
        })
        .collect()
}

/// One results entry of this episode's group `distributed/<topic>`.
fn entry(
    topic: &str,
    function: &str,
    parameter: u64,
    seconds: f64,
    elements: Option<u64>,
    bytes: Option<u64>,
) -> Measured {
    Measured {
        elements,
        bytes,
        ..Measured::new(
            &format!("distributed/{topic}"),
            function,
            parameter,
            seconds,
        )
    }
}
