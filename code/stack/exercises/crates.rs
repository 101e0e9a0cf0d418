//! Exercise "which crate?": for each job, write the name of the Rust crate
//! you would reach for, as you would put it in Cargo.toml. Try without the
//! page's map first, then check with
//!     cargo xtask exercise crates

// ANCHOR: answers
/// 1. n-dimensional arrays with views and broadcasting (NumPy's arrays).
pub const ARRAYS: &str = "";
/// 2. Data frames (pandas).
pub const DATA_FRAMES: &str = "";
/// 3. A parallel loop over all the cores of one node (Dask or joblib on one machine).
pub const PARALLEL_LOOPS: &str = "";
/// 4. Messages between processes on many nodes (mpi4py).
pub const MESSAGES_BETWEEN_NODES: &str = "";
/// 5. Kernels on the GPU of any vendor (CuPy, Numba's CUDA).
pub const GPU_KERNELS: &str = "";
/// 6. Benchmarks with statistics (timeit, pyperf).
pub const BENCHMARKS: &str = "";
/// 7. HDF5 files (h5py).
pub const HDF5_FILES: &str = "";
/// 8. A Rust function that Python calls on NumPy arrays (where Cython or Numba would go).
pub const CALLED_FROM_PYTHON: &str = "";
// ANCHOR_END: answers
