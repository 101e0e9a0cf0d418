//! The Mandelbrot set: for each pixel, iterate z ← z² + c and count the steps
//! until |z| > 2. Pixels are independent (embarrassingly parallel), but not
//! equally expensive: a pixel inside the set runs all `max_iter` steps, one
//! far outside stops after one or two. That makes it the standard example of
//! *load imbalance*.

use rayon::prelude::*;

// ANCHOR: escape_count
/// Steps of z ← z² + c, starting from z = 0, before |z|² exceeds 4;
/// `max_iter` if it never does (the point is taken to be in the set).
pub fn escape_count(c_re: f64, c_im: f64, max_iter: u32) -> u32 {
    let (mut re, mut im) = (0.0f64, 0.0f64);
    for n in 0..max_iter {
        if re * re + im * im > 4.0 {
            return n;
        }
        (re, im) = (re * re - im * im + c_re, 2.0 * re * im + c_im);
    }
    max_iter
}
// ANCHOR_END: escape_count

// ANCHOR: view
/// Which part of the complex plane an image shows, at what resolution.
#[derive(Clone, Copy, Debug)]
pub struct View {
    pub width: usize,
    pub height: usize,
    pub re: (f64, f64),
    pub im: (f64, f64),
    pub max_iter: u32,
}

impl View {
    /// The upper half of the set. The set is symmetric about the real axis,
    /// so this shows all of it, and it puts the expensive rows (near the
    /// real axis) at the bottom of the image: a split into blocks of rows,
    /// one per thread, gives the threads very different amounts of work.
    pub fn upper_half(width: usize, max_iter: u32) -> View {
        let (re, im) = ((-2.2, 0.8), (0.0, 1.25));
        let height = (width as f64 * (im.1 - im.0) / (re.1 - re.0)).round() as usize;
        View {
            width,
            height: height.max(1),
            re,
            im,
            max_iter,
        }
    }

    /// The same part of the plane with at least `rows` rows: more rows
    /// sample the imaginary axis more finely (the pixels become taller than
    /// they are wide), and give every thread of a big machine rows to do.
    pub fn with_min_rows(self, rows: usize) -> View {
        View {
            height: self.height.max(rows),
            ..self
        }
    }

    /// The complex number at the centre of pixel (`row`, `col`); row 0 is the
    /// top of the image (the largest imaginary part).
    pub fn point(&self, row: usize, col: usize) -> (f64, f64) {
        let re = self.re.0 + (col as f64 + 0.5) * (self.re.1 - self.re.0) / self.width as f64;
        let im = self.im.1 - (row as f64 + 0.5) * (self.im.1 - self.im.0) / self.height as f64;
        (re, im)
    }

    /// Fills one row of the image.
    pub fn render_row(&self, row: usize, pixels: &mut [u32]) {
        for (col, pixel) in pixels.iter_mut().enumerate() {
            let (re, im) = self.point(row, col);
            *pixel = escape_count(re, im, self.max_iter);
        }
    }
}
// ANCHOR_END: view

// ANCHOR: serial
/// The reference image: every row in order on the calling thread.
pub fn mandelbrot_serial(view: &View) -> Vec<u32> {
    let mut image = vec![0; view.width * view.height];
    for (row, pixels) in image.chunks_mut(view.width).enumerate() {
        view.render_row(row, pixels);
    }
    image
}
// ANCHOR_END: serial

// ANCHOR: rayon_rows
/// One task per row: `par_chunks_mut` hands out disjoint rows of the image,
/// and idle threads steal rows from busy ones, so the expensive rows spread
/// over all threads.
pub fn mandelbrot_rayon_rows(view: &View) -> Vec<u32> {
    let mut image = vec![0; view.width * view.height];
    image
        .par_chunks_mut(view.width)
        .enumerate()
        .for_each(|(row, pixels)| view.render_row(row, pixels));
    image
}
// ANCHOR_END: rayon_rows

// ANCHOR: static_blocks
/// A static schedule: one contiguous block of rows per thread, fixed before
/// the work starts. The thread with the expensive block finishes last, and
/// the others wait for it.
pub fn mandelbrot_static_blocks(view: &View, threads: usize) -> Vec<u32> {
    let mut image = vec![0; view.width * view.height];
    let rows_per_block = view.height.div_ceil(threads.max(1));
    std::thread::scope(|s| {
        for (block, pixels) in image.chunks_mut(rows_per_block * view.width).enumerate() {
            s.spawn(move || {
                for (i, row) in pixels.chunks_mut(view.width).enumerate() {
                    view.render_row(block * rows_per_block + i, row);
                }
            });
        }
    });
    image
}
// ANCHOR_END: static_blocks

// ANCHOR: scope
/// `rayon::scope`: spawn one task per band of `band_rows` rows. The tasks
/// borrow the image and the view; the scope returns only when every task
/// has finished, so the borrows cannot outlive the data.
pub fn mandelbrot_scope_bands(view: &View, band_rows: usize) -> Vec<u32> {
    let mut image = vec![0; view.width * view.height];
    let band_rows = band_rows.max(1);
    rayon::scope(|s| {
        for (band, pixels) in image.chunks_mut(band_rows * view.width).enumerate() {
            s.spawn(move |_| {
                for (i, row) in pixels.chunks_mut(view.width).enumerate() {
                    view.render_row(band * band_rows + i, row);
                }
            });
        }
    });
    image
}
// ANCHOR_END: scope

