//! The classroom model: how long an episode's core path takes when it is
//! taught live, so that a test can tell when a page outgrows its slot.
//!
//! The core path is everything on the learners' page that is not inside a
//! collapsed `<details>` block. Its minutes are
//!
//! - prose at [`WORDS_PER_MINUTE`] (a checked claim counts its `holds` text;
//!   tables and plots count nothing: the instructor shows them, the words
//!   around them carry the time),
//! - code shown at [`CODE_LINES_PER_MINUTE`], with every `{{#include}}`
//!   expanded to the lines it shows,
//! - the minutes of the episode's exercises (from `schedule.toml`),
//! - the minutes the episode keeps for questions (at least 5).

use crate::schedule::{Item, Schedule};
use std::path::Path;

pub const WORDS_PER_MINUTE: f64 = 150.0;
pub const CODE_LINES_PER_MINUTE: f64 = 15.0;
pub const MIN_QUESTIONS: u32 = 5;

/// What an episode's core path holds.
#[derive(Debug, Default, PartialEq)]
pub struct Estimate {
    pub words: usize,
    pub code_lines: usize,
    pub exercise_minutes: u32,
    pub questions: u32,
}

impl Estimate {
    pub fn prose_minutes(&self) -> f64 {
        self.words as f64 / WORDS_PER_MINUTE
    }

    pub fn code_minutes(&self) -> f64 {
        self.code_lines as f64 / CODE_LINES_PER_MINUTE
    }

    pub fn minutes(&self) -> f64 {
        self.prose_minutes()
            + self.code_minutes()
            + f64::from(self.exercise_minutes)
            + f64::from(self.questions)
    }
}

/// The estimate for `page` (its text; `page_dir` resolves its includes),
/// the page of `item`.
pub fn estimate(page: &str, page_dir: &Path, item: &Item) -> Result<Estimate, String> {
    let core = core_path(&directives_as_read(page)?);
    let mut estimate = Estimate {
        exercise_minutes: item.exercise_minutes(),
        questions: item.questions.max(MIN_QUESTIONS),
        ..Estimate::default()
    };
    let mut in_code = false;
    for line in core.lines() {
        // Lines of an exercise box are prose or code like any other.
        let text = line.trim_start().trim_start_matches('>').trim();
        if text.starts_with("```") {
            in_code = !in_code;
        } else if in_code {
            estimate.code_lines += match include_target(text) {
                Some(target) => included_lines(target, page_dir)?,
                None => 1,
            };
        } else {
            estimate.words += text.split_whitespace().count();
        }
    }
    Ok(estimate)
}

/// The page as a reader meets it: a checked claim becomes its `holds`
/// sentence, every other `{{#results …}}` disappears.
fn directives_as_read(page: &str) -> Result<String, String> {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find("{{#results") {
        out += &rest[..start];
        let after = &rest[start..];
        let end = after
            .find("}}")
            .ok_or("a {{#results}} directive is not closed with }}")?;
        if after.starts_with("{{#results claim") {
            let claim = crate::preprocess::parse_claim(&after[3..end])?;
            out += &claim.holds;
        }
        rest = &after[end + 2..];
    }
    out += rest;
    Ok(out)
}

/// The lines outside `<details>` blocks (which may nest).
fn core_path(page: &str) -> String {
    let mut depth = 0usize;
    let mut kept = String::new();
    for line in page.lines() {
        let opens = line.matches("<details").count();
        let closes = line.matches("</details>").count();
        if depth == 0 && opens == 0 {
            kept += line;
            kept += "\n";
        }
        depth = (depth + opens).saturating_sub(closes);
    }
    kept
}

/// `path:anchor` for a line that is only `{{#include path:anchor}}`.
fn include_target(text: &str) -> Option<&str> {
    text.strip_prefix("{{#include ")?
        .strip_suffix("}}")
        .map(str::trim)
}

