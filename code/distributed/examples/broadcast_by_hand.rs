//! A broadcast written with point-to-point messages: the root sends to every
//! other rank in turn. Prints exactly what `broadcast` prints.
use distributed::root_from_args;
use mpi::traits::*;

// ANCHOR: broadcast_by_hand
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let root = root_from_args(&world, "broadcast_by_hand");
    let rank = world.rank();

    let mut data = [0u64; 3];
    if rank == root {
        let base = 100 * rank as u64;
        data = [base + 1, base + 2, base + 3];
        // size - 1 sends, one after the other: the root does all the work
        // (a library broadcast spreads it out, in about log2(size) rounds).
        for other in (0..world.size()).filter(|&r| r != root) {
            world.process_at_rank(other).send(&data[..]);
        }
    } else {
        world.process_at_rank(root).receive_into(&mut data[..]);
    }
    println!("rank {rank} has {data:?} from rank {root}");
}
// ANCHOR_END: broadcast_by_hand
