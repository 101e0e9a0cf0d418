//! The books and the code agree: every Rust (or WGSL) block in a page is an
//! `{{#include}}` of workspace code, every include points at a file and
//! anchor that exist, every snippet is followed by the command that runs it,
//! and every episode page has its parts.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every Markdown page of both books, with its text.
fn pages() -> Vec<(PathBuf, String)> {
    let mut pages = Vec::new();
    for dir in ["src", "instructor/src"] {
        for path in course::site::files(&root().join(dir), "md") {
            let text = std::fs::read_to_string(&path).expect("page is readable");
            pages.push((path, text));
        }
    }
    assert!(pages.len() > 5, "no pages found");
    pages
}

fn shown(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// A fenced code block: its language, its lines, and the line it opens on.
struct Block {
    language: String,
    body: Vec<String>,
    line: usize,
}

/// Fenced blocks, also inside block quotes (admonitions).
fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (number, raw) in text.lines().enumerate() {
        let line = raw.trim_start().trim_start_matches('>').trim_start();
        match &mut open {
            None if line.starts_with("```") => {
                open = Some(Block {
                    language: line.trim_start_matches('`').trim().to_string(),
                    body: Vec::new(),
                    line: number + 1,
                })
            }
            Some(_) if line.starts_with("```") => blocks.push(open.take().expect("open block")),
            Some(block) => block.body.push(line.to_string()),
            None => {}
        }
    }
    blocks
}

/// Each `{{#include path[:anchor]}}` (and `rustdoc_include`) in a text.
fn includes(text: &str) -> Vec<(String, Option<String>)> {
    let mut found = Vec::new();
    for marker in ["{{#include ", "{{#rustdoc_include "] {
        let mut rest = text;
        while let Some(at) = rest.find(marker) {
            rest = &rest[at + marker.len()..];
            let end = rest.find("}}").expect("include is closed with }}");
            let target = rest[..end].trim();
            let (path, anchor) = match target.split_once(':') {
                Some((p, a)) => (p.to_string(), Some(a.to_string())),
                None => (target.to_string(), None),
            };
            found.push((path, anchor));
        }
    }
    found
}

