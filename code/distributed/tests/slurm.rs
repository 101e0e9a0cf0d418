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
fn the_job_loads_the_named_mpi_and_starts_the_heat_example_with_srun() {
    let script = script();
    let commands: Vec<&str> = script
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert_eq!(
        commands,
        [
            r#"module load "${MPI_MODULE:?set MPI_MODULE to the MPI module of your site}""#,
            "srun target/release/examples/heat"
        ]
    );
    // srun takes the rank count from the allocation; a second count given
    // to mpirun -n could disagree with it.
    assert!(!script.contains("mpirun"));
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/heat.rs");
    assert!(example.exists(), "{}", example.display());
}

/// Runs the script with `bash` as SLURM would on the compute node, with
/// stand-ins for `module` and `srun` that print how they were called.
fn run_script(mpi_module: Option<&str>) -> std::process::Output {
    // A folder per call: the tests run in parallel.
    let tag = mpi_module.unwrap_or("none").replace('/', "-");
    let dir = std::env::temp_dir().join(format!("distributed-slurm-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for tool in ["module", "srun"] {
        let path = dir.join(tool);
        std::fs::write(&path, format!("#!/bin/sh\necho \"{tool} $*\"\n")).unwrap();
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
        std::fs::set_permissions(&path, permissions).unwrap();
    }
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut bash = std::process::Command::new("bash");
    bash.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("slurm/heat.sbatch"))
        .env("PATH", path)
        .env_remove("MPI_MODULE");
    if let Some(module) = mpi_module {
        bash.env("MPI_MODULE", module);
    }
    let output = bash.output().expect("bash runs");
    let _ = std::fs::remove_dir_all(&dir);
    output
}

#[test]
fn the_job_loads_whichever_mpi_module_the_site_names() {
    for module in ["openmpi/4.1.4", "cray-mpich"] {
        let output = run_script(Some(module));
        assert!(output.status.success(), "{output:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            format!("module load {module}\nsrun target/release/examples/heat\n")
        );
    }
}

#[test]
fn without_a_module_name_the_job_stops_before_starting_anything() {
    let output = run_script(None);
    assert!(!output.status.success(), "{output:?}");
    assert!(output.stdout.is_empty(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("MPI_MODULE: set MPI_MODULE to the MPI module of your site"),
        "{stderr}"
    );
}
