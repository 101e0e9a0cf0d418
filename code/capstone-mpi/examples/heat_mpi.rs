//! The MPI solution: every rank steps its own rows; rank 0 gathers the
//! field and prints the same lines as the other solutions.
//!
//!     cargo build --release -p capstone-mpi --example heat_mpi
//!     mpirun -n 4 target/release/examples/heat_mpi 500 500 1000
use capstone::{read_args, usage};
use capstone_mpi::{heat_mpi, rows_per_rank};
use course_cli::{Error, Usage};
use mpi::traits::*;
use std::time::Instant;

const USAGE: Usage = usage("heat_mpi");

// ANCHOR: main
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let size = world.size() as usize;
    // Every rank reads the same arguments and reaches the same verdict;
    // rank 0 alone prints it.
    let args = distributed::arguments(&world, &USAGE, |args| {
        let args = read_args(args)?;
        rows_per_rank(args.ny, size).map_err(|message| USAGE.error(message))?;
        Ok(args)
    });
    // On one machine every rank holds a start grid, and rank 0 two more
    // (the gathered field and its image): rank 0 checks for all of them.
    distributed::root_decides(&world, || args.ensure_memory(size as u64 + 2));
    let start = args.start();

    // Time from the moment all ranks are ready until the slowest is done.
    world.barrier();
    let clock = Instant::now();
    let end = heat_mpi(&world, &start, args.steps, args.diffusion.r);
    world.barrier();
    let seconds = clock.elapsed().as_secs_f64();

    // Rank 0 has the field: it prints the lines and writes the image, and
    // tells every rank whether that worked, so all exit with one status.
    distributed::root_decides(&world, || {
        let Some(end) = &end else { return Ok(()) };
        let ranks = if size == 1 {
            "1 rank".into()
        } else {
            format!("{size} ranks")
        };
        println!("{}", args.describe("heat_mpi", &ranks));
        args.finish(end, seconds).map_err(Error::failed)
    });
}
// ANCHOR_END: main
