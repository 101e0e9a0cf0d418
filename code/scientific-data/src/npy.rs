//! NumPy's `.npy` format, written and read by hand: a magic string, a
//! version, a short header that is a Python dict in plain text, then the
//! raw little-endian numbers. `np.load` reads what `write` writes, and
//! `read` reads what `np.save` writes.
//!
//! Specification: "A Simple File Format for NumPy Arrays" (NEP 1) and the
//! `numpy.lib.format` documentation.

use crate::Error;
use crate::raw::{read_f64_le, write_f64_le};
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::Path;

/// Every `.npy` file starts with these 6 bytes.
pub const MAGIC: &[u8; 6] = b"\x93NUMPY";

/// The data starts at a multiple of this many bytes, so that a memory map
/// of the file can be used as an array of any number type in place.
pub const ALIGN: usize = 64;

/// What the header says about the array.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The type of each number, e.g. `<f8`: little-endian (`<`) float (`f`)
    /// of 8 bytes.
    pub dtype: String,
    /// `true` when the array is stored column-major (Fortran order).
    pub fortran_order: bool,
    /// The length of each dimension; `[]` for a single number.
    pub shape: Vec<usize>,
}

impl Header {
    /// The number of values: the product of the shape.
    pub fn count(&self) -> Result<usize, Error> {
        self.shape.iter().try_fold(1usize, |n, &d| {
            n.checked_mul(d)
                .filter(|n| n.checked_mul(8).is_some())
                .ok_or_else(|| Error::NpyHeader(format!("shape {:?} is too large", self.shape)))
        })
    }
}

// ANCHOR: header
/// The bytes before the data of a C-ordered f64 array of `shape`, exactly
/// as `np.save` writes them: magic, version, header length, then the dict,
/// padded with spaces so that the data starts at a multiple of 64 bytes,
/// and a newline.
pub fn header_bytes(shape: &[usize]) -> Vec<u8> {
    let dims: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
    // Python writes a 1-tuple as `(n,)`.
    let shape_text = match dims.len() {
        1 => format!("({},)", dims[0]),
        _ => format!("({})", dims.join(", ")),
    };
    let mut dict = format!("{{'descr': '<f8', 'fortran_order': False, 'shape': {shape_text}, }}");
    // NumPy leaves room to grow the first dimension to 21 digits in place.
    if let Some(first) = dims.first() {
        dict.push_str(&" ".repeat(21usize.saturating_sub(first.len())));
    }
    // Version 1.0 stores the header length in 2 bytes; 2.0 in 4 bytes.
    let (version, length_bytes) = if dict.len() + 1 + ALIGN <= 65_535 {
        (1u8, 2)
    } else {
        (2u8, 4)
    };
    let before_dict = MAGIC.len() + 2 + length_bytes;
    let padding = ALIGN - (before_dict + dict.len() + 1) % ALIGN;
    dict.push_str(&" ".repeat(padding));
    dict.push('\n');
    let total = before_dict + dict.len();

    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[version, 0]);
    if version == 1 {
        out.extend_from_slice(&(dict.len() as u16).to_le_bytes());
    } else {
        out.extend_from_slice(&(dict.len() as u32).to_le_bytes());
    }
    out.extend_from_slice(dict.as_bytes());
    out
}
// ANCHOR_END: header

// ANCHOR: write
/// Writes a C-ordered array of `shape` (`np.load(path)` reads it back).
pub fn write_array(path: &Path, shape: &[usize], values: &[f64]) -> Result<(), Error> {
    let count: usize = shape.iter().product();
    assert_eq!(
        count,
        values.len(),
        "shape {shape:?} does not match the data"
    );
    let mut out = BufWriter::new(File::create(path)?);
    out.write_all(&header_bytes(shape))?;
    write_f64_le(&mut out, values)?;
    out.flush()?;
    Ok(())
}

/// Writes a 1-D array.
pub fn write(path: &Path, values: &[f64]) -> Result<(), Error> {
    write_array(path, &[values.len()], values)
}
// ANCHOR_END: write

