//! Distributed memory with MPI: one program, started as many processes
//! ("ranks") by `mpirun`, that share no memory and cooperate by sending
//! messages. Helpers shared by the episode's examples.

use course_cli::{Args, Error, Usage};
use mpi::collective::SystemOperation;
use mpi::datatype::Partition;
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;
use serde::{Deserialize, Serialize};

// ANCHOR: require_ranks
/// Stops the job unless `world` has at least `at_least` ranks.
///
/// Every rank knows the size of the job, so every rank makes the same
/// decision and no rank is left waiting for a message that will never come.
/// Rank 0 alone explains, so the message is printed once, not once per rank.
pub fn require_ranks(world: &SimpleCommunicator, at_least: usize, program: &str) {
    let size = world.size() as usize;
    if size >= at_least {
        return;
    }
    if world.rank() == 0 {
        // The path this copy was started by is the one to hand to mpirun.
        let exe = std::env::args()
            .next()
            .unwrap_or_else(|| program.to_string());
        eprintln!(
            "error: {program} needs at least {at_least} MPI ranks, started with {size} \
             (run it with: mpirun -n {at_least} {exe})"
        );
    }
    // Wait until rank 0 has printed: once one rank exits with an error,
    // mpirun kills the others, possibly before they get to say anything.
    world.barrier();
    // Not `world.abort(2)`: that works too, but Open MPI then prints a banner
    // blaming whichever rank got there first. Every rank leaves MPI cleanly
    // and exits non-zero; mpirun passes the 2 on as its own status.
    finalize_and_exit(2);
}

/// Ends MPI on this rank (`MPI_Finalize`), then exits with `code`.
/// `std::process::exit` skips the destructor of rsmpi's `Universe`, which
/// would otherwise finalize, and a process that ends normally must call
/// MPI_Finalize first (MPI 3.1, §8.7). MPICH's launcher treats a rank that
/// does not as a crash, and kills the ranks still running.
pub fn finalize_and_exit(code: i32) -> ! {
    // SAFETY: every caller has passed a barrier and sends no more messages;
    // MPI_Finalize is called once, and nothing touches MPI after it.
    unsafe {
        mpi::ffi::MPI_Finalize();
    }
    std::process::exit(code);
}
// ANCHOR_END: require_ranks

// ANCHOR: arguments
/// Reads the program's arguments on every rank with `read`.
///
/// Every rank sees the same command line, so every rank reaches the same
/// verdict: on `--help` or a usage error rank 0 alone prints it, and every
/// rank leaves MPI cleanly with the same exit code (0 after the help, 2 for
/// a wrong command line). No rank is left waiting for the others.
pub fn arguments<T>(
    world: &SimpleCommunicator,
    usage: &Usage,
    read: impl FnOnce(Args) -> Result<T, Error>,
) -> T {
    match Args::from_env(usage).and_then(read) {
        Ok(value) => value,
        Err(error) => stop_with(world, &error),
    }
}

/// Stops the job because of `error`, which every rank has found: rank 0
/// reports it (one line, or the help), every rank waits until it has, then
/// leaves MPI and exits with the error's code (see [`require_ranks`] for
/// why not `abort`).
pub fn stop_with(world: &SimpleCommunicator, error: &Error) -> ! {
    if world.rank() == 0 {
        error.report();
    }
    world.barrier();
    finalize_and_exit(i32::from(error.exit_code()));
}

/// Runs `check` on rank 0 alone and tells every rank the verdict, for what
/// only rank 0 knows: whether its memory holds the whole array it deals
/// out, whether it could write the output. On an error rank 0 prints it and
/// every rank stops with its exit code; otherwise all go on.
pub fn root_decides(world: &SimpleCommunicator, check: impl FnOnce() -> Result<(), Error>) {
    let mut failure = None;
    let mut code = 0u8;
    if world.rank() == 0
        && let Err(error) = check()
    {
        code = error.exit_code().max(1);
        failure = Some(error);
    }
    world.process_at_rank(0).broadcast_into(&mut code);
    if code != 0 {
        if let Some(error) = failure {
            error.report();
        }
        world.barrier();
        finalize_and_exit(i32::from(code));
    }
}

/// The largest count of one MPI message or collective: counts are `i32`
/// in the MPI 3 C interface, so no more than 2^31 - 1 elements.
pub const MAX_COUNT: usize = i32::MAX as usize;
// ANCHOR_END: arguments

// ANCHOR: root_from_args
/// The root rank named by the first command-line argument, or `0` without
/// one. A bad argument stops the job with one line from rank 0 and status 2.
///
/// Every rank sees the same arguments and the same size, so every rank
/// reaches the same verdict: none is left inside a collective the others
/// never join.
pub fn root_from_args(world: &SimpleCommunicator, program: &str) -> i32 {
    let size = world.size();
    let Some(arg) = std::env::args().nth(1) else {
        return 0;
    };
    match arg.parse::<i32>() {
        Ok(root) if (0..size).contains(&root) => root,
        _ => stop(
            world,
            &format!(
                "error: {program}: the root must be a rank from 0 to {}, got `{arg}`",
                size - 1
            ),
        ),
    }
}
// ANCHOR_END: root_from_args

