//! Checks "write it with threads": `cargo xtask exercise threads`. The
//! totals must be exact, and the checker's `work` notes which threads call
//! it: `threads` threads other than the caller for the hand-written version,
//! more than one thread of a 4-thread rayon pool for the reduction.
use parallel::thread_pool;
use std::collections::HashSet;
use std::process::exit;
use std::sync::Mutex;
use std::thread::{self, ThreadId};

#[cfg(not(feature = "solution"))]
#[path = "threads.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "threads_solution.rs"]
mod mine;

fn fail(hint: &str) -> ! {
    println!("✗ threads: {hint}");
    exit(1)
}

/// Some work per index whose total is easy to know exactly.
fn work(i: u64) -> u64 {
    i * i % 1000
}

fn exact_total(n: u64) -> u64 {
    (0..n).map(work).sum()
}

/// `work`, plus a note of the thread that called it.
fn noting<'a>(seen: &'a Mutex<HashSet<ThreadId>>) -> impl Fn(u64) -> u64 + Sync + 'a {
    move |i| {
        seen.lock().unwrap().insert(thread::current().id());
        work(i)
    }
}

fn check_threads() {
    for (n, threads) in [(0, 3), (1, 3), (10, 4), (1000, 3), (1001, 7)] {
        let got = mine::total_on_threads(n, threads, work);
        if got != exact_total(n) {
            fail(&format!(
                "total_on_threads({n}, {threads}, work) gave {got}, expected {}: does every index below n go to exactly one thread?",
                exact_total(n)
            ));
        }
    }
    let seen = Mutex::new(HashSet::new());
    mine::total_on_threads(10_000, 3, noting(&seen));
    let seen = seen.into_inner().unwrap();
    if seen.contains(&thread::current().id()) {
        fail(
            "total_on_threads: the calling thread ran some of the work; spawn `threads` scoped threads with std::thread::scope and let them do all of it",
        );
    }
    if seen.len() != 3 {
        fail(&format!(
            "total_on_threads(n, 3, work): work ran on {} threads, expected 3",
            seen.len()
        ));
    }
}

fn check_rayon() {
    for n in [0, 1, 10, 1000, 1001] {
        let got = mine::total_with_rayon(n, work);
        if got != exact_total(n) {
            fail(&format!(
                "total_with_rayon({n}, work) gave {got}, expected {}",
                exact_total(n)
            ));
        }
    }
    let seen = Mutex::new(HashSet::new());
    let pool = thread_pool(4);
    // Wait until all four threads run, so that they are there to steal work.
    pool.broadcast(|_| ());
    pool.install(|| mine::total_with_rayon(1_000_000, noting(&seen)));
    if seen.into_inner().unwrap().len() < 2 {
        fail(
            "total_with_rayon: the total is right, but all the work ran on one thread; make the range a parallel iterator (into_par_iter) and reduce with sum()",
        );
    }
}

fn main() {
    if std::env::args().len() > 1 {
        eprintln!("error: exercise_threads takes no arguments");
        exit(2);
    }
    check_threads();
    check_rayon();
    println!("✓ threads: correct (3 scoped threads by hand; a rayon reduction on several threads)");
}
