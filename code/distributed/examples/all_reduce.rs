//! Collective all-reduce: a reduce whose result every rank gets.
use course_cli::{Args, Usage};
use mpi::collective::SystemOperation;
use mpi::traits::*;

const USAGE: Usage = Usage::new(
    "all_reduce",
    "",
    "every rank contributes its rank + 1 and every rank gets the sum",
);

// ANCHOR: all_reduce
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // --help, or an argument this program does not take: rank 0 says so
    // and every rank stops.
    distributed::arguments(&world, &USAGE, Args::done);
    let rank = world.rank();

    let mine = rank as u64 + 1;
    let mut sum = 0u64;
    // No root: the sum arrives everywhere, as if reduced then broadcast.
    world.all_reduce_into(&mine, &mut sum, SystemOperation::sum());
    println!("rank {rank} contributed {mine}, sum = {sum}");
}
// ANCHOR_END: all_reduce
