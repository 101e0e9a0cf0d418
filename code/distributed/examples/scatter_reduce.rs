//! Sum N numbers on several ranks: rank 0 owns the data, deals out blocks of
//! unequal size with `scatter_varcount`, every rank sums its block, and a
//! reduce adds the partial sums up on rank 0.
//! `mpirun -n 3 scatter_reduce [N]` (N defaults to 10 000 000).
use distributed::{reduce_sum, scatter_blocks, stop, sum};
use mpi::traits::*;

// ANCHOR: scatter_reduce
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let (rank, size) = (world.rank(), world.size());

    let n = match std::env::args().nth(1).map(|arg| arg.parse::<usize>()) {
        None => 10_000_000,
        Some(Ok(n)) => n,
        Some(Err(_)) => stop(&world, "error: scatter_reduce: N must be a whole number"),
    };
    // Small integers: every partial sum and the total are exact in f64, so
    // the parallel sum must equal the serial one to the last bit.
    let data: Option<Vec<f64>> = (rank == 0).then(|| (0..n).map(|i| (i % 10) as f64).collect());

    let mine = match scatter_blocks(&world, n, data.as_deref()) {
        Ok(block) => block,
        Err(message) => stop(&world, &format!("error: scatter_reduce: {message}")),
    };
    let partial = sum(&mine);
    println!("rank {rank} summed {} numbers: {partial}", mine.len());

    if let (Some(total), Some(data)) = (reduce_sum(&world, partial), &data) {
        let serial = sum(data);
        println!(
            "total of {n} numbers on {size} ranks: {total}, serial: {serial}, equal: {}",
            total == serial
        );
    }
}
// ANCHOR_END: scatter_reduce
