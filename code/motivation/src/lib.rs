//! Day 1, Motivation: why the order of two nested loops can cost a factor of ten.
//!
//! A 2-D array lives in one flat block of memory. Which neighbour of an element
//! sits next to it in memory depends on the layout; walking the array in the
//! order it is stored is fast, walking across it is slow.

// ANCHOR: row_major
/// A 2-D array of `f64` stored row after row ("C order", like NumPy's default):
/// element `(i, j)` lives at `data[i * cols + j]`.
pub struct RowMajor {
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<f64>,
}

impl RowMajor {
    pub fn from_fn(rows: usize, cols: usize, f: impl Fn(usize, usize) -> f64) -> Self {
        let mut data = Vec::with_capacity(rows * cols);
        for i in 0..rows {
            for j in 0..cols {
                data.push(f(i, j));
            }
        }
        RowMajor { rows, cols, data }
    }

    pub fn get(&self, i: usize, j: usize) -> f64 {
        self.data[i * self.cols + j]
    }
}
// ANCHOR_END: row_major

// ANCHOR: rows_outer
/// Rows in the outer loop: the inner loop walks along a row, through
/// neighbouring addresses.
pub fn sum_rows_outer(a: &RowMajor) -> f64 {
    let mut total = 0.0;
    for i in 0..a.rows {
        for j in 0..a.cols {
            total += a.get(i, j);
        }
    }
    total
}
// ANCHOR_END: rows_outer

// ANCHOR: cols_outer
/// The loops swapped: the inner loop walks down a column, jumping
/// `cols * 8` bytes between consecutive reads.
pub fn sum_cols_outer(a: &RowMajor) -> f64 {
    let mut total = 0.0;
    for j in 0..a.cols {
        for i in 0..a.rows {
            total += a.get(i, j);
        }
    }
    total
}
// ANCHOR_END: cols_outer

// ANCHOR: col_major
/// The same array stored column after column ("Fortran order", NumPy's
/// `order='F'`): element `(i, j)` lives at `data[j * rows + i]`.
pub struct ColMajor {
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<f64>,
}

impl ColMajor {
    pub fn from_fn(rows: usize, cols: usize, f: impl Fn(usize, usize) -> f64) -> Self {
        let mut data = Vec::with_capacity(rows * cols);
        for j in 0..cols {
            for i in 0..rows {
                data.push(f(i, j));
            }
        }
        ColMajor { rows, cols, data }
    }

    pub fn get(&self, i: usize, j: usize) -> f64 {
        self.data[j * self.rows + i]
    }
}

/// Exactly the loop of `sum_cols_outer`, now walking through memory in order.
pub fn sum_cols_outer_col_major(a: &ColMajor) -> f64 {
    let mut total = 0.0;
    for j in 0..a.cols {
        for i in 0..a.rows {
            total += a.get(i, j);
        }
    }
    total
}
// ANCHOR_END: col_major

/// The value every test and example puts at `(i, j)`: small whole numbers,
/// so that every summation order gives exactly the same `f64` total.
pub fn test_value(i: usize, j: usize) -> f64 {
    ((3 * i + 7 * j) % 10) as f64
}

/// The exact sum of `test_value` over a `rows x cols` array, counted with
/// integers, so it does not depend on any floating-point order.
pub fn reference_sum(rows: usize, cols: usize) -> f64 {
    let mut total: u64 = 0;
    for i in 0..rows {
        for j in 0..cols {
            total += ((3 * i + 7 * j) % 10) as u64;
        }
    }
    total as f64
}

/// Times the sums: the course's one `time_best_of` (the exercise checker
/// uses it too).
pub use course_cli::time_best_of;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_loop_orders_and_both_layouts_agree_with_the_reference() {
        for (rows, cols) in [(1, 1), (1, 17), (17, 1), (64, 64), (100, 37), (257, 513)] {
            let expected = reference_sum(rows, cols);
            let c = RowMajor::from_fn(rows, cols, test_value);
            let f = ColMajor::from_fn(rows, cols, test_value);
            assert_eq!(sum_rows_outer(&c), expected, "rows outer, {rows}x{cols}");
            assert_eq!(sum_cols_outer(&c), expected, "cols outer, {rows}x{cols}");
            assert_eq!(
                sum_cols_outer_col_major(&f),
                expected,
                "col-major, {rows}x{cols}"
            );
        }
    }

    #[test]
    fn layouts_put_elements_where_the_page_says() {
        let c = RowMajor::from_fn(2, 3, |i, j| (10 * i + j) as f64);
        let f = ColMajor::from_fn(2, 3, |i, j| (10 * i + j) as f64);
        assert_eq!(c.data, [0.0, 1.0, 2.0, 10.0, 11.0, 12.0]);
        assert_eq!(f.data, [0.0, 10.0, 1.0, 11.0, 2.0, 12.0]);
        assert_eq!(c.get(1, 2), 12.0);
        assert_eq!(f.get(1, 2), 12.0);
    }

    #[test]
    fn an_empty_array_sums_to_zero() {
        let c = RowMajor::from_fn(0, 5, test_value);
        assert_eq!(sum_rows_outer(&c), 0.0);
        assert_eq!(sum_cols_outer(&c), 0.0);
    }
}
