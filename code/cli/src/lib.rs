//! The command line of every example program of the course, in one place,
//! so that all of them behave the same way on bad input:
//!
//! - `--help` (or `-h`) prints the usage and exits with 0; an unknown
//!   option, a missing or an extra argument is one line on stderr and exit
//!   code 2 ([`Args`]).
//! - Numbers are parsed with their allowed range, so a size can neither wrap
//!   nor ask for unbounded work ([`Args::count`], [`Args::number`]).
//! - The memory a size needs is computed with checked arithmetic and compared
//!   with the memory the machine has before anything is allocated
//!   ([`memory::ensure_fits`]).
//! - Output files appear complete or not at all ([`files::write_atomically`]);
//!   scratch folders are removed on every exit path ([`files::ScratchDir`]).
//! - A closed stdout (`| head -1`) ends the program quietly with exit code 0,
//!   a full disk (`> /dev/full`) with one line ([`run`]).
//! - Every I/O error names its path ([`Error::io`]).
//!
//! # Exit codes
//!
//! | code | meaning |
//! |------|---------|
//! | 0 | success, `--help`, or stdout closed by the reader |
//! | 1 | the run failed: I/O, not enough memory, no GPU, … |
//! | 2 | the command line is wrong |
//!
//! # Why `lexopt`
//!
//! The command line is split into options and values by
//! [`lexopt`](https://docs.rs/lexopt): it has no dependencies and compiles in
//! well under a second, where `clap` (builder API only, features `std`,
//! `help`, `usage`, `error-context`) took about 10 s of a release build on
//! the course's 2-core machine (measured with `cargo build --release` of an
//! empty crate depending on each). Every lesson crate depends on this one, so
//! that cost would be paid by every learner's first build. The examples need
//! no generated help or subcommands: a usage line and a few `--name VALUE`
//! options, which lexopt's loop handles in a few lines ([`Args::parse`]).

pub mod args;
pub mod error;
pub mod files;
pub mod memory;
pub mod run;
pub mod timing;

pub use args::{Args, Usage, check_rayon_threads};
pub use error::{AtPath, Error};
pub use run::run;
pub use timing::time_best_of;
