//! Exercise: a broadcast by hand, with `send` and `receive_into` only.
//! Check with: cargo xtask exercise broadcast_by_hand
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;

// ANCHOR: broadcast_by_hand
/// Every rank calls this with a buffer of the same length. Afterwards every
/// rank's `data` must hold what the `root`'s held, as after
/// `world.process_at_rank(root).broadcast_into(data)`.
pub fn broadcast_by_hand(world: &SimpleCommunicator, root: i32, data: &mut [u64]) {
    let rank = world.rank();
    // So far the root sends to one rank only, the next one: the data
    // reaches two ranks of the job, not all of them.
    let next = (root + 1) % world.size();
    if rank == root {
        world.process_at_rank(next).send(&data[..]);
    } else if rank == next {
        world.process_at_rank(root).receive_into(data);
    }
}
// ANCHOR_END: broadcast_by_hand
