//! Exercise "write it with threads": add up `work(i)` for every `i` below
//! `n`, first with scoped threads written by hand, then as a rayon
//! reduction. Check with
//!     cargo xtask exercise threads

// ANCHOR: starter
/// By hand: start `threads` scoped threads (`std::thread::scope`). Thread
/// `t` adds up `work(i)` for i = t, t + threads, t + 2 threads, … below `n`
/// and hands its subtotal back through its join handle; add the subtotals.
pub fn total_on_threads(n: u64, threads: u64, work: impl Fn(u64) -> u64 + Sync) -> u64 {
    let _ = threads;
    (0..n).map(work).sum() // still serial: on the calling thread only
}

/// With rayon: the same total as a parallel reduction.
pub fn total_with_rayon(n: u64, work: impl Fn(u64) -> u64 + Sync) -> u64 {
    (0..n).map(work).sum() // still serial
}
// ANCHOR_END: starter
