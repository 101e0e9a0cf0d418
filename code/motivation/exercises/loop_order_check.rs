//! Checks the "find the bug" exercise: `cargo xtask exercise loop_order`.
//! Correctness first (both fixes must read memory in order, which shows in
//! the exact bits of a floating-point sum), then speed against the starter.
use motivation::{
    ColMajor, RowMajor, sum_cols_outer, sum_cols_outer_col_major, sum_rows_outer, test_value,
};
use std::hint::black_box;
use testkit::exercise;

#[cfg(not(feature = "solution"))]
#[path = "loop_order.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "loop_order_solution.rs"]
mod mine;

/// Values whose floating-point sum depends on the order of the additions,
/// so the bits of the result tell which order a loop used.
fn order_sensitive(i: usize, j: usize) -> f64 {
    1.0 / (1 + 3 * i + 7 * j) as f64
}

/// The sum of `data` read front to back: memory order.
fn sum_in_memory_order(data: &[f64]) -> f64 {
    data.iter().fold(0.0, |total, x| total + x)
}

fn fail(hint: &str) -> ! {
    exercise::fail("loop_order", hint)
}

fn check_fix_loops() {
    let a = RowMajor::from_fn(48, 64, order_sensitive);
    let (by_rows, by_cols) = (sum_rows_outer(&a), sum_cols_outer(&a));
    assert_ne!(
        by_rows.to_bits(),
        by_cols.to_bits(),
        "the test array must tell the orders apart"
    );
    let got = mine::sum_fixed_loops(&a);
    if got.to_bits() == by_cols.to_bits() {
        fail(
            "fix 1 still adds column by column (its sum has exactly the bits of that order): make the loop over j the inner one",
        );
    }
    if got.to_bits() != by_rows.to_bits() {
        fail(&format!(
            "fix 1 returned {got:e}, but adding the elements in memory order gives {by_rows:e}: every element once, row by row"
        ));
    }
}

/// Stores the array where the learner's `position` says, checking that
/// every element gets a place of its own inside the `Vec`.
fn store_by_position(rows: usize, cols: usize) -> Vec<f64> {
    let mut data = vec![f64::NAN; rows * cols];
    for i in 0..rows {
        for j in 0..cols {
            let p = mine::position(rows, cols, i, j);
            if p >= data.len() {
                fail(&format!(
                    "position({rows}, {cols}, {i}, {j}) = {p} is outside the {} elements of the array",
                    rows * cols
                ));
            }
            if !data[p].is_nan() {
                fail(&format!(
                    "position({rows}, {cols}, {i}, {j}) = {p} is already taken by another element"
                ));
            }
            data[p] = order_sensitive(i, j);
        }
    }
    data
}

fn check_fix_layout() {
    let (rows, cols) = (48, 64);
    let data = store_by_position(rows, cols);
    let gap = mine::position(rows, cols, 1, 0) as isize - mine::position(rows, cols, 0, 0) as isize;
    let got = mine::sum_fixed_layout(&data, rows, cols);
    if got.to_bits() != sum_in_memory_order(&data).to_bits() {
        fail(&format!(
            "fix 2: the column loop does not read memory in order: (0, 0) and (1, 0) are {gap} places apart; store the array so that (i + 1, j) comes right after (i, j)"
        ));
    }
}

/// Speed of both fixes against the starter's column walk, on an array far
/// larger than the caches.
fn report_speed() {
    let n = 2048;
    let c_order = RowMajor::from_fn(n, n, test_value);
    let mut data = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..n {
            data[mine::position(n, n, i, j)] = test_value(i, j);
        }
    }
    let f_order = ColMajor::from_fn(n, n, test_value);
    let [
        t_starter,
        t_fix_loops,
        t_reference,
        t_fix_layout,
        t_reference_layout,
    ] = exercise::best_times(
        3,
        [
            &|| _ = black_box(sum_cols_outer(&c_order)),
            &|| _ = black_box(mine::sum_fixed_loops(&c_order)),
            &|| _ = black_box(sum_rows_outer(&c_order)),
            &|| _ = black_box(mine::sum_fixed_layout(&data, n, n)),
            &|| _ = black_box(sum_cols_outer_col_major(&f_order)),
        ],
    );
    let detail = format!("n = {n}");
    let fix_1 = [t_starter, t_fix_loops, t_reference];
    let fix_2 = [t_starter, t_fix_layout, t_reference_layout];
    println!(
        "{}",
        exercise::speed_line("fix 1", "the starter", fix_1, 3, &detail)
    );
    println!(
        "{}",
        exercise::speed_line("fix 2", "the starter", fix_2, 3, &detail)
    );
}

fn main() {
    exercise::no_arguments("loop_order");
    check_fix_loops();
    check_fix_layout();
    println!("✓ loop_order: correct");
    // A debug build's timings say nothing about the optimised code.
    if !exercise::optimised_build("loop_order") {
        return;
    }
    report_speed();
}
