//! Exercise "predict the strides": for each of six arrays and views, replace
//! `None` by your prediction of its strides in elements, e.g. `Some(&[4, 1])`.
//! Then check with
//!     cargo xtask exercise strides
//!
//! The six, in order:
//! 1. `c_order(4, 6).t()`: the transpose of a 4 x 6 C-order array
//! 2. `f_order(4, 6)`: a 4 x 6 Fortran-order array
//! 3. `c_order(4, 6).slice(s![..;2, 1..5;3])`
//! 4. `Array3::<f64>::zeros((2, 3, 4))`: C order
//! 5. `Array3::<f64>::zeros((2, 3, 4).f())`: Fortran order
//! 6. a row of 6 broadcast to shape (4, 6)

// ANCHOR: predictions
pub const PREDICTED_STRIDES: [Option<&[isize]>; 6] = [None, None, None, None, None, None];
// ANCHOR_END: predictions
