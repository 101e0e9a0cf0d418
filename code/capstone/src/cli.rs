//! The command line shared by every solution's example program, so that all
//! of them take the same arguments and print the same lines.

use crate::{Checksum, Diffusion, Grid, MAX_CELLS};
use std::path::PathBuf;

/// What follows the program's name in every usage line.
pub const USAGE_ARGUMENTS: &str = "NX NY STEPS [--dt DT] [--image FILE.pgm]";

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

/// Reads `NX NY STEPS [--dt DT] [--image FILE.pgm]` (the arguments after the
/// program's name). The error is one line, without the usage.
pub fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut dt = 0.2;
    let mut image = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| {
            rest.next()
                .ok_or_else(|| format!("{arg} needs a value ({arg} {name})"))
        };
        match arg.as_str() {
            "--dt" => {
                let text = value("DT")?;
                dt = text
                    .trim()
                    .parse()
                    .map_err(|_| format!("DT must be a number, got {text:?}"))?;
            }
            "--image" => image = Some(PathBuf::from(value("FILE.pgm")?)),
            option if option.starts_with("--") => {
                return Err(format!("unknown option {option:?}"));
            }
            _ => positional.push(arg),
        }
    }
    let [nx, ny, steps] = positional[..] else {
        return Err(format!(
            "expected 3 arguments NX NY STEPS, got {}",
            positional.len()
        ));
    };
    let whole = |name: &str, text: &str, least: usize| match text.trim().parse::<usize>() {
        Ok(n) if n >= least => Ok(n),
        _ => Err(format!(
            "{name} must be a whole number of at least {least}, got {text:?}"
        )),
    };
    let (nx, ny, steps) = (
        whole("NX", nx, 1)?,
        whole("NY", ny, 1)?,
        whole("STEPS", steps, 0)?,
    );
    if nx.checked_mul(ny).is_none_or(|cells| cells > MAX_CELLS) {
        return Err(format!(
            "{nx} x {ny} cells is more than the {MAX_CELLS} these examples allow"
        ));
    }
    let diffusion = Diffusion::new(1.0, 1.0, dt)?;
    Ok(Args {
        nx,
        ny,
        steps,
        dt,
        diffusion,
        image,
    })
}

impl Args {
    /// The arguments of this process, or exit with status 2 and one line of
    /// error with the usage. (The MPI program cannot use this: only one of
    /// its ranks should speak.)
    pub fn from_env_or_exit(program: &str) -> Args {
        let args: Vec<String> = std::env::args().skip(1).collect();
        parse_args(&args).unwrap_or_else(|message| {
            eprintln!("{}", Args::error_line(program, &message));
            std::process::exit(2);
        })
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
            std::fs::write(path, end.to_pgm())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
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
            ("200 100", "expected 3 arguments NX NY STEPS, got 2"),
            (
                "0 10 5",
                "NX must be a whole number of at least 1, got \"0\"",
            ),
            (
                "10 ten 5",
                "NY must be a whole number of at least 1, got \"ten\"",
            ),
            (
                "10 10 -1",
                "STEPS must be a whole number of at least 0, got \"-1\"",
            ),
            ("10 10 5 --dt", "--dt needs a value (--dt DT)"),
            ("10 10 5 --dt fast", "DT must be a number, got \"fast\""),
            ("10 10 5 --fast", "unknown option \"--fast\""),
            (
                "10 10 5 --dt 0.3",
                "dt = 0.3 is unstable: the explicit scheme needs dt <= h^2/(4 alpha) = 0.25",
            ),
            (
                "100000 100000 1",
                "100000 x 100000 cells is more than the 268435456 these examples allow",
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(parse(line).unwrap_err(), expected, "{line}");
        }
        assert!(parse("10 10 5 --dt -0.1").is_err());
        assert!(parse("99999999999999999999 1 1").is_err());
    }

    #[test]
    fn the_error_line_carries_the_usage() {
        assert_eq!(
            Args::error_line("heat_serial", "oops"),
            "error: oops (usage: heat_serial NX NY STEPS [--dt DT] [--image FILE.pgm])"
        );
    }
}
