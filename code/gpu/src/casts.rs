//! Where GPUs differ: converting floats to integers.

use crate::elementwise::workgroups_for;
use crate::{GpuContext, GpuError};

const CASTS_WGSL: &str = include_str!("casts.wgsl");

/// `i32(x)` and `u32(x)` of every element, computed by a WGSL kernel.
pub fn float_to_int_gpu(ctx: &GpuContext, x: &[f32]) -> Result<(Vec<i32>, Vec<u32>), GpuError> {
    if x.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let pipeline = ctx.compute_pipeline(CASTS_WGSL, "casts")?;
    let x_gpu = ctx.upload("x", x)?;
    let as_i32 = ctx.zeroed::<i32>("as_i32", x.len())?;
    let as_u32 = ctx.zeroed::<u32>("as_u32", x.len())?;
    ctx.dispatch(
        &pipeline,
        &[&x_gpu, &as_i32, &as_u32],
        workgroups_for(x.len()),
    )?;
    Ok((ctx.read_back_as(&as_i32)?, ctx.read_back_as(&as_u32)?))
}

// ANCHOR: spec
/// What the WGSL specification (§15.7.6) requires of `i32(x)`: round toward
/// zero, and clamp to the range of `i32`, using the bounds an `f32` can hold
/// (the largest is 2 147 483 520, not 2 147 483 647). `None` where the result
/// is indeterminate: for NaN, and for infinities, which a GPU may assume
/// never occur (§15.7.2, "Finite Math Assumption").
pub fn wgsl_i32(x: f32) -> Option<i32> {
    x.is_finite().then(|| {
        // The largest f32 below 2³¹, and -2³¹ (which an f32 holds exactly).
        x.trunc().clamp(-2_147_483_648.0, 2_147_483_520.0) as i32
    })
}

/// The same for `u32(x)`: clamp to [0, 4 294 967 040].
pub fn wgsl_u32(x: f32) -> Option<u32> {
    x.is_finite()
        .then(|| x.trunc().clamp(0.0, 4_294_967_040.0) as u32)
}
// ANCHOR_END: spec

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_examples_hold() {
        // The examples the WGSL specification gives in §15.7.6.
        assert_eq!(wgsl_u32(3.9), Some(3));
        assert_eq!(wgsl_u32(-1.0), Some(0));
        assert_eq!(wgsl_u32(1e20), Some(4_294_967_040));
        assert_eq!(wgsl_i32(-3.9), Some(-3));
        assert_eq!(wgsl_i32(1e20), Some(2_147_483_520));
        assert_eq!(wgsl_i32(-1e20), Some(i32::MIN));
        assert_eq!(wgsl_i32(f32::NAN), None);
        assert_eq!(wgsl_u32(f32::INFINITY), None);
    }

    #[test]
    fn the_bounds_are_the_largest_floats_in_range() {
        assert_eq!(2_147_483_520.0f32 as f64, 2_147_483_520.0);
        assert!(f32::from_bits(2_147_483_520.0f32.to_bits() + 1) as f64 > i32::MAX as f64);
        assert!(f32::from_bits(4_294_967_040.0f32.to_bits() + 1) as f64 > u32::MAX as f64);
    }
}
