//! Times only the plain integration loop and prints the fastest of 20 runs.
//! Build it both ways and compare:
//! `cargo run -p performance --example integration_plain` (debug) and
//! `cargo run --release -p performance --example integration_plain`.
use course_cli::{Usage, run};
use performance::integration::{apply_plain, problem};
use performance::timing::time_best_of;

const USAGE: Usage = Usage::new(
    "integration_plain",
    "",
    "times the plain integration loop (build it in debug and in release)",
);

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |args| {
        args.done()?;
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
        Ok(())
    })
}
// ANCHOR_END: main
