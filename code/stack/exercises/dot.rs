//! Exercise "make a loop vectorise": rewrite `dot` so that the compiler turns
//! it into SIMD code, and keep its result right. Check with
//!     cargo xtask exercise dot

// ANCHOR: starter
/// The dot product of two slices of the same length: correct, but one
/// addition at a time, and `b[i]` is bounds-checked on every step.
#[allow(clippy::needless_range_loop)]
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    let mut total = 0.0;
    for i in 0..a.len() {
        total += a[i] * b[i];
    }
    total
}
// ANCHOR_END: starter
