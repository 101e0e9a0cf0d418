//! Checks "make a loop vectorise": `cargo xtask exercise dot`. The result
//! must be right; it must also come from a different order of additions
//! than the one chain of the starter (the compiler can only use SIMD when
//! the additions are reordered, and the bits of a floating-point sum show
//! the order). Then it compares the speed with the starter and the
//! reference on 2048 elements, inside the L1 cache.
use std::hint::black_box;
use testkit::exercise;

#[cfg(not(feature = "solution"))]
#[path = "dot.rs"]
mod mine;
#[path = "dot_solution.rs"]
mod reference;
// Checking the solution: the reference is the learner's file too.
#[cfg(feature = "solution")]
use reference as mine;

fn fail(hint: &str) -> ! {
    exercise::fail("dot", hint)
}

/// The starter's loop: one chain of additions, in index order.
fn one_chain(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).fold(0.0, |total, (x, y)| total + x * y)
}

/// Small whole numbers: every order of additions gives the exact total.
fn exact_inputs(n: usize) -> (Vec<f64>, Vec<f64>, f64) {
    let a: Vec<f64> = (0..n).map(|i| (i % 7) as f64).collect();
    let b: Vec<f64> = (0..n).map(|i| (i % 5) as f64 - 2.0).collect();
    let exact: i64 = (0..n).map(|i| (i % 7) as i64 * ((i % 5) as i64 - 2)).sum();
    (a, b, exact as f64)
}

fn main() {
    exercise::no_arguments("dot");
    for n in [0, 1, 7, 8, 9, 31, 2051] {
        let (a, b, exact) = exact_inputs(n);
        let got = mine::dot(&a, &b);
        if got != exact {
            fail(&format!(
                "for {n} elements the dot product is {exact}, yours gave {got}: check the elements left over after the last full chunk"
            ));
        }
    }
    // Values of many magnitudes: the last bits of the sum depend on the order.
    let n = 4099;
    let a: Vec<f64> = (0..n)
        .map(|i| ((i * 37 % 101) as f64 + 0.5).ln() * 1e3 / (1 + i % 13) as f64)
        .collect();
    let b: Vec<f64> = (0..n).map(|i| 1.0 / (1.0 + (i % 17) as f64)).collect();
    let chain = one_chain(&a, &b);
    let got = mine::dot(&a, &b);
    if (got - chain).abs() > 1e-9 * chain.abs() {
        fail(&format!(
            "the dot product is about {chain:.6e}, yours gave {got:.6e}"
        ));
    }
    if got.to_bits() == chain.to_bits() {
        fail(
            "right, but still one chain of additions in index order (the result has exactly its bits): the compiler may not reorder it, so it cannot use SIMD; keep several independent running totals",
        );
    }
    println!("✓ dot: correct");
    // A debug build's timings say nothing about the optimised code.
    if !exercise::optimised_build("dot") {
        return;
    }

    let n = 2048;
    let (a, b, _) = exact_inputs(n);
    let repeats = 20_000;
    // Called through function pointers the optimiser cannot see through, so
    // that no version is inlined into its timing loop differently.
    let (a, b) = (&a, &b);
    let time_calls = |dot: fn(&[f64], &[f64]) -> f64| {
        move || {
            let dot = black_box(dot);
            for _ in 0..repeats {
                black_box(dot(black_box(a), black_box(b)));
            }
        }
    };
    let times = exercise::best_times(
        5,
        [
            &time_calls(one_chain),
            &time_calls(mine::dot),
            &time_calls(reference::dot),
        ],
    );
    let line = exercise::speed_line("your version", "the starter", times, 5, &format!("n = {n}"));
    println!("{line}");
}
