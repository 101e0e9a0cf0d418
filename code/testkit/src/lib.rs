//! Course-wide test helpers: find the example programs that `cargo test`
//! built next to the test binary and run them with a time limit, so that a
//! program that hangs fails its test instead of blocking the suite.

pub mod exercise;
pub mod external;

/// The cores this process may use (the benchmarks' "all cores").
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A strong-scaling sweep: 1, 2, 4, … below `cores`, then `cores` itself.
pub fn scaling_counts(cores: usize) -> Vec<usize> {
    let mut counts: Vec<usize> = (0..).map(|k| 1 << k).take_while(|&t| t < cores).collect();
    counts.push(cores.max(1));
    counts
}

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The directory cargo puts example binaries in for the current profile:
/// the test binary lives in `target/<profile>/deps/`, examples in
/// `target/<profile>/examples/`.
pub fn examples_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary knows its own path");
    let profile_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("test binaries live in target/<profile>/deps");
    profile_dir.join("examples")
}

/// The path of example `name` of the package under test. Panics with the
/// command to run when it has not been built (for instance under
/// `cargo test --test <one>`, which builds no examples).
pub fn example(name: &str) -> PathBuf {
    let path = examples_dir().join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "example `{name}` is not built at {}: run `cargo test` for the whole package \
         (it builds the examples) or `cargo build --examples`",
        path.display()
    );
    path
}

/// What a finished program printed, as text.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from_output(output: Output) -> Self {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Panics with everything the program printed unless it exited with 0.
    pub fn assert_success(&self) -> &Self {
        assert_eq!(self.code, Some(0), "program failed:\n{self:#?}");
        self
    }
}

/// Runs example `name` with `args`, killing it if it runs longer than `limit`.
pub fn run_example(name: &str, args: &[&str], limit: Duration) -> Run {
    let mut command = Command::new(example(name));
    command.args(args);
    run_with_limit(command, limit).unwrap_or_else(|| panic!("example `{name}` ran past {limit:?}"))
}

/// Runs `command` in its own process group and returns what it printed, or
/// `None` if it did not finish within `limit`; in that case the whole group
/// (the program and every child it started) is killed and reaped first.
pub fn run_with_limit(mut command: Command, limit: Duration) -> Option<Run> {
    use std::os::unix::process::CommandExt;
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
    // Drain the pipes on threads so a chatty program cannot block on a full pipe.
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || read_all(&mut out));
    let err_reader = std::thread::spawn(move || read_all(&mut err));

    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for child") {
            break Some(status);
        }
        if start.elapsed() > limit {
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    match status {
        Some(status) => Some(Run::from_output(Output {
            status,
            stdout: out_reader.join().expect("stdout reader"),
            stderr: err_reader.join().expect("stderr reader"),
        })),
        None => {
            kill_tree(child.id());
            let _ = child.wait();
            None
        }
    }
}

fn read_all(reader: &mut impl std::io::Read) -> Vec<u8> {
    let mut buffer = Vec::new();
    let _ = reader.read_to_end(&mut buffer);
    buffer
}

/// Sends SIGKILL to the process group led by `pid` and to every descendant
/// of `pid`, with the groups those descendants lead. Killing only the group
/// is not enough: `mpirun` puts each rank in a group of its own, so the
/// ranks would keep running.
pub fn kill_tree(pid: u32) {
    // Look at the tree before killing anything: once `pid` dies its children
    // are re-parented and can no longer be found from it.
    let table = process_table();
    let mut targets = vec![format!("-{pid}")];
    let mut frontier = vec![pid];
    while let Some(parent) = frontier.pop() {
        for process in table.iter().filter(|p| p.ppid == parent) {
            targets.push(process.pid.to_string());
            // Only groups the descendant leads itself, never a foreign one.
            if process.pgid == process.pid {
                targets.push(format!("-{}", process.pid));
            }
            frontier.push(process.pid);
        }
    }
    // One `kill` for all of them, so none gets time to react to the others.
    let _ = Command::new("kill")
        .args(["-KILL", "--"])
        .args(&targets)
        .stderr(Stdio::null())
        .status();
}

// ---------------------------------------------------------------------------
// MPI: run an example as an SPMD job under a real `mpirun` (Open MPI, MPICH,
// or the launcher `COURSE_MPIRUN` names).
// ---------------------------------------------------------------------------

/// What to install when `mpirun` is missing.
const INSTALL_MPI: &str = "install Open MPI: `apt install openmpi-bin libopenmpi-dev` \
     (Debian/Ubuntu), or load your cluster's MPI module (`module avail mpi`); where the \
     launcher is not `mpirun`, name it: COURSE_MPIRUN=\"srun -n\"; then run `cargo xtask setup` again";

