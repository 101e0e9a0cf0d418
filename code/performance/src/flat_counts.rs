//! Word counts in a hash table made for the job.
//!
//! With a vocabulary that grows like a real book's, the table of the
//! `inline-keys` step holds hundreds of thousands of words, far more than
//! the fastest caches, and a lookup of a rarer word waits for memory. The
//! standard table (`hashbrown`) keeps a separate array of one-byte tags
//! beside its slots, so such a lookup waits twice: for the tag, then for
//! the slot. This table is one array of slots, each aligned to half a cache
//! line: a lookup reads one cache line, most of the time.

use crate::fxhash::FxBuildHasher;
use crate::inline_counts::ShortWord;
use crate::wordcount::{for_each_word, for_each_word_masked, lowercase_into};
use std::collections::HashMap;

// ANCHOR: flat_table
/// A slot: a short word (the empty word marks a free slot), its count and
/// the position of its first appearance. 32 bytes, aligned to 32 bytes, so
/// a slot never straddles two cache lines.
#[derive(Clone, Copy, Default)]
#[repr(align(32))]
struct Slot {
    key: ShortWord,
    count: u64,
    first: u64,
}

/// Open addressing with linear probing: a word lives in the slot its hash
/// picks or, if that is taken, in the next free one after it. A lookup
/// stops at the word or at a free slot, almost always in the same line.
pub struct FlatTable {
    slots: Vec<Slot>,
    used: usize,
    bits: u32,
}

impl FlatTable {
    pub fn new() -> Self {
        Self::with_bits(10)
    }

    /// The slot where `key`'s search starts: two multiplications by an odd
    /// constant mix every byte of the key into the top bits of the product,
    /// and the top `bits` bits pick one of the 2^bits slots.
    fn home(&self, key: ShortWord) -> usize {
        const K: u64 = 0x9e37_79b9_7f4a_7c15; // 2^64 divided by the golden ratio
        let (low, high) = (key.0 as u64, (key.0 >> 64) as u64);
        let hash = (low.wrapping_mul(K) ^ high).wrapping_mul(K);
        (hash >> (64 - self.bits)) as usize
    }

    /// Adds `count` to `key` (never the empty word); a new key gets `first`
    /// as its position. Returns whether the key was new.
    pub fn add(&mut self, key: ShortWord, count: u64, first: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = &mut self.slots[i];
            if slot.key == key {
                slot.count += count;
                return false;
            }
            if slot.key == ShortWord::default() {
                *slot = Slot { key, count, first };
                self.used += 1;
                // Keep a quarter of the slots free, so that searches stay short.
                if 4 * self.used > 3 * self.slots.len() {
                    self.grow();
                }
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    /// Twice the slots: every word moves to its place in the larger table.
    fn grow(&mut self) {
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); 2 << self.bits]);
        self.bits += 1;
        let mask = self.slots.len() - 1;
        for slot in old.into_iter().filter(|s| s.key != ShortWord::default()) {
            let mut i = self.home(slot.key);
            while self.slots[i].key != ShortWord::default() {
                i = (i + 1) & mask;
            }
            self.slots[i] = slot;
        }
    }
}
// ANCHOR_END: flat_table

