//! The puzzle solved twice: the slow loop order on column-major storage is
//! as fast as the fast loop order on row-major storage.
use course_cli::{Usage, memory, run, time_best_of};
use motivation::{
    ColMajor, RowMajor, sum_cols_outer, sum_cols_outer_col_major, sum_rows_outer, test_value,
};

const USAGE: Usage = Usage::new(
    "puzzle_solved",
    "[SIZE]",
    "times the slow loop order against its two fixes on a SIZE x SIZE array",
)
.details("SIZE  rows and columns, 1 to 20_000 (default 4096)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let n: usize = args.count("SIZE", 4096, 1..=20_000)?;
        args.done()?;
        // Two copies of the array: one in each order.
        memory::ensure_items_fit(2 * (n * n) as u64, 8, "doubles")?;
        let c_order = RowMajor::from_fn(n, n, test_value);
        let f_order = ColMajor::from_fn(n, n, test_value);
        let per_element = |t: f64| t * 1e9 / (n * n) as f64;

        let runs: [(&str, &dyn Fn() -> f64); 3] = [
            ("row-major, rows outer (fix 1)", &|| {
                sum_rows_outer(&c_order)
            }),
            ("row-major, cols outer (slow) ", &|| {
                sum_cols_outer(&c_order)
            }),
            ("col-major, cols outer (fix 2)", &|| {
                sum_cols_outer_col_major(&f_order)
            }),
        ];
        for (name, sum) in runs {
            let (total, t) = time_best_of(5, sum);
            println!(
                "{name}: sum = {total}, {:.2} ns per element",
                per_element(t)
            );
        }
        Ok(())
    })
}
// ANCHOR_END: main
