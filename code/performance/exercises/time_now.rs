//! Exercise: where does the time go now? Profile the `word-masks` step of the word count
//! with `perf record` and `perf report`, then record here which part of
//! the program takes the most samples.
//! Check with: cargo xtask exercise time_now
use performance::shares::Part;

// ANCHOR: answer
/// The part of the `word-masks` step with the largest share of the samples:
/// `Part::FindingWords` (the scan), `Part::TableLookups` (the hash table)
/// or `Part::Report` (sorting and writing).
pub const LARGEST_PART: Part = Part::NotProfiledYet;
// ANCHOR_END: answer
