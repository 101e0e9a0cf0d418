//! Exercise "fix the false sharing": two threads each increment their own
//! counter, yet slow each other down. Keep what `count_two` returns; change
//! `Counter` so that the two counters no longer share a cache line. Check
//! with
//!     cargo xtask exercise false_sharing
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

// ANCHOR: starter
/// One thread's counter.
pub struct Counter(pub AtomicU64);

/// Two threads, each incrementing its own counter `increments` times.
pub fn count_two(increments: u64) -> [u64; 2] {
    let counters = [Counter(AtomicU64::new(0)), Counter(AtomicU64::new(0))];
    thread::scope(|s| {
        for Counter(counter) in &counters {
            s.spawn(move || {
                for _ in 0..increments {
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    counters.map(|Counter(counter)| counter.into_inner())
}
// ANCHOR_END: starter
