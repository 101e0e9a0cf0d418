// C = A · B for row-major matrices A (m × k), B (k × n), C (m × n):
// one invocation per element of C, reading straight from storage memory.

// ANCHOR: kernel
struct Dims { m: u32, k: u32, n: u32 }

@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> c: array<f32>;
@group(0) @binding(3) var<uniform> dims: Dims;

@compute @workgroup_size(16, 16)
fn matmul_naive(@builtin(global_invocation_id) id: vec3<u32>) {
    // x runs along a row of C, so neighbouring invocations read
    // neighbouring elements of B and write neighbouring elements of C.
    let row = id.y;
    let col = id.x;
    if (row >= dims.m || col >= dims.n) {
        return;
    }
    var total = 0.0;
    for (var i = 0u; i < dims.k; i++) {
        total += a[row * dims.k + i] * b[i * dims.n + col];
    }
    c[row * dims.n + col] = total;
}
// ANCHOR_END: kernel
