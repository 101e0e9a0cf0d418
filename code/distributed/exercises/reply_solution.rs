//! Solution of "reply".
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;

// ANCHOR: reply
/// Rank 0 sends `numbers` to rank 1, and rank 1 adds them up. Returns the
/// sum as this rank knows it: rank 1 computed it, and rank 0 must get it
/// back from rank 1. The other ranks take no part and return `None`.
pub fn reply(world: &SimpleCommunicator, numbers: &[f64]) -> Option<f64> {
    let rank = world.rank();
    if rank == 0 {
        let rank1 = world.process_at_rank(1);
        rank1.send(numbers);
        // Send first, then wait for the answer: rank 1 does the opposite,
        // so each receive has a matching send and nobody waits for ever.
        let (sum, _status) = rank1.receive::<f64>();
        Some(sum)
    } else if rank == 1 {
        let rank0 = world.process_at_rank(0);
        let (received, _status) = rank0.receive_vec::<f64>();
        let sum: f64 = received.iter().sum();
        rank0.send(&sum);
        Some(sum)
    } else {
        None
    }
}
// ANCHOR_END: reply
