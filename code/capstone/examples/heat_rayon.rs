//! The rayon solution: the rows of each step computed in parallel.
//!
//!     cargo run --release -p capstone --example heat_rayon -- 500 500 1000
use capstone::{heat_rayon, read_args, usage};
use course_cli::{Usage, check_rayon_threads, run};
use std::time::Instant;

const USAGE: Usage = usage("heat_rayon");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |args| {
        let args = read_args(args)?;
        check_rayon_threads()?;
        // The start and the two buffers the steps take turns in.
        args.ensure_memory(3)?;
        let threads = rayon::current_num_threads();
        println!(
            "{}",
            args.describe("heat_rayon", &format!("{threads} threads"))
        );
        let start = args.start();

        let clock = Instant::now();
        let end = heat_rayon(&start, args.steps, args.diffusion.r);
        let seconds = clock.elapsed().as_secs_f64();

        args.finish(&end, seconds)?;
        Ok(())
    })
}
// ANCHOR_END: main
