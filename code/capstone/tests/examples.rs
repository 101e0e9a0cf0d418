//! The capstone's example programs, run as a learner runs them: every
//! solution prints the serial reference's checksum.
use capstone::{Args, Checksum, Grid, heat_serial, tolerance};
use std::process::Command;
use std::time::Duration;
use testkit::{example, run_example, run_with_limit};

const LIMIT: Duration = Duration::from_secs(120);

/// The checksum line the serial reference gives for `nx ny steps`.
fn reference_line(nx: usize, ny: usize, steps: usize) -> String {
    let end = heat_serial(&Grid::plate(nx, ny), steps, 0.2);
    format!("checksum: {}", Checksum::of(&end))
}

fn lines(stdout: &str) -> Vec<&str> {
    stdout.lines().collect()
}

#[test]
fn serial_and_rayon_print_the_reference_checksum() {
    for (nx, ny, steps) in [(1, 1, 3), (37, 23, 41), (120, 90, 200)] {
        let (x, y, s) = (nx.to_string(), ny.to_string(), steps.to_string());
        for name in ["heat_serial", "heat_rayon"] {
            let run = run_example(name, &[&x, &y, &s], LIMIT);
            run.assert_success();
            let out = lines(&run.stdout);
            assert_eq!(out.len(), 3, "{run:#?}");
            let header = format!("{name}: {nx} x {ny} cells, {steps} steps, dt 0.2, ");
            assert!(out[0].starts_with(&header), "{run:#?}");
            assert_eq!(out[1], reference_line(nx, ny, steps), "{name}");
            assert!(out[2].starts_with("time: ") && out[2].ends_with(" cell updates per second"));
        }
    }
}

#[test]
fn heat_mine_runs_the_rayon_exercise_and_compares_it_with_the_reference() {
    let run = run_example("heat_mine", &["50", "40", "30"], LIMIT);
    run.assert_success();
    let out = lines(&run.stdout);
    assert_eq!(out.len(), 5, "{run:#?}");
    if cfg!(feature = "solution") {
        assert_eq!(out[1], reference_line(50, 40, 30));
        assert_eq!(out[3], "vs serial: identical to the last bit");
    } else {
        // The untouched starter copies the plate at every step.
        let start = Grid::plate(50, 40);
        assert_eq!(out[1], format!("checksum: {}", Checksum::of(&start)));
        assert!(out[3].starts_with("vs serial: DIFFERENT, max |difference| "));
    }
    assert!(out[4].starts_with("speed-up over serial: ") && out[4].ends_with('x'));
}

#[test]
fn gpu_example_prints_a_checksum_within_the_tolerance() {
    let Some(ctx) = gpu::test_context() else {
        return;
    };
    let (nx, ny, steps) = (70, 45, 120);
    let run = run_example("heat_gpu", &["70", "45", "120"], LIMIT);
    run.assert_success();
    let out = lines(&run.stdout);
    assert_eq!(out.len(), 4, "{run:#?}");
    let software = if ctx.is_software() {
        ", a software adapter"
    } else {
        ""
    };
    assert_eq!(out[0], format!("adapter: {}{software}", ctx.describe()));
    assert_eq!(out[1], "heat_gpu: 70 x 45 cells, 120 steps, dt 0.2, GPU");
    // The sum may differ from the serial one by the tolerance in each cell.
    let sum = |line: &str| -> f64 {
        let rest = line
            .strip_prefix("checksum: sum ")
            .expect("a checksum line");
        rest.split(',').next().unwrap().parse().unwrap()
    };
    let difference = (sum(out[2]) - sum(&reference_line(nx, ny, steps))).abs();
    let allowed = (nx * ny) as f64 * f64::from(tolerance(steps)) + 1e-6;
    assert!(difference <= allowed, "{difference} > {allowed}: {run:#?}");
}

#[test]
fn every_example_writes_the_image_it_is_asked_for() {
    let dir = std::env::temp_dir().join(format!("capstone-images-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plate.pgm");
    let shown = path.display().to_string();
    let end = heat_serial(&Grid::plate(30, 20), 10, 0.2).to_pgm();
    for name in ["heat_serial", "heat_rayon", "heat_mine"] {
        // heat_mine runs the rayon exercise: untouched, it never changes the plate.
        let expected = if name == "heat_mine" && !cfg!(feature = "solution") {
            Grid::plate(30, 20).to_pgm()
        } else {
            end.clone()
        };
        let _ = std::fs::remove_file(&path);
        let run = run_example(name, &["30", "20", "10", "--image", &shown], LIMIT);
        run.assert_success();
        assert!(
            run.stdout.contains(&format!("\nimage: {shown}\n")),
            "{run:#?}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), expected, "{name}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_arguments_are_a_one_line_error_with_the_usage() {
    // Checked before any work (and before looking for a GPU).
    let cases: [(&[&str], &str); 3] = [
        (&["10", "10"], "missing STEPS"),
        (&["10", "x", "5"], "NY must be a whole number, got \"x\""),
        (
            &["10", "10", "5", "--dt", "0.5"],
            "dt = 0.5 is unstable: the explicit scheme needs dt <= h^2/(4 alpha) = 0.25",
        ),
    ];
    for name in ["heat_serial", "heat_rayon", "heat_gpu", "heat_mine"] {
        for (args, message) in cases {
            let run = run_example(name, args, LIMIT);
            assert_eq!(run.code, Some(2), "{run:#?}");
            assert!(run.stdout.is_empty(), "{run:#?}");
            assert_eq!(run.stderr, format!("{}\n", Args::error_line(name, message)));
        }
    }
}

#[test]
fn an_unwritable_image_is_a_one_line_error() {
    let run = run_example(
        "heat_serial",
        &["5", "5", "1", "--image", "/nonexistent/x.pgm"],
        LIMIT,
    );
    assert_eq!(run.code, Some(1), "{run:#?}");
    assert!(
        run.stderr
            .starts_with("error: cannot write /nonexistent/x.pgm: ")
    );
    assert_eq!(run.stderr.lines().count(), 1, "{run:#?}");
}

#[test]
fn without_any_adapter_the_gpu_example_says_what_to_install() {
    // Point the Vulkan loader at a driver that does not exist: wgpu then
    // finds no adapter at all, as on a machine without GPU or lavapipe.
    let mut command = Command::new(example("heat_gpu"));
    command.args(["20", "20", "5"]);
    for var in ["VK_DRIVER_FILES", "VK_ICD_FILENAMES"] {
        command.env(var, "/nonexistent/course-no-driver.json");
    }
    let run = run_with_limit(command, LIMIT).expect("heat_gpu finishes");
    assert_eq!(run.code, Some(1), "{run:#?}");
    assert!(run.stdout.is_empty(), "{run:#?}");
    assert_eq!(
        run.stderr,
        format!("error: {}\n", gpu::GpuError::NoAdapter),
        "{run:#?}"
    );
}
