//! Arrays in Rust. A `Vec` owns one block of memory, a slice borrows part
//! of it, and an `ndarray` array is the same block seen through a pointer,
//! a shape and strides. Views change the last three and copy nothing.

use ndarray::{
    Array1, Array2, Array3, ArrayView, ArrayView2, Axis, Dimension, ShapeBuilder, Zip, s,
};

// ANCHOR: slice
/// Where `part` starts inside `whole`, in elements, if it lies inside it.
/// A slice is a pointer and a length into someone else's memory, so the
/// answer is pointer arithmetic, not a search.
pub fn slice_starts_at(whole: &[f64], part: &[f64]) -> Option<usize> {
    let offset = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    let start = offset / size_of::<f64>();
    (start + part.len() <= whole.len()).then_some(start)
}
// ANCHOR_END: slice

// ANCHOR: anatomy
/// The anatomy of an array: where its first element lies (in elements from
/// the start of the memory block it views), how long each axis is, and how
/// many elements to step in memory to move by one along each axis.
#[derive(Debug, PartialEq)]
pub struct Anatomy {
    pub offset: isize,
    pub shape: Vec<usize>,
    pub strides: Vec<isize>,
}

/// Reads the anatomy of `view`, whose memory block starts at `block`.
pub fn anatomy<D: Dimension>(block: *const f64, view: &ArrayView<f64, D>) -> Anatomy {
    let bytes = view.as_ptr() as isize - block as isize;
    Anatomy {
        offset: bytes / size_of::<f64>() as isize,
        shape: view.shape().to_vec(),
        strides: view.strides().to_vec(),
    }
}
// ANCHOR_END: anatomy

// ANCHOR: orders
/// A `rows × cols` matrix with element (i, j) = 10 i + j, stored row after
/// row ("C order", NumPy's default and ndarray's).
pub fn c_order(rows: usize, cols: usize) -> Array2<f64> {
    Array2::from_shape_fn((rows, cols), |(i, j)| (10 * i + j) as f64)
}

/// The same matrix stored column after column ("Fortran order", NumPy's
/// `order='F'`): the `.f()` of `ShapeBuilder` asks for it.
pub fn f_order(rows: usize, cols: usize) -> Array2<f64> {
    Array2::from_shape_fn((rows, cols).f(), |(i, j)| (10 * i + j) as f64)
}
// ANCHOR_END: orders

// ANCHOR: views
/// Views of `a`, each a new (offset, shape, strides) over the same memory.
pub fn views(a: &Array2<f64>) -> Vec<(&'static str, Anatomy)> {
    let block = a.as_ptr();
    vec![
        ("a", anatomy(block, &a.view())),
        ("a.t()", anatomy(block, &a.t())),
        ("a.row(1)", anatomy(block, &a.row(1))),
        ("a.column(1)", anatomy(block, &a.column(1))),
        (
            "a.slice(s![1.., 1..3])",
            anatomy(block, &a.slice(s![1.., 1..3])),
        ),
        (
            "a.slice(s![.., ..;2])",
            anatomy(block, &a.slice(s![.., ..;2])),
        ),
        (
            "a.slice(s![..;-1, ..])",
            anatomy(block, &a.slice(s![..;-1, ..])),
        ),
    ]
}
// ANCHOR_END: views

// ANCHOR: broadcast
/// Subtracts from each column its mean. `means` has shape `(cols,)`; the
/// subtraction stretches it to `(rows, cols)` without copying it, by
/// viewing it with a stride of 0 along the new axis: every row reads the
/// same `cols` numbers. `None` for a matrix without rows (no mean).
pub fn centre_columns(a: &Array2<f64>) -> Option<Array2<f64>> {
    let means = a.mean_axis(Axis(0))?;
    Some(a - &means)
}
// ANCHOR_END: broadcast

// ANCHOR: zip
/// `y += alpha x` for two matrices of the same shape (it panics otherwise).
/// `Zip` walks both in one loop, in memory order when their layouts agree,
/// with no index arithmetic and no bounds checks inside the loop.
pub fn axpy(alpha: f64, x: ArrayView2<f64>, y: &mut Array2<f64>) {
    Zip::from(y).and(x).for_each(|y, &x| *y += alpha * x);
}
// ANCHOR_END: zip

