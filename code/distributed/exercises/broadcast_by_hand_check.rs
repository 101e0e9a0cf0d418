//! Checker of "a broadcast by hand": `mpirun -n 4 exercise_broadcast_by_hand`.
//! Broadcasts from every root in turn; rank 0 gathers what every rank ends
//! with and compares it with the root's data.
#[cfg(not(feature = "solution"))]
#[path = "broadcast_by_hand.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "broadcast_by_hand_solution.rs"]
mod mine;
#[path = "verdict.rs"]
mod verdict;

use distributed::require_ranks;
use mpi::traits::*;

const NAME: &str = "broadcast_by_hand";
const LEN: usize = 3;

/// What the root holds before the broadcast: it names the root, so a rank
/// that got data from the wrong rank shows it.
fn roots_data(root: i32) -> [u64; LEN] {
    let base = 100 * root as u64;
    [base + 1, base + 2, base + 3]
}

fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // With two ranks, "send to the next rank" is already everyone.
    require_ranks(&world, 3, "exercise_broadcast_by_hand");
    verdict::watchdog(&world, NAME);
    let (rank, size) = (world.rank(), world.size());

    let mut verdict = Ok(vec![format!(
        "every rank receives the root's data, for each of the {size} ranks as root"
    )]);
    for root in 0..size {
        let mut data = if rank == root {
            roots_data(root)
        } else {
            [0; LEN]
        };
        mine::broadcast_by_hand(&world, root, &mut data);
        // Collect every rank's buffer on rank 0 (a library collective: the
        // check relies on nothing the exercise writes).
        let gather_root = world.process_at_rank(0);
        if rank == 0 {
            let mut all = vec![0u64; LEN * size as usize];
            gather_root.gather_into_root(&data[..], &mut all[..]);
            if verdict.is_ok() {
                let expected = roots_data(root);
                let wrong = all
                    .chunks(LEN)
                    .enumerate()
                    .find(|(_, got)| *got != expected.as_slice());
                if let Some((r, got)) = wrong {
                    verdict = Err(format!(
                        "after a broadcast from rank {root}, rank {r} has {got:?}, expected \
                         {expected:?}: the root must send to every other rank, and every \
                         rank but the root must receive from it"
                    ));
                }
            }
        } else {
            gather_root.gather_into(&data[..]);
        }
    }
    let verdict = (rank == 0).then_some(verdict);
    verdict::finish(&world, NAME, verdict);
}
