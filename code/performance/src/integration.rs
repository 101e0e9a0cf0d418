//! Case study: numerical integration, the problem of the Cython lesson.
//!
//! Integrate f(x) = x² - x from `a` to `b` with `N` rectangles (the
//! left Riemann sum the Python code uses), for 1000 triples `(a, b, N)`.
//! Each function below is one step of the optimisation, and every step is
//! tested against `apply_plain` and against the exact integral.

// The early steps index arrays on purpose: they are the lesson's loops,
// line by line.
#![allow(clippy::needless_range_loop)]

use rayon::prelude::*;
use splitmix::SplitMix64;

/// The 1000 triples, stored as three columns like the lesson's DataFrame.
/// `N` is an `i64`, the lesson's `cython.long` and NumPy's `int64` (the
/// processor converts a signed integer to `f64` in one instruction).
#[derive(Clone, Debug)]
pub struct Problem {
    pub a: Vec<f64>,
    pub b: Vec<f64>,
    pub n: Vec<i64>,
}

// ANCHOR: problem
/// `count` triples from a fixed seed: `a` and `b` uniform in [-2, 2), `N`
/// uniform in 100..1000. (The lesson draws `a` and `b` from a normal
/// distribution; the amount of work depends only on `N`.) The Python
/// baseline draws exactly the same numbers with the same generator.
pub fn problem(count: usize, seed: u64) -> Problem {
    let mut rng = SplitMix64::new(seed);
    let mut p = Problem {
        a: Vec::with_capacity(count),
        b: Vec::with_capacity(count),
        n: Vec::with_capacity(count),
    };
    for _ in 0..count {
        p.a.push(rng.next_f64() * 4.0 - 2.0);
        p.b.push(rng.next_f64() * 4.0 - 2.0);
        p.n.push((100 + rng.below(900)) as i64);
    }
    p
}
// ANCHOR_END: problem

/// The number of function evaluations one pass over `p` makes.
pub fn evaluations(p: &Problem) -> u64 {
    p.n.iter().map(|&n| n as u64).sum()
}

// ANCHOR: plain
/// The integrand.
pub fn f(x: f64) -> f64 {
    x * x - x
}

/// The lesson's Python loop, line by line.
pub fn integrate_plain(a: f64, b: f64, n: i64) -> f64 {
    let mut s = 0.0;
    let dx = (b - a) / n as f64;
    for i in 0..n {
        s += f(a + i as f64 * dx);
    }
    s * dx
}

pub fn apply_plain(p: &Problem) -> Vec<f64> {
    let mut res = vec![0.0; p.n.len()];
    for i in 0..p.n.len() {
        res[i] = integrate_plain(p.a[i], p.b[i], p.n[i]);
    }
    res
}
// ANCHOR_END: plain

// ANCHOR: dynamic
/// The integrand chosen at run time: every call goes through a pointer the
/// compiler cannot see through, as every call does in Python. No inlining,
/// so no optimisation across the call.
pub fn integrate_dyn(f: &dyn Fn(f64) -> f64, a: f64, b: f64, n: i64) -> f64 {
    let mut s = 0.0;
    let dx = (b - a) / n as f64;
    for i in 0..n {
        s += f(a + i as f64 * dx);
    }
    s * dx
}

pub fn apply_dyn(p: &Problem, f: &dyn Fn(f64) -> f64) -> Vec<f64> {
    let mut res = vec![0.0; p.n.len()];
    for i in 0..p.n.len() {
        res[i] = integrate_dyn(f, p.a[i], p.b[i], p.n[i]);
    }
    res
}

/// The same code, generic: the compiler makes one copy per integrand, with
/// the integrand's type (and so its body) known, like a typed `cdef`
/// function in Cython.
pub fn integrate_generic<F: Fn(f64) -> f64>(f: F, a: f64, b: f64, n: i64) -> f64 {
    let mut s = 0.0;
    let dx = (b - a) / n as f64;
    for i in 0..n {
        s += f(a + i as f64 * dx);
    }
    s * dx
}

pub fn apply_generic<F: Fn(f64) -> f64 + Copy>(p: &Problem, f: F) -> Vec<f64> {
    let mut res = vec![0.0; p.n.len()];
    for i in 0..p.n.len() {
        res[i] = integrate_generic(f, p.a[i], p.b[i], p.n[i]);
    }
    res
}
// ANCHOR_END: dynamic

