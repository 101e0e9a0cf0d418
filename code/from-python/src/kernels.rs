//! The kernels Python calls: the course's own, on borrowed slices. Nothing
//! here knows about Python; the bindings hand in the NumPy arrays' memory.

use rayon::prelude::*;
use std::io;
use std::path::Path;

// ANCHOR: integrate
use performance::integration::integrate_simd;

/// What both integration kernels are: three columns in, the integrals out.
pub type Integrator = fn(&[f64], &[f64], &[i64]) -> Vec<f64>;

/// The lesson's `apply_integrate_f` on three columns, on one thread, with
/// the course's best single-thread step (sixteen lanes, AVX where present).
pub fn integrate_one_thread(a: &[f64], b: &[f64], n: &[i64]) -> Vec<f64> {
    a.iter()
        .zip(b)
        .zip(n)
        .map(|((&a, &b), &n)| integrate_simd(a, b, n))
        .collect()
}

/// The same on all cores: the triples are independent (the rayon step).
pub fn integrate_all_cores(a: &[f64], b: &[f64], n: &[i64]) -> Vec<f64> {
    a.par_iter()
        .zip(b)
        .zip(n)
        .map(|((&a, &b), &n)| integrate_simd(a, b, n))
        .collect()
}
// ANCHOR_END: integrate

/// The sum of `values` with eight running totals (the Stack episode's
/// `sum_chunked`), on one thread.
pub fn total(values: &[f64]) -> f64 {
    stack::sum::sum_chunked(values)
}

/// Every word of the file at `path` with its count, in the order of first
/// appearance (the order of a Python dict filled while reading): the
/// course's fastest word count, on all cores.
pub fn count_words(path: &Path) -> io::Result<Vec<(String, u64)>> {
    performance::wordcount::count_rayon(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use performance::integration::{apply_plain, problem};

    #[test]
    fn both_integrations_agree_with_the_plain_loop() {
        let p = problem(200, 5);
        let plain = apply_plain(&p);
        for result in [
            integrate_one_thread(&p.a, &p.b, &p.n),
            integrate_all_cores(&p.a, &p.b, &p.n),
        ] {
            for (x, y) in result.iter().zip(&plain) {
                assert!((x - y).abs() <= 1e-12 * (1.0 + y.abs()), "{x} vs {y}");
            }
            assert_eq!(result.len(), plain.len());
        }
    }

    #[test]
    fn the_total_is_exact_on_small_integers() {
        let values: Vec<f64> = (1..=1000).map(f64::from).collect();
        assert_eq!(total(&values), 500_500.0);
        assert_eq!(total(&[]), 0.0);
    }

    #[test]
    fn words_are_counted_in_the_order_they_first_appear() {
        let path = std::env::temp_dir().join(format!("from-python-{}.txt", std::process::id()));
        std::fs::write(&path, "The cat; the DOG.\nthe end").unwrap();
        let counts = count_words(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        let expected = [("the", 3), ("cat", 1), ("dog", 1), ("end", 1)];
        let expected: Vec<(String, u64)> =
            expected.iter().map(|&(w, c)| (w.to_string(), c)).collect();
        assert_eq!(counts, expected);
    }

    #[test]
    fn a_missing_file_is_an_error() {
        let error = count_words(Path::new("/no/such/file.txt")).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
    }
}
