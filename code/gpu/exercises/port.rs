//! Exercise "port a CPU function": your kernel is `port.wgsl`, next to this
//! file. This part hands it to the course's element-wise helper, which
//! uploads the two inputs, runs the kernel and reads the energies back.
//!
//!     cargo xtask exercise port

use gpu::{Elementwise, GpuContext, GpuError};

/// Your kernel, compiled into the program.
const KERNEL: &str = include_str!("port.wgsl");

/// ½ m v² of every particle, on the GPU, by your kernel.
pub fn kinetic_energy(
    ctx: &GpuContext,
    mass: &[f32],
    velocity: &[f32],
) -> Result<Vec<f32>, GpuError> {
    Elementwise::new(ctx, KERNEL, "kinetic_energy")?.apply(ctx, mass, velocity)
}
