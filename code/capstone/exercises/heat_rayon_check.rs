//! Checks the capstone's rayon track: `cargo xtask exercise heat_rayon`.
//! Your step must give the serial solver's field to the last bit, on plates
//! from 1 × 1 upwards; then it is timed against the serial step and the
//! course's rayon step.

#[cfg(not(feature = "solution"))]
#[path = "heat_rayon.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "heat_rayon_solution.rs"]
mod mine;

use capstone::{Grid, heat_serial, step, step_rayon};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::process::exit;
use std::time::{Duration, Instant};

const NAME: &str = "heat_rayon";
const R: f32 = 0.2;

type Step = fn(&[f32], &mut [f32], usize, usize, f32);

fn fail(hint: &str) -> ! {
    println!("✗ {NAME}: {hint}");
    exit(1)
}

/// `steps` steps from `start` with `step`: the loop of `heat_serial`.
fn run_steps(step: Step, start: &Grid, steps: usize) -> Grid {
    let (nx, ny) = (start.nx, start.ny);
    let mut u = start.values.clone();
    let mut next = start.values.clone();
    for _ in 0..steps {
        step(&u, &mut next, nx, ny, R);
        std::mem::swap(&mut u, &mut next);
    }
    Grid { nx, ny, values: u }
}

/// What a field that differs from the reference most likely means.
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
            "the {plate} has not changed: step_parallel must write rows 1 to ny − 2 of `next`"
        );
    }
    let k = (0..mine.values.len())
        .find(|&k| mine.values[k].to_bits() != expected.values[k].to_bits())
        .expect("the fields differ somewhere");
    let (i, j) = (k / nx, k % nx);
    let (got, want) = (mine.values[k], expected.values[k]);
    if i == 0 || j == 0 || i + 1 == ny || j + 1 == nx {
        format!(
            "cell ({i}, {j}) of the {plate} is a fixed edge but changed ({got} instead of {want}): rows 0 and ny − 1 must not be written"
        )
    } else {
        format!(
            "cell ({i}, {j}) of the {plate} is {got}, the serial solver's {want}: compute row i with update_row from rows i − 1, i and i + 1 of `u`, as capstone::step does"
        )
    }
}

fn check_correct() {
    let plates = [(1, 1), (2, 3), (3, 3), (5, 4), (37, 23), (64, 64), (130, 3)];
    for (nx, ny) in plates {
        for steps in [1, 7, 40] {
            let start = Grid::plate(nx, ny);
            let expected = heat_serial(&start, steps, R);
            let mine = catch_unwind(AssertUnwindSafe(|| {
                run_steps(mine::step_parallel, &start, steps)
            }))
            .unwrap_or_else(|_| {
                fail(&format!(
                    "step_parallel panicked on a {nx} × {ny} plate (the message is above)"
                ))
            });
            if mine != expected {
                fail(&hint(&start, steps, &mine, &expected));
            }
        }
    }
}

/// The fastest of five runs of `steps` steps.
fn best_of_5(step: Step, start: &Grid, steps: usize) -> Duration {
    (0..5)
        .map(|_| {
            let clock = Instant::now();
            std::hint::black_box(run_steps(step, start, steps));
            clock.elapsed()
        })
        .min()
        .expect("five runs")
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
    check_correct();
    println!("✓ {NAME}: correct (the serial solver's field to the last bit)");
    // A debug build's timings say nothing about the optimised code.
    if cfg!(debug_assertions) {
        println!(
            "(speed is compared only in an optimised build: `cargo xtask exercise {NAME}` makes one)"
        );
        return;
    }
    let (n, steps) = (1000, 20);
    let start = Grid::plate(n, n);
    let serial = best_of_5(step, &start, steps);
    let yours = best_of_5(mine::step_parallel, &start, steps);
    let reference = best_of_5(step_rayon, &start, steps);
    let speedup = |t: Duration| serial.as_secs_f64() / t.as_secs_f64().max(1e-9);
    println!(
        "your version: {} the serial step; the reference reaches {} (best of 5, {n} × {n} cells, {steps} steps, {} threads)",
        times(speedup(yours)),
        times(speedup(reference)),
        rayon::current_num_threads()
    );
}
