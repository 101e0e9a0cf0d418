//! The loop-order puzzle: two ways to add up the same numbers.
//! Run it, then find out why one is so much slower than the other.
use motivation::{RowMajor, parse_size, sum_cols_outer, sum_rows_outer, test_value, time_best_of};

// ANCHOR: main
fn main() {
    let arg = std::env::args().nth(1);
    let n = parse_size(arg.as_deref(), 4096).unwrap_or_else(|message| {
        eprintln!("error: {message} (usage: puzzle [SIZE])");
        std::process::exit(2);
    });
    let a = RowMajor::from_fn(n, n, test_value);
    println!("array: {n} x {n} f64, {} MiB", (n * n * 8) >> 20);

    let (fast, t_fast) = time_best_of(5, || sum_rows_outer(&a));
    let (slow, t_slow) = time_best_of(5, || sum_cols_outer(&a));
    let per_element = |t: f64| t * 1e9 / (n * n) as f64;
    println!(
        "rows outer: sum = {fast}, {:.2} ns per element",
        per_element(t_fast)
    );
    println!(
        "cols outer: sum = {slow}, {:.2} ns per element",
        per_element(t_slow)
    );
    println!("cols outer takes {:.1}x as long", t_slow / t_fast);
}
// ANCHOR_END: main
