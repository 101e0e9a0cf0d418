//! Course-wide test helpers: find the example programs that `cargo test`
//! built next to the test binary and run them with a time limit, so that a
//! program that hangs fails its test instead of blocking the suite.

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
    let mut child = command.spawn().unwrap_or_else(|e| panic!("cannot start {command:?}: {e}"));
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
            kill_group(child.id());
            let _ = child.wait();
            None
        }
    }
}

/// Sends SIGKILL to every process in the group led by `pid`.
pub fn kill_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .stderr(Stdio::null())
        .status();
}

fn read_all(reader: &mut impl std::io::Read) -> Vec<u8> {
    let mut buffer = Vec::new();
    let _ = reader.read_to_end(&mut buffer);
    buffer
}
