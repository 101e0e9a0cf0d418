//! The serial reference: a hot square spreading over a plate with cold
//! edges. Every other solution must print the same checksum.
//!
//!     cargo run --release -p capstone --example heat_serial -- 500 500 1000
use capstone::{Args, heat_serial};
use std::time::Instant;

// ANCHOR: main
fn main() {
    let args = Args::from_env_or_exit("heat_serial");
    println!("{}", args.describe("heat_serial", "serial"));
    let start = args.start();

    let clock = Instant::now();
    let end = heat_serial(&start, args.steps, args.diffusion.r);
    let seconds = clock.elapsed().as_secs_f64();

    if let Err(message) = args.finish(&end, seconds) {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}
// ANCHOR_END: main
