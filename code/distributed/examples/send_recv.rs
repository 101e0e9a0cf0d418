//! Point-to-point: rank 0 sends a slice of numbers, rank 1 receives it.
use course_cli::{Args, Usage};
use distributed::require_ranks;
use mpi::traits::*;

const USAGE: Usage = Usage::new(
    "send_recv",
    "",
    "rank 0 sends three numbers to rank 1 (needs 2 ranks)",
);

// ANCHOR: send_recv
fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // --help, or an argument this program does not take: rank 0 says so
    // and every rank stops.
    distributed::arguments(&world, &USAGE, Args::done);
    require_ranks(&world, 2, "send_recv");
    let rank = world.rank();

    if rank == 0 {
        let data = [1.0, 2.5, 4.0];
        // The whole slice travels as one message; rank 1 must receive it.
        world.process_at_rank(1).send(&data[..]);
        println!("rank 0 sent {data:?} to rank 1");
    } else if rank == 1 {
        // The receiver need not know the length in advance: `receive_vec`
        // sizes the vector from the incoming message.
        let (data, status) = world.process_at_rank(0).receive_vec::<f64>();
        println!(
            "rank 1 received {data:?} from rank {}",
            status.source_rank()
        );
    } else {
        // A message goes from one rank to one rank: the others take no part.
        println!("rank {rank} is idle");
    }
}
// ANCHOR_END: send_recv
