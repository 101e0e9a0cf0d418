//! Flamegraphs for the Performance episode: `cargo xtask bench` profiles the
//! word-count program with `perf` and draws the profile with inferno; the
//! page directive `{{#results flamegraph wordcount}}` shows the picture, or
//! says why there is none ("not generated in this build").
//!
//! `perf` needs Linux and permission to read performance events
//! (`/proc/sys/kernel/perf_event_paranoid` at 2 or lower lets a normal user
//! profile their own programs). Everything else is optional: without perf or
//! inferno the pipeline notes the reason and the page says so.

use crate::progress::{note, step};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The pinned inferno release (`inferno-collapse-perf`, `inferno-flamegraph`).
pub const INFERNO_VERSION: &str = "0.12.8";

/// Bytes of generated text the profiled run counts (about a second's work
/// for the plain port).
const PROFILE_INPUT_BYTES: &str = "20000000";

/// Where the results live: next to the results file the books read.
fn course_dir() -> PathBuf {
    crate::paths::results_file()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| crate::paths::target_dir().join("course"))
}

/// The flamegraph of `name`.
pub fn svg_path(name: &str) -> PathBuf {
    course_dir().join(format!("flamegraph-{name}.svg"))
}

/// Why the flamegraph of `name` was not generated (written instead of it).
pub fn reason_path(name: &str) -> PathBuf {
    course_dir().join(format!("flamegraph-{name}.txt"))
}

fn works(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn inferno_installed() -> bool {
    Command::new("cargo")
        .args(["install", "--list"])
        .output()
        .is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout).contains(&format!("inferno v{INFERNO_VERSION}:"))
        })
        && works("inferno-flamegraph", &["--help"])
}

/// Set-up: `perf` from the distribution (Debian: `linux-perf`) when root
/// with apt, inferno with `cargo install --locked`. Failures are notes, not
/// errors: the flamegraph is the only thing that needs them.
pub fn setup(install: bool, can_apt: bool) {
    if !works("perf", &["--version"]) {
        if install && can_apt {
            let _s = step("installing perf (apt: linux-perf) for the flamegraph");
            let ok = Command::new("apt-get")
                .args([
                    "install",
                    "-y",
                    "-qq",
                    "--no-install-recommends",
                    "linux-perf",
                ])
                .env("DEBIAN_FRONTEND", "noninteractive")
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                note(
                    "could not install perf: on Ubuntu `apt install linux-tools-generic`, \
                     elsewhere your distribution's perf package",
                );
            }
        } else {
            note(
                "perf not found: the word-count flamegraph will not be generated \
                 (Debian: `apt install linux-perf`; Ubuntu: `apt install linux-tools-generic`)",
            );
        }
    }
    if !inferno_installed() {
        if install {
            let _s = step(format!(
                "installing inferno {INFERNO_VERSION} (cargo install --locked; a few minutes)"
            ));
            let ok = Command::new("cargo")
                .args(["install", "--locked", &format!("inferno@{INFERNO_VERSION}")])
                .status()
                .is_ok_and(|s| s.success());
            if !ok {
                note("could not install inferno: the word-count flamegraph will not be generated");
            }
        } else {
            note(format!(
                "inferno {INFERNO_VERSION} is not installed: run \
                 `cargo install --locked inferno@{INFERNO_VERSION}`"
            ));
        }
    }
}

/// Profiles the plain word count on generated text and writes its
/// flamegraph, or the reason there is none. Never fails the pipeline.
pub fn generate_wordcount(env: &[(String, String)]) {
    let _s = step("flamegraph of the word count (perf + inferno)");
    let _ = std::fs::create_dir_all(course_dir());
    match profile_wordcount(env) {
        Ok(svg) => {
            let _ = std::fs::remove_file(reason_path("wordcount"));
            match std::fs::write(svg_path("wordcount"), svg) {
                Ok(()) => note(format!(
                    "flamegraph written to {}",
                    svg_path("wordcount").display()
                )),
                Err(e) => record_failure(&format!("cannot write the SVG: {e}")),
            }
        }
        Err(why) => record_failure(&why),
    }
}

fn record_failure(why: &str) {
    note(format!("flamegraph not generated: {why}"));
    let _ = std::fs::remove_file(svg_path("wordcount"));
    let _ = std::fs::write(reason_path("wordcount"), format!("{why}\n"));
}

