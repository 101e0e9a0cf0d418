//! Checks "predict the speedup": `cargo xtask exercise speedup`. Each number
//! must be within 1 % of the law's value; a wrong one is explained with the
//! formula, not given away.
use parallel::laws::{amdahl_speedup, gustafson_speedup};
use std::process::exit;

#[cfg(not(feature = "solution"))]
#[path = "speedup.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "speedup_solution.rs"]
mod mine;

use mine::Parallelism;

/// 2 minutes of reading out of 100 on one core.
const SERIAL_FRACTION: f64 = 0.02;

fn fail(hint: &str) -> ! {
    println!("✗ speedup: {hint}");
    exit(1)
}

fn check_number(question: &str, predicted: f64, truth: f64, how: &str) {
    if predicted == 0.0 {
        fail(&format!("{question}: no prediction yet (replace the 0.0)"));
    }
    if (predicted - truth).abs() > 0.01 * truth {
        let side = if predicted > truth {
            "too high"
        } else {
            "too low"
        };
        fail(&format!("{question}: {predicted} is {side}; {how}"));
    }
}

fn check_kind(job: &str, predicted: Parallelism, truth: Parallelism, why: &str) {
    if predicted == Parallelism::NotSure {
        fail(&format!("{job}: no answer yet (replace NotSure)"));
    }
    if predicted != truth {
        fail(&format!("{job}: not {predicted:?}; {why}"));
    }
}

fn main() {
    if std::env::args().len() > 1 {
        eprintln!("error: exercise_speedup takes no arguments");
        exit(2);
    }
    let s = SERIAL_FRACTION;
    let amdahl =
        "with the serial fraction s = 2/100, Amdahl's law gives S(p) = 1 / (s + (1 - s) / p)";
    check_number(
        "1. speedup on 16 cores",
        mine::SPEEDUP_ON_16_CORES,
        amdahl_speedup(s, 16.0),
        amdahl,
    );
    check_number(
        "2. speedup on 128 cores",
        mine::SPEEDUP_ON_128_CORES,
        amdahl_speedup(s, 128.0),
        amdahl,
    );
    check_number(
        "3. the limit",
        mine::SPEEDUP_LIMIT,
        1.0 / s,
        "let p grow without bound in S(p) = 1 / (s + (1 - s) / p): what is left of the denominator?",
    );
    check_number(
        "4. scaled speedup on 16 cores",
        mine::SCALED_SPEEDUP_ON_16_CORES,
        gustafson_speedup(s, 16.0),
        "one core would need s + (1 - s) p times as long as the run on p cores (Gustafson's law)",
    );
    check_kind(
        "5. the parameter study",
        mine::PARAMETER_STUDY_OF_300_INDEPENDENT_RUNS,
        Parallelism::EmbarrassinglyParallel,
        "do the runs ever need each other's results?",
    );
    check_kind(
        "5. the ocean model",
        mine::OCEAN_MODEL_ON_64_NODES_EXCHANGING_BORDERS,
        Parallelism::DistributedMemory,
        "64 nodes do not share memory: how do the borders get from one node to another?",
    );
    check_kind(
        "5. the matrix on one node",
        mine::THREADS_UPDATING_ONE_LARGE_MATRIX_ON_A_NODE,
        Parallelism::SharedMemory,
        "the threads of one process all see the same matrix in memory",
    );
    println!(
        "✓ speedup: correct (16 cores: {:.1}×, 128 cores: {:.1}×, never more than {:.0}×; scaled: {:.2}×)",
        amdahl_speedup(s, 16.0),
        amdahl_speedup(s, 128.0),
        1.0 / s,
        gustafson_speedup(s, 16.0)
    );
}
