// Reductions with workgroup shared memory: each workgroup turns its share of
// the input into one partial result; a second dispatch reduces the partials.

// ANCHOR: kernel
@group(0) @binding(0) var<storage, read> input: array<f32>;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;

const WORKGROUP_SIZE: u32 = 256u;

// Shared by the 256 invocations of one workgroup, private to it, and much
// faster than storage memory: the scratchpad of the tree reduction.
var<workgroup> scratch: array<f32, WORKGROUP_SIZE>;

// Adds up the 256 values of a workgroup in 8 halving steps, and has the
// first invocation write the workgroup's total to `partials[group]`.
fn reduce_workgroup(value: f32, local: u32, group: u32) {
    scratch[local] = value;
    workgroupBarrier();
    for (var half = WORKGROUP_SIZE / 2u; half > 0u; half /= 2u) {
        if (local < half) {
            scratch[local] += scratch[local + half];
        }
        // Every invocation must see this step finished before the next.
        workgroupBarrier();
    }
    if (local == 0u) {
        partials[group] = scratch[0];
    }
}

@compute @workgroup_size(256)
fn sum(
    @builtin(global_invocation_id) id: vec3<u32>,
    @builtin(local_invocation_id) local: vec3<u32>,
    @builtin(workgroup_id) group: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    // Each invocation first adds up its own elements (a grid-stride loop),
    // in a register: no memory traffic besides reading the input once.
    let n = arrayLength(&input);
    var total = 0.0;
    for (var i = id.x; i < n; i += groups.x * WORKGROUP_SIZE) {
        total += input[i];
    }
    reduce_workgroup(total, local.x, group.x);
}
// ANCHOR_END: kernel

// ANCHOR: squares
// The same reduction of the squares: the first pass of the L2 norm.
@compute @workgroup_size(256)
fn sum_of_squares(
    @builtin(global_invocation_id) id: vec3<u32>,
    @builtin(local_invocation_id) local: vec3<u32>,
    @builtin(workgroup_id) group: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let n = arrayLength(&input);
    var total = 0.0;
    for (var i = id.x; i < n; i += groups.x * WORKGROUP_SIZE) {
        total += input[i] * input[i];
    }
    reduce_workgroup(total, local.x, group.x);
}
// ANCHOR_END: squares