// ANCHOR: iterators
/// Iterators instead of indices: no index can be out of bounds, so there is
/// nothing to check, and the intent (a sum of a map) is in the code.
pub fn integrate_iter(a: f64, b: f64, n: i64) -> f64 {
    let dx = (b - a) / n as f64;
    (0..n).map(|i| f(a + i as f64 * dx)).sum::<f64>() * dx
}

pub fn apply_iter(p: &Problem) -> Vec<f64> {
    p.a.iter()
        .zip(&p.b)
        .zip(&p.n)
        .map(|((&a, &b), &n)| integrate_iter(a, b, n))
        .collect()
}
// ANCHOR_END: iterators

// ANCHOR: bounds
/// Indexing kept, bounds checks hoisted: once the compiler knows all four
/// slices have the same length `len`, it can drop the checks inside the loop.
pub fn apply_hoisted_checks(p: &Problem) -> Vec<f64> {
    let len = p.n.len();
    let mut res = vec![0.0; len];
    let (a, b, n, out) = (&p.a[..len], &p.b[..len], &p.n[..len], &mut res[..len]);
    for i in 0..len {
        out[i] = integrate_plain(a[i], b[i], n[i]);
    }
    res
}
// ANCHOR_END: bounds

// ANCHOR: lanes
/// How many independent partial sums `integrate_lanes` keeps.
pub const LANES: usize = 16;

/// Sixteen partial sums instead of one. In the plain loop every addition
/// waits for the previous one (floating-point addition is not associative,
/// so the compiler may not reorder it). Independent chains keep the adders
/// busy, and the compiler packs the lanes into SIMD registers: sixteen
/// lanes are at least two chains even in the widest registers (eight
/// `f64` each with AVX-512).
#[inline(always)]
pub fn integrate_lanes(a: f64, b: f64, n: i64) -> f64 {
    let dx = (b - a) / n as f64;
    let mut sums = [0.0; LANES];
    // The index of each lane as an f64 (exact for any realistic `n`), so
    // that x = a + i * dx is computed exactly as in the plain loop.
    let mut index: [f64; LANES] = std::array::from_fn(|k| k as f64);
    let full = n / LANES as i64;
    for _ in 0..full {
        for k in 0..LANES {
            sums[k] += f(a + index[k] * dx);
            index[k] += LANES as f64;
        }
    }
    let mut s: f64 = sums.iter().sum();
    for i in full * LANES as i64..n {
        s += f(a + i as f64 * dx);
    }
    s * dx
}

pub fn apply_lanes(p: &Problem) -> Vec<f64> {
    p.a.iter()
        .zip(&p.b)
        .zip(&p.n)
        .map(|((&a, &b), &n)| integrate_lanes(a, b, n))
        .collect()
}
// ANCHOR_END: lanes

