//! Checks the exercise "port a CPU function": `cargo xtask exercise port`.
//! Runs your kernel on the GPU adapter and compares every particle's energy
//! with `kinetic_energy_cpu`, at sizes below, at and above a multiple of the
//! workgroup size.

#[path = "checking.rs"]
mod checking;
#[cfg(not(feature = "solution"))]
#[path = "port.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "port_solution.rs"]
mod mine;

use checking::{context_or_skip, fail, first_line};
use gpu::{F32_TOLERANCE, GpuError, kinetic_energy_cpu, max_relative_error};

const NAME: &str = "port";

fn particles(n: usize) -> (Vec<f32>, Vec<f32>) {
    let mass = (0..n).map(|i| 1.0 + (i % 10) as f32 / 4.0).collect();
    let velocity = (0..n).map(|i| (i % 13) as f32 / 3.0 - 2.0).collect();
    (mass, velocity)
}

/// The hint for a kernel that compiled, ran, and gave a wrong energy.
fn wrong_answer(mass: &[f32], velocity: &[f32], on_gpu: &[f32], on_cpu: &[f32]) -> String {
    let i = (0..on_cpu.len())
        .find(|&i| max_relative_error(&on_gpu[i..=i], &on_cpu[i..=i]) > F32_TOLERANCE)
        .expect("some particle differs");
    let (m, v) = (mass[i], velocity[i]);
    let what = if on_gpu[i] == m * v {
        "that is the momentum m v: compute ½ m v² instead"
    } else {
        "compare the line inside the loop with kinetic_energy_cpu"
    };
    format!(
        "particle {i} of {} (m = {m}, v = {v}): the GPU gives {}, the CPU ½ m v² = {}; {what}",
        on_cpu.len(),
        on_gpu[i],
        on_cpu[i]
    )
}

fn main() {
    let ctx = context_or_skip(NAME);
    let sizes = [1, 255, 256, 257, 100_000];
    for n in sizes {
        let (mass, velocity) = particles(n);
        let on_gpu = match mine::kinetic_energy(&ctx, &mass, &velocity) {
            Ok(energies) => energies,
            Err(error @ GpuError::Shader(_)) => {
                // The compiler's diagnostic, with its excerpt of your source.
                eprintln!("{error}");
                let why = first_line(&error);
                // wgpu leaves a binding the kernel never uses out of the layout.
                let hint = if why.contains("bindings") {
                    "; does the kernel still read mass and velocity, and write energy?"
                } else {
                    ""
                };
                fail(
                    NAME,
                    &format!("your kernel was rejected (the full message is above): {why}{hint}"),
                )
            }
            Err(error) => fail(NAME, &first_line(&error)),
        };
        let on_cpu = kinetic_energy_cpu(&mass, &velocity);
        if on_gpu.len() != on_cpu.len() {
            fail(
                NAME,
                &format!("{} energies for {n} particles", on_gpu.len()),
            );
        }
        if max_relative_error(&on_gpu, &on_cpu) > F32_TOLERANCE {
            fail(NAME, &wrong_answer(&mass, &velocity, &on_gpu, &on_cpu));
        }
    }
    println!(
        "✓ {NAME}: correct (1 to 100000 particles, within {F32_TOLERANCE:e} of the CPU on {})",
        ctx.describe()
    );
}
