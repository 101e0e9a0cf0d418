//! Comparing arrays the way a round-trip test must: bit for bit.

// ANCHOR: bit_identical
/// Whether two arrays hold exactly the same bits. Stricter than `==`, which
/// says `NaN != NaN` and `0.0 == -0.0`; a file format must keep both.
pub fn bit_identical(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
}
// ANCHOR_END: bit_identical

/// The largest `|a[i] - b[i]|`, for formats that keep only some digits.
pub fn max_abs_difference(a: &[f64], b: &[f64]) -> f64 {
    assert_eq!(a.len(), b.len(), "arrays of different lengths");
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max)
}

/// The values a format gets wrong first: signed zero, infinities, NaN, the
/// smallest subnormal, the extremes, and decimals with no exact binary form.
pub fn tricky_values() -> Vec<f64> {
    vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        1.0 / 3.0,
        std::f64::consts::PI,
        1e-300,
        f64::MIN_POSITIVE,
        5e-324,
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        123_456_789.123_456_79,
        -2.5e17,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_identical_is_stricter_than_equality() {
        assert!(bit_identical(&[f64::NAN, -0.0], &[f64::NAN, -0.0]));
        assert!(!bit_identical(&[0.0], &[-0.0]));
        assert!(!bit_identical(&[1.0], &[1.0, 2.0]));
        assert_eq!(max_abs_difference(&[1.0, 2.0], &[1.5, 1.75]), 0.5);
    }
}
