//! STREAM-style memory bandwidth (after John McCalpin's STREAM benchmark,
//! <https://www.cs.virginia.edu/stream/>): four simple loops over arrays far
//! larger than the caches, so that their speed is the speed of main memory.
//! Each is written with iterators over slices, which the compiler turns
//! into SIMD loops without bounds checks.

use rayon::prelude::*;

// ANCHOR: kernels
/// `c = a`: 8 bytes read and 8 written per element.
pub fn copy(c: &mut [f64], a: &[f64]) {
    for (c, &a) in c.iter_mut().zip(a) {
        *c = a;
    }
}

/// `b = s c`: 8 bytes read and 8 written per element.
pub fn scale(b: &mut [f64], c: &[f64], s: f64) {
    for (b, &c) in b.iter_mut().zip(c) {
        *b = s * c;
    }
}

/// `c = a + b`: 16 bytes read and 8 written per element.
pub fn add(c: &mut [f64], a: &[f64], b: &[f64]) {
    for ((c, &a), &b) in c.iter_mut().zip(a).zip(b) {
        *c = a + b;
    }
}

/// `a = b + s c`: 16 bytes read and 8 written per element.
pub fn triad(a: &mut [f64], b: &[f64], c: &[f64], s: f64) {
    for ((a, &b), &c) in a.iter_mut().zip(b).zip(c) {
        *a = b + s * c;
    }
}
// ANCHOR_END: kernels

// ANCHOR: bytes
/// The bytes STREAM counts per element for each kernel: what the program
/// asks to read and write. (The hardware may move more: before it writes
/// a cache line, it usually reads it first.)
pub const COPY_BYTES: usize = 16;
pub const SCALE_BYTES: usize = 16;
pub const ADD_BYTES: usize = 24;
pub const TRIAD_BYTES: usize = 24;
// ANCHOR_END: bytes

// ANCHOR: parallel
/// Elements per task of the parallel loops: 512 KiB of each array.
pub const CHUNK: usize = 1 << 16;

/// The triad on every core: rayon splits the three arrays into matching
/// chunks and runs the serial kernel on each.
pub fn triad_parallel(a: &mut [f64], b: &[f64], c: &[f64], s: f64) {
    a.par_chunks_mut(CHUNK)
        .zip(b.par_chunks(CHUNK))
        .zip(c.par_chunks(CHUNK))
        .for_each(|((a, b), c)| triad(a, b, c, s));
}
// ANCHOR_END: parallel

// ANCHOR: first_touch
/// `n` copies of `value`, first written in parallel, in the chunks of
/// [`triad_parallel`]. `vec![0.0; n]` asks the operating system for zeroed
/// memory, which it hands out page by page at the first write; writing the
/// chunks in parallel spreads that first touch over all threads, so on a
/// node with several memory controllers (sockets, NUMA nodes) the pages
/// end up spread over them instead of all in the first thread's.
pub fn filled_in_parallel(n: usize, value: f64) -> Vec<f64> {
    let mut v = vec![0.0; n];
    v.par_chunks_mut(CHUNK).for_each(|chunk| chunk.fill(value));
    v
}
// ANCHOR_END: first_touch

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(n: usize) -> (Vec<f64>, Vec<f64>) {
        let a = (0..n).map(|i| i as f64).collect();
        let b = (0..n).map(|i| (3 * i % 7) as f64).collect();
        (a, b)
    }

    #[test]
    fn each_kernel_matches_its_formula_element_by_element() {
        let n = 1003; // not a multiple of any vector width
        let (a, b) = inputs(n);
        let mut out = vec![0.0; n];
        copy(&mut out, &a);
        assert_eq!(out, a);
        scale(&mut out, &b, 3.0);
        assert!((0..n).all(|i| out[i] == 3.0 * b[i]));
        add(&mut out, &a, &b);
        assert!((0..n).all(|i| out[i] == a[i] + b[i]));
        triad(&mut out, &a, &b, 3.0);
        assert!((0..n).all(|i| out[i] == a[i] + 3.0 * b[i]));
    }

    #[test]
    fn filled_in_parallel_holds_the_value_everywhere() {
        for n in [0, 1, CHUNK - 1, CHUNK, 3 * CHUNK + 5] {
            assert_eq!(filled_in_parallel(n, 2.5), vec![2.5; n], "n = {n}");
        }
    }

    #[test]
    fn the_parallel_triad_equals_the_serial_one() {
        let n = 200_001; // several chunks and a ragged end
        let (b, c) = inputs(n);
        let mut serial = vec![0.0; n];
        let mut parallel = vec![-1.0; n];
        triad(&mut serial, &b, &c, 0.5);
        triad_parallel(&mut parallel, &b, &c, 0.5);
        assert_eq!(serial, parallel);
    }
}
