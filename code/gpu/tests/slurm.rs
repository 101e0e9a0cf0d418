//! The GPU job script on the GPU II page: it asks SLURM for a GPU, refuses
//! to run where Vulkan sees no GPU (wgpu would quietly fall back to the
//! software lavapipe), and starts an example that exists. Run with `bash`
//! as SLURM would, but with stand-ins for `vulkaninfo` and `srun`.
use std::path::Path;
use std::process::{Command, Output};

fn script_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("slurm/gpu.sbatch")
}

/// The values of `#SBATCH --<option>=<value>` lines, without comments.
fn sbatch_option(option: &str) -> Vec<String> {
    let script = std::fs::read_to_string(script_path()).expect("the job script exists");
    let prefix = format!("#SBATCH --{option}=");
    script
        .lines()
        .filter_map(|line| line.strip_prefix(&prefix))
        .filter_map(|value| value.split_whitespace().next().map(String::from))
        .collect()
}

/// Runs the script with a stand-in `vulkaninfo` that prints `devices` (one
/// `deviceType` line each) and a stand-in `srun` that prints its arguments
/// and the adapter the program would be asked for.
fn run_script(tag: &str, devices: &[&str]) -> Output {
    let dir = std::env::temp_dir().join(format!("gpu-slurm-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let summary: String = devices
        .iter()
        .map(|t| format!("echo '\tdeviceType         = {t}'\n"))
        .collect();
    let tools = [
        ("vulkaninfo", format!("#!/bin/sh\n{summary}")),
        (
            "srun",
            "#!/bin/sh\necho \"srun $*\"\necho \"WGPU_ADAPTER_NAME=$WGPU_ADAPTER_NAME\"\n".into(),
        ),
    ];
    for (name, body) in tools {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
        std::fs::set_permissions(&path, permissions).unwrap();
    }
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let output = Command::new("bash")
        .arg(script_path())
        .env("PATH", path)
        .env("WGPU_ADAPTER_NAME", "H100")
        .output()
        .expect("bash runs");
    let _ = std::fs::remove_dir_all(&dir);
    output
}

#[test]
fn the_job_asks_for_one_gpu_a_few_cores_and_a_time_limit() {
    assert_eq!(sbatch_option("gpus"), ["1"]);
    assert_eq!(sbatch_option("ntasks"), ["1"]);
    assert_eq!(sbatch_option("cpus-per-task").len(), 1);
    assert_eq!(sbatch_option("time").len(), 1);
}

#[test]
fn on_a_node_with_a_gpu_driver_srun_starts_an_existing_example() {
    let output = run_script(
        "gpu",
        &[
            "PHYSICAL_DEVICE_TYPE_DISCRETE_GPU",
            "PHYSICAL_DEVICE_TYPE_CPU",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "srun target/release/examples/gpu_timing 16777216\nWGPU_ADAPTER_NAME=H100\n"
    );
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/gpu_timing.rs");
    assert!(example.exists(), "{}", example.display());
}

#[test]
fn with_only_lavapipe_the_job_stops_before_srun_and_says_why() {
    for (tag, devices) in [
        ("lavapipe", &["PHYSICAL_DEVICE_TYPE_CPU"][..]),
        ("nothing", &[][..]),
    ] {
        let output = run_script(tag, devices);
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        assert!(output.stdout.is_empty(), "{output:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with("error: no Vulkan driver for a GPU on "),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
}
