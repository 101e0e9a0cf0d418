//! Pass a token once around a ring of ranks: rank 0 hands it to rank 1, rank 1
//! to rank 2, ..., and the last rank back to rank 0. Each hop adds one.
use course_cli::{Args, Usage};
use distributed::require_ranks;
use mpi::traits::*;

const USAGE: Usage = Usage::new(
    "ring",
    "",
    "a token goes once around a ring of ranks (needs 2 ranks)",
);

// ANCHOR: ring
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // --help, or an argument this program does not take: rank 0 says so
    // and every rank stops.
    distributed::arguments(&world, &USAGE, Args::done);
    // A ring of one rank would send the token to itself and wait forever.
    require_ranks(&world, 2, "ring");

    let rank = world.rank();
    let size = world.size();
    let next = world.process_at_rank((rank + 1) % size);
    let previous = world.process_at_rank((rank + size - 1) % size);

    if rank == 0 {
        // Someone has to start: if every rank first waited to receive,
        // none would ever send (a deadlock).
        next.send(&1u64);
        let (token, status) = previous.receive::<u64>();
        println!(
            "rank {rank} received token {token} from rank {}",
            status.source_rank()
        );
    } else {
        // Everyone else waits for the token, adds one, and passes it on.
        let (token, status) = previous.receive::<u64>();
        println!(
            "rank {rank} received token {token} from rank {}",
            status.source_rank()
        );
        next.send(&(token + 1));
    }
}
// ANCHOR_END: ring
