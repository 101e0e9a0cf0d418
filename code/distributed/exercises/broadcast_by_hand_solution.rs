//! Solution of "a broadcast by hand".
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;

// ANCHOR: broadcast_by_hand
/// Every rank calls this with a buffer of the same length. Afterwards every
/// rank's `data` must hold what the `root`'s held, as after
/// `world.process_at_rank(root).broadcast_into(data)`.
pub fn broadcast_by_hand(world: &SimpleCommunicator, root: i32, data: &mut [u64]) {
    if world.rank() == root {
        // size - 1 sends, one after the other: the root does all the work
        // (a library broadcast spreads it out, in about log2(size) rounds).
        for other in (0..world.size()).filter(|&r| r != root) {
            world.process_at_rank(other).send(&data[..]);
        }
    } else {
        world.process_at_rank(root).receive_into(data);
    }
}
// ANCHOR_END: broadcast_by_hand
