//! Exercise solution: rank 1 answers rank 0's message with the sum of what
//! it received.
use distributed::require_ranks;
use mpi::traits::*;

// ANCHOR: reply
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    require_ranks(&world, 2, "reply");
    let rank = world.rank();

    if rank == 0 {
        let rank1 = world.process_at_rank(1);
        let data = [1.0, 2.5, 4.0];
        rank1.send(&data[..]);
        // Send first, then wait for the answer: rank 1 does the opposite,
        // so each receive has a matching send and nobody waits forever.
        let (sum, _) = rank1.receive::<f64>();
        println!("rank 0 received reply {sum} from rank 1");
    } else if rank == 1 {
        let rank0 = world.process_at_rank(0);
        let (data, _) = rank0.receive_vec::<f64>();
        println!("rank 1 received {data:?} from rank 0");
        let sum: f64 = data.iter().sum();
        rank0.send(&sum);
    } else {
        println!("rank {rank} is idle");
    }
}
// ANCHOR_END: reply
