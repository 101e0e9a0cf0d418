//! Cache blocking, step by step: three ways to compute C = A·B for
//! row-major matrices of `f64`, each faster than the last for the same
//! arithmetic (2·m·k·n operations), measured against `ndarray`'s `dot` in
//! the `stack/matmul` benchmarks (reference material, not taught live).
//!
//! 1. [`naive`]: the definition, i-j-k; the inner loop strides down B.
//! 2. [`ikj`]: the same sums in i-k-j order; every inner loop is unit stride.
//! 3. [`blocked`]: tiles sized for the caches, packed copies of A and B, and
//!    a register-blocked micro-kernel, as in Goto & van de Geijn (2008) and
//!    BLIS; on x86-64 the micro-kernel uses AVX2 and FMA when the CPU has
//!    them ([`Kernel::detect`]).

use std::ops::Range;

/// The shape of C = A·B: A is m×k, B is k×n and C is m×n, all stored row
/// after row (element (i, j) of an r×c matrix is at `i * c + j`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub m: usize,
    pub k: usize,
    pub n: usize,
}

impl Shape {
    /// n×n times n×n.
    pub fn square(n: usize) -> Shape {
        Shape { m: n, k: n, n }
    }

    /// Panics unless A is m×k and B is k×n.
    fn check(self, a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), self.m * self.k, "A must hold m·k elements");
        assert_eq!(b.len(), self.k * self.n, "B must hold k·n elements");
    }
}

// ANCHOR: naive
/// Step 1, the definition: c[i][j] = Σ_p a[i][p]·b[p][j]. The inner loop
/// walks down a column of B, n elements apart, so every load touches a new
/// cache line and uses 8 of its 64 bytes. At n = 1024 one column spans
/// 1024 lines (64 KiB), more than a typical L1 data cache (`lscpu` shows
/// yours), so they are gone before the next column could use them again.
pub fn naive(a: &[f64], b: &[f64], shape: Shape) -> Vec<f64> {
    shape.check(a, b);
    let Shape { m, k, n } = shape;
    let mut c = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            let mut sum = 0.0;
            for p in 0..k {
                sum += a[i * k + p] * b[p * n + j];
            }
            c[i * n + j] = sum;
        }
    }
    c
}
// ANCHOR_END: naive

// ANCHOR: ikj
/// Step 2, the same products in i-k-j order: row i of C gains a[i][p] times
/// row p of B. The inner loop reads and writes consecutive elements (unit
/// stride, every byte of a cache line used) and its iterations are
/// independent, so it vectorises. What is left: for every row of A the
/// whole of B streams through the caches again.
pub fn ikj(a: &[f64], b: &[f64], shape: Shape) -> Vec<f64> {
    shape.check(a, b);
    let Shape { m, k, n } = shape;
    let mut c = vec![0.0; m * n];
    for i in 0..m {
        let c_row = &mut c[i * n..(i + 1) * n];
        for p in 0..k {
            let a_ip = a[i * k + p];
            let b_row = &b[p * n..(p + 1) * n];
            for (c_ij, &b_pj) in c_row.iter_mut().zip(b_row) {
                *c_ij += a_ip * b_pj;
            }
        }
    }
    c
}
// ANCHOR_END: ikj

// ANCHOR: block_sizes
/// Rows of C that one micro-kernel call computes.
pub const MR: usize = 4;
/// Columns of C that one micro-kernel call computes. MR×NR = 32
/// accumulators: eight 256-bit AVX registers of four doubles, which leaves
/// room in x86-64's sixteen for a row of B and a broadcast element of A.
pub const NR: usize = 8;
/// Depth of a packed block: a KC×NR sliver of B (16 KiB) stays in the L1
/// data cache while the micro-kernel runs over every sliver of A.
pub const KC: usize = 256;
/// Rows of A packed at once: an MC×KC block (128 KiB) stays in L2.
pub const MC: usize = 64;
/// Columns of B packed at once: a KC×NC panel (2 MiB) is meant for L3.
pub const NC: usize = 1024;

