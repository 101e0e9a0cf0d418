//! Case study: the word count of the lesson's `word-count-hpda` project,
//! ported to Rust with exactly its semantics, then made faster one step at a
//! time. Every `count_*` function returns the same thing: each distinct
//! word with its count, in the order the words first appear in the text.
//!
//! The semantics (those of the Python program in `python/wordcount.py`):
//! replace each of 26 ASCII punctuation characters by a space, split on
//! whitespace as Python's `str.split()` does, lower-case each word as
//! Python's `str.lower()` does, count.

use crate::flat_counts::{FlatCounts, Word};
use crate::fxhash::FxBuildHasher;
use crate::inline_counts::InlineCounts;
use rayon::prelude::*;
use std::cmp::Reverse;
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

// ANCHOR: semantics
/// The characters the Python program replaces by spaces before splitting.
pub const DELIMITERS: [char; 26] = [
    '.', ',', ';', ':', '?', '$', '@', '^', '<', '>', '#', '%', '`', '!', '*', '-', '=', '(', ')',
    '[', ']', '{', '}', '/', '"', '\'',
];

/// Whitespace as Python's `str.split()` sees it. Rust's `char::is_whitespace`
/// follows Unicode's White_Space property; Python also splits on the four
/// ASCII "information separators" U+001C..U+001F. Nothing else differs (a
/// test checks every code point against Python when Python is installed).
pub fn is_python_whitespace(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}
// ANCHOR_END: semantics

// ANCHOR: ordered_counts
/// Counts that remember the order in which words first appeared, like a
/// Python `dict`: each word maps to its count and its first position.
pub struct WordCounts<S = RandomState> {
    map: HashMap<String, Tally, S>,
}

#[derive(Clone, Copy)]
struct Tally {
    count: u64,
    first: usize,
}

impl<S: BuildHasher + Default> WordCounts<S> {
    pub fn new() -> Self {
        WordCounts {
            map: HashMap::default(),
        }
    }

    /// Counts `word`, which the caller already owns.
    pub fn add_owned(&mut self, word: String) {
        let first = self.map.len();
        self.map
            .entry(word)
            .or_insert(Tally { count: 0, first })
            .count += 1;
    }

    /// Counts `word` `count` times; allocates only for a word not seen before.
    pub fn add(&mut self, word: &str, count: u64) {
        if let Some(tally) = self.map.get_mut(word) {
            tally.count += count;
        } else {
            let first = self.map.len();
            self.map.insert(word.to_string(), Tally { count, first });
        }
    }

    /// Adds `other`'s counts; words new to `self` keep `other`'s order.
    pub fn merge(&mut self, other: WordCounts<S>) {
        for (word, count) in other.into_vec() {
            self.add(&word, count);
        }
    }

    /// Every word with its count, in order of first appearance.
    pub fn into_vec(self) -> Vec<(String, u64)> {
        let mut words: Vec<(String, Tally)> = self.map.into_iter().collect();
        words.sort_unstable_by_key(|(_, tally)| tally.first);
        words
            .into_iter()
            .map(|(word, tally)| (word, tally.count))
            .collect()
    }
}

impl<S: BuildHasher + Default> Default for WordCounts<S> {
    fn default() -> Self {
        Self::new()
    }
}
// ANCHOR_END: ordered_counts

// ANCHOR: plain
/// Step 0, the plain port: the whole file in memory, 26 passes of `replace`
/// over every line (each one a new `String`), a new `String` per word.
pub fn count_plain(path: &Path) -> io::Result<Vec<(String, u64)>> {
    let text = std::fs::read_to_string(path)?;
    let mut counts: WordCounts = WordCounts::new();
    for line in text.lines() {
        let mut line = line.to_string();
        for delimiter in DELIMITERS {
            line = line.replace(delimiter, " ");
        }
        for word in line.split(is_python_whitespace).filter(|w| !w.is_empty()) {
            counts.add_owned(word.to_lowercase());
        }
    }
    Ok(counts.into_vec())
}
// ANCHOR_END: plain

