//! The command line shared by every solution's example program, so that all
//! of them take the same arguments and print the same lines.

use crate::{Checksum, Diffusion, Grid, MAX_CELLS};
use course_cli::files::write_atomically;
use course_cli::{Error, Usage, memory};
use std::io::Write;
use std::path::PathBuf;

/// What follows the program's name in every usage line.
pub const USAGE_ARGUMENTS: &str = "NX NY STEPS [--dt DT] [--image FILE.pgm]";

/// The most cell updates (NX x NY x STEPS) one run may ask for: about ten
/// seconds of the serial solution on a laptop core, a minute on a slow one.
pub const MAX_UPDATES: u64 = 10_000_000_000;

/// The command line of the solution called `program`, for `--help` and
/// the usage errors.
pub const fn usage(program: &'static str) -> Usage {
    Usage::new(
        program,
        USAGE_ARGUMENTS,
        "the heat equation on a plate: a hot square spreading, cold edges",
    )
    .details(
        "NX NY    cells across and down, each at least 1, NX x NY at most 268_435_456
         STEPS    time steps, 0 or more, NX x NY x STEPS at most 10_000_000_000
         --dt DT  time step (default 0.2), stable up to 0.25
         --image FILE.pgm  save the last field as a grey-scale image",
    )
    .options(&[("--dt", "DT"), ("--image", "FILE.pgm")])
}

/// The examples' arguments: grid size, number of steps, time step (the
/// diffusivity and the grid spacing are both 1), and where to save an image.
#[derive(Clone, Debug, PartialEq)]
pub struct Args {
    pub nx: usize,
    pub ny: usize,
    pub steps: usize,
    pub dt: f64,
    pub diffusion: Diffusion,
    pub image: Option<PathBuf>,
}

/// Reads `NX NY STEPS [--dt DT] [--image FILE.pgm]` from a parsed command
/// line: every number in its range, the grid and the work bounded, the
/// time step stable.
pub fn read_args(mut args: course_cli::Args) -> Result<Args, Error> {
    let dt = args.option_number("--dt", 0.2, f64::MIN..=f64::MAX)?;
    let image = args.option_path("--image")?;
    let nx: usize = args.required_count("NX", 1..=MAX_CELLS)?;
    let ny: usize = args.required_count("NY", 1..=MAX_CELLS)?;
    let steps: usize = args.required_count("STEPS", 0..=MAX_UPDATES as usize)?;
    let cells = nx.checked_mul(ny).filter(|&cells| cells <= MAX_CELLS);
    let Some(cells) = cells else {
        return Err(args.error(format!(
            "{nx} x {ny} cells is more than the {MAX_CELLS} these examples allow"
        )));
    };
    if (cells as u64).saturating_mul(steps as u64) > MAX_UPDATES {
        return Err(args.error(format!(
            "{nx} x {ny} cells x {steps} steps is more than the {MAX_UPDATES} cell updates \
             these examples allow"
        )));
    }
    let diffusion = Diffusion::new(1.0, 1.0, dt).map_err(|m| args.error(m))?;
    args.done()?;
    Ok(Args {
        nx,
        ny,
        steps,
        dt,
        diffusion,
        image,
    })
}

/// [`read_args`] on a list of words, for tests: the error is its message,
/// without the usage that the programs add.
pub fn parse_args(words: &[String]) -> Result<Args, String> {
    let raw = words.iter().map(std::ffi::OsString::from);
    course_cli::Args::parse(&usage("heat"), raw)
        .and_then(read_args)
        .map_err(|error| {
            let line = error.to_string();
            let message = line.split(" (usage: ").next().unwrap_or_default();
            message.to_string()
        })
}

impl Args {
    /// Fails in one line unless this machine has the memory for `copies`
    /// grids of this size (a solution holds its start and two buffers).
    pub fn ensure_memory(&self, copies: u64) -> Result<(), Error> {
        let floats = copies.saturating_mul((self.nx * self.ny) as u64);
        memory::ensure_items_fit(floats, 4, "grid values (f32)")
    }

