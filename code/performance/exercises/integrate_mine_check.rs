//! Checker of the optimisation lab: first the answer (every integral
//! against the plain loop, to rounding), then the speed against the plain
//! loop, the starter's algorithm.
#[cfg(not(feature = "solution"))]
#[path = "integrate_mine.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "integrate_mine_solution.rs"]
mod mine;
#[cfg(not(feature = "solution"))]
#[path = "integrate_mine_solution.rs"]
mod reference;
#[cfg(feature = "solution")]
use mine as reference;

use performance::integration::{apply_plain, exact, problem};
use performance::timing::time_best_of;

const NAME: &str = "integrate_mine";

fn main() {
    // The page's 1000 triples, and a few with N of every remainder by 16.
    let mut p = problem(1000, 42);
    for n in 100..116 {
        p.a.push(-1.5);
        p.b.push(1.25);
        p.n.push(n);
    }
    let got = mine::apply_mine(&p);
    let plain = apply_plain(&p);
    if got.len() != plain.len() {
        println!(
            "✗ {NAME}: {} results for {} triples",
            got.len(),
            plain.len()
        );
        std::process::exit(1);
    }
    for i in 0..plain.len() {
        let (a, b, n) = (p.a[i], p.b[i], p.n[i]);
        // Summing in another order changes the last bits, not more: allow
        // a few roundings per term (the sum of |terms| bounds the error).
        let dx = (b - a) / n as f64;
        let magnitude: f64 = (0..n)
            .map(|k| performance::integration::f(a + k as f64 * dx).abs() * dx.abs())
            .sum();
        let tolerance = 1e-12 * magnitude.max(1.0) * n as f64;
        if (got[i] - plain[i]).abs() > tolerance {
            println!(
                "✗ {NAME}: a = {a:.3}, b = {b:.3}, N = {n}: got {}, the plain loop gives {} \
                 (exact: {}): did every one of the N points get added?",
                got[i],
                plain[i],
                exact(a, b)
            );
            std::process::exit(1);
        }
    }
    println!("✓ {NAME}: correct");
    println!(
        "every one of the {} integrals agrees with the plain loop, to rounding",
        plain.len()
    );
    let p = problem(1000, 42);
    let time =
        |apply: fn(&performance::integration::Problem) -> Vec<f64>| time_best_of(7, || apply(&p)).1;
    let (starter, yours, best) = (
        time(apply_plain),
        time(mine::apply_mine),
        time(reference::apply_mine),
    );
    println!(
        "your version: {:.1}× the starter; the reference reaches {:.1}× (best of 7, 1000 \
         integrals; the starter's speed is the plain loop's)",
        starter / yours,
        starter / best
    );
}