// ANCHOR: parse
/// Reads the start of a `.npy` file: checks the magic string and the
/// version, and returns the header and where the data starts. `bytes` must
/// hold at least the whole header (it may hold more).
pub fn parse_header(bytes: &[u8]) -> Result<(Header, usize), Error> {
    let short = |needed: usize| Error::TruncatedHeader {
        needed: needed as u64,
        found: bytes.len() as u64,
    };
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(Error::NotNpy);
    }
    let (major, minor) = match bytes.get(6..8) {
        Some(&[major, minor]) => (major, minor),
        _ => return Err(short(8)),
    };
    let (length, start) = match major {
        1 => (
            bytes
                .get(8..10)
                .map(|b| u16::from_le_bytes([b[0], b[1]]) as usize),
            10,
        ),
        2 | 3 => (
            bytes
                .get(8..12)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize),
            12,
        ),
        _ => return Err(Error::NpyVersion(major, minor)),
    };
    let length = length.ok_or_else(|| short(start))?;
    let dict = bytes
        .get(start..start + length)
        .ok_or_else(|| short(start + length))?;
    let dict =
        std::str::from_utf8(dict).map_err(|_| Error::NpyHeader("the header is not text".into()))?;
    Ok((parse_dict(dict)?, start + length))
}
// ANCHOR_END: parse

/// The dict NumPy writes, e.g.
/// `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }`.
/// A small reader for exactly this: three keys, in any order.
fn parse_dict(text: &str) -> Result<Header, Error> {
    let bad = |why: &str| Error::NpyHeader(why.to_string());
    let body = text
        .trim()
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .ok_or_else(|| bad("the header is not a {...} dict"))?;
    // The text after `'key':`, up to the end of the dict.
    let after = |key: &str| -> Result<&str, Error> {
        let quoted = [format!("'{key}'"), format!("\"{key}\"")];
        let at = quoted
            .iter()
            .find_map(|q| body.find(q.as_str()).map(|i| i + q.len()))
            .ok_or_else(|| bad(&format!("no '{key}' key")))?;
        body[at..]
            .trim_start()
            .strip_prefix(':')
            .map(str::trim_start)
            .ok_or_else(|| bad(&format!("no ':' after '{key}'")))
    };

    let descr = after("descr")?;
    let dtype = match descr.chars().next() {
        Some(quote @ ('\'' | '"')) => {
            let rest = &descr[1..];
            let end = rest
                .find(quote)
                .ok_or_else(|| bad("unterminated 'descr'"))?;
            rest[..end].to_string()
        }
        // A list of fields: a structured array (a table), not plain numbers.
        _ => descr.split(", '").next().unwrap_or(descr).to_string(),
    };

    let order = after("fortran_order")?;
    let fortran_order = if order.starts_with("True") {
        true
    } else if order.starts_with("False") {
        false
    } else {
        return Err(bad("'fortran_order' is neither True nor False"));
    };

    let shape_text = after("shape")?;
    let inside = shape_text
        .strip_prefix('(')
        .and_then(|t| t.split_once(')'))
        .map(|(inside, _)| inside)
        .ok_or_else(|| bad("'shape' is not a tuple"))?;
    let shape = inside
        .split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            d.trim_end_matches('L') // Python 2 wrote long integers as 10L
                .parse::<usize>()
                .map_err(|_| bad(&format!("shape entry {d:?} is not a whole number")))
        })
        .collect::<Result<Vec<usize>, Error>>()?;
    Ok(Header {
        dtype,
        fortran_order,
        shape,
    })
}

/// Checks that a header describes what this crate reads: C-ordered `<f8`.
pub fn check_header(header: &Header) -> Result<usize, Error> {
    if header.dtype != "<f8" {
        return Err(Error::WrongDtype(header.dtype.clone()));
    }
    if header.fortran_order && header.shape.len() > 1 {
        return Err(Error::FortranOrder);
    }
    header.count()
}

