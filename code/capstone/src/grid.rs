//! The plate: a grid of temperatures, how it starts, the time step, and the
//! checksum every solution prints.

use std::fmt;

/// The temperature the edges are held at, and the plate starts at.
pub const EDGE_TEMPERATURE: f32 = 0.25;
/// The temperature of the hot square in the middle at the start.
pub const HOT_TEMPERATURE: f32 = 1.0;
/// The largest grid the examples accept: 2^28 cells, 1 GiB per copy of the
/// field (the solvers keep two).
pub const MAX_CELLS: usize = 1 << 28;

// ANCHOR: grid
/// A 2-D field of `nx` columns and `ny` rows, stored row after row: cell
/// `(i, j)` (row `i`, column `j`) lives at `values[i * nx + j]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub nx: usize,
    pub ny: usize,
    pub values: Vec<f32>,
}

impl Grid {
    /// The plate at the start: every cell at [`EDGE_TEMPERATURE`], except a
    /// hot patch, half the plate's width and half its height, in the middle.
    /// The outermost ring of cells is the edge: it never changes.
    pub fn plate(nx: usize, ny: usize) -> Grid {
        // Centred exactly, so the plate is mirror-symmetric: |2i + 1 - n| is
        // twice the distance of cell i's centre from the middle.
        let hot = |i: usize, n: usize| 4 * (2 * i + 1).abs_diff(n) < 2 * n;
        let on_edge = |i: usize, n: usize| i == 0 || i + 1 == n;
        Grid::from_fn(nx, ny, |i, j| {
            let inside = !on_edge(i, ny) && !on_edge(j, nx);
            if inside && hot(i, ny) && hot(j, nx) {
                HOT_TEMPERATURE
            } else {
                EDGE_TEMPERATURE
            }
        })
    }
}
// ANCHOR_END: grid

impl Grid {
    pub fn from_fn(nx: usize, ny: usize, f: impl Fn(usize, usize) -> f32) -> Grid {
        let values = (0..ny)
            .flat_map(|i| (0..nx).map(move |j| (i, j)))
            .map(|(i, j)| f(i, j))
            .collect();
        Grid { nx, ny, values }
    }

    pub fn get(&self, i: usize, j: usize) -> f32 {
        self.values[i * self.nx + j]
    }

    /// The number of cells.
    pub fn cells(&self) -> usize {
        self.values.len()
    }

    /// The largest absolute difference between two grids of the same shape.
    /// A NaN where the other grid has a number counts as an infinite
    /// difference: `f32::max` skips NaN, so a field of NaN would otherwise
    /// "agree" with any reference.
    pub fn max_difference(&self, other: &Grid) -> f32 {
        assert_eq!((self.nx, self.ny), (other.nx, other.ny), "grid shapes");
        self.values
            .iter()
            .zip(&other.values)
            .map(|(&a, &b)| match (a - b).abs() {
                _ if a == b => 0.0,
                d if d.is_nan() => f32::INFINITY,
                d => d,
            })
            .fold(0.0, f32::max)
    }

    /// The field as a greyscale image (binary PGM, which most image viewers
    /// open): [`EDGE_TEMPERATURE`] black, [`HOT_TEMPERATURE`] white.
    pub fn to_pgm(&self) -> Vec<u8> {
        let mut image = format!("P5\n{} {}\n255\n", self.nx, self.ny).into_bytes();
        let span = HOT_TEMPERATURE - EDGE_TEMPERATURE;
        image.extend(self.values.iter().map(|&t| {
            let level = ((t - EDGE_TEMPERATURE) / span).clamp(0.0, 1.0);
            (level * 255.0).round() as u8
        }));
        image
    }
}

// ANCHOR: diffusion
/// The time step of the explicit scheme, checked for stability. The
/// coefficient `r = alpha dt / h^2` is all the stencil needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Diffusion {
    pub r: f32,
}

impl Diffusion {
    /// `alpha`: diffusivity, `h`: grid spacing, `dt`: time step. Refuses a
    /// step above the stability limit `h^2 / (4 alpha)`: beyond it the
    /// error grows at every step instead of dying out.
    pub fn new(alpha: f64, h: f64, dt: f64) -> Result<Diffusion, String> {
        // A NaN fails `x > 0.0` too.
        let usable = |x: f64| x > 0.0 && x.is_finite();
        if !(usable(alpha) && usable(h) && usable(dt)) {
            return Err(format!(
                "alpha, h and dt must be positive numbers, got alpha = {alpha}, h = {h}, dt = {dt}"
            ));
        }
        let limit = h * h / (4.0 * alpha);
        if dt > limit {
            return Err(format!(
                "dt = {dt} is unstable: the explicit scheme needs dt <= h^2/(4 alpha) = {limit}"
            ));
        }
        Ok(Diffusion {
            r: (alpha * dt / (h * h)) as f32,
        })
    }
}
// ANCHOR_END: diffusion

// ANCHOR: checksum
/// What every solution prints, so that results can be compared at a glance:
/// the total of all temperatures, and a hash of the exact bits of every
/// value. Two fields with the same hash are equal to the last bit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Checksum {
    pub sum: f64,
    pub bits: u64,
}

