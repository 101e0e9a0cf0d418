//! Collective gather: one value from every rank, collected in rank order on
//! rank 0.
use course_cli::{Args, Usage};
use mpi::traits::*;

const USAGE: Usage = Usage::new("gather", "", "rank 0 gathers the square of every rank");

// ANCHOR: gather
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // --help, or an argument this program does not take: rank 0 says so
    // and every rank stops.
    distributed::arguments(&world, &USAGE, Args::done);
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