fn included_lines(target: &str, page_dir: &Path) -> Result<usize, String> {
    let (file, anchor) = match target.split_once(':') {
        Some((file, anchor)) => (file, Some(anchor)),
        None => (target, None),
    };
    let path = page_dir.join(file);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot include {}: {e}", path.display()))?;
    match anchor {
        Some(anchor) => crate::quoted_include::anchored_lines(&text, anchor)
            .map(|lines| lines.len())
            .ok_or_else(|| format!("{}: no anchor {anchor:?}", path.display())),
        None => Ok(text
            .lines()
            .filter(|l| !l.contains("ANCHOR:") && !l.contains("ANCHOR_END:"))
            .count()),
    }
}

/// One episode's estimate against its slot.
pub struct Row {
    pub title: String,
    pub slot: u32,
    pub estimate: Estimate,
}

/// Every episode with a page, estimated (`book_src` is the learners' `src/`).
pub fn rows(schedule: &Schedule, book_src: &Path) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    for item in schedule.episodes() {
        let Some(page) = &item.page else { continue };
        let path = book_src.join(page);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let dir = path.parent().unwrap_or(book_src);
        let estimate = estimate(&text, dir, item).map_err(|e| format!("{page}: {e}"))?;
        rows.push(Row {
            title: item.title.clone(),
            slot: item.minutes,
            estimate,
        });
    }
    Ok(rows)
}

/// The rows as a table for the terminal, and whether every one fits.
pub fn table(rows: &[Row]) -> (String, bool) {
    let mut out = format!(
        "{:<42} {:>4} {:>8}   prose ({WORDS_PER_MINUTE} words/min) + code ({CODE_LINES_PER_MINUTE} lines/min) + exercises + questions\n",
        "episode", "slot", "estimate"
    );
    let mut all_fit = true;
    for row in rows {
        let e = &row.estimate;
        let fits = e.minutes() <= f64::from(row.slot);
        all_fit &= fits;
        out += &format!(
            "{:<42} {:>4} {:>8.1}   {:.1} ({} words) + {:.1} ({} lines) + {} + {}{}\n",
            row.title.chars().take(42).collect::<String>(),
            row.slot,
            e.minutes(),
            e.prose_minutes(),
            e.words,
            e.code_minutes(),
            e.code_lines,
            e.exercise_minutes,
            e.questions,
            if fits { "" } else { "   OVER ITS SLOT" }
        );
    }
    (out, all_fit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(exercise_minutes: &[u32]) -> Item {
        let mut toml = String::from(
            "title = \"E\"\nminutes = 30\ncrate = \"c\"\npage = \"e.md\"\nquestions = 5\n",
        );
        for (i, m) in exercise_minutes.iter().enumerate() {
            toml += &format!(
                "[[exercise]]\nname = \"e{i}\"\ntitle = \"T\"\nminutes = {m}\nmode = \"solo\"\ncrate = \"c\"\noutcomes = [1]\n"
            );
        }
        toml::from_str(&toml).unwrap()
    }

    #[test]
    fn collapsed_blocks_are_not_on_the_core_path() {
        let page = "one two three\n<details>\n<summary>Going further</summary>\nhidden words here\n</details>\nfour\n";
        let e = estimate(page, Path::new("."), &item(&[])).unwrap();
        assert_eq!(e.words, 4);
    }

    #[test]
    fn code_counts_lines_and_a_claim_counts_its_holds_text() {
        let page = "```rust\nlet a = 1;\nlet b = 2;\n```\n{{#results claim faster x y holds=\"x wins\" fails=\"y wins by far\"}}\n{{#results table g}}\n";
        let e = estimate(page, Path::new("."), &item(&[10, 5])).unwrap();
        assert_eq!((e.code_lines, e.words, e.exercise_minutes), (2, 2, 15));
        let expected = 2.0 / WORDS_PER_MINUTE + 2.0 / CODE_LINES_PER_MINUTE + 15.0 + 5.0;
        assert!((e.minutes() - expected).abs() < 1e-12);
    }

    #[test]
    fn an_include_counts_the_lines_it_shows() {
        let dir = std::env::temp_dir().join(format!("classroom-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("code.rs"),
            "a\n// ANCHOR: part\nb\nc\n// ANCHOR_END: part\nd\n",
        )
        .unwrap();
        let page =
            "> ```rust\n> {{#include code.rs:part}}\n> ```\n```rust\n{{#include code.rs}}\n```\n";
        let e = estimate(page, &dir, &item(&[])).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(e.code_lines, 2 + 4);
    }
}
