//! Checks the capstone's MPI track: `cargo xtask exercise heat_mpi`, which
//! runs this program under `mpirun -n 4`. With your halo exchange, every
//! plate must come out as the serial solver's field, to the last bit. Rank 0
//! prints the verdict; every rank exits with the same code, after
//! finalising MPI.

#[cfg(not(feature = "solution"))]
#[path = "heat_mpi.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "heat_mpi_solution.rs"]
mod mine;

use capstone::{Grid, heat_serial};
use capstone_mpi::heat_mpi_with;
use distributed::finalize_and_exit;
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;

const NAME: &str = "heat_mpi";
const R: f32 = 0.2;

/// On rank 0: `None` when `end` is the serial field, else the hint.
fn verdict(start: &Grid, steps: usize, end: &Grid, ranks: i32) -> Option<String> {
    let expected = heat_serial(start, steps, R);
    if *end == expected {
        return None;
    }
    let nx = start.nx;
    let k = (0..end.values.len())
        .find(|&k| end.values[k].to_bits() != expected.values[k].to_bits())
        .expect("the fields differ somewhere");
    let (i, j) = (k / nx, k % nx);
    Some(format!(
        "on {ranks} ranks, cell ({i}, {j}) of the {nx} × {} plate after {steps} steps is {}, the serial solver's {}: do the ghost rows hold the neighbours' rows before every step?",
        start.ny, end.values[k], expected.values[k]
    ))
}

/// Runs every plate; rank 0 returns the first failure's hint.
fn check(world: &SimpleCommunicator) -> Option<String> {
    let size = world.size();
    // Row counts that do and do not divide evenly; never fewer rows than ranks.
    let plates = [(37, 23, 41), (16, 8, 30), (9, 5, 12), (50, 31, 100)];
    for (nx, ny, steps) in plates {
        let ny = ny.max(size as usize);
        let start = Grid::plate(nx, ny);
        let end = heat_mpi_with(world, &start, steps, R, mine::exchange_halo);
        // Only rank 0 gets the field back, so only rank 0 can judge it. It
        // tells every rank, so that all stop after the same plate: a rank
        // that went on alone would start the next plate's collectives with
        // no one to match them (MPICH then reports the orphaned messages).
        let hint = end.and_then(|end| verdict(&start, steps, &end, size));
        let mut failed = i32::from(hint.is_some());
        world.process_at_rank(0).broadcast_into(&mut failed);
        if failed != 0 {
            return hint;
        }
    }
    None
}

fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let root = world.process_at_rank(0);
    if world.size() < 2 {
        eprintln!(
            "usage: run under mpirun with 2 or more ranks (cargo xtask exercise heat_mpi runs 4): one rank has no halo to exchange"
        );
        finalize_and_exit(2);
    }
    let hint = check(&world);
    // Rank 0 alone knows the verdict; every rank exits with its code.
    let mut code: i32 = if hint.is_some() { 1 } else { 0 };
    root.broadcast_into(&mut code);
    if world.rank() == 0 {
        match hint {
            Some(hint) => println!("✗ {NAME}: {hint}"),
            None => println!(
                "✓ {NAME}: correct (the serial solver's field to the last bit on {} ranks)",
                world.size()
            ),
        }
    }
    world.barrier();
    finalize_and_exit(code);
}