// ANCHOR: buffered
/// Step 1: read through a buffer, one line at a time into the same `String`,
/// and clean each line in one pass instead of 26.
pub fn count_buffered(path: &Path) -> io::Result<Vec<(String, u64)>> {
    let mut reader = BufReader::new(std::fs::File::open(path)?);
    let mut counts: WordCounts = WordCounts::new();
    let (mut line, mut clean) = (String::new(), String::new());
    while reader.read_line(&mut line)? > 0 {
        clean.clear();
        clean.extend(
            line.chars()
                .map(|c| if DELIMITERS.contains(&c) { ' ' } else { c }),
        );
        for word in clean.split(is_python_whitespace).filter(|w| !w.is_empty()) {
            counts.add_owned(word.to_lowercase());
        }
        line.clear();
    }
    Ok(counts.into_vec())
}
// ANCHOR_END: buffered

// ANCHOR: no_alloc
/// Lower-cases `word` into `out`, reusing its memory. ASCII words (almost
/// all of them) take the fast path; others use `str::to_lowercase`, which
/// knows Unicode's special cases (a final capital sigma becomes 'ς').
pub fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Step 2: no allocation per word. The lower-cased word goes into one
/// reused buffer, and the map is searched with a `&str`; a `String` is made
/// only for a word seen for the first time.
pub fn count_no_alloc(path: &Path) -> io::Result<Vec<(String, u64)>> {
    let mut reader = BufReader::new(std::fs::File::open(path)?);
    let mut counts: WordCounts = WordCounts::new();
    let (mut line, mut clean, mut lower) = (String::new(), String::new(), String::new());
    while reader.read_line(&mut line)? > 0 {
        clean.clear();
        clean.extend(
            line.chars()
                .map(|c| if DELIMITERS.contains(&c) { ' ' } else { c }),
        );
        for word in clean.split(is_python_whitespace).filter(|w| !w.is_empty()) {
            lowercase_into(word, &mut lower);
            counts.add(&lower, 1);
        }
        line.clear();
    }
    Ok(counts.into_vec())
}
// ANCHOR_END: no_alloc

// ANCHOR: bytes
/// Which bytes end a word: the 26 delimiters and Python's ASCII whitespace
/// (space, \t \n \x0b \x0c \r and \x1c..\x1f). Every one is ASCII, and in
/// UTF-8 an ASCII byte is always a whole character, never part of one.
const SEPARATOR: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < DELIMITERS.len() {
        table[DELIMITERS[i] as usize] = true;
        i += 1;
    }
    let whitespace = b" \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f";
    let mut i = 0;
    while i < whitespace.len() {
        table[whitespace[i] as usize] = true;
        i += 1;
    }
    table
};

/// Calls `f` with every word of `text`, split as Python splits it but not
/// yet lower-cased, and, for a pure-ASCII word, where it starts in `text`
/// (`None` for a word with other characters). A run of bytes
/// between separators is a word if it is pure ASCII; if it holds other
/// characters, it may still contain Unicode whitespace (such as U+00A0), so
/// that rare case goes through the exact Unicode rules.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, Option<usize>)) {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        while start < bytes.len() && SEPARATOR[bytes[start] as usize] {
            start += 1;
        }
        let mut end = start;
        let mut ascii = true;
        while end < bytes.len() && !SEPARATOR[bytes[end] as usize] {
            ascii &= bytes[end] < 0x80;
            end += 1;
        }
        if start == end {
            break;
        }
        emit(text, start, end, ascii, &mut f);
        start = end;
    }
}

/// Hands `f` the run `text[start..end]`: one word, with its place, when
/// it is pure ASCII; otherwise the words Python's Unicode whitespace rules
/// find in it. (Cutting at ASCII bytes always lands on a character boundary.)
fn emit(
    text: &str,
    start: usize,
    end: usize,
    ascii: bool,
    f: &mut impl FnMut(&str, Option<usize>),
) {
    let token = &text[start..end];
    if ascii {
        f(token, Some(start));
    } else {
        for word in token.split(is_python_whitespace).filter(|w| !w.is_empty()) {
            f(word, None);
        }
    }
}

/// Counts the words of `text`, lower-cased, into `counts`.
pub fn count_text<S: BuildHasher + Default>(text: &str, counts: &mut WordCounts<S>) {
    let mut lower = String::new();
    for_each_word(text, |word, _| {
        lowercase_into(word, &mut lower);
        counts.add(&lower, 1);
    });
}

