//! Memory latency, measured by chasing pointers: every load needs the
//! address that the previous load returned, so the processor cannot start
//! the next one early, and the time per step is the latency of wherever the
//! data lives (L1, L2, L3 or main memory).

use splitmix::SplitMix64;
use std::alloc::Layout;
use std::ptr::NonNull;

// ANCHOR: node
/// One step of the chase, alone on its 64-byte cache line: `next` is the
/// index of the node to visit after this one. The padding makes every step
/// touch a different cache line, and a working set of `n` nodes occupy
/// exactly `n` lines.
#[repr(C, align(64))]
#[derive(Clone, Copy)]
pub struct Node {
    pub next: usize,
}

/// Bytes per node: one cache line.
pub const LINE: usize = std::mem::size_of::<Node>();
// ANCHOR_END: node

// ANCHOR: pages
/// Which pages hold the nodes. Every load needs its virtual address
/// translated, and the processor caches translations in a small TLB
/// (translation lookaside buffer). With 4 KiB pages a few thousand entries
/// cover only a few MiB, and beyond that each random load also pays a walk
/// through the page tables. With 2 MiB ("huge") pages the TLB covers
/// gigabytes, and the staircase shows the caches alone.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Pages {
    /// Ask the kernel for 2 MiB pages (Linux transparent huge pages, when
    /// enabled; elsewhere this is the same as `Small`).
    Huge,
    /// Whatever the allocator gives: usually 4 KiB pages.
    Small,
}

const HUGE_PAGE: usize = 2 << 20;
// ANCHOR_END: pages

/// The nodes of a cycle, in memory aligned to (and a whole number of)
/// 2 MiB pages, so that the kernel can back them with huge pages.
/// It dereferences to a slice of nodes.
pub struct Cycle {
    nodes: NonNull<Node>,
    len: usize,
    layout: Layout,
}

impl Cycle {
    /// `n` nodes (`n >= 1`), each pointing at itself.
    fn identity(n: usize, pages: Pages) -> Cycle {
        let (size, align) = match pages {
            Pages::Huge => ((n * LINE).next_multiple_of(HUGE_PAGE), HUGE_PAGE),
            Pages::Small => (n * LINE, LINE),
        };
        let layout =
            Layout::from_size_align(size, align).expect("a working set that fits in memory");
        // SAFETY: the layout's size is at least one node, never zero.
        let raw = unsafe { std::alloc::alloc(layout) };
        let Some(nodes) = NonNull::new(raw.cast::<Node>()) else {
            std::alloc::handle_alloc_error(layout)
        };
        if pages == Pages::Huge {
            // Before the first write: the kernel picks the page size when a
            // page is first touched.
            advise_huge_pages(raw, size);
        }
        for i in 0..n {
            // SAFETY: i < n, and the allocation holds at least n nodes.
            unsafe { nodes.add(i).write(Node { next: i }) };
        }
        Cycle {
            nodes,
            len: n,
            layout,
        }
    }
}

impl std::ops::Deref for Cycle {
    type Target = [Node];
    fn deref(&self) -> &[Node] {
        // SAFETY: `len` nodes were written in `identity` and live until drop.
        unsafe { std::slice::from_raw_parts(self.nodes.as_ptr(), self.len) }
    }
}

impl std::ops::DerefMut for Cycle {
    fn deref_mut(&mut self) -> &mut [Node] {
        // SAFETY: as in `deref`, and `&mut self` makes this the only borrow.
        unsafe { std::slice::from_raw_parts_mut(self.nodes.as_ptr(), self.len) }
    }
}

impl Drop for Cycle {
    fn drop(&mut self) {
        // SAFETY: allocated in `identity` with exactly this layout.
        unsafe { std::alloc::dealloc(self.nodes.as_ptr().cast(), self.layout) }
    }
}

