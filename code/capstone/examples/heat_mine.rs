//! Your rayon step (`exercises/heat_rayon.rs`) on a plate of your choice:
//! whether it computes the serial solver's field, and how much faster.
//! `cargo xtask exercise heat_rayon` checks it on many small plates; this
//! program runs it on the size you give.
//!
//!     cargo run --release -p capstone --example heat_mine -- 1000 1000 200
use capstone::{Grid, heat_serial, read_args, usage};
use course_cli::{Usage, check_rayon_threads, run};
use std::time::Instant;

const USAGE: Usage = usage("heat_mine");

#[cfg(not(feature = "solution"))]
#[path = "../exercises/heat_rayon.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "../exercises/heat_rayon_solution.rs"]
mod mine;

/// `steps` steps from `start` with your `step_parallel`: the loop of
/// `heat_serial`, two buffers taking turns.
fn my_heat(start: &Grid, steps: usize, r: f32) -> Grid {
    let (nx, ny) = (start.nx, start.ny);
    let mut u = start.values.clone();
    let mut next = start.values.clone();
    for _ in 0..steps {
        mine::step_parallel(&u, &mut next, nx, ny, r);
        std::mem::swap(&mut u, &mut next);
    }
    Grid { nx, ny, values: u }
}

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |args| {
        let args = read_args(args)?;
        check_rayon_threads()?;
        // The start, your two buffers and the serial solver's two.
        args.ensure_memory(5)?;
        println!("{}", args.describe("heat_mine", "your solution"));
        let start = args.start();
        let r = args.diffusion.r;

        let clock = Instant::now();
        let mine = my_heat(&start, args.steps, r);
        let my_seconds = clock.elapsed().as_secs_f64();
        args.finish(&mine, my_seconds)?;

        let clock = Instant::now();
        let reference = heat_serial(&start, args.steps, r);
        let serial_seconds = clock.elapsed().as_secs_f64();
        if mine == reference {
            println!("vs serial: identical to the last bit");
        } else {
            let difference = mine.max_difference(&reference);
            println!("vs serial: DIFFERENT, max |difference| {difference:e}");
        }
        println!(
            "speed-up over serial: {:.2}x",
            serial_seconds / my_seconds.max(1e-9)
        );
        Ok(())
    })
}
// ANCHOR_END: main
