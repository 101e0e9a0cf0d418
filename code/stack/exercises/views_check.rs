//! Checks "views and sums along an axis": `cargo xtask exercise views`.
//! Each answer must have the right values, and the first two must be views
//! into the readings' own memory, with the strides a view has.
use ndarray::{Array2, ArrayView, Dimension};
use std::process::exit;

#[cfg(not(feature = "solution"))]
#[path = "views.rs"]
mod mine;
#[cfg(feature = "solution")]
#[path = "views_solution.rs"]
mod mine;

fn fail(hint: &str) -> ! {
    println!("✗ views: {hint}");
    exit(1)
}

/// Whether `view` starts inside the memory of `whole`: a view, not a copy.
fn points_into<D: Dimension>(whole: &Array2<f64>, view: &ArrayView<f64, D>) -> bool {
    let range = whole.as_slice().expect("C order").as_ptr_range();
    range.contains(&view.as_ptr())
}

fn main() {
    if std::env::args().len() > 1 {
        eprintln!("error: exercise_views takes no arguments");
        exit(2);
    }
    // 7 days x 5 stations; reading (day, station) = 10 * day + station.
    let (days, stations) = (7, 5);
    let readings = Array2::from_shape_fn((days, stations), |(d, s)| (10 * d + s) as f64);

    let column = mine::station(&readings, 3);
    let expected: Vec<f64> = (0..days).map(|d| (10 * d + 3) as f64).collect();
    if column.to_vec() != expected {
        fail(&format!(
            "station(readings, 3) gave {:?}, expected {expected:?}: one value per day, from column 3",
            column.to_vec()
        ));
    }
    if !points_into(&readings, &column) || column.strides() != [stations as isize] {
        fail(&format!(
            "station(...) has the right values but is not a view of the readings (strides {:?}): use column() instead of copying",
            column.strides()
        ));
    }

    let odd = mine::every_other_day(&readings);
    let expected = readings.select(ndarray::Axis(0), &[0, 2, 4, 6]);
    if odd.shape() != expected.shape() || odd != expected {
        fail(&format!(
            "every_other_day has shape {:?}, expected {:?} (days 0, 2, 4, 6; all {stations} stations)",
            odd.shape(),
            expected.shape()
        ));
    }
    if !points_into(&readings, &odd) {
        fail(
            "every_other_day has the right values but is a copy: slice with a step instead, s![..;2, ..]",
        );
    }

    let means = mine::station_means(&readings);
    let expected: Vec<f64> = (0..stations).map(|s| (30 + s) as f64).collect();
    if means.to_vec() != expected {
        fail(&format!(
            "station_means gave {:?}, expected {expected:?}: sum along the axis of the days (Axis(0)) and divide by their number",
            means.to_vec()
        ));
    }
    println!(
        "✓ views: correct (station 3 has strides {:?}, every other day {:?}: views, no copies)",
        column.strides(),
        odd.strides()
    );
}
