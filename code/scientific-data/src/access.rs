//! Sequential and random access to the same bytes. Each function returns a
//! checksum of everything it read that does not depend on the order of
//! reading, so the tests can prove that every order reads every byte.

use crate::Error;
use std::fs::File;
use std::os::unix::fs::FileExt;
use std::path::Path;

/// The block size of the block reads: one page of the page cache.
pub const BLOCK: usize = 4096;

/// Adds the bits of every value with wrap-around: the same total in any order.
pub fn checksum(values: &[f64]) -> u64 {
    values
        .iter()
        .fold(0u64, |sum, v| sum.wrapping_add(v.to_bits()))
}

/// The byte ranges of the 4 KiB blocks of a file of `len` bytes (the last
/// one may be shorter), numbered from 0.
pub fn block_count(len: u64) -> usize {
    len.div_ceil(BLOCK as u64) as usize
}

// ANCHOR: blocks
/// Reads a raw f64 file block by block, in the order given by `order` (a
/// list of block numbers), with one `pread` system call per block.
pub fn read_blocks(path: &Path, order: &[u32]) -> Result<u64, Error> {
    let file = File::open(path)?;
    let len = file.metadata()?.len();
    if len % 8 != 0 {
        return Err(Error::NotWholeValues { bytes: len });
    }
    let mut block = vec![0.0f64; BLOCK / 8];
    let mut sum = 0u64;
    for &number in order {
        let offset = number as u64 * BLOCK as u64;
        let remaining = len.checked_sub(offset).filter(|&r| r > 0).ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                format!("block {number} is past the end of the file"),
            )
        })?;
        let bytes = remaining.min(BLOCK as u64) as usize;
        let values = &mut block[..bytes / 8];
        file.read_exact_at(bytemuck::cast_slice_mut(values), offset)?;
        sum = sum.wrapping_add(checksum(values));
    }
    Ok(sum)
}
// ANCHOR_END: blocks

/// Block numbers `0..count` in order.
pub fn in_order(count: usize) -> Vec<u32> {
    (0..count as u32).collect()
}

// ANCHOR: gather
/// Reads one value at each index of `order`: 8 bytes from wherever the
/// index points.
pub fn gather(values: &[f64], order: &[u32]) -> u64 {
    order.iter().fold(0u64, |sum, &i| {
        sum.wrapping_add(values[i as usize].to_bits())
    })
}
// ANCHOR_END: gather

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{sample_data, shuffled};
    use crate::testing::TempDir;

    #[test]
    fn every_order_reads_every_byte_exactly_once() {
        let dir = TempDir::new("access");
        let path = dir.join("values.f64");
        // 100_000 values: 195 full blocks and a last one of 160 values.
        let values = sample_data(100_000);
        crate::raw::write(&path, &values).unwrap();
        let blocks = block_count(800_000);
        assert_eq!(blocks, 196);
        let expected = checksum(&values);
        assert_eq!(read_blocks(&path, &in_order(blocks)).unwrap(), expected);
        assert_eq!(read_blocks(&path, &shuffled(blocks)).unwrap(), expected);
        assert_eq!(gather(&values, &in_order(values.len())), expected);
        assert_eq!(gather(&values, &shuffled(values.len())), expected);
        crate::mapped::with_raw_values(&path, |mapped| {
            assert_eq!(gather(mapped, &shuffled(mapped.len())), expected);
        })
        .unwrap();
    }

    #[test]
    fn reading_past_the_end_is_an_error_not_a_panic() {
        let dir = TempDir::new("access-bad");
        let path = dir.join("values.f64");
        crate::raw::write(&path, &sample_data(1000)).unwrap();
        assert!(read_blocks(&path, &[0, 1]).is_ok());
        assert_eq!(
            read_blocks(&path, &[2]).unwrap_err().to_string(),
            "block 2 is past the end of the file"
        );
    }
}
