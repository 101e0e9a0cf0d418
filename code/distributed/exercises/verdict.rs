//! What every MPI checker of this crate shares: rank 0 gives the verdict,
//! and every rank leaves with the same exit code, MPI finalised first.
use mpi::topology::SimpleCommunicator;
use mpi::traits::*;
use std::time::Duration;

/// How long a check may run before it counts as stuck. Every check takes
/// well under a second; a receive that waits for a send that never comes
/// would otherwise hang the job for ever.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// Starts a thread that ends this process with status 1 if the check is
/// still running after [`PATIENCE`]. Rank 0 explains, once. A blocked rank
/// cannot finalise MPI, so this exit skips `MPI_Finalize`; mpirun then
/// stops the other ranks and passes a non-zero status on.
pub fn watchdog(world: &SimpleCommunicator, name: &'static str) {
    let rank = world.rank();
    std::thread::spawn(move || {
        std::thread::sleep(PATIENCE);
        if rank == 0 {
            println!(
                "✗ {name}: the job did not finish within {} s: a rank waits in a receive \
                 for a send that never comes (or two ranks wait for each other); check \
                 that every receive has a matching send",
                PATIENCE.as_secs()
            );
        }
        std::process::exit(1);
    });
}

/// Ends the check. Rank 0 passes its verdict (`Ok` lines to print after
/// "✓ NAME: correct", or `Err` with the one-line hint), the other ranks
/// `None`. Rank 0 prints, then broadcasts the exit code, so every rank
/// exits with it: 0 for correct, 1 for wrong.
pub fn finish(
    world: &SimpleCommunicator,
    name: &str,
    verdict: Option<Result<Vec<String>, String>>,
) -> ! {
    let mut code: i32 = 1;
    if world.rank() == 0 {
        match verdict {
            Some(Ok(lines)) => {
                println!("✓ {name}: correct");
                for line in lines {
                    println!("{line}");
                }
                code = 0;
            }
            Some(Err(hint)) => println!("✗ {name}: {hint}"),
            None => println!("✗ {name}: rank 0 reached no verdict (a bug in the checker)"),
        }
    }
    world.process_at_rank(0).broadcast_into(&mut code);
    distributed::finalize_and_exit(code);
}
