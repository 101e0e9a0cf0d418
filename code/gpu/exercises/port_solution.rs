//! Exercise "port a CPU function", solved. The kernel lives in the library,
//! `code/gpu/src/kinetic_energy.wgsl`, with a host function that is the
//! same as the exercise's and is tested like the other kernels.

pub use gpu::kinetic_energy;
