//! Exercise: hello, variations. Every rank runs these functions; the
//! checker calls them on every rank and collects the answers on rank 0.
//! Check with: cargo xtask exercise hello_variations
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;

// ANCHOR: square
/// 1. The number this rank reports: the square of its own rank.
pub fn my_number(world: &SimpleCommunicator) -> i32 {
    // Every rank reports its rank; make it the rank's square.
    world.rank()
}
// ANCHOR_END: square

// ANCHOR: one_line
/// 2. The lines this rank prints. The job as a whole must print exactly
///    one line, whatever the number of ranks.
pub fn my_lines(world: &SimpleCommunicator) -> Vec<String> {
    // As in `hello`: every rank greets, so the job prints `size` lines.
    vec![format!(
        "Hello from rank {} of {}",
        world.rank(),
        world.size()
    )]
}
// ANCHOR_END: one_line
