//! `cargo xtask <command>`: the course pipeline. See README.md.

use course::progress::{note, step};
use course::setup::{self, Environment};
use course::{bench, books, classroom, exercise, paths, preprocess, results::Results, schedule};
use course::{serve, site};
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup [--no-install]  find and install what the course needs (mdBook, OpenMPI,
                        a Vulkan driver, Python/NumPy); say what is missing
  test [--no-install]   set-up, then every check: format, lints, all tests
                        (kernels, examples, MPI under mpirun, GPU, books, site)
  bench [--quick] [--only NAME]
                        run the benchmarks; write target/course/results.json
                        (--only: one episode's bench, merged into that file)
  claims                every checked claim in the books, held or not, on the
                        last results (the table `bench` prints at its end)
  build [--no-bench]    full benchmarks, then both books into target/site/
  serve [--port N] [--no-bench]
                        quick benchmarks (if the code changed), then serve both
                        books on http://localhost:3000 with live reload
  exercise NAME [--solution]
                        check your answer to an exercise (correctness first,
                        then speed where speed is the point)
  exercise --list       every exercise, its minutes and the file to edit
  classroom             each episode's core path against its slot (the
                        live-teaching model; `test` runs it too)
  browser               both books (fixture results) in headless Chromium at
                        1280 and 390 px, all five themes; `test` runs it too
  preprocess            (run by mdBook) fill in results and schedule";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    add_cargo_bin_to_path();
    let outcome = match args.as_slice() {
        ["setup"] => setup_only(true),
        ["setup", "--no-install"] => setup_only(false),
        ["test"] => test(true),
        ["test", "--no-install"] => test(false),
        ["bench", rest @ ..] => match bench_options(rest) {
            Ok((quick, only)) => bench_only(quick, only),
            Err(e) => {
                eprintln!("error: {e}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        },
        ["claims"] => bench::claims_table().map(|table| {
            println!("{table}");
            ExitCode::SUCCESS
        }),
        ["build"] => build(true),
        ["build", "--no-bench"] => build(false),
        ["serve", rest @ ..] => match serve_options(rest) {
            Ok((port, measure)) => serve_books(port, measure),
            Err(e) => {
                eprintln!("error: {e}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        },
        ["exercise", "--list"] => exercise_list(),
        ["exercise", name] => exercise_one(name, exercise::Answer::Mine),
        ["exercise", name, "--solution"] => exercise_one(name, exercise::Answer::Solution),
        ["browser"] => browser_only(),
        ["classroom"] => classroom().map(|fits| {
            if fits {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }),
        ["preprocess", "supports", _renderer] => return ExitCode::SUCCESS,
        ["preprocess"] => preprocess::run_mdbook_protocol().map(|()| ExitCode::SUCCESS),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

type Outcome = Result<ExitCode, String>;

/// Tools installed by `cargo install` land in `$CARGO_HOME/bin`, which a
/// fresh shell may not have on its PATH yet.
fn add_cargo_bin_to_path() {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".cargo")));
    if let Some(bin) = cargo_home.map(|h| h.join("bin")) {
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut dirs: Vec<_> = std::env::split_paths(&path).collect();
        if !dirs.contains(&bin) {
            dirs.push(bin);
            let joined = std::env::join_paths(dirs).expect("PATH entries are valid");
            // SAFETY: called first thing in main, before any thread exists.
            unsafe { std::env::set_var("PATH", joined) };
        }
    }
}

fn setup_only(install: bool) -> Outcome {
    let env = setup::setup(install);
    report_skips(&env);
    install_failed(&env)?;
    Ok(if env.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// Runs `cargo <args>` with the pipeline's environment; Err when it fails,
/// naming the package to install when a build failed for want of one.
fn cargo(args: &[&str], env: &Environment) -> Result<(), String> {
    cargo_with(args, env, &[], &[])
}

/// [`cargo`] with variables set (after the pipeline's) and unset.
fn cargo_with(
    args: &[&str],
    env: &Environment,
    set: &[(String, String)],
    unset: &[&str],
) -> Result<(), String> {
    let mut command = Command::new("cargo");
    for var in unset {
        command.env_remove(var);
    }
    let mut child = command
        .args(args)
        .envs(setup::child_env(env))
        .envs(set.iter().cloned())
        .current_dir(paths::root())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    // Pass cargo's messages through as they come, remembering any hint.
    let mut hints: Vec<String> = Vec::new();
    if let Some(stderr) = child.stderr.take() {
        for line in std::io::BufRead::lines(std::io::BufReader::new(stderr)).map_while(Result::ok) {
            eprintln!("{line}");
            if let Some(hint) = setup::package_hint(&line).filter(|h| !hints.contains(h)) {
                hints.push(hint);
            }
        }
    }
    let status = child.wait().map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        return Ok(());
    }
    let mut message = format!("`cargo {}` failed", args.join(" "));
    for hint in hints {
        message += &format!("; {hint}");
    }
    Err(message)
}

fn test(install: bool) -> Outcome {
    let started = std::time::Instant::now();
    let mut env = setup::setup(install);
    install_failed(&env)?;
    // Without MPI the crates that use it (`distributed`, `capstone-mpi`)
    // cannot even be built: leave them out (set-up lists them as skipped)
    // instead of failing everything else.
    let mut workspace = vec!["--workspace"];
    if !env.mpi {
        workspace.extend(["--exclude", "distributed", "--exclude", "capstone-mpi"]);
    }
    // Without HDF5, `scientific-data` is tested on its own below, without
    // its `hdf5` feature (set-up lists the HDF5 checks as skipped).
    if !env.hdf5 {
        workspace.extend(["--exclude", "scientific-data"]);
    }
    let with_workspace = |first: &[&'static str]| [first, &workspace[..]].concat();
    let mut failures = Vec::new();
    let mut check = |what: &str, args: &[&str]| {
        let _s = step(what);
        if let Err(e) = cargo(args, &env) {
            failures.push(e);
        }
    };
    check(
        "formatting (cargo fmt --check)",
        &["fmt", "--all", "--check"],
    );
    // Plain `cargo test` builds the examples as programs (the tests run them)
    // and runs unit, integration and doc tests; `--benches` then runs every
    // benchmark once in test mode. Together they cover every target.
    check(
        "all tests: kernels, examples, MPI, GPU, books and site (cargo test)",
        &with_workspace(&["test"]),
    );
    check(
        "benchmarks, once each in test mode (cargo test --benches)",
        &with_workspace(&["test", "--benches"]),
    );
    check(
        "lints (cargo clippy -D warnings)",
        &[
            &with_workspace(&["clippy"])[..],
            &["--all-targets", "--", "-D", "warnings"],
        ]
        .concat(),
    );
    // The lints above see the exercises' starters; the solutions are built
    // only with each crate's `solution` feature, so lint them that way too.
    let solved = exercise_crates(&workspace);
    if !solved.is_empty() {
        let features = solved
            .iter()
            .map(|c| format!("{c}/solution"))
            .collect::<Vec<_>>()
            .join(",");
        let mut args = vec!["clippy"];
        for krate in &solved {
            args.extend(["-p", krate.as_str()]);
        }
        args.extend([
            "--features",
            &features,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]);
        check(
            "lints of the exercises' solutions (cargo clippy --features …/solution)",
            &args,
        );
    }
    if !env.hdf5 {
        let without = ["-p", "scientific-data", "--no-default-features"];
        check(
            "scientific-data without HDF5 (cargo test --no-default-features)",
            &[&["test"][..], &without].concat(),
        );
        check(
            "scientific-data without HDF5 (cargo clippy --no-default-features)",
            &[
                &["clippy"][..],
                &without,
                &["--all-targets", "--", "-D", "warnings"],
            ]
            .concat(),
        );
    }
    {
        let _s = step("classroom: each episode's core path against its slot");
        match classroom() {
            Ok(true) => {}
            Ok(false) => {
                failures.push("an episode's core path overruns its slot (table above)".into())
            }
            Err(e) => failures.push(e),
        }
    }
    {
        let _s = step("exercises: each starter fails its check, each solution passes");
        match check_exercises(&env) {
            Ok((mut problems, mut skipped)) => {
                failures.append(&mut problems);
                env.skipped.append(&mut skipped);
            }
            Err(e) => failures.push(e),
        }
    }
    let mpich = setup::has_mpich_beside() && !setup::simulated_missing("mpich");
    if env.mpi && mpich {
        // Every MPI, not only the default one: MPICH's launcher (Hydra)
        // differs from Open MPI's in flags and in how it ends a failed job.
        let _s = step("MPI tests against MPICH too (mpicc.mpich, mpirun.mpich, target/mpich)");
        let args = ["test", "-p", "distributed", "-p", "capstone-mpi"];
        if let Err(e) = cargo_with(&args, &env, &setup::mpich_env(), &setup::MPICH_UNSET) {
            failures.push(format!("under MPICH: {e}"));
        }
    } else if env.mpi {
        env.skipped.push(setup::Skipped {
            check: "the MPI tests under MPICH (beside the default MPI)".into(),
            why: format!(
                "{} and {} are not on PATH",
                setup::MPICH_MPICC,
                setup::MPICH_MPIRUN
            ),
            fix: "`apt install mpich libmpich-dev` (Debian/Ubuntu), then `cargo xtask test`".into(),
        });
    }
    if let Err(e) = browser_test(&env) {
        failures.push(e);
    }
    let mut python_skips = Vec::new();
    match &env.python {
        Some(python) => {
            let _s = step("Python baselines (smoke run)");
            for script in bench::python_scripts() {
                match bench::run_python(python, &script, "--smoke") {
                    Ok(entries) if !entries.is_empty() => {}
                    Ok(_) => failures.push(format!("{} printed no results", script.display())),
                    Err(e) => failures.push(e),
                }
            }
            drop(_s);
            let _s = step("Python calling Rust (code/from-python: maturin, tests, lints)");
            match python_calls_rust(python, &env) {
                Ok(skips) => python_skips = skips,
                Err(e) => failures.push(e),
            }
        }
        None => {
            let why = env.python_missing_reason.clone().unwrap_or_default();
            let fix = "install python3 (with venv and pip), then run `cargo xtask setup`";
            python_skips.push(setup::Skipped {
                check: "Python baselines: benches/python/*.py".into(),
                why: why.clone(),
                fix: fix.into(),
            });
            python_skips.push(setup::Skipped {
                check: "Rust from Python: the `from-python` module, its tests and lints".into(),
                why,
                fix: fix.into(),
            });
        }
    }
    env.skipped.extend(python_skips);

    eprintln!(
        "\n==> cargo xtask test finished in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    report_skips(&env);
    if !failures.is_empty() {
        for f in &failures {
            eprintln!("FAILED: {f}");
        }
        return Err(format!("{} check(s) failed", failures.len()));
    }
    if env.skipped.is_empty() {
        eprintln!("all checks passed");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "INCOMPLETE: everything that ran passed, but the checks above were SKIPPED (exit status 3)"
        );
        Ok(ExitCode::from(3))
    }
}

/// The crates that have exercises, less those `workspace` excludes.
fn exercise_crates(workspace: &[&str]) -> Vec<String> {
    let mut crates: Vec<String> = load_schedule()
        .map(|s| s.exercises().map(|(_, e)| e.crate_name.clone()).collect())
        .unwrap_or_default();
    crates.sort();
    crates.dedup();
    crates.retain(|c| !workspace.contains(&c.as_str()));
    crates
}

fn load_schedule() -> Result<schedule::Schedule, String> {
    schedule::load(&paths::root().join("schedule.toml"))
}

fn exercise_list() -> Outcome {
    print!("{}", exercise::list(&load_schedule()?));
    Ok(ExitCode::SUCCESS)
}

/// `cargo xtask exercise NAME`: the checker's verdict is the exit status.
fn exercise_one(name: &str, answer: exercise::Answer) -> Outcome {
    let schedule = load_schedule()?;
    let Some((_, e)) = schedule.exercise(name) else {
        eprintln!("error: no exercise named {name:?}; `cargo xtask exercise --list` lists them");
        return Ok(ExitCode::from(2));
    };
    let checked = exercise::check(&paths::root(), e, answer, exercise::Profile::Release, false)?;
    Ok(match checked.verdict {
        exercise::Verdict::Correct => ExitCode::SUCCESS,
        exercise::Verdict::Wrong => ExitCode::from(1),
        exercise::Verdict::Skipped => ExitCode::from(3),
        exercise::Verdict::Broken(why) => {
            eprintln!("✗ {name}: {why}");
            ExitCode::from(1)
        }
    })
}

/// Prints each episode's estimate; Ok(false) when one overruns its slot.
fn classroom() -> Result<bool, String> {
    let rows = classroom::rows(&load_schedule()?, &paths::root().join("src"))?;
    let (table, fits) = classroom::table(&rows);
    eprint!("{table}");
    Ok(fits)
}

/// Every exercise both ways, in the test build: the untouched starter must
/// fail its check (exit 1) and the solution must pass it (exit 0).
fn check_exercises(env: &Environment) -> Result<(Vec<String>, Vec<setup::Skipped>), String> {
    use exercise::{Answer, Profile, Verdict};
    let root = paths::root();
    let schedule = load_schedule()?;
    let (mut failures, mut skipped) = (Vec::new(), Vec::new());
    for (_, e) in schedule.exercises() {
        let missing = exercise::missing_files(&root, e);
        if !missing.is_empty() {
            failures.extend(missing);
            continue;
        }
        if e.runner == schedule::Runner::Mpi && !env.mpi {
            skipped.push(setup::Skipped {
                check: format!("exercise {}: its MPI checker", e.name),
                why: "no MPI on this machine".into(),
                fix: "install MPI, then run `cargo xtask setup`".into(),
            });
            continue;
        }
        let mut answers = vec![(Answer::Solution, Verdict::Correct)];
        if exercise::starter_edited(&root, e) {
            note(format!(
                "{} is edited: its check is your answer's, not the starter's; not expected to fail",
                e.starter_path()
            ));
        } else {
            answers.insert(0, (Answer::Mine, Verdict::Wrong));
        }
        for (answer, expected) in answers {
            let checked = exercise::check(&root, e, answer, Profile::Dev, true)?;
            // The verdict line (✓, ✗ or SKIPPED), else the last line.
            let lines = || checked.output.lines().map(str::trim);
            let last_line = lines()
                .find(|l| l.starts_with('✓') || l.starts_with('✗') || l.starts_with("SKIPPED"))
                .or_else(|| lines().next_back())
                .unwrap_or("")
                .to_string();
            match checked.verdict {
                v if v == expected => note(format!("{}: {last_line}", e.name)),
                Verdict::Skipped => skipped.push(setup::Skipped {
                    check: format!("exercise {} ({answer:?})", e.name),
                    why: last_line,
                    fix: "run `cargo xtask setup` on a machine that has what it needs".into(),
                }),
                got => failures.push(format!(
                    "exercise {} with the {}: expected {expected:?}, got {got:?}\n{}",
                    e.name,
                    if answer == Answer::Solution {
                        "solution"
                    } else {
                        "untouched starter"
                    },
                    checked.output.trim_end()
                )),
            }
        }
    }
    Ok((failures, skipped))
}

/// Builds `code/from-python` into the `.venv` with maturin and runs its
/// Python tests, then lints its bindings (the workspace build leaves them
/// out, feature `python`, because they need Python). Returns what could not
/// be checked (the test prints a `SKIPPED` line each and exits with 3).
fn python_calls_rust(
    python: &std::path::Path,
    env: &Environment,
) -> Result<Vec<setup::Skipped>, String> {
    let script = paths::root().join("code/from-python/tests/test_module.py");
    let out = Command::new(python)
        .arg(&script)
        .envs(setup::child_env(env))
        .current_dir(paths::root())
        .output()
        .map_err(|e| format!("cannot run {}: {e}", script.display()))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprint!("{stdout}");
    let skips: Vec<setup::Skipped> = stdout
        .lines()
        .filter_map(|line| line.strip_prefix("SKIPPED "))
        .map(|what| {
            let (check, why) = what.split_once(": ").unwrap_or((what, ""));
            setup::Skipped {
                check: check.into(),
                why: why.into(),
                fix: "run `cargo xtask setup` (it installs maturin, Numba and Cython into .venv)"
                    .into(),
            }
        })
        .collect();
    if !matches!(out.status.code(), Some(0 | 3)) {
        return Err(format!(
            "{} failed ({}):\n{stdout}{}",
            script.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    cargo(
        &[
            "clippy",
            "-p",
            "from-python",
            "--features",
            "python",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        env,
    )?;
    Ok(skips)
}

/// Err with one line per thing set-up installed but still cannot find.
fn install_failed(env: &Environment) -> Result<(), String> {
    if env.install_failures.is_empty() {
        return Ok(());
    }
    Err(env.install_failures.join("\nerror: "))
}

/// The end-of-run list of what could not be checked, impossible to miss.
fn report_skips(env: &Environment) {
    if env.skipped.is_empty() {
        return;
    }
    let bar = "!".repeat(78);
    eprintln!("\n{bar}\n!! SKIPPED — these checks did NOT run on this machine:");
    for s in &env.skipped {
        eprintln!(
            "!!  - {}\n!!      why: {}\n!!      fix: {}",
            s.check, s.why, s.fix
        );
    }
    eprintln!("{bar}");
}

fn python_for_bench(env: &Environment) -> Result<&std::path::Path, &str> {
    env.python.as_deref().ok_or(
        env.python_missing_reason
            .as_deref()
            .unwrap_or("no Python with NumPy"),
    )
}

/// `--quick` and `--only NAME`, in any order.
fn bench_options<'a>(args: &[&'a str]) -> Result<(bool, Option<&'a str>), String> {
    let (mut quick, mut only) = (false, None);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match *arg {
            "--quick" => quick = true,
            "--only" => only = Some(*rest.next().ok_or("--only needs a benchmark name")?),
            other => return Err(format!("unknown option {other:?} for bench")),
        }
    }
    Ok((quick, only))
}

fn bench_only(quick: bool, only: Option<&str>) -> Outcome {
    let env = setup::setup(true);
    bench::run(quick, only, python_for_bench(&env), &setup::child_env(&env))?;
    Ok(ExitCode::SUCCESS)
}

fn build(measure: bool) -> Outcome {
    let env = setup::setup(measure);
    if measure {
        bench::run(false, None, python_for_bench(&env), &setup::child_env(&env))?;
    } else {
        note("benchmarks: not run (--no-bench); the pages show the last results, if any");
    }
    let site_dir = paths::site_dir();
    {
        let _s = step("rendering both books");
        books::build_site(&site_dir, &self_exe()?, None)?;
    }
    let problems: Vec<String> = [
        site::broken_links(&site_dir),
        site::external_loads(&site_dir),
        site::unrendered_math(&site_dir),
    ]
    .concat();
    if !problems.is_empty() {
        return Err(format!("the site has problems:\n{}", problems.join("\n")));
    }
    note(format!(
        "the site is in {} (open index.html, or serve the folder)",
        site_dir.display()
    ));
    offline_copies(&site_dir, &env)
}

/// `build`'s take-away copies: a PDF of each book and a zip of the site.
/// Without Chromium the zip is still written, the PDFs are a loud skip.
fn offline_copies(site_dir: &std::path::Path, env: &Environment) -> Outcome {
    let dest = course::offline::offline_dir();
    let zip = dest.join("hpc-in-rust-site.zip");
    {
        let _s = step("zipping the site (opens from disk: index.html)");
        let bytes = course::offline::zip_dir(site_dir, "hpc-in-rust", &zip)?;
        note(format!("{} ({:.1} MB)", zip.display(), bytes as f64 / 1e6));
    }
    let Some(chromium) = env.chromium.as_deref() else {
        report_skips(env);
        return Ok(ExitCode::from(3));
    };
    let _s = step("printing each book to PDF (headless Chromium, print.html)");
    for pdf in course::offline::pdfs(chromium, site_dir, &dest)? {
        note(pdf.display().to_string());
    }
    Ok(ExitCode::SUCCESS)
}

/// `cargo xtask browser`: the browser test alone.
fn browser_only() -> Outcome {
    let env = setup::setup(true);
    install_failed(&env)?;
    let outcome = browser_test(&env);
    report_skips(&env);
    outcome?;
    Ok(if env.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// Both books opened in headless Chromium (a skip without it or without
/// mdBook); Err lists the failures.
fn browser_test(env: &Environment) -> Result<(), String> {
    let _s = step("both books in a real browser (headless Chromium, 1280 and 390 px, five themes)");
    // Without either, set-up has already listed the check as skipped.
    let Some(chromium) = env.chromium.clone().filter(|_| env.books) else {
        return Ok(());
    };
    let report = course::browser::run(&chromium, &self_exe()?)?;
    if report.failures.is_empty() {
        return Ok(());
    }
    for failure in &report.failures {
        eprintln!("    FAILED: {failure}");
    }
    Err(format!(
        "the browser test found {} problem(s) (listed above)",
        report.failures.len()
    ))
}

/// `--port N` and `--no-bench`, in any order.
fn serve_options(args: &[&str]) -> Result<(u16, bool), String> {
    let (mut port, mut measure) = (3000, true);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match *arg {
            "--no-bench" => measure = false,
            "--port" => {
                let value = rest.next().ok_or("--port needs a number")?;
                port = value
                    .parse()
                    .map_err(|_| format!("--port needs a number, got {value:?}"))?;
            }
            other => return Err(format!("unknown option {other:?} for serve")),
        }
    }
    Ok((port, measure))
}

fn serve_books(port: u16, measure: bool) -> Outcome {
    let env = setup::setup(measure);
    if !env.books {
        return Err("cannot render the books without mdbook and mdbook-katex".into());
    }
    let fingerprint = bench::fingerprint(true);
    let current = Results::load(&paths::results_file());
    let unchanged = current
        .as_ref()
        .is_some_and(|r| r.fingerprint.as_deref() == Some(fingerprint.as_str()));
    let mut measuring: Option<serve::Background> = None;
    if !measure {
        note("benchmarks: not run (--no-bench); the pages show the last results, if any");
    } else if unchanged {
        note("benchmarks: code and results unchanged since the last run, not re-measuring");
    } else {
        // Serve first; measure episode by episode behind it. Each episode's
        // results re-render the books, and the open browser reloads.
        note("benchmarks: the books come first; each episode's numbers fill in as it is measured");
        let python = python_for_bench(&env)
            .map(std::path::Path::to_path_buf)
            .map_err(str::to_string);
        let child_env = setup::child_env(&env);
        measuring = Some(Box::new(move || {
            let python = python.as_deref().map_err(String::as_str);
            match bench::run(true, None, python, &child_env) {
                Ok(_) => {
                    eprintln!("==> every episode measured; the books show this machine's numbers")
                }
                Err(e) => eprintln!("error: measuring stopped: {e}"),
            }
        }));
    }
    serve::serve(port, &self_exe()?, measuring)?;
    Ok(ExitCode::SUCCESS)
}

/// This program's path, for mdBook to run as the preprocessor. When `cargo
/// test` has rebuilt it meanwhile, Linux names the running file "PATH
/// (deleted)"; the new binary at PATH is the one to run (mdBook would split
/// the name at its space, and skip a preprocessor that does not answer).
fn self_exe() -> Result<std::path::PathBuf, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the xtask binary: {e}"))?;
    Ok(
        match exe.to_str().and_then(|p| p.strip_suffix(" (deleted)")) {
            Some(rebuilt) => std::path::PathBuf::from(rebuilt),
            None => exe,
        },
    )
}
