//! Files the examples write: complete or not there at all, and scratch
//! folders that never outlive the program.

use crate::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Writes `path` through `fill`, so that it is never seen half-written: the
/// bytes go to a temporary file beside it (same folder, so same file
/// system), which is renamed over `path` only once everything is written
/// and flushed. `rename` replaces the target in one step (rename(2)). On any
/// error, and on a panic, the temporary file is removed and `path` is left
/// as it was.
///
/// A target that exists and is not a regular file (`/dev/stdout`, a FIFO,
/// `/dev/null`) is written directly: renaming over it would replace the
/// device or the pipe with a file, and there is no file to leave half done.
pub fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<(), Error> {
    let cannot = |e| Error::io("write", path, e);
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut writer = BufWriter::new(File::create(path).map_err(cannot)?);
        fill(&mut writer).map_err(cannot)?;
        return writer.flush().map_err(cannot);
    }
    let Some(name) = path.file_name() else {
        return Err(Error::failed(format!(
            "cannot write {}: it names no file",
            path.display()
        )));
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut hidden = std::ffi::OsString::from(".");
    hidden.push(name);
    hidden.push(format!(".{}.tmp", std::process::id()));
    let temporary = Removed(folder.join(hidden));
    let file = File::create_new(&temporary.0).map_err(cannot)?;
    let mut writer = BufWriter::new(file);
    fill(&mut writer).map_err(cannot)?;
    let file = writer.into_inner().map_err(|e| cannot(e.into_error()))?;
    // A full disk may only show when the data reach it.
    file.sync_all().map_err(cannot)?;
    std::fs::rename(&temporary.0, path).map_err(cannot)?;
    std::mem::forget(temporary);
    Ok(())
}

/// A path deleted when this value is dropped (unless it is forgotten).
struct Removed(PathBuf);

impl Drop for Removed {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// A folder of our own under the system's temporary folder (`TMPDIR`),
/// removed with everything in it when the value is dropped: at the end of
/// `main`, on an error returned through `?`, and while a panic unwinds. Only
/// `std::process::exit` (which runs no destructors) or a signal skips it,
/// which is why the examples return their errors instead of exiting.
pub struct ScratchDir {
    path: PathBuf,
}

impl ScratchDir {
    /// Creates `<temp>/<tag>-<pid>-<n>`: unique per process and per call.
    pub fn new(tag: &str) -> Result<ScratchDir, Error> {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let n = COUNT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("{tag}-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&path)
            .map_err(|e| Error::io("create the scratch folder", &path, e))?;
        Ok(ScratchDir { path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A path inside the folder.
    pub fn join(&self, name: &str) -> PathBuf {
        self.path.join(name)
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// The bytes of `path`; the error names the path.
pub fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|e| Error::io("read", path, e))
}

/// Opens `path` for reading; the error names the path.
pub fn open(path: &Path) -> Result<File, Error> {
    File::open(path).map_err(|e| Error::io("open", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_written_file_appears_whole() {
        let dir = ScratchDir::new("cli-test").unwrap();
        let target = dir.join("out.txt");
        write_atomically(&target, |w| w.write_all(b"hello\n")).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"hello\n");
        assert_eq!(entries(dir.path()), ["out.txt"]);
    }

    #[test]
    fn a_failed_write_leaves_nothing_and_names_the_path() {
        let dir = ScratchDir::new("cli-test").unwrap();
        let target = dir.join("out.txt");
        std::fs::write(&target, "old").unwrap();
        let error = write_atomically(&target, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::from_raw_os_error(28))
        })
        .unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with(&format!("cannot write {}: ", target.display())));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(entries(dir.path()), ["out.txt"]);
        let missing = dir.join("no/such/folder/out.txt");
        let message = write_atomically(&missing, |_| Ok(()))
            .unwrap_err()
            .to_string();
        assert!(message.contains("no/such/folder/out.txt"), "{message}");
    }

    #[test]
    fn a_device_is_written_in_place() {
        write_atomically(Path::new("/dev/null"), |w| w.write_all(b"gone")).unwrap();
        assert!(Path::new("/dev/null").exists());
        let message = write_atomically(Path::new("/dev/full"), |w| w.write_all(&[b'x'; 9000]))
            .unwrap_err()
            .to_string();
        assert!(message.starts_with("cannot write /dev/full: "), "{message}");
    }

    #[test]
    fn scratch_folders_go_away_and_say_where_they_could_not_be_made() {
        let dir = ScratchDir::new("cli-test").unwrap();
        let path = dir.path().to_path_buf();
        std::fs::write(dir.join("a"), "x").unwrap();
        drop(dir);
        assert!(!path.exists());
        let message = read(Path::new("/no/such/file")).unwrap_err().to_string();
        assert!(message.starts_with("cannot read /no/such/file: "));
    }
}
