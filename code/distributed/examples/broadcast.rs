//! Collective broadcast: the root's data ends up on every rank. The root is
//! rank 0, or the rank given as the first argument (`mpirun -n 4 broadcast 2`).
use course_cli::Usage;
use mpi::traits::*;

const USAGE: Usage = Usage::new("broadcast", "[ROOT]", "one rank sends three numbers to all")
    .details("ROOT  the rank that sends, 0 to the number of ranks - 1 (default 0)");

// ANCHOR: broadcast
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // Every rank reads the same ROOT and knows the size: a bad ROOT stops
    // every rank, with one line from rank 0.
    let last = world.size() - 1;
    let root = distributed::arguments(&world, &USAGE, |mut args| {
        let root = args.count("ROOT", 0, 0..=last)?;
        args.done()?;
        Ok(root)
    });
    let rank = world.rank();

    // Every rank needs a buffer of the right size; only the root's contents
    // matter. The root's data depends on its rank, to show where it came from.
    let mut data = if rank == root {
        let base = 100 * rank as u64;
        [base + 1, base + 2, base + 3]
    } else {
        [0; 3]
    };
    // Every rank makes the same call: the root sends, the others receive.
    world.process_at_rank(root).broadcast_into(&mut data[..]);
    println!("rank {rank} has {data:?} from rank {root}");
}
// ANCHOR_END: broadcast
