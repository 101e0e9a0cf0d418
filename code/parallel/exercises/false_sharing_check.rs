//! Checks "fix the false sharing": `cargo xtask exercise false_sharing`.
//! The counts must be right, and two `Counter`s side by side must lie on
//! different 64-byte cache lines wherever the array starts. Then it compares
//! the speed with the adjacent counters and the reference.
use parallel::false_sharing::{count_adjacent, count_padded};
use std::hint::black_box;
use testkit::exercise;

#[cfg(not(feature = "solution"))]
#[path = "false_sharing.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "false_sharing_solution.rs"]
mod mine;

const CACHE_LINE: usize = 64;

fn fail(hint: &str) -> ! {
    exercise::fail("false_sharing", hint)
}

fn main() {
    exercise::no_arguments("false_sharing");
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
    if !exercise::optimised_build("false_sharing") {
        return;
    }

    let increments = 2_000_000;
    let times = exercise::best_times(
        3,
        [
            &|| _ = black_box(count_adjacent(increments)),
            &|| _ = black_box(mine::count_two(increments)),
            &|| _ = black_box(count_padded(increments)),
        ],
    );
    let detail = format!("{increments} increments per thread");
    let line = exercise::speed_line("your version", "the adjacent counters", times, 3, &detail);
    println!("{line}");
}
