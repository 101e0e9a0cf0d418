//! Exercise solution: every rank computes something from its own rank, here
//! its square. Same program, different data.
use mpi::traits::*;

// ANCHOR: hello_square
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let rank = world.rank();
    // Each copy works on the number only it has: its rank.
    let square = rank * rank;
    println!("rank {rank}: {rank} squared is {square}");
}
// ANCHOR_END: hello_square
