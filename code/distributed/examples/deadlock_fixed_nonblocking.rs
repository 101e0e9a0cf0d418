//! The deadlock fixed with a non-blocking send: start the send, receive,
//! then wait for the send to complete.
use course_cli::{Args, Usage};
use distributed::require_ranks;
use mpi::traits::*;

const USAGE: Usage = Usage::new(
    "deadlock_fixed_nonblocking",
    "",
    "the deadlock fixed with a non-blocking send (needs 2 ranks)",
);

// ANCHOR: deadlock_fixed_nonblocking
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // --help, or an argument this program does not take: rank 0 says so
    // and every rank stops.
    distributed::arguments(&world, &USAGE, Args::done);
    require_ranks(&world, 2, "deadlock_fixed_nonblocking");
    let rank = world.rank();
    if rank > 1 {
        println!("rank {rank} is idle");
        return;
    }
    let partner = world.process_at_rank(1 - rank);
    // Declared outside the scope: MPI may read `message` until the send has
    // completed, and the scope makes sure that happens before it ends.
    let message = 100 + rank as u64;
    let mut received = 0u64;

    mpi::request::scope(|scope| {
        // Returns at once: the send proceeds in the background...
        let send = partner.immediate_send(scope, &message);
        // ...so both ranks get to their receive, and both messages match.
        partner.receive_into(&mut received);
        // A request must be waited for: dropping it unfinished panics.
        send.wait();
    });
    println!("rank {rank} received {received}");
}
// ANCHOR_END: deadlock_fixed_nonblocking
