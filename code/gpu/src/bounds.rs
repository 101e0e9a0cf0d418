//! Where GPUs differ: an index past the end of an array is no crash.

use crate::{GpuContext, GpuError};

const BOUNDS_WGSL: &str = include_str!("bounds.wgsl");

/// What the `out_of_bounds` kernel did.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundsReport {
    /// `loaded[i]`: what reading `data[index[i]]` gave.
    pub loaded: Vec<f32>,
    /// `written` after every invocation `i` wrote `100 + i` to `written[index[i]]`.
    pub written: Vec<f32>,
}

/// Runs `bounds.wgsl`: reads `data` and writes into a copy of `written` at
/// every index in `index`, in range or not. The kernel runs one workgroup of
/// 64 invocations, so `index` may hold at most 64 entries.
pub fn out_of_bounds(
    ctx: &GpuContext,
    data: &[f32],
    written: &[f32],
    index: &[u32],
) -> Result<BoundsReport, GpuError> {
    assert!(
        !data.is_empty() && !written.is_empty() && (1..=64).contains(&index.len()),
        "a small demo: non-empty arrays and 1 to 64 indices"
    );
    let pipeline = ctx.compute_pipeline(BOUNDS_WGSL, "out_of_bounds")?;
    let data_gpu = ctx.upload("data", data)?;
    let index_gpu = ctx.upload("index", index)?;
    let loaded_gpu = ctx.zeroed::<f32>("loaded", index.len())?;
    let written_gpu = ctx.upload("written", written)?;
    ctx.dispatch(
        &pipeline,
        &[&data_gpu, &index_gpu, &loaded_gpu, &written_gpu],
        1,
    )?;
    Ok(BoundsReport {
        loaded: ctx.read_back(&loaded_gpu)?,
        written: ctx.read_back(&written_gpu)?,
    })
}

// ANCHOR: allowed
/// Whether `value`, read from `data` at an index past its end, is a result
/// the WGSL specification allows (§6.4.6): a value from anywhere in the
/// buffer, or zero.
pub fn allowed_out_of_bounds_read(value: f32, data: &[f32]) -> bool {
    value == 0.0 || data.contains(&value)
}
// ANCHOR_END: allowed

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_out_of_bounds_read_may_give_zero_or_any_element() {
        let data = [10.0, 11.0];
        assert!(allowed_out_of_bounds_read(0.0, &data));
        assert!(allowed_out_of_bounds_read(11.0, &data));
        assert!(!allowed_out_of_bounds_read(12.0, &data));
    }
}
