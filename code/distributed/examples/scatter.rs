//! Collective scatter: rank 0 deals out one value to each rank, itself
//! included.
use mpi::traits::*;

// ANCHOR: scatter
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
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
