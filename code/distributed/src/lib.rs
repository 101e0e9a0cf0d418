//! Distributed memory with MPI: one program, started as many processes
//! ("ranks") by `mpirun`, that share no memory and cooperate by sending
//! messages. Helpers shared by the episode's examples.

use mpi::topology::SimpleCommunicator;
use mpi::traits::*;

// ANCHOR: require_ranks
/// Stops the job unless `world` has at least `at_least` ranks.
///
/// Every rank knows the size of the job, so every rank makes the same
/// decision and no rank is left waiting for a message that will never come.
/// Rank 0 alone explains, so the message is printed once, not once per rank.
pub fn require_ranks(world: &SimpleCommunicator, at_least: usize, program: &str) {
    let size = world.size() as usize;
    if size >= at_least {
        return;
    }
    if world.rank() == 0 {
        // The path this copy was started by is the one to hand to mpirun.
        let exe = std::env::args()
            .next()
            .unwrap_or_else(|| program.to_string());
        eprintln!(
            "error: {program} needs at least {at_least} MPI ranks, started with {size} \
             (run it with: mpirun -n {at_least} {exe})"
        );
    }
    // Wait until rank 0 has printed: once one rank exits with an error,
    // mpirun kills the others, possibly before they get to say anything.
    world.barrier();
    // Not `world.abort(2)`: that works too, but Open MPI then prints a banner
    // blaming whichever rank got there first. Exiting non-zero on every rank
    // ends the job just as promptly; mpirun passes the 2 on as its own status.
    std::process::exit(2);
}
// ANCHOR_END: require_ranks
