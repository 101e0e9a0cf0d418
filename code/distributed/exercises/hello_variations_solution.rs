//! Solution of "hello, variations".
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;

// ANCHOR: square
/// 1. The number this rank reports: the square of its own rank.
pub fn my_number(world: &SimpleCommunicator) -> i32 {
    // Same program, different data: each copy squares the number only it has.
    let rank = world.rank();
    rank * rank
}
// ANCHOR_END: square

// ANCHOR: one_line
/// 2. The lines this rank prints. The job as a whole must print exactly
///    one line, whatever the number of ranks.
pub fn my_lines(world: &SimpleCommunicator) -> Vec<String> {
    // Every rank runs this `if` and exactly one takes it: rank 0 exists in
    // every job, however many ranks it has.
    if world.rank() == 0 {
        vec![format!(
            "rank 0 of {}: hello on behalf of everyone",
            world.size()
        )]
    } else {
        Vec::new()
    }
}
// ANCHOR_END: one_line
