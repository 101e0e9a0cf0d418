//! Checks "a job script": `cargo xtask exercise slurm`. Reads the
//! `#SBATCH` lines of `pi_job.sh`, then runs it with `bash` as SLURM would
//! on the compute node (with `SLURM_CPUS_PER_TASK` set from the script),
//! but with a stand-in `srun` that prints what the program would get.
use std::path::{Path, PathBuf};
use std::process::{Command, exit};

#[cfg(not(feature = "solution"))]
const SCRIPT: &str = "exercises/pi_job.sh";
#[cfg(feature = "solution")]
const SCRIPT: &str = "exercises/pi_job_solution.sh";

const CORES: &str = "16";

fn fail(hint: &str) -> ! {
    println!("✗ slurm: {hint}");
    exit(1)
}

/// The values of `#SBATCH --<option>=<value>` lines.
fn sbatch_option(script: &str, option: &str) -> Vec<String> {
    let prefix = format!("#SBATCH --{option}=");
    script
        .lines()
        .filter_map(|line| line.strip_prefix(&prefix))
        .map(|value| value.trim().to_string())
        .collect()
}

fn check_requests(script: &str) {
    if !script.starts_with("#!/bin/bash\n") {
        fail("the first line must be #!/bin/bash: sbatch runs the script with the shell it names");
    }
    let lines: Vec<&str> = script.lines().collect();
    let first_command = lines
        .iter()
        .position(|l| !l.trim().is_empty() && !l.starts_with('#'));
    let last_sbatch = lines.iter().rposition(|l| l.starts_with("#SBATCH"));
    if let (Some(command), Some(sbatch)) = (first_command, last_sbatch)
        && sbatch > command
    {
        fail(&format!(
            "line {} is an #SBATCH line after the first command (line {}): sbatch stops reading them there",
            sbatch + 1,
            command + 1
        ));
    }
    let tasks = sbatch_option(script, "ntasks");
    if tasks.iter().any(|t| t != "1") {
        fail(&format!(
            "--ntasks={} asks SLURM to start {} copies of the program; a multi-threaded program is one task with many cores (--cpus-per-task)",
            tasks[0], tasks[0]
        ));
    }
    let cpus = sbatch_option(script, "cpus-per-task");
    if cpus != [CORES] {
        fail(&format!(
            "the script must ask for {CORES} cores for its one task, on one #SBATCH --cpus-per-task line (found {cpus:?})"
        ));
    }
}

/// Runs the job script with `cpus` in `SLURM_CPUS_PER_TASK` and the stand-in
/// `srun` first on the PATH; returns what the stand-in saw: the program's
/// `RAYON_NUM_THREADS=…`, the `srun` command line, and `SRUN_CPUS_PER_TASK=…`
/// (the other way of passing the cores on to `srun`).
fn run_job(script: &Path, dir: &Path, cpus: &str) -> (String, String, String) {
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("bash")
        .arg(script)
        .env("PATH", path)
        .env("SLURM_CPUS_PER_TASK", cpus)
        .env("SLURM_NTASKS", "1")
        .env_remove("RAYON_NUM_THREADS")
        .env_remove("SRUN_CPUS_PER_TASK")
        .output()
        .unwrap_or_else(|e| {
            eprintln!("error: cannot run bash: {e}");
            exit(2)
        });
    if !output.status.success() {
        fail(&format!(
            "the script failed: {}",
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .next()
                .unwrap_or("(no message)")
        ));
    }
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut lines = stdout.lines().map(str::to_string);
    match (lines.next(), lines.next(), lines.next()) {
        (Some(threads), Some(srun), Some(srun_cpus)) => (threads, srun, srun_cpus),
        _ => fail("the script never calls srun: start the program with srun"),
    }
}

fn stand_in_srun() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("exercise-slurm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a temporary directory");
    let srun = dir.join("srun");
    std::fs::write(
        &srun,
        "#!/bin/sh\necho \"RAYON_NUM_THREADS=$RAYON_NUM_THREADS\"\necho \"srun $*\"\necho \"SRUN_CPUS_PER_TASK=$SRUN_CPUS_PER_TASK\"\n",
    )
    .expect("write the stand-in srun");
    let mut permissions = std::fs::metadata(&srun).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&srun, permissions).unwrap();
    dir
}

fn check_run(script_path: &Path, script: &str) {
    let dir = stand_in_srun();
    let (threads, srun, srun_cpus) = run_job(script_path, &dir, CORES);
    // The same script asking for 12 cores: the threads must follow.
    let twelve = dir.join("twelve.sh");
    std::fs::write(
        &twelve,
        script.replace("--cpus-per-task=16", "--cpus-per-task=12"),
    )
    .unwrap();
    let (threads_12, _, _) = run_job(&twelve, &dir, "12");
    let _ = std::fs::remove_dir_all(&dir);
    if threads == "RAYON_NUM_THREADS=" {
        fail(
            "rayon gets no RAYON_NUM_THREADS, so it counts the cores it can see (on some clusters the whole node): export it from SLURM_CPUS_PER_TASK",
        );
    }
    if threads != format!("RAYON_NUM_THREADS={CORES}") {
        fail(&format!(
            "the program would run with {threads}, expected {CORES} threads for {CORES} cores"
        ));
    }
    if threads_12 != "RAYON_NUM_THREADS=12" {
        fail(
            "the thread count is typed by hand: with --cpus-per-task=12 rayon would still start 16 threads; take it from $SLURM_CPUS_PER_TASK",
        );
    }
    let words: Vec<&str> = srun.split_whitespace().collect();
    let passes_cpus = srun_cpus == format!("SRUN_CPUS_PER_TASK={CORES}")
        || words.contains(&format!("--cpus-per-task={CORES}").as_str())
        || words.contains(&format!("-c{CORES}").as_str())
        || words
            .windows(2)
            .any(|pair| (pair[0] == "--cpus-per-task" || pair[0] == "-c") && pair[1] == CORES);
    if !passes_cpus {
        fail(
            "srun does not get the cores: since Slurm 22.05 it no longer inherits --cpus-per-task from sbatch; pass it again (or export SRUN_CPUS_PER_TASK)",
        );
    }
    if !srun.contains("target/release/examples/pi") {
        fail(&format!(
            "srun should start target/release/examples/pi, but runs: {srun}"
        ));
    }
}

fn main() {
    if std::env::args().len() > 1 {
        eprintln!("error: exercise_slurm takes no arguments");
        exit(2);
    }
    let script_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCRIPT);
    let script = std::fs::read_to_string(&script_path).unwrap_or_else(|e| {
        eprintln!("error: cannot read {}: {e}", script_path.display());
        exit(2)
    });
    check_requests(&script);
    check_run(&script_path, &script);
    println!(
        "✓ slurm: correct (one task, {CORES} cores, {CORES} rayon threads, srun passes the cores on)"
    );
}
