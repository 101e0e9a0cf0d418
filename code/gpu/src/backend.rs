//! CPU/GPU-agnostic code: one trait, two implementations, and the choice
//! between them made at run time. Code written against the trait runs
//! unchanged on either.

use crate::matmul::{Kernel, Product, matmul_cpu};
use crate::reduce::{Reducer, l2_norm_cpu, sum_cpu};
use crate::timing::best_of;
use crate::{GpuContext, GpuError};
use std::time::{Duration, Instant};

// ANCHOR: trait
/// An array of `f32` that lives where a backend computes: host memory for
/// the CPU, a storage buffer for the GPU. Like a CuPy array, it stays there
/// between calls; only [`Backend::to_device`] and [`Backend::to_host`] move it.
pub struct Array {
    len: usize,
    place: Place,
}

enum Place {
    Host(Vec<f32>),
    Device(wgpu::Buffer),
}

impl Array {
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The operations our numerical code needs, wherever they run.
pub trait Backend {
    /// A short description for the user, e.g. `cpu` or `gpu: <adapter>`.
    fn name(&self) -> String;
    /// Copies `x` to where this backend computes (CuPy: `cupy.asarray`).
    fn to_device(&self, x: &[f32]) -> Result<Array, GpuError>;
    /// Copies an array back to host memory (CuPy: `cupy.asnumpy`).
    fn to_host(&self, x: &Array) -> Result<Vec<f32>, GpuError>;
    fn sum(&self, x: &Array) -> Result<f32, GpuError>;
    fn l2_norm(&self, x: &Array) -> Result<f32, GpuError>;
    /// C = A · B for row-major A (m × k) and B (k × n); C stays here too.
    fn matmul(&self, a: &Array, b: &Array, shape: (usize, usize, usize))
    -> Result<Array, GpuError>;
}
// ANCHOR_END: trait

/// The host values of `x`, or an error naming the mix-up when `x` lives on
/// a GPU (an empty array lives nowhere in particular).
fn on_host(x: &Array) -> Result<&[f32], GpuError> {
    match &x.place {
        Place::Host(values) => Ok(values),
        Place::Device(_) => Err(GpuError::WrongPlace(
            "a GPU array was given to the CPU backend",
        )),
    }
}

/// The buffer of `x`, or an error when `x` lives in host memory.
fn on_device(x: &Array) -> Result<&wgpu::Buffer, GpuError> {
    match &x.place {
        Place::Device(buffer) => Ok(buffer),
        Place::Host(_) => Err(GpuError::WrongPlace(
            "a host array was given to the GPU backend: move it with to_device first",
        )),
    }
}

/// An array of no elements: WebGPU has no empty buffers, so it stays a host
/// array, which every backend accepts.
fn empty() -> Array {
    Array {
        len: 0,
        place: Place::Host(Vec::new()),
    }
}

// ANCHOR: impls
/// Runs everything on this CPU; "moving" an array is a copy in host memory.
pub struct Cpu;

impl Backend for Cpu {
    fn name(&self) -> String {
        "cpu".to_string()
    }
    fn to_device(&self, x: &[f32]) -> Result<Array, GpuError> {
        let place = Place::Host(x.to_vec());
        Ok(Array {
            len: x.len(),
            place,
        })
    }
    fn to_host(&self, x: &Array) -> Result<Vec<f32>, GpuError> {
        Ok(on_host(x)?.to_vec())
    }
    fn sum(&self, x: &Array) -> Result<f32, GpuError> {
        Ok(sum_cpu(on_host(x)?))
    }
    fn l2_norm(&self, x: &Array) -> Result<f32, GpuError> {
        Ok(l2_norm_cpu(on_host(x)?))
    }
    fn matmul(
        &self,
        a: &Array,
        b: &Array,
        shape: (usize, usize, usize),
    ) -> Result<Array, GpuError> {
        let c = matmul_cpu(on_host(a)?, on_host(b)?, shape);
        Ok(Array {
            len: c.len(),
            place: Place::Host(c),
        })
    }
}

/// Runs everything on a GPU; the kernels are compiled once, up front, and
/// arrays stay in GPU memory between calls.
pub struct Gpu {
    ctx: GpuContext,
    sum: Reducer,
    sum_of_squares: Reducer,
}

impl Gpu {
    pub fn new(ctx: GpuContext) -> Result<Gpu, GpuError> {
        Ok(Gpu {
            sum: Reducer::sum(&ctx)?,
            sum_of_squares: Reducer::sum_of_squares(&ctx)?,
            ctx,
        })
    }

