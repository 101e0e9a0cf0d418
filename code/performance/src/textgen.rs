//! A deterministic generator of book-like text, for word-count inputs of any
//! size: the same seed and size always give the same bytes.
//!
//! Word frequencies follow Zipf's law, as in real books (the k-th most
//! common word appears about 1/k as often as the most common one). The text
//! has sentences with capitals, punctuation from the word count's delimiter
//! set, quotes and contractions, some words with non-ASCII letters, lines of
//! about 70 characters and blank lines between paragraphs.

use splitmix::SplitMix64;

/// Distinct base words in the vocabulary.
pub const VOCABULARY: usize = 20_000;

const SYLLABLES: [&str; 48] = [
    "a", "an", "ar", "ba", "be", "bo", "ca", "ce", "co", "da", "de", "di", "el", "en", "er", "fa",
    "fi", "ga", "ha", "he", "hi", "in", "is", "ka", "la", "le", "li", "lo", "ma", "me", "mi", "mo",
    "na", "ne", "no", "on", "or", "ra", "re", "ri", "sa", "se", "so", "ta", "te", "ti", "to", "us",
];

/// Syllables with non-ASCII letters, used by about one word in forty.
const FOREIGN: [&str; 10] = ["é", "ö", "ß", "ñ", "ø", "æ", "ç", "σ", "ж", "ı"];

// ANCHOR: vocabulary
/// The vocabulary, most common word first: a few very short words, then
/// longer ones, each made of syllables drawn from a generator seeded by the
/// word's rank (so the vocabulary never depends on the text's size).
pub fn vocabulary() -> Vec<String> {
    let mut words = Vec::with_capacity(VOCABULARY);
    let mut seen = std::collections::HashSet::new();
    let mut rng = SplitMix64::new(0x5EED_B00C);
    while words.len() < VOCABULARY {
        let rank = words.len();
        let syllables = 1 + (rank >= 30) as u64 + (rank >= 600) as u64 + rng.below(2);
        let mut word = String::new();
        for _ in 0..syllables {
            if rank % 40 == 39 && word.is_empty() {
                word.push_str(FOREIGN[rng.below(FOREIGN.len() as u64) as usize]);
            }
            word.push_str(SYLLABLES[rng.below(SYLLABLES.len() as u64) as usize]);
        }
        if seen.insert(word.clone()) {
            words.push(word);
        }
    }
    words
}

/// Cumulative Zipf weights: word `k` (from 0) has weight 1 / (k + 1).
fn zipf_cumulative(n: usize) -> Vec<f64> {
    let mut total = 0.0;
    (0..n)
        .map(|k| {
            total += 1.0 / (k + 1) as f64;
            total
        })
        .collect()
}
// ANCHOR_END: vocabulary

// ANCHOR: generate
/// About `bytes` bytes of text (it stops at the first line end past that).
pub fn generate(bytes: usize, seed: u64) -> String {
    let words = vocabulary();
    let cumulative = zipf_cumulative(words.len());
    let total = *cumulative.last().expect("a vocabulary");
    let mut rng = SplitMix64::new(seed);
    let mut text = String::with_capacity(bytes + 200);
    let mut line_length = 0;
    let mut sentence_start = true;
    while text.len() < bytes {
        // Zipf: pick a rank by inverting the cumulative weights.
        let u = rng.next_f64() * total;
        let rank = cumulative.partition_point(|&c| c < u).min(words.len() - 1);
        let word = &words[rank];
        let roll = rng.below(1000);
        let mut piece = String::with_capacity(word.len() + 4);
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
        sentence_start = false;
        match roll {
            8..=11 => piece.push_str("'s"),
            12..=14 => piece.push_str("n't"),
            15..=16 => piece.push_str("--"),
            17 => piece.push_str(" (1850)"),
            18 => piece.push_str(" $5"),
            19..=99 => piece.push(','),
            100..=159 => {
                piece.push('.');
                sentence_start = true;
            }
            160..=164 => {
                piece.push('?');
                sentence_start = true;
            }
            165..=168 => {
                piece.push('!');
                sentence_start = true;
            }
            169..=174 => piece.push(';'),
            175..=177 => piece.push(':'),
            _ => {}
        }
        if line_length > 0 && line_length + 1 + piece.chars().count() > 70 {
            text.push('\n');
            line_length = 0;
            if sentence_start && rng.below(8) == 0 {
                text.push('\n'); // a blank line: a new paragraph
            }
        } else if line_length > 0 {
            text.push(' ');
            line_length += 1;
        }
        line_length += piece.chars().count();
        text.push_str(&piece);
    }
    text.push('\n');
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

    #[test]
    fn the_same_seed_gives_the_same_text_and_another_seed_another() {
        let a = generate(20_000, 1);
        assert_eq!(a, generate(20_000, 1));
        assert_ne!(a, generate(20_000, 2));
        assert!(a.len() >= 20_000 && a.len() < 20_200, "{}", a.len());
        assert!(a.ends_with('\n'));
    }

    #[test]
    fn the_vocabulary_is_distinct_and_partly_non_ascii() {
        let words = vocabulary();
        assert_eq!(words.len(), VOCABULARY);
        let distinct: std::collections::HashSet<&String> = words.iter().collect();
        assert_eq!(distinct.len(), VOCABULARY);
        let foreign = words.iter().filter(|w| !w.is_ascii()).count();
        assert!((300..1000).contains(&foreign), "{foreign}");
    }

    #[test]
    fn lines_are_short_and_the_text_looks_like_prose() {
        let text = generate(200_000, 7);
        assert!(text.lines().all(|l| l.chars().count() <= 80));
        assert!(text.contains("\n\n"), "paragraphs");
        for c in [',', '.', '?', '"', '\'', '-', '(', '$'] {
            assert!(text.contains(c), "{c:?}");
        }
        assert!(text.chars().any(|c| c.is_uppercase()));
        assert!(!text.is_ascii());
    }

    #[test]
    fn word_frequencies_fall_off_like_zipf() {
        // Counted with the plain rules: rank 1 should be roughly twice as
        // common as rank 2 and ten times as common as rank 10.
        let text = generate(2_000_000, 3);
        let mut counts = std::collections::HashMap::new();
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *counts.entry(word.to_lowercase()).or_insert(0u64) += 1;
        }
        let mut frequencies: Vec<u64> = counts.into_values().collect();
        frequencies.sort_unstable_by(|a, b| b.cmp(a));
        let ratio = |k: usize| frequencies[0] as f64 / frequencies[k - 1] as f64;
        assert!((1.6..2.5).contains(&ratio(2)), "{}", ratio(2));
        assert!((7.0..14.0).contains(&ratio(10)), "{}", ratio(10));
    }
}
