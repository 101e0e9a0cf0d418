// Exercise "the largest element", solved: the largest element, with the same two-dispatch structure as
// the sum. Only the starting value and the combining operation change.

@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;

const WORKGROUP_SIZE: u32 = 256u;
var<workgroup> scratch: array<f32, WORKGROUP_SIZE>;

// ANCHOR: solution
@compute @workgroup_size(256)
fn maximum(
    @builtin(global_invocation_id) id: vec3<u32>,
    @builtin(local_invocation_id) local: vec3<u32>,
    @builtin(workgroup_id) group: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let n = arrayLength(&input);
    // Any element of the input is a neutral start for a maximum (0 is not:
    // the input may be all negative). The host never sends an empty input.
    var best = input[0];
    for (var i = id.x; i < n; i += groups.x * WORKGROUP_SIZE) {
        best = max(best, input[i]);
    }
    scratch[local.x] = best;
    workgroupBarrier();
    for (var half = WORKGROUP_SIZE / 2u; half > 0u; half /= 2u) {
        if (local.x < half) {
            scratch[local.x] = max(scratch[local.x], scratch[local.x + half]);
        }
        workgroupBarrier();
    }
    if (local.x == 0u) {
        partials[group.x] = scratch[0];
    }
}
// ANCHOR_END: solution
