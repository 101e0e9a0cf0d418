//! Collective broadcast: the root's data ends up on every rank. The root is
//! rank 0, or the rank given as the first argument (`mpirun -n 4 broadcast 2`).
use distributed::root_from_args;
use mpi::traits::*;

// ANCHOR: broadcast
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let root = root_from_args(&world, "broadcast");
    let rank = world.rank();

    // Every rank needs a buffer of the right size; only the root's contents
    // matter. The root's data depends on its rank, to show where it came from.
    let mut data = if rank == root {
        let base = 100 * rank as u64;
        [base + 1, base + 2, base + 3]
    } else {
        [0; 3]
    };
    // Every rank makes the same call: the root sends, the others receive.
    world.process_at_rank(root).broadcast_into(&mut data[..]);
    println!("rank {rank} has {data:?} from rank {root}");
}
// ANCHOR_END: broadcast
