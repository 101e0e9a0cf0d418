//! Exercise: predict the strides of six arrays and views (in elements).
//! Replace each `None` below with your prediction, e.g. `Some(&[4, 1])`,
//! and run the program to check.
use stack::arrays::grade_strides;

// ANCHOR: predictions
const PREDICTIONS: [Option<&[isize]>; 6] = [None, None, None, None, None, None];
// ANCHOR_END: predictions

fn main() {
    let (lines, right) = grade_strides(&PREDICTIONS);
    for line in &lines {
        println!("{line}");
    }
    println!("{right} of {} right", lines.len());
}
