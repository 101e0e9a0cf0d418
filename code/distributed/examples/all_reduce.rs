//! Collective all-reduce: a reduce whose result every rank gets.
use mpi::collective::SystemOperation;
use mpi::traits::*;

// ANCHOR: all_reduce
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let rank = world.rank();

    let mine = rank as u64 + 1;
    let mut sum = 0u64;
    // No root: the sum arrives everywhere, as if reduced then broadcast.
    world.all_reduce_into(&mine, &mut sum, SystemOperation::sum());
    println!("rank {rank} contributed {mine}, sum = {sum}");
}
// ANCHOR_END: all_reduce