/// Reads `reader` in blocks of about `block` bytes and hands `f` each block
/// cut after its last separator, so no word is split between two blocks.
/// Fails like `read_to_string` if the text is not valid UTF-8.
pub fn for_each_block(
    mut reader: impl Read,
    block: usize,
    mut f: impl FnMut(&str),
) -> io::Result<()> {
    let mut buffer = vec![0u8; block.max(1)];
    let mut filled = 0;
    loop {
        if filled == buffer.len() {
            // One word longer than the buffer: make room for more of it.
            buffer.resize(2 * buffer.len(), 0);
        }
        let read = reader.read(&mut buffer[filled..])?;
        filled += read;
        let at_end = read == 0;
        let cut = if at_end {
            filled
        } else {
            match buffer[..filled]
                .iter()
                .rposition(|&b| SEPARATOR[b as usize])
            {
                Some(last) => last + 1,
                None => continue,
            }
        };
        let text = std::str::from_utf8(&buffer[..cut]).map_err(|_| not_utf8())?;
        f(text);
        buffer.copy_within(cut..filled, 0);
        filled -= cut;
        if at_end {
            return Ok(());
        }
    }
}

/// The error `read_to_string` gives for a file that is not UTF-8.
fn not_utf8() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "stream did not contain valid UTF-8",
    )
}

/// Block size of the byte-level steps: large enough that the cost of a
/// `read` call disappears, small enough to stay in the CPU's caches.
pub const BLOCK: usize = 256 * 1024;

/// Step 3: byte-level scanning of large blocks, with the standard hasher.
pub fn count_bytes(path: &Path) -> io::Result<Vec<(String, u64)>> {
    count_blocks::<RandomState>(path, BLOCK)
}

/// The byte-level word count with any hasher and block size.
pub fn count_blocks<S: BuildHasher + Default>(
    path: &Path,
    block: usize,
) -> io::Result<Vec<(String, u64)>> {
    let mut counts: WordCounts<S> = WordCounts::new();
    let file = std::fs::File::open(path)?;
    for_each_block(file, block, |text| count_text(text, &mut counts))?;
    Ok(counts.into_vec())
}
// ANCHOR_END: bytes

// ANCHOR: fxhash
/// Step 4: the same scan with a faster hasher for the map.
pub fn count_fxhash(path: &Path) -> io::Result<Vec<(String, u64)>> {
    count_blocks::<FxBuildHasher>(path, BLOCK)
}
// ANCHOR_END: fxhash

// ANCHOR: inline_keys
/// Step 5: the same scan, counting into a table whose short keys are
/// stored in place (see `InlineCounts`): one memory access per lookup.
pub fn count_inline_keys(path: &Path) -> io::Result<Vec<(String, u64)>> {
    let mut counts = InlineCounts::new();
    let file = std::fs::File::open(path)?;
    for_each_block(file, BLOCK, |text| counts.count_text(text))?;
    Ok(counts.into_vec())
}
// ANCHOR_END: inline_keys

// ANCHOR: flat_table
/// Step 6: the same scan, counting into a table made for the job (see
/// `FlatTable`): one cache line per lookup, and no sort at the end.
pub fn count_flat_table(path: &Path) -> io::Result<Vec<(String, u64)>> {
    let mut counts = FlatCounts::new();
    let file = std::fs::File::open(path)?;
    for_each_block(file, BLOCK, |text| counts.count_text(text))?;
    Ok(counts.into_vec())
}
// ANCHOR_END: flat_table

