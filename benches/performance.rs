//! Performance: the measurements of the Day 2 episode.
//!
//! - `performance/black-box/<variant>/<n>`: the same sum over `n` numbers
//!   with its result dropped, and kept with `black_box`, to show what the
//!   optimiser does to work whose result nobody reads.
//! - `performance/wordcount/<step>/30MB`: every word-count step on the same
//!   generated 30 MB text (bytes per second); the Python program's row,
//!   `python-wordcount`, comes from `benches/python/performance.py`.
//! - `performance/integration/<step>/1000`: every single-thread integration
//!   step on the same 1000 triples; `debug` is the plain loop built without
//!   optimisation, timed by a separate program (see `debug_build_time`);
//!   the `python-…` rows come from the Python script.
//! - `performance/integration/{simd,rayon}/100000`: one thread against all
//!   cores, on a problem large enough to keep every core of a large node
//!   busy (at least 8 triples per thread on 128 cores, each thread with
//!   tens of microseconds of work or more).
//! - `performance/random-walk/<variant>/1000000`: the random walk, per step.
//! - `performance/julia/<variant>/1536x1024`: the Julia set of the guide.
//!
//! The parallel rows (`rayon`) run on all the machine's cores (rayon's
//! global pool: `std::thread::available_parallelism`, or
//! `RAYON_NUM_THREADS`); the machine stamp of the results says how many.
//! The single-thread word-count steps run on a pool of one thread, their
//! report included. Under `cargo test --benches` (no `--bench` flag)
//! everything runs once on small inputs.
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use performance::SplitMix64;
use performance::integration::{self, Problem};
use performance::random_walk::{
    SipCounter, draws_only, walk_bits, walk_loop, walk_loop_sip, walk_prefix_sum,
};
use performance::{julia, textgen, wordcount};
use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;
use testkit::external::{Measured, write_measured};

/// `cargo bench` passes `--bench`; `cargo test --benches` does not.
fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

// ANCHOR: black_box
fn sum_of_squares(values: &[u64]) -> u64 {
    values.iter().map(|v| v * v).sum()
}

/// "without" drops the sum: the optimiser sees that nobody reads it and
/// deletes the loop, so criterion times nothing. "with" hides the input
/// from the optimiser and pretends to read the result: the loop runs, and
/// its time grows with `n`.
fn black_box_demo(c: &mut Criterion) {
    let mut group = c.benchmark_group("performance/black-box");
    for n in [1000, 10_000] {
        let values: Vec<u64> = (0..n).collect();
        group.bench_function(BenchmarkId::new("without", n), |b| {
            b.iter(|| {
                sum_of_squares(&values);
            })
        });
        group.bench_function(BenchmarkId::new("with", n), |b| {
            b.iter(|| black_box(sum_of_squares(black_box(&values))))
        });
    }
    group.finish();
}
// ANCHOR_END: black_box

/// The word-count input: `textgen::generate(30_000_000, 1)`, the same bytes
/// the Python baseline generates with the `gen_text` example.
pub const WORDCOUNT_BYTES: usize = 30_000_000;
pub const WORDCOUNT_SEED: u64 = 1;

