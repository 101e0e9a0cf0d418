// Exercise "the largest element": turn this copy of the sum kernel into a
// kernel for the largest element. Both dispatches run `maximum`: first on
// the input, then on the partial results.
//     cargo xtask exercise max

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;

const WORKGROUP_SIZE: u32 = 256u;
var<workgroup> scratch: array<f32, WORKGROUP_SIZE>;

// ANCHOR: starter
@compute @workgroup_size(256)
fn maximum(
    @builtin(global_invocation_id) id: vec3<u32>,
    @builtin(local_invocation_id) local: vec3<u32>,
    @builtin(workgroup_id) group: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let n = arrayLength(&input);
    // Is 0 the right starting value for a maximum? (Think of all-negative input.)
    var best = 0.0;
    for (var i = id.x; i < n; i += groups.x * WORKGROUP_SIZE) {
        best += input[i];
    }
    scratch[local.x] = best;
    workgroupBarrier();
    for (var half = WORKGROUP_SIZE / 2u; half > 0u; half /= 2u) {
        if (local.x < half) {
            scratch[local.x] += scratch[local.x + half];
        }
        workgroupBarrier();
    }
    if (local.x == 0u) {
        partials[group.x] = scratch[0];
    }
}
// ANCHOR_END: starter