impl Checksum {
    pub fn of(grid: &Grid) -> Checksum {
        // FNV-1a: xor in a byte, multiply by a prime; small and good enough
        // to tell fields apart (it is no defence against an adversary).
        let mut bits: u64 = 0xcbf2_9ce4_8422_2325;
        for value in &grid.values {
            for byte in value.to_bits().to_le_bytes() {
                bits = (bits ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        // In f64 and in order, so the sum itself does not depend on how a
        // solution split up the work.
        let sum = grid.values.iter().map(|&v| f64::from(v)).sum();
        Checksum { sum, bits }
    }
}

impl fmt::Display for Checksum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sum {:.6}, bits {:016x}", self.sum, self.bits)
    }
}
// ANCHOR_END: checksum

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nan_is_an_infinite_difference_and_equal_grids_differ_by_nothing() {
        let grid = |values: Vec<f32>| Grid {
            nx: 3,
            ny: 1,
            values,
        };
        let reference = grid(vec![0.5, 1.0, f32::INFINITY]);
        assert_eq!(reference.max_difference(&reference), 0.0);
        assert_eq!(
            grid(vec![0.5, 1.25, f32::INFINITY]).max_difference(&reference),
            0.25
        );
        let with_nan = grid(vec![0.5, f32::NAN, f32::INFINITY]);
        assert_eq!(with_nan.max_difference(&reference), f32::INFINITY);
        assert_eq!(reference.max_difference(&with_nan), f32::INFINITY);
    }

    #[test]
    fn the_plate_has_cold_edges_and_a_centred_hot_square() {
        let plate = Grid::plate(8, 6);
        let rows: Vec<String> = (0..6)
            .map(|i| {
                (0..8)
                    .map(|j| {
                        if plate.get(i, j) == HOT_TEMPERATURE {
                            '#'
                        } else {
                            '.'
                        }
                    })
                    .collect()
            })
            .collect();
        assert_eq!(
            rows,
            [
                "........", "........", "..####..", "..####..", "........", "........"
            ]
        );
        assert!(
            plate
                .values
                .iter()
                .all(|&t| t == HOT_TEMPERATURE || t == EDGE_TEMPERATURE)
        );
    }

    #[test]
    fn tiny_plates_are_all_edge() {
        for (nx, ny) in [(1, 1), (1, 5), (2, 2), (5, 2)] {
            let plate = Grid::plate(nx, ny);
            assert_eq!(plate.cells(), nx * ny);
            assert!(plate.values.iter().all(|&t| t == EDGE_TEMPERATURE));
        }
        // 3 x 3 has one inside cell, the middle one, and it is hot.
        assert_eq!(Grid::plate(3, 3).get(1, 1), HOT_TEMPERATURE);
    }

    #[test]
    fn a_stable_step_is_accepted_and_an_unstable_one_is_rejected() {
        assert_eq!(Diffusion::new(1.0, 1.0, 0.2).unwrap().r, 0.2);
        assert_eq!(Diffusion::new(2.0, 0.5, 0.03125).unwrap().r, 0.25);
        assert_eq!(
            Diffusion::new(1.0, 1.0, 0.3).unwrap_err(),
            "dt = 0.3 is unstable: the explicit scheme needs dt <= h^2/(4 alpha) = 0.25"
        );
        for (alpha, h, dt) in [(1.0, 1.0, 0.0), (0.0, 1.0, 0.1), (1.0, -1.0, 0.1)] {
            assert!(Diffusion::new(alpha, h, dt).is_err());
        }
        assert!(Diffusion::new(1.0, 1.0, f64::NAN).is_err());
    }

    #[test]
    fn the_checksum_sees_every_bit() {
        let a = Grid::plate(5, 4);
        let mut b = a.clone();
        assert_eq!(Checksum::of(&a), Checksum::of(&b));
        b.values[7] = f32::from_bits(b.values[7].to_bits() + 1);
        assert_ne!(Checksum::of(&a).bits, Checksum::of(&b).bits);
        // Swapping two different values keeps the sum but not the hash.
        let mut c = a.clone();
        c.values.swap(0, 6);
        assert_ne!(c, a);
        assert_eq!(Checksum::of(&c).sum, Checksum::of(&a).sum);
        assert_ne!(Checksum::of(&c).bits, Checksum::of(&a).bits);
    }

    #[test]
    fn the_checksum_prints_the_sum_and_sixteen_hex_digits() {
        let grid = Grid::from_fn(2, 1, |_, j| j as f32 + 0.5);
        let line = Checksum::of(&grid).to_string();
        assert!(line.starts_with("sum 2.000000, bits "), "{line}");
        assert_eq!(line.len(), "sum 2.000000, bits ".len() + 16);
    }

    #[test]
    fn the_image_maps_edge_to_black_and_hot_to_white() {
        let plate = Grid::plate(4, 3);
        let image = plate.to_pgm();
        let header = b"P5\n4 3\n255\n";
        assert_eq!(&image[..header.len()], header);
        assert_eq!(image.len(), header.len() + 12);
        assert_eq!(
            &image[header.len()..],
            [0, 0, 0, 0, 0, 255, 255, 0, 0, 0, 0, 0]
        );
    }
}
