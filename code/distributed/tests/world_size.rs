//! The examples were built against the MPI library whose launcher starts
//! them. A binary linked against another MPI (after a `module` switch, say:
//! cargo does not rebuild `mpi-sys` when the MPI changes) does not fail: each
//! copy starts on its own as a job of one rank, and the job "succeeds".
//! This test catches that, and says what to do.
mod common;

use common::run;

#[test]
fn the_examples_see_the_world_size_the_launcher_started() {
    let ranks = 2;
    let job = run(ranks, "hello", &[]);
    job.assert_success();
    let singletons = job
        .stdout
        .lines()
        .filter(|line| line.ends_with(" of 1"))
        .count();
    assert!(
        singletons == 0,
        "the launcher started {ranks} ranks, but {singletons} copies of `hello` each saw a \
         world of 1 rank: the examples were built against a different MPI library than the \
         launcher's. Run `cargo clean -p mpi-sys` and test again (with COURSE_MPIRUN naming \
         the launcher of the MPI that `mpicc` belongs to).\n{job:#?}"
    );
    assert_eq!(job.stdout.lines().count(), ranks, "{job:#?}");
}
