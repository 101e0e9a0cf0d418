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

/// What the Python side of Performance adds to the same `.venv`: maturin
/// builds the Rust module `code/from-python`; Numba and Cython are the
/// compiled-Python rows it is measured against.
pub const PYTHON_TOOLS: [(&str, &str); 3] = [
    ("maturin", "1.16.0"),
    ("numba", "0.68.1"),
    ("Cython", "3.3.1"),
];

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
    /// Debian's Chromium, for the browser test and the PDFs, if found.
    pub chromium: Option<PathBuf>,
    /// The Python interpreter with NumPy for the baselines, if any.
    pub python: Option<PathBuf>,
    pub python_missing_reason: Option<String>,
    pub skipped: Vec<Skipped>,
    /// What set-up installed but still cannot find: one line each.
    pub install_failures: Vec<String>,
}

/// What was found on the machine, before any installing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Found {
    pub mpi: bool,
    pub libclang: bool,
    pub vulkan: bool,
    pub hdf5: bool,
    /// Debian's Chromium, for the browser test and the PDFs.
    pub chromium: bool,
    /// MPICH beside the default MPI (Debian's `mpicc.mpich`,
    /// `mpirun.mpich`): `cargo xtask test` runs the MPI tests under both.
    pub mpich: bool,
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

/// The Debian package that provides libclang itself (not `libclang-cpp`).
pub const LIBCLANG_PACKAGE: &str = "libclang-dev";

/// A file name that clang-sys (through bindgen, which `mpi-sys` builds with
/// its `runtime` feature) accepts as libclang: `libclang.so`,
/// `libclang-N.so`, `libclang.so.N` or `libclang-N.so.N`, but never
/// `libclang-cpp.so.N`, the C++ library that Debian preinstalls as
/// `libclang-cpp14` (clang-sys 1.9 `build/dynamic.rs` and `build/common.rs`).
pub fn is_libclang_name(name: &str) -> bool {
    if name.contains("-cpp.") {
        return false;
    }
    name == "libclang.so"
        || name.starts_with("libclang.so.")
        || name
            .strip_prefix("libclang-")
            .is_some_and(|rest| rest.ends_with(".so") || rest.contains(".so."))
}

fn holds_libclang(dir: &Path) -> bool {
    if dir.is_file() {
        return dir
            .file_name()
            .is_some_and(|n| is_libclang_name(&n.to_string_lossy()));
    }
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| is_libclang_name(&e.file_name().to_string_lossy()))
    })
}

