//! Exercise "predict the speedup": write your predictions as numbers below,
//! then check them with
//!     cargo xtask exercise speedup
//!
//! A simulation spends 2 minutes reading its input and 98 minutes computing
//! on one core, and the computation parallelises perfectly.

// ANCHOR: predictions
/// 1. Its speedup on a 16-core node, by Amdahl's law.
pub const SPEEDUP_ON_16_CORES: f64 = 0.0;
/// 2. Its speedup on 128 cores.
pub const SPEEDUP_ON_128_CORES: f64 = 0.0;
/// 3. The largest speedup any number of cores can give it.
pub const SPEEDUP_LIMIT: f64 = 0.0;
/// 4. Grow the problem so that the run on 16 cores again spends 2 % of its
///    time reading: its scaled speedup on 16 cores, by Gustafson's law.
pub const SCALED_SPEEDUP_ON_16_CORES: f64 = 0.0;

/// 5. Which kind of parallelism fits each job?
pub const PARAMETER_STUDY_OF_300_INDEPENDENT_RUNS: Parallelism = Parallelism::NotSure;
pub const OCEAN_MODEL_ON_64_NODES_EXCHANGING_BORDERS: Parallelism = Parallelism::NotSure;
pub const THREADS_UPDATING_ONE_LARGE_MATRIX_ON_A_NODE: Parallelism = Parallelism::NotSure;
// ANCHOR_END: predictions

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Parallelism {
    NotSure,
    EmbarrassinglyParallel,
    SharedMemory,
    DistributedMemory,
}
