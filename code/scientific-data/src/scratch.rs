//! A private scratch directory under the system's temporary directory,
//! removed with everything in it when it goes out of scope.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A directory of our own for files that must not outlive the program.
pub struct ScratchDir {
    path: PathBuf,
}

impl ScratchDir {
    /// Creates `<temp>/scientific-data-<tag>-<pid>-<n>`: unique per process
    /// and per call, so tests running in parallel never share files.
    pub fn new(tag: &str) -> ScratchDir {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("scientific-data-{tag}-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&path)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", path.display()));
        ScratchDir { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::ScratchDir;

    #[test]
    fn the_directory_and_its_files_are_removed_on_drop() {
        let dir = ScratchDir::new("drop");
        let file = dir.join("a.txt");
        std::fs::write(&file, "x").unwrap();
        let other = ScratchDir::new("drop");
        assert_ne!(dir.path(), other.path());
        let path = dir.path().to_path_buf();
        drop(dir);
        assert!(!path.exists() && !file.exists());
    }
}
