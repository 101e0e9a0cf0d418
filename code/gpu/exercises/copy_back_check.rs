//! Checks the exercise "copy a result back": `cargo xtask exercise copy_back`.
//! The sum must be exact where every difference is 2, and agree with the
//! CPU's sum elsewhere.

#[path = "checking.rs"]
mod checking;
#[cfg(not(feature = "solution"))]
#[path = "copy_back.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "copy_back_solution.rs"]
mod mine;

use checking::{context_or_skip, fail, first_line};
use gpu::sqdiff_cpu;

const NAME: &str = "copy_back";

fn main() {
    let ctx = context_or_skip(NAME);
    let sum = |a: &[f32], b: &[f32]| {
        mine::sum_of_squared_differences(&ctx, a, b)
            .unwrap_or_else(|error| fail(NAME, &first_line(&error)))
    };

    // Every difference is -2: the sum is 4 n, exact in f32.
    let n = 1000;
    let a: Vec<f32> = (0..n).map(|i| i as f32).collect();
    let b: Vec<f32> = (0..n).map(|i| (i + 2) as f32).collect();
    let got = sum(&a, &b);
    if got == 0.0 {
        fail(
            NAME,
            "the sum is 0: the squares are still on the GPU, in `result`; ctx.read_back(&result) copies them into a Vec<f32>",
        );
    }
    if got != 4.0 * n as f32 {
        fail(
            NAME,
            &format!(
                "every difference is 2, so the {n} squares add up to {}, but you returned {got}",
                4 * n
            ),
        );
    }

    // Differences of every size; the order of the additions may differ.
    let n = 4097;
    let a: Vec<f32> = (0..n).map(|i| (i % 7) as f32).collect();
    let b: Vec<f32> = (0..n).map(|i| (i % 5) as f32 * 0.5).collect();
    let expected: f64 = sqdiff_cpu(&a, &b).iter().map(|&x| f64::from(x)).sum();
    let got = sum(&a, &b);
    if (f64::from(got) - expected).abs() > 1e-5 * expected {
        fail(
            NAME,
            &format!("for {n} elements the sum is {expected}, but you returned {got}"),
        );
    }
    println!("✓ {NAME}: correct");
}
