//! Exercise "port a CPU function": the kinetic energy of many particles, on
//! the CPU (the starting point) and on the GPU (the solution).

use crate::{Elementwise, GpuContext, GpuError};

// ANCHOR: cpu
/// The kinetic energy ½ m v² of each particle, on the CPU.
pub fn kinetic_energy_cpu(mass: &[f32], velocity: &[f32]) -> Vec<f32> {
    assert_eq!(mass.len(), velocity.len(), "arrays differ in length");
    mass.iter()
        .zip(velocity)
        .map(|(m, v)| 0.5 * m * v * v)
        .collect()
}
// ANCHOR_END: cpu

// ANCHOR: gpu
const KINETIC_ENERGY_WGSL: &str = include_str!("kinetic_energy.wgsl");

/// The same on the GPU: the kernel has the bindings of `add.wgsl`, so the
/// `Elementwise` helper runs it.
pub fn kinetic_energy(
    ctx: &GpuContext,
    mass: &[f32],
    velocity: &[f32],
) -> Result<Vec<f32>, GpuError> {
    Elementwise::new(ctx, KINETIC_ENERGY_WGSL, "kinetic_energy")?.apply(ctx, mass, velocity)
}
// ANCHOR_END: gpu

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cpu_version_is_half_m_v_squared() {
        assert_eq!(kinetic_energy_cpu(&[2.0, 1.0], &[3.0, -4.0]), [9.0, 8.0]);
    }
}