#[test]
fn every_rust_and_wgsl_block_is_an_include_of_workspace_code() {
    let mut problems = Vec::new();
    for (page, text) in pages() {
        for block in blocks(&text) {
            if !matches!(block.language.as_str(), "rust" | "wgsl") || block.language.contains(',') {
                continue;
            }
            let lines: Vec<&String> = block.body.iter().filter(|l| !l.trim().is_empty()).collect();
            let included = lines.len() == 1 && !includes(lines[0]).is_empty();
            if !included {
                problems.push(format!(
                    "{}:{}: a ```{} block must contain exactly one {{{{#include ../../code/...:anchor}}}}",
                    shown(&page),
                    block.line,
                    block.language
                ));
                continue;
            }
            for (path, _) in includes(lines[0]) {
                let resolved = page.parent().unwrap().join(&path);
                let resolved = resolved.canonicalize().unwrap_or(resolved);
                let in_workspace = ["code", "benches"]
                    .iter()
                    .any(|d| resolved.starts_with(root().join(d)));
                if !in_workspace {
                    problems.push(format!(
                        "{}:{}: {path} is not workspace code (code/ or benches/)",
                        shown(&page),
                        block.line
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_include_points_at_an_existing_file_and_anchor() {
    let mut problems = Vec::new();
    let mut count = 0;
    for (page, text) in pages() {
        for (path, anchor) in includes(&text) {
            count += 1;
            let file = page.parent().unwrap().join(&path);
            let Ok(source) = std::fs::read_to_string(&file) else {
                problems.push(format!(
                    "{}: included file {path} does not exist",
                    shown(&page)
                ));
                continue;
            };
            let Some(anchor) = anchor else { continue };
            if anchor.split(':').all(|n| n.parse::<usize>().is_ok()) {
                problems.push(format!(
                    "{}: {path}:{anchor}: use a named ANCHOR, not line numbers",
                    shown(&page)
                ));
                continue;
            }
            let has = |marker: &str| {
                source
                    .lines()
                    .any(|l| l.trim_end().ends_with(&format!("{marker}: {anchor}")))
            };
            if !has("ANCHOR") || !has("ANCHOR_END") {
                problems.push(format!(
                    "{}: {path} has no ANCHOR/ANCHOR_END pair named {anchor:?}",
                    shown(&page)
                ));
            }
        }
    }
    assert!(count > 0, "no includes found at all");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_rust_snippet_is_followed_by_the_command_that_runs_it() {
    let mut problems = Vec::new();
    for (page, text) in pages() {
        // Within each section (up to the next heading), the last Rust block
        // must be followed by a console block that runs cargo or mpirun.
        let mut first_line = 0;
        for section in text.split("\n#") {
            let offset = first_line;
            first_line += section.lines().count();
            let found = blocks(section);
            let Some(last_rust) = found.iter().rposition(|b| b.language == "rust") else {
                continue;
            };
            let runs = found[last_rust..].iter().any(|b| {
                matches!(b.language.as_str(), "console" | "bash" | "sh" | "shell")
                    && b.body
                        .iter()
                        .any(|l| l.contains("cargo ") || l.contains("mpirun "))
            });
            if !runs {
                problems.push(format!(
                    "{}:{}: no ```console block with the command that runs this snippet follows it",
                    shown(&page),
                    offset + found[last_rust].line
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn episode_pages_open_with_questions_and_objectives_and_end_with_keypoints() {
    for page in course::site::files(&root().join("src"), "md") {
        let is_episode = page
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|d| d.to_string_lossy().starts_with("day-"));
        if !is_episode {
            continue;
        }
        let text = std::fs::read_to_string(&page).unwrap();
        let first_section = text.split("\n## ").next().unwrap();
        assert!(
            first_section.contains("**Questions**") && first_section.contains("**Objectives**"),
            "{}: must open with Questions and Objectives",
            shown(&page)
        );
        let last_section = text.rsplit("\n## ").next().unwrap();
        let keypoints = last_section
            .rfind("**Keypoints**")
            .expect("keypoints at the end");
        assert!(
            !last_section[keypoints..].contains("\n## "),
            "{}: Keypoints must be the last thing on the page",
            shown(&page)
        );
        assert!(
            text.contains("<details>"),
            "{}: an exercise with a collapsed solution",
            shown(&page)
        );
    }
}

#[test]
fn every_page_is_in_its_books_summary() {
    for dir in ["src", "instructor/src"] {
        let book = root().join(dir);
        let summary = std::fs::read_to_string(book.join("SUMMARY.md")).unwrap();
        for page in course::site::files(&book, "md") {
            let relative = page.strip_prefix(&book).unwrap().display().to_string();
            if relative == "SUMMARY.md" {
                continue;
            }
            assert!(
                summary.contains(&format!("]({relative})")),
                "{dir}/{relative} is not in SUMMARY.md"
            );
        }
    }
}

#[test]
fn every_episode_with_a_page_has_a_crate_a_bench_and_instructor_notes() {
    let schedule = course::schedule::load(&root().join("schedule.toml")).unwrap();
    let mut episodes = 0;
    for item in schedule.day.iter().flat_map(|d| &d.item) {
        let Some(page) = &item.page else { continue };
        if !root().join("src").join(page).exists() {
            continue;
        }
        episodes += 1;
        let krate = item
            .crate_name
            .as_deref()
            .expect("an episode names its crate");
        assert!(
            root().join("code").join(krate).join("Cargo.toml").exists(),
            "{page}: no crate code/{krate}"
        );
        let notes = item
            .notes
            .as_deref()
            .unwrap_or_else(|| panic!("{page}: no notes entry"));
        assert!(
            root().join("instructor/src").join(notes).exists(),
            "{page}: no instructor notes {notes}"
        );
        // `benches/<crate>.rs`, or `benches/<crate>_<part>.rs` when several
        // episodes share a crate (GPU I and II: gpu_basics, gpu_kernels).
        let stem = krate.replace('-', "_");
        let has_bench = std::fs::read_dir(root().join("benches"))
            .expect("benches/ is readable")
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .any(|name| {
                name == format!("{stem}.rs")
                    || (name.starts_with(&format!("{stem}_")) && name.ends_with(".rs"))
            });
        assert!(
            has_bench,
            "{page}: no benchmark file benches/{stem}.rs or benches/{stem}_*.rs"
        );
    }
    assert!(episodes >= 1);
}

#[test]
fn the_checker_recognises_blocks_and_includes() {
    let page = "text\n> ```rust\n> {{#include ../../code/x/src/lib.rs:k}}\n> ```\n```console\ncargo run\n```\n";
    let found = blocks(page);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].language, "rust");
    assert_eq!(
        includes(&found[0].body[0]),
        [("../../code/x/src/lib.rs".to_string(), Some("k".to_string()))]
    );
}

/// Cargo puts every crate's examples in one `target/*/examples` folder, so
/// two crates with an example of the same name overwrite each other's
/// program, and a test may run the wrong one.
#[test]
fn example_names_are_unique_across_the_workspace() {
    let code = Path::new(env!("CARGO_MANIFEST_DIR")).join("code");
    let mut seen: std::collections::BTreeMap<String, String> = Default::default();
    for krate in std::fs::read_dir(&code).unwrap().flatten() {
        let Ok(examples) = std::fs::read_dir(krate.path().join("examples")) else {
            continue;
        };
        for example in examples.flatten() {
            let name = example.file_name().to_string_lossy().into_owned();
            let Some(stem) = name.strip_suffix(".rs") else {
                continue;
            };
            let owner = krate.file_name().to_string_lossy().into_owned();
            if let Some(other) = seen.insert(stem.to_string(), owner.clone()) {
                panic!("example `{stem}` exists in both `{other}` and `{owner}`");
            }
        }
    }
    assert!(seen.len() > 10);
}
