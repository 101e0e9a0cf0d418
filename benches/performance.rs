//! Performance: the measurements of the Day 2 episode.
//!
//! - `performance/black-box/<variant>`: the same call with and without
//!   `black_box`, to show what the optimiser does to an unused result.
//! - `performance/wordcount/<step>/50MB`: every word-count step on the same
//!   generated 50 MB text (bytes per second); the Python program's row,
//!   `python-wordcount`, comes from `benches/python/performance.py`.
//! - `performance/integration/<step>/1000`: every integration step on the
//!   same 1000 triples; `debug` is the plain loop built without
//!   optimisation, timed by a separate program (see `debug_build_time`);
//!   the `python-…` rows come from the Python script.
//! - `performance/random-walk/<variant>/1000000`: the random walk, per step.
//! - `performance/julia/<variant>/480x320`: the Julia set of the guide.
//!
//! The parallel rows run on a pool of exactly two threads, the bars'
//! "two cores", whatever the machine has. Under `cargo test --benches`
//! (no `--bench` flag) everything runs once on small inputs.
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

fn two_threads() -> performance::timing::Pool {
    performance::timing::thread_pool(2)
}

// ANCHOR: black_box
fn sum_of_squares(n: u64) -> u64 {
    (0..n).map(|i| i * i).sum()
}

/// The argument is a constant and the result unused: the optimiser may
/// compute it at compile time and time nothing. `black_box` prevents both.
fn black_box_demo(c: &mut Criterion) {
    let mut group = c.benchmark_group("performance/black-box");
    group.bench_function("without", |b| b.iter(|| sum_of_squares(1000)));
    group.bench_function("with", |b| {
        b.iter(|| black_box(sum_of_squares(black_box(1000))))
    });
    group.finish();
}
// ANCHOR_END: black_box

/// The word-count input: `textgen::generate(50_000_000, 1)`, the same bytes
/// the Python baseline generates with the `gen_text` example.
pub const WORDCOUNT_BYTES: usize = 50_000_000;
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
    // Each run is the whole program (minus starting it): read 50 MB, count,
    // sort and write the report, as the Python row does. Ten runs are plenty.
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    let size = if bytes >= 1_000_000 {
        format!("{}MB", bytes / 1_000_000)
    } else {
        format!("{}kB", bytes / 1000)
    };
    let pool = two_threads();
    for (name, step) in wordcount::STEPS {
        let id = if name == "rayon" {
            BenchmarkId::new("rayon-2-threads", &size)
        } else {
            BenchmarkId::new(name, &size)
        };
        group.bench_function(id, |b| {
            b.iter(|| {
                pool.install(|| wordcount::word_count(step, black_box(&input), &output, 1))
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
    let pool = two_threads();
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
    // The whole measurement runs inside the pool, so the timing thread is
    // one of its two workers, as in a program that is parallel throughout.
    // (Entering the pool from outside on every call would add the time to
    // wake its threads, a few microseconds, to a job of about a hundred.)
    group.bench_function(BenchmarkId::new("rayon-2-threads", 1000), |b| {
        pool.install(|| b.iter(|| integration::apply_rayon(black_box(&p))))
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
    let (width, height) = (480, 320);
    let mut group = c.benchmark_group("performance/julia");
    group.throughput(Throughput::Elements((width * height) as u64));
    let size = format!("{width}x{height}");
    let pool = two_threads();
    for (name, parallel) in [("serial", false), ("rayon-2-threads", true)] {
        group.bench_function(BenchmarkId::new(name, &size), |b| {
            b.iter(|| pool.install(|| julia::julia(width, height, (-0.8, 0.156), 500, parallel)))
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
