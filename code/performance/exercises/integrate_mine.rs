//! The optimisation lab: make the integration fast, without changing its
//! answer. A colleague started: four running sums instead of one, which
//! the checker says is wrong. Measure, profile, change one thing, test,
//! measure again.
//! Check with: cargo xtask exercise integrate_mine
use performance::integration::{Problem, f};

// ANCHOR: mine
/// The integral of f(x) = x² - x from `a` to `b` by the left Riemann sum
/// with `n` rectangles, as `integrate_plain` computes it.
pub fn integrate_mine(a: f64, b: f64, n: i64) -> f64 {
    let dx = (b - a) / n as f64;
    let mut sums = [0.0; 4];
    let mut i = 0;
    while i + 4 <= n {
        for (k, sum) in sums.iter_mut().enumerate() {
            *sum += f(a + (i + k as i64) as f64 * dx);
        }
        i += 4;
    }
    sums.iter().sum::<f64>() * dx
}

/// Every triple of the problem: the function the checker times.
pub fn apply_mine(p: &Problem) -> Vec<f64> {
    p.a.iter()
        .zip(&p.b)
        .zip(&p.n)
        .map(|((&a, &b), &n)| integrate_mine(a, b, n))
        .collect()
}
// ANCHOR_END: mine
