//! Shared by the GPU benchmarks (`#[path]`-included): tells `cargo xtask
//! bench` which adapter the numbers come from, in the form of the
//! pipeline's `results::GpuAdapter`, which the pages show with
//! `{{#results gpu}}`.

use gpu::GpuContext;

pub fn record_adapter(ctx: &GpuContext) -> Result<(), String> {
    let info = ctx.adapter_info();
    let adapter = serde_json::json!({
        "name": info.name,
        "device_type": format!("{:?}", info.device_type),
        "backend": format!("{:?}", info.backend),
        "software": ctx.is_software(),
    });
    testkit::external::write_file("gpu-adapter.json", &(adapter.to_string() + "\n"))
}