// ANCHOR: word_masks
/// Like `for_each_word`, but finds the words 64 bytes at a time. A first
/// loop, without a single branch, turns 64 bytes into a 64-bit mask (bit i
/// set if byte i is a separator); a word starts or ends wherever the mask
/// changes from one bit to the next, and `trailing_zeros` jumps from one
/// such edge to the next. The loop per byte of `for_each_word` guessed at
/// every word's end whether the word goes on, and guessed wrong at about
/// one byte in six.
pub fn for_each_word_masked(text: &str, mut f: impl FnMut(&str, Option<usize>)) {
    let bytes = text.as_bytes();
    // The word being read: where it starts, and how many non-ASCII bytes
    // the text has before that.
    let mut word: Option<(usize, u32)> = None;
    let mut separator_before = 1; // the text starts after a separator
    let mut non_ascii_before = 0; // non-ASCII bytes before this chunk
    for (c, chunk) in bytes.chunks(64).enumerate() {
        let (mut separators, mut non_ascii) = (0u64, 0u64);
        for (i, &byte) in chunk.iter().enumerate() {
            separators |= (SEPARATOR[byte as usize] as u64) << i;
            non_ascii |= ((byte >> 7) as u64) << i;
        }
        if chunk.len() < 64 {
            separators |= u64::MAX << chunk.len(); // the end of the text
        }
        let mut edges = separators ^ (separators << 1 | separator_before);
        separator_before = separators >> 63;
        while edges != 0 {
            let bit = edges.trailing_zeros();
            edges &= edges - 1;
            let at = c * 64 + bit as usize;
            // Non-ASCII bytes before `at`: a word is ASCII if it has none.
            let seen = non_ascii_before + (non_ascii & ((1 << bit) - 1)).count_ones();
            match word.take() {
                None => word = Some((at, seen)),
                Some((start, before)) => emit(text, start, at, seen == before, &mut f),
            }
        }
        non_ascii_before += non_ascii.count_ones();
    }
    if let Some((start, before)) = word {
        emit(text, start, bytes.len(), non_ascii_before == before, &mut f);
    }
}

/// Step 7: the flat table, with words found 64 bytes at a time.
pub fn count_word_masks(path: &Path) -> io::Result<Vec<(String, u64)>> {
    let mut counts = FlatCounts::new();
    let file = std::fs::File::open(path)?;
    for_each_block(file, BLOCK, |text| counts.count_text_masked(text))?;
    Ok(counts.into_vec())
}
// ANCHOR_END: word_masks

// ANCHOR: rayon
/// Step 8: all cores. The file is cut into pieces at separators, two per
/// core, and each piece is read and counted on its own, in parallel
/// (reading too: no thread waits for one big read). Merging the pieces'
/// counts is parallel too: each word belongs to one of many *shards* (by a
/// hash), and each shard is merged on its own, piece after piece, so that
/// a word's first position is the one in the first piece that has it.
pub fn count_rayon(path: &Path) -> io::Result<Vec<(String, u64)>> {
    // Cutting needs a length to cut and a file to seek in. A pipe or a FIFO
    // has neither, and a /proc file says its length is 0: such input is
    // read once, in order, by the step before.
    let metadata = std::fs::metadata(path)?;
    if !metadata.is_file() || metadata.len() == 0 {
        return count_word_masks(path);
    }
    count_file_in_pieces(path, 2 * rayon::current_num_threads())
}

/// Shards: enough that each shard's table is small (a few thousand words
/// for a vocabulary of hundreds of thousands) and every core gets several.
pub const SHARDS: usize = 256;

/// Counts the file at `path` in (at most) `pieces` pieces in parallel.
pub fn count_file_in_pieces(path: &Path, pieces: usize) -> io::Result<Vec<(String, u64)>> {
    let cuts = cut_points(path, pieces)?;
    // 1. Count each piece.
    let pieces: Vec<FlatCounts> = cuts
        .par_windows(2)
        .map(|piece| count_piece(path, piece[0], piece[1]))
        .collect::<io::Result<_>>()?;
    // 2. Merge each shard, piece after piece (one more shard: long words).
    let mut words: Vec<(u64, Word, u64)> = (0..=SHARDS)
        .into_par_iter()
        .flat_map_iter(|shard| merge_shard(&pieces, shard))
        .collect();
    // 3. All words in order of first appearance.
    words.par_sort_unstable_by_key(|(first, _, _)| *first);
    // 4. Only now make a `String` of each word: in this order, the report's
    //    rows (most of them rare words, in order of first appearance among
    //    equal counts) read them from memory one after the other.
    Ok(words
        .into_par_iter()
        .map(|(_, word, count)| (word.into_string(), count))
        .collect())
}

