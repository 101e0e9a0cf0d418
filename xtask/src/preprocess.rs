//! The books' mdBook preprocessor (`xtask preprocess`): replaces the
//! course's directives with content generated from the results file and
//! the schedule. Directives (one per line, anywhere in a page):
//!
//! ```text
//! {{#results machine}}                      where and when the numbers were measured
//! {{#results table GROUP [rows=a,b] [measure=time|element|throughput|speedup|flops]}}
//! {{#results plot GROUP [rows=a,b] [measure=…] [title="…"] [x="…"] [linear] [fit=amdahl] [marks=caches] [xunit=bytes]}}
//! {{#results ratio ID_A ID_B}}               mean time of A / mean time of B, "12.3×"
//! {{#results ratio ID_A ID_B measure=…}}     A / B in that measure (throughput: A's rate / B's)
//! {{#results caches}}                        the measuring machine's cache sizes, a table
//! {{#results gpu}}                           the GPU adapter measured; a warning when it is software
//! {{#results value ID [measure=…]}}          one measurement
//! {{#results serial-fraction GROUP FUNCTION}} Amdahl's s fitted to the row's speedups, "1.23 %"
//! {{#results flamegraph NAME}}              the flamegraph `cargo xtask bench` drew (see flamegraph.rs)
//! {{#results claim KIND … holds="…" fails="…"}} a checked claim (see claims.rs)
//! {{#schedule learners}} / {{#schedule instructor}}
//! {{#exercise NAME}}                        an exercise box's first line: title, minutes, mode, file, command
//! {{#exercise-note NAME}}                   in the notes: the exercise's title, command, minutes and mode
//! {{#timing}}                               the instructor notes' minutes, from schedule.toml
//! {{#outcomes}}                             the learning outcomes, where each is taught and practised
//! ```
//!
//! An unknown directive fails the build, so a typo cannot ship.

use crate::claims::Claim;
use crate::render::{self, Measure, PlotSpec};
use crate::results::Results;
use crate::schedule;
use serde_json::Value;
use std::path::PathBuf;

/// What a directive needs to render.
pub struct Context {
    pub results: Option<Results>,
    /// The book's source directory (to tell which pages exist).
    pub book_src: PathBuf,
    pub schedule_file: PathBuf,
}

/// Runs the mdBook preprocessor protocol on stdin/stdout.
pub fn run_mdbook_protocol() -> Result<(), String> {
    let mut input = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut input)
        .map_err(|e| format!("cannot read the book from mdBook: {e}"))?;
    let [context, mut book]: [Value; 2] = serde_json::from_str::<Vec<Value>>(&input)
        .map_err(|e| format!("mdBook sent something that is not [context, book]: {e}"))?
        .try_into()
        .map_err(|_| "mdBook sent something that is not [context, book]".to_string())?;
    let root = PathBuf::from(context["root"].as_str().unwrap_or("."));
    let src = context["config"]["book"]["src"].as_str().unwrap_or("src");
    let ctx = Context {
        results: Results::load(&crate::paths::results_file()),
        book_src: root.join(src),
        schedule_file: crate::paths::root().join("schedule.toml"),
    };
    let mut errors = Vec::new();
    visit_chapters(&mut book, &mut |name, path, content| {
        // The page's own directory: quoted includes are relative to it.
        let dir = ctx.book_src.join(path).parent().map(PathBuf::from);
        let dir = dir.unwrap_or_else(|| ctx.book_src.clone());
        let expanded =
            crate::quoted_include::expand(content, &dir).and_then(|page| expand(&page, &ctx, path));
        match expanded {
            Ok(expanded) => *content = expanded,
            Err(e) => errors.push(format!("{name}: {e}")),
        }
    });
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    serde_json::to_writer(std::io::stdout(), &book).map_err(|e| e.to_string())
}

/// Calls `f(chapter name, source path, content)` for every chapter, however
/// deeply nested; walking the JSON generically keeps this independent of
/// mdBook's exact book schema.
fn visit_chapters(value: &mut Value, f: &mut dyn FnMut(&str, &str, &mut String)) {
    match value {
        Value::Object(map) => {
            let text_of = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_string);
            let name = text_of("name").unwrap_or_else(|| "?".into());
            let path = text_of("source_path")
                .or_else(|| text_of("path"))
                .unwrap_or_default();
            if let Some(Value::String(content)) = map.get_mut("content") {
                let mut text = std::mem::take(content);
                f(&name, &path, &mut text);
                *content = text;
            }
            for (_, child) in map.iter_mut() {
                visit_chapters(child, f);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| visit_chapters(item, f)),
        _ => {}
    }
}

