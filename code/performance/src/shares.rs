//! Where a word count's time goes, measured part by part without a
//! profiler: the time to find (and lower-case) the words alone, the time to
//! count them too (the difference is the table), and the time of the report.
//! The profiling exercises compare the learner's reading of `perf report`
//! with these measurements, taken on the learner's own machine.

use crate::flat_counts::FlatCounts;
use crate::fxhash::FxBuildHasher;
use crate::timing::time_best_of;
use crate::wordcount::{
    WordCounts, count_text, for_each_word, for_each_word_masked, lowercase_into, report,
    write_report,
};
use std::hint::black_box;

/// The parts of a word count a profile shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Not answered yet.
    NotProfiledYet,
    /// Finding the words in the text (and lower-casing them).
    FindingWords,
    /// Looking the words up in the table, and counting them.
    TableLookups,
    /// Sorting the counts and writing the report.
    Report,
}

/// The word-count steps the profiling exercises profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// `fxhash`: the byte scan, the standard table with a fast hasher.
    Fxhash,
    /// `word-masks`: the 64-byte mask scan and the flat table.
    WordMasks,
}

/// Seconds spent in each part of `step` on `text` (best of `repeats`), the
/// largest first.
pub fn shares(step: Step, text: &str, repeats: usize) -> Vec<(Part, f64)> {
    let (scan, counted) = match step {
        Step::Fxhash => {
            let (_, scan) = time_best_of(repeats, || {
                let mut lower = String::new();
                let mut words = 0usize;
                for_each_word(text, |word, _| {
                    lowercase_into(word, &mut lower);
                    words += black_box(lower.len()).min(1);
                });
                words
            });
            let (counts, all) = time_best_of(repeats, || {
                let mut counts: WordCounts<FxBuildHasher> = WordCounts::new();
                count_text(text, &mut counts);
                counts
            });
            (scan, (counts.into_vec(), all))
        }
        Step::WordMasks => {
            let (_, scan) = time_best_of(repeats, || {
                let mut words = 0usize;
                for_each_word_masked(text, |word, _| words += black_box(word.len()).min(1));
                words
            });
            let (counts, all) = time_best_of(repeats, || {
                let mut counts = FlatCounts::new();
                counts.count_text_masked(text);
                counts
            });
            (scan, (counts.into_vec(), all))
        }
    };
    let (counts, all) = counted;
    let (_, report_time) = time_best_of(repeats, || {
        let rows = report(counts.clone(), 0);
        write_report(&rows, &mut std::io::sink()).expect("writing to a sink cannot fail");
        rows.len()
    });
    let mut parts = vec![
        (Part::FindingWords, scan),
        (Part::TableLookups, (all - scan).max(0.0)),
        (Part::Report, report_time),
    ];
    parts.sort_by(|a, b| b.1.total_cmp(&a.1));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_is_measured_once_largest_first() {
        let text = crate::textgen::generate(100_000, 3);
        for step in [Step::Fxhash, Step::WordMasks] {
            let parts = shares(step, &text, 1);
            assert_eq!(parts.len(), 3);
            for part in [Part::FindingWords, Part::TableLookups, Part::Report] {
                assert_eq!(parts.iter().filter(|(p, _)| *p == part).count(), 1);
            }
            assert!(parts.windows(2).all(|w| w[0].1 >= w[1].1));
        }
    }
}
