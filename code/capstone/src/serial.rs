//! The serial reference: every other solution must agree with it.

use crate::Grid;
use std::ops::Range;

// ANCHOR: update_row
/// One row of the next field from three rows of the current one:
/// `out[j] = u + r (up + down + left + right - 4 u)` for every cell except
/// the first and last, which are the fixed edges (left as they are in `out`).
///
/// Every solution computes every cell with this function or the same formula
/// in the same order, so the CPU solutions agree to the last bit.
pub fn update_row(above: &[f32], row: &[f32], below: &[f32], r: f32, out: &mut [f32]) {
    let n = row.len();
    if n < 3 {
        return;
    }
    // Slices of one length: the compiler can then drop the bounds checks and
    // process several cells per instruction (SIMD).
    let (up, down, out) = (&above[1..n - 1], &below[1..n - 1], &mut out[1..n - 1]);
    let (left, centre, right) = (&row[..n - 2], &row[1..n - 1], &row[2..]);
    for j in 0..n - 2 {
        let laplacian = (up[j] + down[j]) + (left[j] + right[j]) - 4.0 * centre[j];
        out[j] = centre[j] + r * laplacian;
    }
}
// ANCHOR_END: update_row

// ANCHOR: step
/// Computes rows `rows` of `next` from `u`, both `nx` cells wide. The MPI
/// solution calls this on its own block of rows, ghost rows included.
pub fn step_rows(u: &[f32], next: &mut [f32], nx: usize, rows: Range<usize>, r: f32) {
    for i in rows {
        let above = &u[(i - 1) * nx..i * nx];
        let row = &u[i * nx..(i + 1) * nx];
        let below = &u[(i + 1) * nx..(i + 2) * nx];
        update_row(above, row, below, r, &mut next[i * nx..(i + 1) * nx]);
    }
}

/// One time step of the whole grid: every row but the first and the last.
pub fn step(u: &[f32], next: &mut [f32], nx: usize, ny: usize, r: f32) {
    step_rows(u, next, nx, 1..ny.saturating_sub(1), r);
}
// ANCHOR_END: step

