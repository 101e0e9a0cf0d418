//! The course to take away: a PDF of each book, printed from mdBook's
//! `print.html` by the same headless Chromium as the browser test, and a
//! zip of the whole site that opens from disk (`index.html`) with no server.

use crate::cdp::Browser;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where `cargo xtask build` puts the PDFs and the zip.
pub fn offline_dir() -> PathBuf {
    crate::paths::target_dir().join("course").join("offline")
}

/// The name a book's PDF gets.
fn pdf_name(site_path: &str) -> &'static str {
    if site_path.is_empty() {
        "hpc-in-rust.pdf"
    } else {
        "hpc-in-rust-instructors.pdf"
    }
}

/// One PDF per book from its `print.html`, once its fonts (KaTeX's) have
/// loaded, with every collapsed block open; returns the files written.
pub fn pdfs(chromium: &Path, site: &Path, dest: &Path) -> Result<Vec<PathBuf>, String> {
    let site = site
        .canonicalize()
        .map_err(|e| format!("{}: {e}", site.display()))?;
    let profile = crate::paths::target_dir()
        .join("course")
        .join("chromium-print-profile");
    let mut browser = Browser::launch(chromium, &profile)?;
    // mdBook's print.html opens the print dialog when it loads; printing
    // to PDF ourselves, we switch that off (Chromium refuses a second print).
    browser.before_each_page("window.print = () => {};")?;
    let mut written = Vec::new();
    for book in crate::books::books() {
        let print = site.join(book.site_path).join("print.html");
        browser.navigate(&format!("file://{}", print.display()))?;
        // Paper cannot be clicked: print every "Going further" block and
        // every solution open.
        browser.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")?;
        let pdf = dest.join(pdf_name(book.site_path));
        browser.print_to_pdf(&pdf)?;
        written.push(pdf);
    }
    Ok(written)
}

/// CRC-32 (IEEE 802.3, as zip uses), bit by bit: fast enough for a site.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Writes every file under `dir` into a zip at `zip`, under the folder
/// `top/`, stored without compression (the fonts are compressed already,
/// and a stored zip needs no codec): the zip format's local headers, the
/// files, then the central directory (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16).
pub fn zip_dir(dir: &Path, top: &str, zip: &Path) -> Result<u64, String> {
    let fail = |e: std::io::Error| format!("{}: {e}", zip.display());
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let path = entry.map_err(|e| format!("{}: {e}", d.display()))?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    if let Some(parent) = zip.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(zip).map_err(fail)?);
    let mut central = Vec::new();
    let mut offset: u64 = 0;
    for file in &files {
        let data = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let relative = file.strip_prefix(dir).unwrap_or(file);
        let name = format!("{top}/{}", relative.display());
        let (crc, size) = (crc32(&data), data.len());
        if size > u32::MAX as usize || offset > u64::from(u32::MAX) {
            return Err(format!(
                "{}: too large for a zip without ZIP64",
                file.display()
            ));
        }
        let mut local = Vec::new();
        // Signature, version 1.0, no flags but UTF-8 names, stored (method
        // 0), and a fixed time (1980-01-01 00:00) so that builds compare equal.
        local.extend(0x0403_4b50u32.to_le_bytes());
        local.extend(10u16.to_le_bytes());
        local.extend((1u16 << 11).to_le_bytes());
        local.extend([0u8; 4]);
        local.extend(0x0021u16.to_le_bytes());
        local.extend(crc.to_le_bytes());
        local.extend((size as u32).to_le_bytes());
        local.extend((size as u32).to_le_bytes());
        local.extend((name.len() as u16).to_le_bytes());
        local.extend(0u16.to_le_bytes());
        local.extend(name.as_bytes());
        out.write_all(&local).map_err(fail)?;
        out.write_all(&data).map_err(fail)?;
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(10u16.to_le_bytes());
        central.extend(local[4..30].iter());
        // Comment length, disk number, internal and external attributes.
        central.extend([0u8; 2 + 2 + 2 + 4]);
        central.extend((offset as u32).to_le_bytes());
        central.extend(name.as_bytes());
        offset += (local.len() + size) as u64;
    }
    let mut end = Vec::new();
    end.extend(0x0605_4b50u32.to_le_bytes());
    end.extend([0u8; 4]);
    end.extend((files.len() as u16).to_le_bytes());
    end.extend((files.len() as u16).to_le_bytes());
    end.extend((central.len() as u32).to_le_bytes());
    end.extend((offset as u32).to_le_bytes());
    end.extend(0u16.to_le_bytes());
    if files.len() > usize::from(u16::MAX) {
        return Err(format!(
            "{}: too many files for a zip without ZIP64",
            dir.display()
        ));
    }
    out.write_all(&central).map_err(fail)?;
    out.write_all(&end).map_err(fail)?;
    out.flush().map_err(fail)?;
    Ok(offset + (central.len() + end.len()) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        // The check value of CRC-32/ISO-HDLC for "123456789".
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn the_zip_lists_every_file_under_one_folder() {
        let dir = std::env::temp_dir().join(format!("course-zip-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("site/day-1")).unwrap();
        std::fs::write(dir.join("site/index.html"), "<h1>hi</h1>").unwrap();
        std::fs::write(dir.join("site/day-1/a.html"), "a").unwrap();
        let zip = dir.join("site.zip");
        let size = zip_dir(&dir.join("site"), "course", &zip).unwrap();
        let bytes = std::fs::read(&zip).unwrap();
        assert_eq!(bytes.len() as u64, size);
        let text = String::from_utf8_lossy(&bytes);
        assert_eq!(
            text.matches("course/index.html").count(),
            2,
            "local + central"
        );
        assert_eq!(text.matches("course/day-1/a.html").count(), 2);
        // The end record says two files and ends the archive.
        let end = &bytes[bytes.len() - 22..];
        assert_eq!(&end[..4], &0x0605_4b50u32.to_le_bytes());
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2);
        // Python's zipfile, where present, reads it back and checks each CRC.
        if let Some(python) = crate::setup::which("python3") {
            let status = std::process::Command::new(python)
                .args(["-m", "zipfile", "-t"])
                .arg(&zip)
                .output()
                .unwrap();
            assert!(status.status.success(), "{status:?}");
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
