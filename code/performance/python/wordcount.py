"""Word count, written the way the lesson's `word-count-hpda` program is.

Usage: python wordcount.py INPUT OUTPUT [MIN_LENGTH]

Writes one line per word, "word count percentage", most frequent first
(ties in the order the words first appear), counting only words of at
least MIN_LENGTH characters. The Rust port in this crate (the `wordcount`
example) gives byte-identical output; a test checks that.
"""
import sys

# ANCHOR: program
# The 26 characters replaced by a space before a line is split into words.
DELIMITERS = ". , ; : ? $ @ ^ < > # % ` ! * - = ( ) [ ] { } / \" '".split()


def load_lines(path):
    with open(path, encoding="utf-8") as text:
        return text.read().splitlines()


def update_counts(line, counts):
    for delimiter in DELIMITERS:
        line = line.replace(delimiter, " ")
    for word in line.split():
        word = word.lower()
        if word in counts:
            counts[word] += 1
        else:
            counts[word] = 1


def count_words(lines):
    counts = {}
    for line in lines:
        update_counts(line, counts)
    return counts


def report(counts, min_length=1):
    by_count = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    kept = [(word, count) for (word, count) in by_count if len(word) >= min_length]
    total = sum(count for (_, count) in kept)
    return [(word, count, count / total * 100.0) for (word, count) in kept]


def write_report(path, rows):
    with open(path, "w", encoding="utf-8") as out:
        for row in rows:
            out.write(" ".join(str(field) for field in row) + "\n")


def word_count(input_path, output_path, min_length=1):
    write_report(output_path, report(count_words(load_lines(input_path)), min_length))
# ANCHOR_END: program


def main(args):
    if len(args) not in (2, 3):
        sys.exit("error: expected 2 or 3 arguments (usage: wordcount.py INPUT OUTPUT [MIN_LENGTH])")
    min_length = 1
    if len(args) == 3:
        try:
            min_length = int(args[2])
        except ValueError:
            sys.exit(f"error: MIN_LENGTH must be a whole number, got {args[2]!r}")
    try:
        word_count(args[0], args[1], min_length)
    except (OSError, UnicodeDecodeError) as problem:
        sys.exit(f"error: {problem}")


if __name__ == "__main__":
    main(sys.argv[1:])