// ANCHOR: heat_serial
/// `steps` time steps from `start`. Two buffers take turns being the current
/// field and the next one; both start as copies of `start`, so the fixed
/// edges are in place in both and are never written.
pub fn heat_serial(start: &Grid, steps: usize, r: f32) -> Grid {
    let (nx, ny) = (start.nx, start.ny);
    let mut u = start.values.clone();
    let mut next = start.values.clone();
    for _ in 0..steps {
        step(&u, &mut next, nx, ny, r);
        std::mem::swap(&mut u, &mut next);
    }
    Grid { nx, ny, values: u }
}
// ANCHOR_END: heat_serial

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Checksum, EDGE_TEMPERATURE, Grid, HOT_TEMPERATURE};

    #[test]
    fn one_step_of_one_hot_cell_spreads_r_to_each_neighbour() {
        let start = Grid::from_fn(5, 5, |i, j| if (i, j) == (2, 2) { 1.0 } else { 0.0 });
        let after = heat_serial(&start, 1, 0.125);
        let expected = Grid::from_fn(5, 5, |i, j| match (i.abs_diff(2), j.abs_diff(2)) {
            (0, 0) => 0.5,
            (1, 0) | (0, 1) => 0.125,
            _ => 0.0,
        });
        assert_eq!(after, expected);
    }

    #[test]
    fn a_linear_temperature_profile_is_a_steady_state_to_the_last_bit() {
        // The discrete Laplacian of a linear function is exactly zero, and
        // with small whole numbers every f32 operation is exact.
        let linear = Grid::from_fn(13, 9, |i, j| (3 * i + 2 * j) as f32);
        assert_eq!(heat_serial(&linear, 50, 0.2), linear);
    }

    #[test]
    fn a_sine_mode_decays_by_the_factor_the_analysis_predicts() {
        // With edges at 0, u = sin(pi i/(ny-1)) sin(pi j/(nx-1)) is an
        // eigenvector of the scheme: every step multiplies it by lambda.
        let (nx, ny, r, steps) = (11, 9, 0.2_f64, 40);
        let mode = |i: usize, j: usize| {
            let pi = std::f64::consts::PI;
            (pi * i as f64 / (ny - 1) as f64).sin() * (pi * j as f64 / (nx - 1) as f64).sin()
        };
        let half_angle = |n: usize| (std::f64::consts::PI / (2.0 * (n - 1) as f64)).sin();
        let lambda = 1.0 - 4.0 * r * (half_angle(nx).powi(2) + half_angle(ny).powi(2));
        let start = Grid::from_fn(nx, ny, |i, j| mode(i, j) as f32);
        let end = heat_serial(&start, steps, r as f32);
        let expected = Grid::from_fn(nx, ny, |i, j| {
            (lambda.powi(steps as i32) * mode(i, j)) as f32
        });
        let error = end.max_difference(&expected);
        assert!(error < 1e-5, "max error {error}");
        // ...and it really has decayed, so the test is not trivially true.
        assert!(lambda.powi(steps as i32) < 0.5);
    }

    #[test]
    fn the_plate_stays_mirror_symmetric_exactly() {
        // Mirroring swaps up with down and left with right; a + b == b + a
        // in floating point, so the mirrored cell gets the same bits.
        let (nx, ny) = (24, 17);
        let end = heat_serial(&Grid::plate(nx, ny), 60, 0.2);
        for i in 0..ny {
            for j in 0..nx {
                assert_eq!(end.get(i, j), end.get(ny - 1 - i, j), "({i}, {j})");
                assert_eq!(end.get(i, j), end.get(i, nx - 1 - j), "({i}, {j})");
            }
        }
        // On a square plate, transposing swaps the two sums: still exact.
        let square = heat_serial(&Grid::plate(20, 20), 60, 0.2);
        for i in 0..20 {
            for j in 0..20 {
                assert_eq!(square.get(i, j), square.get(j, i), "({i}, {j})");
            }
        }
    }

    #[test]
    fn temperatures_stay_between_edge_and_hot_and_the_excess_heat_drains() {
        let (nx, ny) = (30, 20);
        let excess = |g: &Grid| Checksum::of(g).sum - (nx * ny) as f64 * EDGE_TEMPERATURE as f64;
        let mut grid = Grid::plate(nx, ny);
        let mut before = excess(&grid);
        for _ in 0..20 {
            grid = heat_serial(&grid, 25, 0.25);
            // The maximum principle: a stable step never creates a new
            // extreme, so every value stays within the starting range (up to
            // rounding, a few units in the last place).
            let (low, high) = (EDGE_TEMPERATURE - 1e-6, HOT_TEMPERATURE + 1e-6);
            assert!(grid.values.iter().all(|&t| (low..=high).contains(&t)));
            // Heat leaves through the cold edges and never comes back.
            let now = excess(&grid);
            assert!(now < before, "{now} >= {before}");
            before = now;
        }
    }

    #[test]
    fn the_plate_reaches_the_edge_temperature_everywhere() {
        // The steady state of Dirichlet edges at one temperature is that
        // temperature everywhere.
        let end = heat_serial(&Grid::plate(10, 8), 2000, 0.2);
        let edge = Grid::from_fn(10, 8, |_, _| EDGE_TEMPERATURE);
        assert!(end.max_difference(&edge) < 1e-6);
    }

    #[test]
    fn above_the_stability_limit_the_error_grows() {
        // Why `Diffusion::new` refuses dt > h^2/(4 alpha): a checkerboard
        // ripple (the fastest mode) is multiplied by 1 - 8r per step, which
        // is below -1 once r > 1/4.
        let ripple = Grid::from_fn(12, 12, |i, j| {
            let inside = i > 0 && j > 0 && i < 11 && j < 11;
            if inside && (i + j) % 2 == 0 {
                1e-3
            } else {
                0.0
            }
        });
        let size = |g: &Grid| g.values.iter().fold(0.0_f32, |m, v| m.max(v.abs()));
        assert!(size(&heat_serial(&ripple, 100, 0.2)) < 1e-3);
        assert!(size(&heat_serial(&ripple, 100, 0.3)) > 1.0);
    }

    #[test]
    fn grids_without_inside_cells_do_not_change() {
        for (nx, ny) in [(1, 1), (1, 7), (7, 1), (2, 2), (2, 9), (9, 2)] {
            let start = Grid::from_fn(nx, ny, |i, j| (i * 10 + j) as f32);
            assert_eq!(heat_serial(&start, 5, 0.2), start, "{nx} x {ny}");
        }
    }
}
