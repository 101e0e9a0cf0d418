//! A deadlock on purpose: ranks 0 and 1 both send first and receive second.
//! `mpirun -n 2` never finishes; stop it with Ctrl-C.
use course_cli::{Args, Usage};
use distributed::require_ranks;
use mpi::traits::*;

const USAGE: Usage = Usage::new(
    "deadlock",
    "",
    "two ranks both send first, synchronously: this one hangs (needs 2 ranks)",
);

// ANCHOR: deadlock
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // --help, or an argument this program does not take: rank 0 says so
    // and every rank stops.
    distributed::arguments(&world, &USAGE, Args::done);
    require_ranks(&world, 2, "deadlock");
    let rank = world.rank();
    if rank > 1 {
        println!("rank {rank} is idle");
        return;
    }
    let partner = world.process_at_rank(1 - rank);
    let message = 100 + rank as u64;

    // A synchronous send returns only once the partner has started the
    // matching receive. Both ranks are stuck here, each waiting for the
    // other to reach its receive: neither ever does.
    partner.synchronous_send(&message);
    let (received, _) = partner.receive::<u64>();
    println!("rank {rank} received {received}");
}
// ANCHOR_END: deadlock
