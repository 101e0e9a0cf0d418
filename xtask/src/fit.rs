//! Fitting Amdahl's law to measured speedups, for the parallel-computing
//! episode's scaling plot (`fit=amdahl`) and its `serial-fraction` directive.
//!
//! Amdahl's law says that with `p` workers and a serial fraction `s`,
//!
//! ```text
//! S(p) = 1 / (s + (1 - s) / p)    so    1 / S(p) = 1/p + s (1 - 1/p).
//! ```
//!
//! The second form is linear in `s`, so the least-squares `s` (on `1 / S`)
//! has a closed form: no iterations, no starting guess, and exact when the
//! measurements follow the law.

/// Amdahl's speedup with serial fraction `s` on `p` workers.
pub fn amdahl(s: f64, p: f64) -> f64 {
    1.0 / (s + (1.0 - s) / p)
}

/// The serial fraction `s` in [0, 1] that best explains the measured
/// `(workers, speedup)` points: it minimises the sum over the points of
/// `(1/S - 1/p - s (1 - 1/p))²`. Points with one worker say nothing about
/// `s` (every law gives speedup 1 there); `None` when no other point exists.
pub fn serial_fraction(points: &[(f64, f64)]) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for &(p, speedup) in points {
        if p > 1.0 && speedup > 0.0 {
            let a = 1.0 - 1.0 / p;
            num += a * (1.0 / speedup - 1.0 / p);
            den += a * a;
        }
    }
    (den > 0.0).then(|| (num / den).clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amdahl_worked_example() {
        // 10 % serial on 4 workers: 1 / (0.1 + 0.9 / 4) = 1 / 0.325.
        assert!((amdahl(0.1, 4.0) - 1.0 / 0.325).abs() < 1e-12);
        assert_eq!(amdahl(0.0, 8.0), 8.0);
        assert_eq!(amdahl(0.3, 1.0), 1.0);
    }

    #[test]
    fn the_fit_recovers_s_exactly_from_data_that_follow_the_law() {
        for s in [0.0, 0.013, 0.1, 0.5, 1.0] {
            let points: Vec<(f64, f64)> = [1.0, 2.0, 3.0, 4.0, 8.0, 16.0]
                .iter()
                .map(|&p| (p, amdahl(s, p)))
                .collect();
            let fitted = serial_fraction(&points).unwrap();
            assert!((fitted - s).abs() < 1e-12, "s = {s}, fitted {fitted}");
        }
    }

    #[test]
    fn a_single_two_worker_point_determines_s() {
        // S(2) = 1.8 means 1/1.8 = 1/2 + s/2, so s = 1/9.
        let s = serial_fraction(&[(1.0, 1.0), (2.0, 1.8)]).unwrap();
        assert!((s - 1.0 / 9.0).abs() < 1e-12);
    }

    #[test]
    fn noisy_data_give_the_least_squares_fraction_clamped_to_0_1() {
        // Halfway between two laws on 1/S: the fit lands in between.
        let (a, b) = (0.05, 0.15);
        let points: Vec<(f64, f64)> = [2.0, 4.0]
            .iter()
            .map(|&p| (p, 2.0 / (1.0 / amdahl(a, p) + 1.0 / amdahl(b, p))))
            .collect();
        assert!((serial_fraction(&points).unwrap() - 0.1).abs() < 1e-12);
        // Superlinear speedup would need a negative s: clamped to 0.
        assert_eq!(serial_fraction(&[(2.0, 2.5)]), Some(0.0));
        // Slower with more workers than with one: clamped to 1.
        assert_eq!(serial_fraction(&[(2.0, 0.5)]), Some(1.0));
        // Only one worker: nothing to fit.
        assert_eq!(serial_fraction(&[(1.0, 1.0)]), None);
        assert_eq!(serial_fraction(&[]), None);
    }
}
