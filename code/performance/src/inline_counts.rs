//! Word counts whose short keys live inside the hash table.
//!
//! A `HashMap<String, _>` stores, in each slot, a pointer to the word's
//! bytes somewhere else on the heap. A lookup therefore touches two places
//! in memory: the slot, then the bytes to compare (`memcmp`). With tens of
//! thousands of distinct words neither fits in the fastest caches, so a
//! lookup can wait for memory twice. Almost every word is short, so we
//! store it in the slot itself, and compare it as three 64-bit numbers.

use crate::fxhash::FxBuildHasher;
use crate::wordcount::{for_each_word, lowercase_into};
use std::collections::HashMap;

// ANCHOR: short_word
/// A word of at most 15 bytes, kept in one 128-bit number: byte i of the
/// word in byte i of the number, zeros after it, and the length in the top
/// byte (so "a" and "a\0" differ). It lives in registers while it is made
/// and hashed, and two keys compare in one instruction or two.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ShortWord(pub(crate) u128);

impl ShortWord {
    pub const CAPACITY: usize = 15;

    /// `word`, if it is short enough.
    pub fn new(word: &str) -> Option<ShortWord> {
        Self::pack(word.as_bytes(), |byte| byte)
    }

    /// The ASCII word of `len` bytes at `text[start..]`, lower-cased. When
    /// 16 bytes of text follow `start`, they are read as one number and the
    /// bytes after the word are masked off: no loop over the bytes at all.
    pub fn lowercase_ascii(text: &[u8], start: usize, len: usize) -> Option<ShortWord> {
        if len > Self::CAPACITY {
            return None;
        }
        let Some(window) = text.get(start..start + 16) else {
            let word = &text[start..start + len];
            return Self::pack(word, |byte| byte.to_ascii_lowercase());
        };
        let bytes = u128::from_le_bytes(window.try_into().expect("16 bytes"));
        let word = bytes & ((1 << (8 * len)) - 1);
        let length = (len as u128) << (8 * Self::CAPACITY);
        Some(ShortWord(ascii_lowercase(word) | length))
    }

    /// Packs the bytes of `word`, each passed through `map`, into the key.
    #[inline(always)]
    fn pack(bytes: &[u8], map: impl Fn(u8) -> u8) -> Option<ShortWord> {
        if bytes.len() > Self::CAPACITY {
            return None;
        }
        let mut key = (bytes.len() as u128) << (8 * Self::CAPACITY);
        for (i, &byte) in bytes.iter().enumerate() {
            key |= (map(byte) as u128) << (8 * i);
        }
        Some(ShortWord(key))
    }

    pub fn into_string(self) -> String {
        let bytes = self.0.to_le_bytes();
        let len = bytes[Self::CAPACITY] as usize;
        String::from_utf8(bytes[..len].to_vec()).expect("made from a &str")
    }
}
/// Lower-cases the ASCII letters among 16 bytes at once: SIMD within a
/// register. Adding to the low 7 bits of each byte never carries into the
/// next byte, and sets the byte's top bit exactly when the byte is at
/// least a bound; 'A'..='Z' are the bytes past 'A' - 1 but not past 'Z'.
fn ascii_lowercase(bytes: u128) -> u128 {
    const EACH: u128 = u128::MAX / 0xff; // 0x0101...01: one in every byte
    let low7 = bytes & (EACH * 0x7f);
    let past_z = low7 + EACH * (0x80 - b'Z' as u128 - 1);
    let from_a = low7 + EACH * (0x80 - b'A' as u128);
    let upper = from_a & !past_z & !bytes & (EACH * 0x80);
    // 0x80 >> 2 is 0x20, the bit that tells 'a' from 'A'.
    bytes | (upper >> 2)
}
// ANCHOR_END: short_word

// ANCHOR: inline_counts
/// A word's count and the position of its first appearance: with a
/// `ShortWord`, a slot of the table is 32 bytes, half a cache line.
#[derive(Clone, Copy)]
struct Tally {
    count: u64,
    first: usize,
}

/// Ordered word counts: short words in a table of in-place keys, the rare
/// long word in an ordinary `String` table. One running position orders
/// the words of both.
#[derive(Default)]
pub struct InlineCounts {
    short: HashMap<ShortWord, Tally, FxBuildHasher>,
    long: HashMap<String, Tally, FxBuildHasher>,
    lower: String,
}

impl InlineCounts {
    pub fn new() -> Self {
        Self::default()
    }

    fn distinct(&self) -> usize {
        self.short.len() + self.long.len()
    }