/// Tells Linux that this memory may be backed by 2 MiB pages
/// (`madvise(MADV_HUGEPAGE)`, a request the kernel is free to ignore).
#[cfg(target_os = "linux")]
fn advise_huge_pages(start: *mut u8, len: usize) {
    const MADV_HUGEPAGE: i32 = 14;
    unsafe extern "C" {
        fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
    }
    // SAFETY: [start, start + len) is one allocation that we own, aligned to
    // 2 MiB; the advice changes how it is backed, not what it holds. When
    // huge pages are unavailable the call fails and nothing changes.
    unsafe { madvise(start.cast(), len, MADV_HUGEPAGE) };
}

#[cfg(not(target_os = "linux"))]
fn advise_huge_pages(_start: *mut u8, _len: usize) {}

// ANCHOR: sattolo
/// Links `bytes / 64` nodes into one random cycle that visits every node
/// once before it returns to the start (Sattolo's algorithm: a Fisher-Yates
/// shuffle that never lets an element stay where it is, which leaves exactly
/// one cycle). A random order defeats the hardware prefetchers, which would
/// hide the latency of any regular pattern.
pub fn random_cycle(bytes: usize, seed: u64, pages: Pages) -> Cycle {
    let n = (bytes / LINE).max(1);
    let mut nodes = Cycle::identity(n, pages);
    let mut rng = SplitMix64::new(seed);
    for i in (1..n).rev() {
        let j = rng.below(i as u64) as usize; // 0 <= j < i: never j == i
        let (a, b) = (nodes[i].next, nodes[j].next);
        nodes[i].next = b;
        nodes[j].next = a;
    }
    nodes
}
// ANCHOR_END: sattolo

// ANCHOR: chase
/// Follows the cycle for `steps` loads from node `start` and returns where
/// it stopped, so that the next call carries on from there (and so that the
/// compiler cannot skip the loads: their result is used).
pub fn chase(nodes: &[Node], start: usize, steps: usize) -> usize {
    let mut at = start;
    for _ in 0..steps {
        at = nodes[at].next;
    }
    at
}
// ANCHOR_END: chase

/// The length of the cycle through node 0: how many steps until the chase
/// is back where it started (`None` if it never comes back, which a
/// permutation cannot do, or if it visits a node twice on the way).
pub fn cycle_length(nodes: &[Node]) -> Option<usize> {
    let mut seen = vec![false; nodes.len()];
    let mut at = 0;
    for steps in 1..=nodes.len() {
        seen[at] = true;
        at = *nodes.get(at).map(|n| &n.next)?;
        if at == 0 {
            return Some(steps);
        }
        if seen[at] {
            return None;
        }
    }
    None
}

// ANCHOR: sizes
/// The working sets the staircase measures: every power of two from
/// 4 KiB to `max_bytes`, and the point halfway (×1.5) between neighbours,
/// so that each cache edge is located within a factor of 1.5.
pub fn working_sets(max_bytes: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut size = 4 << 10;
    while size <= max_bytes {
        sizes.push(size);
        if size + size / 2 <= max_bytes {
            sizes.push(size + size / 2);
        }
        size *= 2;
    }
    sizes
}
// ANCHOR_END: sizes

/// How much of this process's memory the kernel backs with huge pages
/// (Linux: `AnonHugePages` in `/proc/self/smaps_rollup`); `None` elsewhere.
pub fn huge_page_bytes() -> Option<usize> {
    parse_anon_huge_pages(&std::fs::read_to_string("/proc/self/smaps_rollup").ok()?)
}

