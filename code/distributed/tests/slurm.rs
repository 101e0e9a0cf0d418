//! The SLURM job script on the page: it must ask for the resources the
//! program uses and start a program that exists. (It is not submitted:
//! there is no cluster here.)
use std::path::Path;

fn script() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("slurm/heat.sbatch");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The value of `#SBATCH --<option>=value`, without its comment.
fn sbatch_option(script: &str, option: &str) -> Option<String> {
    let prefix = format!("#SBATCH --{option}=");
    script.lines().find_map(|line| {
        let value = line.strip_prefix(&prefix)?;
        Some(value.split_whitespace().next()?.to_string())
    })
}

#[test]
fn the_job_asks_for_one_core_per_rank_and_a_time_limit() {
    let script = script();
    assert!(script.starts_with("#!/bin/bash\n"));
    assert_eq!(sbatch_option(&script, "ntasks").as_deref(), Some("4"));
    assert_eq!(
        sbatch_option(&script, "cpus-per-task").as_deref(),
        Some("1")
    );
    assert!(sbatch_option(&script, "time").is_some());
}

#[test]
fn the_job_loads_mpi_and_starts_the_heat_example_with_srun() {
    let script = script();
    let commands: Vec<&str> = script
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert_eq!(
        commands,
        ["module load openmpi", "srun target/release/examples/heat"]
    );
    // srun takes the rank count from the allocation; a second count given
    // to mpirun -n could disagree with it.
    assert!(!script.contains("mpirun"));
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/heat.rs");
    assert!(example.exists(), "{}", example.display());
}
