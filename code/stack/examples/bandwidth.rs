//! STREAM-style memory bandwidth on your machine, and the sums of the
//! vectorisation section over the same memory.
use course_cli::{Usage, memory, run, time_best_of};
use stack::stream::{
    ADD_BYTES, COPY_BYTES, SCALE_BYTES, TRIAD_BYTES, add, copy, filled_in_parallel, scale, triad,
    triad_parallel,
};
use stack::sum::{sum_chunked, sum_fold};

const USAGE: Usage = Usage::new(
    "bandwidth",
    "[MILLIONS]",
    "measures memory bandwidth with the STREAM kernels and two sums",
)
.details("MILLIONS  million f64 in each of the 3 arrays, 1 to 10_000 (default 20)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let millions: usize = args.count("MILLIONS", 20, 1..=10_000)?;
        args.done()?;
        let n = millions * 1_000_000;
        memory::ensure_items_fit(3 * n as u64, 8, "doubles")?;
        let (mut a, mut b, mut c) = (
            filled_in_parallel(n, 1.0),
            filled_in_parallel(n, 2.0),
            filled_in_parallel(n, 0.0),
        );
        let gb_per_s =
            |bytes_per_element: usize, seconds: f64| (bytes_per_element * n) as f64 / seconds / 1e9;
        println!(
            "3 arrays of {millions} million f64 ({} MB each)",
            n * 8 / 1_000_000
        );

        let (_, t) = time_best_of(5, || copy(&mut c, &a));
        println!("copy             {:6.1} GB/s", gb_per_s(COPY_BYTES, t));
        let (_, t) = time_best_of(5, || scale(&mut b, &c, 3.0));
        println!("scale            {:6.1} GB/s", gb_per_s(SCALE_BYTES, t));
        let (_, t) = time_best_of(5, || add(&mut c, &a, &b));
        println!("add              {:6.1} GB/s", gb_per_s(ADD_BYTES, t));
        let (_, t) = time_best_of(5, || triad(&mut a, &b, &c, 3.0));
        println!("triad            {:6.1} GB/s", gb_per_s(TRIAD_BYTES, t));
        let (_, t) = time_best_of(5, || triad_parallel(&mut a, &b, &c, 3.0));
        println!("triad, all cores {:6.1} GB/s", gb_per_s(TRIAD_BYTES, t));

        // b = 3 c = 3, c = a + b = 4, a = b + 3 c = 15: the sum is 15 n.
        let (total, t) = time_best_of(5, || sum_fold(&a));
        println!(
            "sum, fold        {:6.1} GB/s (sum = {total})",
            gb_per_s(8, t)
        );
        let (total, t) = time_best_of(5, || sum_chunked(&a));
        println!(
            "sum, chunked     {:6.1} GB/s (sum = {total})",
            gb_per_s(8, t)
        );
        Ok(())
    })
}
// ANCHOR_END: main
