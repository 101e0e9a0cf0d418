//! GPU episodes: running our own code on a GPU with wgpu.
//!
//! `GpuContext` hides the set-up every program repeats (find an adapter, open
//! a device, move buffers back and forth); `add` is the first kernel, element-
//! wise addition, with `add_cpu` as the reference it must agree with.
//!
//! Without a GPU, Mesa's software Vulkan driver (lavapipe) runs the same code
//! on the CPU: results are exact, timings are not a GPU's.

mod add;
mod context;

pub use add::{add, add_cpu};
pub use context::{GpuContext, GpuError, test_context};