// ANCHOR: quiz
/// The views of the strides exercise (`exercises/strides.rs`), with their
/// true strides.
pub fn strides_quiz() -> Vec<(&'static str, Vec<isize>)> {
    let row = Array1::<f64>::zeros(6);
    vec![
        ("c_order(4, 6).t()", c_order(4, 6).t().strides().to_vec()),
        ("f_order(4, 6)", f_order(4, 6).strides().to_vec()),
        (
            "c_order(4, 6).slice(s![..;2, 1..5;3])",
            c_order(4, 6).slice(s![..;2, 1..5;3]).strides().to_vec(),
        ),
        (
            "Array3::<f64>::zeros((2, 3, 4))",
            Array3::<f64>::zeros((2, 3, 4)).strides().to_vec(),
        ),
        (
            "Array3::<f64>::zeros((2, 3, 4).f())",
            Array3::<f64>::zeros((2, 3, 4).f()).strides().to_vec(),
        ),
        (
            "a row of 6 broadcast to (4, 6)",
            row.broadcast((4, 6))
                .expect("broadcasts")
                .strides()
                .to_vec(),
        ),
    ]
}
// ANCHOR_END: quiz

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array1, array};

    #[test]
    fn the_quiz_has_the_strides_the_solution_predicts() {
        let strides: Vec<Vec<isize>> = strides_quiz().into_iter().map(|(_, s)| s).collect();
        assert_eq!(
            strides,
            [
                vec![1, 6],
                vec![1, 4],
                vec![12, 3],
                vec![12, 4, 1],
                vec![1, 2, 6],
                vec![0, 1]
            ]
        );
    }

    #[test]
    fn a_slice_points_into_its_vec() {
        let v: Vec<f64> = (0..12).map(f64::from).collect();
        assert_eq!(slice_starts_at(&v, &v[4..8]), Some(4));
        assert_eq!(slice_starts_at(&v, &v), Some(0));
        assert_eq!(slice_starts_at(&v[4..], &v), None, "starts before");
        let elsewhere = vec![0.0; 3];
        assert!(slice_starts_at(&v[..1], &elsewhere).is_none());
    }

    #[test]
    fn c_and_fortran_order_hold_the_same_matrix_in_different_memory_order() {
        let (c, f) = (c_order(2, 3), f_order(2, 3));
        assert_eq!(c, f, "same elements");
        assert_eq!(c.strides(), [3, 1]);
        assert_eq!(f.strides(), [1, 2]);
        assert_eq!(
            c.as_slice_memory_order().unwrap(),
            [0.0, 1.0, 2.0, 10.0, 11.0, 12.0]
        );
        assert_eq!(
            f.as_slice_memory_order().unwrap(),
            [0.0, 10.0, 1.0, 11.0, 2.0, 12.0]
        );
        assert!(c.is_standard_layout() && !f.is_standard_layout());
        assert!(f.t().is_standard_layout(), "a transposed F array is C");
    }

    #[test]
    fn views_have_the_offsets_shapes_and_strides_the_page_shows() {
        let a = c_order(3, 4);
        let expected: [(&str, isize, &[usize], &[isize]); 7] = [
            ("a", 0, &[3, 4], &[4, 1]),
            ("a.t()", 0, &[4, 3], &[1, 4]),
            ("a.row(1)", 4, &[4], &[1]),
            ("a.column(1)", 1, &[3], &[4]),
            ("a.slice(s![1.., 1..3])", 5, &[2, 2], &[4, 1]),
            ("a.slice(s![.., ..;2])", 0, &[3, 2], &[4, 2]),
            ("a.slice(s![..;-1, ..])", 8, &[3, 4], &[-4, 1]),
        ];
        let found = views(&a);
        assert_eq!(found.len(), expected.len());
        for ((name, anatomy), (e_name, offset, shape, strides)) in found.iter().zip(expected) {
            assert_eq!(*name, e_name);
            assert_eq!(anatomy.offset, offset, "{name}");
            assert_eq!(anatomy.shape, shape, "{name}");
            assert_eq!(anatomy.strides, strides, "{name}");
        }
    }

    #[test]
    fn a_view_reads_the_owners_memory_and_a_write_through_it_is_seen() {
        let mut a = c_order(3, 4);
        a.slice_mut(s![1.., 1..3]).fill(-1.0);
        assert_eq!(a[[1, 1]], -1.0);
        assert_eq!(a[[2, 2]], -1.0);
        assert_eq!(a[[0, 1]], 1.0);
        assert_eq!(a.t()[[3, 2]], a[[2, 3]]);
    }

    #[test]
    fn broadcasting_stretches_with_a_zero_stride() {
        let row: Array1<f64> = array![1.0, 2.0, 3.0];
        let stretched = row.broadcast((4, 3)).unwrap();
        assert_eq!(stretched.strides(), [0, 1]);
        assert_eq!(stretched.as_ptr(), row.as_ptr());
        let a = array![[1.0, 10.0], [3.0, 20.0]];
        assert_eq!(
            centre_columns(&a).unwrap(),
            array![[-1.0, -5.0], [1.0, 5.0]]
        );
        assert_eq!(centre_columns(&Array2::zeros((0, 3))), None);
    }

    #[test]
    fn axpy_adds_alpha_x_whatever_the_layouts() {
        let x = c_order(3, 4);
        let mut y = Array2::from_elem((3, 4).f(), 1.0);
        axpy(2.0, x.view(), &mut y);
        assert_eq!(y, x.mapv(|v| 1.0 + 2.0 * v));
    }

    #[test]
    #[should_panic]
    fn axpy_refuses_different_shapes() {
        let mut y = Array2::zeros((4, 3));
        axpy(1.0, c_order(3, 4).view(), &mut y);
    }
}