/// Runs `program` with `args`; its stdout, or the last line it complained with.
fn run(program: &str, args: &[&str], env: &[(String, String)]) -> Result<Vec<u8>, String> {
    let out = Command::new(program)
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .current_dir(crate::paths::root())
        .output()
        .map_err(|e| format!("cannot run `{program}`: {e}"))?;
    if out.status.success() {
        return Ok(out.stdout);
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("no message");
    Err(format!(
        "`{program} {}` failed: {}",
        args.join(" "),
        last.trim()
    ))
}

fn profile_wordcount(env: &[(String, String)]) -> Result<Vec<u8>, String> {
    if !works("perf", &["--version"]) {
        return Err("`perf` is not installed".into());
    }
    for tool in ["inferno-collapse-perf", "inferno-flamegraph"] {
        if !works(tool, &["--help"]) {
            return Err(format!(
                "`{tool}` is not installed (cargo install --locked inferno@{INFERNO_VERSION})"
            ));
        }
    }
    // The bench profile: optimised like --release, plus line tables, so the
    // profile can name functions the optimiser inlined.
    run(
        "cargo",
        &[
            "build",
            "--quiet",
            "--profile",
            "bench",
            "-p",
            "performance",
            "--example",
            "wordcount",
            "--example",
            "gen_text",
        ],
        env,
    )?;
    let examples = crate::paths::target_dir().join("release").join("examples");
    let work = course_dir().join("flamegraph-work");
    std::fs::create_dir_all(&work).map_err(|e| format!("{}: {e}", work.display()))?;
    let path = |name: &str| work.join(name).display().to_string();
    let program = |name: &str| examples.join(name).display().to_string();
    run(
        &program("gen_text"),
        &[&path("input.txt"), PROFILE_INPUT_BYTES, "1"],
        env,
    )?;
    let mut env = env.to_vec();
    env.push(("WORDCOUNT_STEP".into(), "plain".into()));
    run(
        "perf",
        &[
            "record",
            "--quiet",
            "-F",
            "997",
            "--call-graph",
            "dwarf",
            "-o",
            &path("perf.data"),
            "--",
            &program("wordcount"),
            &path("input.txt"),
            &path("output.txt"),
        ],
        &env,
    )?;
    let script = run(
        "perf",
        &["script", "--inline", "-i", &path("perf.data")],
        &env,
    )?;
    std::fs::write(work.join("perf.txt"), script).map_err(|e| e.to_string())?;
    let folded = run("inferno-collapse-perf", &[&path("perf.txt")], &env)?;
    if folded.is_empty() {
        return Err("perf recorded no samples".into());
    }
    std::fs::write(work.join("folded.txt"), folded).map_err(|e| e.to_string())?;
    let svg = run(
        "inferno-flamegraph",
        &[
            "--title",
            "Word count, plain port (20 MB of generated text)",
            "--width",
            "1200",
            &path("folded.txt"),
        ],
        &env,
    )?;
    let _ = std::fs::remove_dir_all(&work);
    Ok(svg)
}

/// The directive `{{#results flamegraph NAME}}`: the SVG as an image (a
/// `data:` URI, so the page needs no extra file and loads nothing from
/// elsewhere), or a sentence saying why it is missing.
pub fn render(name: &str) -> String {
    match std::fs::read(svg_path(name)) {
        Ok(svg) if !svg.is_empty() => format!(
            "<figure class=\"course-flamegraph\"><img src=\"data:image/svg+xml;base64,{}\" \
             alt=\"Flamegraph of the {name} program: the width of each box is its share of \
             the samples\" style=\"width:100%;height:auto\"></figure>\n",
            base64(&svg)
        ),
        _ => {
            let why = std::fs::read_to_string(reason_path(name))
                .map(|r| r.trim().to_string())
                .unwrap_or_else(|_| "run `cargo xtask bench` on Linux with `perf`".into());
            format!(
                "*Flamegraph of `{name}`: not generated in this build ({}).*\n",
                why.replace('*', "\\*")
            )
        }
    }
}

/// Standard base64 (RFC 4648) with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_examples() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn a_missing_flamegraph_says_why_and_a_present_one_is_an_image() {
        // A name no real run uses, in the real results directory.
        let name = format!("test-{}", std::process::id());
        let _ = std::fs::create_dir_all(course_dir());
        let _ = std::fs::remove_file(svg_path(&name));
        let _ = std::fs::remove_file(reason_path(&name));
        let missing = render(&name);
        assert!(missing.contains("not generated in this build"), "{missing}");
        assert!(missing.contains("cargo xtask bench"), "{missing}");

        std::fs::write(reason_path(&name), "`perf` is not installed\n").unwrap();
        assert_eq!(
            render(&name),
            format!(
                "*Flamegraph of `{name}`: not generated in this build (`perf` is not installed).*\n"
            )
        );

        std::fs::write(svg_path(&name), "<svg></svg>").unwrap();
        let shown = render(&name);
        let _ = std::fs::remove_file(svg_path(&name));
        let _ = std::fs::remove_file(reason_path(&name));
        assert!(shown.starts_with("<figure"), "{shown}");
        assert!(shown.contains(&format!(
            "data:image/svg+xml;base64,{}",
            base64(b"<svg></svg>")
        )));
        assert!(!shown.contains("\n\n"), "one HTML block");
    }
}
