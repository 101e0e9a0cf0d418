//! Memory-mapped reading: the operating system makes the file's bytes
//! appear in our address space, and loads each 4 KiB page from the page
//! cache (or the disk) the first time it is touched. Nothing is copied
//! into a `Vec`, and a file larger than RAM can still be read.

use crate::Error;
use crate::npy::{check_header, parse_header};
use memmap2::Mmap;
use std::fs::File;
use std::path::Path;

// ANCHOR: mapped
/// A `.npy` file of f64 mapped into memory.
pub struct MappedNpy {
    map: Mmap,
    data_start: usize,
    count: usize,
    shape: Vec<usize>,
}

impl MappedNpy {
    /// Maps `path` and checks its header and length; reads no data.
    pub fn open(path: &Path) -> Result<MappedNpy, Error> {
        let file = File::open(path)?;
        // SAFETY: the map is only valid while nobody changes the file. We
        // only read files this program wrote or was given to read; if
        // another process truncated the file meanwhile, reading the missing
        // pages would stop the program with SIGBUS (that is why `map` is
        // `unsafe`).
        let map = unsafe { Mmap::map(&file)? };
        let (header, data_start) = parse_header(&map)?;
        let count = check_header(&header)?;
        let (expected, found) = (count as u64 * 8, (map.len() - data_start) as u64);
        if found < expected {
            return Err(Error::Truncated { expected, found });
        }
        if found > expected {
            return Err(Error::TrailingBytes { expected, found });
        }
        Ok(MappedNpy {
            map,
            data_start,
            count,
            shape: header.shape,
        })
    }

    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    /// The numbers, in place: a view of the mapped bytes as `&[f64]`. It
    /// works because the file is little-endian like this machine, and the
    /// data starts at a multiple of 64 bytes from a page-aligned map.
    pub fn values(&self) -> Result<&[f64], Error> {
        if cfg!(target_endian = "big") {
            return Err(Error::NotMappable(
                "this machine is big-endian; the file is little-endian".into(),
            ));
        }
        let bytes = &self.map[self.data_start..self.data_start + 8 * self.count];
        bytemuck::try_cast_slice(bytes).map_err(|e| Error::NotMappable(e.to_string()))
    }
}
// ANCHOR_END: mapped

/// Maps a raw file of f64 (no header) and gives the numbers to `f`.
pub fn with_raw_values<T>(path: &Path, f: impl FnOnce(&[f64]) -> T) -> Result<T, Error> {
    let file = File::open(path)?;
    // SAFETY: as in `MappedNpy::open`: the file must not change while mapped.
    let map = unsafe { Mmap::map(&file)? };
    if map.len() % 8 != 0 {
        return Err(Error::NotWholeValues {
            bytes: map.len() as u64,
        });
    }
    if cfg!(target_endian = "big") {
        return Err(Error::NotMappable("this machine is big-endian".into()));
    }
    let values = bytemuck::try_cast_slice(&map).map_err(|e| Error::NotMappable(e.to_string()))?;
    Ok(f(values))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TempDir, bit_identical, tricky_values, truncate};

    #[test]
    fn the_mapped_values_are_the_written_values() {
        let dir = TempDir::new("map");
        let path = dir.join("values.npy");
        for values in [tricky_values(), crate::rng::sample_data(100_000), vec![]] {
            crate::npy::write(&path, &values).unwrap();
            let mapped = MappedNpy::open(&path).unwrap();
            assert_eq!(mapped.shape(), [values.len()]);
            assert!(bit_identical(mapped.values().unwrap(), &values));
        }
        let raw = dir.join("values.f64");
        crate::raw::write(&raw, &tricky_values()).unwrap();
        assert!(with_raw_values(&raw, |v| bit_identical(v, &tricky_values())).unwrap());
    }

    #[test]
    fn mapping_a_bad_file_is_a_clear_error() {
        let dir = TempDir::new("map-bad");
        let path = dir.join("cut.npy");
        crate::npy::write(&path, &[1.0; 100]).unwrap();
        truncate(&path, 128 + 8 * 10 + 3);
        let error = MappedNpy::open(&path).err().unwrap();
        assert_eq!(
            error.to_string(),
            "truncated: expected 800 bytes of data, found 83"
        );
        let raw = dir.join("cut.f64");
        std::fs::write(&raw, [0u8; 12]).unwrap();
        let error = with_raw_values(&raw, |_| ()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "12 bytes is not a whole number of 8-byte values (truncated?)"
        );
    }
}
