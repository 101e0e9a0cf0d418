//! The data race on the page must not compile. This test compiles
//! `compile_fail/data_race.rs` with the pinned rustc, checks that it fails,
//! and that the error is exactly `compile_fail/data_race.stderr`, the text
//! the page shows. After a toolchain update, regenerate that file with
//! `BLESS=1 cargo test -p parallel --test compile_fail`.
//!
//! One part of rustc's output depends on the machine, not the code: where a
//! note points into the standard library, rustc prints the library's source
//! when the `rust-src` component is installed and a `/rustc/<hash>/` path
//! when it is not. Those locations are left out of the comparison (and of
//! the expected file); everything about our code is compared exactly.

use std::path::Path;
use std::process::Command;

#[test]
fn the_data_race_is_rejected_with_the_error_the_page_shows() {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out_dir =
        std::env::temp_dir().join(format!("parallel-compile-fail-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).expect("create a temporary directory");
    // Run from the crate directory with a relative path, so that the error
    // names the file as `compile_fail/data_race.rs` on every machine.
    let output = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .current_dir(crate_dir)
        .args([
            "--edition",
            "2024",
            "--crate-type",
            "lib",
            "--emit",
            "metadata",
        ])
        .args(["--color", "never", "--out-dir"])
        .arg(&out_dir)
        .arg("compile_fail/data_race.rs")
        .output()
        .expect("rustc can be started");
    let _ = std::fs::remove_dir_all(&out_dir);
    let stderr = without_std_locations(&String::from_utf8_lossy(&output.stderr));

    assert_eq!(
        output.status.code(),
        Some(1),
        "rustc must reject the file:\n{stderr}"
    );
    assert!(
        stderr
            .starts_with("error[E0499]: cannot borrow `total` as mutable more than once at a time"),
        "{stderr}"
    );

    let expected_file = crate_dir.join("compile_fail/data_race.stderr");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&expected_file, stderr.as_bytes()).expect("write the expected error");
    }
    let expected = std::fs::read_to_string(&expected_file).expect("the expected error exists");
    assert_eq!(
        stderr, expected,
        "rustc's error changed; if the new one is right, run \
         `BLESS=1 cargo test -p parallel --test compile_fail` and check the page"
    );
}

/// `stderr` without the locations in the standard library: each `-->` line
/// that points into `library/`, and the source lines printed under it, up to
/// the blank line that ends the note.
fn without_std_locations(stderr: &str) -> String {
    let mut kept = String::new();
    let mut skipping = false;
    for line in stderr.lines() {
        if line.trim_start().starts_with("--> ") && line.contains("/library/") {
            skipping = true;
        } else if line.is_empty() {
            skipping = false;
        }
        if !skipping {
            kept += line;
            kept += "\n";
        }
    }
    kept
}

#[test]
fn std_locations_are_dropped_with_or_without_rust_src() {
    let without_src = "error[E1]: x\n  --> a.rs:1:1\n   |\nnote: y\n  --> /rustc/abc/library/std/src/f.rs:3:4\n\nerror: aborting\n";
    let with_src = "error[E1]: x\n  --> a.rs:1:1\n   |\nnote: y\n  --> /home/me/.rustup/lib/rustlib/src/rust/library/std/src/f.rs:3:4\n   |\n3 |     F: Send,\n   |        ^^^^\n\nerror: aborting\n";
    let expected = "error[E1]: x\n  --> a.rs:1:1\n   |\nnote: y\n\nerror: aborting\n";
    assert_eq!(without_std_locations(without_src), expected);
    assert_eq!(without_std_locations(with_src), expected);
}
