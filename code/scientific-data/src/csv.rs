//! Text: one number per line under a header, readable by people, by
//! spreadsheets and by every language (NumPy: `np.loadtxt(path, skiprows=1)`).

use crate::Error;
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::Path;

/// The first line of every file: the column's name.
pub const HEADER: &str = "value";

// ANCHOR: write
/// Writes `values` one per line with `{}`: Rust prints the *shortest*
/// decimal that parses back to exactly the same f64, so nothing is lost.
pub fn write(path: &Path, values: &[f64]) -> Result<(), Error> {
    let mut out = BufWriter::new(File::create(path)?);
    writeln!(out, "{HEADER}")?;
    for value in values {
        writeln!(out, "{value}")?;
    }
    out.flush()?;
    Ok(())
}
// ANCHOR_END: write

// ANCHOR: write_fixed
/// Writes `values` with a fixed number of decimals, as `%.6f` would: the
/// file is shorter, and each value is off by up to half a unit in the last
/// decimal.
pub fn write_fixed(path: &Path, values: &[f64], decimals: usize) -> Result<(), Error> {
    let mut out = BufWriter::new(File::create(path)?);
    writeln!(out, "{HEADER}")?;
    for value in values {
        writeln!(out, "{value:.decimals$}")?;
    }
    out.flush()?;
    Ok(())
}
// ANCHOR_END: write_fixed

// ANCHOR: read
/// Reads a file written by [`write`]: the header, then one number per line.
/// Every line must parse, and the last one must end with a newline: a text
/// file cut off in the middle of `0.12345` still looks like a number.
pub fn read(path: &Path) -> Result<Vec<f64>, Error> {
    let mut text = String::new();
    File::open(path)?.read_to_string(&mut text)?;
    let mut lines = text.split_inclusive('\n');
    match lines.next() {
        Some(first) if first.trim_end() == HEADER => {}
        Some(first) => return Err(Error::CsvHeader(first.trim_end().to_string())),
        None => return Err(Error::CsvHeader(String::new())),
    }
    let mut values = Vec::new();
    for (index, line) in lines.enumerate() {
        let number = index + 2;
        let Some(field) = line.strip_suffix('\n') else {
            return Err(Error::MissingFinalNewline { line: number });
        };
        let field = field.trim_end_matches('\r');
        let value = field.parse::<f64>().map_err(|_| Error::BadNumber {
            line: number,
            text: field.to_string(),
        })?;
        values.push(value);
    }
    Ok(values)
}
// ANCHOR_END: read

/// The exact length in bytes of the file [`write`] produces, without
/// writing it: the header line plus each value's text and its newline.
pub fn file_size(values: &[f64]) -> u64 {
    struct Counter(u64);
    impl std::fmt::Write for Counter {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0 += s.len() as u64;
            Ok(())
        }
    }
    let mut count = Counter(HEADER.len() as u64 + 1);
    for value in values {
        std::fmt::Write::write_fmt(&mut count, format_args!("{value}\n")).expect("counting");
    }
    count.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TempDir, bit_identical, max_abs_difference, tricky_values, truncate};

    #[test]
    fn shortest_round_trip_text_is_bit_identical() {
        let dir = TempDir::new("csv");
        let path = dir.join("values.csv");
        for values in [tricky_values(), crate::rng::sample_data(100_000), vec![]] {
            write(&path, &values).unwrap();
            assert!(bit_identical(&read(&path).unwrap(), &values));
            assert_eq!(std::fs::metadata(&path).unwrap().len(), file_size(&values));
        }
    }

    #[test]
    fn the_text_is_what_a_person_expects() {
        let dir = TempDir::new("csv-text");
        let path = dir.join("values.csv");
        write(&path, &[0.1, -0.0, 3.0, 1e21, f64::INFINITY, f64::NAN]).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "value\n0.1\n-0\n3\n1000000000000000000000\ninf\nNaN\n"
        );
        // `{}` never switches to an exponent: 1e-300 takes 302 characters
        // ("0." and 299 digits), which still read back exactly.
        assert_eq!(format!("{}", 1e-300).len(), 302);
    }

    #[test]
    fn fixed_decimals_keep_half_a_unit_of_the_last_digit() {
        let dir = TempDir::new("csv-fixed");
        let path = dir.join("values.csv");
        let values = crate::rng::sample_data(100_000);
        write_fixed(&path, &values, 6).unwrap();
        let back = read(&path).unwrap();
        assert!(!bit_identical(&back, &values));
        let error = max_abs_difference(&back, &values);
        assert!(error > 4e-7 && error <= 5.000_001e-7, "{error}");
    }

    #[test]
    fn bad_text_is_an_error_with_its_line_number() {
        let dir = TempDir::new("csv-bad");
        let path = dir.join("bad.csv");
        let check = |text: &str, message: &str| {
            std::fs::write(&path, text).unwrap();
            assert_eq!(read(&path).unwrap_err().to_string(), message);
        };
        check("value\n1.5\nabc\n", "line 3: \"abc\" is not a number");
        check("value\n1.5\n\n", "line 3: \"\" is not a number");
        check(
            "x,y\n1,2\n",
            "line 1: expected the header \"value\", found \"x,y\"",
        );
        check("", "line 1: expected the header \"value\", found \"\"");
        // Windows line ends are fine.
        std::fs::write(&path, "value\r\n2.5\r\n").unwrap();
        assert_eq!(read(&path).unwrap(), [2.5]);
    }

    #[test]
    fn a_truncated_file_is_an_error() {
        let dir = TempDir::new("csv-cut");
        let path = dir.join("cut.csv");
        write(&path, &[0.125, 0.25, 0.5]).unwrap();
        truncate(&path, "value\n0.125\n0.2".len() as u64);
        assert_eq!(
            read(&path).unwrap_err().to_string(),
            "line 3: the file ends without a newline (truncated?)"
        );
    }
}