    fn add_short(&mut self, key: ShortWord, count: u64) {
        let first = self.distinct();
        self.short
            .entry(key)
            .or_insert(Tally { count: 0, first })
            .count += count;
    }

    /// Counts a word that is already lower-case `count` times.
    fn add_lowercase(&mut self, word: &str, count: u64) {
        if let Some(key) = ShortWord::new(word) {
            return self.add_short(key, count);
        }
        let first = self.distinct();
        match self.long.get_mut(word) {
            Some(tally) => tally.count += count,
            None => {
                self.long.insert(word.to_string(), Tally { count, first });
            }
        }
    }

    /// Counts `word` (not yet lower-cased) once.
    pub fn add(&mut self, word: &str) {
        let mut lower = std::mem::take(&mut self.lower);
        lowercase_into(word, &mut lower);
        self.add_lowercase(&lower, 1);
        self.lower = lower;
    }

    /// Counts every word of `text`.
    /// An ASCII word that fits in a key (almost every word) goes straight
    /// from the text to its key.
    pub fn count_text(&mut self, text: &str) {
        for_each_word(text, |word, start| {
            let key =
                start.and_then(|at| ShortWord::lowercase_ascii(text.as_bytes(), at, word.len()));
            match key {
                Some(key) => self.add_short(key, 1),
                None => self.add(word),
            }
        });
    }

    /// Adds `other`'s counts; words new to `self` keep `other`'s order.
    /// Short keys move from table to table as they are, never as strings.
    pub fn merge(&mut self, other: InlineCounts) {
        for word in other.in_order() {
            match word {
                Word::Short(key, count) => self.add_short(key, count),
                Word::Long(word, count) => self.add_lowercase(&word, count),
            }
        }
    }

    /// Every word with its count, in order of first appearance.
    pub fn into_vec(self) -> Vec<(String, u64)> {
        (self.in_order())
            .map(|word| match word {
                Word::Short(key, count) => (key.into_string(), count),
                Word::Long(word, count) => (word, count),
            })
            .collect()
    }

    /// The words of both tables, in order of first appearance.
    fn in_order(self) -> impl Iterator<Item = Word> {
        let short = (self.short.into_iter()).map(|(key, t)| (t.first, Word::Short(key, t.count)));
        let long = (self.long.into_iter()).map(|(word, t)| (t.first, Word::Long(word, t.count)));
        let mut words: Vec<(usize, Word)> = short.chain(long).collect();
        words.sort_unstable_by_key(|(first, _)| *first);
        words.into_iter().map(|(_, word)| word)
    }
}

/// A counted word, from one table or the other.
enum Word {
    Short(ShortWord, u64),
    Long(String, u64),
}
// ANCHOR_END: inline_counts

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_round_trip_and_long_ones_do_not_fit() {
        for word in ["", "a", "a\0", "straße", "fifteen-bytes!!"] {
            assert_eq!(ShortWord::new(word).unwrap().into_string(), word);
        }
        assert!(ShortWord::new("sixteen-bytes!!!").is_none());
        assert_ne!(ShortWord::new("a"), ShortWord::new("a\0"));
        // Every ASCII byte, at the end of the text and with text after it.
        let all: Vec<u8> = (0u8..128).collect();
        for chunk in all.chunks(15) {
            let expected = String::from_utf8(chunk.to_ascii_lowercase()).unwrap();
            let mut text = chunk.to_vec();
            let at_end = ShortWord::lowercase_ascii(&text, 0, chunk.len()).unwrap();
            text.extend_from_slice(b"AND MORE TEXT AFTER IT");
            let inside = ShortWord::lowercase_ascii(&text, 0, chunk.len()).unwrap();
            assert_eq!(at_end.into_string(), expected);
            assert_eq!(inside.into_string(), expected);
        }
        assert!(ShortWord::lowercase_ascii(b"sixteen-bytes!!!", 0, 16).is_none());
    }

    #[test]
    fn counts_keep_the_order_of_first_appearance_across_both_tables() {
        let long = "Pneumonoultramicroscopicsilicovolcanoconiosis";
        let mut counts = InlineCounts::new();
        counts.count_text(&format!("b {long} A b\u{a0}C {} a", long.to_uppercase()));
        let mut other = InlineCounts::new();
        other.count_text("d B ΣΑΣ");
        counts.merge(other);
        assert_eq!(
            counts.into_vec(),
            [
                ("b".to_string(), 3),
                (long.to_lowercase(), 2),
                ("a".to_string(), 2),
                ("c".to_string(), 1),
                ("d".to_string(), 1),
                ("σας".to_string(), 1),
            ]
        );
    }
}
