//! Sum N numbers on several ranks: rank 0 owns the data, deals out blocks of
//! unequal size with `scatter_varcount`, every rank sums its block, and a
//! reduce adds the partial sums up on rank 0.
//! `mpirun -n 3 scatter_reduce [N]` (N defaults to 10 000 000).
use course_cli::{Usage, memory};
use distributed::{MAX_COUNT, reduce_sum, scatter_blocks, stop_with, sum};
use mpi::traits::*;

const USAGE: Usage = Usage::new(
    "scatter_reduce",
    "[N]",
    "rank 0 deals N numbers out in blocks, every rank sums its block, rank 0 adds the sums",
)
.details("N  numbers, 1 to 2_147_483_647 (MPI counts are i32; default 10_000_000)");

// ANCHOR: scatter_reduce
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let (rank, size) = (world.rank(), world.size());

    // Every rank checks N against MPI's i32 counts before anything is
    // allocated; rank 0 alone holds all N numbers, so it checks the memory.
    let n = distributed::arguments(&world, &USAGE, |mut args| {
        let n = args.count("N", 10_000_000, 1..=MAX_COUNT)?;
        args.done()?;
        Ok(n)
    });
    // On one machine the blocks dealt out take as much memory again.
    distributed::root_decides(&world, || {
        memory::ensure_items_fit(2 * n as u64, 8, "doubles (the numbers and their blocks)")
    });
    // Small integers: every partial sum and the total are exact in f64, so
    // the parallel sum must equal the serial one to the last bit.
    let data: Option<Vec<f64>> = (rank == 0).then(|| (0..n).map(|i| (i % 10) as f64).collect());

    let mine = match scatter_blocks(&world, n, data.as_deref()) {
        Ok(block) => block,
        Err(message) => stop_with(&world, &format!("scatter_reduce: {message}").into()),
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
