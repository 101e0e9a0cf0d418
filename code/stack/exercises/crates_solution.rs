//! The crates exercise, answered.

// ANCHOR: answers
/// 1. n-dimensional arrays with views and broadcasting (NumPy's arrays).
pub const ARRAYS: &str = "ndarray";
/// 2. Data frames (pandas).
pub const DATA_FRAMES: &str = "polars";
/// 3. A parallel loop over all the cores of one node (Dask or joblib on one machine).
pub const PARALLEL_LOOPS: &str = "rayon";
/// 4. Messages between processes on many nodes (mpi4py).
pub const MESSAGES_BETWEEN_NODES: &str = "mpi";
/// 5. Kernels on the GPU of any vendor (CuPy, Numba's CUDA).
pub const GPU_KERNELS: &str = "wgpu";
/// 6. Benchmarks with statistics (timeit, pyperf).
pub const BENCHMARKS: &str = "criterion";
/// 7. HDF5 files (h5py).
pub const HDF5_FILES: &str = "hdf5-metno";
/// 8. A Rust function that Python calls on NumPy arrays (where Cython or Numba would go).
pub const CALLED_FROM_PYTHON: &str = "pyo3";
// ANCHOR_END: answers
