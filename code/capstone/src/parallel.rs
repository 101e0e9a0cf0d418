//! The rayon solution: the rows of one step are independent, so they can be
//! computed in parallel.

use crate::{Grid, update_row};
use rayon::prelude::*;

// ANCHOR: step_rayon
/// One time step with the rows shared out among rayon's threads. Each thread
/// writes only its own rows of `next` (`par_chunks_mut` hands out disjoint
/// `&mut` slices) and reads `u`, which nobody writes: no locks needed.
pub fn step_rayon(u: &[f32], next: &mut [f32], nx: usize, ny: usize, r: f32) {
    if ny < 3 {
        return; // no inside rows
    }
    next[nx..(ny - 1) * nx]
        .par_chunks_mut(nx)
        .enumerate()
        .for_each(|(k, out)| {
            let i = k + 1; // chunk 0 is row 1: row 0 is the edge
            let above = &u[(i - 1) * nx..i * nx];
            let row = &u[i * nx..(i + 1) * nx];
            let below = &u[(i + 1) * nx..(i + 2) * nx];
            update_row(above, row, below, r, out);
        });
}
// ANCHOR_END: step_rayon

/// [`crate::heat_serial`] with [`step_rayon`] for each step.
pub fn heat_rayon(start: &Grid, steps: usize, r: f32) -> Grid {
    let (nx, ny) = (start.nx, start.ny);
    let mut u = start.values.clone();
    let mut next = start.values.clone();
    for _ in 0..steps {
        step_rayon(&u, &mut next, nx, ny, r);
        std::mem::swap(&mut u, &mut next);
    }
    Grid { nx, ny, values: u }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heat_serial;

    #[test]
    fn rayon_equals_serial_to_the_last_bit() {
        // Same function, same operands, same order for every cell: the
        // results must be identical, not merely close.
        for (nx, ny) in [
            (1, 1),
            (2, 5),
            (3, 3),
            (5, 1),
            (17, 4),
            (64, 64),
            (101, 37),
            (7, 300),
        ] {
            let start = Grid::plate(nx, ny);
            assert_eq!(
                heat_rayon(&start, 33, 0.2),
                heat_serial(&start, 33, 0.2),
                "{nx} x {ny}"
            );
        }
    }

    #[test]
    fn rayon_is_exact_on_more_threads_than_rows() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(8)
            .build()
            .unwrap();
        let start = Grid::plate(40, 6);
        let parallel = pool.install(|| heat_rayon(&start, 20, 0.25));
        assert_eq!(parallel, heat_serial(&start, 20, 0.25));
    }
}
