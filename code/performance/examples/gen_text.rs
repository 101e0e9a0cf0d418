//! Writes generated book-like text: `gen_text OUTPUT [BYTES] [SEED]`.
use course_cli::files::write_atomically;
use course_cli::{Usage, memory, run};
use performance::textgen;
use std::io::Write;

const USAGE: Usage = Usage::new(
    "gen_text",
    "OUTPUT [BYTES] [SEED]",
    "writes book-like text for the word count",
)
.details(
    "OUTPUT  the file to write (written whole or not at all)
     BYTES   1 to 10_000_000_000 (default 50_000_000)
     SEED    any whole number from 0 to 2^64 - 1 (default 1)",
);

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |mut args| {
        let output = args.path("OUTPUT")?;
        let bytes: usize = args.count("BYTES", 50_000_000, 1..=10_000_000_000)?;
        let seed: u64 = args.count("SEED", 1, 0..=u64::MAX)?;
        args.done()?;
        // The text is made in memory, then written.
        memory::ensure_fits(bytes as u64, &format!("{bytes} bytes of text"))?;
        let text = textgen::generate(bytes, seed);
        write_atomically(&output, |file| file.write_all(text.as_bytes()))?;
        println!("wrote {} bytes to {}", text.len(), output.display());
        Ok(())
    })
}
// ANCHOR_END: main
