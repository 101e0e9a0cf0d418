//! Building the two books with mdBook, using this very binary as the
//! results/schedule preprocessor.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The pinned versions set-up installs.
pub const MDBOOK_VERSION: &str = "0.5.4";
pub const MDBOOK_KATEX_VERSION: &str = "0.10.0";

pub struct Book {
    pub name: &'static str,
    pub dir: PathBuf,
    /// Where it goes inside the assembled site ("" = the site root).
    pub site_path: &'static str,
}

pub fn books() -> [Book; 2] {
    [
        Book {
            name: "learners' book",
            dir: crate::paths::learners_book(),
            site_path: "",
        },
        Book {
            name: "instructors' guide",
            dir: crate::paths::instructor_book(),
            site_path: "instructor",
        },
    ]
}

/// Renders `book` into `dest` with `mdbook build`; `preprocessor` is the
/// path of an executable that understands `preprocess` (the xtask binary).
/// `results` overrides the results file the pages read.
pub fn build(
    book: &Book,
    dest: &Path,
    preprocessor: &Path,
    results: Option<&Path>,
) -> Result<(), String> {
    let mut command = Command::new("mdbook");
    command
        .arg("build")
        .arg(&book.dir)
        .arg("--dest-dir")
        .arg(dest)
        // The books name `cargo run … preprocess` so that a plain `mdbook build`
        // works; the pipeline points mdBook straight at the built binary instead.
        .env(
            "MDBOOK_PREPROCESSOR__COURSE__COMMAND",
            format!("{} preprocess", preprocessor.display()),
        );
    if let Some(results) = results {
        command.env("COURSE_RESULTS", results);
    }
    let output = command.output().map_err(|e| {
        format!(
            "cannot run mdbook ({e}): run `cargo xtask setup` to install mdbook {MDBOOK_VERSION}"
        )
    })?;
    let log = String::from_utf8_lossy(&output.stderr);
    // mdBook reports a missing include or a failed preprocessor as an ERROR
    // line but may still exit 0; both are build failures here.
    let errors: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("ERROR") || l.contains("error:"))
        .collect();
    if !output.status.success() || !errors.is_empty() {
        return Err(format!(
            "mdbook build {} failed:\n{log}",
            book.dir.display()
        ));
    }
    unexpanded_directives(dest)
}

/// Err naming a page that still shows a course directive: mdBook skips a
/// preprocessor that does not answer its `supports` question, silently.
pub fn unexpanded_directives(site: &Path) -> Result<(), String> {
    const DIRECTIVES: [&str; 6] = [
        "{{#results",
        "{{#schedule",
        "{{#exercise",
        "{{#timing}}",
        "{{#outcomes}}",
        "{{#include",
    ];
    for page in crate::site::files(site, "html") {
        let text = std::fs::read_to_string(&page).unwrap_or_default();
        if let Some(directive) = DIRECTIVES.iter().find(|d| text.contains(*d)) {
            return Err(format!(
                "{} shows {directive}…}}}} unexpanded: the course preprocessor did not run",
                page.display()
            ));
        }
    }
    Ok(())
}

/// Builds `book` next to `dest` and then swaps it in, so that a server
/// reading `dest` never sees the half-empty folder mdBook works in.
pub fn build_and_swap(book: &Book, dest: &Path, preprocessor: &Path) -> Result<(), String> {
    let next = dest.with_extension("next");
    let old = dest.with_extension("old");
    let _ = std::fs::remove_dir_all(&next);
    build(book, &next, preprocessor, None)?;
    let _ = std::fs::remove_dir_all(&old);
    if dest.exists() {
        std::fs::rename(dest, &old).map_err(|e| format!("swapping in the new build: {e}"))?;
    }
    std::fs::rename(&next, dest).map_err(|e| format!("swapping in the new build: {e}"))?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

/// Builds both books into `site` (learners at the root, instructors under
/// `instructor/`). Each book is built into its own folder first, because
/// mdBook empties its destination.
pub fn build_site(site: &Path, preprocessor: &Path, results: Option<&Path>) -> Result<(), String> {
    let staging = site.with_extension("staging");
    let _ = std::fs::remove_dir_all(&staging);
    for book in books() {
        build(
            &book,
            &staging.join(book.name.replace(['\'', ' '], "")),
            preprocessor,
            results,
        )?;
    }
    let _ = std::fs::remove_dir_all(site);
    for book in books() {
        let from = staging.join(book.name.replace(['\'', ' '], ""));
        copy_dir(&from, &site.join(book.site_path))
            .map_err(|e| format!("assembling the site: {e}"))?;
    }
    let _ = std::fs::remove_dir_all(&staging);
    Ok(())
}

pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod unexpanded_tests {
    use super::*;

    #[test]
    fn a_page_that_still_shows_a_directive_fails_the_build() {
        let site = std::env::temp_dir().join(format!("course-unexpanded-{}", std::process::id()));
        std::fs::create_dir_all(site.join("day-1")).unwrap();
        std::fs::write(site.join("index.html"), "<p>all expanded</p>").unwrap();
        assert_eq!(unexpanded_directives(&site), Ok(()));
        std::fs::write(site.join("day-1/stack.html"), "<p>{{#results machine}}</p>").unwrap();
        let error = unexpanded_directives(&site).unwrap_err();
        std::fs::remove_dir_all(&site).unwrap();
        assert!(
            error.contains("stack.html shows {{#results…}} unexpanded"),
            "{error}"
        );
    }
}