// ANCHOR: simd
/// The same lanes, compiled again for CPUs with AVX-512 (eight `f64` per
/// SIMD register) and with AVX2 (four, instead of SSE2's two), the best
/// chosen at run time. A default build targets every x86-64 CPU since
/// 2003, so the compiler may not assume either on its own;
/// `-C target-cpu=native` would let it, but the program would then run
/// only on machines like yours.
pub fn integrate_simd(a: f64, b: f64, n: i64) -> f64 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f") {
        // SAFETY: the CPU was just checked to support AVX-512F.
        return unsafe { integrate_lanes_avx512(a, b, n) };
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU was just checked to support AVX2.
        return unsafe { integrate_lanes_avx2(a, b, n) };
    }
    integrate_lanes(a, b, n)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn integrate_lanes_avx2(a: f64, b: f64, n: i64) -> f64 {
    integrate_lanes(a, b, n)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn integrate_lanes_avx512(a: f64, b: f64, n: i64) -> f64 {
    integrate_lanes(a, b, n)
}

pub fn apply_simd(p: &Problem) -> Vec<f64> {
    p.a.iter()
        .zip(&p.b)
        .zip(&p.n)
        .map(|((&a, &b), &n)| integrate_simd(a, b, n))
        .collect()
}
// ANCHOR_END: simd

// ANCHOR: rayon
/// The triples are independent: rayon hands them to all cores.
pub fn apply_rayon(p: &Problem) -> Vec<f64> {
    p.a.par_iter()
        .zip(&p.b)
        .zip(&p.n)
        .map(|((&a, &b), &n)| integrate_simd(a, b, n))
        .collect()
}
// ANCHOR_END: rayon

// ANCHOR: exact
/// The exact integral of x² - x from a to b: (b³ - a³)/3 - (b² - a²)/2.
pub fn exact(a: f64, b: f64) -> f64 {
    (b.powi(3) - a.powi(3)) / 3.0 - (b * b - a * a) / 2.0
}

/// A bound on the error of the left Riemann sum with `n` rectangles:
/// (b - a)² / (2n) · max |f'|, with f'(x) = 2x - 1 largest in
/// magnitude at an end of the interval.
pub fn error_bound(a: f64, b: f64, n: i64) -> f64 {
    let slope = (2.0 * a - 1.0).abs().max((2.0 * b - 1.0).abs());
    (b - a).powi(2) / (2.0 * n as f64) * slope
}
// ANCHOR_END: exact

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() <= 1e-12 * (1.0 + x.abs().max(y.abs()))
    }

    #[test]
    fn the_problem_has_the_lessons_shape() {
        let p = problem(1000, 1);
        assert_eq!((p.a.len(), p.b.len(), p.n.len()), (1000, 1000, 1000));
        assert!(p.n.iter().all(|n| (100..1000).contains(n)));
        assert!(p.a.iter().chain(&p.b).all(|x| (-2.0..2.0).contains(x)));
        assert_eq!(evaluations(&p), p.n.iter().sum::<i64>() as u64);
    }

    #[test]
    fn a_single_rectangle_by_hand() {
        // N = 1 on [1, 3]: one rectangle of width 2 at x = 1, f(1) = 0.
        assert_eq!(integrate_plain(1.0, 3.0, 1), 0.0);
        // N = 2 on [0, 2]: rectangles at x = 0 and x = 1, both f = 0.
        assert_eq!(integrate_plain(0.0, 2.0, 2), 0.0);
        // N = 2 on [2, 4]: f(2) = 2, f(3) = 6, width 1.
        assert_eq!(integrate_plain(2.0, 4.0, 2), 8.0);
    }

    #[test]
    fn every_step_agrees_with_the_plain_loop() {
        let p = problem(300, 7);
        let plain = apply_plain(&p);
        let f_dyn: &dyn Fn(f64) -> f64 = &f;
        let steps: [(&str, Vec<f64>); 7] = [
            ("dyn", apply_dyn(&p, f_dyn)),
            ("generic", apply_generic(&p, f)),
            ("iterators", apply_iter(&p)),
            ("hoisted checks", apply_hoisted_checks(&p)),
            ("lanes", apply_lanes(&p)),
            ("simd", apply_simd(&p)),
            ("rayon", apply_rayon(&p)),
        ];
        for (name, result) in steps {
            assert_eq!(result.len(), plain.len(), "{name}");
            for (i, (x, y)) in result.iter().zip(&plain).enumerate() {
                assert!(close(*x, *y), "{name}, triple {i}: {x} vs {y}");
            }
        }
        // Same operations in the same order: bit for bit.
        assert_eq!(apply_dyn(&p, f_dyn), plain);
        assert_eq!(apply_generic(&p, f), plain);
        assert_eq!(apply_hoisted_checks(&p), plain);
        // The wider registers and the threads change nothing in the arithmetic.
        assert_eq!(apply_simd(&p), apply_lanes(&p));
        assert_eq!(apply_rayon(&p), apply_lanes(&p));
    }

    #[test]
    fn every_step_is_within_the_error_bound_of_the_exact_integral() {
        let p = problem(1000, 3);
        for (name, result) in [("plain", apply_plain(&p)), ("lanes", apply_lanes(&p))] {
            for i in 0..p.n.len() {
                let (a, b, n) = (p.a[i], p.b[i], p.n[i]);
                let error = (result[i] - exact(a, b)).abs();
                assert!(
                    error <= error_bound(a, b, n) + 1e-12,
                    "{name}: a={a} b={b} n={n}: error {error} > bound {}",
                    error_bound(a, b, n)
                );
            }
        }
    }

    #[test]
    fn the_error_shrinks_like_one_over_n() {
        let (a, b) = (0.0, 2.0);
        let e1 = (integrate_plain(a, b, 1000) - exact(a, b)).abs();
        let e2 = (integrate_plain(a, b, 2000) - exact(a, b)).abs();
        assert!((e1 / e2 - 2.0).abs() < 0.01, "{e1} / {e2}");
    }

    #[test]
    fn lanes_handle_every_remainder() {
        for n in 1..=3 * LANES as i64 {
            let (x, y) = (integrate_lanes(-0.5, 1.5, n), integrate_plain(-0.5, 1.5, n));
            assert!(close(x, y), "n = {n}: {x} vs {y}");
        }
    }
}
