//! What the two profiling checkers share: measure the parts, compare.
use performance::shares::{Part, Step, shares};

/// Generated text as large as the page profiles: a vocabulary of a few
/// hundred thousand words, so the table outgrows the per-core caches.
const BYTES: usize = 20_000_000;

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
    let parts = shares(step, &text, 3);
    let total: f64 = parts.iter().map(|(_, seconds)| seconds).sum();
    let breakdown = parts
        .iter()
        .map(|(part, seconds)| format!("{part:?} {:.0}%", 100.0 * seconds / total))
        .collect::<Vec<_>>()
        .join(", ");
    let largest = parts[0].0;
    if answer == largest {
        println!("✓ {name}: correct");
        println!("measured here, part by part on 20 MB of generated text: {breakdown}");
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
