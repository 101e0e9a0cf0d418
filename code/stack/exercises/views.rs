//! Exercise "views and sums along an axis". `readings` holds one row per day
//! and one column per weather station, in C order. Answer each question with
//! a *view* (no copy) or a sum along an axis. Check with
//!     cargo xtask exercise views

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, s};

// ANCHOR: starter
/// 1. All the days of station `s`: a view of one column.
pub fn station(readings: &Array2<f64>, s: usize) -> ArrayView1<'_, f64> {
    let _ = s;
    readings.row(0) // placeholder: this is day 0, not station s
}

/// 2. Every other day (days 0, 2, 4, …), all stations: a view, no copy.
pub fn every_other_day(readings: &Array2<f64>) -> ArrayView2<'_, f64> {
    readings.slice(s![.., ..]) // placeholder: this is every day
}

/// 3. The mean of each station over all days: one value per station.
pub fn station_means(readings: &Array2<f64>) -> Array1<f64> {
    Array1::zeros(readings.ncols()) // placeholder: not computed yet
}
// ANCHOR_END: starter
