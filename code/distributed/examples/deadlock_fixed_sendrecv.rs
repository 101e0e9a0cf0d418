//! The deadlock fixed with a combined send-and-receive: MPI does both
//! halves of the exchange at once, in whatever order makes progress.
use distributed::require_ranks;
use mpi::point_to_point::send_receive;
use mpi::traits::*;

// ANCHOR: deadlock_fixed_sendrecv
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    require_ranks(&world, 2, "deadlock_fixed_sendrecv");
    let rank = world.rank();
    if rank > 1 {
        println!("rank {rank} is idle");
        return;
    }
    let partner = world.process_at_rank(1 - rank);
    let message = 100 + rank as u64;

    // Send to the partner and receive from it in one call (MPI_Sendrecv):
    // no rank has to go first.
    let (received, _) = send_receive::<u64, _, _, _>(&message, &partner, &partner);
    println!("rank {rank} received {received}");
}
// ANCHOR_END: deadlock_fixed_sendrecv
