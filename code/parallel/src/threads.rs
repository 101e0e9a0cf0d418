//! Threads from the standard library, four ways to combine what they found.
//!
//! Each function splits the chunks of a Monte Carlo [`Plan`] over `threads`
//! threads (thread `t` takes chunks `t`, `t + threads`, `t + 2 * threads`, …)
//! and adds up the points inside the circle. They differ only in how the
//! per-thread counts come back together. All four give exactly the serial
//! answer.

use crate::pi::Plan;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;

// ANCHOR: split
/// The chunks of `plan` that thread `t` of `threads` works on.
fn chunks_of(plan: &Plan, t: usize, threads: usize) -> impl Iterator<Item = u64> {
    assert!(threads > 0, "at least one thread");
    (t as u64..plan.chunks).step_by(threads)
}

/// The points inside the circle in the chunks of thread `t`: the work of
/// one thread.
fn subtotal(plan: &Plan, t: usize, threads: usize) -> u64 {
    chunks_of(plan, t, threads)
        .map(|k| plan.count_chunk(k))
        .sum()
}
// ANCHOR_END: split

// ANCHOR: scoped
/// Scoped threads: `thread::scope` guarantees that every thread spawned in it
/// has finished before it returns, so the threads may borrow `plan` from the
/// caller's stack. Each thread returns its count through its join handle.
pub fn pi_scoped_threads(plan: &Plan, threads: usize) -> f64 {
    let inside: u64 = thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| s.spawn(move || subtotal(plan, t, threads)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a worker thread panicked"))
            .sum::<u64>()
    });
    plan.estimate(inside)
}
// ANCHOR_END: scoped

// ANCHOR: channel
/// A channel: the workers send one message per chunk; the main thread
/// receives and adds them up while the workers are still running.
pub fn pi_channel(plan: &Plan, threads: usize) -> f64 {
    let (sender, receiver) = mpsc::channel::<u64>();
    let inside: u64 = thread::scope(|s| {
        for t in 0..threads {
            let sender = sender.clone();
            s.spawn(move || {
                for k in chunks_of(plan, t, threads) {
                    sender
                        .send(plan.count_chunk(k))
                        .expect("the receiver is alive");
                }
            });
        }
        // Drop the original sender: the loop below ends when the last
        // worker's clone is dropped, that is when every worker is done.
        drop(sender);
        receiver.iter().sum()
    });
    plan.estimate(inside)
}
// ANCHOR_END: channel

// ANCHOR: mutex
/// A `Mutex`: one shared total; a thread must hold the lock to change it.
/// Locking is cheap but not free, so each thread adds its subtotal once.
pub fn pi_mutex(plan: &Plan, threads: usize) -> f64 {
    let total = Mutex::new(0u64);
    thread::scope(|s| {
        for t in 0..threads {
            let total = &total;
            s.spawn(move || {
                let mine = subtotal(plan, t, threads);
                *total.lock().expect("no thread panicked holding it") += mine;
            });
        }
    });
    let inside = total.into_inner().expect("no thread panicked holding it");
    plan.estimate(inside)
}
// ANCHOR_END: mutex

// ANCHOR: atomic
/// An atomic: the processor adds to the shared total in one indivisible
/// instruction, no lock needed. `Relaxed` is enough: we only need the sum,
/// and the end of `thread::scope` makes every addition visible.
pub fn pi_atomic(plan: &Plan, threads: usize) -> f64 {
    let total = AtomicU64::new(0);
    thread::scope(|s| {
        for t in 0..threads {
            let total = &total;
            s.spawn(move || {
                let mine = subtotal(plan, t, threads);
                total.fetch_add(mine, Ordering::Relaxed);
            });
        }
    });
    plan.estimate(total.into_inner())
}
// ANCHOR_END: atomic

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pi::pi_serial;

    #[test]
    fn every_way_of_combining_gives_exactly_the_serial_estimate() {
        let plan = Plan::new(200_003, 13, 77);
        let serial = pi_serial(&plan);
        for threads in [1, 2, 3, 5, 13, 20] {
            assert_eq!(
                pi_scoped_threads(&plan, threads),
                serial,
                "scoped, {threads}"
            );
            assert_eq!(pi_channel(&plan, threads), serial, "channel, {threads}");
            assert_eq!(pi_mutex(&plan, threads), serial, "mutex, {threads}");
            assert_eq!(pi_atomic(&plan, threads), serial, "atomic, {threads}");
        }
    }

    #[test]
    fn every_chunk_goes_to_exactly_one_thread() {
        let plan = Plan::new(100, 10, 0);
        for threads in [1, 3, 4, 10, 16] {
            let mut seen: Vec<u64> = (0..threads)
                .flat_map(|t| chunks_of(&plan, t, threads))
                .collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..10).collect::<Vec<u64>>(), "{threads} threads");
        }
    }
}
