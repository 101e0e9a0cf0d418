// A weighted squared difference, out = w · (a − b)², two ways: as a chain of
// three small kernels with temporary arrays between them, and fused into
// one kernel. Each entry point uses only the bindings it names.

@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> y: array<f32>;
@group(0) @binding(2) var<storage, read> z: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

// ANCHOR: chain
// out = x − y
@compute @workgroup_size(256)
fn subtract(@builtin(global_invocation_id) id: vec3<u32>,
            @builtin(num_workgroups) groups: vec3<u32>) {
    for (var i = id.x; i < arrayLength(&out); i += groups.x * 256u) {
        out[i] = x[i] - y[i];
    }
}

// out = x²
@compute @workgroup_size(256)
fn square(@builtin(global_invocation_id) id: vec3<u32>,
          @builtin(num_workgroups) groups: vec3<u32>) {
    for (var i = id.x; i < arrayLength(&out); i += groups.x * 256u) {
        out[i] = x[i] * x[i];
    }
}

// out = x · y
@compute @workgroup_size(256)
fn multiply(@builtin(global_invocation_id) id: vec3<u32>,
            @builtin(num_workgroups) groups: vec3<u32>) {
    for (var i = id.x; i < arrayLength(&out); i += groups.x * 256u) {
        out[i] = x[i] * y[i];
    }
}
// ANCHOR_END: chain

// ANCHOR: fused
// out = z · (x − y)²: the same three operations, in the same order, on
// numbers that stay in registers. Reads three arrays, writes one.
@compute @workgroup_size(256)
fn weighted_squared_difference(@builtin(global_invocation_id) id: vec3<u32>,
                               @builtin(num_workgroups) groups: vec3<u32>) {
    for (var i = id.x; i < arrayLength(&out); i += groups.x * 256u) {
        let difference = x[i] - y[i];
        out[i] = (difference * difference) * z[i];
    }
}
// ANCHOR_END: fused
