//! Checks "fix the false sharing": `cargo xtask exercise false_sharing`.
//! The counts must be right, and two `Counter`s side by side must lie on
//! different 64-byte cache lines wherever the array starts. Then it compares
//! the speed with the adjacent counters and the reference.
use parallel::false_sharing::{count_adjacent, count_padded};
use std::hint::black_box;
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

/// The best wall time of each of `runs`, in seconds, over `rounds` rounds in
/// which they take turns, so that a disturbance hits all of them alike.
fn best_times<const N: usize>(rounds: usize, runs: [&dyn Fn(); N]) -> [f64; N] {
    let mut best = [f64::INFINITY; N];
    for _ in 0..rounds {
        for (run, best) in runs.iter().zip(&mut best) {
            let start = Instant::now();
            run();
            *best = best.min(start.elapsed().as_secs_f64());
        }
    }
    best
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
    // A debug build's timings say nothing about the optimised code.
    if cfg!(debug_assertions) {
        println!(
            "(speed is compared only in an optimised build: `cargo xtask exercise false_sharing` makes one)"
        );
        return;
    }

    let increments = 2_000_000;
    let [t_adjacent, t_mine, t_reference] = best_times(
        3,
        [
            &|| _ = black_box(count_adjacent(increments)),
            &|| _ = black_box(mine::count_two(increments)),
            &|| _ = black_box(count_padded(increments)),
        ],
    );
    println!(
        "your version: {:.1}× the adjacent counters; the reference reaches {:.1}× (best of 3 rounds, {increments} increments per thread)",
        t_adjacent / t_mine,
        t_adjacent / t_reference
    );
}
