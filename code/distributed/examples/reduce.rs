//! Collective reduce: every rank contributes a value, rank 0 gets their sum.
use course_cli::{Args, Usage};
use mpi::collective::SystemOperation;
use mpi::traits::*;

const USAGE: Usage = Usage::new("reduce", "", "rank 0 adds up every rank's rank + 1");

// ANCHOR: reduce
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // --help, or an argument this program does not take: rank 0 says so
    // and every rank stops.
    distributed::arguments(&world, &USAGE, Args::done);
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
