//! Set-up: find what the course needs, install what is missing when this
//! machine allows it (root + apt, `cargo install --locked`), and otherwise
//! say exactly what is missing and how to get it. Nothing that cannot be
//! checked is ever reported as passing: it becomes a `Skipped` entry.

use crate::books::{MDBOOK_KATEX_VERSION, MDBOOK_VERSION};
use crate::progress::{note, step};
use std::path::{Path, PathBuf};
use std::process::Command;

/// NumPy version of the Python baselines' virtual environment.
pub const NUMPY_VERSION: &str = "2.2.6";

/// A check that cannot run on this machine, why, and what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub check: String,
    pub why: String,
    pub fix: String,
}

/// What the rest of the pipeline may rely on.
#[derive(Debug, Default)]
pub struct Environment {
    pub mpi: bool,
    pub vulkan: bool,
    /// HDF5's C library, for the `scientific-data` crate's `hdf5` feature.
    pub hdf5: bool,
    pub books: bool,
    /// The Python interpreter with NumPy for the baselines, if any.
    pub python: Option<PathBuf>,
    pub python_missing_reason: Option<String>,
    pub skipped: Vec<Skipped>,
}

/// What was found on the machine, before any installing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Found {
    pub mpi: bool,
    pub libclang: bool,
    pub vulkan: bool,
    pub can_apt: bool,
}

pub fn which(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

pub fn is_root() -> bool {
    output("id", &["-u"]).as_deref() == Some("0")
}

fn any_file_starting(dir: &str, prefix: &str) -> bool {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with(prefix))
        })
        .unwrap_or(false)
}

/// rsmpi generates its bindings with bindgen, which loads libclang at build time.
pub fn has_libclang() -> bool {
    if let Some(dir) = std::env::var_os("LIBCLANG_PATH") {
        return Path::new(&dir).exists();
    }
    let lib = [
        "/usr/lib",
        "/usr/lib64",
        "/usr/lib/x86_64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu",
    ]
    .iter()
    .any(|d| any_file_starting(d, "libclang"));
    lib || std::fs::read_dir("/usr/lib")
        .map(|entries| {
            entries.flatten().any(|e| {
                e.file_name().to_string_lossy().starts_with("llvm-")
                    && any_file_starting(&e.path().join("lib").to_string_lossy(), "libclang")
            })
        })
        .unwrap_or(false)
}

pub fn has_mpi() -> bool {
    which("mpicc").is_some() && which("mpirun").is_some()
}

/// A Vulkan loader plus at least one driver manifest (a GPU driver or Mesa's
/// software rasteriser lavapipe). wgpu itself makes the final decision.
pub fn has_vulkan() -> bool {
    let loader = [
        "/usr/lib/x86_64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu",
        "/usr/lib64",
        "/usr/lib",
        "/usr/local/lib",
    ]
    .iter()
    .any(|d| Path::new(d).join("libvulkan.so.1").exists());
    let driver = std::env::var_os("VK_ICD_FILENAMES").is_some()
        || std::env::var_os("VK_DRIVER_FILES").is_some()
        || [
            "/usr/share/vulkan/icd.d",
            "/etc/vulkan/icd.d",
            "/usr/local/share/vulkan/icd.d",
        ]
        .iter()
        .any(|d| any_file_starting(d, ""));
    loader && driver
}

/// The Debian package with HDF5's C library and headers.
pub const HDF5_PACKAGE: &str = "libhdf5-dev";

