//! HDF5, the file format of most HPC codes: a whole file system in one file
//! (groups like folders, datasets like files), with types, shapes and
//! attributes stored beside the data, partial reads, compression, and
//! parallel writes from many MPI ranks. We use the C library through the
//! `hdf5-metno` crate (cargo feature `hdf5`, on by default).

use crate::Error;
use std::path::Path;

/// Whether this build can read and write HDF5 (the cargo feature `hdf5`).
pub const ENABLED: bool = cfg!(feature = "hdf5");

/// The name of the one dataset in our files, like a file name inside the file.
pub const DATASET: &str = "values";

#[cfg(feature = "hdf5")]
mod imp {
    use super::{DATASET, Error};
    use hdf5_metno as hdf5;
    use std::path::Path;

    fn h5(e: hdf5::Error) -> Error {
        Error::Hdf5(e.to_string())
    }

    // ANCHOR: hdf5
    /// Writes `values` as the 1-D dataset `/values` of a new HDF5 file
    /// (Python: `h5py.File(path)["values"][:]` reads it back).
    pub fn write(path: &Path, values: &[f64]) -> Result<(), Error> {
        let file = hdf5::File::create(path).map_err(h5)?;
        let dataset = file
            .new_dataset::<f64>()
            .shape(values.len())
            .create(DATASET)
            .map_err(h5)?;
        dataset.write_raw(values).map_err(h5)?;
        file.close().map_err(h5)
    }

    /// Reads the dataset `/values`, which must hold 64-bit floats: the file
    /// says what it holds, so a wrong type is found before any data is read.
    pub fn read(path: &Path) -> Result<Vec<f64>, Error> {
        let file = hdf5::File::open(path).map_err(h5)?;
        let dataset = file.dataset(DATASET).map_err(h5)?;
        let dtype = dataset.dtype().map_err(h5)?;
        let descriptor = dtype.to_descriptor().map_err(h5)?;
        if descriptor != hdf5::types::TypeDescriptor::Float(hdf5::types::FloatSize::U8) {
            return Err(Error::Hdf5(format!(
                "dataset /{DATASET} holds {descriptor}, expected f64"
            )));
        }
        dataset.read_raw::<f64>().map_err(h5)
    }
    // ANCHOR_END: hdf5

    /// Writes a dataset of f32, to test the reader's type check.
    pub fn write_f32(path: &Path, values: &[f32]) -> Result<(), Error> {
        let file = hdf5::File::create(path).map_err(h5)?;
        file.new_dataset::<f32>()
            .shape(values.len())
            .create(DATASET)
            .and_then(|d| d.write_raw(values))
            .map_err(h5)
    }
}

#[cfg(not(feature = "hdf5"))]
mod imp {
    use super::Error;
    use std::path::Path;

    fn unavailable() -> Error {
        Error::Hdf5("this build has no HDF5 support (cargo feature `hdf5` is off)".into())
    }

    pub fn write(_path: &Path, _values: &[f64]) -> Result<(), Error> {
        Err(unavailable())
    }

    pub fn read(_path: &Path) -> Result<Vec<f64>, Error> {
        Err(unavailable())
    }

    pub fn write_f32(_path: &Path, _values: &[f32]) -> Result<(), Error> {
        Err(unavailable())
    }
}

/// Writes `values` to an HDF5 file (an error when built without HDF5).
pub fn write(path: &Path, values: &[f64]) -> Result<(), Error> {
    imp::write(path, values)
}

/// Reads the f64 dataset of an HDF5 file (an error when built without HDF5).
pub fn read(path: &Path) -> Result<Vec<f64>, Error> {
    imp::read(path)
}

/// Writes an f32 dataset: a file of the wrong type, for tests.
pub fn write_f32(path: &Path, values: &[f32]) -> Result<(), Error> {
    imp::write_f32(path, values)
}

#[cfg(all(test, feature = "hdf5"))]
mod tests {
    use super::*;
    use crate::testing::{TempDir, bit_identical, tricky_values, truncate};

    #[test]
    fn hdf5_round_trip_is_bit_identical() {
        let dir = TempDir::new("h5");
        let path = dir.join("values.h5");
        for values in [tricky_values(), crate::rng::sample_data(100_000)] {
            write(&path, &values).unwrap();
            let size = std::fs::metadata(&path).unwrap().len();
            let data = 8 * values.len() as u64;
            assert!(size > data && size < data + 8192, "{size} bytes");
            assert!(bit_identical(&read(&path).unwrap(), &values));
        }
    }

    #[test]
    fn bad_hdf5_files_are_clear_errors() {
        let dir = TempDir::new("h5-bad");
        let path = dir.join("values.h5");
        write_f32(&path, &[1.0, 2.0]).unwrap();
        assert_eq!(
            read(&path).unwrap_err().to_string(),
            "HDF5: dataset /values holds float32, expected f64"
        );
        write(&path, &crate::rng::sample_data(10_000)).unwrap();
        truncate(&path, 40_000);
        let error = read(&path).unwrap_err().to_string();
        assert!(error.starts_with("HDF5: "), "{error}");
        let npy = dir.join("values.npy");
        crate::npy::write(&npy, &[1.0]).unwrap();
        let error = read(&npy).unwrap_err().to_string();
        assert!(
            error.starts_with("HDF5: ") && error.contains("open"),
            "{error}"
        );
    }
}

#[cfg(all(test, not(feature = "hdf5")))]
mod tests {
    #[test]
    fn without_the_feature_hdf5_says_so() {
        let error = super::read(std::path::Path::new("x.h5")).unwrap_err();
        assert!(error.to_string().contains("feature `hdf5` is off"));
        const { assert!(!super::ENABLED) };
    }
}
