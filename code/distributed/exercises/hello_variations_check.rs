//! Checker of "hello, variations": `mpirun -n 4 exercise_hello_variations`.
//! Every rank calls the learner's functions; rank 0 gathers the answers and
//! compares them with what each rank should say.
#[cfg(not(feature = "solution"))]
#[path = "hello_variations.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "hello_variations_solution.rs"]
mod mine;
#[path = "verdict.rs"]
mod verdict;

use distributed::require_ranks;
use mpi::traits::*;

const NAME: &str = "hello_variations";

fn main() {
    let universe = mpi::initialize().expect("MPI is initialised once per process");
    let world = universe.world();
    // With one rank, "every rank" and "rank 0" are the same: not a test.
    require_ranks(&world, 2, "exercise_hello_variations");
    verdict::watchdog(&world, NAME);

    let number = mine::my_number(&world);
    let lines = mine::my_lines(&world);
    let line_count = lines.len() as i32;
    let root = world.process_at_rank(0);
    if world.rank() == 0 {
        let size = world.size() as usize;
        let mut numbers = vec![0i32; size];
        let mut counts = vec![0i32; size];
        root.gather_into_root(&number, &mut numbers[..]);
        root.gather_into_root(&line_count, &mut counts[..]);
        let verdict = judge(&numbers, &counts, &lines);
        verdict::finish(&world, NAME, Some(verdict));
    } else {
        root.gather_into(&number);
        root.gather_into(&line_count);
        verdict::finish(&world, NAME, None);
    }
}

/// The verdict from every rank's number and line count (rank 0's lines
/// themselves too, to show the one line).
fn judge(numbers: &[i32], counts: &[i32], rank0_lines: &[String]) -> Result<Vec<String>, String> {
    for (rank, &number) in numbers.iter().enumerate() {
        let square = (rank * rank) as i32;
        if number != square {
            return Err(format!(
                "part 1: rank {rank} reports {number}, expected its square {square}: \
                 compute it from `world.rank()`"
            ));
        }
    }
    let total: i32 = counts.iter().sum();
    if total != 1 || counts[0] != 1 {
        return Err(format!(
            "part 2: the job prints {total} lines ({} from rank 0), expected exactly one, \
             from rank 0: only one rank may print, whatever the size",
            counts[0]
        ));
    }
    Ok(vec![format!(
        "{} ranks report their squares, and the job prints one line: {:?}",
        numbers.len(),
        rank0_lines[0]
    )])
}
