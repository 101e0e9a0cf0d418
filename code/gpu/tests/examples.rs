//! The GPU I example programs, run as a learner runs them. Each one needs a
//! GPU (or lavapipe), so each test first applies the course's skip rule.
use gpu::cli::adapter_line;
use gpu::{F32_TOLERANCE, GpuContext, supports_f64, test_context, wgsl_i32, wgsl_u32};
use std::process::Command;
use std::time::Duration;
use testkit::{example, run_example, run_with_limit};

const LIMIT: Duration = Duration::from_secs(120);

/// Every example of this episode that talks to a GPU.
const GPU_EXAMPLES: [&str; 7] = [
    "vector_add",
    "squared_difference",
    "transfers",
    "precision",
    "float_to_int",
    "out_of_bounds",
    "recursion",
];

/// Runs `name` and returns its stdout lines after checking that it
/// succeeded and first named the adapter in use.
fn lines(ctx: &GpuContext, name: &str, args: &[&str]) -> Vec<String> {
    let run = run_example(name, args, LIMIT);
    run.assert_success();
    let lines: Vec<String> = run.stdout.lines().map(str::to_string).collect();
    assert_eq!(lines.first(), Some(&adapter_line(ctx)), "{run:#?}");
    lines
}

#[test]
#[cfg(target_os = "linux")]
fn without_any_adapter_every_example_says_what_to_install_and_fails() {
    // Point the Vulkan loader at a driver list that does not exist: the
    // machine then looks like one with no GPU and no lavapipe.
    for name in GPU_EXAMPLES {
        let mut command = Command::new(example(name));
        command
            .env("VK_ICD_FILENAMES", "/nonexistent/icd.json")
            .env("VK_DRIVER_FILES", "/nonexistent/icd.json");
        let run = run_with_limit(command, LIMIT).expect("finishes");
        assert_eq!(run.code, Some(1), "{name}: {run:#?}");
        assert!(run.stdout.is_empty(), "{name}: {run:#?}");
        assert!(!run.stderr.contains("panicked"), "{name}: {run:#?}");
        assert_eq!(
            run.stderr.lines().last(),
            Some(
                "error: no GPU adapter found: install a Vulkan driver (on Debian/Ubuntu: \
                 apt install mesa-vulkan-drivers) or run on a machine with a GPU"
            ),
            "{name}: {run:#?}"
        );
    }
}

#[test]
fn bad_sizes_are_usage_errors() {
    for (name, arg, message) in [
        (
            "squared_difference",
            "ten",
            "error: N must be a whole number, got \"ten\" (usage: squared_difference [N])\n",
        ),
        (
            "transfers",
            "-1",
            "error: N must be at least 1, got -1 (usage: transfers [N])\n",
        ),
    ] {
        let run = run_example(name, &[arg], LIMIT);
        assert_eq!(run.code, Some(2), "{run:#?}");
        assert!(run.stdout.is_empty(), "{run:#?}");
        assert_eq!(run.stderr, message);
    }
}

#[test]
fn squared_difference_is_within_the_tolerance() {
    let Some(ctx) = test_context() else { return };
    let lines = lines(&ctx, "squared_difference", &["300000"]);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    let (start, rest) = lines[1]
        .split_once(" max relative difference ")
        .expect("the comparison line");
    assert_eq!(start, "checked 300000 elements against the CPU:");
    let (error, verdict) = rest.split_once(", ").unwrap();
    assert!(error.parse::<f32>().unwrap() <= F32_TOLERANCE, "{rest}");
    assert_eq!(verdict, format!("within the tolerance {F32_TOLERANCE:e}"));
}

#[test]
fn transfers_times_each_step_and_checks_the_result() {
    let Some(ctx) = test_context() else { return };
    let lines = lines(&ctx, "transfers", &["100000"]);
    assert_eq!(lines.len(), 6, "{lines:#?}");
    assert_eq!(lines[1], "100000 floats, 0.4 MB per array");
    for (line, label, rate) in [
        (&lines[2], "upload a and b", true),
        (&lines[3], "add on the GPU", false),
        (&lines[4], "read back", true),
    ] {
        let rest = line.strip_prefix(label).expect(label);
        let words: Vec<&str> = rest.split_whitespace().collect();
        assert_eq!(words.len(), if rate { 4 } else { 2 }, "{line}");
        assert!(words[0].parse::<f64>().unwrap() > 0.0, "{line}");
        assert_eq!(words[1], "ms");
        if rate {
            assert!(words[2].parse::<f64>().unwrap() > 0.0, "{line}");
            assert_eq!(words[3], "GB/s");
        }
    }
    let share = lines[5]
        .strip_prefix("moving data: ")
        .and_then(|l| l.strip_suffix("% of the time; result correct: true"))
        .expect("the summary line");
    assert!((0..=100).contains(&share.parse::<u32>().unwrap()));
}

