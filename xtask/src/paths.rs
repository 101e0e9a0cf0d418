//! Where things are. The pipeline is built inside this repository, so the
//! repository root is the root package's manifest directory.

use std::path::PathBuf;

/// The repository root (it holds `Cargo.toml`, `book.toml`, `schedule.toml`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Cargo's target directory, honouring `CARGO_TARGET_DIR`.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

/// The one results file the books read; `COURSE_RESULTS` overrides it (the
/// tests use that to render the books with and without results).
pub fn results_file() -> PathBuf {
    match std::env::var_os("COURSE_RESULTS") {
        Some(path) => root().join(path),
        None => target_dir().join("course").join("results.json"),
    }
}

/// The learners' book (`book.toml` at the root, pages in `src/`).
pub fn learners_book() -> PathBuf {
    root()
}

/// The instructors' guide (its own `book.toml`, pages next to it).
pub fn instructor_book() -> PathBuf {
    root().join("instructor")
}

/// Where `build` and `serve` render the two books.
pub fn site_dir() -> PathBuf {
    target_dir().join("site")
}

/// The Python virtual environment set-up creates for the NumPy baselines.
pub fn venv_python() -> PathBuf {
    root().join(".venv").join("bin").join("python3")
}
