//! Solution of "let the compiler use your CPU".
use performance::integration::integrate_lanes;

// ANCHOR: wide
/// The integral of f from `a` to `b` with `n` rectangles, on the widest
/// SIMD registers this CPU has (the same sums as `integrate_lanes`).
pub fn integrate_wide(a: f64, b: f64, n: i64) -> f64 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU was just checked to support AVX2.
        return unsafe { lanes_avx2(a, b, n) };
    }
    integrate_lanes(a, b, n)
}

/// The same loop, compiled for CPUs with AVX2: `integrate_lanes` is
/// `#[inline(always)]`, so its body is compiled here, for AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn lanes_avx2(a: f64, b: f64, n: i64) -> f64 {
    integrate_lanes(a, b, n)
}

/// The instruction set `integrate_wide` uses on this CPU: "sse2" or "avx2".
pub fn instruction_set() -> &'static str {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        return "avx2";
    }
    "sse2"
}
// ANCHOR_END: wide
