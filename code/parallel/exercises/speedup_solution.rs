//! The speedup exercise, solved. The serial fraction is s = 2 / 100 = 0.02.

// ANCHOR: predictions
/// 1. 1 / (0.02 + 0.98 / 16)
pub const SPEEDUP_ON_16_CORES: f64 = 12.3;
/// 2. 1 / (0.02 + 0.98 / 128)
pub const SPEEDUP_ON_128_CORES: f64 = 36.2;
/// 3. 1 / s: the reading alone takes 2 of the 100 minutes.
pub const SPEEDUP_LIMIT: f64 = 50.0;
/// 4. s + (1 - s) 16
pub const SCALED_SPEEDUP_ON_16_CORES: f64 = 15.7;

/// 5. Independent runs; pieces that talk over the network; threads sharing memory.
pub const PARAMETER_STUDY_OF_300_INDEPENDENT_RUNS: Parallelism =
    Parallelism::EmbarrassinglyParallel;
pub const OCEAN_MODEL_ON_64_NODES_EXCHANGING_BORDERS: Parallelism = Parallelism::DistributedMemory;
pub const THREADS_UPDATING_ONE_LARGE_MATRIX_ON_A_NODE: Parallelism = Parallelism::SharedMemory;
// ANCHOR_END: predictions

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum Parallelism {
    NotSure,
    EmbarrassinglyParallel,
    SharedMemory,
    DistributedMemory,
}
