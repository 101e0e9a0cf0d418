// C = A · B (row-major; A is m × k, B is k × n), tiled: a workgroup of
// 16 × 16 invocations computes a 64 × 64 tile of C, each invocation a 4 × 4
// block of it. Tiles of A and B are staged in workgroup memory, so every
// number read from storage memory is used 64 times instead of once.

// ANCHOR: kernel
struct Dims { m: u32, k: u32, n: u32 }

@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> c: array<f32>;
@group(0) @binding(3) var<uniform> dims: Dims;

const TILE: u32 = 64u;   // rows and columns of C per workgroup
const DEPTH: u32 = 16u;  // the k-slice staged per step
const BLOCK: u32 = 4u;   // rows and columns of C per invocation

var<workgroup> a_tile: array<array<f32, DEPTH>, TILE>;  // 64 rows of A, 16 wide
var<workgroup> b_tile: array<array<f32, TILE>, DEPTH>;  // 16 rows of B, 64 wide

@compute @workgroup_size(16, 16)
fn matmul_tiled(
    @builtin(local_invocation_id) local: vec3<u32>,
    @builtin(workgroup_id) group: vec3<u32>,
) {
    let tx = local.x;
    let ty = local.y;
    let row0 = group.y * TILE;
    let col0 = group.x * TILE;
    // This invocation's block: rows ty, ty + 16, ty + 32, ty + 48 of the
    // tile, and the same columns from tx. Spreading it out keeps the
    // invocations of a row of the workgroup on neighbouring columns.
    var acc: array<array<f32, BLOCK>, BLOCK>;

    for (var k0 = 0u; k0 < dims.k; k0 += DEPTH) {
        // 1. All 256 invocations together load a 64 × 16 slice of A and a
        //    16 × 64 slice of B, four numbers each; zeros beyond the edges.
        for (var r = 0u; r < BLOCK; r++) {
            let tile_row = ty + 16u * r;
            let a_row = row0 + tile_row;
            let a_col = k0 + tx;
            var a_value = 0.0;
            if (a_row < dims.m && a_col < dims.k) {
                a_value = a[a_row * dims.k + a_col];
            }
            a_tile[tile_row][tx] = a_value;

            let b_row = k0 + ty;
            let b_col = col0 + tx + 16u * r;
            var b_value = 0.0;
            if (b_row < dims.k && b_col < dims.n) {
                b_value = b[b_row * dims.n + b_col];
            }
            b_tile[ty][tx + 16u * r] = b_value;
        }
        workgroupBarrier();

        // 2. Multiply the staged slices: 4 numbers of A and 4 of B per
        //    step feed 16 multiply-adds, all in registers.
        for (var i = 0u; i < DEPTH; i++) {
            var a_col: array<f32, BLOCK>;
            var b_row: array<f32, BLOCK>;
            for (var r = 0u; r < BLOCK; r++) {
                a_col[r] = a_tile[ty + 16u * r][i];
                b_row[r] = b_tile[i][tx + 16u * r];
            }
            for (var r = 0u; r < BLOCK; r++) {
                for (var s = 0u; s < BLOCK; s++) {
                    acc[r][s] += a_col[r] * b_row[s];
                }
            }
        }
        // Nobody may overwrite the tiles while others still read them.
        workgroupBarrier();
    }

    // 3. Write the block, skipping what lies outside C.
    for (var r = 0u; r < BLOCK; r++) {
        for (var s = 0u; s < BLOCK; s++) {
            let row = row0 + ty + 16u * r;
            let col = col0 + tx + 16u * s;
            if (row < dims.m && col < dims.n) {
                c[row * dims.n + col] = acc[r][s];
            }
        }
    }
}
// ANCHOR_END: kernel
