//! Blocking, seen from the clock: rank 1 naps before each receive, and rank
//! 0 notes how long its sends take to return.
//! `mpirun -n 2 staggered`
use course_cli::{Args, Usage};
use distributed::require_ranks;
use mpi::traits::*;
use std::time::Duration;

/// How long rank 1 naps before each of its receives.
const NAP: Duration = Duration::from_millis(500);

const USAGE: Usage = Usage::new(
    "staggered",
    "",
    "when send and synchronous_send return, against a late receiver (needs 2 ranks)",
);

// ANCHOR: staggered
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // --help, or an argument this program does not take: rank 0 says so
    // and every rank stops.
    distributed::arguments(&world, &USAGE, Args::done);
    require_ranks(&world, 2, "staggered");
    let rank = world.rank();
    world.barrier(); // both clocks start together

    if rank == 0 {
        let rank1 = world.process_at_rank(1);
        let start = mpi::time();
        // A standard send may return as soon as the message is safely on
        // its way: a small one is copied into a buffer and rank 0 goes on.
        rank1.send(&1u64);
        let standard = mpi::time() - start;
        // A synchronous send returns only once rank 1 has started the
        // matching receive: after both of its naps.
        rank1.synchronous_send(&2u64);
        let synchronous = mpi::time() - start;
        println!("rank 0: send returned after {standard:.3} s");
        println!("rank 0: synchronous_send returned after {synchronous:.3} s");
    } else if rank == 1 {
        let rank0 = world.process_at_rank(0);
        for _ in 0..2 {
            std::thread::sleep(NAP);
            // A receive always blocks until a message has arrived.
            let (value, _) = rank0.receive::<u64>();
            println!(
                "rank 1: received {value} after a nap of {} s",
                NAP.as_secs_f64()
            );
        }
    } else {
        println!("rank {rank} is idle");
    }
}
// ANCHOR_END: staggered
