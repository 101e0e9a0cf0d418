//! Exercise: reply. Starting from `send_recv`: rank 1 adds up the numbers
//! it receives; make it send the sum back, and make rank 0 wait for it.
//! Check with: cargo xtask exercise reply
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;

// ANCHOR: reply
/// Rank 0 sends `numbers` to rank 1, and rank 1 adds them up. Returns the
/// sum as this rank knows it: rank 1 computed it, and rank 0 must get it
/// back from rank 1. The other ranks take no part and return `None`.
pub fn reply(world: &SimpleCommunicator, numbers: &[f64]) -> Option<f64> {
    let rank = world.rank();
    if rank == 0 {
        world.process_at_rank(1).send(numbers);
        // Rank 0 has sent, and does not hear back yet.
        None
    } else if rank == 1 {
        let (received, _status) = world.process_at_rank(0).receive_vec::<f64>();
        let sum: f64 = received.iter().sum();
        Some(sum)
    } else {
        None
    }
}
// ANCHOR_END: reply
