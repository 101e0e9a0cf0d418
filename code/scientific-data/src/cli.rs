//! Small helpers for the example programs: arguments and error exits.

/// The number of doubles the episode measures: 10 million, 80 MB.
pub const TEN_MILLION: usize = 10_000_000;

/// Reads an optional COUNT argument (a whole number ≥ 1), or `default`.
pub fn parse_count(arg: Option<&str>, default: usize) -> Result<usize, String> {
    let Some(text) = arg else {
        return Ok(default);
    };
    match text.trim().replace('_', "").parse::<usize>() {
        Ok(0) => Err("COUNT must be at least 1".to_string()),
        Ok(n) if n > u32::MAX as usize => Err(format!("COUNT {n} is too large (at most 2^32 - 1)")),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("COUNT must be a whole number, got {text:?}")),
    }
}

/// Prints `error: <message>` and exits with `code` (2 for usage errors).
pub fn fail(message: impl std::fmt::Display, code: i32) -> ! {
    eprintln!("error: {message}");
    std::process::exit(code)
}

/// Bytes with a space every three digits: `80 000 128`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_argument_is_checked() {
        assert_eq!(parse_count(None, 5), Ok(5));
        assert_eq!(parse_count(Some("1_000"), 5), Ok(1000));
        assert_eq!(
            parse_count(Some("0"), 5),
            Err("COUNT must be at least 1".into())
        );
        assert_eq!(
            parse_count(Some("ten"), 5),
            Err("COUNT must be a whole number, got \"ten\"".into())
        );
        assert!(
            parse_count(Some("99999999999"), 5)
                .unwrap_err()
                .contains("too large")
        );
    }

    #[test]
    fn grouping_digits() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1 000");
        assert_eq!(grouped(80_000_128), "80 000 128");
    }
}
