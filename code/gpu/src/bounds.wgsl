// Out-of-bounds access on the GPU: each invocation reads data[index[i]] and
// writes into written[index[i]], whether or not the index is in range.

// ANCHOR: kernel
@group(0) @binding(0) var<storage, read> data: array<f32>;
@group(0) @binding(1) var<storage, read> index: array<u32>;
@group(0) @binding(2) var<storage, read_write> loaded: array<f32>;
@group(0) @binding(3) var<storage, read_write> written: array<f32>;

@compute @workgroup_size(64)
fn out_of_bounds(@builtin(global_invocation_id) id: vec3<u32>) {
    let i = id.x;
    if i < arrayLength(&index) {
        loaded[i] = data[index[i]];
        written[index[i]] = 100.0 + f32(i);
    }
}
// ANCHOR_END: kernel
