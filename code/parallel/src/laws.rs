//! Amdahl's and Gustafson's laws: what speedup to expect from `p` workers
//! when a fraction `s` of the work cannot be parallelised.

// ANCHOR: amdahl
/// Amdahl's law: a fixed problem whose serial run spends fraction
/// `serial_fraction` in code that cannot run in parallel. With `workers`
/// workers the parallel part shrinks by `workers`, the serial part does not.
pub fn amdahl_speedup(serial_fraction: f64, workers: f64) -> f64 {
    1.0 / (serial_fraction + (1.0 - serial_fraction) / workers)
}
// ANCHOR_END: amdahl

// ANCHOR: gustafson
/// Gustafson's law: the problem grows with the machine so that the run time
/// stays the same; `serial_fraction` is the share of that run time spent in
/// serial code. One worker would need `s + (1 - s) * p` times as long.
pub fn gustafson_speedup(serial_fraction: f64, workers: f64) -> f64 {
    serial_fraction + (1.0 - serial_fraction) * workers
}
// ANCHOR_END: gustafson

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn amdahl_worked_examples() {
        // Nothing serial: perfect scaling.
        assert!(close(amdahl_speedup(0.0, 8.0), 8.0));
        // Everything serial: no speedup.
        assert!(close(amdahl_speedup(1.0, 8.0), 1.0));
        // 10 % serial on 4 workers: 1 / (0.1 + 0.9 / 4) = 1 / 0.325.
        assert!(close(amdahl_speedup(0.1, 4.0), 1.0 / 0.325));
        // One worker is always speedup 1, and the limit is 1 / s.
        assert!(close(amdahl_speedup(0.3, 1.0), 1.0));
        assert!((amdahl_speedup(0.05, 1e12) - 20.0).abs() < 1e-6);
    }

    #[test]
    fn gustafson_worked_examples() {
        assert!(close(gustafson_speedup(0.0, 8.0), 8.0));
        assert!(close(gustafson_speedup(1.0, 8.0), 1.0));
        // 10 % serial on 64 workers: 0.1 + 0.9 * 64.
        assert!(close(gustafson_speedup(0.1, 64.0), 57.7));
    }

    #[test]
    fn gustafson_is_never_below_amdahl() {
        for s in [0.0, 0.01, 0.1, 0.5, 1.0] {
            for p in [1.0, 2.0, 16.0, 1024.0] {
                assert!(gustafson_speedup(s, p) >= amdahl_speedup(s, p) - 1e-12);
            }
        }
    }
}
