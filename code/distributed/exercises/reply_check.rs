//! Checker of "reply": `mpirun -n 2 exercise_reply` (more ranks are fine:
//! they stay idle). Rank 0 must end up with the sum that rank 1 computed.
#[cfg(not(feature = "solution"))]
#[path = "reply.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "reply_solution.rs"]
mod mine;
#[path = "verdict.rs"]
mod verdict;

use distributed::require_ranks;
use mpi::traits::*;

const NAME: &str = "reply";

fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    require_ranks(&world, 2, "exercise_reply");
    verdict::watchdog(&world, NAME);

    // Two rounds with different numbers, so a typed-in answer cannot pass.
    // Halves and small integers: every sum is exact in any order.
    let rounds: [&[f64]; 2] = [&[1.0, 2.5, 4.0], &[0.5, 8.0, -3.0, 16.25, 2.0]];
    let mut verdict = Ok(Vec::new());
    for numbers in rounds {
        let answer = mine::reply(&world, numbers);
        if world.rank() == 0 && verdict.is_ok() {
            let expected: f64 = numbers.iter().sum();
            verdict = match answer {
                Some(sum) if sum == expected => Ok(vec![format!(
                    "rank 0 gets each sum back from rank 1 (the last: {expected} for {numbers:?})"
                )]),
                Some(sum) => Err(format!(
                    "rank 0 ended with {sum}, expected {expected}, the sum of {numbers:?}: \
                     rank 0 should return what it receives from rank 1"
                )),
                None => Err(format!(
                    "rank 0 returned None, expected Some({expected}): after its send, rank 0 \
                     must receive the sum, and rank 1 must send it back"
                )),
            };
        }
    }
    let verdict = (world.rank() == 0).then_some(verdict);
    verdict::finish(&world, NAME, verdict);
}
