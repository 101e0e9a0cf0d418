//! What can end an example program early, and the exit code of each.

use std::fmt;
use std::path::Path;

/// Why a program stops before the end. Each kind has its exit code; the
/// message is one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// `--help` was asked for: the text goes to stdout, exit code 0.
    Help(String),
    /// The command line is wrong: exit code 2. The message is the whole
    /// line, usage included.
    Usage(String),
    /// The run failed (I/O, memory, device, MPI): exit code 1.
    Failed(String),
    /// Stdout was closed by its reader (`| head -1`): nothing to say, and
    /// nothing went wrong, so exit code 0.
    StdoutClosed,
}

impl Error {
    /// A failed run, with its one-line message.
    pub fn failed(message: impl fmt::Display) -> Error {
        Error::Failed(message.to_string())
    }

    /// An I/O error on `path`: `cannot <doing> <path>: <reason>`.
    pub fn io(doing: &str, path: &Path, error: std::io::Error) -> Error {
        Error::Failed(format!("cannot {doing} {}: {error}", path.display()))
    }

    /// An error writing to stdout: a closed pipe is no error for the
    /// program (its reader has all it wanted), anything else is one line.
    pub fn stdout(error: std::io::Error) -> Error {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            Error::StdoutClosed
        } else {
            Error::Failed(format!("cannot write to stdout: {error}"))
        }
    }

    /// The process's exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Help(_) | Error::StdoutClosed => 0,
            Error::Failed(_) => 1,
            Error::Usage(_) => 2,
        }
    }

    /// Prints what the user should see: the help on stdout, an error as one
    /// line on stderr, nothing for a closed stdout.
    pub fn report(&self) {
        match self {
            Error::Help(text) => {
                use std::io::Write;
                // If even the help cannot be printed there is no one to tell.
                let _ = std::io::stdout().lock().write_all(text.as_bytes());
            }
            Error::Usage(line) | Error::Failed(line) => eprintln!("error: {line}"),
            Error::StdoutClosed => {}
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Help(text) => write!(f, "{}", text.trim_end()),
            Error::Usage(line) | Error::Failed(line) => write!(f, "{line}"),
            Error::StdoutClosed => write!(f, "stdout was closed"),
        }
    }
}

impl std::error::Error for Error {}

/// Names the file an error is about: `result.at(&path)?` turns any error
/// into the failed run `<path>: <error>`, for libraries whose errors do not
/// say which file they were reading.
pub trait AtPath<T> {
    fn at(self, path: &Path) -> Result<T, Error>;
}

impl<T, E: fmt::Display> AtPath<T> for Result<T, E> {
    fn at(self, path: &Path) -> Result<T, Error> {
        self.map_err(|e| Error::Failed(format!("{}: {e}", path.display())))
    }
}

/// Lesson crates report their own errors as `String`s: a failed run.
impl From<String> for Error {
    fn from(message: String) -> Error {
        Error::Failed(message)
    }
}

impl From<&str> for Error {
    fn from(message: &str) -> Error {
        Error::Failed(message.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_exit_code() {
        assert_eq!(Error::Help("h".into()).exit_code(), 0);
        assert_eq!(Error::StdoutClosed.exit_code(), 0);
        assert_eq!(Error::failed("x").exit_code(), 1);
        assert_eq!(Error::Usage("x".into()).exit_code(), 2);
    }

    #[test]
    fn io_errors_name_their_path() {
        let error = std::io::Error::from(std::io::ErrorKind::NotFound);
        let message = Error::io("read", Path::new("/no/such"), error).to_string();
        assert!(message.starts_with("cannot read /no/such: "), "{message}");
    }

    #[test]
    fn errors_at_a_path_say_which() {
        let result: Result<(), String> = Err("truncated".into());
        assert_eq!(
            result.at(Path::new("data.npy")),
            Err(Error::Failed("data.npy: truncated".into()))
        );
    }

    #[test]
    fn a_broken_pipe_is_a_quiet_end() {
        let pipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        assert_eq!(Error::stdout(pipe), Error::StdoutClosed);
        let full = std::io::Error::from_raw_os_error(28);
        assert!(
            Error::stdout(full)
                .to_string()
                .starts_with("cannot write to stdout: ")
        );
    }
}
