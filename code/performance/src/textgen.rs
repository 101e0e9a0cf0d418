//! A deterministic generator of book-like text, for word-count inputs of any
//! size: the same seed and size always give the same bytes.
//!
//! The text is meant to behave like real books concatenated into one file,
//! because that is what decides the word count's speed:
//!
//! - **The vocabulary keeps growing** (Heaps' law): a text of n words has
//!   about K·n^β distinct words, so a large text has a large hash table.
//! - **Frequencies follow Zipf's law**: the r-th most common word appears
//!   about 1/r as often as the most common one.
//! - **It is messy**: a byte-order mark at the start, a third of the "files"
//!   with Windows line ends (CR LF), a few per cent of the lines with
//!   non-ASCII letters, capitals, punctuation, numbers, contractions.

use splitmix::SplitMix64;
use std::collections::HashSet;

// ANCHOR: heaps
/// Heaps' law, V = K·n^β: the number of distinct words V in a text of n
/// words. For English, β is between 0.4 and 0.6 and K between 10 and 100
/// (Baeza-Yates & Ribeiro-Neto, *Modern Information Retrieval*, 1999;
/// Manning, Raghavan & Schütze, *Introduction to Information Retrieval*,
/// 2008, §5.1.1, which fits K = 44, β = 0.49 to a news corpus). Many books
/// by many authors grow faster than one: these values give about 300 000
/// distinct words in 30 MB, like the 61 public-domain books (364 463
/// distinct words in 32.7 MB) that a review of this course counted.
pub const HEAPS_K: f64 = 60.0;
pub const HEAPS_BETA: f64 = 0.55;

/// The expected number of distinct words in the first `words` words.
pub fn heaps(words: f64) -> f64 {
    HEAPS_K * words.powf(HEAPS_BETA)
}

/// Picks the next word as a number: `vocabulary` (a word never used
/// before) with the probability that keeps V on Heaps' curve, dV/dn =
/// K·β·n^(β-1); otherwise a word already used, by Zipf's law over the
/// words so far, in order of first use (word 0 is the most common).
fn next_word(rng: &mut SplitMix64, n: usize, vocabulary: usize) -> usize {
    let p_new = HEAPS_K * HEAPS_BETA * (n.max(1) as f64).powf(HEAPS_BETA - 1.0);
    if vocabulary == 0 || rng.next_f64() < p_new {
        return vocabulary;
    }
    // Inverse of the cumulative weights of a continuous 1/(r + 1) law:
    // word r is drawn with probability ln((r + 2)/(r + 1)) / ln(V + 1).
    let r = ((vocabulary + 1) as f64).powf(rng.next_f64()) as usize - 1;
    r.min(vocabulary - 1)
}
// ANCHOR_END: heaps

const SYLLABLES: [&str; 48] = [
    "a", "an", "ar", "ba", "be", "bo", "ca", "ce", "co", "da", "de", "di", "el", "en", "er", "fa",
    "fi", "ga", "ha", "he", "hi", "in", "is", "ka", "la", "le", "li", "lo", "ma", "me", "mi", "mo",
    "na", "ne", "no", "on", "or", "ra", "re", "ri", "sa", "se", "so", "ta", "te", "ti", "to", "us",
];

/// Syllables with non-ASCII letters: names and borrowed words.
const FOREIGN: [&str; 10] = ["é", "ö", "ß", "ñ", "ø", "æ", "ç", "σ", "ж", "ı"];

// ANCHOR: vocabulary
/// The words in order of first use, made one at a time from their own
/// generator, so the vocabulary never depends on the text's seed or size.
/// Common words are short; rarer ones longer, a few longer than 15 bytes;
/// one rare word in 200 has a non-ASCII letter.
pub struct Vocabulary {
    words: Vec<String>,
    seen: HashSet<String>,
    rng: SplitMix64,
}

impl Vocabulary {
    pub fn new() -> Self {
        Vocabulary {
            words: Vec::new(),
            seen: HashSet::new(),
            rng: SplitMix64::new(0x5EED_B00C),
        }
    }

    /// Word `rank`, made (with every word before it) if it does not exist yet.
    pub fn word(&mut self, rank: usize) -> &str {
        while self.words.len() <= rank {
            self.add_word();
        }
        &self.words[rank]
    }

