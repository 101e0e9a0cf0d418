//! Collective gather: one value from every rank, collected in rank order on
//! rank 0.
use mpi::traits::*;

// ANCHOR: gather
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let rank = world.rank();
    let root = world.process_at_rank(0);

    let mine = (rank * rank) as u64;
    if rank == 0 {
        // Only the root needs room for everyone's value; slot r gets rank r's.
        let mut all = vec![0u64; world.size() as usize];
        root.gather_into_root(&mine, &mut all[..]);
        println!("rank 0 gathered {all:?}");
    } else {
        root.gather_into(&mine);
        println!("rank {rank} sent {mine}");
    }
}
// ANCHOR_END: gather