impl FlatTable {
    /// A table of 2^bits slots.
    pub fn with_bits(bits: u32) -> Self {
        FlatTable {
            slots: vec![Slot::default(); 1 << bits],
            used: 0,
            bits,
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Makes room for `words` words in all (three quarters of the slots)
    /// in one step, instead of doubling the table again and again.
    pub fn reserve(&mut self, words: usize) {
        let bits = (4 * words / 3).next_power_of_two().trailing_zeros();
        if bits > self.bits {
            let old = std::mem::replace(self, FlatTable::with_bits(bits));
            for (key, count, first) in old.into_entries() {
                self.add(key, count, first);
            }
        }
    }

    /// The words whose home slot is in part `shard` of `shards` equal parts
    /// of the table (`shards` a power of two, at most the number of slots),
    /// with their counts and first positions. The parts follow the top bits
    /// of the hash, so each word is in exactly one, whatever the table's
    /// size. A word sits at or after its home slot with no free slot
    /// between: the scan goes past the part's end while slots are taken.
    pub fn shard(
        &self,
        shard: usize,
        shards: usize,
    ) -> impl Iterator<Item = (ShortWord, u64, u64)> {
        debug_assert!(shards.is_power_of_two() && shards <= self.slots.len());
        let shift = self.bits - shards.trailing_zeros();
        let (start, end) = (shard << shift, (shard + 1) << shift);
        let mask = self.slots.len() - 1;
        (start..)
            .map(move |i| (i, &self.slots[i & mask]))
            .take_while(move |(i, slot)| *i < end || slot.key != ShortWord::default())
            .filter(move |(_, slot)| {
                slot.key != ShortWord::default() && self.home(slot.key) >> shift == shard
            })
            .map(|(_, slot)| (slot.key, slot.count, slot.first))
    }

    /// Every word with its count and first position, in no particular order.
    pub fn into_entries(self) -> impl Iterator<Item = (ShortWord, u64, u64)> {
        (self.slots.into_iter())
            .filter(|s| s.key != ShortWord::default())
            .map(|s| (s.key, s.count, s.first))
    }
}

impl Default for FlatTable {
    fn default() -> Self {
        Self::new()
    }
}

// ANCHOR: prefetch
impl FlatTable {
    /// Asks the CPU to start loading `key`'s slot into the cache, without
    /// waiting for it: a search a little later finds the slot there.
    pub fn prefetch(&self, key: ShortWord) {
        #[cfg(target_arch = "x86_64")]
        {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            let slot: *const Slot = &self.slots[self.home(key)];
            // SAFETY: `_mm_prefetch` needs only SSE, which every x86-64 CPU
            // has, and a prefetch is a hint: it reads nothing into the
            // program and never faults.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(slot.cast()) };
        }
    }
}

/// Ordered word counts: short words in the flat table, long ones in an
/// ordinary `String` table; one running position orders both.
#[derive(Default)]
pub struct FlatCounts {
    short: FlatTable,
    long: HashMap<String, Tally, FxBuildHasher>,
    distinct: u64,
    lower: String,
    batch: [ShortWord; BATCH],
    waiting: usize,
}

const BATCH: usize = 16;

impl FlatCounts {
    /// Counts one word of `text` that a scan found (see `for_each_word`).
    /// An ASCII word that fits in a key goes straight from the text to its
    /// key, and waits in a batch: its slot is requested at once (a
    /// prefetch), and it is counted when the batch is full, by which time
    /// the slots of the whole batch are on their way to the cache: the
    /// waits for memory overlap instead of adding up.
    pub fn add_word(&mut self, text: &str, word: &str, start: Option<usize>) {
        match start.and_then(|at| ShortWord::lowercase_ascii(text.as_bytes(), at, word.len())) {
            Some(key) => {
                self.short.prefetch(key);
                self.batch[self.waiting] = key;
                self.waiting += 1;
                if self.waiting == BATCH {
                    self.flush();
                }
            }
            None => {
                self.flush(); // count in the order of the text
                self.add(word)
            }
        }
    }

    /// Counts the words waiting in the batch.
    fn flush(&mut self) {
        for i in 0..self.waiting {
            self.add_short(self.batch[i]);
        }
        self.waiting = 0;
    }

    /// Counts every word of `text`.
    pub fn count_text(&mut self, text: &str) {
        for_each_word(text, |word, start| self.add_word(text, word, start));
    }

    /// Counts every word of `text`, found 64 bytes at a time.
    pub fn count_text_masked(&mut self, text: &str) {
        for_each_word_masked(text, |word, start| self.add_word(text, word, start));
    }
}
// ANCHOR_END: prefetch

/// A word's count and first position, for the rare long word.
#[derive(Clone, Copy)]
struct Tally {
    count: u64,
    first: u64,
}

impl FlatCounts {
    pub fn new() -> Self {
        Self::default()
    }

    fn add_short(&mut self, key: ShortWord) {
        if self.short.add(key, 1, self.distinct) {
            self.distinct += 1;
        }
    }

    /// Counts `word` (not yet lower-cased) once: the slow path.
    fn add(&mut self, word: &str) {
        let mut lower = std::mem::take(&mut self.lower);
        lowercase_into(word, &mut lower);
        match ShortWord::new(&lower) {
            Some(key) => self.add_short(key),
            None => match self.long.get_mut(lower.as_str()) {
                Some(tally) => tally.count += 1,
                None => {
                    let tally = Tally {
                        count: 1,
                        first: self.distinct,
                    };
                    self.long.insert(lower.clone(), tally);
                    self.distinct += 1;
                }
            },
        }
        self.lower = lower;
    }

    /// How many distinct words were counted.
    pub fn len(&self) -> usize {
        self.distinct as usize
    }

    pub fn is_empty(&self) -> bool {
        self.distinct == 0
    }

    /// Makes room for about `words` distinct words in all.
    pub fn reserve(&mut self, words: usize) {
        self.short.reserve(words);
    }

    /// Counts the words still waiting in the batch: call it when the text
    /// is done, before `shard`.
    pub fn finish(&mut self) {
        self.flush();
    }

    /// The words of part `shard` of `shards` (see `FlatTable::shard`) with
    /// their counts and first positions; part number `shards`, one more,
    /// holds the long words. Call `finish` first.
    pub fn shard(
        &self,
        shard: usize,
        shards: usize,
    ) -> Box<dyn Iterator<Item = (Word, u64, u64)> + '_> {
        if shard < shards {
            let short = self.short.shard(shard, shards);
            Box::new(short.map(|(key, count, first)| (Word::Short(key), count, first)))
        } else {
            let long = self.long.iter();
            Box::new(long.map(|(word, t)| (Word::Long(word.clone()), t.count, t.first)))
        }
    }

    /// Every word with its count, first position and key, in no order.
    pub fn into_words(mut self) -> impl Iterator<Item = (Word, u64, u64)> {
        self.flush();
        let short =
            (self.short.into_entries()).map(|(key, count, first)| (Word::Short(key), count, first));
        let long = (self.long.into_iter()).map(|(word, t)| (Word::Long(word), t.count, t.first));
        short.chain(long)
    }

    /// Every word with its count, in order of first appearance. The first
    /// positions are 0, 1, 2, …: each word goes straight to its place, with
    /// no sort.
    pub fn into_vec(mut self) -> Vec<(String, u64)> {
        self.flush();
        let mut words = vec![(String::new(), 0); self.distinct as usize];
        for (word, count, first) in self.into_words() {
            words[first as usize] = (word.into_string(), count);
        }
        words
    }
}

/// A counted word, short (a key) or long.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Word {
    Short(ShortWord),
    Long(String),
}

