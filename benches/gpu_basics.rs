//! GPU computing I: what moving data to and from the GPU costs, and how close
//! the element-wise kernels come to the device's own copy bandwidth.
//!
//! - `gpu/transfer/{upload,read-back}/<bytes>`: a new buffer filled from host
//!   memory (`GpuContext::upload`), and a resident buffer copied back to host
//!   memory (`GpuContext::read_back`), exactly as the examples do it.
//! - `gpu/elementwise/{copy,add,sqdiff}/<n>`: `copy_buffer_to_buffer` of n
//!   floats on the device, and the `add` and `sqdiff` kernels, all on data
//!   already resident on the device: each iteration submits the work and
//!   waits for it, with no transfer. The kernels' buffers are bound once,
//!   outside the timing, so an iteration is one dispatch, as for the copy.
//!   Bytes count what is read plus written (8 n for the copy, 12 n for the
//!   kernels), so the throughput table compares them with the copy directly.
//!
//! Sizes: 256 KiB, 4 MiB and 64 MiB per array, and sizes beyond every cache
//! (`beyond_cache_sizes`): 256 MiB and 1 GiB per array on a real GPU (four
//! times the largest GPU cache); on a software adapter four times the
//! host's largest cache, at most 256 MiB, in the full run only.
//!
//! Without any adapter it prints `SKIPPED: no GPU adapter` and measures
//! nothing. Under `cargo xtask bench` it also writes the adapter's name to
//! `$COURSE_BENCH_OUT/gpu-adapter.json`, which the pages show with
//! `{{#results gpu}}`.
#[path = "shared/gpu_adapter.rs"]
mod gpu_adapter;

use criterion::{BenchmarkId, Criterion, Throughput};
use gpu::{Elementwise, GpuContext, GpuError};
use gpu_adapter::{beyond_cache_sizes, record_adapter};
use std::process::ExitCode;

/// Floats per array when measuring: 256 KiB, 4 MiB and 64 MiB per array,
/// then the sizes beyond every cache.
const SIZES: [usize; 3] = [1 << 16, 1 << 20, 1 << 24];
/// `cargo test --benches` runs each benchmark once: small arrays suffice.
const TEST_SIZES: [usize; 2] = [1 << 10, 1 << 16];

fn main() -> ExitCode {
    let measuring =
        std::env::args().any(|a| a == "--bench") && !std::env::args().any(|a| a == "--test");
    let ctx = match GpuContext::new() {
        Ok(ctx) => ctx,
        Err(GpuError::NoAdapter) => {
            eprintln!("SKIPPED: no GPU adapter");
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!("error: gpu_basics: {error}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!("gpu_basics: adapter {}", ctx.describe());
    if measuring && let Err(error) = record_adapter(&ctx) {
        eprintln!("error: gpu_basics: {error}");
        return ExitCode::FAILURE;
    }
    let sizes: Vec<usize> = if measuring {
        let full = std::env::var("COURSE_BENCH_MODE").is_ok_and(|m| m == "full");
        let largest = SIZES[SIZES.len() - 1];
        let mut sizes = SIZES.to_vec();
        sizes.extend(
            beyond_cache_sizes(&ctx, full)
                .into_iter()
                .filter(|&n| n > largest),
        );
        sizes.dedup();
        sizes
    } else {
        TEST_SIZES.to_vec()
    };
    eprintln!("gpu_basics: floats per array {sizes:?}");
    let mut criterion = Criterion::default().configure_from_args();
    if let Err(error) = transfer(&mut criterion, &ctx, &sizes)
        .and_then(|()| elementwise(&mut criterion, &ctx, &sizes))
    {
        eprintln!("error: gpu_basics: {error}");
        return ExitCode::FAILURE;
    }
    criterion.final_summary();
    ExitCode::SUCCESS
}

fn values(n: usize) -> Vec<f32> {
    (0..n).map(|i| (i % 1000) as f32 * 0.5).collect()
}

/// Host → device and device → host, with the allocation the helpers do.
fn transfer(c: &mut Criterion, ctx: &GpuContext, sizes: &[usize]) -> Result<(), GpuError> {
    let mut group = c.benchmark_group("gpu/transfer");
    for &n in sizes {
        let data = values(n);
        let bytes = (n * size_of::<f32>()) as u64;
        group.throughput(Throughput::Bytes(bytes));
        group.bench_function(BenchmarkId::new("upload", bytes), |b| {
            b.iter(|| {
                let buffer = ctx.upload("x", &data).expect("upload");
                ctx.wait().expect("wait");
                buffer
            })
        });
        let resident = ctx.upload("x", &data)?;
        ctx.wait()?;
        group.bench_function(BenchmarkId::new("read-back", bytes), |b| {
            b.iter(|| ctx.read_back(&resident).expect("read back"))
        });
    }
    group.finish();
    Ok(())
}

/// Data resident on the device: a device-side copy against two kernels.
fn elementwise(c: &mut Criterion, ctx: &GpuContext, sizes: &[usize]) -> Result<(), GpuError> {
    let add = Elementwise::add(ctx)?;
    let sqdiff = Elementwise::sqdiff(ctx)?;
    let mut group = c.benchmark_group("gpu/elementwise");
    for &n in sizes {
        let a = ctx.upload("a", &values(n))?;
        let b = ctx.upload("b", &values(n))?;
        let out = ctx.zeroed::<f32>("out", n)?;
        ctx.wait()?;
        let array_bytes = (n * size_of::<f32>()) as u64;

        // One array read, one written.
        group.throughput(Throughput::Bytes(2 * array_bytes));
        group.bench_function(BenchmarkId::new("copy", n), |bench| {
            bench.iter(|| {
                let mut encoder = ctx.device.create_command_encoder(&Default::default());
                encoder.copy_buffer_to_buffer(&a, 0, &out, 0, array_bytes);
                ctx.queue.submit([encoder.finish()]);
                ctx.wait().expect("wait");
            })
        });
        // Two arrays read, one written.
        group.throughput(Throughput::Bytes(3 * array_bytes));
        for (name, kernel) in [("add", &add), ("sqdiff", &sqdiff)] {
            // Bound once: each iteration is a dispatch and a wait, no set-up.
            let bound = kernel.bind(ctx, &a, &b, &out)?;
            group.bench_function(BenchmarkId::new(name, n), |bench| {
                bench.iter(|| {
                    bound.submit(ctx);
                    ctx.wait().expect("wait");
                })
            });
        }
    }
    group.finish();
    Ok(())
}
