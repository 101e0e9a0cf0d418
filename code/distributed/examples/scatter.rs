//! Collective scatter: rank 0 deals out one value to each rank, itself
//! included.
use course_cli::{Args, Usage};
use mpi::traits::*;

const USAGE: Usage = Usage::new("scatter", "", "rank 0 deals one number out to every rank");

// ANCHOR: scatter
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // --help, or an argument this program does not take: rank 0 says so
    // and every rank stops.
    distributed::arguments(&world, &USAGE, Args::done);
    let rank = world.rank();
    let root = world.process_at_rank(0);

    let mut mine = 0u64;
    if rank == 0 {
        // One value per rank, in rank order: rank r receives all[r].
        let all: Vec<u64> = (0..world.size() as u64).map(|r| 10 * (r + 1)).collect();
        root.scatter_into_root(&all[..], &mut mine);
    } else {
        root.scatter_into(&mut mine);
    }
    println!("rank {rank} received {mine}");
}
// ANCHOR_END: scatter
