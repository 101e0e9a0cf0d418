//! The course pipeline behind `cargo xtask`: set-up, benchmarks, the books'
//! preprocessor, the site checks and the local server. The binary
//! (`main.rs`) is a thin command line over these modules; the workspace
//! tests in `tests/` use them directly.

pub mod bench;
pub mod books;
pub mod browser;
pub mod cdp;
pub mod claims;
pub mod classroom;
pub mod exercise;
pub mod fit;
pub mod flamegraph;
pub mod offline;
pub mod paths;
pub mod preprocess;
pub mod progress;
pub mod quoted_include;
pub mod render;
pub mod results;
pub mod schedule;
pub mod serve;
pub mod setup;
pub mod site;
pub mod topology;