/// Replaces every directive in `page`, the chapter at `chapter` (relative
/// to the book's `src/`).
pub fn expand(page: &str, ctx: &Context, chapter: &str) -> Result<String, String> {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = find_directive(rest) {
        out += &rest[..start];
        let after = &rest[start..];
        let end = after
            .find("}}")
            .ok_or("a directive is not closed with }}")?;
        out += &render_directive(&after[3..end], ctx, chapter)?;
        rest = &after[end + 2..];
    }
    out += rest;
    Ok(out)
}

fn find_directive(text: &str) -> Option<usize> {
    [
        text.find("{{#results"),
        text.find("{{#schedule"),
        text.find("{{#exercise "),
        text.find("{{#exercise-note "),
        text.find("{{#timing}}"),
        text.find("{{#outcomes}}"),
    ]
    .into_iter()
    .flatten()
    .min()
}

/// A directive's words: positional ones, and `key=value` options.
fn positional_and_options(words: &[String]) -> (Vec<&str>, Vec<(&str, &str)>) {
    let mut positional: Vec<&str> = Vec::new();
    let mut options: Vec<(&str, &str)> = Vec::new();
    for word in words {
        match word.split_once('=') {
            Some((k, v)) => options.push((k, v)),
            None => positional.push(word),
        }
    }
    (positional, options)
}

/// Parses the body of a `{{#results claim …}}` directive.
pub fn parse_claim(body: &str) -> Result<Claim, String> {
    let words = split_words(body)?;
    let (positional, options) = positional_and_options(&words);
    match positional.as_slice() {
        ["results", "claim", rest @ ..] => Claim::parse(rest, &options),
        _ => Err(format!("not a claim: {{{{#{body}}}}}")),
    }
}

fn render_directive(body: &str, ctx: &Context, chapter: &str) -> Result<String, String> {
    let words = split_words(body)?;
    let (positional, options) = positional_and_options(&words);
    let option = |key: &str| options.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    let flag = |key: &str| positional.contains(&key);
    let rows: Vec<String> = option("rows")
        .map(|r| r.split(',').map(str::to_string).collect())
        .unwrap_or_default();
    let measure = option("measure").map(Measure::parse).transpose()?;
    let results = ctx.results.as_ref();
    let directive = positional.join(" ");
    match positional.as_slice() {
        ["results", "machine"] => Ok(render::machine(results)),
        ["results", "table", group] => Ok(render::table(
            results,
            group,
            &rows,
            measure.unwrap_or(Measure::Time),
        )),
        ["results", "plot", group, ..] => Ok(render::plot(
            results,
            &PlotSpec {
                group,
                rows: &rows,
                measure: measure.unwrap_or(Measure::Time),
                title: option("title").unwrap_or(group),
                x_label: option("x").unwrap_or("size"),
                log_y: !flag("linear"),
                fit_amdahl: match option("fit") {
                    None => false,
                    Some("amdahl") => true,
                    Some(other) => return Err(format!("unknown fit {other:?} (use amdahl)")),
                },
                cache_marks: match option("marks") {
                    None => false,
                    Some("caches") => true,
                    Some(other) => return Err(format!("unknown marks {other:?} (use caches)")),
                },
                bytes_x: match option("xunit") {
                    None => false,
                    Some("bytes") => true,
                    Some(other) => return Err(format!("unknown xunit {other:?} (use bytes)")),
                },
            },
        )),
        ["results", "ratio", a, b] => Ok(match measure {
            None => render::ratio(results, a, b),
            Some(measure) => render::ratio_in(results, a, b, measure),
        }),
        ["results", "claim", ..] => Ok(parse_claim(body)?.render(ctx.results.as_ref())),
        ["results", "caches"] => Ok(render::caches(results)),
        ["results", "gpu"] => Ok(render::gpu(results)),
        ["results", "value", id] => {
            Ok(render::value(results, id, measure.unwrap_or(Measure::Time)))
        }
        ["results", "flamegraph", name] => Ok(crate::flamegraph::render(name)),
        ["results", "serial-fraction", group, function] => {
            Ok(render::serial_fraction(results, group, function))
        }
        ["schedule", who] => {
            let schedule = schedule::load(&ctx.schedule_file)?;
            match *who {
                "learners" => Ok(schedule.learners_markdown(&ctx.book_src)),
                "instructor" => Ok(schedule.instructor_markdown(&ctx.book_src)),
                _ => Err(format!("unknown schedule {who:?} (learners or instructor)")),
            }
        }
        ["exercise", name] => schedule::load(&ctx.schedule_file)?.exercise_markdown(name, chapter),
        ["exercise-note", name] => schedule::load(&ctx.schedule_file)?.exercise_note(name, chapter),
        ["timing"] => schedule::load(&ctx.schedule_file)?.timing_markdown(chapter),
        ["outcomes"] => Ok(schedule::load(&ctx.schedule_file)?.outcomes_markdown()),
        _ => Err(format!("unknown directive {{{{#{directive}}}}}")),
    }
}

