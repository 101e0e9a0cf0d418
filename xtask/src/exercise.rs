//! `cargo xtask exercise`: checks a learner's exercise and says how they did.
//!
//! Every exercise has a starter the learner edits, a reference solution and
//! a checker (see `schedule.toml` and the exercise files in
//! `code/*/exercises/`). The checker tests the learner's code against a
//! reference first and, where speed is the point, then reports it against
//! the starter and the solution. Its exit status is the contract:
//!
//! | status | meaning |
//! | --: | --- |
//! | 0 | correct |
//! | 1 | wrong: the checker printed a one-line hint |
//! | 2 | the checker was run wrongly |
//! | 3 | skipped: this machine lacks what the exercise needs (a GPU, MPI, Python) |
//!
//! `cargo xtask test` checks every exercise both ways: the untouched
//! starter must fail its check and the solution must pass it.

use crate::schedule::{Exercise, Runner, Schedule};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Which code the checker is built with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The learner's file (the starter, until they edit it).
    Mine,
    /// The reference solution (the crate's `solution` feature).
    Solution,
}

/// How the checker is compiled: `Release` for the learner (speed is
/// reported), `Dev` in `cargo xtask test` (it reuses the test build, and
/// only correctness counts there).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Release,
    Dev,
}

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Correct,
    Wrong,
    Skipped,
    /// It did not build, panicked or was killed: the status and why.
    Broken(String),
}

/// A finished check: the verdict and what the checker printed.
pub struct Checked {
    pub verdict: Verdict,
    pub output: String,
}

/// An MPI checker gets this long before it is stopped (a learner's
/// deadlock must not hang the check).
const MPI_LIMIT: Duration = Duration::from_secs(300);

/// Runs `exercise`'s checker on `answer`. With `capture`, the checker's
/// output is returned instead of going to the terminal.
pub fn check(
    root: &Path,
    exercise: &Exercise,
    answer: Answer,
    profile: Profile,
    capture: bool,
) -> Result<Checked, String> {
    match exercise.runner {
        Runner::Cargo | Runner::Gpu => {
            let mut command = cargo_command(root, "run", exercise, answer, profile);
            finish(exercise, &mut command, capture)
        }
        Runner::Script => {
            let script = exercise.checker_path();
            let mut command = Command::new("bash");
            command.current_dir(root).arg(&script);
            if answer == Answer::Solution {
                command.arg("--solution");
            }
            if profile == Profile::Dev {
                command.env("COURSE_EXERCISE_PROFILE", "dev");
            }
            finish(exercise, &mut command, capture)
        }
        Runner::Mpi => {
            if !testkit::mpirun_available() {
                return Ok(Checked {
                    verdict: Verdict::Skipped,
                    output: format!(
                        "SKIPPED {}: `mpirun` is not on PATH (run `cargo xtask setup`)\n",
                        exercise.name
                    ),
                });
            }
            let program = build_example(root, exercise, answer, profile)?;
            let ranks = exercise.ranks.unwrap_or(2) as usize;
            let run = testkit::mpirun_program(ranks, &program, &[], MPI_LIMIT);
            let Some(run) = run else {
                return Ok(Checked {
                    verdict: Verdict::Broken(format!(
                        "did not finish within {} s under mpirun (a deadlock?)",
                        MPI_LIMIT.as_secs()
                    )),
                    output: String::new(),
                });
            };
            let output = format!("{}{}", run.stdout, run.stderr);
            if !capture {
                print!("{output}");
            }
            Ok(Checked {
                verdict: verdict(run.code),
                output,
            })
        }
    }
}

fn cargo_command(
    root: &Path,
    verb: &str,
    exercise: &Exercise,
    answer: Answer,
    profile: Profile,
) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.current_dir(root).args([
        verb,
        "--quiet",
        "--package",
        &exercise.crate_name,
        "--example",
        &format!("exercise_{}", exercise.name),
    ]);
    if profile == Profile::Release {
        command.arg("--release");
    }
    if answer == Answer::Solution {
        command.args(["--features", &format!("{}/solution", exercise.crate_name)]);
    }
    command
}

fn finish(exercise: &Exercise, command: &mut Command, capture: bool) -> Result<Checked, String> {
    let program = format!("{:?}", command.get_program());
    let (code, output) = if capture {
        let out = command
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot start {program}: {e}"))?;
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code(), text)
    } else {
        let status = command
            .status()
            .map_err(|e| format!("cannot start {program}: {e}"))?;
        (status.code(), String::new())
    };
    let verdict = match verdict(code) {
        Verdict::Broken(_) => Verdict::Broken(format!(
            "{} did not build, or it panicked (exit status {code:?}); read the compiler's or the panic's message above",
            exercise.starter_path()
        )),
        v => v,
    };
    Ok(Checked { verdict, output })
}

fn verdict(code: Option<i32>) -> Verdict {
    match code {
        Some(0) => Verdict::Correct,
        Some(1) => Verdict::Wrong,
        Some(3) => Verdict::Skipped,
        other => Verdict::Broken(format!("exit status {other:?}")),
    }
}

/// Builds an exercise's checker and returns the program's path (from
/// cargo's own report, so any target directory works).
fn build_example(
    root: &Path,
    exercise: &Exercise,
    answer: Answer,
    profile: Profile,
) -> Result<PathBuf, String> {
    let mut command = cargo_command(root, "build", exercise, answer, profile);
    command
        .arg("--message-format=json-render-diagnostics")
        .stderr(Stdio::inherit());
    let out = command
        .output()
        .map_err(|e| format!("cannot start cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{} did not build; read the compiler's messages above",
            exercise.starter_path()
        ));
    }
    let wanted = format!("exercise_{}", exercise.name);
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["target"]["name"] == wanted.as_str())
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
        .ok_or_else(|| format!("cargo built no program named {wanted}"))
}

/// `cargo xtask exercise --list`: every exercise, its slot and its file.
pub fn list(schedule: &Schedule) -> String {
    let mut out = format!(
        "{:<22} {:>4}  {:<8}  {:<34} file to edit\n",
        "exercise", "min", "mode", "episode"
    );
    for (item, e) in schedule.exercises() {
        out += &format!(
            "{:<22} {:>4}  {:<8}  {:<34} {}\n",
            e.name,
            e.minutes,
            e.mode.word(),
            item.title.chars().take(34).collect::<String>(),
            e.starter_path()
        );
    }
    out + "\nCheck one with `cargo xtask exercise NAME`; add --solution to check the reference solution.\n"
}

/// Whether the learner's file differs from the committed starter (so the
/// starter can no longer be expected to fail). Without git, it is taken
/// as untouched.
pub fn starter_edited(root: &Path, exercise: &Exercise) -> bool {
    Command::new("git")
        .current_dir(root)
        .args(["diff", "--quiet", "HEAD", "--"])
        .arg(exercise.starter_path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.code() == Some(1))
}

/// The files an exercise needs, missing ones as sentences.
pub fn missing_files(root: &Path, exercise: &Exercise) -> Vec<String> {
    [
        ("starter", exercise.starter_path()),
        ("solution", exercise.solution_path()),
        ("checker", exercise.checker_path()),
    ]
    .into_iter()
    .filter(|(_, path)| !root.join(path).is_file())
    .map(|(what, path)| {
        format!(
            "exercise {:?}: its {what} {path} does not exist",
            exercise.name
        )
    })
    .collect()
}
