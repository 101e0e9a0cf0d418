// A recursive function, as one would write it on the CPU. WGSL forbids
// recursion, so this file must NOT compile: the tests check that it fails.

// ANCHOR: kernel
@group(0) @binding(0) var<storage, read_write> out: array<u32>;

fn factorial(n: u32) -> u32 {
    if n <= 1u {
        return 1u;
    }
    return n * factorial(n - 1u);
}

@compute @workgroup_size(1)
fn main() {
    out[0] = factorial(10u);
}
// ANCHOR_END: kernel
