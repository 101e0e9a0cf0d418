//! Progress lines for steps that take more than a moment.

use std::time::Instant;

/// Prints `==> what` now and `    <what>: done in 12.3 s` when dropped.
pub struct Step {
    what: String,
    start: Instant,
}

pub fn step(what: impl Into<String>) -> Step {
    let what = what.into();
    eprintln!("==> {what}");
    Step {
        what,
        start: Instant::now(),
    }
}

impl Drop for Step {
    fn drop(&mut self) {
        eprintln!(
            "    {}: {:.1} s",
            self.what,
            self.start.elapsed().as_secs_f64()
        );
    }
}

/// A note under the current step.
pub fn note(message: impl AsRef<str>) {
    eprintln!("    {}", message.as_ref());
}
