//! The benchmark results file: every measurement of one run, stamped with
//! the machine that made it. `cargo xtask bench` writes it; the books'
//! preprocessor reads it.

use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Results {
    pub machine: Machine,
    /// "quick" or "full".
    pub mode: String,
    /// Why a baseline was not measured, by name (e.g. "python").
    #[serde(default)]
    pub not_measured: Vec<Missing>,
    pub entries: Vec<Entry>,
    /// Of the code and benchmarks measured (see `bench::fingerprint`).
    #[serde(default)]
    pub fingerprint: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub rustc: String,
    pub commit: String,
    pub date: String,
    pub os: String,
    /// Python and NumPy versions used for the baselines, when there were any.
    #[serde(default)]
    pub python: Option<String>,
    /// The data and unified caches of the first CPU as the operating system
    /// reports them, smallest level first; empty when it reports none.
    #[serde(default)]
    pub caches: Vec<Cache>,
    /// The GPU adapter the GPU benchmarks ran on, as they reported it
    /// (see `bench::read_gpu_adapter`); `None` when none ran.
    #[serde(default)]
    pub gpu: Option<GpuAdapter>,
    /// SMT, NUMA nodes, clocks, hybrid cores: what explains the numbers.
    #[serde(default)]
    pub topology: crate::topology::Topology,
}

/// A GPU adapter as wgpu describes it, e.g. name "llvmpipe (LLVM 15.0.6,
/// 256 bits)", device type "Cpu", backend "Vulkan".
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GpuAdapter {
    pub name: String,
    pub device_type: String,
    pub backend: String,
    /// A software rasteriser (device type "Cpu", e.g. Mesa's lavapipe):
    /// correct results, but a CPU's speed, not a GPU's.
    pub software: bool,
}

/// One cache of the machine: level (1, 2, 3…), type ("Data",
/// "Instruction" or "Unified", as Linux names them) and size in bytes.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cache {
    pub level: u32,
    #[serde(rename = "type")]
    pub kind: String,
    pub bytes: u64,
    /// How many logical CPUs share it (1 or the SMT siblings: per core).
    #[serde(default)]
    pub shared_by: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Missing {
    pub what: String,
    pub why: String,
}

/// One benchmark: criterion's `group/function/parameter` id and its mean time
/// per iteration, with the work one iteration does when the bench declared it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    pub group: String,
    pub function: String,
    #[serde(default)]
    pub parameter: String,
    pub mean_ns: f64,
    #[serde(default)]
    pub elements: Option<u64>,
    #[serde(default)]
    pub bytes: Option<u64>,
}

impl Entry {
    pub fn id(&self) -> String {
        if self.parameter.is_empty() {
            format!("{}/{}", self.group, self.function)
        } else {
            format!("{}/{}/{}", self.group, self.function, self.parameter)
        }
    }

    /// Nanoseconds per element when the bench declared elements, else per iteration.
    pub fn ns_per_element(&self) -> f64 {
        match self.elements {
            Some(n) if n > 0 => self.mean_ns / n as f64,
            _ => self.mean_ns,
        }
    }
}

impl Results {
    pub fn load(path: &Path) -> Option<Results> {
        let text = std::fs::read_to_string(path).ok()?;
        match serde_json::from_str(&text) {
            Ok(results) => Some(results),
            Err(e) => {
                eprintln!(
                    "warning: ignoring unreadable results file {}: {e}",
                    path.display()
                );
                None
            }
        }
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = serde_json::to_string_pretty(self).expect("results serialise");
        std::fs::write(path, text + "\n")
    }

    pub fn group<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| e.group == group)
    }

    pub fn find(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id() == id)
    }

    pub fn missing(&self, what: &str) -> Option<&Missing> {
        self.not_measured.iter().find(|m| m.what == what)
    }
}

/// Reads criterion's output for one benchmark directory
/// (`target/criterion/<...>/new/` holds `benchmark.json` and `estimates.json`).
pub fn from_criterion(new_dir: &Path) -> Result<Entry, String> {
    let read = |name: &str| -> Result<serde_json::Value, String> {
        let path = new_dir.join(name);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    };
    let benchmark = read("benchmark.json")?;
    let estimates = read("estimates.json")?;
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let mean_ns = estimates["mean"]["point_estimate"]
        .as_f64()
        .ok_or_else(|| format!("{}: no mean estimate", new_dir.display()))?;
    let throughput = &benchmark["throughput"];
    Ok(Entry {
        group: text(&benchmark["group_id"]),
        function: text(&benchmark["function_id"]),
        parameter: text(&benchmark["value_str"]),
        mean_ns,
        elements: throughput["Elements"].as_u64(),
        bytes: throughput["Bytes"]
            .as_u64()
            .or(throughput["BytesDecimal"].as_u64()),
    })
}