/// Counts the bytes `start..end` of the file at `path`.
fn count_piece(path: &Path, start: u64, end: u64) -> io::Result<FlatCounts> {
    let mut file = std::fs::File::open(path)?;
    file.seek(SeekFrom::Start(start))?;
    let mut counts = FlatCounts::new();
    let mut first_block = true;
    // A piece starts just after an ASCII byte, so it is valid UTF-8
    // exactly when the whole file is.
    for_each_block(file.take(end - start), BLOCK, |text| {
        counts.count_text_masked(text);
        if first_block {
            // Guess the whole piece's vocabulary from its first block, and
            // make room for it at once instead of doubling the table again
            // and again (each time into fresh memory).
            let words = vocabulary(counts.len(), text.len(), end - start);
            counts.reserve(words);
            first_block = false;
        }
    })?;
    counts.finish();
    Ok(counts)
}

/// About how many distinct words a text of `bytes` bytes has, if its first
/// `part` bytes have `words`. By Heaps' law the vocabulary of a text grows
/// like its length to a power β, about 0.4 to 0.6 for books; 0.6 errs on
/// the side of room (a table too small still grows, one too large wastes
/// the cache and the TLB).
fn vocabulary(words: usize, part: usize, bytes: u64) -> usize {
    let ratio = bytes as f64 / part.max(1) as f64;
    (words as f64 * ratio.max(1.0).powf(0.6)) as usize
}

/// Merges one shard of every piece's table: each word with its first
/// position, (piece, position in the piece), which orders like the whole
/// text (a piece has fewer than 2^32 words). A shard is a range of each
/// table's slots (the top bits of the hash), so no piece has to sort its
/// words into shards first; the merge table hashes differently (all of a
/// shard's words share those top bits).
fn merge_shard(pieces: &[FlatCounts], shard: usize) -> Vec<(u64, Word, u64)> {
    let words: usize = pieces.iter().map(|p| p.len()).sum();
    let mut counts: HashMap<Word, (u64, u64), FxBuildHasher> =
        HashMap::with_capacity_and_hasher(words / SHARDS, FxBuildHasher::default());
    for (piece, table) in pieces.iter().enumerate() {
        for (word, count, first) in table.shard(shard, SHARDS) {
            let first = (piece as u64) << 32 | first;
            counts.entry(word).or_insert((0, first)).0 += count;
        }
    }
    (counts.into_iter())
        .map(|(word, (count, first))| (first, word, count))
        .collect()
}

/// Byte offsets that cut the file at `path` into about `pieces` parts of
/// similar size: 0, then each ideal cut moved forward to just after the
/// next separator, then the file's length.
pub fn cut_points(path: &Path, pieces: usize) -> io::Result<Vec<u64>> {
    let mut file = std::fs::File::open(path)?;
    let len = file.metadata()?.len();
    let pieces = pieces.max(1) as u64;
    let mut cuts = vec![0];
    let mut window = [0u8; 4096];
    for i in 1..pieces {
        let mut at = (len * i / pieces).max(*cuts.last().expect("starts with 0"));
        // The byte before `at` must be a separator; skip to the next one.
        file.seek(SeekFrom::Start(at.saturating_sub(1)))?;
        'search: while at > 0 && at < len {
            let read = file.read(&mut window)?;
            if read == 0 {
                at = len;
                break;
            }
            for &byte in &window[..read] {
                if SEPARATOR[byte as usize] {
                    break 'search;
                }
                at += 1;
            }
        }
        cuts.push(at.min(len));
    }
    cuts.push(len);
    cuts.dedup();
    Ok(cuts)
}

// ANCHOR_END: rayon

// ANCHOR: report
/// One output line: word, count, percentage of all words in the output.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub word: String,
    pub count: u64,
    pub percent: f64,
}

