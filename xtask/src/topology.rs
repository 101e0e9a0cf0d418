//! What the machine stamp needs to explain the numbers, read from Linux's
//! sysfs (`/sys/devices/system/cpu`, `/sys/devices/system/node`) and
//! `/proc/cpuinfo`: clocks, threads per core (SMT), NUMA nodes, hybrid
//! performance/efficiency cores, and which caches are shared by how many
//! CPUs. Every field is optional: virtual machines and other systems often
//! report less, and the stamp then says so instead of guessing.

use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Topology {
    /// Hardware threads per core (2 with SMT / Hyper-Threading).
    #[serde(default)]
    pub threads_per_core: Option<u32>,
    #[serde(default)]
    pub numa_nodes: Option<u32>,
    /// Base and maximum clock in MHz, from cpufreq (or the model name).
    #[serde(default)]
    pub base_mhz: Option<u32>,
    #[serde(default)]
    pub max_mhz: Option<u32>,
    /// The clock /proc/cpuinfo reports, when cpufreq reports none (common
    /// in virtual machines): a nominal figure, not a measured one.
    #[serde(default)]
    pub reported_mhz: Option<u32>,
    /// Performance and efficiency cores on a hybrid CPU (logical CPUs in
    /// `/sys/devices/cpu_core/cpus` and `/sys/devices/cpu_atom/cpus`).
    #[serde(default)]
    pub hybrid: Option<(u32, u32)>,
}

fn read(path: &Path) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()
        .map(|s| s.trim().to_string())
}

/// How many CPUs a sysfs list such as "0-3,8-11" or "5" names.
pub fn count_cpu_list(list: &str) -> Option<u32> {
    let mut count = 0;
    for part in list.trim().split(',').filter(|p| !p.is_empty()) {
        count += match part.split_once('-') {
            Some((a, b)) => b.trim().parse::<u32>().ok()? - a.trim().parse::<u32>().ok()? + 1,
            None => {
                part.trim().parse::<u32>().ok()?;
                1
            }
        };
    }
    (count > 0).then_some(count)
}

/// "Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz" → 2400.
fn mhz_in_model_name(model: &str) -> Option<u32> {
    let after = model.rsplit_once('@')?.1.trim();
    let ghz: f64 = after.strip_suffix("GHz")?.trim().parse().ok()?;
    Some((ghz * 1000.0).round() as u32)
}

/// Reads the topology under `sys` (`/sys/devices` on a real machine) and
/// `cpuinfo` (the text of `/proc/cpuinfo`).
pub fn read_topology(sys: &Path, cpuinfo: &str) -> Topology {
    let cpu0 = sys.join("system/cpu/cpu0");
    let khz_to_mhz = |name: &str| {
        read(&cpu0.join("cpufreq").join(name))
            .and_then(|v| v.parse::<u64>().ok())
            .map(|khz| (khz / 1000) as u32)
    };
    let field = |key: &str| {
        cpuinfo.lines().find_map(|line| {
            let (k, v) = line.split_once(':')?;
            (k.trim() == key).then(|| v.trim().to_string())
        })
    };
    let numa_nodes = std::fs::read_dir(sys.join("system/node"))
        .ok()
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.strip_prefix("node")
                        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                })
                .count() as u32
        });
    let hybrid = match (
        read(&sys.join("cpu_core/cpus")).and_then(|l| count_cpu_list(&l)),
        read(&sys.join("cpu_atom/cpus")).and_then(|l| count_cpu_list(&l)),
    ) {
        (Some(p), Some(e)) => Some((p, e)),
        _ => None,
    };
    let base_mhz = khz_to_mhz("base_frequency")
        .or_else(|| field("model name").and_then(|m| mhz_in_model_name(&m)));
    let max_mhz = khz_to_mhz("cpuinfo_max_freq");
    Topology {
        threads_per_core: read(&cpu0.join("topology/thread_siblings_list"))
            .and_then(|l| count_cpu_list(&l)),
        numa_nodes: numa_nodes.filter(|&n| n > 0),
        base_mhz,
        max_mhz,
        reported_mhz: if base_mhz.is_none() && max_mhz.is_none() {
            field("cpu MHz")
                .and_then(|v| v.parse::<f64>().ok())
                .map(|v| v.round() as u32)
        } else {
            None
        },
        hybrid,
    }
}

