//! Vectorisation with iterators: three ways to add up a slice of `f64`,
//! and the same story for a dot product (the exercise).
//!
//! The compiler may only reorder what it can prove gives the same result.
//! Floating-point addition is not associative (`(a + b) + c` can differ
//! from `a + (b + c)` in the last bit), so it must keep a single running
//! total in the written order, and each addition waits for the previous one.
//! To use SIMD we write the reordering ourselves: several independent
//! running totals, combined at the end.

// ANCHOR: indexed
/// The loop as one would write it in C: one running total.
#[allow(clippy::needless_range_loop)] // the index is the point of this version
pub fn sum_indexed(values: &[f64]) -> f64 {
    let mut total = 0.0;
    for i in 0..values.len() {
        total += values[i];
    }
    total
}
// ANCHOR_END: indexed

// ANCHOR: fold
/// The iterator version: no index, no bounds check, but still one running
/// total, so still one addition at a time.
pub fn sum_fold(values: &[f64]) -> f64 {
    values.iter().fold(0.0, |total, &x| total + x)
}
// ANCHOR_END: fold

// ANCHOR: chunked
/// How many running totals `sum_chunked` keeps: 8 doubles are one 512-bit
/// vector, two 256-bit or four 128-bit ones; several vectors in flight let
/// the adder start a new addition every cycle.
pub const LANES: usize = 8;

/// `LANES` independent running totals, one per position in a chunk. The
/// inner loop has no dependency between its additions, so the compiler
/// turns it into SIMD instructions.
pub fn sum_chunked(values: &[f64]) -> f64 {
    let mut totals = [0.0; LANES];
    let chunks = values.chunks_exact(LANES);
    let rest = chunks.remainder();
    for chunk in chunks {
        for (total, &x) in totals.iter_mut().zip(chunk) {
            *total += x;
        }
    }
    let mut total: f64 = totals.iter().sum();
    for &x in rest {
        total += x;
    }
    total
}
// ANCHOR_END: chunked

// ANCHOR: bounds
/// Element-wise `out = a + b` with indices: `a[i]` and `b[i]` must be
/// checked against their lengths, because the slices could be shorter than
/// `out`, and the loop must panic at exactly the first bad element. Here
/// the optimiser copes: it tests once, before the loop, whether all three
/// are long enough, and runs a vectorised loop when they are. Measure
/// before blaming bounds checks.
#[allow(clippy::needless_range_loop)]
pub fn add_indexed(out: &mut [f64], a: &[f64], b: &[f64]) {
    for i in 0..out.len() {
        out[i] = a[i] + b[i];
    }
}

/// The same with `zip`: the iterator stops at the shortest slice, so there
/// is nothing to check at all, and nothing for the optimiser to prove.
pub fn add_zip(out: &mut [f64], a: &[f64], b: &[f64]) {
    for ((o, &x), &y) in out.iter_mut().zip(a).zip(b) {
        *o = x + y;
    }
}
// ANCHOR_END: bounds

#[cfg(test)]
mod tests {
    use super::*;

    /// Small whole numbers: every order of addition gives the same sum exactly.
    fn whole_numbers(n: usize) -> Vec<f64> {
        (0..n).map(|i| ((7 * i) % 10) as f64).collect()
    }

    fn exact_sum(n: usize) -> f64 {
        (0..n).map(|i| ((7 * i) % 10) as u64).sum::<u64>() as f64
    }

    #[test]
    fn all_sums_agree_with_an_integer_sum() {
        for n in [0, 1, 7, 8, 9, 1000, 1001, 65_537] {
            let v = whole_numbers(n);
            let expected = exact_sum(n);
            assert_eq!(sum_indexed(&v), expected, "indexed, n = {n}");
            assert_eq!(sum_fold(&v), expected, "fold, n = {n}");
            assert_eq!(sum_chunked(&v), expected, "chunked, n = {n}");
        }
    }

    #[test]
    fn addition_order_matters_in_floating_point() {
        // Why the compiler may not reorder the sum for us.
        let (a, b, c) = (1e16, -1e16, 1.0);
        assert_eq!((a + b) + c, 1.0);
        assert_eq!(a + (b + c), 0.0);
        // And so the chunked sum may differ from the indexed one in general:
        // 1e16 and -1e16 land in the same running total, 1.0 in another.
        let mut v = [0.0; 16];
        (v[0], v[1], v[8]) = (1e16, 1.0, -1e16);
        assert_eq!(sum_indexed(&v), 0.0, "1e16 + 1 rounds back to 1e16");
        assert_eq!(sum_chunked(&v), 1.0);
    }

    #[test]
    fn both_element_wise_adds_agree() {
        let a = whole_numbers(1001);
        let b: Vec<f64> = a.iter().map(|x| x * 0.5).collect();
        let (mut indexed, mut zipped) = (vec![0.0; 1001], vec![0.0; 1001]);
        add_indexed(&mut indexed, &a, &b);
        add_zip(&mut zipped, &a, &b);
        assert_eq!(indexed, zipped);
        assert!((0..1001).all(|i| indexed[i] == a[i] + b[i]));
    }

    #[test]
    #[should_panic(expected = "index out of bounds")]
    fn the_indexed_add_checks_its_inputs() {
        add_indexed(&mut [0.0; 4], &[1.0; 4], &[1.0; 3]);
    }
}
