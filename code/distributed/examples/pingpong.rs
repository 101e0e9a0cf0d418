//! Ping-pong: rank 0 sends a message to rank 1, which sends it straight
//! back. Half the round trip is the time one message takes: its latency for
//! small messages, its size over the bandwidth for large ones.
//! `mpirun -n 2 pingpong [MAX_BYTES]` (MAX_BYTES defaults to 16 MiB).
//! `benches/mpi/pingpong.c` is the same program in C.
use course_cli::{Usage, memory};
use distributed::require_ranks;
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;

const USAGE: Usage = Usage::new(
    "pingpong",
    "[MAX_BYTES]",
    "times messages of 8 bytes to MAX_BYTES between ranks 0 and 1 (needs 2 ranks)",
)
.details("MAX_BYTES  the largest message, 8 to 1_073_741_824 (1 GiB; default 16_777_216)");

/// The largest message: 1 GiB, below MPI's 2^31 - 1 bytes per message.
const MAX_MESSAGE: usize = 1 << 30;

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
    let max_bytes = distributed::arguments(&world, &USAGE, |mut args| {
        let max_bytes = args.count("MAX_BYTES", 16 << 20, 8..=MAX_MESSAGE)?;
        args.done()?;
        Ok(max_bytes)
    });
    require_ranks(&world, 2, "pingpong");
    // Every rank holds one message; on one machine they share its memory.
    let ranks = world.size() as u64;
    distributed::root_decides(&world, || {
        memory::ensure_items_fit(ranks * max_bytes as u64, 1, "bytes of messages")
    });
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