    /// Reduces `x` where it lies: only the one-number result comes back.
    fn reduce(&self, reducer: &Reducer, x: &Array) -> Result<f32, GpuError> {
        if x.is_empty() {
            return Ok(0.0);
        }
        reducer
            .prepare(&self.ctx, on_device(x)?, x.len)?
            .run(&self.ctx)
    }
}

impl Backend for Gpu {
    fn name(&self) -> String {
        format!("gpu: {}", self.ctx.describe())
    }
    fn to_device(&self, x: &[f32]) -> Result<Array, GpuError> {
        if x.is_empty() {
            return Ok(empty());
        }
        let buffer = self.ctx.storage_buffer("array", x)?;
        Ok(Array {
            len: x.len(),
            place: Place::Device(buffer),
        })
    }
    fn to_host(&self, x: &Array) -> Result<Vec<f32>, GpuError> {
        if x.is_empty() {
            return Ok(Vec::new());
        }
        self.ctx.read_back(on_device(x)?)
    }
    fn sum(&self, x: &Array) -> Result<f32, GpuError> {
        self.reduce(&self.sum, x)
    }
    fn l2_norm(&self, x: &Array) -> Result<f32, GpuError> {
        Ok(self.reduce(&self.sum_of_squares, x)?.sqrt())
    }
    fn matmul(
        &self,
        a: &Array,
        b: &Array,
        (m, k, n): (usize, usize, usize),
    ) -> Result<Array, GpuError> {
        assert_eq!(a.len, m * k, "A must be {m} × {k}");
        assert_eq!(b.len, k * n, "B must be {k} × {n}");
        if m == 0 || n == 0 {
            return Ok(empty());
        }
        if k == 0 {
            return self.to_device(&vec![0.0; m * n]); // an empty sum
        }
        let product = Product::new(
            &self.ctx,
            Kernel::Tiled,
            on_device(a)?,
            on_device(b)?,
            (m, k, n),
        )?;
        Ok(Array {
            len: m * n,
            place: Place::Device(product.submit(&self.ctx)),
        })
    }
}
// ANCHOR_END: impls

/// What the user asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Cpu,
    Gpu,
    /// The GPU when there is a real one and the problem is at least as
    /// large as the measured crossover, else the CPU.
    Auto,
}

impl std::str::FromStr for Choice {
    type Err = String;
    fn from_str(text: &str) -> Result<Choice, String> {
        match text {
            "cpu" => Ok(Choice::Cpu),
            "gpu" => Ok(Choice::Gpu),
            "auto" => Ok(Choice::Auto),
            other => Err(format!("unknown backend {other:?} (use cpu, gpu or auto)")),
        }
    }
}

// ANCHOR: choose
/// The backend for `choice` and a problem of `n` elements, and why it was
/// picked. `Gpu` without an adapter is an error. `Auto` takes the CPU when
/// there is no adapter or only a software one (a CPU posing as a GPU is
/// slower than the CPU itself); on a real GPU it measures where the GPU
/// starts to win, and takes it only for problems at least that large.
pub fn choose(choice: Choice, n: usize) -> Result<(Box<dyn Backend>, String), GpuError> {
    let ctx = match choice {
        Choice::Cpu => return Ok((Box::new(Cpu), "asked for".into())),
        Choice::Gpu => return Ok((Box::new(Gpu::new(GpuContext::new()?)?), "asked for".into())),
        Choice::Auto => match GpuContext::new() {
            Err(GpuError::NoAdapter) => return Ok((Box::new(Cpu), "auto: no GPU adapter".into())),
            Err(other) => return Err(other),
            Ok(ctx) if ctx.is_software() => {
                let why = format!("auto: the only adapter, {}, is software", ctx.describe());
                return Ok((Box::new(Cpu), why));
            }
            Ok(ctx) => ctx,
        },
    };
    if n < SMALLEST_MEASURED {
        let why = format!("auto: {n} < {SMALLEST_MEASURED}, the smallest size worth measuring");
        return Ok((Box::new(Cpu), why));
    }
    let gpu = Gpu::new(ctx)?;
    let crossover = measure_crossover(&gpu, n)?;
    let why = match crossover {
        Some(at) if n >= at => format!("auto: {n} ≥ {at}, the measured crossover"),
        Some(at) => format!("auto: {n} < {at}, the measured crossover"),
        None => format!("auto: the GPU did not win up to {n}"),
    };
    if crossover.is_some_and(|at| n >= at) {
        Ok((Box::new(gpu), why))
    } else {
        Ok((Box::new(Cpu), why))
    }
}
// ANCHOR_END: choose