fn parse_anon_huge_pages(smaps: &str) -> Option<usize> {
    let line = smaps.lines().find(|l| l.starts_with("AnonHugePages:"))?;
    let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// "4 KiB", "1.5 MiB", "1 GiB": a byte count for people.
pub fn format_bytes(bytes: usize) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < units.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value.fract() == 0.0 {
        format!("{value:.0} {}", units[unit])
    } else {
        format!("{value:.1} {}", units[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_fills_exactly_one_cache_line() {
        assert_eq!(std::mem::size_of::<Node>(), 64);
        assert_eq!(std::mem::align_of::<Node>(), 64);
        let nodes = random_cycle(4096, 1, Pages::Huge);
        assert_eq!(nodes.as_ptr() as usize % 64, 0, "nodes start on a line");
        assert_eq!(nodes.len(), 64);
    }

    #[test]
    fn the_cycle_visits_every_node_exactly_once() {
        for (bytes, seed) in [
            (64, 1),
            (128, 2),
            (192, 3),
            (4096, 4),
            (6144, 5),
            (1 << 20, 6),
        ] {
            let pages = if seed % 2 == 0 {
                Pages::Huge
            } else {
                Pages::Small
            };
            let nodes = random_cycle(bytes, seed, pages);
            assert_eq!(cycle_length(&nodes), Some(nodes.len()), "{bytes} bytes");
            assert_eq!(nodes.as_ptr() as usize % LINE, 0, "{pages:?}");
            // Every node is the successor of exactly one node: a permutation.
            let mut targets: Vec<usize> = nodes.iter().map(|n| n.next).collect();
            targets.sort_unstable();
            assert!(targets.iter().copied().eq(0..nodes.len()));
        }
    }

    #[test]
    fn no_node_points_at_itself_and_the_order_is_not_sequential() {
        let nodes = random_cycle(64 * 1000, 7, Pages::Huge);
        assert!(nodes.iter().enumerate().all(|(i, n)| n.next != i));
        let sequential = nodes
            .iter()
            .enumerate()
            .filter(|(i, n)| n.next == (i + 1) % nodes.len())
            .count();
        assert!(sequential < 10, "{sequential} sequential links");
    }

    #[test]
    fn the_same_seed_gives_the_same_cycle() {
        let a = random_cycle(64 * 100, 9, Pages::Huge);
        let b = random_cycle(64 * 100, 9, Pages::Huge);
        let c = random_cycle(64 * 100, 10, Pages::Huge);
        let next = |v: &[Node]| v.iter().map(|n| n.next).collect::<Vec<_>>();
        assert_eq!(next(&a), next(&b));
        assert_ne!(next(&a), next(&c));
    }

    #[test]
    fn a_chase_around_the_whole_cycle_comes_back_to_its_start() {
        let nodes = random_cycle(64 * 500, 11, Pages::Huge);
        assert_eq!(chase(&nodes, 0, 500), 0);
        assert_eq!(chase(&nodes, 3, 1000), 3);
        assert_eq!(chase(&nodes, 0, 1), nodes[0].next);
    }

    #[test]
    fn a_broken_cycle_is_detected() {
        // 0 -> 1 -> 2 -> 1: never back at 0.
        let nodes = [Node { next: 1 }, Node { next: 2 }, Node { next: 1 }];
        assert_eq!(cycle_length(&nodes), None);
        // Two cycles: 0 <-> 1 and 2 <-> 3.
        let two = [
            Node { next: 1 },
            Node { next: 0 },
            Node { next: 3 },
            Node { next: 2 },
        ];
        assert_eq!(cycle_length(&two), Some(2));
    }

    #[test]
    fn working_sets_run_from_4_kib_with_midpoints() {
        assert_eq!(
            working_sets(64 << 10),
            [4096, 6144, 8192, 12288, 16384, 24576, 32768, 49152, 65536]
        );
        let all = working_sets(1 << 30);
        assert_eq!(all.first(), Some(&4096));
        assert_eq!(all.last(), Some(&(1 << 30)));
        assert_eq!(all.len(), 37);
    }

    #[test]
    fn huge_pages_are_read_from_smaps() {
        let smaps = "Rss: 100 kB\nAnonHugePages:    4096 kB\nSwap: 0 kB\n";
        assert_eq!(parse_anon_huge_pages(smaps), Some(4 << 20));
        assert_eq!(parse_anon_huge_pages("Rss: 1 kB\n"), None);
    }

    #[test]
    fn bytes_are_formatted_in_binary_units() {
        assert_eq!(format_bytes(4096), "4 KiB");
        assert_eq!(format_bytes(6144), "6 KiB");
        assert_eq!(format_bytes(1536 << 10), "1.5 MiB");
        assert_eq!(format_bytes(1 << 30), "1 GiB");
        assert_eq!(format_bytes(100), "100 B");
    }
}
