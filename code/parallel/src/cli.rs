//! What the example programs share: reading their arguments, failing with
//! one clear line, and timing a run.

/// The command-line arguments after the program name; at most `max` of
/// them, else a usage error.
pub fn arguments(max: usize, usage: &str) -> Vec<String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() > max {
        usage_error(
            &format!(
                "too many arguments: expected at most {max}, got {}",
                args.len()
            ),
            usage,
        );
    }
    args
}

/// Prints `error: <message> (usage: <usage>)` on stderr and exits with 2,
/// the conventional status for a wrong command line.
pub fn usage_error(message: &str, usage: &str) -> ! {
    eprintln!("error: {message} (usage: {usage})");
    std::process::exit(2)
}

/// Reads a whole number of at least `min` named `name`, or `default` when the
/// argument is absent.
pub fn parse_count(arg: Option<&str>, name: &str, min: u64, default: u64) -> Result<u64, String> {
    let Some(text) = arg else {
        return Ok(default);
    };
    match text.trim().replace('_', "").parse::<u64>() {
        Ok(n) if n >= min => Ok(n),
        Ok(_) => Err(format!("{name} must be at least {min}, got {text}")),
        Err(_) => Err(format!("{name} must be a whole number, got {text:?}")),
    }
}

/// Reads a fraction between 0 and 1 named `name`.
pub fn parse_fraction(arg: Option<&str>, name: &str, default: f64) -> Result<f64, String> {
    let Some(text) = arg else {
        return Ok(default);
    };
    match text.trim().parse::<f64>() {
        Ok(f) if (0.0..=1.0).contains(&f) => Ok(f),
        _ => Err(format!("{name} must be a number from 0 to 1, got {text:?}")),
    }
}

/// Runs `f` once and returns its result with the wall-clock time in seconds.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let start = std::time::Instant::now();
    let result = std::hint::black_box(f());
    (result, start.elapsed().as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_checked() {
        assert_eq!(parse_count(None, "N", 1, 7), Ok(7));
        assert_eq!(parse_count(Some("1_000"), "N", 1, 7), Ok(1000));
        assert_eq!(
            parse_count(Some("0"), "SAMPLES", 1, 7),
            Err("SAMPLES must be at least 1, got 0".to_string())
        );
        assert_eq!(
            parse_count(Some("lots"), "SAMPLES", 1, 7),
            Err("SAMPLES must be a whole number, got \"lots\"".to_string())
        );
        assert!(parse_count(Some("-5"), "N", 0, 7).is_err());
    }

    #[test]
    fn fractions_are_checked() {
        assert_eq!(parse_fraction(None, "S", 0.1), Ok(0.1));
        assert_eq!(parse_fraction(Some("0.25"), "S", 0.1), Ok(0.25));
        for bad in ["1.5", "-0.1", "half", "NaN"] {
            assert_eq!(
                parse_fraction(Some(bad), "S", 0.1),
                Err(format!("S must be a number from 0 to 1, got {bad:?}"))
            );
        }
    }
}
