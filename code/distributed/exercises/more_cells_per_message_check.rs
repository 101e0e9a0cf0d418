//! Checker of "more cells per message": `mpirun -n 4
//! exercise_more_cells_per_message`. Runs the wide-halo solver with halos
//! of 1, 2, 3 and 8 cells and compares the rod, gathered on rank 0, with
//! the serial solver's, to the last bit.
#[cfg(not(feature = "solution"))]
#[path = "more_cells_per_message.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "more_cells_per_message_solution.rs"]
mod mine;
#[path = "verdict.rs"]
mod verdict;

use distributed::{heat_initial, heat_serial, partition, stop};
use mpi::datatype::PartitionMut;
use mpi::traits::*;

const NAME: &str = "more_cells_per_message";
/// The rod of `heat`: 101 cells, 500 steps, r = 1/4.
const CELLS: usize = 101;
const STEPS: usize = 500;
const R: f64 = 0.25;
/// Halo widths to try; 3 does not divide 500, so the last batch is short.
const WIDTHS: [usize; 4] = [1, 2, 3, 8];

fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let size = world.size() as usize;
    let (counts, displs) = partition(CELLS, size).expect("CELLS is not 0");
    let widest = WIDTHS[WIDTHS.len() - 1];
    if size < 2 || counts.iter().any(|&c| (c as usize) < widest) {
        stop(
            &world,
            &format!(
                "error: exercise_more_cells_per_message needs 2 to {} ranks, so that every \
                 rank has at least {widest} of the {CELLS} cells (started with {size})",
                CELLS / widest
            ),
        );
    }
    verdict::watchdog(&world, NAME);

    let serial = heat_serial(heat_initial(CELLS), STEPS, R);
    let root = world.process_at_rank(0);
    let mut verdict = Ok(Vec::new());
    for k in WIDTHS {
        let mine = mine::heat_wide_halo(&world, CELLS, STEPS, R, k);
        if world.rank() != 0 {
            root.gather_varcount_into(&mine[..]);
            continue;
        }
        let mut rod = vec![0.0; CELLS];
        let mut blocks = PartitionMut::new(&mut rod[..], &counts[..], &displs[..]);
        root.gather_varcount_into_root(&mine[..], &mut blocks);
        let Ok(lines) = &mut verdict else { continue };
        match rod.iter().zip(&serial).position(|(a, b)| a != b) {
            None if k == 1 => lines.push(format!(
                "halo of 1 cell: {STEPS} exchanges of one cell each (as in `heat`), same rod as the serial solver"
            )),
            None => lines.push(format!(
                "halo of {k} cells: {} exchanges of {k} cells each, same rod as the serial solver",
                STEPS.div_ceil(k)
            )),
            Some(cell) => {
                verdict = Err(format!(
                    "with a halo of {k} cells, cell {cell} is {} after {STEPS} steps, the serial \
                     solver has {}: after an exchange, step j may update only the cells whose \
                     two neighbours are up to date after step j - 1 (see `cells_to_update`)",
                    rod[cell], serial[cell]
                ));
            }
        }
    }
    let verdict = (world.rank() == 0).then_some(verdict);
    verdict::finish(&world, NAME, verdict);
}
