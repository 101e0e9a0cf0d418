//! One solution of "fix the false sharing".
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

// ANCHOR: solution
/// One thread's counter, alone on its own 128 bytes: `align(128)` makes the
/// compiler start every `Counter` at a multiple of 128 and round its size up
/// to 128. 128 rather than 64 because some processors fetch lines in pairs.
#[repr(align(128))]
pub struct Counter(pub AtomicU64);
// ANCHOR_END: solution

/// Two threads, each incrementing its own counter `increments` times
/// (unchanged).
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
