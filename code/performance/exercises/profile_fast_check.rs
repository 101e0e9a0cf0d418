//! Checker of "profile the fast version": measures, part by part, where the `fxhash`
//! step spends its time on this machine (`performance::shares`), and
//! compares the largest part with the learner's reading of the profile.
#[cfg(not(feature = "solution"))]
#[path = "profile_fast.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "profile_fast_solution.rs"]
mod mine;
#[path = "profile_check.rs"]
mod profile_check;

use performance::shares::Step;

fn main() {
    std::process::exit(profile_check::check(
        "profile_fast",
        "fxhash",
        Step::Fxhash,
        mine::LARGEST_PART,
    ));
}
