//! `cargo xtask bench [--quick]`: runs every criterion benchmark of the
//! workspace and the Python baselines, and writes the one results file the
//! books read, stamped with the machine.

use crate::progress::{note, step};
use crate::results::{Entry, GpuAdapter, Machine, Missing, Results, from_criterion};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime};

/// Criterion settings per mode: quick for `serve`, fuller for the published site.
fn criterion_args(quick: bool) -> [&'static str; 6] {
    if quick {
        [
            "--warm-up-time",
            "0.3",
            "--measurement-time",
            "0.6",
            "--sample-size",
            "10",
        ]
    } else {
        [
            "--warm-up-time",
            "1",
            "--measurement-time",
            "3",
            "--sample-size",
            "30",
        ]
    }
}

/// The `[[bench]]` targets of the root package, in file order.
pub fn bench_names() -> Result<Vec<String>, String> {
    let manifest = crate::paths::root().join("Cargo.toml");
    let text =
        std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let value: toml::Table =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let benches = value
        .get("bench")
        .and_then(|b| b.as_array())
        .cloned()
        .unwrap_or_default();
    Ok(benches
        .iter()
        .filter_map(|b| b.get("name").and_then(|n| n.as_str()).map(str::to_string))
        .collect())
}

/// The Python baseline scripts (`benches/python/<episode>.py`).
pub fn python_scripts() -> Vec<PathBuf> {
    let mut scripts =
        crate::site::files(&crate::paths::root().join("benches").join("python"), "py");
    scripts.sort();
    scripts
}

/// A fingerprint of everything that changes the numbers: the code, the
/// benchmarks, the lock file and the mode. `serve` re-measures only when it
/// changes.
pub fn fingerprint(quick: bool) -> String {
    let root = crate::paths::root();
    let mut hasher = std::hash::DefaultHasher::new();
    quick.hash(&mut hasher);
    let mut files = Vec::new();
    for dir in ["code", "benches"] {
        for ext in ["rs", "py", "pyx", "wgsl", "toml", "c"] {
            files.extend(crate::site::files(&root.join(dir), ext));
        }
    }
    files.push(root.join("Cargo.lock"));
    files.sort();
    for file in files {
        file.strip_prefix(&root).unwrap_or(&file).hash(&mut hasher);
        std::fs::read(&file).unwrap_or_default().hash(&mut hasher);
    }
    format!("{:016x}", hasher.finish())
}

fn text_of(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .current_dir(crate::paths::root())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The CPU model, from /proc/cpuinfo (Linux) or sysctl (macOS).
fn cpu_model() -> String {
    if let Ok(info) = std::fs::read_to_string("/proc/cpuinfo") {
        for line in info.lines() {
            if let Some((key, value)) = line.split_once(':')
                && matches!(key.trim(), "model name" | "Model" | "cpu model")
            {
                return value.trim().to_string();
            }
        }
    }
    text_of("sysctl", &["-n", "machdep.cpu.brand_string"]).unwrap_or_else(|| "unknown CPU".into())
}

pub fn machine(python: Option<String>) -> Machine {
    let dirty = text_of("git", &["status", "--porcelain", "--untracked-files=no"])
        .is_some_and(|s| !s.is_empty());
    let commit =
        text_of("git", &["rev-parse", "--short", "HEAD"]).unwrap_or_else(|| "no commit".into());
    Machine {
        cpu: cpu_model(),
        cores: std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        rustc: text_of("rustc", &["--version"]).unwrap_or_else(|| "rustc (unknown)".into()),
        commit: if dirty {
            format!("{commit}+changes")
        } else {
            commit
        },
        date: text_of("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_default(),
        os: format!(
            "{} {} {}",
            std::env::consts::OS,
            std::env::consts::ARCH,
            text_of("uname", &["-r"]).unwrap_or_default()
        )
        .trim()
        .to_string(),
        python,
        caches: caches(Path::new("/sys/devices/system/cpu/cpu0/cache")),
        // Filled in by `run` from what the GPU benchmarks report.
        gpu: None,
        topology: crate::topology::read_topology(
            Path::new("/sys/devices"),
            &std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default(),
        ),
    }
}

/// The data and unified caches Linux reports for one CPU
/// (`<dir>/index*/{level,type,size}`, size like "32K" or "1M"), smallest
/// level first; empty when the directory is missing (macOS, containers).
pub fn caches(dir: &Path) -> Vec<crate::results::Cache> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<crate::results::Cache> = entries
        .filter_map(|entry| {
            let index = entry.ok()?.path();
            let read = |name: &str| std::fs::read_to_string(index.join(name)).ok();
            let kind = read("type")?.trim().to_string();
            if kind == "Instruction" {
                return None;
            }
            let size = read("size")?;
            let size = size.trim();
            let (digits, scale) = match size.as_bytes().last()? {
                b'K' => (&size[..size.len() - 1], 1 << 10),
                b'M' => (&size[..size.len() - 1], 1 << 20),
                b'G' => (&size[..size.len() - 1], 1 << 30),
                _ => (size, 1),
            };
            Some(crate::results::Cache {
                level: read("level")?.trim().parse().ok()?,
                kind,
                bytes: digits.parse::<u64>().ok()? * scale,
                shared_by: read("shared_cpu_list")
                    .and_then(|l| crate::topology::count_cpu_list(&l)),
            })
        })
        .collect();
    found.sort_by_key(|c| (c.level, c.bytes));
    found
}

/// Every `new/` directory criterion wrote since `since`.
fn fresh_criterion_dirs(criterion: &Path, since: SystemTime) -> Vec<PathBuf> {
    crate::site::files(criterion, "json")
        .into_iter()
        .filter(|f| f.file_name().is_some_and(|n| n == "benchmark.json"))
        .filter(|f| {
            f.parent()
                .and_then(|p| p.file_name())
                .is_some_and(|n| n == "new")
        })
        .filter(|f| {
            f.metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t >= since)
        })
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect()
}

