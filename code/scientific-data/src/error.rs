//! What can go wrong when reading a file, said in one line each.

use std::fmt;

/// Every way a read or write in this crate can fail. Bad input is an
/// `Err`, never a panic: a truncated file is an everyday event on a cluster
/// (a job killed by its time limit while writing, a full quota).
#[derive(Debug)]
pub enum Error {
    /// The operating system said no (missing file, no permission, disk full).
    Io(std::io::Error),
    /// The file does not start with `\x93NUMPY`.
    NotNpy,
    /// A `.npy` version this reader does not know.
    NpyVersion(u8, u8),
    /// The `.npy` header dictionary cannot be read.
    NpyHeader(String),
    /// Numbers of another type than little-endian f64 (`<f8`).
    WrongDtype(String),
    /// The array is stored column-major (`fortran_order: True`).
    FortranOrder,
    /// Fewer data bytes than the header (or the caller) promises.
    Truncated { expected: u64, found: u64 },
    /// The file ends before its header does.
    TruncatedHeader { needed: u64, found: u64 },
    /// More data bytes than the header promises.
    TrailingBytes { expected: u64, found: u64 },
    /// A raw file whose length is not a whole number of 8-byte values.
    NotWholeValues { bytes: u64 },
    /// A CSV line that is not a number (line numbers start at 1).
    BadNumber { line: usize, text: String },
    /// The CSV file does not start with the expected header line.
    CsvHeader(String),
    /// The last CSV line has no newline: the writer was cut off.
    MissingFinalNewline { line: usize },
    /// The memory map cannot be viewed as `&[f64]` on this machine.
    NotMappable(String),
    /// An error reported by the HDF5 library.
    Hdf5(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => write!(f, "{e}"),
            Error::NotNpy => write!(f, "not a .npy file (it does not start with \\x93NUMPY)"),
            Error::NpyVersion(major, minor) => {
                write!(f, "unsupported .npy format version {major}.{minor}")
            }
            Error::NpyHeader(why) => write!(f, "bad .npy header: {why}"),
            Error::WrongDtype(dtype) => write!(
                f,
                "the file holds dtype '{dtype}', expected '<f8' (little-endian f64)"
            ),
            Error::FortranOrder => write!(
                f,
                "the array is stored in Fortran (column-major) order; save it with \
                 np.ascontiguousarray first"
            ),
            Error::Truncated { expected, found } => write!(
                f,
                "truncated: expected {expected} bytes of data, found {found}"
            ),
            Error::TruncatedHeader { needed, found } => write!(
                f,
                "truncated: the file ends inside its header ({found} of {needed} bytes)"
            ),
            Error::TrailingBytes { expected, found } => write!(
                f,
                "expected {expected} bytes of data, found {found}: extra bytes at the end"
            ),
            Error::NotWholeValues { bytes } => write!(
                f,
                "{bytes} bytes is not a whole number of 8-byte values (truncated?)"
            ),
            Error::BadNumber { line, text } => {
                write!(f, "line {line}: {text:?} is not a number")
            }
            Error::CsvHeader(found) => {
                write!(f, "line 1: expected the header \"value\", found {found:?}")
            }
            Error::MissingFinalNewline { line } => write!(
                f,
                "line {line}: the file ends without a newline (truncated?)"
            ),
            Error::NotMappable(why) => write!(f, "cannot use the mapped file in place: {why}"),
            Error::Hdf5(message) => write!(f, "HDF5: {message}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}
