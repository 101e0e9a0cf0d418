//! One solution of "find the bug": both fixes.
use motivation::RowMajor;

// ANCHOR: fix_loops
/// Fix 1: the rows in the outer loop, so the inner loop walks along a row,
/// through neighbouring addresses.
pub fn sum_fixed_loops(a: &RowMajor) -> f64 {
    let mut total = 0.0;
    for i in 0..a.rows {
        for j in 0..a.cols {
            total += a.get(i, j);
        }
    }
    total
}
// ANCHOR_END: fix_loops

// ANCHOR: fix_layout
/// Fix 2: column-major storage ("Fortran order"): `(i + 1, j)` sits right
/// after `(i, j)`, so the column-by-column loop reads memory in order.
pub fn position(rows: usize, cols: usize, i: usize, j: usize) -> usize {
    let _ = cols; // column-major storage does not need the number of columns
    j * rows + i
}

/// Sums an array stored by `position`, column by column (unchanged).
pub fn sum_fixed_layout(data: &[f64], rows: usize, cols: usize) -> f64 {
    let mut total = 0.0;
    for j in 0..cols {
        for i in 0..rows {
            total += data[position(rows, cols, i, j)];
        }
    }
    total
}
// ANCHOR_END: fix_layout