/// Sub-directories of `dir` whose names start with `prefix`.
fn subdirs(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// The directories clang-sys searches when `LIBCLANG_PATH` is unset, under
/// `root` (`/` on a real machine, a fake tree in tests): `llvm-config
/// --prefix`, `LD_LIBRARY_PATH`, `LIBRARY_PATH`, then the globs
/// `/usr/local/llvm*/lib*` and `/usr/{local/,}lib*{,/*,/*/*}`.
fn libclang_search_dirs(root: &Path, env_dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut dirs = env_dirs.to_vec();
    for llvm in subdirs(&root.join("usr/local"), "llvm") {
        dirs.extend(subdirs(&llvm, "lib"));
    }
    for base in [root.join("usr/local"), root.join("usr")] {
        for lib in subdirs(&base, "lib") {
            for child in subdirs(&lib, "") {
                dirs.extend(subdirs(&child, ""));
                dirs.push(child);
            }
            dirs.push(lib);
        }
    }
    dirs
}

/// Whether the `mpi` crate's build will find libclang, searching as
/// clang-sys does. `LIBCLANG_PATH`, when set, is the only place searched.
pub fn libclang_under(root: &Path, libclang_path: Option<&Path>, env_dirs: &[PathBuf]) -> bool {
    match libclang_path {
        Some(path) => holds_libclang(path),
        None => libclang_search_dirs(root, env_dirs)
            .iter()
            .any(|d| holds_libclang(d)),
    }
}

/// rsmpi generates its bindings with bindgen, which loads libclang at build
/// time. `COURSE_SIMULATE_MISSING=libclang` pretends it is absent.
pub fn has_libclang() -> bool {
    if simulated_missing("libclang") {
        return false;
    }
    let libclang_path = std::env::var_os("LIBCLANG_PATH").map(PathBuf::from);
    let mut env_dirs: Vec<PathBuf> = Vec::new();
    if let Some(prefix) = output("llvm-config", &["--prefix"]) {
        let prefix = PathBuf::from(prefix);
        env_dirs.extend(["bin", "lib", "lib64"].map(|d| prefix.join(d)));
    }
    for var in ["LD_LIBRARY_PATH", "LIBRARY_PATH"] {
        if let Some(value) = std::env::var_os(var) {
            env_dirs.extend(std::env::split_paths(&value));
        }
    }
    libclang_under(Path::new("/"), libclang_path.as_deref(), &env_dirs)
}

/// An MPI library where the `mpi` crate's build looks for one (rsmpi's
/// build-probe-mpi: `MPI_PKG_CONFIG`, `CRAY_MPICH_DIR`, `MPICC`, else
/// `mpicc`), and a launcher: the program `COURSE_MPIRUN` names (`srun -n`
/// on a Cray, which has neither `mpicc` nor `mpirun`), else `mpirun`.
pub fn has_mpi() -> bool {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    mpi_found(
        var("MPI_PKG_CONFIG").is_some() || var("CRAY_MPICH_DIR").is_some(),
        var("MPICC").as_deref(),
        var("COURSE_MPIRUN").as_deref(),
        program_exists,
    )
}

/// [`has_mpi`]'s rule, with the environment and the file system passed in.
fn mpi_found(
    probe_variable_set: bool,
    mpicc: Option<&str>,
    course_mpirun: Option<&str>,
    exists: impl Fn(&str) -> bool,
) -> bool {
    let library = probe_variable_set || exists(mpicc.unwrap_or("mpicc"));
    let launcher = course_mpirun
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or("mpirun");
    library && exists(launcher)
}

/// A program given as a path, or found on `PATH`.
fn program_exists(program: &str) -> bool {
    if program.contains('/') {
        Path::new(program).is_file()
    } else {
        which(program).is_some()
    }
}

/// MPICH's compiler wrapper and launcher as Debian names them when MPICH is
/// installed beside Open MPI (`apt install mpich libmpich-dev`).
pub const MPICH_MPICC: &str = "mpicc.mpich";
pub const MPICH_MPIRUN: &str = "mpirun.mpich";

/// Whether MPICH is installed beside the default MPI, so that `cargo xtask
/// test` runs the MPI tests against it too.
pub fn has_mpich_beside() -> bool {
    which(MPICH_MPICC).is_some() && which(MPICH_MPIRUN).is_some()
}

/// Variables that build and run the MPI crates against MPICH: its wrapper
/// for the `mpi` crate's build (`MPICC`), its launcher for the tests
/// (`COURSE_MPIRUN`), and a target directory of its own: cargo does not
/// rebuild `mpi-sys` when the MPI changes.
pub fn mpich_env() -> Vec<(String, String)> {
    let target = crate::paths::target_dir().join("mpich");
    vec![
        ("MPICC".into(), MPICH_MPICC.into()),
        ("COURSE_MPIRUN".into(), format!("{MPICH_MPIRUN} -n")),
        ("CARGO_TARGET_DIR".into(), target.display().to_string()),
    ]
}

/// Variables build-probe-mpi reads before `MPICC`: the MPICH build runs
/// without them.
pub const MPICH_UNSET: [&str; 2] = ["MPI_PKG_CONFIG", "CRAY_MPICH_DIR"];

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
        .any(|d| {
            std::fs::read_dir(d).is_ok_and(|entries| {
                entries
                    .flatten()
                    .any(|e| e.file_name().to_string_lossy().ends_with(".json"))
            })
        });
    loader && driver
}

