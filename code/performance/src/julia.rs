//! The Julia set of z -> z² + c: one of the example programs of
//! the profiling guide. Every pixel is independent, and the work per pixel
//! varies a lot: a good test for a profiler and for load balancing.

use rayon::prelude::*;

// ANCHOR: escape
/// How many iterations of z -> z² + c, starting from `z`, stay
/// within radius 2 (at most `max_iter`).
pub fn escape_time(mut zr: f64, mut zi: f64, cr: f64, ci: f64, max_iter: u32) -> u32 {
    for k in 0..max_iter {
        if zr * zr + zi * zi > 4.0 {
            return k;
        }
        (zr, zi) = (zr * zr - zi * zi + cr, 2.0 * zr * zi + ci);
    }
    max_iter
}

/// Escape times on a `width` x `height` grid over [-1.5, 1.5] x [-1, 1],
/// row after row; `parallel` computes the rows on all cores.
pub fn julia(
    width: usize,
    height: usize,
    c: (f64, f64),
    max_iter: u32,
    parallel: bool,
) -> Vec<u32> {
    let row = |y: usize| -> Vec<u32> {
        let zi = 1.0 - 2.0 * y as f64 / (height.max(2) - 1) as f64;
        (0..width)
            .map(|x| {
                let zr = -1.5 + 3.0 * x as f64 / (width.max(2) - 1) as f64;
                escape_time(zr, zi, c.0, c.1, max_iter)
            })
            .collect()
    };
    if parallel {
        (0..height).into_par_iter().flat_map_iter(row).collect()
    } else {
        (0..height).flat_map(row).collect()
    }
}
// ANCHOR_END: escape

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_points() {
        // c = 0: the Julia set is the unit circle; 0 never escapes.
        assert_eq!(escape_time(0.0, 0.0, 0.0, 0.0, 50), 50);
        // Outside radius 2 before any iteration.
        assert_eq!(escape_time(3.0, 0.0, 0.0, 0.0, 50), 0);
        // z = 1.5 stays inside once (|z|^2 = 2.25), then z = 2.25 is out.
        assert_eq!(escape_time(1.5, 0.0, 0.0, 0.0, 50), 1);
    }

    #[test]
    fn parallel_and_serial_images_agree() {
        let c = (-0.8, 0.156);
        let serial = julia(64, 40, c, 200, false);
        assert_eq!(serial.len(), 64 * 40);
        assert_eq!(julia(64, 40, c, 200, true), serial);
        // The image is symmetric under z -> -z (rotation by 180 degrees).
        let flipped: Vec<u32> = serial.iter().rev().copied().collect();
        assert_eq!(flipped, serial);
    }
}
