//! The pipeline's command line: usage on mistakes, the no-root set-up path,
//! and the local server.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn xtask() -> Command {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
}

#[test]
fn an_unknown_command_prints_usage_and_exits_2() {
    let out = xtask().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("usage: cargo xtask <command>"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_bad_serve_option_prints_usage_and_exits_2() {
    let out = xtask().args(["serve", "--port", "lots"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("error: --port needs a number, got \"lots\""),
        "{stderr}"
    );
}

#[test]
fn setup_on_a_login_node_lists_what_it_skipped_and_never_exits_0() {
    // Rehearse a cluster login node: no MPI, no Vulkan driver, no HDF5, no apt.
    let out = xtask()
        .args(["setup", "--no-install"])
        .env("COURSE_SIMULATE_MISSING", "mpi,vulkan,hdf5,apt")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("SKIPPED — these checks did NOT run"),
        "{stderr}"
    );
    assert!(
        stderr.contains("MPI: the `distributed` and `capstone-mpi` crates")
            && stderr.contains("module load openmpi")
    );
    assert!(stderr.contains("GPU: the `gpu` kernels") && stderr.contains("mesa-vulkan-drivers"));
    assert!(
        stderr.contains("HDF5: the `scientific-data` crate") && stderr.contains("module load hdf5")
    );
}

/// A port nobody listens on right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn get(port: u16, path: &str) -> Option<String> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    Some(response)
}

#[test]
fn serve_answers_with_both_books_and_live_reload() {
    if let Ok(reason) = std::env::var("COURSE_SKIP_BOOKS") {
        eprintln!("SKIPPED: {reason}");
        return;
    }
    let port = free_port();
    let mut server = xtask()
        .args(["serve", "--no-bench", "--port", &port.to_string()])
        .env("COURSE_RESULTS", "tests/fixtures/results.json")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut home = None;
    while start.elapsed() < Duration::from_secs(60) && home.is_none() {
        std::thread::sleep(Duration::from_millis(200));
        home = get(port, "/");
    }
    let instructor = get(port, "/instructor/");
    let missing = get(port, "/no-such-page.html");
    let traversal = get(port, "/../Cargo.toml");
    server.kill().unwrap();
    server.wait().unwrap();

    let home = home.expect("the server answered within a minute");
    assert!(home.starts_with("HTTP/1.1 200 OK"), "{home}");
    assert!(home.contains("High-Performance Computing in Rust"));
    assert!(
        home.contains("/__build?seen="),
        "live-reload script injected"
    );
    let instructor = instructor.unwrap();
    assert!(instructor.starts_with("HTTP/1.1 200 OK") && instructor.contains("About this guide"));
    assert!(missing.unwrap().starts_with("HTTP/1.1 404"));
    assert!(
        !traversal.unwrap().starts_with("HTTP/1.1 200"),
        "no files outside the site"
    );
}
