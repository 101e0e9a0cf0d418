//! The two dot products the benchmark `stack/dot` measures: the loop as
//! first written (`dot_starter`) and one that vectorises (`dot_solution`).
//! The exercise "make a loop vectorise" has its own copy of the starter for
//! learners to edit, `exercises/dot.rs`, so this file stays as measured.

// ANCHOR: starter
/// The starting point: correct, but one addition at a time, and `b[i]` is
/// bounds-checked on every step.
#[allow(clippy::needless_range_loop)]
pub fn dot_starter(a: &[f64], b: &[f64]) -> f64 {
    let mut total = 0.0;
    for i in 0..a.len() {
        total += a[i] * b[i];
    }
    total
}
// ANCHOR_END: starter

// ANCHOR: solution
/// Eight independent running totals over matching chunks of `a` and `b`:
/// no bounds checks (the chunks have a known length) and no chain of
/// dependent additions, so the inner loop becomes SIMD code.
pub fn dot_solution(a: &[f64], b: &[f64]) -> f64 {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_dot_products_agree_with_an_integer_dot_product() {
        for n in [0, 1, 7, 8, 9, 100, 1001, 4096] {
            let a: Vec<f64> = (0..n).map(|i| (i % 5) as f64).collect();
            let b: Vec<f64> = (0..n).map(|i| (i % 3) as f64 - 1.0).collect();
            let exact: i64 = (0..n).map(|i| (i % 5) as i64 * ((i % 3) as i64 - 1)).sum();
            assert_eq!(dot_starter(&a, &b), exact as f64, "starter, n = {n}");
            assert_eq!(dot_solution(&a, &b), exact as f64, "solution, n = {n}");
        }
    }

    #[test]
    #[should_panic(expected = "different lengths")]
    fn slices_of_different_lengths_are_refused() {
        dot_solution(&[1.0; 3], &[1.0; 4]);
    }
}
