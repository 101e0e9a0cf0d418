//! The starting point for your own solution. `my_heat` is a copy of the
//! serial reference; make it faster (rayon, or the GPU) and this program
//! tells you whether it still computes the same field, and how much faster.
//!
//!     cargo run --release -p capstone --example heat_mine -- 1000 1000 200
use capstone::{Args, Grid, heat_serial, step};
use std::time::Instant;

// ANCHOR: my_heat
/// Your version. Keep the signature: `main` compares it with the reference.
fn my_heat(start: &Grid, steps: usize, r: f32) -> Grid {
    let (nx, ny) = (start.nx, start.ny);
    let mut u = start.values.clone();
    let mut next = start.values.clone();
    for _ in 0..steps {
        // One time step, serially: this is the line to make parallel.
        step(&u, &mut next, nx, ny, r);
        std::mem::swap(&mut u, &mut next);
    }
    Grid { nx, ny, values: u }
}
// ANCHOR_END: my_heat

// ANCHOR: main
fn main() {
    let args = Args::from_env_or_exit("heat_mine");
    println!("{}", args.describe("heat_mine", "your solution"));
    let start = args.start();
    let r = args.diffusion.r;

    let clock = Instant::now();
    let mine = my_heat(&start, args.steps, r);
    let my_seconds = clock.elapsed().as_secs_f64();
    if let Err(message) = args.finish(&mine, my_seconds) {
        eprintln!("error: {message}");
        std::process::exit(1);
    }

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
}
// ANCHOR_END: main