/// Rank 0 prints `message` to stderr, then every rank exits with status 2
/// (see [`require_ranks`] for why not `abort`).
pub fn stop(world: &SimpleCommunicator, message: &str) -> ! {
    if world.rank() == 0 {
        eprintln!("{message}");
    }
    world.barrier();
    finalize_and_exit(2);
}

// ANCHOR: partition
/// How to deal `n` elements out to `size` ranks as evenly as possible: the
/// first `n % size` ranks get one element more than the others. Returns the
/// number of elements of each rank and where its block starts, in the form
/// `scatter_varcount` and `gather_varcount` take (MPI counts are `i32`).
///
/// Ranks may get nothing when `n < size`; an empty problem is an error.
pub fn partition(n: usize, size: usize) -> Result<(Vec<mpi::Count>, Vec<mpi::Count>), String> {
    if n == 0 {
        return Err("there is nothing to share out: n must be at least 1".to_string());
    }
    if size == 0 {
        return Err("there must be at least one rank".to_string());
    }
    if mpi::Count::try_from(n).is_err() {
        return Err(format!(
            "n = {n} is too large: MPI counts elements in an i32 (at most {})",
            mpi::Count::MAX
        ));
    }
    let (base, extra) = (n / size, n % size);
    let counts: Vec<usize> = (0..size).map(|r| base + usize::from(r < extra)).collect();
    // Each block starts where the previous one ends.
    let displacements = counts
        .iter()
        .scan(0, |start, &count| {
            let here = *start;
            *start += count;
            Some(here)
        })
        .collect::<Vec<usize>>();
    // Every value is at most n, which fits in an i32 (checked above).
    let to_count = |v: Vec<usize>| v.into_iter().map(|x| x as mpi::Count).collect();
    Ok((to_count(counts), to_count(displacements)))
}
// ANCHOR_END: partition

// ANCHOR: scatter_sum
/// Adds up `values` from 0.0. (`Iterator::sum` starts from -0.0, the
/// identity of addition in IEEE arithmetic, so a rank with nothing to add
/// would print "-0".)
pub fn sum(values: &[f64]) -> f64 {
    values.iter().fold(0.0, |total, x| total + x)
}

/// Deals `n` numbers out from rank 0 in blocks of nearly equal size (see
/// [`partition`]) and returns this rank's block. Rank 0 passes the data,
/// the other ranks `None`; every rank passes the same `n`, so every rank
/// knows the size of its block without being told.
pub fn scatter_blocks(
    world: &SimpleCommunicator,
    n: usize,
    data: Option<&[f64]>,
) -> Result<Vec<f64>, String> {
    // Same n, same size: every rank gets the same verdict, so an error
    // leaves no rank waiting inside the collective.
    let (counts, displs) = partition(n, world.size() as usize)?;
    let mut mine = vec![0.0f64; counts[world.rank() as usize] as usize];
    let root = world.process_at_rank(0);
    match data {
        Some(data) if world.rank() == 0 => {
            if data.len() != n {
                return Err(format!("rank 0 has {} numbers, not {n}", data.len()));
            }
            let blocks = Partition::new(data, &counts[..], &displs[..]);
            root.scatter_varcount_into_root(&blocks, &mut mine[..]);
        }
        _ => root.scatter_varcount_into(&mut mine[..]),
    }
    Ok(mine)
}

/// Adds every rank's `partial` up on rank 0: `Some(total)` there, `None`
/// on the other ranks.
pub fn reduce_sum(world: &SimpleCommunicator, partial: f64) -> Option<f64> {
    let root = world.process_at_rank(0);
    if world.rank() == 0 {
        let mut total = 0.0f64;
        root.reduce_into_root(&partial, &mut total, SystemOperation::sum());
        Some(total)
    } else {
        root.reduce_into(&partial, SystemOperation::sum());
        None
    }
}
// ANCHOR_END: scatter_sum

// ANCHOR: particle
/// A particle of a simulation: the kind of record a program sends around.
///
/// `Equivalence` (from the `mpi` crate) describes the struct's fields and
/// their offsets to MPI as a *derived datatype*, so a slice of particles is
/// sent straight from memory like a slice of numbers. `Serialize` and
/// `Deserialize` (serde) let it travel as bytes in any serde format instead.
#[derive(Equivalence, Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq)]
pub struct Particle {
    pub id: u64,
    pub mass: f64,
    pub position: [f64; 3],
    pub velocity: [f64; 3],
}
// ANCHOR_END: particle

/// `n` particles with distinct, exactly representable values, the same on
/// every rank (so a receiver can check what arrived).
pub fn particles(n: usize) -> Vec<Particle> {
    (0..n)
        .map(|i| {
            let x = i as f64;
            Particle {
                id: i as u64,
                mass: 1.0 + (i % 7) as f64,
                position: [x, x + 0.5, x + 0.25],
                velocity: [-x, 0.125 * x, 2.0],
            }
        })
        .collect()
}