/// Splits on whitespace, keeping `key="a quoted value"` together.
fn split_words(body: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in body.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if quoted {
        return Err(format!("unclosed quote in {{{{#{body}}}}}"));
    }
    if !current.is_empty() {
        words.push(current);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context {
        Context {
            results: None,
            book_src: PathBuf::from("/nonexistent"),
            schedule_file: crate::paths::root().join("schedule.toml"),
        }
    }

    #[test]
    fn directives_are_replaced_and_text_is_kept() {
        let page = "before\n{{#results ratio a/b/1 a/c/1}}\nafter {{#include x.rs}}\n";
        let out = expand(page, &ctx(), "test.md").unwrap();
        assert_eq!(
            out,
            "before\n*not measured in this build*\nafter {{#include x.rs}}\n"
        );
    }

    #[test]
    fn quoted_options_stay_together() {
        assert_eq!(
            split_words("results plot g title=\"A b\" x=n").unwrap(),
            ["results", "plot", "g", "title=A b", "x=n"]
        );
    }

    #[test]
    fn an_unknown_directive_is_an_error() {
        let err = expand("{{#results tabel g}}", &ctx(), "test.md").unwrap_err();
        assert_eq!(err, "unknown directive {{#results tabel g}}");
    }

    #[test]
    fn amdahl_fits_and_serial_fractions_are_directives() {
        let out = expand("{{#results serial-fraction g f}}", &ctx(), "test.md").unwrap();
        assert_eq!(out, "*not measured in this build*");
        let plot = "{{#results plot g measure=speedup fit=amdahl linear}}";
        assert!(
            expand(plot, &ctx(), "test.md")
                .unwrap()
                .contains("not measured")
        );
        let err = expand("{{#results plot g fit=gustafson}}", &ctx(), "test.md").unwrap_err();
        assert_eq!(err, "unknown fit \"gustafson\" (use amdahl)");
    }

    #[test]
    fn cache_marks_caches_and_throughput_ratios_are_directives() {
        let out = expand("{{#results caches}}", &ctx(), "test.md").unwrap();
        assert!(out.contains("not reported"), "{out}");
        let out = expand(
            "{{#results ratio a/b a/c measure=throughput}}",
            &ctx(),
            "test.md",
        )
        .unwrap();
        assert_eq!(out, "*not measured in this build*");
        let plot = "{{#results plot g measure=element marks=caches}}";
        assert!(
            expand(plot, &ctx(), "test.md")
                .unwrap()
                .contains("not measured")
        );
        let err = expand("{{#results plot g marks=tlb}}", &ctx(), "test.md").unwrap_err();
        assert_eq!(err, "unknown marks \"tlb\" (use caches)");
        let plot = "{{#results plot g xunit=bytes}}";
        assert!(
            expand(plot, &ctx(), "test.md")
                .unwrap()
                .contains("not measured")
        );
        let err = expand("{{#results plot g xunit=metres}}", &ctx(), "test.md").unwrap_err();
        assert_eq!(err, "unknown xunit \"metres\" (use bytes)");
    }

    #[test]
    fn the_gpu_adapter_and_flops_are_directives() {
        let out = expand("{{#results gpu}}", &ctx(), "test.md").unwrap();
        assert!(
            out.contains("GPU numbers") && out.contains("not measured"),
            "{out}"
        );
        let table = "{{#results table g measure=flops}}";
        assert!(
            expand(table, &ctx(), "test.md")
                .unwrap()
                .contains("not measured")
        );
    }

    #[test]
    fn the_schedule_renders_every_day() {
        let out = expand("{{#schedule learners}}", &ctx(), "test.md").unwrap();
        for day in ["## Day 1", "## Day 2", "## Day 3", "09:00–09:15"] {
            assert!(out.contains(day), "{out}");
        }
    }
}
