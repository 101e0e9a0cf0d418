// Exercise solution: the kinetic energy ½ m v² of many particles at once.

// ANCHOR: kernel
@group(0) @binding(0) var<storage, read> mass: array<f32>;
@group(0) @binding(1) var<storage, read> velocity: array<f32>;
@group(0) @binding(2) var<storage, read_write> energy: array<f32>;

@compute @workgroup_size(256)
fn kinetic_energy(
    @builtin(global_invocation_id) id: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let n = arrayLength(&energy);
    let stride = groups.x * 256u;
    for (var i = id.x; i < n; i += stride) {
        let v = velocity[i];
        energy[i] = 0.5 * mass[i] * v * v;
    }
}
// ANCHOR_END: kernel
