// Exercise "port a CPU function": make this kernel compute what
// `kinetic_energy_cpu` computes. The bindings and the grid-stride loop are
// ready; the line inside the loop is yours to fix.
//     cargo xtask exercise port

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
        energy[i] = mass[i] * velocity[i]; // that is the momentum: make it ½ m v²
    }
}
// ANCHOR_END: kernel
