//! Checker of "let the compiler use your CPU": `integrate_wide` must give
//! exactly the sums of `integrate_lanes` (same additions, same order, only
//! wider registers), and must use AVX2 where the CPU has it. Then it is
//! timed against the portable loop.
#[cfg(not(feature = "solution"))]
#[path = "native_cpu.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "native_cpu_solution.rs"]
mod mine;
#[cfg(not(feature = "solution"))]
#[path = "native_cpu_solution.rs"]
mod reference;
#[cfg(feature = "solution")]
use mine as reference;

use performance::integration::{integrate_lanes, problem};
use performance::timing::time_best_of;

const NAME: &str = "native_cpu";

fn main() {
    if !cfg!(target_arch = "x86_64") {
        println!(
            "SKIPPED {NAME}: this exercise is about x86-64's SSE2 and AVX2; this CPU is not x86-64"
        );
        std::process::exit(3);
    }
    let p = problem(1000, 42);
    for i in 0..p.n.len() {
        let (a, b, n) = (p.a[i], p.b[i], p.n[i]);
        let (got, expected) = (mine::integrate_wide(a, b, n), integrate_lanes(a, b, n));
        if got != expected {
            println!(
                "✗ {NAME}: a = {a}, b = {b}, N = {n}: got {got}, `integrate_lanes` gives \
                 {expected}: compile the same loop for AVX2, do not change its sums"
            );
            std::process::exit(1);
        }
    }
    let available = reference::instruction_set();
    if available == "sse2" {
        println!("SKIPPED {NAME}: this CPU has no AVX2, so there is nothing wider to use");
        std::process::exit(3);
    }
    if mine::instruction_set() != available {
        println!(
            "✗ {NAME}: the sums are right, but instruction_set() says {:?} and this CPU has \
             {available:?}: compile the loop in a `#[target_feature(enable = \"avx2\")]` function, \
             call it when `is_x86_feature_detected!(\"avx2\")`, and report the path taken",
            mine::instruction_set()
        );
        std::process::exit(1);
    }
    println!("✓ {NAME}: correct");
    println!("the sums of integrate_lanes, on {available}");
    let time = |f: fn(f64, f64, i64) -> f64| {
        time_best_of(5, || {
            (0..p.n.len())
                .map(|i| f(p.a[i], p.b[i], p.n[i]))
                .sum::<f64>()
        })
        .1
    };
    let portable = |a, b, n| integrate_lanes(a, b, n);
    let (starter, yours, best) = (
        time(portable),
        time(mine::integrate_wide),
        time(reference::integrate_wide),
    );
    println!(
        "your version: {:.1}× the starter; the reference reaches {:.1}× (best of 5, 1000 integrals)",
        starter / yours,
        starter / best
    );
}
