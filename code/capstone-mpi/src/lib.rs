//! Free exercise time, the MPI solution: the rows of the plate are shared
//! out among the ranks; before every step each rank swaps its edge rows with
//! its neighbours (the halo exchange); at the end rank 0 gathers the field.

use capstone::{Grid, step_rows};
use distributed::partition;
use mpi::datatype::PartitionMut;
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;

// ANCHOR: halo
/// Refreshes the ghost rows of `u`, a block of rows `nx` cells wide: the
/// first row is a copy of the last row of the rank above, the last row a copy
/// of the first row of the rank below. The top and bottom rank have one
/// neighbour only.
pub fn exchange_halo(world: &SimpleCommunicator, u: &mut [f32], nx: usize) {
    let (rank, size) = (world.rank(), world.size());
    // Split the block into four non-overlapping parts, so that MPI may write
    // the ghosts while it reads the edge rows.
    let (ghost_above, rest) = u.split_at_mut(nx);
    let (owned, ghost_below) = rest.split_at_mut(rest.len() - nx);
    let first = &owned[..nx];
    let last = &owned[owned.len() - nx..];

    mpi::request::scope(|scope| {
        // Non-blocking: start all four transfers, then wait for them all.
        // Nobody waits for anybody in a fixed order, so nobody deadlocks.
        let mut pending = Vec::new();
        if rank > 0 {
            let above = world.process_at_rank(rank - 1);
            pending.push(above.immediate_receive_into(scope, ghost_above));
            pending.push(above.immediate_send(scope, first));
        }
        if rank + 1 < size {
            let below = world.process_at_rank(rank + 1);
            pending.push(below.immediate_receive_into(scope, ghost_below));
            pending.push(below.immediate_send(scope, last));
        }
        for request in pending {
            request.wait();
        }
    });
}
// ANCHOR_END: halo

// ANCHOR: heat_mpi
/// `steps` time steps of the plate `start` (every rank builds it the same
/// way) on all ranks of `world`. Rank 0 gets the whole field back, the
/// others `None`. Every rank must own at least one row: see [`rows_per_rank`].
pub fn heat_mpi(world: &SimpleCommunicator, start: &Grid, steps: usize, r: f32) -> Option<Grid> {
    heat_mpi_with(world, start, steps, r, exchange_halo)
}

/// A halo exchange: refreshes the ghost rows of a block `nx` cells wide.
pub type HaloExchange = fn(&SimpleCommunicator, &mut [f32], usize);

/// [`heat_mpi`] with another halo exchange (the capstone's MPI exercise).
pub fn heat_mpi_with(
    world: &SimpleCommunicator,
    start: &Grid,
    steps: usize,
    r: f32,
    exchange: HaloExchange,
) -> Option<Grid> {
    let (nx, ny) = (start.nx, start.ny);
    let (rank, size) = (world.rank() as usize, world.size() as usize);
    let (rows, first_rows) = rows_per_rank(ny, size).expect("checked by the caller");
    let (count, first) = (rows[rank], first_rows[rank]);

    // Local rows 1..=count are global rows first..first + count; local rows
    // 0 and count + 1 are the ghosts. Both buffers start with the same
    // values, so the fixed edges are in place in both.
    let mut u = vec![0.0; (count + 2) * nx];
    u[nx..(count + 1) * nx].copy_from_slice(&start.values[first * nx..(first + count) * nx]);
    let mut next = u.clone();

    // The global edge rows (0 and ny - 1) never change: skip them if mine.
    let lowest = if first == 0 { 2 } else { 1 };
    let highest = if first + count == ny {
        count
    } else {
        count + 1
    };
    for _ in 0..steps {
        exchange(world, &mut u, nx);
        // The serial solver's own function, on my rows only.
        step_rows(&u, &mut next, nx, lowest..highest, r);
        std::mem::swap(&mut u, &mut next);
    }

    // Gather every rank's owned rows (not the ghosts) on rank 0.
    let mine = &u[nx..(count + 1) * nx];
    let root = world.process_at_rank(0);
    if rank == 0 {
        let counts: Vec<mpi::Count> = rows.iter().map(|&n| (n * nx) as mpi::Count).collect();
        let starts: Vec<mpi::Count> = first_rows.iter().map(|&s| (s * nx) as mpi::Count).collect();
        let mut values = vec![0.0; nx * ny];
        let mut blocks = PartitionMut::new(&mut values[..], &counts[..], &starts[..]);
        root.gather_varcount_into_root(mine, &mut blocks);
        Some(Grid { nx, ny, values })
    } else {
        root.gather_varcount_into(mine);
        None
    }
}
// ANCHOR_END: heat_mpi

// ANCHOR: rows
/// How many rows each of `size` ranks owns, and its first row: as even as
/// possible, the first ranks taking one more when `ny` does not divide. An
/// error when some rank would get no row at all.
pub fn rows_per_rank(ny: usize, size: usize) -> Result<(Vec<usize>, Vec<usize>), String> {
    if ny < size {
        return Err(format!(
            "{ny} rows cannot be shared by {size} ranks: every rank needs at least one row"
        ));
    }
    // The same partition as the MPI episode's scatter and 1-D heat.
    let (counts, starts) = partition(ny, size)?;
    let to_usize = |v: Vec<mpi::Count>| v.into_iter().map(|c| c as usize).collect();
    Ok((to_usize(counts), to_usize(starts)))
}
// ANCHOR_END: rows

#[cfg(test)]
mod tests {
    use super::rows_per_rank;

    #[test]
    fn rows_are_shared_as_evenly_as_possible() {
        assert_eq!(
            rows_per_rank(8, 4).unwrap(),
            (vec![2, 2, 2, 2], vec![0, 2, 4, 6])
        );
        assert_eq!(
            rows_per_rank(10, 4).unwrap(),
            (vec![3, 3, 2, 2], vec![0, 3, 6, 8])
        );
        assert_eq!(rows_per_rank(5, 1).unwrap(), (vec![5], vec![0]));
        assert_eq!(rows_per_rank(3, 3).unwrap(), (vec![1, 1, 1], vec![0, 1, 2]));
    }

    #[test]
    fn fewer_rows_than_ranks_is_an_error() {
        assert_eq!(
            rows_per_rank(3, 4).unwrap_err(),
            "3 rows cannot be shared by 4 ranks: every rank needs at least one row"
        );
    }
}