/// One block of the product: C[rows, cols] += A[rows, depth]·B[depth, cols].
#[derive(Debug, Clone)]
struct Block {
    rows: Range<usize>,
    depth: Range<usize>,
    cols: Range<usize>,
}
// ANCHOR_END: block_sizes

// ANCHOR: packing
/// Copies B[depth, cols] into slivers NR columns wide, each stored row after
/// row: the micro-kernel then reads B with unit stride from one small,
/// contiguous buffer. Columns past the edge of B are zeros, so every sliver
/// is full and the micro-kernel needs no edge cases.
fn pack_b(b: &[f64], n: usize, block: &Block, packed: &mut Vec<f64>) {
    packed.clear();
    for j0 in block.cols.clone().step_by(NR) {
        for p in block.depth.clone() {
            let b_row = &b[p * n..(p + 1) * n];
            packed.extend((j0..j0 + NR).map(|j| if j < block.cols.end { b_row[j] } else { 0.0 }));
        }
    }
}

/// Copies A[rows, depth] into slivers MR rows tall, each stored column after
/// column (the MR values the micro-kernel needs at step p are adjacent).
/// Rows past the edge of A are zeros.
fn pack_a(a: &[f64], k: usize, block: &Block, packed: &mut Vec<f64>) {
    packed.clear();
    for i0 in block.rows.clone().step_by(MR) {
        for p in block.depth.clone() {
            packed.extend((i0..i0 + MR).map(|i| {
                if i < block.rows.end {
                    a[i * k + p]
                } else {
                    0.0
                }
            }));
        }
    }
}
// ANCHOR_END: packing

// ANCHOR: micro_kernel
/// One MR×NR tile of A·B from a packed sliver of A (MR values per step) and
/// one of B (NR values per step). The accumulators are a small local array
/// with constant indices once the two inner loops are unrolled, so LLVM
/// keeps all of them in registers and turns each row of NR into vector
/// multiply-adds: per step, MR·NR multiply-adds for MR + NR loads.
#[inline(always)]
fn tile_product(
    a_sliver: &[f64],
    b_sliver: &[f64],
    multiply_add: impl Fn(f64, f64, f64) -> f64,
) -> [[f64; NR]; MR] {
    let mut tile = [[0.0; NR]; MR];
    let (a_steps, _) = a_sliver.as_chunks::<MR>();
    let (b_steps, _) = b_sliver.as_chunks::<NR>();
    for (a_p, b_p) in a_steps.iter().zip(b_steps) {
        for (tile_row, &a_ip) in tile.iter_mut().zip(a_p) {
            for (t_ij, &b_pj) in tile_row.iter_mut().zip(b_p) {
                *t_ij = multiply_add(a_ip, b_pj, *t_ij);
            }
        }
    }
    tile
}

/// The micro-kernel in plain Rust, for every CPU: SSE2 (two doubles per
/// instruction) on x86-64 without further features, NEON on aarch64, where
/// it is part of the baseline. A separate multiply and add, because Rust
/// never fuses them behind your back (it would change the rounding), and
/// `f64::mul_add` without hardware FMA is a slow library call.
pub fn tile_product_portable(a_sliver: &[f64], b_sliver: &[f64]) -> [[f64; NR]; MR] {
    tile_product(a_sliver, b_sliver, |a, b, acc| acc + a * b)
}

/// The same micro-kernel compiled for AVX2 (four doubles per instruction)
/// and FMA (multiply and add in one instruction, rounded once), the
/// features that `matrixmultiply`, behind `ndarray`'s `dot`, also detects at
/// run time.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn tile_product_avx2_fma(a_sliver: &[f64], b_sliver: &[f64]) -> [[f64; NR]; MR] {
    tile_product(a_sliver, b_sliver, f64::mul_add)
}
// ANCHOR_END: micro_kernel

// ANCHOR: kernel_choice
/// Which micro-kernel [`blocked_with`] runs. Only [`Kernel::detect`] and
/// [`Kernel::avx2_fma`] can choose the AVX2/FMA one, and only after the CPU
/// said it has both features, so no safe call can run it on a CPU without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kernel(Choice);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    Portable,
    #[cfg(target_arch = "x86_64")]
    Avx2Fma,
}