    fn add_word(&mut self) {
        let rank = self.words.len();
        loop {
            let rng = &mut self.rng;
            let mut syllables = 1 + (rank >= 100) as u64 + (rank >= 3000) as u64;
            if rank >= 12 {
                syllables += rng.below(2);
            }
            if rank >= 20_000 {
                syllables += rng.below(2) + 4 * (rng.below(50) == 0) as u64;
            }
            let foreign = rank >= 1000 && rng.below(200) == 0;
            let mut word = String::new();
            for i in 0..syllables {
                if foreign && i == syllables / 2 {
                    word.push_str(FOREIGN[rng.below(FOREIGN.len() as u64) as usize]);
                }
                word.push_str(SYLLABLES[rng.below(SYLLABLES.len() as u64) as usize]);
            }
            if self.seen.insert(word.clone()) {
                self.words.push(word);
                return;
            }
        }
    }
}

impl Default for Vocabulary {
    fn default() -> Self {
        Self::new()
    }
}
// ANCHOR_END: vocabulary

/// Bytes per "file" of the concatenation; each starts with a title line.
pub const FILE_BYTES: usize = 1_000_000;

// ANCHOR: generate
/// About `bytes` bytes of text (it stops at the first line end past that).
pub fn generate(bytes: usize, seed: u64) -> String {
    let mut vocabulary = Vocabulary::new();
    let mut rng = SplitMix64::new(seed);
    let mut text = String::with_capacity(bytes + 200);
    text.push('\u{feff}'); // a byte-order mark, as some editors write
    let (mut words, mut line_length, mut files) = (0, 0, 0);
    let mut line_end = "\n";
    let mut sentence_start = true;
    while text.len() < bytes {
        if text.len() >= files * FILE_BYTES {
            // A new "file": one in three was saved with Windows line ends.
            if files > 0 {
                text.push_str(line_end);
            }
            line_end = if rng.below(3) == 0 { "\r\n" } else { "\n" };
            files += 1;
            text.push_str(&format!("BOOK {files}{line_end}{line_end}"));
            (line_length, sentence_start) = (0, true);
        }
        let rank = next_word(&mut rng, words + 1, vocabulary.words.len());
        words += 1;
        let word = vocabulary.word(rank);
        let roll = rng.below(1000);
        let mut piece = String::with_capacity(word.len() + 8);
        if roll < 8 {
            piece.push('"');
        }
        if sentence_start || roll.is_multiple_of(97) {
            capitalise(word, &mut piece);
        } else if roll.is_multiple_of(331) {
            piece.push_str(&word.to_uppercase());
        } else {
            piece.push_str(word);
        }
        if roll < 8 {
            piece.push('"');
        }
        sentence_start = (100..=168).contains(&roll);
        match roll {
            8..=11 => piece.push_str("'s"),
            12..=14 => piece.push_str("n't"),
            15..=16 => piece.push_str("--"),
            17 => piece.push_str(&format!(" ({})", 1500 + rng.below(500))),
            18 => piece.push_str(&format!(" ${}", 1 + rng.below(100))),
            19..=99 => piece.push(','),
            100..=159 => piece.push('.'),
            160..=164 => piece.push('?'),
            165..=168 => piece.push('!'),
            169..=174 => piece.push(';'),
            175..=177 => piece.push(':'),
            _ => {}
        }
        let length = piece.chars().count();
        if line_length > 0 && line_length + 1 + length > 70 {
            text.push_str(line_end);
            line_length = 0;
        } else if line_length > 0 {
            text.push(' ');
            line_length += 1;
        }
        line_length += length;
        text.push_str(&piece);
        if sentence_start && rng.below(2) == 0 {
            // The end of a paragraph, and a blank line. Dialogue makes many
            // paragraphs of novels one or two sentences long.
            text.push_str(line_end);
            text.push_str(line_end);
            line_length = 0;
        }
    }
    text.push_str(line_end);
    text
}

