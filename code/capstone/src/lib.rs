//! Free exercise time: a 2-D heat-diffusion stencil.
//!
//! A square metal plate, its edges held at a fixed temperature, starts with a
//! hot square in the middle; the heat equation spreads it out. The serial
//! solver ([`heat_serial`]) is the reference; [`heat_rayon`] and
//! [`heat_gpu`] are two of the three solutions learners build (the third,
//! with MPI, is the `capstone-mpi` crate, so that this crate builds on
//! machines without MPI). All of them call the same row kernel or, on the
//! GPU, the same formula in WGSL.

mod cli;
mod grid;
mod on_gpu;
mod parallel;
mod serial;

pub use cli::{Args, MAX_UPDATES, USAGE_ARGUMENTS, parse_args, read_args, usage};
pub use grid::{Checksum, Diffusion, EDGE_TEMPERATURE, Grid, HOT_TEMPERATURE, MAX_CELLS};
pub use on_gpu::{GpuHeat, heat_gpu, heat_gpu_with_kernel, tolerance};
pub use parallel::{heat_rayon, step_rayon};
pub use serial::{heat_serial, step, step_rows, update_row};