// ANCHOR: heat_cell
/// One explicit Euler step of `u_t = alpha u_xx` for one cell, from its value
/// and its two neighbours' values; `r = alpha dt / dx^2` (stable for
/// `r <= 1/2`). The serial and the distributed solver both call this, so
/// every cell is computed with the same operations in the same order and
/// the two agree to the last bit.
pub fn heat_cell(left: f64, middle: f64, right: f64, r: f64) -> f64 {
    middle + r * (left - 2.0 * middle + right)
}
// ANCHOR_END: heat_cell

// ANCHOR: heat_initial
/// `n` cells at temperature 0, both ends included, with a hot spot of
/// temperature 100 in the middle third (placed symmetrically).
pub fn heat_initial(n: usize) -> Vec<f64> {
    let hot = n / 3..n - n / 3;
    (0..n)
        .map(|i| if hot.contains(&i) { 100.0 } else { 0.0 })
        .collect()
}
// ANCHOR_END: heat_initial

// ANCHOR: heat_serial
/// Runs `steps` steps of the 1-D heat equation from `u`. The first and last
/// cells are boundaries held at a fixed temperature; the others are updated.
pub fn heat_serial(mut u: Vec<f64>, steps: usize, r: f64) -> Vec<f64> {
    let n = u.len();
    let mut next = u.clone();
    for _ in 0..steps {
        for i in 1..n.saturating_sub(1) {
            next[i] = heat_cell(u[i - 1], u[i], u[i + 1], r);
        }
        // The new values become the old ones; the boundaries never change.
        std::mem::swap(&mut u, &mut next);
    }
    u
}
// ANCHOR_END: heat_serial

#[cfg(test)]
mod tests {
    use super::*;

    fn usizes(v: &[mpi::Count]) -> Vec<usize> {
        v.iter().map(|&x| x as usize).collect()
    }

    #[test]
    fn partition_divides_evenly_when_it_can() {
        let (counts, displs) = partition(12, 4).unwrap();
        assert_eq!(counts, [3, 3, 3, 3]);
        assert_eq!(displs, [0, 3, 6, 9]);
    }

    #[test]
    fn partition_gives_the_remainder_to_the_first_ranks() {
        let (counts, displs) = partition(10, 4).unwrap();
        assert_eq!(counts, [3, 3, 2, 2]);
        assert_eq!(displs, [0, 3, 6, 8]);
    }

    #[test]
    fn partition_leaves_some_ranks_empty_when_n_is_below_size() {
        let (counts, displs) = partition(2, 4).unwrap();
        assert_eq!(counts, [1, 1, 0, 0]);
        assert_eq!(displs, [0, 1, 2, 2]);
    }

    #[test]
    fn partition_covers_every_element_once() {
        for n in 1..50 {
            for size in 1..9 {
                let (counts, displs) = partition(n, size).unwrap();
                let (counts, displs) = (usizes(&counts), usizes(&displs));
                assert_eq!(counts.iter().sum::<usize>(), n);
                assert_eq!(displs[0], 0);
                for r in 1..size {
                    assert_eq!(displs[r], displs[r - 1] + counts[r - 1]);
                }
                let (min, max) = (counts.iter().min(), counts.iter().max());
                assert!(max.unwrap() - min.unwrap() <= 1, "n {n} size {size}");
            }
        }
    }

    #[test]
    fn partition_refuses_empty_and_oversized_problems() {
        assert_eq!(
            partition(0, 4),
            Err("there is nothing to share out: n must be at least 1".to_string())
        );
        assert!(partition(4, 0).is_err());
        assert!(partition(1 << 40, 4).unwrap_err().contains("too large"));
    }

    #[test]
    fn heat_keeps_a_linear_profile_exactly() {
        // A straight line between the two boundary temperatures is the
        // steady state: its second difference is zero (exactly, for small
        // integers), so no step changes it.
        let line: Vec<f64> = (0..20).map(|i| i as f64).collect();
        assert_eq!(heat_serial(line.clone(), 100, 0.25), line);
    }

    #[test]
    fn heat_spreads_the_hot_spot_symmetrically_and_loses_heat_at_the_ends() {
        let n = 61;
        let start = heat_initial(n);
        let end = heat_serial(start.clone(), 400, 0.25);
        // Boundaries stay put, nothing gets hotter than the hot spot or
        // colder than the boundaries (maximum principle).
        assert_eq!((end[0], end[n - 1]), (0.0, 0.0));
        assert!(end.iter().all(|&t| (0.0..=100.0).contains(&t)));
        // The heat has spread out: the edges warmed up, the centre cooled.
        assert!(end[1] > 0.0 && end[n / 2] < 100.0);
        // The ends are held at 0, so heat flows out and the total drops.
        let total = |u: &[f64]| u.iter().sum::<f64>();
        assert!(total(&end) < total(&start));
        // A symmetric start stays symmetric (up to rounding).
        for i in 0..n {
            assert!((end[i] - end[n - 1 - i]).abs() < 1e-9, "cell {i}");
        }
    }
}