// ANCHOR: read
/// Reads a `.npy` file of f64 in C order: its shape and its values.
pub fn read_array(path: &Path) -> Result<(Vec<usize>, Vec<f64>), Error> {
    let mut file = File::open(path)?;
    let file_len = file.metadata()?.len();
    // Magic, version and header length take 10 or 12 bytes: read those,
    // learn how long the header is, then read the rest of it.
    let mut head = vec![0u8; file_len.min(12) as usize];
    file.read_exact(&mut head)?;
    if let Err(Error::TruncatedHeader { needed, .. }) = parse_header(&head) {
        if needed > file_len {
            return Err(Error::TruncatedHeader {
                needed,
                found: file_len,
            });
        }
        let read_so_far = head.len();
        head.resize(needed as usize, 0);
        file.read_exact(&mut head[read_so_far..])?;
    }
    let (header, data_start) = parse_header(&head)?;
    let count = check_header(&header)?;

    let expected = count as u64 * 8;
    let found = file_len - data_start as u64;
    if found < expected {
        return Err(Error::Truncated { expected, found });
    }
    if found > expected {
        return Err(Error::TrailingBytes { expected, found });
    }
    Ok((header.shape, read_f64_le(&mut file, count)?))
}

/// Reads a `.npy` file of f64 of any shape as one flat array.
pub fn read(path: &Path) -> Result<Vec<f64>, Error> {
    read_array(path).map(|(_, values)| values)
}
// ANCHOR_END: read

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TempDir, bit_identical, tricky_values, truncate};

    #[test]
    fn the_header_is_what_numpy_writes() {
        let header = header_bytes(&[3]);
        assert_eq!(header.len(), 128);
        assert_eq!(&header[..10], b"\x93NUMPY\x01\x00\x76\x00");
        let dict = std::str::from_utf8(&header[10..]).unwrap();
        assert!(dict.starts_with("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }  "));
        assert!(dict.ends_with(" \n"));
        assert_eq!(
            std::str::from_utf8(&header_bytes(&[2, 5])[10..])
                .unwrap()
                .trim_end(),
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 5), }"
        );
        assert!(
            std::str::from_utf8(&header_bytes(&[])[10..])
                .unwrap()
                .contains("'shape': ()")
        );
        for shape in [vec![0], vec![10_000_000], vec![7, 11, 13]] {
            let bytes = header_bytes(&shape);
            assert_eq!(bytes.len() % ALIGN, 0);
            let (header, start) = parse_header(&bytes).unwrap();
            assert_eq!(start, bytes.len());
            assert_eq!(header.shape, shape);
            assert_eq!(header.dtype, "<f8");
            assert!(!header.fortran_order);
        }
    }

    #[test]
    fn npy_round_trip_is_bit_identical_with_its_shape() {
        let dir = TempDir::new("npy");
        let path = dir.join("values.npy");
        for values in [tricky_values(), crate::rng::sample_data(100_000), vec![]] {
            write(&path, &values).unwrap();
            assert_eq!(
                std::fs::metadata(&path).unwrap().len(),
                128 + 8 * values.len() as u64
            );
            let (shape, back) = read_array(&path).unwrap();
            assert_eq!(shape, [values.len()]);
            assert!(bit_identical(&back, &values));
        }
        let grid: Vec<f64> = (0..12).map(f64::from).collect();
        write_array(&path, &[3, 4], &grid).unwrap();
        assert_eq!(read_array(&path).unwrap(), (vec![3, 4], grid));
        write_array(&path, &[], &[42.0]).unwrap();
        assert_eq!(read_array(&path).unwrap(), (vec![], vec![42.0]));
    }

    #[test]
    fn headers_numpy_may_write_are_understood() {
        let parse = |dict: &str| parse_dict(dict).map(|h| (h.dtype, h.fortran_order, h.shape));
        assert_eq!(
            parse("{'shape': (4, 2), 'fortran_order': True, 'descr': '<f4'}").unwrap(),
            ("<f4".to_string(), true, vec![4, 2])
        );
        assert_eq!(
            parse("{\"descr\": \">f8\", \"fortran_order\": False, \"shape\": (5L,)}").unwrap(),
            (">f8".to_string(), false, vec![5])
        );
        assert_eq!(
            parse(
                "{'descr': [('x', '<f8'), ('y', '<f8')], 'fortran_order': False, 'shape': (2,), }"
            )
            .unwrap()
            .0,
            "[('x'"
        );
    }

    /// A file with NumPy's header for `dict` and `data` after it.
    fn file_with(dir: &TempDir, dict: &str, data: &[u8]) -> std::path::PathBuf {
        let path = dir.join("made.npy");
        let mut bytes = b"\x93NUMPY\x01\x00".to_vec();
        bytes.extend_from_slice(&(dict.len() as u16).to_le_bytes());
        bytes.extend_from_slice(dict.as_bytes());
        bytes.extend_from_slice(data);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn bad_files_are_clear_errors() {
        let dir = TempDir::new("npy-bad");
        let message = |path: &Path| read(path).unwrap_err().to_string();
        let f4 = file_with(
            &dir,
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }\n",
            &[0; 8],
        );
        assert_eq!(
            message(&f4),
            "the file holds dtype '<f4', expected '<f8' (little-endian f64)"
        );
        let big = file_with(
            &dir,
            "{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }\n",
            &[0; 8],
        );
        assert!(message(&big).contains("dtype '>f8'"));
        let fortran = file_with(
            &dir,
            "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }\n",
            &[0; 32],
        );
        assert!(message(&fortran).starts_with("the array is stored in Fortran"));
        // A 1-D array is the same in both orders.
        let fortran_1d = file_with(
            &dir,
            "{'descr': '<f8', 'fortran_order': True, 'shape': (1,), }\n",
            &1.5f64.to_le_bytes(),
        );
        assert_eq!(read(&fortran_1d).unwrap(), [1.5]);
        let garbage = file_with(&dir, "{'descr': '<f8', 'shape': (1,), }\n", &[0; 8]);
        assert_eq!(message(&garbage), "bad .npy header: no 'fortran_order' key");
        let shape = file_with(
            &dir,
            "{'descr': '<f8', 'fortran_order': False, 'shape': (x,), }\n",
            &[],
        );
        assert_eq!(
            message(&shape),
            "bad .npy header: shape entry \"x\" is not a whole number"
        );

        let csv = dir.join("values.csv");
        crate::csv::write(&csv, &[1.0]).unwrap();
        assert_eq!(
            message(&csv),
            "not a .npy file (it does not start with \\x93NUMPY)"
        );
        std::fs::write(&csv, b"").unwrap();
        assert_eq!(
            message(&csv),
            "not a .npy file (it does not start with \\x93NUMPY)"
        );

        let future = dir.join("future.npy");
        std::fs::write(&future, b"\x93NUMPY\x04\x00\x00\x00").unwrap();
        assert_eq!(message(&future), "unsupported .npy format version 4.0");
    }

    #[test]
    fn truncated_files_are_clear_errors_wherever_they_are_cut() {
        let dir = TempDir::new("npy-cut");
        let path = dir.join("cut.npy");
        let values = crate::rng::sample_data(1000);
        write(&path, &values).unwrap();
        truncate(&path, 128 + 8 * 600);
        assert_eq!(
            read(&path).unwrap_err().to_string(),
            "truncated: expected 8000 bytes of data, found 4800"
        );
        // Cut inside the header, inside the length field, inside the magic.
        for cut in [40, 9, 7, 3] {
            write(&path, &values).unwrap();
            truncate(&path, cut);
            let expected = if cut < 6 {
                "not a .npy file (it does not start with \\x93NUMPY)".to_string()
            } else {
                let needed = if cut < 8 {
                    8
                } else if cut < 10 {
                    10
                } else {
                    128
                };
                format!("truncated: the file ends inside its header ({cut} of {needed} bytes)")
            };
            assert_eq!(
                read(&path).unwrap_err().to_string(),
                expected,
                "cut at {cut}"
            );
        }
        write(&path, &values).unwrap();
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(&[0; 3])
            .unwrap();
        assert_eq!(
            read(&path).unwrap_err().to_string(),
            "expected 8000 bytes of data, found 8003: extra bytes at the end"
        );
    }
}
