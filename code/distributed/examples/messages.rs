//! Typed buffers vs serialised messages: the same 64 bytes per particle sent
//! three ways from rank 0 to rank 1, each timed until rank 1 has the data in
//! its own variables and says so.
//! `mpirun -n 2 messages [N]` (N particles, defaults to 100 000).
use course_cli::{Usage, memory};
use distributed::{Particle, particles, require_ranks};
use mpi::topology::{Process, SimpleCommunicator};
use mpi::traits::*;

// ANCHOR: typed
/// Numbers travel as they are in memory: no copy, no conversion.
fn send_numbers(to: &Process, numbers: &[f64]) {
    to.send(numbers);
}

fn receive_numbers(from: &Process, numbers: &mut [f64]) {
    from.receive_into(numbers);
}
// ANCHOR_END: typed

// ANCHOR: derived
/// A struct with a derived datatype travels like numbers: MPI reads each
/// field at its offset straight from the slice.
fn send_particles(to: &Process, particles: &[Particle]) {
    to.send(particles);
}

fn receive_particles(from: &Process, particles: &mut [Particle]) {
    from.receive_into(particles);
}
// ANCHOR_END: derived

// ANCHOR: serialised
/// Anything serde can serialise travels as bytes: encode, send the bytes,
/// and decode them on the other side. Here the format is JSON, which is
/// text; every number is printed and parsed again.
fn send_serialised(to: &Process, particles: &[Particle]) -> usize {
    let bytes = serde_json::to_vec(particles).expect("particles serialise");
    to.send(&bytes[..]);
    bytes.len()
}

fn receive_serialised(from: &Process) -> Vec<Particle> {
    // The receiver cannot know the length in advance: `receive_vec` asks
    // MPI for the size of the incoming message first (a probe).
    let (bytes, _status) = from.receive_vec::<u8>();
    serde_json::from_slice(&bytes).expect("rank 0 sent valid JSON")
}
// ANCHOR_END: serialised

/// Times `exchange` on rank 0 from the start of sending until rank 1's
/// acknowledgement arrives: best of five.
fn time_on_rank_0(world: &SimpleCommunicator, mut exchange: impl FnMut()) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        world.barrier();
        let start = mpi::time();
        exchange();
        best = best.min(mpi::time() - start);
    }
    best
}

const USAGE: Usage = Usage::new(
    "messages",
    "[N]",
    "sends N particles as numbers, as a derived datatype and as JSON (needs 2 ranks)",
)
.details("N  particles, 1 to 1_000_000 (default 100_000): their JSON text must stay below MPI's 2^31-byte message");

/// The most particles: one particle is up to about 400 bytes of JSON, and
/// the JSON message must count fewer than 2^31 bytes (MPI counts are i32).
const MAX_PARTICLES: usize = 1_000_000;

fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    let n = distributed::arguments(&world, &USAGE, |mut args| {
        let n = args.count("N", 100_000, 1..=MAX_PARTICLES)?;
        args.done()?;
        Ok(n)
    });
    require_ranks(&world, 2, "messages");
    // Each of ranks 0 and 1 holds the particles twice (as structs and as
    // numbers, 64 bytes each) and a JSON copy: check before allocating.
    distributed::root_decides(&world, || {
        memory::ensure_items_fit(2 * 5 * n as u64, 64, "particle-sized records")
    });
    let rank = world.rank();
    let expected = particles(n);
    // The same values as plain numbers: 8 f64 per particle, 64 bytes each.
    let expected_numbers: Vec<f64> = (0..8 * n).map(|i| i as f64).collect();
    let (ack, mut all_intact) = (1u8, true);

    if rank == 0 {
        let one = world.process_at_rank(1);
        println!("# method  particles  bytes sent  time (s)");
        let t = time_on_rank_0(&world, || {
            send_numbers(&one, &expected_numbers);
            one.receive::<u8>();
        });
        println!("f64-slice {n} {} {t:.3e}", 8 * expected_numbers.len());
        let t = time_on_rank_0(&world, || {
            send_particles(&one, &expected);
            one.receive::<u8>();
        });
        println!("derived-datatype {n} {} {t:.3e}", size_of::<Particle>() * n);
        let mut sent = 0;
        let t = time_on_rank_0(&world, || {
            sent = send_serialised(&one, &expected);
            one.receive::<u8>();
        });
        println!("serde-json {n} {sent} {t:.3e}");
    } else if rank == 1 {
        let zero = world.process_at_rank(0);
        let mut numbers = vec![0.0f64; 8 * n];
        let mut received = vec![Particle::default(); n];
        let mut check = |intact: bool| all_intact &= intact;
        for _ in 0..5 {
            world.barrier();
            receive_numbers(&zero, &mut numbers);
            zero.send(&ack);
            check(numbers == expected_numbers);
        }
        for _ in 0..5 {
            world.barrier();
            receive_particles(&zero, &mut received);
            zero.send(&ack);
            check(received == expected);
        }
        for _ in 0..5 {
            world.barrier();
            let decoded = receive_serialised(&zero);
            zero.send(&ack);
            check(decoded == expected);
        }
        println!("rank 1: all 15 messages arrived intact: {all_intact}");
    } else {
        // Ranks beyond the pair only keep the barriers company.
        for _ in 0..15 {
            world.barrier();
        }
    }
}
