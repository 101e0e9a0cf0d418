//! The SPMD teaser: `mpirun -n 4` starts this one program four times, and
//! each copy finds out which one it is.
use course_cli::{Args, Usage};
use mpi::traits::*;

const USAGE: Usage = Usage::new(
    "hello",
    "",
    "every rank says hello with its rank and the job's size",
);

// ANCHOR: hello
fn main() {
    // Every copy runs the same code from the top. Initialising MPI connects
    // it to the other copies that mpirun started.
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    // The "world" communicator: every process of this job.
    let world = universe.world();
    // --help, or an argument this program does not take: rank 0 says so
    // and every rank stops.
    distributed::arguments(&world, &USAGE, Args::done);
    // Same program, different data: the rank (0, 1, ..., size - 1) is the
    // only thing that tells the copies apart.
    let rank = world.rank();
    let size = world.size();
    // The copies run at the same time, so the lines arrive in any order.
    println!("Hello from rank {rank} of {size}");
    // `universe` is dropped at the end of main, which shuts MPI down.
}
// ANCHOR_END: hello