/// The work in each of `blocks` equal blocks of rows, as the share of all
/// iterations: what each thread of [`mandelbrot_static_blocks`] has to do.
pub fn work_shares(image: &[u32], view: &View, blocks: usize) -> Vec<f64> {
    let rows_per_block = view.height.div_ceil(blocks.max(1));
    let per_block: Vec<u64> = image
        .chunks(rows_per_block * view.width)
        .map(|block| block.iter().map(|&n| u64::from(n)).sum())
        .collect();
    let total: u64 = per_block.iter().sum();
    per_block
        .iter()
        .map(|&w| w as f64 / total.max(1) as f64)
        .collect()
}

/// The image as text, one character per pixel: `#` in the set, darker
/// characters for points that escape later.
pub fn ascii_art(image: &[u32], view: &View) -> String {
    const SHADES: &[u8] = b" .:-=+*%";
    let mut text = String::with_capacity((view.width + 1) * view.height);
    for row in image.chunks(view.width) {
        for &n in row {
            text.push(if n == view.max_iter {
                '#'
            } else {
                // log2 spreads the few early escapes and the many late ones
                // over the shades.
                let shade = (u32::BITS - n.leading_zeros()) as usize;
                SHADES[shade.min(SHADES.len() - 1)] as char
            });
        }
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_counts_of_points_worked_out_by_hand() {
        // c = 0 and c = i stay bounded: 0, i, -1 + i, -i, -1 + i, ...
        assert_eq!(escape_count(0.0, 0.0, 100), 100);
        assert_eq!(escape_count(0.0, 1.0, 100), 100);
        // c = -2: 0, -2, 2, 2, ...: |z|² = 4 is not > 4, so it is in the set.
        assert_eq!(escape_count(-2.0, 0.0, 100), 100);
        // c = 1: 0, 1, 2, 5: |z|² first exceeds 4 after three steps.
        assert_eq!(escape_count(1.0, 0.0, 100), 3);
        // c = 2: 0, 2, 6: after two steps.
        assert_eq!(escape_count(2.0, 0.0, 100), 2);
        // c = 3: 0, 3: after one.
        assert_eq!(escape_count(3.0, 0.0, 100), 1);
    }

    #[test]
    fn pixel_centres_span_the_view() {
        let view = View {
            width: 4,
            height: 2,
            re: (-2.0, 2.0),
            im: (-1.0, 1.0),
            max_iter: 10,
        };
        assert_eq!(view.point(0, 0), (-1.5, 0.5));
        assert_eq!(view.point(1, 3), (1.5, -0.5));
    }

    #[test]
    fn more_rows_keep_the_plane_and_never_remove_rows() {
        let view = View::upper_half(300, 50);
        let taller = view.with_min_rows(500);
        assert_eq!((taller.width, taller.height), (300, 500));
        assert_eq!((taller.re, taller.im), (view.re, view.im));
        assert_eq!(view.with_min_rows(10).height, view.height);
    }

    #[test]
    fn the_upper_half_view_keeps_the_aspect_ratio() {
        let view = View::upper_half(300, 50);
        assert_eq!(view.height, 125);
    }

    #[test]
    fn the_set_is_symmetric_about_the_real_axis() {
        let view = View {
            width: 61,
            height: 40,
            re: (-2.0, 1.0),
            im: (-1.2, 1.2),
            max_iter: 60,
        };
        let image = mandelbrot_serial(&view);
        let rows: Vec<&[u32]> = image.chunks(view.width).collect();
        for row in 0..view.height {
            assert_eq!(rows[row], rows[view.height - 1 - row], "row {row}");
        }
    }

    #[test]
    fn every_parallel_image_equals_the_serial_reference() {
        let view = View::upper_half(157, 80);
        let reference = mandelbrot_serial(&view);
        for threads in [1, 2, 3, 7] {
            let pool = crate::thread_pool(threads);
            assert_eq!(pool.install(|| mandelbrot_rayon_rows(&view)), reference);
            for band_rows in [1, 5, 1000] {
                assert_eq!(
                    pool.install(|| mandelbrot_scope_bands(&view, band_rows)),
                    reference
                );
            }
            assert_eq!(mandelbrot_static_blocks(&view, threads), reference);
        }
        // More threads than rows: some blocks are empty, the image is whole.
        assert_eq!(mandelbrot_static_blocks(&view, view.height + 3), reference);
    }

    #[test]
    fn the_bottom_half_of_the_upper_half_view_holds_most_of_the_work() {
        let view = View::upper_half(120, 100);
        let shares = work_shares(&mandelbrot_serial(&view), &view, 2);
        assert_eq!(shares.len(), 2);
        assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(shares[1] > 2.0 * shares[0], "{shares:?}");
    }

    #[test]
    fn ascii_art_has_one_line_per_row_and_marks_the_set() {
        let view = View::upper_half(40, 30);
        let art = ascii_art(&mandelbrot_serial(&view), &view);
        assert_eq!(art.lines().count(), view.height);
        assert!(art.lines().all(|l| l.chars().count() == view.width));
        assert!(art.contains('#'));
    }
}
