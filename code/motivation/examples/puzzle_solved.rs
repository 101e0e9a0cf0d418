//! The puzzle solved twice: the slow loop order on column-major storage is
//! as fast as the fast loop order on row-major storage.
use motivation::{
    ColMajor, RowMajor, parse_size, sum_cols_outer, sum_cols_outer_col_major, sum_rows_outer,
    test_value, time_best_of,
};

// ANCHOR: main
fn main() {
    let arg = std::env::args().nth(1);
    let n = parse_size(arg.as_deref(), 4096).unwrap_or_else(|message| {
        eprintln!("error: {message} (usage: puzzle_solved [SIZE])");
        std::process::exit(2);
    });
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
}
// ANCHOR_END: main
