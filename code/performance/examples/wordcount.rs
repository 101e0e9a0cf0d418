//! The word count, as a program: `wordcount INPUT OUTPUT [MIN_LENGTH]`.
//! Writes one `word count percentage` line per word, most frequent first,
//! exactly as the Python program `python/wordcount.py` does. The environment
//! variable `WORDCOUNT_STEP` picks the optimisation step (default: plain).
use performance::wordcount::{STEPS, word_count_on};
use std::path::Path;
use std::process::exit;

const USAGE: &str = "usage: wordcount INPUT OUTPUT [MIN_LENGTH]";

fn fail(message: String, code: i32) -> ! {
    eprintln!("error: {message}");
    exit(code)
}

// ANCHOR: main
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (input, output, min_length) = match args.as_slice() {
        [input, output] => (input, output, 1),
        [input, output, min] => match min.parse::<usize>() {
            Ok(n) => (input, output, n),
            Err(_) => fail(
                format!("MIN_LENGTH must be a whole number, got {min:?} ({USAGE})"),
                2,
            ),
        },
        _ => fail(format!("expected 2 or 3 arguments ({USAGE})"), 2),
    };
    let name = std::env::var("WORDCOUNT_STEP").unwrap_or_else(|_| "plain".into());
    let Some(&(name, count)) = STEPS.iter().find(|(n, _)| *n == name) else {
        let names: Vec<&str> = STEPS.iter().map(|(n, _)| *n).collect();
        fail(
            format!(
                "unknown WORDCOUNT_STEP {name:?} (one of: {})",
                names.join(", ")
            ),
            2,
        )
    };
    if let Err(message) =
        word_count_on(name, count, Path::new(input), Path::new(output), min_length)
    {
        fail(message, 1);
    }
}
// ANCHOR_END: main
