//! Where the time of a scatter + reduce goes: dealing the data out, adding
//! up each block, and combining the partial sums. Run it with different
//! numbers of ranks and compare.
//! `mpirun -n 4 scatter_reduce_timing [N]` (N defaults to 10 000 000).
use distributed::{reduce_sum, scatter_blocks, stop, sum};
use mpi::traits::*;

// ANCHOR: timing
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let n = match std::env::args().nth(1).map(|arg| arg.parse::<usize>()) {
        None => 10_000_000,
        Some(Ok(n)) if n >= 1 => n,
        Some(_) => stop(
            &world,
            "error: scatter_reduce_timing: N must be a whole number >= 1",
        ),
    };
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
        let mine = scatter_blocks(&world, n, data.as_deref()).expect("n >= 1 was checked");
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
