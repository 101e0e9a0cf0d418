//! Comparing GPU results with the CPU's: how close is close enough.

// ANCHOR: tolerance
/// The tolerance for f32 kernels that do a few arithmetic operations per
/// element. WGSL makes `+`, `-` and `*` correctly rounded but lets the GPU
/// round either up or down (WGSL spec §15.7.4), so each operation may differ
/// from the CPU's by one unit in the last place, a relative 2⁻²³ = ε; four ε
/// leaves room for a few such operations.
pub const F32_TOLERANCE: f32 = 4.0 * f32::EPSILON;

/// The largest relative difference `|gpu - cpu| / |cpu|` over all elements
/// (0 where both are equal, infinite where `cpu` is 0 and `gpu` is not).
pub fn max_relative_error(gpu: &[f32], cpu: &[f32]) -> f32 {
    assert_eq!(gpu.len(), cpu.len(), "results differ in length");
    gpu.iter()
        .zip(cpu)
        .map(|(&g, &c)| relative_error(g, c))
        .fold(0.0, f32::max)
}

/// One element's error. A NaN or an infinity is an infinite error unless
/// the CPU has the same one: `f32::max` skips NaN, so a NaN must never
/// reach the fold, or a kernel that writes NaN everywhere would "agree".
fn relative_error(gpu: f32, cpu: f32) -> f32 {
    if gpu == cpu || (gpu.is_nan() && cpu.is_nan()) {
        0.0
    } else if !gpu.is_finite() || !cpu.is_finite() {
        f32::INFINITY
    } else {
        (gpu - cpu).abs() / cpu.abs()
    }
}
// ANCHOR_END: tolerance

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_results_have_no_error_and_one_ulp_is_within_tolerance() {
        assert_eq!(
            max_relative_error(&[1.0, 0.0, -3.5], &[1.0, 0.0, -3.5]),
            0.0
        );
        let one_ulp_up = f32::from_bits(1.5f32.to_bits() + 1);
        let error = max_relative_error(&[one_ulp_up], &[1.5]);
        assert!(error > 0.0 && error <= F32_TOLERANCE, "{error}");
        assert!(max_relative_error(&[1.1], &[1.0]) > F32_TOLERANCE);
        assert_eq!(max_relative_error(&[1e-30], &[0.0]), f32::INFINITY);
    }

    #[test]
    fn nan_and_infinities_fail_unless_the_cpu_has_them_too() {
        let nan = f32::NAN;
        assert_eq!(max_relative_error(&[nan, nan], &[1.0, 2.0]), f32::INFINITY);
        assert_eq!(max_relative_error(&[1.0, nan], &[1.0, 2.0]), f32::INFINITY);
        assert_eq!(max_relative_error(&[nan], &[nan]), 0.0);
        assert_eq!(max_relative_error(&[f32::INFINITY], &[1.0]), f32::INFINITY);
        assert_eq!(max_relative_error(&[1.0], &[f32::INFINITY]), f32::INFINITY);
        assert_eq!(max_relative_error(&[f32::INFINITY], &[f32::INFINITY]), 0.0);
        assert_eq!(
            max_relative_error(&[f32::NEG_INFINITY], &[f32::INFINITY]),
            f32::INFINITY
        );
        assert!(max_relative_error(&[nan], &[1.0]) > F32_TOLERANCE);
    }
}
