//! Raw binary: the bytes of the numbers and nothing else. The smallest and
//! fastest file, and the most fragile: nothing in it says what it holds.

use crate::Error;
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::Path;

// ANCHOR: le_bytes
/// Writes `values` as little-endian f64, 8 bytes each.
pub fn write_f64_le(out: &mut impl Write, values: &[f64]) -> std::io::Result<()> {
    if cfg!(target_endian = "little") {
        // In memory the numbers already are little-endian bytes: hand the
        // whole slice to the OS in one go (bytemuck checks the cast is sound).
        out.write_all(bytemuck::cast_slice(values))
    } else {
        for value in values {
            out.write_all(&value.to_le_bytes())?;
        }
        Ok(())
    }
}

/// Reads exactly `count` little-endian f64 straight into a new array: the
/// bytes go from the file into the array's memory with no copy in between.
pub fn read_f64_le(input: &mut impl Read, count: usize) -> std::io::Result<Vec<f64>> {
    let mut values = vec![0.0f64; count];
    input.read_exact(bytemuck::cast_slice_mut(&mut values))?;
    if cfg!(target_endian = "big") {
        for value in &mut values {
            *value = f64::from_bits(u64::from_le(value.to_bits()));
        }
    }
    Ok(values)
}
// ANCHOR_END: le_bytes

// ANCHOR: raw
/// Writes `values` to `path` as raw little-endian f64 (NumPy: `a.tofile(path)`).
pub fn write(path: &Path, values: &[f64]) -> Result<(), Error> {
    let mut file = File::create(path)?;
    write_f64_le(&mut file, values)?;
    file.flush()?;
    Ok(())
}

/// Reads a raw little-endian f64 file (NumPy: `np.fromfile(path)`). The file
/// cannot tell us its type or shape; all we can check is that its length is
/// a whole number of 8-byte values.
pub fn read(path: &Path) -> Result<Vec<f64>, Error> {
    let mut file = File::open(path)?;
    let bytes = file.metadata()?.len();
    if bytes % 8 != 0 {
        return Err(Error::NotWholeValues { bytes });
    }
    Ok(read_f64_le(&mut file, (bytes / 8) as usize)?)
}
// ANCHOR_END: raw

// ANCHOR: raw_slow
/// The same file written one number at a time through a buffer: what
/// `write` does on a big-endian machine, and a fair way to write records.
pub fn write_buffered(path: &Path, values: &[f64]) -> Result<(), Error> {
    let mut out = BufWriter::new(File::create(path)?);
    for value in values {
        out.write_all(&value.to_le_bytes())?;
    }
    out.flush()?;
    Ok(())
}
// ANCHOR_END: raw_slow

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TempDir, bit_identical, tricky_values};

    #[test]
    fn raw_round_trip_is_bit_identical() {
        let dir = TempDir::new("raw");
        let path = dir.join("values.f64");
        for values in [tricky_values(), crate::rng::sample_data(100_000), vec![]] {
            write(&path, &values).unwrap();
            assert_eq!(
                std::fs::metadata(&path).unwrap().len(),
                8 * values.len() as u64
            );
            assert!(bit_identical(&read(&path).unwrap(), &values));
            write_buffered(&path, &values).unwrap();
            assert!(bit_identical(&read(&path).unwrap(), &values));
        }
    }

    #[test]
    fn the_bytes_on_disk_are_little_endian() {
        let dir = TempDir::new("raw-le");
        let path = dir.join("one.f64");
        write(&path, &[1.0, -2.0]).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(bytes[..8], [0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
        assert_eq!(bytes[8..], (-2.0f64).to_le_bytes());
    }

    #[test]
    fn a_truncated_raw_file_is_an_error() {
        let dir = TempDir::new("raw-cut");
        let path = dir.join("cut.f64");
        write(&path, &[1.0, 2.0, 3.0]).unwrap();
        crate::testing::truncate(&path, 20);
        assert_eq!(
            read(&path).unwrap_err().to_string(),
            "20 bytes is not a whole number of 8-byte values (truncated?)"
        );
        let missing = read(&dir.join("missing.f64")).unwrap_err();
        assert!(matches!(missing, Error::Io(ref e) if e.kind() == std::io::ErrorKind::NotFound));
    }
}