fn ghz(mhz: u32) -> String {
    format!("{:.2} GHz", mhz as f64 / 1000.0)
}

impl Topology {
    /// "1 thread per core, 1 NUMA node, base 2.40 GHz, up to 3.30 GHz".
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(t) = self.threads_per_core {
            parts.push(match t {
                1 => "1 thread per core (no SMT)".to_string(),
                t => format!("{t} threads per core (SMT)"),
            });
        }
        if let Some((p, e)) = self.hybrid {
            parts.push(format!("hybrid: {p} performance and {e} efficiency CPUs"));
        }
        if let Some(n) = self.numa_nodes {
            parts.push(format!("{n} NUMA node{}", if n == 1 { "" } else { "s" }));
        }
        match (self.base_mhz, self.max_mhz, self.reported_mhz) {
            (Some(b), Some(m), _) if m > b => {
                parts.push(format!("base {}, up to {}", ghz(b), ghz(m)))
            }
            (Some(b), _, _) => parts.push(format!("base {}", ghz(b))),
            (None, Some(m), _) => parts.push(format!("up to {}", ghz(m))),
            (None, None, Some(r)) => parts.push(format!(
                "{} as /proc/cpuinfo reports it (no frequency scaling visible)",
                ghz(r)
            )),
            (None, None, None) => parts.push("clock not reported".to_string()),
        }
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake_sys(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
        let root = std::env::temp_dir().join(format!("course-topo-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (file, text) in files {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        root
    }

    #[test]
    fn cpu_lists_count_ranges_and_singles() {
        assert_eq!(count_cpu_list("0-3,8-11"), Some(8));
        assert_eq!(count_cpu_list("5\n"), Some(1));
        assert_eq!(count_cpu_list("0,64"), Some(2));
        assert_eq!(count_cpu_list(""), None);
        assert_eq!(count_cpu_list("x"), None);
    }

    #[test]
    fn a_two_socket_smt_server_with_cpufreq() {
        let sys = fake_sys(
            "server",
            &[
                ("system/cpu/cpu0/topology/thread_siblings_list", "0,64\n"),
                ("system/cpu/cpu0/cpufreq/base_frequency", "2400000\n"),
                ("system/cpu/cpu0/cpufreq/cpuinfo_max_freq", "3500000\n"),
                ("system/node/node0/cpulist", "0-31"),
                ("system/node/node1/cpulist", "32-63"),
                ("system/node/possible", "0-1"),
            ],
        );
        let t = read_topology(&sys, "model name\t: Some CPU\ncpu MHz\t: 1200.0\n");
        assert_eq!(t.threads_per_core, Some(2));
        assert_eq!(t.numa_nodes, Some(2));
        assert_eq!(
            (t.base_mhz, t.max_mhz, t.reported_mhz),
            (Some(2400), Some(3500), None)
        );
        assert_eq!(
            t.describe(),
            "2 threads per core (SMT), 2 NUMA nodes, base 2.40 GHz, up to 3.50 GHz"
        );
        std::fs::remove_dir_all(sys).unwrap();
    }

    #[test]
    fn a_hybrid_laptop_and_a_bare_virtual_machine() {
        let sys = fake_sys(
            "laptop",
            &[
                ("cpu_core/cpus", "0-7\n"),
                ("cpu_atom/cpus", "8-15\n"),
                ("system/cpu/cpu0/topology/thread_siblings_list", "0-1"),
            ],
        );
        let t = read_topology(&sys, "model name : Intel(R) Core(TM) i7 CPU @ 2.10GHz\n");
        assert_eq!(t.hybrid, Some((8, 8)));
        assert_eq!(t.base_mhz, Some(2100));
        std::fs::remove_dir_all(sys).unwrap();
        let vm = read_topology(Path::new("/nonexistent"), "cpu MHz\t\t: 2599.998\n");
        assert_eq!(vm.reported_mhz, Some(2600));
        assert!(vm.describe().contains("as /proc/cpuinfo reports it"));
    }
}
