//! One solution of "write it with threads".
use rayon::prelude::*;
use std::thread;

// ANCHOR: solution
/// Each thread borrows `work` (it is `Sync`, so sharing it is safe) and owns
/// its subtotal; nothing is written by two threads, so no lock is needed.
pub fn total_on_threads(n: u64, threads: u64, work: impl Fn(u64) -> u64 + Sync) -> u64 {
    let work = &work;
    thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| s.spawn(move || (t..n).step_by(threads as usize).map(work).sum::<u64>()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

/// rayon cuts the range into tasks, sums each, and adds the partial sums.
pub fn total_with_rayon(n: u64, work: impl Fn(u64) -> u64 + Sync) -> u64 {
    (0..n).into_par_iter().map(&work).sum()
}
// ANCHOR_END: solution