/// The Debian package with HDF5's C library and headers.
pub const HDF5_PACKAGE: &str = "libhdf5-dev";

/// HDF5, found where the `hdf5-metno` crate's build script looks for it:
/// `$HDF5_DIR/include` (set by `module load hdf5` on many clusters),
/// pkg-config, or Debian's and other distributions' include directories.
/// `COURSE_SIMULATE_MISSING=hdf5` pretends it is absent.
pub fn has_hdf5() -> bool {
    if simulated_missing("hdf5") {
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

/// What is on this machine, detected by what the build will actually load.
/// `COURSE_SIMULATE_MISSING` (see [`simulated_missing`]) rehearses a cluster
/// login node (no root, no MPI, no Vulkan) on a workstation.
pub fn detect() -> Found {
    Found {
        mpi: has_mpi() && !simulated_missing("mpi"),
        libclang: has_libclang(),
        vulkan: has_vulkan() && !simulated_missing("vulkan"),
        hdf5: has_hdf5(),
        chromium: crate::browser::find_chromium().is_some(),
        mpich: has_mpich_beside() && !simulated_missing("mpich"),
        can_apt: is_root() && which("apt-get").is_some() && !simulated_missing("apt"),
    }
}

/// `COURSE_SIMULATE_MISSING=mpi,libclang,vulkan,hdf5,chromium,mpich,apt` makes set-up
/// behave as if those were absent.
pub fn simulated_missing(what: &str) -> bool {
    std::env::var("COURSE_SIMULATE_MISSING")
        .unwrap_or_default()
        .split(',')
        .any(|w| w.trim() == what)
}

/// The Debian packages that would provide what `found` lacks.
pub fn missing_packages(found: Found) -> Vec<&'static str> {
    let mut packages = Vec::new();
    if !found.mpi {
        packages.extend(["openmpi-bin", "libopenmpi-dev"]);
    }
    if !found.libclang {
        packages.push(LIBCLANG_PACKAGE);
    }
    if !found.vulkan {
        packages.extend(["mesa-vulkan-drivers", "libvulkan1"]);
    }
    if !found.hdf5 {
        packages.push(HDF5_PACKAGE);
    }
    if !found.chromium {
        packages.push(crate::browser::PACKAGE);
    }
    // Beside Debian's Open MPI only: Debian ranks Open MPI's alternatives
    // (mpicc, mpirun, mpi.h) above MPICH's, so Open MPI stays the default.
    if !found.mpich && (!found.mpi || which("mpirun.openmpi").is_some()) {
        packages.extend(MPICH_PACKAGES);
    }
    packages
}

/// MPICH beside Open MPI, so that the MPI tests run under both.
pub const MPICH_PACKAGES: [&str; 2] = ["mpich", "libmpich-dev"];

/// One line for each thing that `before` lacked, that apt was asked to
/// install, and that `after` (detected again) still lacks.
pub fn still_missing(before: Found, after: Found) -> Vec<String> {
    let mut lines = Vec::new();
    if !before.mpi && !after.mpi {
        lines.push(
            "installed openmpi-bin and libopenmpi-dev, but mpicc and mpirun are still not on PATH"
                .to_string(),
        );
    }
    if !before.libclang && !after.libclang {
        lines.push(format!(
            "installed {LIBCLANG_PACKAGE}, but no libclang.so, libclang-N.so or libclang.so.N is \
             where the `mpi` crate's build looks: set LIBCLANG_PATH to the directory that holds it"
        ));
    }
    if !before.vulkan && !after.vulkan {
        lines.push(
            "installed mesa-vulkan-drivers and libvulkan1, but libvulkan.so.1 or a driver \
             manifest (icd.d/*.json) is still missing"
                .to_string(),
        );
    }
    if !before.hdf5 && !after.hdf5 {
        lines.push(format!(
            "installed {HDF5_PACKAGE}, but hdf5.h is still not found: set HDF5_DIR"
        ));
    }
    if !before.mpich && !after.mpich && which("mpirun.openmpi").is_some() {
        lines.push(format!(
            "installed mpich and libmpich-dev, but {MPICH_MPICC} and {MPICH_MPIRUN} are not on PATH"
        ));
    }
    if !before.chromium && !after.chromium {
        lines.push("installed chromium, but no `chromium` is on PATH".to_string());
    }
    lines
}

/// The package to install when a build's output shows that a system
/// library is missing (the messages of clang-sys, build-probe-mpi and
/// hdf5-metno-sys), so that a failed build says what to do in one line.
pub fn package_hint(line: &str) -> Option<String> {
    let line = line.to_ascii_lowercase();
    let hint = if line.contains("unable to find libclang")
        || line.contains("couldn't find any valid shared libraries matching: ['libclang")
    {
        format!("libclang is missing: install `{LIBCLANG_PACKAGE}` (or set LIBCLANG_PATH)")
    } else if line.contains("mpi.h: no such file")
        || line.contains("could not find mpi library")
        || line.contains("build-probe-mpi")
    {
        "MPI is missing: install `openmpi-bin libopenmpi-dev` (or `module load openmpi`)".into()
    } else if line.contains("hdf5.h") || line.contains("unable to locate hdf5") {
        format!("HDF5 is missing: install `{HDF5_PACKAGE}` (or `module load hdf5`)")
    } else {
        return None;
    };
    Some(hint)
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
            fix: "on a cluster: `module load openmpi` (or your site's MPI module; without mpicc, \
                  MPICC, MPI_PKG_CONFIG or CRAY_MPICH_DIR naming the MPI, and without mpirun, \
                  COURSE_MPIRUN=\"srun -n\") and, for libclang, \
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
    if !found.chromium {
        skipped.push(browser_skipped());
    }
    skipped
}

/// The browser test and the PDFs, left out without Chromium.
pub fn browser_skipped() -> Skipped {
    Skipped {
        check: "browser: both books in headless Chromium, and `build`'s PDFs".into(),
        why: "no `chromium` on PATH".into(),
        fix: format!(
            "on Debian/Ubuntu: `sudo apt install {}`; elsewhere install Chromium and put \
             `chromium` on PATH (the check runs on any machine that has it)",
            crate::browser::PACKAGE
        ),
    }
}

/// Runs `command`; Err naming it and its status when it fails.
pub(crate) fn run(command: &mut Command) -> Result<(), String> {
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
    let packages = missing_packages(found);
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
            let before = found;
            found = detect();
            env.install_failures = still_missing(before, found);
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
    env.hdf5 = found.hdf5;
    env.chromium = crate::browser::find_chromium().filter(|_| found.chromium);
    if !env.hdf5 {
        env.skipped.push(hdf5_skipped());
    }

    match python_with_numpy(install) {
        Ok(python) => {
            python_tools(&python, install, found.can_apt);
            env.python = Some(python);
        }
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

/// Installs [`PYTHON_TOOLS`] into the `.venv` of `python` where a pinned
/// version is missing, and Python's C headers (for Cython) with apt where
/// they are missing. Whatever is still missing, the baseline's rows read
/// "not measured" and `cargo xtask test` lists it as SKIPPED.
fn python_tools(python: &Path, install: bool, can_apt: bool) {
    let installed = |name: &str, version: &str| {
        let script = format!("import importlib.metadata as m; print(m.version('{name}'))");
        Command::new(python)
            .args(["-c", &script])
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == version)
    };
    let missing: Vec<String> = PYTHON_TOOLS
        .iter()
        .filter(|(name, version)| !installed(name, version))
        .map(|(name, version)| format!("{name}=={version}"))
        .collect();
    if !missing.is_empty() && install {
        let _s = step(format!("installing {} into .venv", missing.join(" ")));
        let mut pip = Command::new(python);
        pip.args(["-m", "pip", "install", "--quiet"]).args(&missing);
        // Keep NumPy where it is (Numba would otherwise pick its own).
        pip.arg(format!("numpy=={NUMPY_VERSION}"));
        if let Err(e) = run(&mut pip) {
            note(format!(
                "the Numba, Cython and Rust-from-Python rows will read \"not measured\": {e}"
            ));
        }
    } else if !missing.is_empty() {
        note(format!("not installed in .venv: {}", missing.join(", ")));
    }
    let headers = output(
        &python.display().to_string(),
        &[
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['include'])",
        ],
    )
    .is_some_and(|dir| Path::new(&dir).join("Python.h").exists());
    if !headers && install && can_apt {
        let _s = step("installing python3-dev with apt (Python.h, for Cython)");
        if let Err(e) = run(Command::new("apt-get")
            .args([
                "install",
                "-y",
                "-qq",
                "--no-install-recommends",
                "python3-dev",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"))
        {
            note(format!("the Cython rows will read \"not measured\": {e}"));
        }
    } else if !headers {
        note("no Python.h: the Cython rows will read \"not measured\" (install python3-dev)");
    }
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
    fn mpi_is_found_through_any_variable_the_mpi_crate_reads_and_any_named_launcher() {
        let debian = |p: &str| ["mpicc", "mpirun", "mpicc.mpich", "mpirun.mpich"].contains(&p);
        let cray = |p: &str| ["cc", "srun"].contains(&p);
        assert!(mpi_found(false, None, None, debian));
        assert!(mpi_found(
            false,
            Some("mpicc.mpich"),
            Some("mpirun.mpich -n"),
            debian
        ));
        assert!(!mpi_found(false, Some("mpicc.intel"), None, debian));
        // A Cray: no mpicc and no mpirun, but CRAY_MPICH_DIR (or
        // MPI_PKG_CONFIG) for the build and srun to start the ranks.
        assert!(!mpi_found(false, None, None, cray));
        assert!(!mpi_found(true, None, None, cray));
        assert!(mpi_found(true, None, Some("srun -n"), cray));
        assert!(!mpi_found(false, None, Some("srun -n"), cray));
    }

    #[test]
    fn a_login_node_without_mpi_or_vulkan_gets_both_skips_with_fixes() {
        let found = Found {
            mpi: false,
            libclang: true,
            vulkan: false,
            hdf5: true,
            chromium: true,
            mpich: true,
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
            hdf5: true,
            chromium: true,
            mpich: true,
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
            hdf5: true,
            chromium: true,
            mpich: true,
            can_apt: true,
        };
        assert_eq!(
            missing_packages(found),
            ["openmpi-bin", "libopenmpi-dev", "libclang-dev"]
        );
        // Installing Open MPI brings MPICH beside it, for the second run of
        // the MPI tests.
        let found = Found {
            mpich: false,
            ..found
        };
        assert_eq!(
            missing_packages(found),
            [
                "openmpi-bin",
                "libopenmpi-dev",
                "libclang-dev",
                "mpich",
                "libmpich-dev"
            ]
        );
    }

    /// A fake root with these files (relative paths), for detection tests.
    fn fake_root(name: &str, files: &[&str]) -> PathBuf {
        let root = std::env::temp_dir().join(format!("course-setup-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for file in files {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, b"").unwrap();
        }
        std::fs::create_dir_all(&root).unwrap();
        root
    }

    #[test]
    fn libclang_cpp_alone_reads_as_missing() {
        // Debian's base image: libclang-cpp14 and LLVM, but no libclang.
        let root = fake_root(
            "cpp-only",
            &[
                "usr/lib/x86_64-linux-gnu/libclang-cpp.so.14",
                "usr/lib/llvm-14/lib/libclang-cpp.so.14",
                "usr/lib/llvm-14/lib/libLLVM-14.so",
            ],
        );
        assert!(!libclang_under(&root, None, &[]));
        assert_eq!(
            missing_packages(Found {
                mpi: true,
                libclang: false,
                vulkan: true,
                hdf5: true,
                chromium: true,
                mpich: true,
                can_apt: true
            }),
            [LIBCLANG_PACKAGE]
        );
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn libclang_is_found_under_every_name_clang_sys_accepts() {
        for (i, file) in [
            "usr/lib/llvm-14/lib/libclang.so",
            "usr/lib/llvm-14/lib/libclang-14.so",
            "usr/lib/x86_64-linux-gnu/libclang-14.so.14",
            "usr/lib/x86_64-linux-gnu/libclang.so.1",
            "usr/local/llvm18/lib64/libclang.so",
            "usr/lib64/libclang.so.18",
        ]
        .iter()
        .enumerate()
        {
            let root = fake_root(&format!("name{i}"), &[file]);
            assert!(libclang_under(&root, None, &[]), "{file}");
            std::fs::remove_dir_all(root).unwrap();
        }
        for name in [
            "libclang-cpp.so.14",
            "libclang-cpp.so",
            "libclangBasic.a",
            "libclang_rt.asan.so",
        ] {
            assert!(!is_libclang_name(name), "{name}");
        }
    }

    #[test]
    fn libclang_path_is_the_only_place_searched_when_set() {
        let root = fake_root(
            "env",
            &["usr/lib/libclang.so", "opt/llvm/lib/libclang-17.so"],
        );
        let elsewhere = root.join("opt/nothing");
        std::fs::create_dir_all(&elsewhere).unwrap();
        assert!(!libclang_under(&root, Some(&elsewhere), &[]));
        assert!(libclang_under(&root, Some(&root.join("opt/llvm/lib")), &[]));
        assert!(libclang_under(
            &root,
            Some(&root.join("opt/llvm/lib/libclang-17.so")),
            &[]
        ));
        // LD_LIBRARY_PATH-style directories are searched too.
        let bare = fake_root("env-bare", &["opt/llvm/lib/libclang.so.17"]);
        assert!(!libclang_under(&bare, None, &[]));
        assert!(libclang_under(&bare, None, &[bare.join("opt/llvm/lib")]));
        std::fs::remove_dir_all(root).unwrap();
        std::fs::remove_dir_all(bare).unwrap();
    }

    #[test]
    fn what_apt_could_not_provide_is_one_line_each() {
        let none = Found::default();
        let all = Found {
            mpi: true,
            libclang: true,
            vulkan: true,
            hdf5: true,
            chromium: true,
            mpich: true,
            can_apt: true,
        };
        assert!(still_missing(none, all).is_empty());
        let after = Found {
            libclang: false,
            ..all
        };
        let lines = still_missing(none, after);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].contains(LIBCLANG_PACKAGE) && lines[0].contains("LIBCLANG_PATH"));
        assert!(!lines[0].contains('\n'));
    }

    #[test]
    fn build_failures_name_the_package() {
        let clang = "thread 'main' panicked at clang-sys: Unable to find libclang: \"couldn't find any valid shared libraries matching: ['libclang.so', 'libclang-*.so']\"";
        assert!(package_hint(clang).unwrap().contains("libclang-dev"));
        assert!(
            package_hint("fatal error: hdf5.h: No such file or directory")
                .unwrap()
                .contains("libhdf5-dev")
        );
        assert!(
            package_hint("fatal error: mpi.h: No such file or directory")
                .unwrap()
                .contains("libopenmpi-dev")
        );
        assert_eq!(package_hint("   Compiling serde v1.0.0"), None);
    }
}
