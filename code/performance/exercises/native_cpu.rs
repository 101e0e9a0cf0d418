//! Exercise: let the compiler use your CPU. `integrate_wide` runs the
//! sixteen-lane loop compiled for every x86-64 CPU (SSE2: two `f64` per
//! register). Compile the same loop again for AVX2 (four per register),
//! choose it at run time when the CPU has it, and say which path runs.
//! Check with: cargo xtask exercise native_cpu
use performance::integration::integrate_lanes;

// ANCHOR: wide
/// The integral of f from `a` to `b` with `n` rectangles, on the widest
/// SIMD registers this CPU has (the same sums as `integrate_lanes`).
pub fn integrate_wide(a: f64, b: f64, n: i64) -> f64 {
    integrate_lanes(a, b, n)
}

/// The instruction set `integrate_wide` uses on this CPU: "sse2" or "avx2".
pub fn instruction_set() -> &'static str {
    "sse2"
}
// ANCHOR_END: wide
