//! Exercise: more cells per message. The heat solver of `heat`, with a halo
//! `k` cells wide exchanged every `k` steps instead of one cell every step.
//! The exchange is written; which cells each of the `k` steps may update
//! is not: with `k > 1` the answer is wrong.
//! Check with: cargo xtask exercise more_cells_per_message
use distributed::{heat_cell, heat_initial, partition};
use mpi::point_to_point::send_receive_into;
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;
use std::ops::Range;

// ANCHOR: cells_to_update
/// The local cells that step `j` (0, 1, …, k - 1) after an exchange may
/// update, in an array of `len` cells: `k` ghosts, this rank's own cells,
/// `k` ghosts.
///
/// Right after the exchange every cell is up to date. A step needs both
/// neighbours of a cell, so each step can bring up to date one cell fewer
/// at each end than the step before.
pub fn cells_to_update(j: usize, k: usize, len: usize) -> Range<usize> {
    // This rank's own cells, at every step: the ghosts are updated only by
    // the exchange, so from the second step on the cells next to them are
    // computed from stale values.
    let _ = j; // not used yet
    k..len - k
}
// ANCHOR_END: cells_to_update

/// Fills the `k` ghost cells at each end of `u` with the neighbours' `k`
/// edge cells. The first and last rank have a neighbour on one side only.
pub fn exchange_halo(world: &SimpleCommunicator, u: &mut [f64], k: usize) {
    let (rank, size) = (world.rank(), world.size());
    let own_end = u.len() - k; // own cells are u[k..own_end]
    let left = (rank > 0).then(|| world.process_at_rank(rank - 1));
    let right = (rank + 1 < size).then(|| world.process_at_rank(rank + 1));

    // Shift right: my last k cells become my right neighbour's left ghosts.
    let outgoing = u[own_end - k..own_end].to_vec();
    match (&left, &right) {
        (Some(l), Some(r)) => {
            send_receive_into(&outgoing[..], r, &mut u[..k], l);
        }
        (None, Some(r)) => r.send(&outgoing[..]),
        (Some(l), None) => {
            l.receive_into(&mut u[..k]);
        }
        (None, None) => {}
    }
    // Shift left: the mirror image.
    let outgoing = u[k..2 * k].to_vec();
    match (&left, &right) {
        (Some(l), Some(r)) => {
            send_receive_into(&outgoing[..], l, &mut u[own_end..], r);
        }
        (Some(l), None) => l.send(&outgoing[..]),
        (None, Some(r)) => {
            r.receive_into(&mut u[own_end..]);
        }
        (None, None) => {}
    }
}

/// Runs `steps` steps of the heat equation on `cells` cells (the rod of
/// `heat`) spread over the ranks, exchanging halos `k` cells wide every `k`
/// steps. Returns this rank's own cells. Every rank needs at least `k`
/// cells.
pub fn heat_wide_halo(
    world: &SimpleCommunicator,
    cells: usize,
    steps: usize,
    r: f64,
    k: usize,
) -> Vec<f64> {
    let (rank, size) = (world.rank() as usize, world.size() as usize);
    let (counts, displs) = partition(cells, size).expect("at least one cell");
    let (count, start) = (counts[rank] as usize, displs[rank] as usize);
    // Local cell i is global cell start + i - k: k ghosts on each side.
    let global = |i: usize| (start + i).checked_sub(k).filter(|&g| g < cells);
    let mut u = vec![0.0; count + 2 * k];
    u[k..k + count].copy_from_slice(&heat_initial(cells)[start..start + count]);
    let mut next = u.clone();

    let mut done = 0;
    while done < steps {
        exchange_halo(world, &mut u, k);
        let batch = k.min(steps - done);
        for j in 0..batch {
            for i in cells_to_update(j, k, u.len()) {
                next[i] = match global(i) {
                    // Inner cells of the rod: the serial solver's update.
                    Some(g) if g > 0 && g < cells - 1 => heat_cell(u[i - 1], u[i], u[i + 1], r),
                    // The rod's fixed ends, and ghosts beyond them, keep their value.
                    _ => u[i],
                };
            }
            std::mem::swap(&mut u, &mut next);
        }
        done += batch;
    }
    u[k..k + count].to_vec()
}
