//! Checker of "where does the time go now?": measures, part by part, where the `word-masks`
//! step spends its time on this machine (`performance::shares`), and
//! compares the largest part with the learner's reading of the profile.
#[cfg(not(feature = "solution"))]
#[path = "time_now.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "time_now_solution.rs"]
mod mine;
#[path = "profile_check.rs"]
mod profile_check;

use performance::shares::Step;

fn main() {
    std::process::exit(profile_check::check(
        "time_now",
        "word-masks",
        Step::WordMasks,
        mine::LARGEST_PART,
    ));
}
