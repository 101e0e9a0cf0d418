//! The MPI solution: every rank steps its own rows; rank 0 gathers the
//! field and prints the same lines as the other solutions.
//!
//!     cargo build --release -p capstone-mpi --example heat_mpi
//!     mpirun -n 4 target/release/examples/heat_mpi 500 500 1000
use capstone::{Args, parse_args};
use capstone_mpi::{heat_mpi, rows_per_rank};
use distributed::stop;
use mpi::traits::*;
use std::time::Instant;

// ANCHOR: main
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let size = world.size() as usize;
    // Every rank reads the same arguments and reaches the same verdict;
    // rank 0 alone prints it.
    let words: Vec<String> = std::env::args().skip(1).collect();
    let args = parse_args(&words)
        .and_then(|args| rows_per_rank(args.ny, size).map(|_| args))
        .unwrap_or_else(|message| stop(&world, &Args::error_line("heat_mpi", &message)));
    let start = args.start();

    // Time from the moment all ranks are ready until the slowest is done.
    world.barrier();
    let clock = Instant::now();
    let end = heat_mpi(&world, &start, args.steps, args.diffusion.r);
    world.barrier();
    let seconds = clock.elapsed().as_secs_f64();

    if let Some(end) = end {
        let ranks = if size == 1 {
            "1 rank".into()
        } else {
            format!("{size} ranks")
        };
        println!("{}", args.describe("heat_mpi", &ranks));
        if let Err(message) = args.finish(&end, seconds) {
            eprintln!("error: {message}");
            world.abort(1);
        }
    }
}
// ANCHOR_END: main
