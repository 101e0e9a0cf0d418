//! Ping-pong: rank 0 sends a message to rank 1, which sends it straight
//! back. Half the round trip is the time one message takes: its latency for
//! small messages, its size over the bandwidth for large ones.
//! `mpirun -n 2 pingpong [MAX_BYTES]` (MAX_BYTES defaults to 16 MiB).
//! `benches/mpi/pingpong.c` is the same program in C.
use distributed::{require_ranks, stop};
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;

// ANCHOR: pingpong
/// Bounces `message` between ranks 0 and 1 `rounds` times and returns the
/// one-way time per message in seconds. Other ranks only wait at the barrier.
fn ping_pong(world: &SimpleCommunicator, message: &mut [u8], rounds: usize) -> f64 {
    let rank = world.rank();
    world.barrier(); // start together, so that nobody waits for a late rank
    let start = mpi::time();
    if rank < 2 {
        let partner = world.process_at_rank(1 - rank);
        for _ in 0..rounds {
            if rank == 0 {
                partner.send(&*message);
                partner.receive_into(&mut *message);
            } else {
                partner.receive_into(&mut *message);
                partner.send(&*message);
            }
        }
    }
    (mpi::time() - start) / (2 * rounds) as f64
}
// ANCHOR_END: pingpong

// ANCHOR: sweep
/// Enough rounds for a measurable time, fewer for big messages.
fn rounds_for(bytes: usize) -> usize {
    ((1 << 24) / bytes).clamp(20, 10_000)
}

fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    require_ranks(&world, 2, "pingpong");
    let max_bytes = match std::env::args().nth(1).map(|arg| arg.parse::<usize>()) {
        None => 16 << 20,
        Some(Ok(n)) if n >= 8 => n,
        Some(_) => stop(
            &world,
            "error: pingpong: MAX_BYTES must be a whole number >= 8",
        ),
    };
    if world.rank() == 0 {
        println!("# bytes  one-way time (s)  bandwidth (MB/s)");
    }
    let mut bytes = 8;
    while bytes <= max_bytes {
        let mut message = vec![0u8; bytes];
        // Best of three: the least disturbed run is the closest to what the
        // hardware and the MPI library can do.
        let best = (0..3)
            .map(|_| ping_pong(&world, &mut message, rounds_for(bytes)))
            .fold(f64::INFINITY, f64::min);
        if world.rank() == 0 {
            println!("{bytes} {best:.3e} {:.1}", bytes as f64 / best / 1e6);
        }
        bytes *= 2;
    }
}
// ANCHOR_END: sweep