impl Kernel {
    /// The plain-Rust micro-kernel, on every CPU.
    pub fn portable() -> Kernel {
        Kernel(Choice::Portable)
    }

    /// The AVX2/FMA micro-kernel, when this CPU has both features.
    pub fn avx2_fma() -> Option<Kernel> {
        #[cfg(target_arch = "x86_64")]
        if is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma") {
            return Some(Kernel(Choice::Avx2Fma));
        }
        None
    }

    /// The fastest micro-kernel this CPU can run.
    pub fn detect() -> Kernel {
        Kernel::avx2_fma().unwrap_or_else(Kernel::portable)
    }

    fn tile_product(self, a_sliver: &[f64], b_sliver: &[f64]) -> [[f64; NR]; MR] {
        match self.0 {
            Choice::Portable => tile_product_portable(a_sliver, b_sliver),
            #[cfg(target_arch = "x86_64")]
            // SAFETY: a `Choice::Avx2Fma` is only made by `Kernel::avx2_fma`,
            // after `is_x86_feature_detected!` found AVX2 and FMA on this CPU.
            Choice::Avx2Fma => unsafe { tile_product_avx2_fma(a_sliver, b_sliver) },
        }
    }
}
// ANCHOR_END: kernel_choice

// ANCHOR: blocked
/// Step 3, cache blocking (the loop order of BLIS, after Goto & van de Geijn):
/// split the product into blocks whose operands fit the caches, copy
/// ("pack") each block of A and B into the order the micro-kernel reads,
/// and compute C one MR×NR register tile at a time. Each element of B
/// loaded into L1 is now used MR times per load from registers and MC
/// times per trip to L2, instead of once per row of A.
pub fn blocked(a: &[f64], b: &[f64], shape: Shape) -> Vec<f64> {
    blocked_with(Kernel::detect(), a, b, shape)
}

/// [`blocked`] with a chosen micro-kernel (the tests run each one).
pub fn blocked_with(kernel: Kernel, a: &[f64], b: &[f64], shape: Shape) -> Vec<f64> {
    shape.check(a, b);
    let Shape { m, k, n } = shape;
    let mut c = vec![0.0; m * n];
    let (mut packed_a, mut packed_b) = (Vec::new(), Vec::new());
    for j0 in (0..n).step_by(NC) {
        for p0 in (0..k).step_by(KC) {
            let mut block = Block {
                rows: 0..0,
                depth: p0..(p0 + KC).min(k),
                cols: j0..(j0 + NC).min(n),
            };
            pack_b(b, n, &block, &mut packed_b);
            for i0 in (0..m).step_by(MC) {
                block.rows = i0..(i0 + MC).min(m);
                pack_a(a, k, &block, &mut packed_a);
                add_block_product(kernel, &packed_a, &packed_b, &block, &mut c, n);
            }
        }
    }
    c
}

/// C[rows, cols] += the packed block product, one register tile at a time.
/// The loop over slivers of A is innermost, so one sliver of B stays in L1
/// while all of the packed A block (in L2) passes by.
fn add_block_product(
    kernel: Kernel,
    packed_a: &[f64],
    packed_b: &[f64],
    block: &Block,
    c: &mut [f64],
    n: usize,
) {
    let kc = block.depth.len();
    for (b_sliver, j) in packed_b
        .chunks_exact(kc * NR)
        .zip(block.cols.clone().step_by(NR))
    {
        let width = NR.min(block.cols.end - j);
        for (a_sliver, i) in packed_a
            .chunks_exact(kc * MR)
            .zip(block.rows.clone().step_by(MR))
        {
            let height = MR.min(block.rows.end - i);
            let tile = kernel.tile_product(a_sliver, b_sliver);
            // Only the part of the tile inside C: the rest came from zeros.
            for (r, tile_row) in tile.iter().take(height).enumerate() {
                let c_row = &mut c[(i + r) * n + j..][..width];
                for (c_ij, t_ij) in c_row.iter_mut().zip(tile_row) {
                    *c_ij += t_ij;
                }
            }
        }
    }
}
// ANCHOR_END: blocked
