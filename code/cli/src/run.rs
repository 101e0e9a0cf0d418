//! Running a program's body and turning how it ended into an exit code.

use crate::{Args, Error, Usage};
use std::io::Write;
use std::process::ExitCode;

/// The `main` of every example:
///
/// ```no_run
/// use course_cli::{Usage, run};
/// const USAGE: Usage = Usage::new("demo", "[N]", "prints N")
///     .details("N  how many, 1 to 1_000 (default 10)");
///
/// fn main() -> std::process::ExitCode {
///     run(&USAGE, |mut args| {
///         let n: u64 = args.count("N", 10, 1..=1000)?;
///         args.done()?;
///         println!("{n}");
///         Ok(())
///     })
/// }
/// ```
///
/// Reads the arguments (`--help` prints the usage), runs `body`, flushes
/// stdout and returns the exit code: 0, or the error's own after its one
/// line on stderr (see [`Error::exit_code`]). Nothing calls
/// `std::process::exit`, so every destructor runs first: scratch folders
/// and half-written files are removed on every path out.
///
/// `println!` panics when stdout cannot be written ("failed printing to
/// stdout: Broken pipe"). Such a panic is caught here and ends the program
/// like [`Error::stdout`]: quietly with 0 for a closed pipe, with one line
/// for anything else (a full disk). Any other panic is a bug and is left
/// alone.
pub fn run(usage: &Usage, body: impl FnOnce(Args) -> Result<(), Error>) -> ExitCode {
    quiet_stdout_panics();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        body(Args::from_env(usage)?)?;
        std::io::stdout().flush().map_err(Error::stdout)
    }));
    let result = match outcome {
        Ok(result) => result,
        Err(panic) => match stdout_failure(panic.as_ref()) {
            Some(error) => Err(error),
            None => std::panic::resume_unwind(panic),
        },
    };
    exit_code(result)
}

/// Prints `result`'s error, if any, and gives its exit code.
pub fn exit_code(result: Result<(), Error>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            error.report();
            ExitCode::from(error.exit_code())
        }
    }
}

/// The message std's `print!` panics with when stdout fails.
const PRINT_PANIC: &str = "failed printing to stdout: ";

/// What a panic's payload says about stdout, if it is std's `print!`
/// failing to write it.
fn stdout_failure(payload: &(dyn std::any::Any + Send)) -> Option<Error> {
    let message = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())?;
    let reason = message.strip_prefix(PRINT_PANIC)?;
    // The io::Error itself is gone; its text carries the OS error number.
    let broken_pipe = format!("(os error {})", 32);
    Some(if reason.ends_with(&broken_pipe) {
        Error::StdoutClosed
    } else {
        Error::Failed(format!("cannot write to stdout: {reason}"))
    })
}

/// Keeps the panic hook from printing "thread 'main' panicked at …" for a
/// failed `print!`: [`run`] reports it instead. Other panics print as usual.
fn quiet_stdout_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if stdout_failure(info.payload()).is_none() {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_panics_are_recognised() {
        let pipe: String = format!("{PRINT_PANIC}Broken pipe (os error 32)");
        assert_eq!(stdout_failure(&pipe), Some(Error::StdoutClosed));
        let full: String = format!("{PRINT_PANIC}No space left on device (os error 28)");
        assert_eq!(
            stdout_failure(&full),
            Some(Error::Failed(
                "cannot write to stdout: No space left on device (os error 28)".into()
            ))
        );
        assert_eq!(stdout_failure(&"index out of bounds"), None);
    }
}
