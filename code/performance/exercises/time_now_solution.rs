//! Solution of "where does the time go now?".
use performance::shares::Part;

// ANCHOR: answer
/// The part of the `word-masks` step with the largest share of the samples.
pub const LARGEST_PART: Part = Part::TableLookups;
// ANCHOR_END: answer