/// MPI jobs of one test binary run one at a time: the harness runs tests on
/// parallel threads, and two jobs at once would oversubscribe the cores and
/// make [`assert_no_stray_processes`] see the other job's ranks.
static MPI_JOBS: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The command that starts an MPI job, up to and including the option that
/// takes the number of ranks: `mpirun -n`, unless `COURSE_MPIRUN` names
/// another, split at spaces: `srun -n` where a cluster has no `mpirun`
/// (Cray), or `mpirun.mpich -n` for MPICH installed beside Open MPI.
pub fn launcher() -> Vec<String> {
    launcher_from(std::env::var("COURSE_MPIRUN").ok().as_deref())
}

/// [`launcher`] for a given value of `COURSE_MPIRUN` (`None`: unset).
fn launcher_from(setting: Option<&str>) -> Vec<String> {
    let words: Vec<String> = setting
        .unwrap_or_default()
        .split_whitespace()
        .map(String::from)
        .collect();
    if words.is_empty() {
        vec!["mpirun".into(), "-n".into()]
    } else {
        words
    }
}

/// Whether the [`launcher`] can be started (it answers `--version`).
pub fn mpirun_available() -> bool {
    Command::new(&launcher()[0])
        .arg("--version")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Whether the launcher is Open MPI's (its `--version` says "Open MPI" or, in
/// older releases, "OpenRTE"). Its flags and variables are Open MPI's own:
/// MPICH's launcher (Hydra) rejects `--oversubscribe`, and oversubscribes
/// without being asked.
pub fn mpirun_is_open_mpi() -> bool {
    Command::new(&launcher()[0])
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|out| {
            let text = String::from_utf8_lossy(&out.stdout);
            text.contains("Open MPI") || text.contains("OpenRTE")
        })
}

/// Runs example `name` as an MPI job of `ranks` processes:
/// `mpirun -n <ranks> [--oversubscribe] <example> <args>` (the flag for
/// Open MPI only; `COURSE_MPIRUN` replaces `mpirun -n`, see [`launcher`]).
///
/// Returns what `mpirun` printed (the ranks' stdout and stderr are forwarded
/// to it, lines from different ranks in no particular order), or `None` if
/// the job did not finish within `limit`; then `mpirun` and every rank are
/// killed first. Either way it then checks with [`assert_no_stray_processes`]
/// that no rank outlived the job. Jobs run one at a time.
///
/// Panics, naming what to install, when `mpirun` is missing.
pub fn mpirun(ranks: usize, name: &str, args: &[&str], limit: Duration) -> Option<Run> {
    mpirun_program(ranks, &example(name), args, limit)
}

/// [`mpirun`] for any MPI program, not only an example of this workspace
/// (the benchmarks run a C program with it too).
pub fn mpirun_program(
    ranks: usize,
    program: &std::path::Path,
    args: &[&str],
    limit: Duration,
) -> Option<Run> {
    let launcher = launcher();
    assert!(
        mpirun_available(),
        "`{}` is not on PATH: {INSTALL_MPI}",
        launcher[0]
    );
    let _one_job_at_a_time = MPI_JOBS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());

    let mut command = Command::new(&launcher[0]);
    command.args(&launcher[1..]).arg(ranks.to_string());
    let open_mpi = mpirun_is_open_mpi();
    if open_mpi {
        // The tests start more ranks than a laptop or CI runner has cores;
        // Open MPI refuses that by default (MPICH does not).
        command.arg("--oversubscribe");
    }
    command.arg(program).args(args);
    if open_mpi && running_as_root() {
        // Open MPI refuses to run as root (as in containers) unless told twice.
        command
            .env("OMPI_ALLOW_RUN_AS_ROOT", "1")
            .env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
    }
    let run = run_with_limit(command, limit);
    assert_no_stray_processes(program);
    run
}

/// Panics if a process running `program` (as its executable or any
/// argument, which also catches an `mpirun` still holding it) is alive after
/// a short grace period for exiting processes to go away.
pub fn assert_no_stray_processes(program: &std::path::Path) {
    let program = program.to_string_lossy();
    let deadline = Instant::now() + Duration::from_millis(500);
    loop {
        let strays: Vec<Process> = process_table()
            .into_iter()
            .filter(|p| p.pid != std::process::id() && p.args.iter().any(|a| **a == *program))
            .collect();
        if strays.is_empty() {
            return;
        }
        if Instant::now() > deadline {
            let list: Vec<String> = strays
                .iter()
                .map(|p| format!("  pid {}: {}", p.pid, p.args.join(" ")))
                .collect();
            panic!(
                "processes running {program} were left behind:\n{}",
                list.join("\n")
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Whether this process runs with effective user id 0, from the second
/// field of the `Uid:` line of /proc/self/status (real, effective, ...).
fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status").is_ok_and(|status| {
        status
            .lines()
            .find_map(|line| line.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
            == Some("0")
    })
}

/// One live process, as /proc shows it.
#[derive(Debug)]
struct Process {
    pid: u32,
    ppid: u32,
    pgid: u32,
    /// The command line; empty for kernel threads and zombies.
    args: Vec<String>,
}

/// Every process /proc lists now; ones that exit while it is read are skipped.
fn process_table() -> Vec<Process> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // "pid (comm) state ppid pgrp ...": comm may hold spaces and
            // parentheses, so split after its last ')'.
            let mut fields = stat[stat.rfind(')')? + 1..].split_whitespace().skip(1);
            let ppid = fields.next()?.parse().ok()?;
            let pgid = fields.next()?.parse().ok()?;
            let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).ok()?;
            let args = cmdline
                .split(|&byte| byte == 0)
                .filter(|arg| !arg.is_empty())
                .map(|arg| String::from_utf8_lossy(arg).into_owned())
                .collect();
            Some(Process {
                pid,
                ppid,
                pgid,
                args,
            })
        })
        .collect()
}

