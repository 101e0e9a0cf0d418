//! Exercise solution: only one rank reports, so the job prints one line
//! whatever its size.
use mpi::traits::*;

// ANCHOR: hello_rank0
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // Every rank runs this `if`, and exactly one of them takes it: rank 0
    // exists in every job, however many ranks it has.
    if world.rank() == 0 {
        println!("rank 0 of {}: hello on behalf of everyone", world.size());
    }
}
// ANCHOR_END: hello_rank0
