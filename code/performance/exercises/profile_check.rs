//! What the two profiling checkers share: measure the parts, compare.
use performance::shares::{Part, Step, shares};

/// Generated text as large as the page profiles: a vocabulary of a few
/// hundred thousand words, so the table outgrows the per-core caches. A
/// debug build (as `cargo xtask test` runs the checks) is slow and measures
/// unoptimised code anyway, so it gets less text and one run per part.
const BYTES: usize = if cfg!(debug_assertions) {
    8_000_000
} else {
    20_000_000
};
const REPEATS: usize = if cfg!(debug_assertions) { 1 } else { 3 };

/// An answer whose part takes at least this share of the largest part's
/// time is a tie too close to call from one profile: it counts as right.
/// Unoptimised code spreads its time differently (the scan's bit tricks
/// suffer most), so a debug build, which no learner's check uses, only
/// tells the clear cases apart.
const TIE: f64 = if cfg!(debug_assertions) { 0.5 } else { 0.8 };

/// Checks `answer` against the largest part of `step` measured here;
/// returns the exit code (0 right, 1 wrong).
pub fn check(name: &str, step_name: &str, step: Step, answer: Part) -> i32 {
    if answer == Part::NotProfiledYet {
        println!(
            "✗ {name}: LARGEST_PART is still NotProfiledYet: profile the `{step_name}` step \
             (WORDCOUNT_STEP={step_name} perf record …; perf report) and record the part \
             whose functions take the most samples"
        );
        return 1;
    }
    let text = performance::textgen::generate(BYTES, 1);
    let parts = shares(step, &text, REPEATS);
    let total: f64 = parts.iter().map(|(_, seconds)| seconds).sum();
    let breakdown = parts
        .iter()
        .map(|(part, seconds)| format!("{part:?} {:.0}%", 100.0 * seconds / total))
        .collect::<Vec<_>>()
        .join(", ");
    let (largest, most) = parts[0];
    let yours = parts
        .iter()
        .find(|(part, _)| *part == answer)
        .map_or(0.0, |(_, seconds)| *seconds);
    if yours >= TIE * most {
        println!("✓ {name}: correct");
        println!(
            "measured here, part by part on {} MB of generated text: {breakdown}",
            BYTES / 1_000_000
        );
        if answer != largest {
            println!("(a close call: {answer:?} and {largest:?} take nearly the same time here)");
        }
        0
    } else {
        println!(
            "✗ {name}: you recorded {answer:?}, but {largest:?} takes the most time here \
             ({breakdown}): in `perf report`, add up the shares of the functions that belong \
             to each part (the table: its lookups, hashing and key comparisons)"
        );
        1
    }
}
