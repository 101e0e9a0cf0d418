//! Collective reduce: every rank contributes a value, rank 0 gets their sum.
use mpi::collective::SystemOperation;
use mpi::traits::*;

// ANCHOR: reduce
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let rank = world.rank();
    let root = world.process_at_rank(0);

    let mine = rank as u64 + 1;
    if rank == 0 {
        let mut sum = 0u64;
        root.reduce_into_root(&mine, &mut sum, SystemOperation::sum());
        println!("rank 0 contributed {mine}, sum = {sum}");
    } else {
        // The other ranks only send: the result exists on the root alone.
        root.reduce_into(&mine, SystemOperation::sum());
        println!("rank {rank} contributed {mine}");
    }
}
// ANCHOR_END: reduce
