//! The data of the round-trip exercise.

/// A `rows x cols` grid in C order: value `(i, j)` at `i * cols + j`. Smooth
/// like a simulated field, and not representable in few digits.
pub fn grid(rows: usize, cols: usize) -> Vec<f64> {
    let mut values = Vec::with_capacity(rows * cols);
    for i in 0..rows {
        for j in 0..cols {
            values.push((i as f64 * 0.1).sin() * (j as f64 * 0.05).cos() + 1e-3 * j as f64);
        }
    }
    values
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_grid_is_row_major() {
        let g = super::grid(3, 4);
        assert_eq!(g.len(), 12);
        assert_eq!(g[0], 0.0);
        let (i, j, cols) = (1, 2, 4);
        assert_eq!(g[i * cols + j], (0.1f64).sin() * (0.1f64).cos() + 2e-3);
    }
}
