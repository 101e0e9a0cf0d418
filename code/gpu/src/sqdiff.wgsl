// Squared difference, out[i] = (a[i] - b[i])², on the GPU: the same shape as
// add.wgsl, with a different line in the loop.

// ANCHOR: kernel
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(256)
fn sqdiff(
    @builtin(global_invocation_id) id: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let n = arrayLength(&out);
    let stride = groups.x * 256u;
    for (var i = id.x; i < n; i += stride) {
        let d = a[i] - b[i];
        out[i] = d * d;
    }
}
// ANCHOR_END: kernel
