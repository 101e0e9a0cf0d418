// Float-to-integer conversion on the GPU: what do i32(x) and u32(x) give
// for values an integer cannot hold?

// ANCHOR: kernel
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> as_i32: array<i32>;
@group(0) @binding(2) var<storage, read_write> as_u32: array<u32>;

@compute @workgroup_size(256)
fn casts(
    @builtin(global_invocation_id) id: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    for (var i = id.x; i < arrayLength(&x); i += groups.x * 256u) {
        as_i32[i] = i32(x[i]);
        as_u32[i] = u32(x[i]);
    }
}
// ANCHOR_END: kernel