impl Word {
    pub fn into_string(self) -> String {
        match self {
            Word::Short(key) => key.into_string(),
            Word::Long(word) => word,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserving_room_keeps_every_word() {
        let mut table = FlatTable::new();
        for i in 0..500u64 {
            table.add(ShortWord::new(&format!("w{i}")).unwrap(), i + 1, i);
        }
        table.reserve(100_000);
        assert_eq!(table.slots.len(), 1 << 18);
        assert_eq!(table.len(), 500);
        let key = ShortWord::new("w7").unwrap();
        assert!(!table.add(key, 1, 999), "still there");
        let mut words: Vec<_> = table.into_entries().map(|(_, c, f)| (f, c)).collect();
        words.sort_unstable();
        assert_eq!(words[7], (7, 9));
        assert_eq!(words.len(), 500);
    }

    #[test]
    fn every_word_is_in_exactly_one_shard() {
        let mut table = FlatTable::new();
        for i in 0..5000u64 {
            let word = format!("w{}", i.wrapping_mul(0x9e37_79b9) % 100_000);
            table.add(ShortWord::new(&word).unwrap(), 1, i);
        }
        for shards in [1, 4, 256] {
            let mut seen: Vec<_> = (0..shards)
                .flat_map(|shard| table.shard(shard, shards))
                .map(|(key, count, first)| (key.0, count, first))
                .collect();
            let mut all: Vec<_> = (table.slots.iter())
                .filter(|s| s.key != ShortWord::default())
                .map(|s| (s.key.0, s.count, s.first))
                .collect();
            seen.sort_unstable();
            all.sort_unstable();
            assert_eq!(seen, all, "{shards} shards");
        }
    }
}