/// Below this many elements `auto` takes the CPU without measuring: one
/// submission and read-back alone typically cost more than the CPU's sum.
const SMALLEST_MEASURED: usize = 1 << 12;

/// The smallest size at which [`mean_and_rms`], counting the one upload,
/// is faster on `gpu` than on the CPU, trying powers of four from 4096 up
/// to `n` (at most 2²⁴: a GPU that wins there wins beyond), fastest of
/// three runs each; `None` if the GPU never wins.
pub fn measure_crossover(gpu: &Gpu, n: usize) -> Result<Option<usize>, GpuError> {
    let fastest = |backend: &dyn Backend, x: &[f32]| -> Result<Duration, GpuError> {
        best_of(3, || {
            let start = Instant::now();
            std::hint::black_box(mean_and_rms(backend, &backend.to_device(x)?)?);
            Ok(start.elapsed())
        })
    };
    let largest = n.min(1 << 24);
    let mut size = SMALLEST_MEASURED;
    while size <= largest {
        let x: Vec<f32> = (0..size).map(|i| (i % 4) as f32).collect();
        if fastest(gpu, &x)? < fastest(&Cpu, &x)? {
            return Ok(Some(size));
        }
        size *= 4;
    }
    Ok(None)
}

// ANCHOR: agnostic
/// Mean and root mean square of `x`: written once, runs on any backend,
/// with `x` already where that backend computes.
pub fn mean_and_rms(backend: &dyn Backend, x: &Array) -> Result<(f32, f32), GpuError> {
    let n = x.len() as f32;
    let mean = backend.sum(x)? / n;
    let rms = backend.l2_norm(x)? / n.sqrt();
    Ok((mean, rms))
}
// ANCHOR_END: agnostic

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_parse_and_typos_say_what_is_allowed() {
        assert_eq!("cpu".parse(), Ok(Choice::Cpu));
        assert_eq!("gpu".parse(), Ok(Choice::Gpu));
        assert_eq!("auto".parse(), Ok(Choice::Auto));
        assert_eq!(
            "tpu".parse::<Choice>(),
            Err("unknown backend \"tpu\" (use cpu, gpu or auto)".to_string())
        );
    }

    #[test]
    fn the_cpu_backend_computes_mean_and_rms() {
        let x = Cpu.to_device(&[1.0, -1.0, 1.0, -1.0]).unwrap();
        let (mean, rms) = mean_and_rms(&Cpu, &x).unwrap();
        assert_eq!((mean, rms), (0.0, 1.0));
        assert_eq!(Cpu.name(), "cpu");
        assert_eq!(Cpu.to_host(&x).unwrap(), [1.0, -1.0, 1.0, -1.0]);
    }

    #[test]
    fn the_cpu_backend_keeps_a_product_in_host_memory() {
        let a = Cpu.to_device(&[1.0, 2.0, 3.0, 4.0]).unwrap();
        let b = Cpu.to_device(&[5.0, 6.0, 7.0, 8.0]).unwrap();
        let c = Cpu.matmul(&a, &b, (2, 2, 2)).unwrap();
        assert_eq!(Cpu.to_host(&c).unwrap(), [19.0, 22.0, 43.0, 50.0]);
    }
}
