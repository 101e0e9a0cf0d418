//! Checker of "one draw, 64 steps": the walk must equal the course's
//! `walk_bits` position by position, must leave the generator where 64
//! steps a draw leave it, and is then timed against the walk with one draw
//! per step.
#[cfg(not(feature = "solution"))]
#[path = "one_draw.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "one_draw_solution.rs"]
mod mine;

use performance::SplitMix64;
use performance::random_walk::{walk_bits, walk_loop};
use performance::timing::time_best_of;

const NAME: &str = "one_draw";

fn main() {
    // Lengths around the 64-step boundaries, and two seeds.
    for n in [0, 1, 2, 64, 65, 66, 129, 1000] {
        for seed in [0, 7] {
            let (mut theirs, mut ours) = (SplitMix64::new(seed), SplitMix64::new(seed));
            let got = mine::walk_bits(n, 0.5, &mut theirs);
            let expected = walk_bits(n, 0.5, &mut ours);
            if let Some(i) = (0..n).find(|&i| got.get(i) != expected.get(i)) {
                println!(
                    "✗ {NAME}: n = {n}, seed {seed}: position {i} is {}, expected {}: step i \
                     (from 1) uses bit (i - 1) % 64 of the current draw, lowest first, with a \
                     new draw before steps 1, 65, 129, …",
                    got.get(i).map_or("missing".to_string(), |x| x.to_string()),
                    expected[i]
                );
                std::process::exit(1);
            }
            if got.len() != n {
                println!(
                    "✗ {NAME}: n = {n}: the walk has {} positions, expected {n}",
                    got.len()
                );
                std::process::exit(1);
            }
            if theirs.next_u64() != ours.next_u64() {
                println!(
                    "✗ {NAME}: n = {n}: the walk is right but drew a different number of random \
                     numbers than one per 64 steps ({} for {n} positions)",
                    n.saturating_sub(1).div_ceil(64)
                );
                std::process::exit(1);
            }
        }
    }
    println!("✓ {NAME}: correct");
    let n = 10_000_000;
    let time = |walk: fn(usize, f64, &mut SplitMix64) -> Vec<f64>| {
        time_best_of(5, || walk(n, 1.0, &mut SplitMix64::new(1))).1
    };
    let (starter, yours, reference) = (time(walk_loop), time(mine::walk_bits), time(walk_bits));
    println!(
        "your version: {:.1}× the starter; the reference reaches {:.1}× (best of 5, n = {n})",
        starter / yours,
        starter / reference
    );
}
