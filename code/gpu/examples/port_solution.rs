//! Exercise "port a CPU function", solved: `gpu::kinetic_energy` runs
//! `src/kinetic_energy.wgsl`.
//!
//!     cargo run --release -p gpu --example port_solution
use gpu::cli::{adapter_line, run_or_exit};
use gpu::{
    F32_TOLERANCE, GpuContext, GpuError, kinetic_energy, kinetic_energy_cpu, max_relative_error,
};

// ANCHOR: main
fn main() {
    run_or_exit(run);
}

fn run() -> Result<(), GpuError> {
    let ctx = GpuContext::new()?;
    println!("{}", adapter_line(&ctx));
    let n = 100_000;
    let mass: Vec<f32> = (0..n).map(|i| 1.0 + (i % 10) as f32 / 4.0).collect();
    let velocity: Vec<f32> = (0..n).map(|i| (i % 13) as f32 / 3.0 - 2.0).collect();

    let on_cpu = kinetic_energy_cpu(&mass, &velocity);
    let on_gpu = kinetic_energy(&ctx, &mass, &velocity)?;

    println!("CPU, first particles: {:?}", &on_cpu[..4]);
    println!("GPU, first particles: {:?}", &on_gpu[..4]);
    if max_relative_error(&on_gpu, &on_cpu) <= F32_TOLERANCE {
        println!("the GPU agrees with the CPU on all {n} particles");
    } else {
        println!("not yet: the GPU result differs from the CPU's");
    }
    Ok(())
}
// ANCHOR_END: main
