//! Measurements that criterion cannot take (MPI jobs, a debug build, the
//! adapter a GPU benchmark ran on), handed to `cargo xtask bench`: it sets
//! `COURSE_BENCH_OUT` to a directory and reads every `*.jsonl` file there
//! as results entries (see `xtask/src/bench.rs`). Outside the pipeline the
//! variable is unset and nothing is written.

use std::process::{Command, Stdio};

/// One results entry, in the form the pipeline reads.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    pub group: String,
    pub function: String,
    pub parameter: String,
    pub mean_ns: f64,
    pub elements: Option<u64>,
    pub bytes: Option<u64>,
}

impl Measured {
    /// An entry taking `seconds`, with no throughput.
    pub fn new(group: &str, function: &str, parameter: impl ToString, seconds: f64) -> Measured {
        Measured {
            group: group.into(),
            function: function.into(),
            parameter: parameter.to_string(),
            mean_ns: seconds * 1e9,
            elements: None,
            bytes: None,
        }
    }

    pub fn elements(self, elements: u64) -> Measured {
        Measured {
            elements: Some(elements),
            ..self
        }
    }

    pub fn bytes(self, bytes: u64) -> Measured {
        Measured {
            bytes: Some(bytes),
            ..self
        }
    }

    /// The entry as one line of JSON.
    pub fn to_json_line(&self) -> String {
        let mut entry = serde_json::json!({
            "group": self.group,
            "function": self.function,
            "parameter": self.parameter,
            "mean_ns": self.mean_ns,
        });
        if let Some(elements) = self.elements {
            entry["elements"] = elements.into();
        }
        if let Some(bytes) = self.bytes {
            entry["bytes"] = bytes.into();
        }
        entry.to_string()
    }
}

/// Writes `entries` to `$COURSE_BENCH_OUT/<name>.jsonl`, one per line.
pub fn write_measured(name: &str, entries: &[Measured]) -> Result<(), String> {
    let lines: String = entries.iter().map(|e| e.to_json_line() + "\n").collect();
    write_file(&format!("{name}.jsonl"), &lines)
}

/// Writes `contents` to `$COURSE_BENCH_OUT/<file_name>`, if the variable is set.
pub fn write_file(file_name: &str, contents: &str) -> Result<(), String> {
    let Some(dir) = std::env::var_os("COURSE_BENCH_OUT") else {
        return Ok(());
    };
    let file = std::path::Path::new(&dir).join(file_name);
    std::fs::write(&file, contents).map_err(|e| format!("cannot write {}: {e}", file.display()))
}

/// Whether `program args` runs and succeeds: is a tool (mpicc, ...) there?
pub fn command_works(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_the_json_the_pipeline_reads() {
        let plain = Measured::new("a/b", "mpi-2", 128, 1.5e-6);
        assert_eq!(
            plain.to_json_line(),
            r#"{"function":"mpi-2","group":"a/b","mean_ns":1500.0,"parameter":"128"}"#
        );
        let with = Measured::new("a/b", "c", "8", 1.0).elements(3).bytes(24);
        let value: serde_json::Value = serde_json::from_str(&with.to_json_line()).unwrap();
        assert_eq!(value["elements"], 3);
        assert_eq!(value["bytes"], 24);
        assert_eq!(value["mean_ns"], 1e9);
    }

    #[test]
    fn a_missing_tool_does_not_work() {
        assert!(!command_works("no-such-tool-for-the-course", &[]));
    }
}
