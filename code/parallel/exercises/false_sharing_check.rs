//! Checks "fix the false sharing": `cargo xtask exercise false_sharing`.
//! The counts must be right, and two `Counter`s side by side must lie on
//! different 64-byte cache lines wherever the array starts. Then it compares
//! the speed with the adjacent counters and the reference.
use parallel::false_sharing::{count_adjacent, count_padded};
use std::process::exit;
use std::time::Instant;

#[cfg(not(feature = "solution"))]
#[path = "false_sharing.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "false_sharing_solution.rs"]
mod mine;

const CACHE_LINE: usize = 64;

fn fail(hint: &str) -> ! {
    println!("✗ false_sharing: {hint}");
    exit(1)
}

/// Best-of-3 wall time of `f`, in seconds.
fn best_of_3(f: impl Fn() -> [u64; 2]) -> f64 {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    if std::env::args().len() > 1 {
        eprintln!("error: exercise_false_sharing takes no arguments");
        exit(2);
    }
    for n in [0, 1, 1000] {
        let got = mine::count_two(n);
        if got != [n, n] {
            fail(&format!(
                "count_two({n}) returned {got:?}, expected [{n}, {n}]"
            ));
        }
    }
    // In an array the two counters are size_of::<Counter>() bytes apart; they
    // never share a line if each starts a line of its own.
    let (size, align) = (size_of::<mine::Counter>(), align_of::<mine::Counter>());
    if align < CACHE_LINE {
        fail(&format!(
            "the two counters are {size} bytes apart, aligned to {align} bytes: both can sit in one {CACHE_LINE}-byte cache line; look up #[repr(align(N))]"
        ));
    }
    println!("✓ false_sharing: correct (each Counter takes {size} bytes, aligned to {align})");

    let increments = 2_000_000;
    let t_adjacent = best_of_3(|| count_adjacent(increments));
    let t_mine = best_of_3(|| mine::count_two(increments));
    let t_reference = best_of_3(|| count_padded(increments));
    println!(
        "your version: {:.1}× the adjacent counters; the reference reaches {:.1}× (best of 3, {increments} increments per thread)",
        t_adjacent / t_mine,
        t_adjacent / t_reference
    );
}