/// Whether the learner has edited the starter of exercise `name` in crate
/// `krate` (`code/<krate>/exercises/<name>.*` differs from the last commit,
/// as git sees it). A test that expects the untouched starter to fail its
/// check skips it then, saying so: the learner's answer is checked by
/// `cargo xtask exercise NAME` instead. Without git, nothing is edited.
pub fn starter_edited(krate: &str, name: &str) -> bool {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let edited = Command::new("git")
        .current_dir(&root)
        .args(["diff", "--quiet", "HEAD", "--"])
        .arg(format!("code/{krate}/exercises/{name}.*"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.code() == Some(1));
    if edited {
        eprintln!(
            "SKIPPED: the starter of {name} is edited, so it is not expected to fail; \
             `cargo xtask exercise {name}` checks your answer"
        );
    }
    edited
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_launcher_is_mpirun_unless_course_mpirun_names_another() {
        assert_eq!(super::launcher_from(None), ["mpirun", "-n"]);
        assert_eq!(super::launcher_from(Some("  ")), ["mpirun", "-n"]);
        assert_eq!(super::launcher_from(Some("srun -n")), ["srun", "-n"]);
        assert_eq!(
            super::launcher_from(Some(" mpirun.mpich  -np ")),
            ["mpirun.mpich", "-np"]
        );
    }

    #[test]
    fn scaling_sweeps_double_up_to_the_core_count_and_include_it() {
        assert_eq!(super::scaling_counts(1), [1]);
        assert_eq!(super::scaling_counts(2), [1, 2]);
        assert_eq!(super::scaling_counts(6), [1, 2, 4, 6]);
        assert_eq!(super::scaling_counts(128), [1, 2, 4, 8, 16, 32, 64, 128]);
    }

    use super::*;
    use std::os::unix::fs::symlink;

    /// A private name for `sleep`, so that no other process on the machine
    /// matches it: a symlink keeps the name it was started by in its cmdline.
    fn private_sleep(tag: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("testkit-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create a temporary directory");
        let path = dir.join("sleep");
        let _ = std::fs::remove_file(&path);
        let sleep = ["/bin/sleep", "/usr/bin/sleep"]
            .into_iter()
            .find(|p| std::path::Path::new(p).exists())
            .expect("sleep is installed");
        symlink(sleep, &path).expect("symlink sleep");
        path
    }

    fn remove_private(sleep: &std::path::Path) {
        let _ = std::fs::remove_dir_all(sleep.parent().expect("a private directory"));
    }

    #[test]
    fn a_stray_process_is_found_and_a_finished_one_is_not() {
        let sleep = private_sleep("stray");
        let mut child = Command::new(&sleep).arg("30").spawn().expect("start sleep");
        // Right after the fork the child still shows this test's command
        // line; wait until it has become `sleep` (a busy CI machine can take
        // a while to get there).
        let shown = sleep.to_string_lossy().to_string();
        let deadline = Instant::now() + Duration::from_secs(10);
        while !process_table()
            .iter()
            .any(|p| p.pid == child.id() && p.args.iter().any(|a| **a == *shown))
        {
            assert!(Instant::now() < deadline, "sleep never showed up");
            std::thread::sleep(Duration::from_millis(10));
        }
        let found = std::panic::catch_unwind(|| assert_no_stray_processes(&sleep));
        child.kill().expect("kill sleep");
        child.wait().expect("reap sleep");
        let message = *found
            .expect_err("the running sleep is a stray")
            .downcast::<String>()
            .unwrap();
        assert!(
            message.contains(&format!("pid {}", child.id())),
            "{message}"
        );
        assert_no_stray_processes(&sleep);
        remove_private(&sleep);
    }

    #[test]
    fn a_timeout_kills_children_that_left_the_process_group() {
        let sleep = private_sleep("tree");
        // The shell starts sleep in a process group (and session) of its
        // own, as mpirun does for its ranks, then waits for it.
        let mut command = Command::new("sh");
        command.args(["-c", "setsid \"$0\" 30 & wait"]).arg(&sleep);
        let started = Instant::now();
        assert!(run_with_limit(command, Duration::from_millis(300)).is_none());
        assert!(started.elapsed() < Duration::from_secs(10));
        assert_no_stray_processes(&sleep);
        remove_private(&sleep);
    }
}