/// Where benchmarks that cannot use criterion (MPI programs that must run
/// under `mpirun`) write their measurements: one JSON entry per line, in any
/// `*.jsonl` file of the directory named by `COURSE_BENCH_OUT`.
pub fn external_results_dir() -> PathBuf {
    crate::paths::target_dir().join("course").join("bench-out")
}

/// The entries written to `dir` as JSON lines.
pub fn read_external(dir: &Path) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    for file in crate::site::files(dir, "jsonl") {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            entries.push(
                serde_json::from_str(line)
                    .map_err(|e| format!("{}: bad line {line:?}: {e}", file.display()))?,
            );
        }
    }
    Ok(entries)
}

/// The file a GPU benchmark writes into `$COURSE_BENCH_OUT` to say which
/// adapter it measured: one JSON object, a `results::GpuAdapter`.
pub const GPU_ADAPTER_FILE: &str = "gpu-adapter.json";

/// The adapter a GPU benchmark reported in `dir`, if one did.
pub fn read_gpu_adapter(dir: &Path) -> Option<GpuAdapter> {
    let file = dir.join(GPU_ADAPTER_FILE);
    let text = std::fs::read_to_string(&file).ok()?;
    serde_json::from_str(&text)
        .map_err(|e| note(format!("ignoring unreadable {}: {e}", file.display())))
        .ok()
}

/// Cargo arguments that leave HDF5 out of a build when set-up found none
/// (`COURSE_SKIP_HDF5` in `env`): building `scientific-data` only as the
/// benchmarks' dependency turns its default `hdf5` feature off.
pub fn without_hdf5(env: &[(String, String)]) -> &'static [&'static str] {
    if env.iter().any(|(key, _)| key == "COURSE_SKIP_HDF5") {
        &["--workspace", "--exclude", "scientific-data"]
    } else {
        &[]
    }
}

/// Runs the benchmarks and writes the results file. `python` is the
/// interpreter with NumPy, or the reason there is none. With `only`, runs
/// one episode's benchmark (and its Python baseline) and merges its
/// measurements into the existing results file.
pub fn run(
    quick: bool,
    only: Option<&str>,
    python: Result<&Path, &str>,
    env: &[(String, String)],
) -> Result<PathBuf, String> {
    let mut names = bench_names()?;
    if let Some(only) = only {
        if !names.iter().any(|n| n == only) {
            return Err(format!(
                "no benchmark named {only:?} (there are: {})",
                names.join(", ")
            ));
        }
        names.retain(|n| n == only);
    }
    compile(env)?;
    if only.is_none() {
        // A whole run starts from nothing; each episode is merged into the
        // file as it finishes, and the run is stamped complete at the end.
        let _ = std::fs::remove_file(crate::paths::results_file());
    }
    let started = Instant::now();
    let mut path = crate::paths::results_file();
    for (i, name) in names.iter().enumerate() {
        path = measure(quick, name, python, env, (i + 1, names.len(), started))?;
    }
    if only.is_none() {
        path = mark_complete(quick)?;
        eprintln!("\n{}", claims_table()?);
    }
    Ok(path)
}

