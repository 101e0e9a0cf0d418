//! How much memory a size needs, computed before anything is allocated, and
//! whether the machine has it.
//!
//! Rust aborts the process when an allocation fails ("memory allocation of
//! N bytes failed"), and on Linux a large enough allocation may even succeed
//! and get the process killed later, when the pages are touched. So the
//! examples compute what they will need with checked arithmetic and compare
//! it with the memory available *before* allocating, and tell the user in
//! one line instead.

use crate::Error;

/// `count` items of `bytes_each` bytes, or an error if the product does not
/// even fit in a `u64`. `what` names the items in the message.
pub fn bytes_for(count: u64, bytes_each: u64, what: &str) -> Result<u64, Error> {
    count.checked_mul(bytes_each).ok_or_else(|| {
        Error::failed(format!(
            "{count} {what} of {bytes_each} bytes each are more bytes than a 64-bit number can count"
        ))
    })
}

/// Fails with "<what> need 80 GB; this machine has 23 GB available" when
/// `bytes` is more than the memory available now.
///
/// On Linux "available" is `MemAvailable` from `/proc/meminfo`, what can be
/// allocated without swapping (proc(5)), or less when `ulimit -v` limits
/// this process's address space (`/proc/self/limits` minus the `VmSize` it
/// already has). A cgroup's memory limit is not looked at. Elsewhere there
/// is no portable way to ask, so the check is only that `bytes` fits in the
/// address space (`isize::MAX`); a failed allocation then still aborts, as
/// Rust does.
pub fn ensure_fits(bytes: u64, what: &str) -> Result<(), Error> {
    let address_space = isize::MAX as u64;
    let available = available_bytes()
        .unwrap_or(address_space)
        .min(address_space);
    if bytes <= available {
        Ok(())
    } else {
        Err(Error::failed(format!(
            "{what} need {}; this machine has {} available",
            human(bytes),
            human(available)
        )))
    }
}

/// [`bytes_for`] then [`ensure_fits`]: "<count> <what> need …".
pub fn ensure_items_fit(count: u64, bytes_each: u64, what: &str) -> Result<(), Error> {
    let bytes = bytes_for(count, bytes_each, what)?;
    ensure_fits(bytes, &format!("{count} {what}"))
}

/// The memory that can be allocated now, in bytes: `MemAvailable` of
/// `/proc/meminfo` on Linux, `None` where that file does not exist or does
/// not say.
pub fn available_bytes() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let available = parse_mem_available(&text)?;
    Some(match address_space_left() {
        Some(left) => available.min(left),
        None => available,
    })
}

/// What `ulimit -v` (RLIMIT_AS) still lets this process map, in bytes;
/// `None` when there is no such limit or Linux's files do not say.
fn address_space_left() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let limit: u64 = limits
        .lines()
        .find(|l| l.starts_with("Max address space"))?
        .split_whitespace()
        .nth(3)?
        .parse()
        .ok()?;
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let used_kib: u64 = status
        .lines()
        .find(|l| l.starts_with("VmSize:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some(limit.saturating_sub(used_kib.saturating_mul(1024)))
}

/// The `MemAvailable:   23456789 kB` line of `/proc/meminfo`, in bytes.
pub fn parse_mem_available(meminfo: &str) -> Option<u64> {
    let line = meminfo.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    kib.checked_mul(1024)
}

/// Bytes in the largest decimal unit that keeps a number ≥ 1: `80 GB`,
/// `1.5 MB`, `512 bytes`.
pub fn human(bytes: u64) -> String {
    const UNITS: [&str; 6] = ["kB", "MB", "GB", "TB", "PB", "EB"];
    if bytes < 1000 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64;
    let mut unit = "";
    for name in UNITS {
        if value < 1000.0 {
            break;
        }
        value /= 1000.0;
        unit = name;
    }
    if value < 10.0 {
        format!("{value:.1} {unit}")
    } else {
        format!("{value:.0} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_words() {
        assert_eq!(human(512), "512 bytes");
        assert_eq!(human(1_500_000), "1.5 MB");
        assert_eq!(human(80_000_000_000), "80 GB");
        assert_eq!(human(u64::MAX), "18 EB");
    }

    #[test]
    fn products_are_checked() {
        assert_eq!(bytes_for(10, 8, "doubles"), Ok(80));
        let message = bytes_for(u64::MAX / 2, 8, "doubles")
            .unwrap_err()
            .to_string();
        assert!(
            message.contains("more bytes than a 64-bit number can count"),
            "{message}"
        );
    }

    #[test]
    fn mem_available_is_read_in_kib() {
        let meminfo = "MemTotal: 100 kB\nMemFree: 5 kB\nMemAvailable:    23 kB\n";
        assert_eq!(parse_mem_available(meminfo), Some(23 * 1024));
        assert_eq!(parse_mem_available("MemTotal: 1 kB\n"), None);
    }

    #[test]
    fn too_much_is_one_line_naming_both_sizes() {
        let message = ensure_items_fit(10_000_000_000_000, 8, "doubles")
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("10000000000000 doubles need 80 TB; this machine has "),
            "{message}"
        );
        assert!(message.ends_with(" available"), "{message}");
        assert_eq!(ensure_items_fit(1000, 8, "doubles"), Ok(()));
    }
}