/// HDF5, found where the `hdf5-metno` crate's build script looks for it:
/// `$HDF5_DIR/include` (set by `module load hdf5` on many clusters),
/// pkg-config, or Debian's and other distributions' include directories.
/// `COURSE_SIMULATE_MISSING=hdf5` pretends it is absent.
pub fn has_hdf5() -> bool {
    let simulated = std::env::var("COURSE_SIMULATE_MISSING").unwrap_or_default();
    if simulated.split(',').any(|w| w.trim() == "hdf5") {
        return false;
    }
    if let Some(dir) = std::env::var_os("HDF5_DIR") {
        return Path::new(&dir).join("include").join("hdf5.h").exists();
    }
    let headers = [
        "/usr/include/hdf5/serial",
        "/usr/include",
        "/usr/local/include",
    ]
    .iter()
    .any(|d| Path::new(d).join("hdf5.h").exists());
    headers
        || Command::new("pkg-config")
            .args(["--exists", "hdf5"])
            .status()
            .is_ok_and(|s| s.success())
}

/// The checks left out without HDF5, and how to get it.
pub fn hdf5_skipped() -> Skipped {
    Skipped {
        check: "HDF5: the `scientific-data` crate's HDF5 format (tested without it)".into(),
        why: "HDF5's C library and headers not found".into(),
        fix: format!(
            "on a cluster: `module load hdf5` (it sets HDF5_DIR on most sites); on Debian/Ubuntu: \
             `sudo apt install {HDF5_PACKAGE}`; macOS: `brew install hdf5`"
        ),
    }
}

/// What is on this machine. `COURSE_SIMULATE_MISSING=mpi,vulkan,apt` makes
/// set-up behave as if those were absent, to rehearse a cluster login node
/// (no root, no MPI, no Vulkan) on a workstation.
pub fn detect() -> Found {
    let simulated = std::env::var("COURSE_SIMULATE_MISSING").unwrap_or_default();
    let missing = |what: &str| simulated.split(',').any(|w| w.trim() == what);
    Found {
        mpi: has_mpi() && !missing("mpi"),
        libclang: has_libclang(),
        vulkan: has_vulkan() && !missing("vulkan"),
        can_apt: is_root() && which("apt-get").is_some() && !missing("apt"),
    }
}

/// The Debian packages that would provide what `found` lacks.
pub fn missing_packages(found: Found) -> Vec<&'static str> {
    let mut packages = Vec::new();
    if !found.mpi {
        packages.extend(["openmpi-bin", "libopenmpi-dev"]);
    }
    if !found.libclang {
        packages.extend(["libclang-dev"]);
    }
    if !found.vulkan {
        packages.extend(["mesa-vulkan-drivers", "libvulkan1"]);
    }
    packages
}

/// The checks that must be skipped on a machine like `found` where nothing
/// can be installed, with the exact way to get what is missing.
pub fn skips_without_install(found: Found) -> Vec<Skipped> {
    let mut skipped = Vec::new();
    if !found.mpi || !found.libclang {
        let what = match (found.mpi, found.libclang) {
            (false, false) => "MPI (mpicc, mpirun) and libclang",
            (false, true) => "MPI (mpicc, mpirun)",
            _ => "libclang (needed to build the `mpi` crate)",
        };
        skipped.push(Skipped {
            check: "MPI: the `distributed` and `capstone-mpi` crates and their mpirun tests".into(),
            why: format!("{what} not found"),
            fix: "on a cluster: `module load openmpi` (or your site's MPI module) and, for libclang, \
                  `module load llvm` or set LIBCLANG_PATH; on Debian/Ubuntu: \
                  `sudo apt install openmpi-bin libopenmpi-dev libclang-dev`"
                .into(),
        });
    }
    if !found.vulkan {
        skipped.push(Skipped {
            check: "GPU: the `gpu` kernels and the capstone's GPU solution on a Vulkan adapter".into(),
            why: "no Vulkan loader or driver found".into(),
            fix: "on Debian/Ubuntu: `sudo apt install mesa-vulkan-drivers libvulkan1` (a software GPU \
                  that runs anywhere); on a GPU node: load the vendor driver module"
                .into(),
        });
    }
    skipped
}

fn run(command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    status
        .success()
        .then_some(())
        .ok_or_else(|| format!("{command:?} failed ({status})"))
}

fn installed_version(program: &str) -> Option<String> {
    output(program, &["--version"])
}

