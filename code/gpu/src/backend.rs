//! CPU/GPU-agnostic code: one trait, two implementations, and the choice
//! between them made at run time. Code written against the trait runs
//! unchanged on either.

use crate::matmul::{Kernel, matmul, matmul_cpu};
use crate::reduce::{Reducer, l2_norm_cpu, sum_cpu};
use crate::{GpuContext, GpuError};

// ANCHOR: trait
/// The operations our numerical code needs, wherever they run.
pub trait Backend {
    /// A short description for the user, e.g. `cpu` or `gpu: <adapter>`.
    fn name(&self) -> String;
    fn sum(&self, x: &[f32]) -> Result<f32, GpuError>;
    fn l2_norm(&self, x: &[f32]) -> Result<f32, GpuError>;
    /// C = A · B for row-major A (m × k) and B (k × n).
    fn matmul(
        &self,
        a: &[f32],
        b: &[f32],
        shape: (usize, usize, usize),
    ) -> Result<Vec<f32>, GpuError>;
}
// ANCHOR_END: trait

// ANCHOR: impls
/// Runs everything on this CPU; it never fails.
pub struct Cpu;

impl Backend for Cpu {
    fn name(&self) -> String {
        "cpu".to_string()
    }
    fn sum(&self, x: &[f32]) -> Result<f32, GpuError> {
        Ok(sum_cpu(x))
    }
    fn l2_norm(&self, x: &[f32]) -> Result<f32, GpuError> {
        Ok(l2_norm_cpu(x))
    }
    fn matmul(
        &self,
        a: &[f32],
        b: &[f32],
        shape: (usize, usize, usize),
    ) -> Result<Vec<f32>, GpuError> {
        Ok(matmul_cpu(a, b, shape))
    }
}

/// Runs everything on a GPU; the kernels are compiled once, up front.
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
}

impl Backend for Gpu {
    fn name(&self) -> String {
        format!("gpu: {}", self.ctx.describe())
    }
    fn sum(&self, x: &[f32]) -> Result<f32, GpuError> {
        self.sum.reduce(&self.ctx, x)
    }
    fn l2_norm(&self, x: &[f32]) -> Result<f32, GpuError> {
        Ok(self.sum_of_squares.reduce(&self.ctx, x)?.sqrt())
    }
    fn matmul(
        &self,
        a: &[f32],
        b: &[f32],
        shape: (usize, usize, usize),
    ) -> Result<Vec<f32>, GpuError> {
        matmul(&self.ctx, Kernel::Tiled, a, b, shape)
    }
}
// ANCHOR_END: impls

/// What the user asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Cpu,
    Gpu,
    /// The GPU when there is a real one, else the CPU.
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
/// The backend for `choice`, and why it was picked. `Gpu` without an
/// adapter is an error; `Auto` falls back to the CPU when there is no
/// adapter, or only a software one (a CPU posing as a GPU is slower than
/// the CPU itself).
pub fn choose(choice: Choice) -> Result<(Box<dyn Backend>, String), GpuError> {
    let gpu = match choice {
        Choice::Cpu => return Ok((Box::new(Cpu), "asked for".into())),
        Choice::Gpu => GpuContext::new()?,
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
    let why = if choice == Choice::Auto {
        "auto: a hardware GPU"
    } else {
        "asked for"
    };
    Ok((Box::new(Gpu::new(gpu)?), why.into()))
}
// ANCHOR_END: choose

// ANCHOR: agnostic
/// Mean and root mean square of `x`: written once, runs on any backend.
pub fn mean_and_rms(backend: &dyn Backend, x: &[f32]) -> Result<(f32, f32), GpuError> {
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
        let (mean, rms) = mean_and_rms(&Cpu, &[1.0, -1.0, 1.0, -1.0]).unwrap();
        assert_eq!((mean, rms), (0.0, 1.0));
        assert_eq!(Cpu.name(), "cpu");
    }
}