/// Sorts by decreasing count (ties keep the order of first appearance, as
/// with Python's stable `sorted`), keeps words of at least `min_length`
/// characters, and computes percentages of what is kept.
/// With hundreds of thousands of distinct words this is real work, so it
/// runs on rayon's pool: on all cores for the `rayon` step, on one thread
/// for the others (see `word_count_on`).
pub fn report(counts: Vec<(String, u64)>, min_length: usize) -> Vec<Row> {
    // Each word with its place in the order of first appearance.
    let mut kept: Vec<(Reverse<u64>, usize, String)> = (counts.into_par_iter().enumerate())
        .filter(|(_, (word, _))| min_length <= 1 || word.chars().count() >= min_length)
        .map(|(first, (word, count))| (Reverse(count), first, word))
        .collect();
    // No two words have the same key (count, first place), so an unstable
    // sort, which needs no second buffer, gives the stable sort's order.
    kept.par_sort_unstable_by_key(|(count, first, _)| (*count, *first));
    let total: u64 = kept.par_iter().map(|(count, _, _)| count.0).sum();
    kept.into_par_iter()
        .map(|(Reverse(count), _, word)| Row {
            percent: (count as f64 / total as f64) * 100.0,
            word,
            count,
        })
        .collect()
}

/// Writes one `word count percentage` line per row, the percentage printed
/// exactly as Python prints a float. Blocks of rows are formatted on
/// rayon's pool, and written in order.
pub fn write_report(rows: &[Row], out: &mut impl Write) -> io::Result<()> {
    let blocks: Vec<Vec<u8>> = rows.par_chunks(1 << 14).map(format_rows).collect();
    for block in blocks {
        out.write_all(&block)?;
    }
    Ok(())
}

fn format_rows(rows: &[Row]) -> Vec<u8> {
    let mut block = Vec::with_capacity(rows.len() * 32);
    // The rows are sorted by count, and equal counts have equal percentages:
    // format " count percentage" once per run of equal counts, not once per
    // row (with a large vocabulary, most rows are rare words, seen once).
    let mut tail = (0, String::new());
    for row in rows {
        if row.count != tail.0 || tail.1.is_empty() {
            tail = (
                row.count,
                format!(" {} {}\n", row.count, python_float(row.percent)),
            );
        }
        block.extend_from_slice(row.word.as_bytes());
        block.extend_from_slice(tail.1.as_bytes());
    }
    block
}
// ANCHOR_END: report

