//! One solution of "make a loop vectorise".

// ANCHOR: solution
/// Eight independent running totals over matching chunks of `a` and `b`:
/// no bounds checks (the chunks have a known length) and no chain of
/// dependent additions, so the inner loop becomes SIMD code.
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(
        a.len(),
        b.len(),
        "dot product of slices of different lengths"
    );
    const LANES: usize = 8;
    let mut totals = [0.0; LANES];
    let (ca, cb) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let tail: f64 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (xa, xb) in ca.zip(cb) {
        for ((total, &x), &y) in totals.iter_mut().zip(xa).zip(xb) {
            *total += x * y;
        }
    }
    totals.iter().sum::<f64>() + tail
}
// ANCHOR_END: solution
