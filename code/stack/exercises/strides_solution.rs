//! The strides exercise, solved: every prediction filled in.

// ANCHOR: predictions
pub const PREDICTED_STRIDES: [Option<&[isize]>; 6] = [
    Some(&[1, 6]),     // transposing swaps the strides of a 4 x 6 C array: [6, 1] -> [1, 6]
    Some(&[1, 4]),     // Fortran order: columns of 4 are contiguous
    Some(&[12, 3]),    // every 2nd row (2 x 6) and every 3rd column (3 x 1)
    Some(&[12, 4, 1]), // C order: the last index is contiguous, 3 x 4 = 12 per step of the first
    Some(&[1, 2, 6]), // Fortran order: the first index is contiguous, 2 x 3 = 6 per step of the last
    Some(&[0, 1]),    // broadcasting: every row reads the same six numbers
];
// ANCHOR_END: predictions
