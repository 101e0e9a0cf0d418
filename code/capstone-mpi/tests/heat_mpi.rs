//! The MPI solution under a real `mpirun`: on 1, 2 and 4 ranks, with row
//! counts that do and do not divide evenly, it computes the serial
//! reference's field to the last bit (the checksum line carries a hash of
//! every value's bits).
use capstone::{Args, Checksum, Grid, heat_serial};
use std::time::Duration;
use testkit::{Run, mpirun};

/// Generous: a job takes well under a second, but a deadlock in the halo
/// exchange must fail the test, not hang the suite.
const LIMIT: Duration = Duration::from_secs(60);

fn run(ranks: usize, args: &[&str]) -> Run {
    mpirun(ranks, "heat_mpi", args, LIMIT)
        .unwrap_or_else(|| panic!("`mpirun -n {ranks} heat_mpi {args:?}` ran past {LIMIT:?}"))
}

#[test]
fn heat_mpi_equals_the_serial_reference_on_1_2_and_4_ranks() {
    // 23 rows: 23 / 2 and 23 / 4 leave a remainder; 8 rows divide evenly;
    // 5 rows on 4 ranks leave the last rank nothing but the fixed edge row.
    for (nx, ny, steps) in [(37, 23, 41), (16, 8, 30), (9, 5, 12)] {
        let end = heat_serial(&Grid::plate(nx, ny), steps, 0.2);
        let expected = format!("checksum: {}", Checksum::of(&end));
        let words = [nx.to_string(), ny.to_string(), steps.to_string()];
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        for ranks in [1, 2, 4] {
            let run = run(ranks, &words);
            run.assert_success();
            let lines: Vec<&str> = run.stdout.lines().collect();
            assert_eq!(lines.len(), 3, "{run:#?}");
            let ranks_word = if ranks == 1 { "rank" } else { "ranks" };
            assert_eq!(
                lines[0],
                format!("heat_mpi: {nx} x {ny} cells, {steps} steps, dt 0.2, {ranks} {ranks_word}")
            );
            assert_eq!(lines[1], expected, "{ranks} ranks, {nx} x {ny}");
            assert!(lines[2].starts_with("time: "), "{run:#?}");
        }
    }
}

#[test]
fn heat_mpi_writes_the_same_image_as_the_serial_reference() {
    let dir = std::env::temp_dir().join(format!("capstone-mpi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plate.pgm");
    let shown = path.display().to_string();
    let run = run(3, &["40", "25", "60", "--image", &shown]);
    run.assert_success();
    let expected = heat_serial(&Grid::plate(40, 25), 60, 0.2).to_pgm();
    assert_eq!(std::fs::read(&path).unwrap(), expected);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The job failed with status 2 and rank 0's one line came first, once
/// (Open MPI adds a banner about the non-zero exit after it).
fn assert_one_line_error(run: &Run, message: &str) {
    let expected = Args::error_line("heat_mpi", message);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert!(run.stdout.is_empty(), "{run:#?}");
    assert_eq!(
        run.stderr.lines().next(),
        Some(expected.as_str()),
        "{run:#?}"
    );
    assert_eq!(run.stderr.matches(&expected).count(), 1, "{run:#?}");
}

#[test]
fn more_ranks_than_rows_is_a_one_line_error_not_a_hang() {
    let run = run(4, &["10", "3", "5"]);
    assert_one_line_error(
        &run,
        "3 rows cannot be shared by 4 ranks: every rank needs at least one row",
    );
}

#[test]
fn bad_arguments_stop_every_rank_with_one_line() {
    let not_a_number = run(2, &["10", "ten", "5"]);
    assert_one_line_error(&not_a_number, "NY must be a whole number, got \"ten\"");
    let unstable = run(2, &["10", "10", "5", "--dt", "1"]);
    assert_one_line_error(
        &unstable,
        "dt = 1 is unstable: the explicit scheme needs dt <= h^2/(4 alpha) = 0.25",
    );
}
