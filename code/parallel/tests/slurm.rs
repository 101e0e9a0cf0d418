//! The job script on the page asks SLURM for N cores and makes rayon start
//! N threads. The number of threads must match the cores: fewer wastes the
//! allocation, more oversubscribes it.

use std::path::Path;
use std::process::Command;

fn script() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("slurm/pi.sbatch");
    std::fs::read_to_string(path).expect("the job script exists")
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

#[test]
fn the_script_asks_for_one_task_with_a_fixed_number_of_cores() {
    let script = script();
    assert!(script.starts_with("#!/bin/bash\n"));
    assert_eq!(sbatch_option(&script, "ntasks"), ["1"]);
    assert_eq!(sbatch_option(&script, "nodes"), ["1"]);
    let cpus = sbatch_option(&script, "cpus-per-task");
    assert_eq!(cpus.len(), 1, "exactly one --cpus-per-task line");
    assert!(cpus[0].parse::<u32>().is_ok_and(|n| n >= 2), "{cpus:?}");
    // SLURM reads #SBATCH lines only before the first command.
    let lines: Vec<&str> = script.lines().collect();
    let first_command = lines
        .iter()
        .position(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .expect("the script runs something");
    let last_sbatch = lines
        .iter()
        .rposition(|l| l.starts_with("#SBATCH"))
        .unwrap();
    assert!(last_sbatch < first_command);
}

/// Runs the script with `bash` as SLURM would on the compute node (with
/// `SLURM_CPUS_PER_TASK` set from the `#SBATCH` line), but with a stand-in
/// `srun` that prints what the program would get instead of starting it.
#[test]
fn rayon_gets_as_many_threads_as_slurm_gives_cores() {
    let script = script();
    let cpus = sbatch_option(&script, "cpus-per-task").remove(0);
    let dir = std::env::temp_dir().join(format!("parallel-slurm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let srun = dir.join("srun");
    std::fs::write(
        &srun,
        "#!/bin/sh\necho \"RAYON_NUM_THREADS=$RAYON_NUM_THREADS\"\necho \"srun $*\"\n",
    )
    .unwrap();
    let mut permissions = std::fs::metadata(&srun).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&srun, permissions).unwrap();

    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("slurm/pi.sbatch"))
        .env("PATH", path)
        .env("SLURM_CPUS_PER_TASK", &cpus)
        .env_remove("RAYON_NUM_THREADS")
        .output()
        .expect("bash runs");
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{output:?}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], format!("RAYON_NUM_THREADS={cpus}"));
    assert!(
        lines[1].starts_with(&format!(
            "srun --cpus-per-task={cpus} target/release/examples/pi "
        )),
        "{stdout}"
    );
}