    /// `error: <message> (usage: <program> NX NY STEPS ...)`.
    pub fn error_line(program: &str, message: &str) -> String {
        format!("error: {message} (usage: {program} {USAGE_ARGUMENTS})")
    }

    /// The first line every example prints; `on` says where it runs.
    pub fn describe(&self, program: &str, on: &str) -> String {
        format!(
            "{program}: {} x {} cells, {} steps, dt {}, {on}",
            self.nx, self.ny, self.steps, self.dt
        )
    }

    /// The plate these arguments describe, at the start.
    pub fn start(&self) -> Grid {
        Grid::plate(self.nx, self.ny)
    }

    /// Prints the checksum and the time taken, and saves the image if one
    /// was asked for.
    pub fn finish(&self, end: &Grid, seconds: f64) -> Result<(), String> {
        println!("checksum: {}", Checksum::of(end));
        let updates = (self.nx * self.ny) as f64 * self.steps as f64;
        println!(
            "time: {seconds:.6} s, {:.1} million cell updates per second",
            updates / seconds.max(1e-9) / 1e6
        );
        if let Some(path) = &self.image {
            // Written whole or not at all: a full disk leaves no image
            // that looks valid.
            write_atomically(path, |file| file.write_all(&end.to_pgm()))
                .map_err(|e| e.to_string())?;
            println!("image: {}", path.display());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Args, String> {
        let args: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        parse_args(&args)
    }

    #[test]
    fn three_numbers_and_the_default_time_step() {
        let args = parse("200 100 50").unwrap();
        assert_eq!((args.nx, args.ny, args.steps, args.dt), (200, 100, 50, 0.2));
        assert_eq!(args.diffusion.r, 0.2);
        assert_eq!(args.image, None);
        let args = parse("--dt 0.25 3 4 0 --image out.pgm").unwrap();
        assert_eq!((args.nx, args.ny, args.steps, args.dt), (3, 4, 0, 0.25));
        assert_eq!(args.image, Some(PathBuf::from("out.pgm")));
    }

    #[test]
    fn bad_arguments_are_one_line_errors() {
        let cases = [
            ("200 100", "missing STEPS"),
            ("0 10 5", "NX must be at least 1, got 0"),
            ("10 ten 5", "NY must be a whole number, got \"ten\""),
            ("10 10 -1", "STEPS must be at least 0, got -1"),
            ("10 10 5 6", "unexpected argument \"6\""),
            ("10 10 5 --dt", "--dt needs a value (--dt DT)"),
            ("10 10 5 --dt fast", "--dt must be a number, got \"fast\""),
            ("10 10 5 --fast", "unknown option --fast"),
            (
                "10 10 5 --dt 0.3",
                "dt = 0.3 is unstable: the explicit scheme needs dt <= h^2/(4 alpha) = 0.25",
            ),
            (
                "100000 100000 1",
                "100000 x 100000 cells is more than the 268435456 these examples allow",
            ),
            (
                "20 20 1000000000000",
                "STEPS must be at most 10_000_000_000, got 1000000000000",
            ),
            (
                "1000 1000 100000",
                "1000 x 1000 cells x 100000 steps is more than the 10000000000 cell updates \
                 these examples allow",
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(parse(line).unwrap_err(), expected, "{line}");
        }
        assert!(parse("10 10 5 --dt -0.1").is_err());
        assert!(parse("99999999999999999999 1 1").is_err());
        assert!(
            parse("--help")
                .unwrap_err()
                .starts_with("heat: the heat equation")
        );
    }

    #[test]
    fn the_error_line_carries_the_usage() {
        assert_eq!(
            Args::error_line("heat_serial", "oops"),
            "error: oops (usage: heat_serial NX NY STEPS [--dt DT] [--image FILE.pgm])"
        );
    }
}
