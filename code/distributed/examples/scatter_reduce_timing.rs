//! Where the time of a scatter + reduce goes: dealing the data out, adding
//! up each block, and combining the partial sums. Run it with different
//! numbers of ranks and compare.
//! `mpirun -n 4 scatter_reduce_timing [N]` (N defaults to 10 000 000).
use course_cli::{Usage, memory};
use distributed::{MAX_COUNT, reduce_sum, scatter_blocks, stop_with, sum};
use mpi::traits::*;

const USAGE: Usage = Usage::new(
    "scatter_reduce_timing",
    "[N]",
    "times the scatter, the sums and the reduce of N numbers, best of 5",
)
.details("N  numbers, 1 to 2_147_483_647 (MPI counts are i32; default 10_000_000)");

// ANCHOR: timing
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // N is checked on every rank, rank 0's memory on rank 0 (as in
    // scatter_reduce).
    let n = distributed::arguments(&world, &USAGE, |mut args| {
        let n = args.count("N", 10_000_000, 1..=MAX_COUNT)?;
        args.done()?;
        Ok(n)
    });
    // On one machine the blocks dealt out take as much memory again.
    distributed::root_decides(&world, || {
        memory::ensure_items_fit(2 * n as u64, 8, "doubles (the numbers and their blocks)")
    });
    let data: Option<Vec<f64>> = (world.rank() == 0).then(|| (0..n).map(|i| i as f64).collect());

    // Best of five for each phase. Each phase ends with a barrier, so its
    // time is that of the slowest rank: the time the whole job waits.
    let mut best = [f64::INFINITY; 3];
    let mut phase = |i: usize, start: f64| {
        world.barrier();
        let elapsed = mpi::time() - start;
        best[i] = best[i].min(elapsed);
        mpi::time()
    };
    let mut total = None;
    for _ in 0..5 {
        world.barrier();
        let start = mpi::time();
        let mine = scatter_blocks(&world, n, data.as_deref())
            .unwrap_or_else(|message| stop_with(&world, &message.into()));
        let start = phase(0, start);
        let partial = sum(&mine);
        let start = phase(1, start);
        total = reduce_sum(&world, partial);
        phase(2, start);
    }
    if let Some(total) = total {
        // Integers below 2^53 and their sum are exact: check the answer.
        let exact = (n as f64 - 1.0) * n as f64 / 2.0;
        let size = world.size();
        println!(
            "# n = {n} doubles, ranks = {size}, sum correct: {}",
            total == exact
        );
        println!("# phase  ranks  best of 5 (s)");
        for (name, seconds) in ["scatter", "sum", "reduce"].iter().zip(best) {
            println!("{name} {size} {seconds:.3e}");
        }
    }
}
// ANCHOR_END: timing
