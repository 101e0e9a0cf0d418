//! The 1-D heat equation u_t = alpha u_xx on several ranks: each rank owns a
//! block of cells plus one ghost cell on each side, refreshed from the
//! neighbours (a halo exchange) before every step. Rank 0 gathers the result
//! and compares it with the serial solver.
use course_cli::{Args, Error, Usage};
use distributed::{heat_cell, heat_initial, heat_serial, partition, stop_with};
use mpi::datatype::PartitionMut;
use mpi::point_to_point::send_receive;
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;

const CELLS: usize = 101;
const STEPS: usize = 500;
/// alpha dt / dx^2: at most 1/2 for the explicit scheme to be stable.
const R: f64 = 0.25;

const USAGE: Usage = Usage::new(
    "heat",
    "",
    "a heated rod on several ranks, with halo exchange, checked against the serial one",
);

// ANCHOR: halo
/// Fills the ghost cells `u[0]` and `u[len - 1]` with the neighbours' edge
/// cells. The first and last rank have a neighbour on one side only.
fn exchange_halo(world: &SimpleCommunicator, u: &mut [f64]) {
    let (rank, size) = (world.rank(), world.size());
    let last = u.len() - 2; // the last cell this rank owns
    let left = (rank > 0).then(|| world.process_at_rank(rank - 1));
    let right = (rank + 1 < size).then(|| world.process_at_rank(rank + 1));

    // Shift right: my last cell becomes my right neighbour's left ghost, while
    // my left neighbour's last cell becomes mine. send_receive does both at
    // once, so the chain of ranks cannot deadlock.
    match (&left, &right) {
        (Some(l), Some(r)) => u[0] = send_receive::<f64, _, _, _>(&u[last], r, l).0,
        (None, Some(r)) => r.send(&u[last]),
        (Some(l), None) => u[0] = l.receive::<f64>().0,
        (None, None) => {}
    }
    // Shift left: the mirror image.
    match (&left, &right) {
        (Some(l), Some(r)) => u[last + 1] = send_receive::<f64, _, _, _>(&u[1], l, r).0,
        (Some(l), None) => l.send(&u[1]),
        (None, Some(r)) => u[last + 1] = r.receive::<f64>().0,
        (None, None) => {}
    }
}
// ANCHOR_END: halo

// ANCHOR: heat
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // --help, or an argument this program does not take: rank 0 says so
    // and every rank stops.
    distributed::arguments(&world, &USAGE, Args::done);
    let (rank, size) = (world.rank() as usize, world.size() as usize);
    let (counts, displs) = partition(CELLS, size).expect("CELLS is not 0");
    if counts.contains(&0) {
        // Every rank knows the size: the same verdict everywhere.
        let message = format!("heat: {CELLS} cells for {size} ranks leaves some idle");
        stop_with(&world, &Error::Usage(message));
    }
    let (count, start) = (counts[rank] as usize, displs[rank] as usize);

    // Local cells 1..=count hold global cells start..start + count; 0 and
    // count + 1 are the ghosts. Every rank builds its part of the initial
    // condition itself, so nothing needs sending to start.
    let initial = heat_initial(CELLS);
    let mut u = vec![0.0; count + 2];
    u[1..=count].copy_from_slice(&initial[start..start + count]);
    let mut next = u.clone();

    for _ in 0..STEPS {
        exchange_halo(&world, &mut u);
        for i in 1..=count {
            let global = start + i - 1;
            // The two ends of the rod keep their fixed temperature.
            next[i] = if global == 0 || global == CELLS - 1 {
                u[i]
            } else {
                // Same function, same operands as the serial solver.
                heat_cell(u[i - 1], u[i], u[i + 1], R)
            };
        }
        std::mem::swap(&mut u, &mut next);
    }

    let mine = &u[1..=count];
    let root = world.process_at_rank(0);
    if rank == 0 {
        let mut all = vec![0.0; CELLS];
        let mut blocks = PartitionMut::new(&mut all[..], &counts[..], &displs[..]);
        root.gather_varcount_into_root(mine, &mut blocks);
        let serial = heat_serial(initial, STEPS, R);
        let checksum: f64 = all.iter().sum();
        let max_difference = all
            .iter()
            .zip(&serial)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        println!("heat: {CELLS} cells, {STEPS} steps on {size} ranks");
        println!("checksum: {checksum}");
        println!("max |difference| vs serial: {max_difference}");
    } else {
        root.gather_varcount_into(mine);
    }
}
// ANCHOR_END: heat