/// Installs a pinned tool with `cargo install --locked` unless that version is present.
fn ensure_tool(krate: &str, program: &str, version: &str, install: bool) -> Result<(), String> {
    if installed_version(program).is_some_and(|v| v.contains(version)) {
        return Ok(());
    }
    if !install {
        return Err(format!(
            "{program} {version} is not installed: run `cargo install --locked {krate}@{version}`"
        ));
    }
    let _s = step(format!(
        "installing {krate} {version} (cargo install --locked; a few minutes)"
    ));
    run(Command::new("cargo").args(["install", "--locked", &format!("{krate}@{version}")]))
}

/// Finds everything, installs what it may, and reports the rest.
pub fn setup(install: bool) -> Environment {
    let _s = step("set-up: checking what the course needs");
    let mut env = Environment::default();

    let mut books = true;
    for (krate, program, version) in [
        ("mdbook", "mdbook", MDBOOK_VERSION),
        ("mdbook-katex", "mdbook-katex", MDBOOK_KATEX_VERSION),
    ] {
        if let Err(e) = ensure_tool(krate, program, version, install) {
            note(&e);
            books = false;
        }
    }
    if !books {
        env.skipped.push(Skipped {
            check: "books: building both books and checking the site".into(),
            why: "mdbook or mdbook-katex missing".into(),
            fix: format!(
                "`cargo install --locked mdbook@{MDBOOK_VERSION} mdbook-katex@{MDBOOK_KATEX_VERSION}`"
            ),
        });
    }
    env.books = books;

    let mut found = detect();
    let mut packages = missing_packages(found);
    if !has_hdf5() {
        packages.push(HDF5_PACKAGE);
    }
    if !packages.is_empty() {
        if install && found.can_apt {
            let _s = step(format!("installing with apt: {}", packages.join(" ")));
            let apt = |args: &[&str]| {
                run(Command::new("apt-get")
                    .args(args)
                    .env("DEBIAN_FRONTEND", "noninteractive"))
            };
            if let Err(e) = apt(&["update", "-qq"]).and_then(|_| {
                let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
                args.extend(&packages);
                apt(&args)
            }) {
                note(format!("apt could not install everything: {e}"));
            }
            found = detect();
        } else if !packages.is_empty() {
            note(format!(
                "missing: {} — not installing them ({})",
                packages.join(", "),
                if install {
                    "not root, or no apt-get"
                } else {
                    "--no-install"
                }
            ));
        }
    }
    env.skipped.extend(skips_without_install(found));
    // perf and inferno, for the Performance episode's flamegraph (optional).
    crate::flamegraph::setup(install, found.can_apt);
    env.mpi = found.mpi && found.libclang;
    env.vulkan = found.vulkan;
    env.hdf5 = has_hdf5();
    if !env.hdf5 {
        env.skipped.push(hdf5_skipped());
    }

    match python_with_numpy(install) {
        Ok(python) => env.python = Some(python),
        Err(why) => {
            note(format!(
                "Python baselines will read \"not measured\": {why}"
            ));
            env.python_missing_reason = Some(why);
        }
    }
    for s in &env.skipped {
        note(format!("cannot check {}: {} — {}", s.check, s.why, s.fix));
    }
    env
}

