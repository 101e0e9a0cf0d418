//! Free exercise time: the heat stencil in every solution, as time per cell
//! update (the elements are cells x steps).
//!
//! - `capstone/heat/{serial,rayon,gpu}/<n>`: criterion, an n x n plate,
//!   `STEPS` steps per iteration on buffers prepared beforehand (for the GPU:
//!   already uploaded; the steps are timed until the GPU has finished them).
//! - `capstone/heat/{mpi-one-rank,mpi}/<n>`: the MPI solution under `mpirun`
//!   on one rank and on one rank per core, timed by the program itself
//!   (steps and the final gather),
//!   handed to the pipeline with `testkit::external`, since criterion cannot
//!   start `mpirun`.
//!
//! `cargo test --benches` runs every criterion row once and a tiny MPI job
//! on 1, 2 and 4 ranks whose checksums must match the serial reference.
use capstone::{Checksum, GpuHeat, Grid, heat_serial, step, step_rayon};
use criterion::{BenchmarkId, Criterion, Throughput};
use gpu::GpuContext;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Duration;
use testkit::external::{Measured, command_works, write_measured};
use testkit::{examples_dir, mpirun_available, mpirun_program};

/// Plates from 64 KiB (in the caches) to 16 MiB (beyond most L2s).
const SIZES: [usize; 3] = [128, 512, 2048];
/// Steps per criterion iteration.
const STEPS: usize = 10;
/// alpha dt / h^2: the examples' default time step.
const R: f32 = 0.2;
/// Cell updates per MPI job: enough that starting the job and gathering the
/// field are a small part of its time.
const MPI_UPDATES: usize = 200_000_000;
const LIMIT: Duration = Duration::from_secs(300);

fn main() -> ExitCode {
    let measuring = std::env::args().any(|a| a == "--bench");
    let mut criterion = Criterion::default().configure_from_args();
    cpu_and_gpu(&mut criterion);
    criterion.final_summary();
    match mpi(measuring) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: capstone benchmarks: {message}");
            ExitCode::FAILURE
        }
    }
}

fn cpu_and_gpu(c: &mut Criterion) {
    let ctx = match GpuContext::new() {
        Ok(ctx) => {
            if ctx.is_software() {
                eprintln!(
                    "NOTE: capstone/heat/gpu runs on a software adapter ({}): \
                     its times say nothing about a real GPU",
                    ctx.describe()
                );
            }
            Some(ctx)
        }
        Err(error) => {
            eprintln!("SKIPPED: capstone/heat/gpu: {error}");
            None
        }
    };
    let mut group = c.benchmark_group("capstone/heat");
    for n in SIZES {
        let start = Grid::plate(n, n);
        group.throughput(Throughput::Elements((n * n * STEPS) as u64));
        let mut u = start.values.clone();
        let mut next = start.values.clone();
        group.bench_function(BenchmarkId::new("serial", n), |b| {
            b.iter(|| {
                for _ in 0..STEPS {
                    step(&u, &mut next, n, n, R);
                    std::mem::swap(&mut u, &mut next);
                }
            })
        });
        group.bench_function(BenchmarkId::new("rayon", n), |b| {
            b.iter(|| {
                for _ in 0..STEPS {
                    step_rayon(&u, &mut next, n, n, R);
                    std::mem::swap(&mut u, &mut next);
                }
            })
        });
        if let Some(ctx) = &ctx {
            let mut heat = GpuHeat::new(ctx, &start, R).expect("the plate fits on the GPU");
            group.bench_function(BenchmarkId::new("gpu", n), |b| {
                b.iter(|| heat.advance(STEPS).expect("the GPU runs the steps"))
            });
        }
    }
    group.finish();
}

/// The MPI rows: full sizes when measuring, one tiny job per rank count as
/// a test (checked against the serial reference, no timings kept).
fn mpi(measuring: bool) -> Result<(), String> {
    if !mpirun_available() || !command_works("mpicc", &["--version"]) {
        eprintln!("SKIPPED: capstone/heat/mpi-*: no `mpirun`/`mpicc` on PATH");
        return Ok(());
    }
    build_heat_mpi()?;
    let program = examples_dir().join("heat_mpi");
    if !measuring {
        let expected = Checksum::of(&heat_serial(&Grid::plate(64, 48), 10, R)).to_string();
        for ranks in [1, 2, 4] {
            let (checksum, _) = job(ranks, &program, 64, 48, 10)?;
            if checksum != expected {
                return Err(format!(
                    "heat_mpi on {ranks} ranks: {checksum}, serial: {expected}"
                ));
            }
        }
        return Ok(());
    }
    let repeats = if std::env::var("COURSE_BENCH_MODE").is_ok_and(|m| m == "full") {
        5
    } else {
        3
    };
    let mut entries = Vec::new();
    for n in SIZES {
        let steps = (MPI_UPDATES / (n * n)).max(1);
        for (function, ranks) in [("mpi-one-rank", 1), ("mpi", testkit::cores())] {
            let mut total = 0.0;
            for _ in 0..repeats {
                total += job(ranks, &program, n, n, steps)?.1;
            }
            let seconds = total / repeats as f64;
            println!(
                "capstone/heat/{function}/{n} ({ranks} ranks): {steps} steps in {seconds:.4} s"
            );
            let entry = Measured::new("capstone/heat", function, n, seconds);
            entries.push(entry.elements((n * n * steps) as u64));
        }
    }
    write_measured("capstone", &entries)
}

/// The MPI example, built in this benchmark's own profile next to it.
/// `--workspace` resolves features as the benchmark's own build did (cargo
/// unifies them over the packages it was asked for), and `--profile bench`
/// is the profile `cargo bench` used: so the dependencies it shares with
/// the benchmark (wgpu, rayon, ...) are not compiled a second time.
fn build_heat_mpi() -> Result<(), String> {
    let mut cargo = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cargo.args(["build", "--quiet", "--workspace", "--example", "heat_mpi"]);
    if !cfg!(debug_assertions) {
        cargo.args(["--profile", "bench"]);
    }
    let status = cargo
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| "building heat_mpi failed".to_string())
}

/// Runs `heat_mpi` once; its checksum (the text after `checksum: `) and the
/// seconds it reports.
fn job(
    ranks: usize,
    program: &Path,
    nx: usize,
    ny: usize,
    steps: usize,
) -> Result<(String, f64), String> {
    let args = [nx.to_string(), ny.to_string(), steps.to_string()];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = mpirun_program(ranks, program, &args, LIMIT)
        .ok_or_else(|| format!("heat_mpi on {ranks} ranks ran past {LIMIT:?}"))?;
    if run.code != Some(0) {
        return Err(format!("heat_mpi on {ranks} ranks failed: {run:#?}"));
    }
    let field = |prefix: &str| {
        run.stdout
            .lines()
            .find_map(|l| l.strip_prefix(prefix))
            .map(str::to_string)
            .ok_or_else(|| format!("heat_mpi printed no {prefix:?} line: {run:#?}"))
    };
    let checksum = field("checksum: ")?;
    let time = field("time: ")?;
    let seconds = time
        .split_whitespace()
        .next()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("unexpected time line {time:?}"))?;
    Ok((checksum, seconds))
}