#[test]
fn transfers_needs_at_least_one_element() {
    let run = run_example("transfers", &["0"], LIMIT);
    assert_eq!(run.code, Some(2), "{run:#?}");
    assert_eq!(
        run.stderr,
        "error: N must be at least 1, got 0 (usage: transfers [N])\n"
    );
}

#[test]
fn precision_shows_f32_losing_what_f64_keeps() {
    let Some(ctx) = test_context() else { return };
    let lines = lines(&ctx, "precision", &[]);
    assert_eq!(lines[1], "f32 on the GPU: 1 + 1e-8 = 1");
    let f64_line = if supports_f64(&ctx) {
        "f64 on the GPU: 1 + 1e-8 = 1.00000001"
    } else {
        "f64 on the GPU: not available on this adapter (it lacks wgpu::Features::SHADER_F64)"
    };
    assert_eq!(lines[2], f64_line);
    assert_eq!(lines.len(), 3);
}

#[test]
fn float_to_int_prints_what_the_gpu_and_rust_make_of_each_value() {
    let Some(ctx) = test_context() else { return };
    let lines = lines(&ctx, "float_to_int", &[]);
    let header: Vec<&str> = lines[1].split("  ").filter(|w| !w.is_empty()).collect();
    assert_eq!(
        header.iter().map(|w| w.trim()).collect::<Vec<_>>(),
        [
            "x",
            "GPU i32(x)",
            "Rust as i32",
            "GPU u32(x)",
            "Rust as u32"
        ]
    );
    let inputs = [
        2.7,
        -2.7,
        -1.5,
        3e9,
        -3e9,
        1e10,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
    ];
    assert_eq!(lines.len(), 2 + inputs.len());
    for (line, x) in lines[2..].iter().zip(inputs) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(cols.len(), 5, "{line}");
        assert_eq!(
            cols[0].parse::<f32>().unwrap().to_bits(),
            x.to_bits(),
            "{line}"
        );
        let gpu_i32: i32 = cols[1].parse().unwrap();
        let gpu_u32: u32 = cols[3].parse().unwrap();
        assert_eq!(cols[2].parse::<i32>().unwrap(), x as i32, "{line}");
        assert_eq!(cols[4].parse::<u32>().unwrap(), x as u32, "{line}");
        // WGSL pins the finite cases down and leaves NaN and ±inf open.
        if let (Some(i), Some(u)) = (wgsl_i32(x), wgsl_u32(x)) {
            assert_eq!((gpu_i32, gpu_u32), (i, u), "{line}");
        }
    }
}

#[test]
fn out_of_bounds_reports_only_outcomes_wgsl_allows() {
    let Some(ctx) = test_context() else { return };
    let lines = lines(&ctx, "out_of_bounds", &[]);
    assert_eq!(lines.len(), 13, "{lines:#?}");
    assert_eq!(
        lines[1],
        "data = [10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0]"
    );
    assert_eq!(lines[2], "GPU read data[0] = 10 (in range)");
    assert_eq!(lines[3], "GPU read data[7] = 17 (in range)");
    for (line, at) in lines[4..7].iter().zip(["8", "1000", "4294967295"]) {
        assert!(
            line.starts_with(&format!("GPU read data[{at}] = ")),
            "{line}"
        );
        assert!(
            line.ends_with("(past the end: zero)")
                || line.ends_with("(past the end: an element of data)"),
            "{line}"
        );
    }
    assert_eq!(lines[7], "Rust: data.get(8) = None, and data[8] panics");
    for (line, at) in lines[10..].iter().zip(["8", "1000", "4294967295"]) {
        assert!(
            line.starts_with(&format!("the write to written[{at}] ")),
            "{line}"
        );
    }
}

#[test]
fn recursion_is_rejected_and_the_loop_runs() {
    let Some(ctx) = test_context() else { return };
    let lines = lines(&ctx, "recursion", &[]);
    assert_eq!(
        lines[1],
        "recursive factorial: rejected by the shader compiler:"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("declaration of `factorial` is recursive")),
        "{lines:#?}"
    );
    let n = lines.len();
    assert_eq!(
        lines[n - 2],
        "factorial as a loop, 0! to 12!: [1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, \
         3628800, 39916800, 479001600]"
    );
    assert_eq!(lines[n - 1], "same as the CPU: true");
}
