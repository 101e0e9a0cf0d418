//! One solution of "views and sums along an axis".

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis, s};

// ANCHOR: solution
/// 1. A column: same memory, stride = the number of stations.
pub fn station(readings: &Array2<f64>, s: usize) -> ArrayView1<'_, f64> {
    readings.column(s)
}

/// 2. A step of 2 along the days doubles that axis's stride.
pub fn every_other_day(readings: &Array2<f64>) -> ArrayView2<'_, f64> {
    readings.slice(s![..;2, ..])
}

/// 3. Summing along axis 0 (the days) leaves one value per station.
pub fn station_means(readings: &Array2<f64>) -> Array1<f64> {
    readings.sum_axis(Axis(0)) / readings.nrows() as f64
}
// ANCHOR_END: solution