fn capitalise(word: &str, out: &mut String) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}
// ANCHOR_END: generate

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Words as the word count splits them (ASCII punctuation and
    /// whitespace), lower-cased, with their counts, most common first.
    fn frequencies(text: &str) -> Vec<u64> {
        let mut counts = HashMap::new();
        for word in text
            .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation())
            .filter(|w| !w.is_empty())
        {
            *counts.entry(word.to_lowercase()).or_insert(0u64) += 1;
        }
        let mut frequencies: Vec<u64> = counts.into_values().collect();
        frequencies.sort_unstable_by(|a, b| b.cmp(a));
        frequencies
    }

    #[test]
    fn the_same_seed_gives_the_same_text_and_another_seed_another() {
        let a = generate(20_000, 1);
        assert_eq!(a, generate(20_000, 1));
        assert_ne!(a, generate(20_000, 2));
        assert!(a.len() >= 20_000 && a.len() < 20_200, "{}", a.len());
        assert!(a.ends_with('\n'));
    }

    #[test]
    fn the_vocabulary_is_distinct_and_does_not_depend_on_the_text() {
        let mut vocabulary = Vocabulary::new();
        let words: Vec<String> = (0..50_000)
            .map(|r| vocabulary.word(r).to_string())
            .collect();
        let distinct: HashSet<&String> = words.iter().collect();
        assert_eq!(distinct.len(), words.len());
        assert_eq!(Vocabulary::new().word(1234), words[1234]);
        assert!(
            words[..30].iter().all(|w| w.len() <= 4),
            "common words are short"
        );
        let long = words.iter().filter(|w| w.len() > 15).count();
        assert!((50..500).contains(&long), "{long} words of over 15 bytes");
        let foreign = words.iter().filter(|w| !w.is_ascii()).count();
        assert!((150..350).contains(&foreign), "{foreign} non-ASCII words");
    }

    #[test]
    fn the_text_starts_with_a_bom_and_mixes_line_ends() {
        let text = generate(6_000_000, 7);
        assert!(text.starts_with('\u{feff}'));
        let files: Vec<&str> = text.split("BOOK ").skip(1).collect();
        assert_eq!(files.len(), 6);
        let windows = files.iter().filter(|f| f.contains("\r\n")).count();
        assert!((1..6).contains(&windows), "{windows} of 6 files with CR LF");
        for file in &files {
            // A file uses one kind of line end throughout.
            let crlf = file.matches("\r\n").count();
            assert!(crlf == 0 || crlf == file.matches('\n').count());
        }
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert!(lines.iter().all(|l| l.chars().count() <= 80));
        let non_ascii = lines.iter().filter(|l| !l.is_ascii()).count();
        let share = non_ascii as f64 / lines.len() as f64;
        assert!((0.01..0.06).contains(&share), "{share} of lines non-ASCII");
        for c in [',', '.', '?', '"', '\'', '-', '(', '$'] {
            assert!(text.contains(c), "{c:?}");
        }
        assert!(
            text.contains("\n\n") || text.contains("\r\n\r\n"),
            "paragraphs"
        );
    }

    #[test]
    fn the_vocabulary_grows_like_heaps_law_and_frequencies_like_zipf() {
        let (small, large) = (generate(1_000_000, 3), generate(4_000_000, 3));
        let (small, large) = (frequencies(&small), frequencies(&large));
        // Four times the text, 4^β times the words.
        let growth = large.len() as f64 / small.len() as f64;
        let expected = 4f64.powf(HEAPS_BETA);
        assert!(
            (growth / expected - 1.0).abs() < 0.1,
            "{growth} vs {expected}"
        );
        let words: u64 = large.iter().sum();
        let heaps = heaps(words as f64);
        let distinct = large.len() as f64;
        assert!(
            (distinct / heaps - 1.0).abs() < 0.15,
            "{distinct} vs {heaps}"
        );
        // Zipf: the most common word is a few per cent of the text, about
        // twice as common as the second and ten times the tenth.
        let share = large[0] as f64 / words as f64;
        assert!((0.03..0.08).contains(&share), "{share}");
        let ratio = |k: usize| large[0] as f64 / large[k - 1] as f64;
        assert!((1.4..2.5).contains(&ratio(2)), "{}", ratio(2));
        assert!((5.0..14.0).contains(&ratio(10)), "{}", ratio(10));
        // Many words are rare: about half appear only once.
        let once = large.iter().filter(|&&c| c == 1).count() as f64 / distinct;
        assert!(
            (0.3..0.7).contains(&once),
            "{once} of the words appear once"
        );
    }
}
