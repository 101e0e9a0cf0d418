//! Checks "parallelise a loop": `cargo xtask exercise primes`. The count
//! must be right, and the numbers must be tested on more than one thread of
//! a 4-thread rayon pool (the checker's `is_prime` notes which thread calls
//! it). Then it compares the speed with the serial loop and the reference.
use parallel::primes::{count_primes_serial, is_prime};
use parallel::thread_pool;
use std::collections::HashSet;
use std::hint::black_box;
use std::sync::Mutex;
use std::thread::{self, ThreadId};
use testkit::exercise;

#[cfg(not(feature = "solution"))]
#[path = "primes.rs"]
mod mine;
#[path = "primes_solution.rs"]
mod reference;
// Checking the solution: the reference is the learner's file too.
#[cfg(feature = "solution")]
use reference as mine;

fn fail(hint: &str) -> ! {
    exercise::fail("primes", hint)
}

fn main() {
    exercise::no_arguments("primes");
    // The number of primes below 10^k (OEIS A006880).
    for (limit, expected) in [
        (0, 0),
        (1, 0),
        (2, 0),
        (3, 1),
        (10, 4),
        (100, 25),
        (100_000, 9592),
    ] {
        let got = mine::count_primes(limit, is_prime);
        if got != expected {
            fail(&format!(
                "there are {expected} primes below {limit}, your count gave {got}"
            ));
        }
    }

    let threads_seen = Mutex::new(HashSet::<ThreadId>::new());
    let noting_is_prime = |n: u64| {
        threads_seen.lock().unwrap().insert(thread::current().id());
        is_prime(n)
    };
    let pool = thread_pool(4);
    // Wait until all four threads run, so that they are there to steal work.
    pool.broadcast(|_| ());
    let got = pool.install(|| mine::count_primes(200_000, noting_is_prime));
    if got != 17_984 {
        fail(&format!(
            "there are 17984 primes below 200000, your count gave {got}"
        ));
    }
    let seen = threads_seen.into_inner().unwrap().len();
    if seen < 2 {
        fail(
            "the count is right, but every number was tested on one thread: the loop is still serial (rayon: into_par_iter)",
        );
    }
    println!("✓ primes: correct ({seen} threads of a 4-thread pool tested numbers)");
    // A debug build's timings say nothing about the optimised code.
    if !exercise::optimised_build("primes") {
        return;
    }

    let limit = 400_000;
    let times = exercise::best_times(
        3,
        [
            &|| _ = black_box(count_primes_serial(limit)),
            &|| _ = black_box(mine::count_primes(limit, is_prime)),
            &|| _ = black_box(reference::count_primes(limit, is_prime)),
        ],
    );
    let detail = format!("limit = {limit}, {} threads", rayon::current_num_threads());
    let line = exercise::speed_line("your version", "the serial loop", times, 3, &detail);
    println!("{line}");
}
