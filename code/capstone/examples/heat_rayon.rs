//! The rayon solution: the rows of each step computed in parallel.
//!
//!     cargo run --release -p capstone --example heat_rayon -- 500 500 1000
use capstone::{Args, heat_rayon};
use std::time::Instant;

// ANCHOR: main
fn main() {
    let args = Args::from_env_or_exit("heat_rayon");
    let threads = rayon::current_num_threads();
    println!(
        "{}",
        args.describe("heat_rayon", &format!("{threads} threads"))
    );
    let start = args.start();

    let clock = Instant::now();
    let end = heat_rayon(&start, args.steps, args.diffusion.r);
    let seconds = clock.elapsed().as_secs_f64();

    if let Err(message) = args.finish(&end, seconds) {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}
// ANCHOR_END: main
