//! The random walk: the loop, the prefix sum, and the cost of the
//! random-number generator.
use course_cli::{Usage, memory, run};
use performance::SplitMix64;
use performance::random_walk::{
    SipCounter, draws_only, walk_bits, walk_loop, walk_loop_sip, walk_prefix_sum,
};
use performance::timing::time_best_of;

const USAGE: Usage = Usage::new(
    "random_walk",
    "[STEPS]",
    "times a random walk as a loop, as a prefix sum, and its random numbers",
)
.details("STEPS  1 to 200_000_000 (default 10_000_000)");

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let n: usize = args.count("STEPS", 10_000_000, 1..=200_000_000)?;
        args.done()?;
        // A walk is one f64 per step; a timed run may hold two at a time.
        memory::ensure_items_fit(2 * n as u64, 8, "doubles")?;
        let dx = 1.0;
        let ns_per_step = |seconds: f64| seconds * 1e9 / n as f64;
        let report = |name: &str, end: f64, seconds: f64| {
            println!(
                "{name:>22}: ends at {end:+8}, {:.2} ns per step",
                ns_per_step(seconds)
            );
        };
        let last = |xs: Vec<f64>| xs.last().copied().unwrap_or(0.0);

        let (end, t) = time_best_of(5, || last(walk_loop(n, dx, &mut SplitMix64::new(1))));
        report("loop", end, t);
        let (end, t) = time_best_of(5, || last(walk_prefix_sum(n, dx, &mut SplitMix64::new(1))));
        report("prefix sum", end, t);
        let (end, t) = time_best_of(5, || last(walk_bits(n, dx, &mut SplitMix64::new(1))));
        report("loop, 64 steps a draw", end, t);
        let (end, t) = time_best_of(5, || last(walk_loop_sip(n, dx, &mut SipCounter::new(1))));
        report("loop, SipHash draws", end, t);
        let (_, t) = time_best_of(5, || draws_only(n, &mut SplitMix64::new(1)));
        println!(
            "{:>22}: {:.2} ns per step",
            "SplitMix64 draws only",
            ns_per_step(t)
        );
        Ok(())
    })
}
// ANCHOR_END: main
