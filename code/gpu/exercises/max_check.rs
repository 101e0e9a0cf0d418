//! Checks the exercise "the largest element": `cargo xtask exercise max`.
//! Runs your kernel on the GPU adapter on all-negative input, at sizes from
//! one element to more than one grid-stride round, and compares with the
//! CPU's maximum exactly (a maximum rounds nothing).

#[path = "checking.rs"]
mod checking;
#[cfg(not(feature = "solution"))]
#[path = "max.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "max_solution.rs"]
mod mine;

use checking::{context_or_skip, fail, first_line};
use gpu::GpuError;

const NAME: &str = "max";

/// All negative and in no particular order; the largest sits anywhere.
fn input(n: usize) -> Vec<f32> {
    (0..n)
        .map(|i| -1.0 - ((i * 7919 + 5) % 10_007) as f32)
        .collect()
}

/// What a wrong maximum most likely means.
fn hint(x: &[f32], got: f32, expected: f32) -> String {
    let n = x.len();
    let why = if got == 0.0 {
        "every element is negative, so 0 must not win: what should `best` start at?"
    } else if got == x.iter().sum::<f32>() || got < expected {
        "is something still adding up? Both the loop and the tree must take the max"
    } else {
        "does every level of the tree combine with max, and does the loop visit every element?"
    };
    format!("the largest of {n} numbers is {expected}, your kernel says {got}; {why}")
}

fn main() {
    let ctx = context_or_skip(NAME);
    // One element, around the workgroup size, and past the grid-stride wrap.
    for n in [1, 2, 255, 256, 257, 5000, 1_000_003] {
        let x = input(n);
        let expected = x.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        match mine::maximum(&ctx, &x) {
            Ok(got) if got == expected => {}
            Ok(got) => fail(NAME, &hint(&x, got, expected)),
            Err(error @ GpuError::Shader(_)) => {
                // The compiler's diagnostic, with its excerpt of your source.
                eprintln!("{error}");
                fail(
                    NAME,
                    &format!(
                        "your kernel was rejected (the full message is above): {}",
                        first_line(&error)
                    ),
                )
            }
            Err(error) => fail(NAME, &first_line(&error)),
        }
    }
    println!("✓ {NAME}: correct (1 to 1000003 all-negative numbers)");
}
