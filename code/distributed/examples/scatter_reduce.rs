//! Sum N numbers on several ranks: rank 0 owns the data, deals out blocks of
//! unequal size with `scatter_varcount`, every rank sums its block, and a
//! reduce adds the partial sums up on rank 0.
//! `mpirun -n 3 scatter_reduce [N]` (N defaults to 10 000 000).
use distributed::{partition, stop};
use mpi::collective::SystemOperation;
use mpi::datatype::Partition;
use mpi::traits::*;

// ANCHOR: scatter_reduce
/// Adds up `values` from 0.0. (`Iterator::sum` starts from -0.0, the
/// identity of addition in IEEE arithmetic, so a rank with nothing to add
/// would print "-0".)
fn sum(values: &[f64]) -> f64 {
    values.iter().fold(0.0, |total, x| total + x)
}

fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let (rank, size) = (world.rank(), world.size() as usize);
    let root = world.process_at_rank(0);

    let n = match std::env::args().nth(1).map(|arg| arg.parse::<usize>()) {
        None => 10_000_000,
        Some(Ok(n)) => n,
        Some(Err(_)) => stop(&world, "error: scatter_reduce: N must be a whole number"),
    };
    // Every rank computes the same partition, so every rank knows how many
    // elements it will receive without being told.
    let (counts, displs) = match partition(n, size) {
        Ok(partition) => partition,
        Err(message) => stop(&world, &format!("error: scatter_reduce: {message}")),
    };
    let mut mine = vec![0.0f64; counts[rank as usize] as usize];

    if rank == 0 {
        // Small integers: every partial sum and the total are exact in f64,
        // so the parallel sum must equal the serial one to the last bit.
        let data: Vec<f64> = (0..n).map(|i| (i % 10) as f64).collect();
        let blocks = Partition::new(&data[..], &counts[..], &displs[..]);
        root.scatter_varcount_into_root(&blocks, &mut mine[..]);

        let partial = sum(&mine);
        println!("rank 0 summed {} numbers: {partial}", mine.len());
        let mut total = 0.0f64;
        root.reduce_into_root(&partial, &mut total, SystemOperation::sum());
        let serial = sum(&data);
        println!(
            "total of {n} numbers on {size} ranks: {total}, serial: {serial}, equal: {}",
            total == serial
        );
    } else {
        root.scatter_varcount_into(&mut mine[..]);
        let partial = sum(&mine);
        println!("rank {rank} summed {} numbers: {partial}", mine.len());
        root.reduce_into(&partial, SystemOperation::sum());
    }
}
// ANCHOR_END: scatter_reduce
