//! This file must NOT compile, and that is the point: two threads add to the
//! same counter at the same time, a data race. `tests/compile_fail.rs`
//! compiles it with rustc and checks that it fails with exactly the error
//! in `data_race.stderr`.

// ANCHOR: race
pub fn count_with_two_threads() -> u64 {
    let mut total = 0;
    std::thread::scope(|s| {
        s.spawn(|| {
            for _ in 0..1000 {
                total += 1;
            }
        });
        s.spawn(|| {
            for _ in 0..1000 {
                total += 1;
            }
        });
    });
    total
}
// ANCHOR_END: race
