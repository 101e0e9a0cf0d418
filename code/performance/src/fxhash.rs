//! A fast, simple hasher for short keys, after the "FxHash" that the Rust
//! compiler uses for its own tables (from Firefox; see the `rustc-hash`
//! crate). It is a few lines, so the course writes it instead of adding a
//! dependency.
//!
//! The standard `HashMap` hashes with SipHash-1-3, which is designed so that
//! an attacker who chooses the keys cannot make the table slow (HashDoS).
//! That protection costs time on every lookup. A word count of a file you
//! trust does not need it.

use std::hash::{BuildHasherDefault, Hasher};

// ANCHOR: fxhasher
/// Mixes the input eight bytes at a time: rotate, xor, multiply.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

/// An odd constant with well-spread bits (from the original FxHash).
const K: u64 = 0x517c_c1b7_2722_0a95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The last 1..7 bytes, packed into one u64 by hand.
            let last = rest.iter().rev().fold(0u64, |acc, &b| acc << 8 | b as u64);
            self.add(last);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(byte as u64);
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    fn write_u128(&mut self, value: u128) {
        self.add(value as u64);
        self.add((value >> 64) as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the best-mixed bits at the top, but the hash
        // table picks a slot with the bottom bits: rotate the top ones down.
        self.hash.rotate_left(26)
    }
}

/// Plugs `FxHasher` into `HashMap::with_hasher` / `HashMap::default`.
pub type FxBuildHasher = BuildHasherDefault<FxHasher>;
// ANCHOR_END: fxhasher

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash_of(word: &str) -> u64 {
        FxBuildHasher::default().hash_one(word)
    }

    #[test]
    fn equal_words_hash_equal_and_different_words_differently() {
        assert_eq!(hash_of("whale"), hash_of(&String::from("whale")));
        let words = [
            "a",
            "b",
            "ab",
            "ba",
            "whale",
            "whales",
            "12345678",
            "123456789",
        ];
        let mut hashes: Vec<u64> = words.iter().map(|w| hash_of(w)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), words.len());
    }

    #[test]
    fn the_mixing_step_is_the_documented_one() {
        let mut h = FxHasher::default();
        h.write_u8(1);
        assert_eq!(h.finish(), K.rotate_left(26));
        let mut h = FxHasher::default();
        1usize.hash(&mut h);
        assert_eq!(h.finish(), K.rotate_left(26));
    }
}
