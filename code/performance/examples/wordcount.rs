//! The word count, as a program: `wordcount INPUT OUTPUT [MIN_LENGTH]`.
//! Writes one `word count percentage` line per word, most frequent first,
//! exactly as the Python program `python/wordcount.py` does. The environment
//! variable `WORDCOUNT_STEP` picks the optimisation step (default: plain).
use course_cli::{Error, Usage, check_rayon_threads, run};
use performance::wordcount::{STEPS, word_count_on};

const USAGE: Usage = Usage::new(
    "wordcount",
    "INPUT OUTPUT [MIN_LENGTH]",
    "counts the words of INPUT and writes them to OUTPUT, most frequent first",
)
.details(
    "INPUT       a UTF-8 text file (or a pipe)
     OUTPUT      the report, written whole or not at all
     MIN_LENGTH  shortest word reported, 0 to 1000 (default 1)
     WORDCOUNT_STEP  (environment) the optimisation step (default plain)",
);

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let input = args.path("INPUT")?;
        let output = args.path("OUTPUT")?;
        let min_length: usize = args.count("MIN_LENGTH", 1, 0..=1000)?;
        args.done()?;
        check_rayon_threads()?;
        let name = std::env::var("WORDCOUNT_STEP").unwrap_or_else(|_| "plain".into());
        let Some(&(name, count)) = STEPS.iter().find(|(n, _)| *n == name) else {
            let names: Vec<&str> = STEPS.iter().map(|(n, _)| *n).collect();
            return Err(Error::Usage(format!(
                "unknown WORDCOUNT_STEP {name:?} (one of: {})",
                names.join(", ")
            )));
        };
        word_count_on(name, count, &input, &output, min_length)?;
        Ok(())
    })
}
// ANCHOR_END: main
