//! The anatomy of arrays: what a slice, a view, a transpose and a
//! broadcast are made of (a pointer offset, a shape and strides).
use course_cli::{Usage, run};
use stack::arrays::{c_order, f_order, slice_starts_at, views};
use stack::ndarray::Array1;

const USAGE: Usage = Usage::new(
    "anatomy",
    "",
    "prints the offset, shape and strides of slices, views and broadcasts",
);

// ANCHOR: main
fn main() -> std::process::ExitCode {
    run(&USAGE, |args| {
        args.done()?;
        let v: Vec<f64> = (0..12).map(f64::from).collect();
        let part = &v[4..8];
        println!(
            "Vec: {} elements; the slice v[4..8] starts {} elements in, holds {}",
            v.len(),
            slice_starts_at(&v, part).expect("the slice lies inside v"),
            part.len()
        );

        let (c, f) = (c_order(2, 3), f_order(2, 3));
        println!(
            "C order in memory:       {:?}",
            c.as_slice_memory_order().unwrap()
        );
        println!(
            "Fortran order in memory: {:?}",
            f.as_slice_memory_order().unwrap()
        );
        println!("strides: C {:?}, Fortran {:?}", c.strides(), f.strides());

        let a = c_order(3, 4);
        println!(
            "{:<24} {:>6}  {:<8} strides",
            "view of a 3 x 4 array", "offset", "shape"
        );
        for (name, anatomy) in views(&a) {
            println!(
                "{name:<24} {:>6}  {:<8} {:?}",
                anatomy.offset,
                format!("{:?}", anatomy.shape),
                anatomy.strides
            );
        }

        let row = Array1::from(vec![1.0, 2.0, 3.0, 4.0]);
        let stretched = row.broadcast((3, 4)).expect("a row broadcasts to 3 x 4");
        println!(
            "a row of 4 broadcast to {:?}: strides {:?}, same memory: {}",
            stretched.shape(),
            stretched.strides(),
            stretched.as_ptr() == row.as_ptr()
        );
        Ok(())
    })
}
// ANCHOR_END: main
