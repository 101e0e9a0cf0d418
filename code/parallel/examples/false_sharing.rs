//! False sharing, timed: two threads increment two counters, first side by
//! side in one cache line, then on cache lines of their own.
use parallel::cli::{arguments, parse_count, timed, usage_error};
use parallel::false_sharing::{count_adjacent, count_padded};

const USAGE: &str = "false_sharing [INCREMENTS]";

// ANCHOR: main
fn main() {
    let args = arguments(1, USAGE);
    let increments = parse_count(
        args.first().map(String::as_str),
        "INCREMENTS",
        1,
        20_000_000,
    )
    .unwrap_or_else(|message| usage_error(&message, USAGE));

    let (adjacent, t_adjacent) = timed(|| count_adjacent(increments));
    let (padded, t_padded) = timed(|| count_padded(increments));
    println!("adjacent counters: {adjacent:?} in {t_adjacent:.3} s");
    println!("padded counters:   {padded:?} in {t_padded:.3} s");
    println!("adjacent takes {:.1}x as long", t_adjacent / t_padded);
}
// ANCHOR_END: main
