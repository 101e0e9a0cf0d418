//! Capstone, GPU track, solved: the library's `heat_gpu`, whose kernel is
//! `code/capstone/src/heat.wgsl` (with grid-stride loops, so that plates
//! wider than one dispatch can cover work too).

pub use capstone::heat_gpu;