/// The virtual environment's Python when it has NumPy, creating it if needed.
pub fn python_with_numpy(install: bool) -> Result<PathBuf, String> {
    let venv_python = crate::paths::venv_python();
    let has_numpy = |python: &Path| {
        Command::new(python)
            .args(["-c", "import numpy"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if venv_python.exists() && has_numpy(&venv_python) {
        return Ok(venv_python);
    }
    let python3 = which("python3").ok_or("python3 not found")?;
    if !install {
        return Err("no .venv with NumPy (run `cargo xtask setup`)".into());
    }
    let _s = step(format!(
        "creating .venv with NumPy {NUMPY_VERSION} for the Python baselines"
    ));
    let venv = crate::paths::root().join(".venv");
    run(Command::new(&python3).arg("-m").arg("venv").arg(&venv))
        .map_err(|e| format!("cannot create a virtual environment: {e}"))?;
    run(Command::new(&venv_python).args([
        "-m",
        "pip",
        "install",
        "--quiet",
        &format!("numpy=={NUMPY_VERSION}"),
    ]))
    .map_err(|e| format!("cannot install NumPy: {e}"))?;
    has_numpy(&venv_python)
        .then_some(venv_python)
        .ok_or("NumPy does not import".into())
}

/// Environment for every cargo/test command the pipeline starts.
pub fn child_env(env: &Environment) -> Vec<(String, String)> {
    // (Open MPI's run-as-root variables are set where mpirun is started, in
    // testkit, so that a plain `cargo test` works as root too.)
    let mut vars = Vec::new();
    if std::env::var_os("XDG_RUNTIME_DIR").is_none() {
        // Mesa's Vulkan driver complains on every start without one.
        let dir = crate::paths::target_dir().join("xdg-runtime");
        let _ = std::fs::create_dir_all(&dir);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700));
        }
        vars.push(("XDG_RUNTIME_DIR".into(), dir.display().to_string()));
    }
    if !env.vulkan {
        vars.push((
            "COURSE_SKIP_GPU".into(),
            "no Vulkan loader or driver on this machine".into(),
        ));
        // Make sure wgpu finds no adapter either (matters when simulating).
        for var in ["VK_DRIVER_FILES", "VK_ICD_FILENAMES"] {
            vars.push((var.into(), "/nonexistent/course-no-driver.json".into()));
        }
    }
    if !env.hdf5 {
        // `cargo xtask bench` then builds the benchmarks without HDF5.
        vars.push((
            "COURSE_SKIP_HDF5".into(),
            "no HDF5 library on this machine".into(),
        ));
    }
    if !env.books {
        vars.push((
            "COURSE_SKIP_BOOKS".into(),
            "mdbook or mdbook-katex is not installed".into(),
        ));
    }
    vars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_login_node_without_mpi_or_vulkan_gets_both_skips_with_fixes() {
        let found = Found {
            mpi: false,
            libclang: true,
            vulkan: false,
            can_apt: false,
        };
        let skipped = skips_without_install(found);
        assert_eq!(skipped.len(), 2);
        assert!(
            skipped[0].check.starts_with("MPI") && skipped[0].fix.contains("module load openmpi")
        );
        assert!(
            skipped[1].check.starts_with("GPU") && skipped[1].fix.contains("mesa-vulkan-drivers")
        );
    }

    #[test]
    fn a_complete_machine_skips_nothing_and_installs_nothing() {
        let found = Found {
            mpi: true,
            libclang: true,
            vulkan: true,
            can_apt: true,
        };
        assert!(skips_without_install(found).is_empty());
        assert!(missing_packages(found).is_empty());
    }

    #[test]
    fn without_hdf5_the_skip_says_how_to_get_it_and_the_bench_leaves_it_out() {
        let skip = hdf5_skipped();
        assert!(skip.check.starts_with("HDF5"));
        assert!(skip.fix.contains("module load hdf5") && skip.fix.contains("libhdf5-dev"));
        let env = Environment::default();
        let vars = child_env(&env);
        assert!(vars.iter().any(|(k, _)| k == "COURSE_SKIP_HDF5"));
        assert_eq!(
            crate::bench::without_hdf5(&vars),
            ["--workspace", "--exclude", "scientific-data"]
        );
        let with_hdf5 = child_env(&Environment {
            hdf5: true,
            ..Environment::default()
        });
        assert!(crate::bench::without_hdf5(&with_hdf5).is_empty());
    }

    #[test]
    fn missing_pieces_map_to_debian_packages() {
        let found = Found {
            mpi: false,
            libclang: false,
            vulkan: true,
            can_apt: true,
        };
        assert_eq!(
            missing_packages(found),
            ["openmpi-bin", "libopenmpi-dev", "libclang-dev"]
        );
    }
}