/// Builds every benchmark (release mode) before any is measured, so that
/// compiling is its own step and the measuring steps only measure.
pub fn compile(env: &[(String, String)]) -> Result<(), String> {
    let _s = step("compiling the benchmarks in release mode (cargo bench --no-run)");
    crate::setup::run(
        Command::new("cargo")
            .args(["bench", "--quiet", "--no-run"])
            .args(without_hdf5(env))
            .envs(env.iter().map(|(k, v)| (k, v)))
            .current_dir(crate::paths::root()),
    )
}

/// Stamps the results file of a run that measured every episode with the
/// fingerprint of what it measured, so that `serve` knows it is up to date.
fn mark_complete(quick: bool) -> Result<PathBuf, String> {
    let path = crate::paths::results_file();
    let mut results =
        Results::load(&path).ok_or_else(|| format!("{} was not written", path.display()))?;
    results.fingerprint = Some(fingerprint(quick));
    results.mode = if quick { "quick" } else { "full" }.into();
    results
        .save(&path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

/// Every checked claim in both books, evaluated on the results file.
pub fn claims_table() -> Result<String, String> {
    let root = crate::paths::root();
    let claims = crate::claims::collect(&[root.join("src"), root.join("instructor").join("src")])?;
    let results = Results::load(&crate::paths::results_file());
    Ok(crate::claims::table(&claims, results.as_ref(), &root))
}

/// Measures one episode's benchmark `name` and its Python baseline, and
/// merges them into the results file. `progress` is (this episode's
/// number, how many, when the run started).
fn measure(
    quick: bool,
    name: &str,
    python: Result<&Path, &str>,
    env: &[(String, String)],
    progress: (usize, usize, Instant),
) -> Result<PathBuf, String> {
    let root = crate::paths::root();
    let since = SystemTime::now() - std::time::Duration::from_secs(1);
    let mut entries: Vec<Entry> = Vec::new();
    let external = external_results_dir();
    let _ = std::fs::remove_dir_all(&external);
    std::fs::create_dir_all(&external)
        .map_err(|e| format!("cannot create {}: {e}", external.display()))?;
    // The step's time is printed when this block ends, before the Python baseline.
    {
        let (n, of, started) = progress;
        let elapsed = started.elapsed().as_secs();
        let _s = step(format!(
            "benchmark {n} of {of}: `{name}` ({}; {} min {:02} s since measuring began)",
            if quick { "quick" } else { "full" },
            elapsed / 60,
            elapsed % 60
        ));
        let status = Command::new("cargo")
            .args(["bench", "--quiet", "--bench", name])
            .args(without_hdf5(env))
            .arg("--")
            .args(criterion_args(quick))
            .envs(env.iter().map(|(k, v)| (k, v)))
            .env("COURSE_BENCH_OUT", &external)
            .env("COURSE_BENCH_MODE", if quick { "quick" } else { "full" })
            .current_dir(&root)
            .status()
            .map_err(|e| format!("cannot run cargo bench: {e}"))?;
        if !status.success() {
            return Err(format!("benchmark `{name}` failed ({status})"));
        }
        if name == "performance" {
            crate::flamegraph::generate_wordcount(env);
        }
    }
    for dir in fresh_criterion_dirs(&crate::paths::target_dir().join("criterion"), since) {
        entries.push(from_criterion(&dir)?);
    }
    entries.extend(read_external(&external)?);

    let mut not_measured = Vec::new();
    let mut python_version = None;
    match python {
        Ok(python) => {
            python_version = text_of(
                &python.display().to_string(),
                &[
                    "-c",
                    "import sys, numpy; print(f'Python {sys.version.split()[0]}, NumPy {numpy.__version__}')",
                ],
            );
            let scripts = python_scripts().into_iter().filter(|s| {
                s.file_stem()
                    .is_some_and(|stem| stem.to_string_lossy() == name.replace('-', "_"))
            });
            for script in scripts {
                let _s = step(format!(
                    "Python baseline {}",
                    script.file_name().unwrap_or_default().to_string_lossy()
                ));
                entries.extend(run_python(
                    python,
                    &script,
                    if quick { "--quick" } else { "--full" },
                )?);
            }
        }
        Err(why) => {
            note(format!("Python baselines not measured: {why}"));
            not_measured.push(Missing {
                what: "python".into(),
                why: why.to_string(),
            });
        }
    }
    let path = crate::paths::results_file();
    let mut gpu = read_gpu_adapter(&external);
    // Keep the other episodes' measurements. Until `mark_complete` stamps
    // it, the file never counts as up to date for `serve`.
    if let Some(previous) = Results::load(&path) {
        // Another episode's run keeps the adapter the GPU benchmarks saw.
        gpu = gpu.or(previous.machine.gpu);
        let fresh: std::collections::HashSet<String> = entries.iter().map(Entry::id).collect();
        entries.extend(
            previous
                .entries
                .into_iter()
                .filter(|e| !fresh.contains(&e.id())),
        );
    }
    entries.sort_by_key(Entry::id);
    let results = Results {
        machine: Machine {
            gpu,
            ..machine(python_version)
        },
        mode: if quick { "quick" } else { "full" }.into(),
        not_measured,
        entries,
        fingerprint: None,
    };
    results
        .save(&path)
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    note(format!(
        "{} measurements written to {}",
        results.entries.len(),
        path.display()
    ));
    Ok(path)
}

/// Runs one baseline script (`mode`: `--quick`, `--full` or `--smoke`); it
/// prints one JSON entry per line.
pub fn run_python(python: &Path, script: &Path, mode: &str) -> Result<Vec<Entry>, String> {
    let mut command = Command::new(python);
    command.arg(script).arg(mode);
    let out = command
        .output()
        .map_err(|e| format!("cannot run {}: {e}", script.display()))?;
    if !out.status.success() {
        return Err(format!(
            "{} failed:\n{}",
            script.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str(l)
                .map_err(|e| format!("{}: bad line {l:?}: {e}", script.display()))
        })
        .collect()
}

#[cfg(test)]
mod gpu_adapter_tests {
    use super::{GPU_ADAPTER_FILE, read_gpu_adapter};
    use crate::results::GpuAdapter;

    #[test]
    fn the_adapter_a_benchmark_reported_is_read_back() {
        let dir = std::env::temp_dir().join(format!("course-gpu-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(read_gpu_adapter(&dir), None, "no file, no adapter");
        let adapter = GpuAdapter {
            name: "llvmpipe (LLVM 15.0.6, 256 bits)".into(),
            device_type: "Cpu".into(),
            backend: "Vulkan".into(),
            software: true,
        };
        let file = dir.join(GPU_ADAPTER_FILE);
        std::fs::write(&file, serde_json::to_string(&adapter).unwrap()).unwrap();
        assert_eq!(read_gpu_adapter(&dir), Some(adapter));
        std::fs::write(&file, "not json").unwrap();
        assert_eq!(read_gpu_adapter(&dir), None, "a broken file is ignored");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[cfg(test)]
mod cache_tests {
    use super::caches;
    use crate::results::Cache;

    #[test]
    fn caches_are_read_from_sysfs_without_instruction_caches() {
        let dir = std::env::temp_dir().join(format!("course-caches-{}", std::process::id()));
        for (index, level, kind, size) in [
            (0, "1", "Data", "32K"),
            (1, "1", "Instruction", "32K"),
            (2, "2", "Unified", "1024K"),
            (3, "3", "Unified", "32M"),
        ] {
            let entry = dir.join(format!("index{index}"));
            std::fs::create_dir_all(&entry).unwrap();
            std::fs::write(entry.join("level"), format!("{level}\n")).unwrap();
            std::fs::write(entry.join("type"), format!("{kind}\n")).unwrap();
            std::fs::write(entry.join("size"), format!("{size}\n")).unwrap();
        }
        let cache = |level, kind: &str, bytes| Cache {
            level,
            kind: kind.into(),
            bytes,
            shared_by: None,
        };
        assert_eq!(
            caches(&dir),
            [
                cache(1, "Data", 32 << 10),
                cache(2, "Unified", 1 << 20),
                cache(3, "Unified", 32 << 20)
            ]
        );
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(
            caches(&dir).is_empty(),
            "a missing directory means no caches"
        );
    }
}
