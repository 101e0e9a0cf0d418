// Element-wise addition, out[i] = a[i] + b[i], on the GPU.

// ANCHOR: kernel
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

// 256 invocations per workgroup: a multiple of every GPU's SIMD width.
@compute @workgroup_size(256)
fn add(
    @builtin(global_invocation_id) id: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    // The array carries its own length: no separate "n" to pass in.
    let n = arrayLength(&out);
    // Grid-stride loop: a dispatch has at most 65 535 workgroups per
    // dimension, so each invocation handles i, i + stride, i + 2 * stride, ...
    // until the whole array is covered, however long it is.
    let stride = groups.x * 256u;
    for (var i = id.x; i < n; i += stride) {
        out[i] = a[i] + b[i];
    }
}
// ANCHOR_END: kernel
