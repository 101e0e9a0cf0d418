//! Checks the exercise "find your crossover": `cargo xtask exercise crossover`.
//! First your function on made-up tables with a known answer; then one sum
//! of n floats timed on this machine (CPU, GPU with transfers, GPU with the
//! data resident), and your function's verdict on those times.

#[path = "checking.rs"]
mod checking;
#[cfg(not(feature = "solution"))]
#[path = "crossover.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "crossover_solution.rs"]
mod mine;

use checking::{context_or_skip, fail, first_line};
use gpu::reduce::{Reducer, sum_cpu};
use gpu::timing::best_of;
use gpu::{GpuContext, GpuError};
use std::hint::black_box;
use std::time::{Duration, Instant};

const NAME: &str = "crossover";

/// A made-up table: times in microseconds, and the right answer.
struct Case {
    what: &'static str,
    cpu: [u64; 4],
    gpu: [u64; 4],
    expected: Option<usize>,
}

const SIZES: [usize; 4] = [1 << 10, 1 << 14, 1 << 18, 1 << 22];

const CASES: [Case; 5] = [
    Case {
        what: "the GPU is faster at every size",
        cpu: [50, 60, 900, 14_000],
        gpu: [40, 45, 100, 1_000],
        expected: Some(1 << 10),
    },
    Case {
        what: "the GPU is never faster",
        cpu: [1, 10, 160, 2_600],
        gpu: [90, 95, 400, 5_000],
        expected: None,
    },
    Case {
        what: "the GPU wins at 1024 by chance, loses at 16384, and wins from 262144 on",
        cpu: [40, 45, 700, 11_000],
        gpu: [35, 60, 300, 2_000],
        expected: Some(1 << 18),
    },
    Case {
        what: "the GPU wins at the small sizes and loses at the largest",
        cpu: [100, 100, 300, 1_000],
        gpu: [50, 60, 200, 2_000],
        expected: None,
    },
    Case {
        what: "the GPU loses, then wins from 16384 on",
        cpu: [5, 60, 900, 14_000],
        gpu: [50, 55, 100, 1_000],
        expected: Some(1 << 14),
    },
];

fn micros(times: [u64; 4]) -> Vec<Duration> {
    times.into_iter().map(Duration::from_micros).collect()
}

fn check_made_up_tables() {
    for case in &CASES {
        let got = mine::crossover(&SIZES, &micros(case.cpu), &micros(case.gpu));
        if got != case.expected {
            fail(
                NAME,
                &format!(
                    "when {} (sizes {SIZES:?}), the answer is {:?}, yours is {got:?}",
                    case.what, case.expected
                ),
            );
        }
    }
    if mine::crossover(&[], &[], &[]).is_some() {
        fail(NAME, "with no measurements there is no crossover: None");
    }
}

/// Sizes measured on this machine: small enough for a software adapter.
const MEASURED: [usize; 5] = [1 << 10, 1 << 13, 1 << 16, 1 << 19, 1 << 21];
const RUNS: usize = 3;

/// One sum of n floats: on the CPU, on the GPU with upload and read-back,
/// and on the GPU with the data already there (fastest of `RUNS` each).
fn measure(ctx: &GpuContext, n: usize) -> Result<[Duration; 3], GpuError> {
    let x: Vec<f32> = (0..n).map(|i| (i % 1000) as f32).collect();
    let reducer = Reducer::sum(ctx)?;
    let time = |mut work: Box<dyn FnMut() -> Result<(), GpuError> + '_>| {
        best_of(RUNS, || {
            let start = Instant::now();
            work()?;
            Ok(start.elapsed())
        })
    };
    let cpu = time(Box::new(|| {
        black_box(sum_cpu(black_box(&x)));
        Ok(())
    }))?;
    let with_transfers = time(Box::new(|| {
        black_box(reducer.reduce(ctx, &x)?);
        Ok(())
    }))?;
    let input = ctx.storage_buffer("x", &x)?;
    let reduction = reducer.prepare(ctx, &input, n)?;
    let resident = time(Box::new(|| {
        black_box(reduction.run(ctx)?);
        Ok(())
    }))?;
    Ok([cpu, with_transfers, resident])
}

/// Where the GPU crosses over, in words.
fn verdict(crossover: Option<usize>) -> String {
    match crossover {
        Some(n) => format!("faster than the CPU from n = {n} on"),
        None => format!(
            "not faster than the CPU up to n = {}",
            MEASURED[MEASURED.len() - 1]
        ),
    }
}

fn main() {
    check_made_up_tables();
    let ctx = context_or_skip(NAME);
    // A debug build's CPU sum says nothing about the optimised code.
    if cfg!(debug_assertions) {
        println!("✓ {NAME}: correct");
        println!(
            "(this machine's crossover is measured only in an optimised build: `cargo xtask exercise {NAME}` makes one)"
        );
        return;
    }
    let mut times = [vec![], vec![], vec![]];
    for n in MEASURED {
        let measured = measure(&ctx, n).unwrap_or_else(|error| fail(NAME, &first_line(&error)));
        for (column, time) in times.iter_mut().zip(measured) {
            column.push(time);
        }
    }
    let [cpu, with_transfers, resident] = &times;
    println!("✓ {NAME}: correct");
    println!(
        "one sum of n floats on {}: with transfers the GPU is {}; with the data resident, {}",
        ctx.describe(),
        verdict(mine::crossover(&MEASURED, cpu, with_transfers)),
        verdict(mine::crossover(&MEASURED, cpu, resident)),
    );
}
