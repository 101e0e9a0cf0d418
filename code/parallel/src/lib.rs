//! Day 1, Parallel computing: threads, rayon and scaling.
