// One time step of the 2-D heat equation: next = u + r * laplacian(u).

// ANCHOR: kernel
struct Params {
    nx: u32,
    ny: u32,
    r: f32,
    _padding: u32, // uniform buffers come in 16-byte pieces
}

@group(0) @binding(0) var<storage, read> u: array<f32>;
@group(0) @binding(1) var<storage, read_write> next: array<f32>;
@group(0) @binding(2) var<uniform> params: Params;

// 16 x 16 = 256 invocations per workgroup, one cell each. x runs along a
// row, so neighbouring invocations read neighbouring addresses.
@compute @workgroup_size(16, 16)
fn step(
    @builtin(global_invocation_id) id: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let nx = params.nx;
    let ny = params.ny;
    // Grid-stride loops: a dispatch has a limited number of workgroups per
    // dimension; on a grid larger than that, invocations take several cells.
    let stride = groups.xy * 16u;
    for (var i = id.y; i < ny; i += stride.y) {
        for (var j = id.x; j < nx; j += stride.x) {
            // The edges keep their fixed values (both buffers hold them);
            // invocations beyond the grid do nothing.
            if (i == 0u || j == 0u || i + 1u >= ny || j + 1u >= nx) {
                continue;
            }
            let k = i * nx + j;
            let centre = u[k];
            // The same formula, in the same order, as `update_row`.
            let laplacian = (u[k - nx] + u[k + nx]) + (u[k - 1u] + u[k + 1u]) - 4.0 * centre;
            next[k] = centre + params.r * laplacian;
        }
    }
}
// ANCHOR_END: kernel
