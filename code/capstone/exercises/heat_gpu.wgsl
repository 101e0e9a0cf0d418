// Capstone, GPU track: one time step of the heat stencil, one invocation
// per cell. The bindings, the parameters and the host code are given (see
// `GpuHeat` in code/capstone/src/on_gpu.rs); the body of `step` is yours.
//     cargo xtask exercise heat_gpu

// ANCHOR: starter
struct Params {
    nx: u32,
    ny: u32,
    r: f32,
    _padding: u32, // uniform buffers come in 16-byte pieces
}

@group(0) @binding(0) var<storage, read> u: array<f32>;
@group(0) @binding(1) var<storage, read_write> next: array<f32>;
@group(0) @binding(2) var<uniform> params: Params;

// The host dispatches one invocation per cell: id.x is the column j,
// id.y the row i, and the cell is u[i * nx + j].
@compute @workgroup_size(16, 16)
fn step(@builtin(global_invocation_id) id: vec3<u32>) {
    let i = id.y;
    let j = id.x;
    if (i >= params.ny || j >= params.nx) {
        return; // beyond the grid: the grid need not be a multiple of 16
    }
    let k = i * params.nx + j;
    // Your code: leave the edges (first and last row and column) as they
    // are, and give every other cell u + r (up + down + left + right - 4 u),
    // as `update_row` does. Until then every step copies the plate.
    next[k] = u[k];
}
// ANCHOR_END: starter
