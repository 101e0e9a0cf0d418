//! The loop-order puzzle: two ways to add up the same numbers.
//! Run it, then find out why one is so much slower than the other.
use course_cli::{Usage, memory, run, time_best_of};
use motivation::{RowMajor, sum_cols_outer, sum_rows_outer, test_value};

const USAGE: Usage = Usage::new(
    "puzzle",
    "[SIZE]",
    "adds up a SIZE x SIZE array of f64 in two loop orders and times both",
)
.details("SIZE  rows and columns, 1 to 20_000 (default 4096)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let n: usize = args.count("SIZE", 4096, 1..=20_000)?;
        args.done()?;
        memory::ensure_items_fit((n * n) as u64, 8, "doubles")?;
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
        Ok(())
    })
}
// ANCHOR_END: main
