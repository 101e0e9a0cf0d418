//! The same numerical code on the CPU or the GPU, chosen when the program
//! runs: the mean and root mean square of N numbers.
//!
//!     cargo run --release -p gpu --example backend_choice -- --backend cpu|gpu|auto [N]
use gpu::backend::{Choice, choose, mean_and_rms};

const USAGE: &str = "usage: backend_choice --backend cpu|gpu|auto [N]";

// ANCHOR: main
fn main() {
    let (choice, n) = match parse_args() {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("error: {message} ({USAGE})");
            std::process::exit(2);
        }
    };
    let (backend, why) = match choose(choice) {
        Ok(chosen) => chosen,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    };
    println!("backend: {} ({why})", backend.name());

    // 0, 1, 2, 3, 0, 1, ...: sums of small integers, exact on any backend.
    let x: Vec<f32> = (0..n).map(|i| (i % 4) as f32).collect();
    match mean_and_rms(backend.as_ref(), &x) {
        Ok((mean, rms)) => println!("{n} numbers: mean {mean:.4}, rms {rms:.4}"),
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
// ANCHOR_END: main

/// `--backend <choice>` (required) and an optional N.
fn parse_args() -> Result<(Choice, usize), String> {
    let mut args = std::env::args().skip(1);
    let mut choice = None;
    let mut n = 1_000_000;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--backend" => {
                let value = args.next().ok_or("--backend needs a value")?;
                choice = Some(value.parse()?);
            }
            text => {
                n = text
                    .parse()
                    .map_err(|_| format!("N must be a whole number, got {text:?}"))?;
            }
        }
    }
    if n == 0 {
        return Err("N must be at least 1".into());
    }
    Ok((choice.ok_or("which backend? --backend is missing")?, n))
}
