//! The GPU II examples, run as a learner runs them: what they print, how
//! they reject bad arguments, and what they say when there is no adapter.
use std::time::Duration;
use testkit::{Run, run_example};

const LIMIT: Duration = Duration::from_secs(120);

/// The first line every GPU example prints.
fn adapter_line(ctx: &gpu::GpuContext) -> String {
    let software = if ctx.is_software() {
        " (software adapter)"
    } else {
        ""
    };
    format!("adapter: {}{software}", ctx.describe())
}

fn lines(run: &Run) -> Vec<&str> {
    run.stdout.lines().collect()
}

/// The number after `label` in `line`, e.g. `relative error 1.2e-7`.
fn number_after(line: &str, label: &str) -> f64 {
    let at = line
        .find(label)
        .unwrap_or_else(|| panic!("{label:?} in {line:?}"));
    line[at + label.len()..]
        .split_whitespace()
        .next()
        .and_then(|word| word.parse().ok())
        .unwrap_or_else(|| panic!("a number after {label:?} in {line:?}"))
}

#[test]
fn reduce_agrees_with_the_exact_sum_and_norm() {
    let Some(ctx) = gpu::test_context() else {
        return;
    };
    let run = run_example("gpu_reduce", &["100000"], LIMIT);
    run.assert_success();
    let lines = lines(&run);
    assert_eq!(lines.len(), 8, "{run:#?}");
    assert_eq!(lines[0], adapter_line(&ctx));
    assert_eq!(lines[1], "100000 numbers in [0, 1)");
    assert!(lines[2].starts_with("sum: exact "), "{run:#?}");
    assert!(lines[5].starts_with("L2 norm: exact "), "{run:#?}");
    for gpu_line in [lines[3], lines[6]] {
        assert!(gpu_line.starts_with("  gpu "), "{gpu_line}");
        // The tolerance the kernel tests state (tests/reduce.rs).
        assert!(
            number_after(gpu_line, "relative error") <= 1e-5,
            "{gpu_line}"
        );
    }
    for cpu_line in [lines[4], lines[7]] {
        assert!(cpu_line.starts_with("  cpu "), "{cpu_line}");
        // 16 running totals of 6250 terms: at most (6250 + 18) × 2⁻²⁴.
        assert!(
            number_after(cpu_line, "relative error") <= 4e-4,
            "{cpu_line}"
        );
    }
}

#[test]
fn matmul_runs_both_kernels_and_both_equal_the_cpu() {
    let Some(ctx) = gpu::test_context() else {
        return;
    };
    let run = run_example("matmul", &["70"], LIMIT);
    run.assert_success();
    let lines = lines(&run);
    assert_eq!(lines.len(), 3, "{run:#?}");
    assert_eq!(lines[0], adapter_line(&ctx));
    for (line, kernel) in lines[1..].iter().zip(["Naive", "Tiled"]) {
        assert!(
            line.starts_with(&format!("{kernel}: 70 x 70 in ")),
            "{line}"
        );
        assert!(line.contains(" GFLOP/s), "), "{line}");
        assert!(line.ends_with("equals the CPU: yes"), "{line}");
    }
}

#[test]
fn fusion_runs_the_chain_and_the_fused_kernel_with_equal_results() {
    let Some(ctx) = gpu::test_context() else {
        return;
    };
    let run = run_example("fusion", &["1000"], LIMIT);
    run.assert_success();
    let lines = lines(&run);
    assert_eq!(lines.len(), 3, "{run:#?}");
    assert_eq!(lines[0], adapter_line(&ctx));
    for (line, strategy) in lines[1..].iter().zip(["Chain", "Fused"]) {
        assert!(
            line.starts_with(&format!("{strategy}: 1000 elements in ")),
            "{line}"
        );
        assert!(line.ends_with("equals the CPU: yes"), "{line}");
    }
}

#[test]
fn gpu_timing_shows_every_clock_and_says_when_timestamps_are_missing() {
    let Some(_) = gpu::test_context() else {
        return;
    };
    let ctx = gpu::GpuContext::with_timestamps().unwrap();
    let run = run_example("gpu_timing", &["5000"], LIMIT);
    run.assert_success();
    let lines = lines(&run);
    assert_eq!(lines.len(), 6, "{run:#?}");
    assert_eq!(lines[0], adapter_line(&ctx));
    assert_eq!(lines[1], "sum of 5000 floats, fastest of 5 runs:");
    let labels = [
        "cpu",
        "gpu, with transfers",
        "gpu, data resident",
        "gpu kernels (timestamps)",
    ];
    for (line, label) in lines[2..].iter().zip(labels) {
        assert!(line.starts_with(&format!("  {label} ")), "{line}");
    }
    assert_eq!(
        lines[5].ends_with("not supported by this adapter"),
        !ctx.has_timestamps(),
        "{run:#?}"
    );
}

#[test]
fn backend_choice_gives_the_same_answer_on_every_backend() {
    let Some(ctx) = gpu::test_context() else {
        return;
    };
    let expected_auto = if ctx.is_software() {
        format!(
            "backend: cpu (auto: the only adapter, {}, is software)",
            ctx.describe()
        )
    } else {
        format!("backend: gpu: {} (auto: a hardware GPU)", ctx.describe())
    };
    for (choice, first_line) in [
        ("cpu", "backend: cpu (asked for)".to_string()),
        (
            "gpu",
            format!("backend: gpu: {} (asked for)", ctx.describe()),
        ),
        ("auto", expected_auto),
    ] {
        let run = run_example("backend_choice", &["--backend", choice, "1000"], LIMIT);
        run.assert_success();
        assert_eq!(
            lines(&run),
            [
                first_line.as_str(),
                "1000 numbers: mean 1.5000, rms 1.8708 (exact: 1.5000, 1.8708)"
            ],
            "{choice}"
        );
    }
}

