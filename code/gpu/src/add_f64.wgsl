// add.wgsl in double precision. `f64` is not part of standard WGSL: wgpu
// accepts it only on a device opened with `wgpu::Features::SHADER_F64`.

// ANCHOR: kernel
@group(0) @binding(0) var<storage, read> a: array<f64>;
@group(0) @binding(1) var<storage, read> b: array<f64>;
@group(0) @binding(2) var<storage, read_write> out: array<f64>;

@compute @workgroup_size(256)
fn add_f64(
    @builtin(global_invocation_id) id: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let n = arrayLength(&out);
    let stride = groups.x * 256u;
    for (var i = id.x; i < n; i += stride) {
        out[i] = a[i] + b[i];
    }
}
// ANCHOR_END: kernel