// ANCHOR: wordcount_bench
fn wordcount_steps(c: &mut Criterion) {
    let bytes = if measuring() {
        WORDCOUNT_BYTES
    } else {
        100_000
    };
    let dir = std::env::temp_dir().join(format!("performance-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let (input, output) = (dir.join("input.txt"), dir.join("output.txt"));
    let text = textgen::generate(bytes, WORDCOUNT_SEED);
    std::fs::write(&input, &text).expect("write the input");

    let mut group = c.benchmark_group("performance/wordcount");
    group.throughput(Throughput::Bytes(text.len() as u64));
    // Each run is the whole program (minus starting it): read 30 MB, count,
    // sort and write the report, as the Python row does. Ten runs are plenty.
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    let size = if bytes >= 1_000_000 {
        format!("{}MB", bytes / 1_000_000)
    } else {
        format!("{}kB", bytes / 1000)
    };
    for (name, step) in wordcount::STEPS {
        // `rayon` on all cores, every other step on one thread.
        group.bench_function(BenchmarkId::new(name, &size), |b| {
            b.iter(|| {
                wordcount::word_count_on(name, step, black_box(&input), &output, 1)
                    .expect("the input is readable")
            })
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}
// ANCHOR_END: wordcount_bench

/// One optimisation step: the integrals of all triples.
type Step<'a> = &'a dyn Fn(&Problem) -> Vec<f64>;

fn integration_steps(c: &mut Criterion) {
    let p = integration::problem(1000, 2024);
    let mut group = c.benchmark_group("performance/integration");
    group.throughput(Throughput::Elements(integration::evaluations(&p)));
    let integrand: &dyn Fn(f64) -> f64 = &integration::f;
    let steps: [(&str, Step); 7] = [
        ("plain", &integration::apply_plain),
        ("dyn", &|p| integration::apply_dyn(p, black_box(integrand))),
        ("generic", &|p| {
            integration::apply_generic(p, integration::f)
        }),
        ("iterators", &integration::apply_iter),
        ("hoisted-checks", &integration::apply_hoisted_checks),
        ("lanes", &integration::apply_lanes),
        ("simd", &integration::apply_simd),
    ];
    for (name, step) in steps {
        group.bench_function(BenchmarkId::new(name, 1000), |b| {
            b.iter(|| step(black_box(&p)))
        });
    }
    // One thread against all cores, on a problem that gives every core of a
    // large node enough to do: 1000 triples take only a fraction of a
    // millisecond on one core, less than waking 100 threads costs.
    let large = integration::problem(if measuring() { 100_000 } else { 2000 }, 2024);
    let count = large.n.len();
    group.throughput(Throughput::Elements(integration::evaluations(&large)));
    group.bench_function(BenchmarkId::new("simd", count), |b| {
        b.iter(|| integration::apply_simd(black_box(&large)))
    });
    group.bench_function(BenchmarkId::new("rayon", count), |b| {
        b.iter(|| integration::apply_rayon(black_box(&large)))
    });
    group.finish();
    if measuring() {
        debug_build_time(integration::evaluations(&p));
    }
}

/// The plain loop built without optimisation (`cargo build`, the dev
/// profile). A benchmark is always optimised, so the debug build is a
/// separate program, `integration_plain`, timed by itself; its result goes
/// into the results file through `COURSE_BENCH_OUT` (see `xtask/src/bench.rs`).
fn debug_build_time(evaluations: u64) {
    let result = build_and_run_debug_timer().and_then(|ns| {
        println!("performance/integration/debug/1000: {ns} ns (best of 20, debug build)");
        let entry = Measured::new("performance/integration", "debug", 1000, ns * 1e-9);
        write_measured("performance", &[entry.elements(evaluations)])
    });
    if let Err(message) = result {
        eprintln!("warning: the debug-build measurement failed: {message}");
    }
}

fn build_and_run_debug_timer() -> Result<f64, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--quiet", "-p", "performance"])
        .args(["--example", "integration_plain"])
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err("building integration_plain (debug) failed".into());
    }
    let program = debug_examples_dir()?.join("integration_plain");
    let out = Command::new(&program)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", program.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    // "debug build: sum of results +2.898727725, best of 20 runs 5123456 ns"
    text.trim()
        .strip_prefix("debug build:")
        .and_then(|rest| rest.rsplit(' ').nth(1))
        .and_then(|ns| ns.parse().ok())
        .ok_or_else(|| format!("unexpected output from {}: {text:?}", program.display()))
}

/// `target/debug/examples`, next to the `target/release` this bench runs in.
fn debug_examples_dir() -> Result<PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let target = exe
        .ancestors()
        .nth(3)
        .ok_or("the bench is not in target/<profile>/deps")?;
    Ok(target.join("debug").join("examples"))
}

fn random_walk(c: &mut Criterion) {
    let n = 1_000_000;
    let mut group = c.benchmark_group("performance/random-walk");
    group.throughput(Throughput::Elements(n as u64));
    let id = |name| BenchmarkId::new(name, n);
    group.bench_function(id("loop"), |b| {
        b.iter(|| walk_loop(black_box(n), 1.0, &mut SplitMix64::new(1)))
    });
    group.bench_function(id("prefix-sum"), |b| {
        b.iter(|| walk_prefix_sum(black_box(n), 1.0, &mut SplitMix64::new(1)))
    });
    group.bench_function(id("bits"), |b| {
        b.iter(|| walk_bits(black_box(n), 1.0, &mut SplitMix64::new(1)))
    });
    group.bench_function(id("siphash"), |b| {
        b.iter(|| walk_loop_sip(black_box(n), 1.0, &mut SipCounter::new(1)))
    });
    group.bench_function(id("draws-only"), |b| {
        b.iter(|| draws_only(black_box(n), &mut SplitMix64::new(1)))
    });
    group.finish();
}

fn julia_set(c: &mut Criterion) {
    // 1024 rows: at least 8 per thread on a 128-core node.
    let (width, height) = if measuring() { (1536, 1024) } else { (48, 32) };
    let mut group = c.benchmark_group("performance/julia");
    group.throughput(Throughput::Elements((width * height) as u64));
    let size = format!("{width}x{height}");
    for (name, parallel) in [("serial", false), ("rayon", true)] {
        group.bench_function(BenchmarkId::new(name, &size), |b| {
            b.iter(|| julia::julia(width, height, (-0.8, 0.156), 500, parallel))
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    black_box_demo,
    wordcount_steps,
    integration_steps,
    random_walk,
    julia_set
);
criterion_main!(benches);
