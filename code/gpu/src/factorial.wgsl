// The factorial without recursion: a loop, which WGSL does allow.

// ANCHOR: kernel
@group(0) @binding(0) var<storage, read> n: array<u32>;
@group(0) @binding(1) var<storage, read_write> out: array<u32>;

fn factorial(n: u32) -> u32 {
    var product = 1u;
    for (var k = 2u; k <= n; k++) {
        product *= k;
    }
    return product;
}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
    if id.x < arrayLength(&n) {
        out[id.x] = factorial(n[id.x]);
    }
}
// ANCHOR_END: kernel
