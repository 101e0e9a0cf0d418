//! Timing GPU work honestly. A GPU runs asynchronously: `queue.submit`
//! returns before the work is done, so a stopwatch around it measures
//! nothing. Two honest clocks remain:
//!
//! - the wall clock around submit *and wait*: what a program pays, launch
//!   overhead included (and transfers, if the timed code makes any);
//! - timestamp queries: the GPU writes its own clock at the start and end of
//!   a compute pass, so we read the time the kernels took on the device.
//!   Adapters offer them as the optional feature `TIMESTAMP_QUERY`.

use crate::{GpuContext, GpuError};
use std::time::{Duration, Instant};

// ANCHOR: dispatch
/// GPU work whose data already lives on the device: it only records its
/// dispatches into a compute pass. Kernels implement it so that the same
/// work can be run, repeated and timed in different ways.
pub trait Dispatch {
    fn record(&self, pass: &mut wgpu::ComputePass<'_>);
}
// ANCHOR_END: dispatch

/// Repetitions recorded into one compute pass (and one command buffer):
/// enough to hide the cost of a submission, few enough to keep a command
/// buffer small when a benchmark asks for a hundred thousand repetitions.
const REPEATS_PER_PASS: u32 = 1000;

impl GpuContext {
    // ANCHOR: with_timestamps
    /// Like [`GpuContext::new`], but also turns on timestamp queries when the
    /// adapter has them. Optional features must be requested when the device
    /// is created, and requesting one the adapter lacks is an error, hence
    /// the look at the adapter first. [`GpuContext::has_timestamps`] says
    /// which way it went.
    pub fn with_timestamps() -> Result<GpuContext, GpuError> {
        let plain = GpuContext::new()?;
        let wanted = wgpu::Features::TIMESTAMP_QUERY;
        if !plain.adapter.features().contains(wanted) {
            return Ok(plain);
        }
        // Same adapter, new device with the feature turned on.
        drop(plain);
        GpuContext::with_features(wanted)
    }

    /// True when this device records timestamp queries.
    pub fn has_timestamps(&self) -> bool {
        self.device
            .features()
            .contains(wgpu::Features::TIMESTAMP_QUERY)
    }
    // ANCHOR_END: with_timestamps
}

// ANCHOR: wall_clock
/// Wall-clock time of `repeats` runs of `work`, recorded back to back,
/// submitted at once and waited for. The data stays on the device, so this
/// is kernel time plus launch overhead, which many repeats amortise.
pub fn wall_clock(
    ctx: &GpuContext,
    work: &dyn Dispatch,
    repeats: u32,
) -> Result<Duration, GpuError> {
    let commands = record_repeats(ctx, work, repeats, None);
    let start = Instant::now();
    ctx.queue.submit(commands);
    ctx.wait()?;
    Ok(start.elapsed())
}
// ANCHOR_END: wall_clock

// ANCHOR: gpu_time
/// The device's own time for `repeats` runs of `work`, from a timestamp
/// written when the first compute pass begins and one when the last ends;
/// `None` when the device has no timestamp queries.
pub fn gpu_time(
    ctx: &GpuContext,
    work: &dyn Dispatch,
    repeats: u32,
) -> Result<Option<Duration>, GpuError> {
    if !ctx.has_timestamps() {
        return Ok(None);
    }
    let queries = ctx.device.create_query_set(&wgpu::QuerySetDescriptor {
        label: Some("start and end"),
        ty: wgpu::QueryType::Timestamp,
        count: 2,
    });
    let mut commands = record_repeats(ctx, work, repeats, Some(&queries));

    // Copy the two raw timestamps (u64 ticks) to a buffer we can read.
    let resolved = ctx.device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("timestamps"),
        size: 2 * size_of::<u64>() as u64,
        usage: wgpu::BufferUsages::QUERY_RESOLVE | wgpu::BufferUsages::COPY_SRC,
        mapped_at_creation: false,
    });
    let mut encoder = ctx.device.create_command_encoder(&Default::default());
    encoder.resolve_query_set(&queries, 0..2, &resolved, 0);
    commands.push(encoder.finish());
    ctx.queue.submit(commands);

    let ticks = match ctx.read_back_as::<u64>(&resolved)?[..] {
        [start, end] => end.saturating_sub(start),
        _ => unreachable!("two timestamps were resolved"),
    };
    // One tick lasts `get_timestamp_period()` nanoseconds.
    let nanos = ticks as f64 * f64::from(ctx.queue.get_timestamp_period());
    Ok(Some(Duration::from_nanos(nanos.round() as u64)))
}
// ANCHOR_END: gpu_time

// ANCHOR: best_of
/// The shortest of `runs` measurements: the run least disturbed by
/// everything else the machine was doing (first-run costs included).
pub fn best_of(
    runs: usize,
    mut measure: impl FnMut() -> Result<Duration, GpuError>,
) -> Result<Duration, GpuError> {
    let mut best = Duration::MAX;
    for _ in 0..runs {
        best = best.min(measure()?);
    }
    Ok(best)
}
// ANCHOR_END: best_of

/// Command buffers running `work` `repeats` times, at most
/// `REPEATS_PER_PASS` per compute pass. With `queries`, the first pass
/// writes timestamp 0 when it begins and the last writes 1 when it ends.
fn record_repeats(
    ctx: &GpuContext,
    work: &dyn Dispatch,
    repeats: u32,
    queries: Option<&wgpu::QuerySet>,
) -> Vec<wgpu::CommandBuffer> {
    let passes = repeats.div_ceil(REPEATS_PER_PASS).max(1);
    (0..passes)
        .map(|p| {
            let first = p == 0;
            let last = p + 1 == passes;
            let timestamp_writes = queries.filter(|_| first || last).map(|query_set| {
                wgpu::ComputePassTimestampWrites {
                    query_set,
                    beginning_of_pass_write_index: first.then_some(0),
                    end_of_pass_write_index: last.then_some(1),
                }
            });
            let mut encoder = ctx.device.create_command_encoder(&Default::default());
            {
                let mut pass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
                    label: Some("timed work"),
                    timestamp_writes,
                });
                let done = p * REPEATS_PER_PASS;
                for _ in done..repeats.min(done + REPEATS_PER_PASS) {
                    work.record(&mut pass);
                }
            }
            encoder.finish()
        })
        .collect()
}
