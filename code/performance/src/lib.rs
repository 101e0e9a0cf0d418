//! Day 2, Performance: measure, profile, optimise.