// ANCHOR: python_float
/// A float as Python's `str(x)` writes it: the shortest digits that read
/// back as the same number (Rust finds the same digits), always with a
/// decimal point, and in scientific notation (`1.25e-05`) when the decimal
/// exponent is below -4 or above 15.
pub fn python_float(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return match x {
            x if x.is_nan() => "nan".into(),
            x if x.is_infinite() => if x > 0.0 { "inf" } else { "-inf" }.into(),
            x if x.is_sign_negative() => "-0.0".into(),
            _ => "0.0".into(),
        };
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let scientific = format!("{:e}", x.abs()); // e.g. "1.25e-5"
    let (mantissa, exponent) = scientific.split_once('e').expect("{:e} has an exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let exponent: i32 = exponent.parse().expect("a whole-number exponent");
    // The decimal point goes after `point` digits: x = 0.DIGITS * 10^point.
    let point = exponent + 1;
    let n = digits.len() as i32;
    let body = if point > -4 && point <= 16 {
        if point <= 0 {
            format!("0.{}{digits}", "0".repeat(-point as usize))
        } else if point >= n {
            format!("{digits}{}.0", "0".repeat((point - n) as usize))
        } else {
            let (int, frac) = digits.split_at(point as usize);
            format!("{int}.{frac}")
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let e = point - 1;
        format!(
            "{first}{dot}e{}{:02}",
            if e < 0 { '-' } else { '+' },
            e.abs()
        )
    };
    format!("{sign}{body}")
}
// ANCHOR_END: python_float

/// A counting step: what every `count_*` function above is.
pub type Step = fn(&Path) -> io::Result<Vec<(String, u64)>>;

// ANCHOR: word_count
/// The whole program, like the Python `word_count`: count `input` with
/// `step`, sort, filter, and write the report to `output`. The errors say
/// which file was the problem. The report goes to a temporary file that
/// replaces `output` only once it is complete, so a full disk never leaves
/// a report that ends mid-line.
pub fn word_count(
    step: Step,
    input: &Path,
    output: &Path,
    min_length: usize,
) -> Result<(), String> {
    let counts = step(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let rows = report(counts, min_length);
    course_cli::files::write_atomically(output, |out| write_report(&rows, out))
        .map_err(|e| e.to_string())
}
// ANCHOR_END: word_count

// ANCHOR: word_count_on
/// `word_count` as the page measures it: the `rayon` step on all cores,
/// every other step on a pool of one thread (its report too).
pub fn word_count_on(
    name: &str,
    step: Step,
    input: &Path,
    output: &Path,
    min_length: usize,
) -> Result<(), String> {
    let run = || word_count(step, input, output, min_length);
    if name == "rayon" {
        run()
    } else {
        static ONE_THREAD: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
        let pool = ONE_THREAD.get_or_init(|| crate::timing::thread_pool(1));
        pool.install(run)
    }
}
// ANCHOR_END: word_count_on

/// Every step by the name the page and the benchmark use, in order.
pub const STEPS: [(&str, Step); 9] = [
    ("plain", count_plain),
    ("buffered", count_buffered),
    ("no-alloc", count_no_alloc),
    ("bytes", count_bytes),
    ("fxhash", count_fxhash),
    ("inline-keys", count_inline_keys),
    ("flat-table", count_flat_table),
    ("word-masks", count_word_masks),
    ("rayon", count_rayon),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_floats_are_written_as_python_writes_them() {
        let cases = [
            (100.0, "100.0"),
            (50.0, "50.0"),
            (12.5, "12.5"),
            (0.1, "0.1"),
            (1.0 / 3.0 * 100.0, "33.33333333333333"),
            (2.0 / 3.0 * 100.0, "66.66666666666666"),
            (0.0001, "0.0001"),
            (0.00012345, "0.00012345"),
            (0.00001, "1e-05"),
            (1.25e-5, "1.25e-05"),
            (3.0e-7, "3e-07"),
            (1e-100, "1e-100"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (-2.5, "-2.5"),
            (0.0, "0.0"),
        ];
        for (x, text) in cases {
            assert_eq!(python_float(x), text, "{x:e}");
        }
    }

    #[test]
    fn python_whitespace_adds_the_information_separators() {
        for c in [
            '\u{1c}', '\u{1d}', '\u{1e}', '\u{1f}', ' ', '\u{a0}', '\u{3000}', '\u{85}',
        ] {
            assert!(is_python_whitespace(c), "{c:?}");
        }
        for c in ['a', '\u{200b}', '\u{feff}', '\u{180e}', '_'] {
            assert!(!is_python_whitespace(c), "{c:?}");
        }
    }

    #[test]
    fn the_separator_table_is_the_ascii_part_of_the_rules() {
        for byte in 0u8..128 {
            let c = byte as char;
            let expected = DELIMITERS.contains(&c) || is_python_whitespace(c);
            assert_eq!(SEPARATOR[byte as usize], expected, "{c:?}");
        }
        assert!((128..256).all(|b| !SEPARATOR[b]));
    }

    #[test]
    fn the_report_sorts_stably_filters_and_computes_percentages() {
        let counts = vec![
            ("b".to_string(), 1),
            ("the".to_string(), 3),
            ("ab".to_string(), 1),
            ("straße".to_string(), 3),
        ];
        let rows = report(counts.clone(), 1);
        let order: Vec<&str> = rows.iter().map(|r| r.word.as_str()).collect();
        assert_eq!(order, ["the", "straße", "b", "ab"]);
        assert_eq!(rows[0].percent, 3.0 / 8.0 * 100.0);
        // "straße" is 6 characters (7 bytes): kept at 6, dropped at 7.
        let rows = report(counts.clone(), 6);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].percent, 100.0);
        assert!(report(counts, 7).is_empty());
        let mut out = Vec::new();
        write_report(&report(vec![("x".into(), 1), ("y".into(), 2)], 1), &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "y 2 66.66666666666666\nx 1 33.33333333333333\n"
        );
    }

    #[test]
    fn merging_keeps_the_order_of_first_appearance() {
        let mut first: WordCounts = WordCounts::new();
        first.add("b", 1);
        first.add("a", 2);
        let mut second: WordCounts = WordCounts::new();
        second.add("c", 5);
        second.add("b", 1);
        first.merge(second);
        assert_eq!(
            first.into_vec(),
            [
                ("b".to_string(), 2),
                ("a".to_string(), 2),
                ("c".to_string(), 5)
            ]
        );
    }
}
