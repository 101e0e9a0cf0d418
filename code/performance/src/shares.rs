//! Where a word count's time goes, measured part by part without a
//! profiler: the time to find (and lower-case) the words alone, the time of
//! the table fed with words found beforehand, and the time of the report.
//! The profiling exercises compare the learner's reading of `perf report`
//! with these measurements, taken on the learner's own machine.

use crate::flat_counts::FlatCounts;
use crate::fxhash::FxBuildHasher;
use crate::timing::time_best_of;
use crate::wordcount::{
    WordCounts, for_each_word, for_each_word_masked, lowercase_into, report, write_report,
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
/// largest first. Each part is timed on its own, none as a difference of
/// two timings: the scan alone (with the lower-casing, for `Fxhash`), the
/// table fed with words found beforehand (for `WordMasks` the table makes
/// its keys, lower-casing included), and the report.
pub fn shares(step: Step, text: &str, repeats: usize) -> Vec<(Part, f64)> {
    let (scan, table, counts) = match step {
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
            // The lower-cased words, one after the other, and where each is.
            let (mut all, mut at, mut lower) = (String::new(), Vec::new(), String::new());
            for_each_word(text, |word, _| {
                lowercase_into(word, &mut lower);
                at.push(all.len()..all.len() + lower.len());
                all.push_str(&lower);
            });
            let (counts, table) = time_best_of(repeats, || {
                let mut counts: WordCounts<FxBuildHasher> = WordCounts::new();
                for range in &at {
                    counts.add(&all[range.clone()], 1);
                }
                counts
            });
            (scan, table, counts.into_vec())
        }
        Step::WordMasks => {
            let (_, scan) = time_best_of(repeats, || {
                let mut words = 0usize;
                for_each_word_masked(text, |word, _| words += black_box(word.len()).min(1));
                words
            });
            // Each word as the scan hands it to the table: where it is in
            // the text, and its start when it is pure ASCII.
            let mut found = Vec::new();
            for_each_word_masked(text, |word, start| {
                let offset = word.as_ptr() as usize - text.as_ptr() as usize;
                found.push((offset..offset + word.len(), start));
            });
            let (counts, table) = time_best_of(repeats, || {
                let mut counts = FlatCounts::new();
                for (range, start) in &found {
                    counts.add_word(text, &text[range.clone()], *start);
                }
                counts
            });
            (scan, table, counts.into_vec())
        }
    };
    let (_, report_time) = time_best_of(repeats, || {
        let rows = report(counts.clone(), 0);
        write_report(&rows, &mut std::io::sink()).expect("writing to a sink cannot fail");
        rows.len()
    });
    let mut parts = vec![
        (Part::FindingWords, scan),
        (Part::TableLookups, table),
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
