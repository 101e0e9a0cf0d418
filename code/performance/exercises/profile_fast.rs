//! Exercise: profile the fast version. Profile the `fxhash` step of the word count
//! with `perf record` and `perf report`, then record here which part of
//! the program takes the most samples.
//! Check with: cargo xtask exercise profile_fast
use performance::shares::Part;

// ANCHOR: answer
/// The part of the `fxhash` step with the largest share of the samples:
/// `Part::FindingWords` (the scan), `Part::TableLookups` (the hash table)
/// or `Part::Report` (sorting and writing).
pub const LARGEST_PART: Part = Part::NotProfiledYet;
// ANCHOR_END: answer
