//! Checks the "find the bug" exercise: `cargo xtask exercise loop_order`.
//! Correctness first (both fixes must read memory in order, which shows in
//! the exact bits of a floating-point sum), then speed against the starter.
use motivation::{
    ColMajor, RowMajor, sum_cols_outer, sum_cols_outer_col_major, sum_rows_outer, test_value,
};
use std::hint::black_box;
use std::process::exit;
use std::time::Instant;

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
    println!("✗ loop_order: {hint}");
    exit(1)
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
    ] = best_times(
        3,
        [
            &|| _ = black_box(sum_cols_outer(&c_order)),
            &|| _ = black_box(mine::sum_fixed_loops(&c_order)),
            &|| _ = black_box(sum_rows_outer(&c_order)),
            &|| _ = black_box(mine::sum_fixed_layout(&data, n, n)),
            &|| _ = black_box(sum_cols_outer_col_major(&f_order)),
        ],
    );
    println!(
        "fix 1: {:.1}× the starter; the reference reaches {:.1}× (best of 3 rounds, n = {n})",
        t_starter / t_fix_loops,
        t_starter / t_reference
    );
    println!(
        "fix 2: {:.1}× the starter; the reference reaches {:.1}× (best of 3 rounds, n = {n})",
        t_starter / t_fix_layout,
        t_starter / t_reference_layout
    );
}

fn main() {
    if std::env::args().len() > 1 {
        eprintln!("error: exercise_loop_order takes no arguments");
        exit(2);
    }
    check_fix_loops();
    check_fix_layout();
    println!("✓ loop_order: correct");
    // A debug build's timings say nothing about the optimised code.
    if cfg!(debug_assertions) {
        println!(
            "(speed is compared only in an optimised build: `cargo xtask exercise loop_order` makes one)"
        );
        return;
    }
    report_speed();
}
