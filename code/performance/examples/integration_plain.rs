//! Times only the plain integration loop and prints the fastest of 20 runs.
//! Build it both ways and compare:
//! `cargo run -p performance --example integration_plain` (debug) and
//! `cargo run --release -p performance --example integration_plain`.
use performance::integration::{apply_plain, problem};
use performance::timing::time_best_of;

// ANCHOR: main
fn main() {
    let p = problem(1000, 2024);
    let (result, seconds) = time_best_of(20, || apply_plain(&p));
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    println!(
        "{profile} build: sum of results {:+.9}, best of 20 runs {:.0} ns",
        result.iter().sum::<f64>(),
        seconds * 1e9
    );
}
// ANCHOR_END: main
