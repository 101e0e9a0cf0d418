//! The deadlock fixed with a combined send-and-receive: MPI does both
//! halves of the exchange at once, in whatever order makes progress.
use course_cli::{Args, Usage};
use distributed::require_ranks;
use mpi::point_to_point::send_receive;
use mpi::traits::*;

const USAGE: Usage = Usage::new(
    "deadlock_fixed_sendrecv",
    "",
    "the deadlock fixed with send_receive (needs 2 ranks)",
);

// ANCHOR: deadlock_fixed_sendrecv
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // --help, or an argument this program does not take: rank 0 says so
    // and every rank stops.
    distributed::arguments(&world, &USAGE, Args::done);
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
