//! The serial reference: a hot square spreading over a plate with cold
//! edges. Every other solution must print the same checksum.
//!
//!     cargo run --release -p capstone --example heat_serial -- 500 500 1000
use capstone::{heat_serial, read_args, usage};
use course_cli::{Usage, run};
use std::time::Instant;

const USAGE: Usage = usage("heat_serial");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |args| {
        let args = read_args(args)?;
        // The start and the two buffers the steps take turns in.
        args.ensure_memory(3)?;
        println!("{}", args.describe("heat_serial", "serial"));
        let start = args.start();

        let clock = Instant::now();
        let end = heat_serial(&start, args.steps, args.diffusion.r);
        let seconds = clock.elapsed().as_secs_f64();

        args.finish(&end, seconds)?;
        Ok(())
    })
}
// ANCHOR_END: main
