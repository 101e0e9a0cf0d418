//! Checks the capstone's GPU track: `cargo xtask exercise heat_gpu`.
//! Your kernel must give the serial solver's field within the GPU tolerance
//! (a few units in the last place per step), on plates from 1 × 1 to sizes
//! that are not multiples of the workgroup; then it is timed against the
//! serial solver and the course's kernel.

#[cfg(not(feature = "solution"))]
#[path = "heat_gpu.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "heat_gpu_solution.rs"]
mod mine;

use capstone::{Grid, heat_serial, tolerance};
use gpu::{GpuContext, GpuError};
use std::process::exit;
use std::time::{Duration, Instant};

const NAME: &str = "heat_gpu";
const R: f32 = 0.2;

fn fail(hint: &str) -> ! {
    println!("✗ {NAME}: {hint}");
    exit(1)
}

fn context_or_skip() -> GpuContext {
    match GpuContext::new() {
        Ok(ctx) => ctx,
        Err(error @ (GpuError::NoAdapter | GpuError::NoDevice(_))) => {
            println!("SKIPPED {NAME}: {error}");
            exit(3)
        }
        Err(error) => fail(&error.to_string()),
    }
}

fn run_mine(ctx: &GpuContext, start: &Grid, steps: usize) -> Grid {
    mine::heat_gpu(ctx, start, steps, R).unwrap_or_else(|error| {
        if let GpuError::Shader(_) = error {
            // The compiler's diagnostic, with its excerpt of your source.
            eprintln!("{error}");
            let text = error.to_string();
            let telling = text.lines().map(str::trim).find(|line| {
                !line.is_empty()
                    && !line.starts_with("invalid compute shader")
                    && !line.starts_with("Caused by")
                    && !line.starts_with("In Device::")
            });
            fail(&format!(
                "your kernel was rejected (the full message is above): {}",
                telling.unwrap_or("invalid compute shader")
            ))
        }
        fail(&error.to_string())
    })
}

/// What a field too far from the reference most likely means.
fn hint(start: &Grid, steps: usize, mine: &Grid, expected: &Grid) -> String {
    let (nx, ny) = (start.nx, start.ny);
    let after = if steps == 1 {
        "1 step".to_string()
    } else {
        format!("{steps} steps")
    };
    let plate = format!("{nx} × {ny} plate after {after}");
    if mine == start {
        return format!(
            "the {plate} has not changed: the kernel must write `next` for every inside cell"
        );
    }
    let k = (0..mine.values.len())
        .max_by(|&a, &b| {
            let off = |k: usize| (mine.values[k] - expected.values[k]).abs();
            off(a).total_cmp(&off(b))
        })
        .expect("the plate has cells");
    let (i, j) = (k / nx, k % nx);
    let (got, want) = (mine.values[k], expected.values[k]);
    if i == 0 || j == 0 || i + 1 == ny || j + 1 == nx {
        format!(
            "cell ({i}, {j}) of the {plate} is a fixed edge but changed ({got} instead of {want}): the first and last row and column must keep their values"
        )
    } else {
        format!(
            "cell ({i}, {j}) of the {plate} is {got}, the serial solver's {want}: check the neighbours' indices (k ± 1, k ± nx) and the formula"
        )
    }
}

fn check_correct(ctx: &GpuContext) {
    let plates = [
        (1, 1),
        (3, 3),
        (2, 5),
        (17, 5),
        (16, 16),
        (40, 33),
        (129, 70),
    ];
    for (nx, ny) in plates {
        for steps in [1, 7, 65] {
            let start = Grid::plate(nx, ny);
            let expected = heat_serial(&start, steps, R);
            let mine = run_mine(ctx, &start, steps);
            if mine.max_difference(&expected) > tolerance(steps) {
                fail(&hint(&start, steps, &mine, &expected));
            }
        }
    }
}

/// The fastest of three runs, upload and read-back included.
fn best_of_3(mut run: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let clock = Instant::now();
            run();
            clock.elapsed()
        })
        .min()
        .expect("three runs")
}

/// A speed-up with two significant digits: 3.1×, 0.45×, 0.031×.
fn times(x: f64) -> String {
    let decimals = if x.is_finite() && x > 0.0 {
        (1 - x.log10().floor() as i32).max(1) as usize
    } else {
        1
    };
    format!("{x:.decimals$}×")
}

fn main() {
    let ctx = context_or_skip();
    check_correct(&ctx);
    println!(
        "✓ {NAME}: correct (within {:e} × steps of the serial solver)",
        tolerance(1)
    );
    // A debug build's timings say nothing about the optimised code.
    if cfg!(debug_assertions) {
        println!(
            "(speed is compared only in an optimised build: `cargo xtask exercise {NAME}` makes one)"
        );
        return;
    }
    let (n, steps) = (256, 100);
    let start = Grid::plate(n, n);
    let serial = best_of_3(|| {
        std::hint::black_box(heat_serial(&start, steps, R));
    });
    let yours = best_of_3(|| {
        std::hint::black_box(run_mine(&ctx, &start, steps));
    });
    let reference = best_of_3(|| {
        std::hint::black_box(capstone::heat_gpu(&ctx, &start, steps, R).ok());
    });
    let speedup = |t: Duration| serial.as_secs_f64() / t.as_secs_f64().max(1e-9);
    let software = if ctx.is_software() {
        ", a software adapter: these are CPU timings"
    } else {
        ""
    };
    println!(
        "your kernel: {} the serial solver; the reference reaches {} (best of 3, {n} × {n} cells, {steps} steps, transfers included, on {}{software})",
        times(speedup(yours)),
        times(speedup(reference)),
        ctx.describe()
    );
}