#[test]
fn backend_choice_is_exact_up_to_its_stated_bound_and_shows_exact_beyond() {
    // 3.5 N < 2^24 up to N = 4 793 490: every running total is exact.
    let run = run_example("backend_choice", &["--backend", "cpu", "4793490"], LIMIT);
    run.assert_success();
    assert_eq!(
        lines(&run)[1],
        "4793490 numbers: mean 1.5000, rms 1.8708 (exact: 1.5000, 1.8708)"
    );
    // Far beyond, f32 running totals round: the exact values are printed
    // beside the backend's, whatever they are.
    let run = run_example("backend_choice", &["--backend", "cpu", "40000000"], LIMIT);
    run.assert_success();
    assert!(
        lines(&run)[1].ends_with("(exact: 1.5000, 1.8708)"),
        "{run:#?}"
    );
}

/// Every GPU II example that takes N.
const SIZED: [&str; 4] = ["gpu_reduce", "matmul", "fusion", "gpu_timing"];

#[test]
fn a_non_numeric_n_is_a_usage_error() {
    // Checked before any GPU work, so these run with or without an adapter.
    for name in SIZED {
        let run = run_example(name, &["ten"], LIMIT);
        assert_eq!(run.code, Some(2), "{name}: {run:#?}");
        assert!(run.stdout.is_empty(), "{name}");
        assert_eq!(
            run.stderr,
            format!("error: N must be a whole number, got \"ten\" (usage: {name} [N])\n"),
            "{name}"
        );
    }
    for name in ["matmul", "fusion", "gpu_timing"] {
        let run = run_example(name, &["0"], LIMIT);
        assert_eq!(run.code, Some(2), "{name}: {run:#?}");
        assert_eq!(
            run.stderr,
            format!("error: N must be at least 1, got 0 (usage: {name} [N])\n"),
            "{name}"
        );
    }
}

#[test]
fn backend_choice_explains_its_usage() {
    let usage = "usage: backend_choice --backend cpu|gpu|auto [N]";
    for (args, message) in [
        (&[][..], "which backend? --backend is missing"),
        (
            &["--backend"][..],
            "--backend needs a value (--backend cpu|gpu|auto)",
        ),
        (
            &["--backend", "tpu"][..],
            "unknown backend \"tpu\" (use cpu, gpu or auto)",
        ),
        (
            &["--backend", "cpu", "many"][..],
            "N must be a whole number, got \"many\"",
        ),
        (
            &["--backend", "cpu", "0"][..],
            "N must be at least 1, got 0",
        ),
        (
            &["--backend", "cpu", "10", "20"][..],
            "unexpected argument \"20\"",
        ),
        (
            &["--backend", "cpu", "3000000000"][..],
            "N must be at most 2_000_000_000, got 3000000000",
        ),
    ] {
        let run = run_example("backend_choice", args, LIMIT);
        assert_eq!(run.code, Some(2), "{args:?}: {run:#?}");
        assert_eq!(
            run.stderr,
            format!("error: {message} ({usage})\n"),
            "{args:?}"
        );
    }
}

/// Without any adapter. The Vulkan loader is pointed at a driver list that
/// does not exist, so this needs Linux (elsewhere Metal or DX12 would answer).
#[cfg(target_os = "linux")]
mod no_adapter {
    use super::{LIMIT, SIZED, lines};
    use std::process::Command;
    use testkit::{Run, example, run_with_limit};

    /// Runs `name` with the Vulkan loader pointed at a driver list that does
    /// not exist: the machine then has no adapter at all.
    fn without_an_adapter(name: &str, args: &[&str]) -> Run {
        let mut command = Command::new(example(name));
        command
            .args(args)
            .env("VK_ICD_FILENAMES", "/nonexistent/icd.json")
            .env("VK_DRIVER_FILES", "/nonexistent/icd.json");
        run_with_limit(command, LIMIT).unwrap_or_else(|| panic!("{name} ran past {LIMIT:?}"))
    }

    #[test]
    fn without_an_adapter_every_gpu_example_says_what_to_install() {
        let message = format!("error: {}\n", gpu::GpuError::NoAdapter);
        assert!(message.contains("mesa-vulkan-drivers"));
        for (name, args) in SIZED
            .iter()
            .map(|name| (*name, &["1000"][..]))
            .chain([("backend_choice", &["--backend", "gpu"][..])])
        {
            let run = without_an_adapter(name, args);
            assert_eq!(run.code, Some(1), "{name}: {run:#?}");
            assert!(run.stdout.is_empty(), "{name}: {run:#?}");
            assert_eq!(run.stderr, message, "{name}");
        }
        // Asked to choose, the program falls back to the CPU and says why.
        let run = without_an_adapter("backend_choice", &["--backend", "auto", "1000"]);
        run.assert_success();
        assert_eq!(
            lines(&run),
            [
                "backend: cpu (auto: no GPU adapter)",
                "1000 numbers: mean 1.5000, rms 1.8708 (exact: 1.5000, 1.8708)"
            ]
        );
    }
}
