//! Shared by the GPU benchmarks (`#[path]`-included): tells `cargo xtask
//! bench` which adapter the numbers come from, in the form of the
//! pipeline's `results::GpuAdapter`, which the pages show with
//! `{{#results gpu}}`.

use gpu::GpuContext;

pub fn record_adapter(ctx: &GpuContext) -> Result<(), String> {
    let info = ctx.adapter_info();
    let adapter = serde_json::json!({
        "name": info.name,
        "device_type": format!("{:?}", info.device_type),
        "backend": format!("{:?}", info.backend),
        "software": ctx.is_software(),
    });
    testkit::external::write_file("gpu-adapter.json", &(adapter.to_string() + "\n"))
}

/// The largest last-level cache a GPU of today puts in front of its memory:
/// the 256 MB of AMD Infinity Cache of an Instinct MI300X (AMD's MI300X
/// data sheet; an H100 SXM5 has 50 MB of L2, an RTX 4090 72 MB).
const LARGEST_GPU_CACHE: usize = 256 << 20;

/// On a software adapter the "device" is host memory: at most 256 MiB per
/// array, so that lavapipe's run stays within minutes.
const SOFTWARE_CAP: usize = 256 << 20;

/// Floats per array for the sizes that leave every cache behind: at least
/// four times the last-level cache the data could sit in, so that bytes per
/// second mean memory bandwidth. On a real GPU that is 1 GiB per array (and
/// 256 MiB on the way there), as far as the device's buffer limit allows.
/// On a software adapter it is four times the host's largest cache, capped
/// at 256 MiB per array, and only in the full run (`COURSE_BENCH_MODE=full`).
pub fn beyond_cache_sizes(ctx: &GpuContext, full: bool) -> Vec<usize> {
    let limits = ctx.device.limits();
    let fits = limits
        .max_storage_buffer_binding_size
        .min(limits.max_buffer_size) as usize;
    let bytes: Vec<usize> = if ctx.is_software() {
        match (full, largest_host_cache()) {
            (true, Some(cache)) => vec![(4 * cache).next_power_of_two().min(SOFTWARE_CAP)],
            _ => Vec::new(),
        }
    } else {
        vec![
            LARGEST_GPU_CACHE,
            (4 * LARGEST_GPU_CACHE).next_power_of_two(),
        ]
    };
    bytes
        .into_iter()
        .map(|b| b.min(fits) / size_of::<f32>())
        .map(|n| 1 << n.ilog2()) // a power of two, as the other sizes
        .collect()
}

/// The largest CPU cache Linux reports for CPU 0, in bytes.
fn largest_host_cache() -> Option<usize> {
    let dir = std::fs::read_dir("/sys/devices/system/cpu/cpu0/cache").ok()?;
    dir.flatten()
        .filter_map(|entry| std::fs::read_to_string(entry.path().join("size")).ok())
        .filter_map(|size| {
            let size = size.trim();
            let (number, unit) = size.split_at(size.find(|c: char| !c.is_ascii_digit())?);
            let scale = match unit {
                "K" => 1 << 10,
                "M" => 1 << 20,
                _ => return None,
            };
            Some(number.parse::<usize>().ok()? * scale)
        })
        .max()
}
