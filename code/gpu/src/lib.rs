//! GPU episodes: running our own code on a GPU with wgpu.
//!
//! `GpuContext` hides the set-up every program repeats (find an adapter, open
//! a device, move buffers back and forth); `add` is the first kernel, element-
//! wise addition, with `add_cpu` as the reference it must agree with.
//!
//! Without a GPU, Mesa's software Vulkan driver (lavapipe) runs the same code
//! on the CPU: results follow the same WGSL rules; timings are not a GPU's.

mod add;
mod bounds;
mod casts;
mod check;
pub mod cli;
mod context;
mod elementwise;
mod kinetic_energy;
mod precision;
mod recursion;

pub use add::{add, add_cpu};
pub use bounds::{BoundsReport, allowed_out_of_bounds_read, out_of_bounds};
pub use casts::{float_to_int_gpu, wgsl_i32, wgsl_u32};
pub use check::{F32_TOLERANCE, max_relative_error};
pub use context::{GpuContext, GpuError, test_context};
pub use elementwise::{
    Bound, Elementwise, MAX_WORKGROUPS, WORKGROUP_SIZE, sqdiff, sqdiff_cpu, workgroups_for,
};
pub use kinetic_energy::{kinetic_energy, kinetic_energy_cpu};
pub use precision::{add_f64, f64_context, supports_f64};
pub use recursion::{RECURSIVE_WGSL, compile_recursive, factorial_cpu, factorial_gpu};

// GPU computing II: reductions, matrix multiplication, kernel fusion,
// CPU/GPU-agnostic backends, and timing.
pub mod backend;
pub mod fusion;
pub mod matmul;
pub mod reduce;
pub mod timing;
