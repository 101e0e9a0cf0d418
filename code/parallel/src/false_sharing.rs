//! False sharing: two threads that never touch each other's data still slow
//! each other down when their data shares a cache line. A core must own a
//! line exclusively to write to it, so the line travels back and forth
//! between the two cores on every write, as if the data were shared.

use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

// ANCHOR: adjacent
/// Two threads, each incrementing its own counter `increments` times. The
/// two `AtomicU64`s sit next to each other: 16 bytes, one cache line.
pub fn count_adjacent(increments: u64) -> [u64; 2] {
    let counters = [AtomicU64::new(0), AtomicU64::new(0)];
    thread::scope(|s| {
        for counter in &counters {
            s.spawn(move || {
                for _ in 0..increments {
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    counters.map(AtomicU64::into_inner)
}
// ANCHOR_END: adjacent

// ANCHOR: padded
/// A counter alone on its own 128 bytes: `align(128)` makes the compiler
/// start every `Padded` at a multiple of 128 and round its size up to 128.
/// 128 rather than 64 because some processors fetch cache lines in pairs.
#[repr(align(128))]
pub struct Padded(pub AtomicU64);

/// Exactly `count_adjacent`, with each counter on a cache line of its own.
pub fn count_padded(increments: u64) -> [u64; 2] {
    let counters = [Padded(AtomicU64::new(0)), Padded(AtomicU64::new(0))];
    thread::scope(|s| {
        for Padded(counter) in &counters {
            s.spawn(move || {
                for _ in 0..increments {
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    counters.map(|Padded(counter)| counter.into_inner())
}
// ANCHOR_END: padded

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_layouts_count_every_increment() {
        for n in [0, 1, 100_000] {
            assert_eq!(count_adjacent(n), [n, n]);
            assert_eq!(count_padded(n), [n, n]);
        }
    }

    #[test]
    fn padded_counters_are_two_cache_line_pairs_apart() {
        assert_eq!(std::mem::align_of::<Padded>(), 128);
        assert_eq!(std::mem::size_of::<Padded>(), 128);
        let pair = [Padded(AtomicU64::new(0)), Padded(AtomicU64::new(0))];
        let distance =
            std::ptr::from_ref(&pair[1].0).addr() - std::ptr::from_ref(&pair[0].0).addr();
        assert_eq!(distance, 128);
        // The unpadded pair shares one 64-byte line when the first starts it.
        assert_eq!(std::mem::size_of::<[AtomicU64; 2]>(), 16);
    }
}
