//! `GpuContext`: the few lines of wgpu set-up every GPU program of the course
//! needs, gathered in one place so the lessons can focus on the kernels.

use std::fmt;
use wgpu::util::DeviceExt;

/// Every storage buffer of the course can be read and written by kernels
/// (`STORAGE`), copied from (`COPY_SRC`, for read-back) and copied or written
/// into from the host (`COPY_DST`).
const STORAGE_USAGE: wgpu::BufferUsages = wgpu::BufferUsages::STORAGE
    .union(wgpu::BufferUsages::COPY_SRC)
    .union(wgpu::BufferUsages::COPY_DST);

/// Everything that can go wrong between "find a GPU" and "read the answer back".
/// Every message is one line, so a program can print it and exit, except a
/// shader's: a compiler diagnostic needs its source excerpt.
#[derive(Debug, Clone, PartialEq)]
pub enum GpuError {
    /// No Vulkan, Metal or DX12 adapter: no GPU and no software driver.
    NoAdapter,
    /// `WGPU_ADAPTER_NAME` asked for an adapter that is not there.
    NoSuchAdapter { wanted: String, found: Vec<String> },
    /// An adapter was found but refused to give us a device.
    NoDevice(String),
    /// The two input arrays of an element-wise operation differ in length.
    LengthMismatch { left: usize, right: usize },
    /// The data does not fit in one storage buffer on this device.
    TooLarge { bytes: u64, limit: u64 },
    /// The WGSL source did not compile or the pipeline was invalid.
    Shader(String),
    /// Waiting for the GPU or mapping a buffer for reading failed.
    Readback(String),
    /// An array was handed to a backend other than the one it lives on.
    WrongPlace(&'static str),
}

impl fmt::Display for GpuError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GpuError::NoAdapter => write!(
                f,
                "no GPU adapter found: install a Vulkan driver (on Debian/Ubuntu: \
                 apt install mesa-vulkan-drivers) or run on a machine with a GPU"
            ),
            GpuError::NoSuchAdapter { wanted, found } => write!(
                f,
                "no GPU adapter's name contains {wanted:?} (WGPU_ADAPTER_NAME); found: {}",
                found.join(", ")
            ),
            GpuError::NoDevice(why) => write!(f, "the GPU adapter gave no device: {why}"),
            GpuError::LengthMismatch { left, right } => {
                write!(f, "arrays differ in length: {left} and {right} elements")
            }
            GpuError::TooLarge { bytes, limit } => write!(
                f,
                "{bytes} bytes do not fit in one GPU storage buffer (this device allows {limit})"
            ),
            GpuError::Shader(why) => write!(f, "invalid compute shader: {why}"),
            GpuError::Readback(why) => write!(f, "reading results back from the GPU failed: {why}"),
            GpuError::WrongPlace(what) => write!(f, "array in the wrong place: {what}"),
        }
    }
}

impl std::error::Error for GpuError {}

impl GpuError {
    /// `Ok` when two inputs of an element-wise operation have one length.
    pub fn check_lengths(left: usize, right: usize) -> Result<(), GpuError> {
        match left == right {
            true => Ok(()),
            false => Err(GpuError::LengthMismatch { left, right }),
        }
    }
}

/// A connection to one GPU: the adapter (which GPU), the device (our
/// logical handle to it) and the queue (where we submit work).
pub struct GpuContext {
    pub adapter: wgpu::Adapter,
    pub device: wgpu::Device,
    pub queue: wgpu::Queue,
}

impl GpuContext {
    // ANCHOR: new
    /// Picks the most capable adapter and opens a device on it. wgpu is
    /// asynchronous (it also runs in browsers); `pollster` simply blocks.
    pub fn new() -> Result<GpuContext, GpuError> {
        GpuContext::with_features(wgpu::Features::empty())
    }

    /// The same, with optional features the adapter must support, such as
    /// `wgpu::Features::SHADER_F64` for `f64` in shaders.
    pub fn with_features(features: wgpu::Features) -> Result<GpuContext, GpuError> {
        let mut desc = wgpu::InstanceDescriptor::new_without_display_handle();
        desc.backends = wgpu::Backends::VULKAN | wgpu::Backends::METAL | wgpu::Backends::DX12;
        let instance = wgpu::Instance::new(desc);

        // `WGPU_ADAPTER_NAME=A100` picks an adapter by name (wgpu's own
        // helpers read the same variable); otherwise wgpu picks one.
        let adapter = match std::env::var("WGPU_ADAPTER_NAME") {
            Ok(wanted) if !wanted.trim().is_empty() => adapter_named(&instance, &wanted)?,
            _ => pollster::block_on(instance.request_adapter(&wgpu::RequestAdapterOptions {
                power_preference: wgpu::PowerPreference::HighPerformance,
                ..Default::default()
            }))
            .map_err(|_| GpuError::NoAdapter)?,
        };

        // Ask for everything the adapter offers, so large arrays fit.
        let (device, queue) = pollster::block_on(adapter.request_device(&wgpu::DeviceDescriptor {
            label: Some("course device"),
            required_features: features,
            required_limits: adapter.limits(),
            ..Default::default()
        }))
        .map_err(|e| GpuError::NoDevice(e.to_string()))?;

        Ok(GpuContext {
            adapter,
            device,
            queue,
        })
    }
    // ANCHOR_END: new

    pub fn adapter_info(&self) -> wgpu::AdapterInfo {
        self.adapter.get_info()
    }

    /// One line naming the adapter, e.g. `llvmpipe (...) (Cpu, Vulkan)`.
    pub fn describe(&self) -> String {
        let info = self.adapter_info();
        format!("{} ({:?}, {:?})", info.name, info.device_type, info.backend)
    }

    /// True for a software rasteriser such as Mesa's lavapipe: correct
    /// results, but timings say nothing about a real GPU.
    pub fn is_software(&self) -> bool {
        self.adapter_info().device_type == wgpu::DeviceType::Cpu
    }

    // ANCHOR: buffers
    /// Copies `data` into a new GPU storage buffer. `T` is any plain-old-data
    /// type (`f32`, `u32`, `i32`, `f64`, ...): bytemuck turns it into bytes.
    pub fn upload<T: bytemuck::Pod>(
        &self,
        label: &str,
        data: &[T],
    ) -> Result<wgpu::Buffer, GpuError> {
        self.check_fits::<T>(data.len())?;
        let buffer = self
            .device
            .create_buffer_init(&wgpu::util::BufferInitDescriptor {
                label: Some(label),
                contents: bytemuck::cast_slice(data),
                usage: STORAGE_USAGE,
            });
        // The data now sit in a staging buffer, and the copy to the GPU is
        // only queued: wgpu starts queued copies at the next submit. An empty
        // submit starts it now, so that `wait` waits for the transfer itself
        // (wgpu 30, `Queue::write_buffer` docs and wgpu-core's `Buffer::unmap`).
        self.queue.submit([]);
        Ok(buffer)
    }

    /// A storage buffer of `len` zeroed values of type `T`, for a kernel to
    /// write into.
    pub fn zeroed<T: bytemuck::Pod>(
        &self,
        label: &str,
        len: usize,
    ) -> Result<wgpu::Buffer, GpuError> {
        let size = self.check_fits::<T>(len)?;
        Ok(self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size,
            usage: STORAGE_USAGE,
            mapped_at_creation: false,
        }))
    }
    // ANCHOR_END: buffers

    /// [`upload`](Self::upload) for `f32`, the type of most kernels here.
    pub fn storage_buffer(&self, label: &str, data: &[f32]) -> Result<wgpu::Buffer, GpuError> {
        self.upload(label, data)
    }

    /// [`zeroed`](Self::zeroed) for `f32`.
    pub fn output_buffer(&self, label: &str, len: usize) -> Result<wgpu::Buffer, GpuError> {
        self.zeroed::<f32>(label, len)
    }

    /// The size in bytes of `len` values of `T`, if one storage buffer can
    /// hold them.
    fn check_fits<T>(&self, len: usize) -> Result<u64, GpuError> {
        let bytes = (len as u64).saturating_mul(size_of::<T>() as u64);
        let limits = self.device.limits();
        let limit = limits
            .max_storage_buffer_binding_size
            .min(limits.max_buffer_size);
        if bytes > limit {
            return Err(GpuError::TooLarge { bytes, limit });
        }
        Ok(bytes)
    }

    // ANCHOR: pipeline
    /// Compiles WGSL `source` and builds a compute pipeline for `entry_point`.
    /// `layout: None` lets wgpu derive the bindings from the shader itself.
    pub fn compute_pipeline(
        &self,
        source: &str,
        entry_point: &str,
    ) -> Result<wgpu::ComputePipeline, GpuError> {
        // Without an error scope a WGSL mistake would panic inside wgpu;
        // with one it becomes an ordinary `Err`.
        let scope = self.device.push_error_scope(wgpu::ErrorFilter::Validation);
        let module = self
            .device
            .create_shader_module(wgpu::ShaderModuleDescriptor {
                label: Some(entry_point),
                source: wgpu::ShaderSource::Wgsl(source.into()),
            });
        let pipeline = self
            .device
            .create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
                label: Some(entry_point),
                layout: None,
                module: &module,
                entry_point: Some(entry_point),
                compilation_options: Default::default(),
                cache: None,
            });
        match pollster::block_on(scope.pop()) {
            None => Ok(pipeline),
            Some(error) => Err(GpuError::Shader(error.to_string())),
        }
    }
    // ANCHOR_END: pipeline

    // ANCHOR: dispatch
    /// Queues `workgroups` workgroups of `pipeline`, with `buffers` bound to
    /// `@binding(0)`, `@binding(1)`, ... of `@group(0)`, in that order. It
    /// returns at once: the GPU works while the CPU carries on.
    pub fn dispatch(
        &self,
        pipeline: &wgpu::ComputePipeline,
        buffers: &[&wgpu::Buffer],
        workgroups: u32,
    ) -> Result<(), GpuError> {
        let bindings = self.bind_group(pipeline, buffers)?;
        let mut encoder = self.device.create_command_encoder(&Default::default());
        {
            let mut pass = encoder.begin_compute_pass(&Default::default());
            pass.set_pipeline(pipeline);
            pass.set_bind_group(0, &bindings, &[]);
            pass.dispatch_workgroups(workgroups, 1, 1);
        }
        self.queue.submit([encoder.finish()]);
        Ok(())
    }

    /// Binds `buffers` to `@binding(0)`, `@binding(1)`, ... of `pipeline`'s
    /// `@group(0)`, once, for kernels that run again and again.
    pub fn bind_group(
        &self,
        pipeline: &wgpu::ComputePipeline,
        buffers: &[&wgpu::Buffer],
    ) -> Result<wgpu::BindGroup, GpuError> {
        let entries: Vec<wgpu::BindGroupEntry> = (0..)
            .zip(buffers)
            .map(|(binding, buffer)| wgpu::BindGroupEntry {
                binding,
                resource: buffer.as_entire_binding(),
            })
            .collect();
        // Buffers that do not match the kernel's bindings (a binding the
        // kernel never uses is dropped from its layout!) become an `Err`.
        let scope = self.device.push_error_scope(wgpu::ErrorFilter::Validation);
        let bindings = self.device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: None,
            layout: &pipeline.get_bind_group_layout(0),
            entries: &entries,
        });
        match pollster::block_on(scope.pop()) {
            None => Ok(bindings),
            Some(error) => Err(GpuError::Shader(error.to_string())),
        }
    }

    /// Blocks until the GPU has finished all the work queued so far.
    pub fn wait(&self) -> Result<(), GpuError> {
        self.device
            .poll(wgpu::PollType::wait_indefinitely())
            .map(|_| ())
            .map_err(|e| GpuError::Readback(e.to_string()))
    }
    // ANCHOR_END: dispatch

    // ANCHOR: read_back
    /// Copies a GPU buffer of `f32`s back into host memory.
    pub fn read_back(&self, buffer: &wgpu::Buffer) -> Result<Vec<f32>, GpuError> {
        self.read_back_as(buffer)
    }

    /// Copies a GPU buffer of any plain-old-data type back into host memory.
    /// The GPU cannot hand us its storage buffers directly: we copy into a
    /// "staging" buffer the CPU may map, wait for the GPU to finish, then
    /// read the mapping.
    pub fn read_back_as<T: bytemuck::Pod>(
        &self,
        buffer: &wgpu::Buffer,
    ) -> Result<Vec<T>, GpuError> {
        let staging = self.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("staging"),
            size: buffer.size(),
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let mut encoder = self.device.create_command_encoder(&Default::default());
        encoder.copy_buffer_to_buffer(buffer, 0, &staging, 0, buffer.size());
        self.queue.submit([encoder.finish()]);

        // Mapping is asynchronous: the callback runs during `poll` once the
        // copy has finished, and hands its result over the channel.
        let (sender, receiver) = std::sync::mpsc::channel();
        staging.map_async(wgpu::MapMode::Read, .., move |result| {
            let _ = sender.send(result);
        });
        let failed = |e: &dyn fmt::Display| GpuError::Readback(e.to_string());
        self.device
            .poll(wgpu::PollType::wait_indefinitely())
            .map_err(|e| failed(&e))?;
        receiver
            .recv()
            .map_err(|e| failed(&e))?
            .map_err(|e| failed(&e))?;

        let bytes = staging.get_mapped_range(..).map_err(|e| failed(&e))?;
        // Copy into a `Vec<T>` (aligned for `T`, unlike a byte slice).
        let mut values = vec![T::zeroed(); bytes.len() / size_of::<T>()];
        bytemuck::cast_slice_mut(&mut values).copy_from_slice(&bytes);
        drop(bytes);
        staging.unmap();
        Ok(values)
    }
    // ANCHOR_END: read_back
}

/// The first adapter whose name contains `wanted`, ignoring case.
fn adapter_named(instance: &wgpu::Instance, wanted: &str) -> Result<wgpu::Adapter, GpuError> {
    let adapters = pollster::block_on(instance.enumerate_adapters(wgpu::Backends::all()));
    let names: Vec<String> = adapters.iter().map(|a| a.get_info().name).collect();
    match names
        .iter()
        .position(|name| name.to_lowercase().contains(&wanted.trim().to_lowercase()))
    {
        Some(at) => adapters.into_iter().nth(at).ok_or(GpuError::NoAdapter),
        None if names.is_empty() => Err(GpuError::NoAdapter),
        None => Err(GpuError::NoSuchAdapter {
            wanted: wanted.to_string(),
            found: names,
        }),
    }
}

/// The context for a GPU test, or `None` when the test should be skipped.
///
/// The rule: with no adapter and `COURSE_SKIP_GPU` set (the course pipeline
/// sets it, with the reason, when set-up found no Vulkan driver), print
/// `SKIPPED: <reason>` and skip; with no adapter and the variable unset,
/// fail with the one-line `NoAdapter` message, so a missing driver is never
/// silently mistaken for a pass.
#[track_caller]
pub fn test_context() -> Option<GpuContext> {
    match GpuContext::new() {
        Ok(ctx) => Some(ctx),
        Err(GpuError::NoAdapter) => match std::env::var("COURSE_SKIP_GPU") {
            Ok(reason) => {
                let reason = if reason.trim().is_empty() {
                    "no GPU adapter"
                } else {
                    &reason
                };
                // Straight to the process's stderr, not `eprintln!`: the test
                // harness captures the macros' output of passing tests, and a
                // skip must be seen. The caller says which test skipped.
                let at = std::panic::Location::caller();
                let line = format!("SKIPPED: {reason} ({}:{})\n", at.file(), at.line());
                let _ = std::io::Write::write_all(&mut std::io::stderr(), line.as_bytes());
                None
            }
            Err(_) => panic!("{}", GpuError::NoAdapter),
        },
        Err(other) => panic!("{other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::GpuError;

    #[test]
    fn error_messages_other_than_shader_diagnostics_are_one_line() {
        let errors = [
            GpuError::NoAdapter,
            GpuError::NoDevice("x".into()),
            GpuError::NoSuchAdapter {
                wanted: "x".into(),
                found: vec!["a".into(), "b".into()],
            },
            GpuError::LengthMismatch { left: 3, right: 4 },
            GpuError::TooLarge { bytes: 8, limit: 4 },
            GpuError::Readback("x".into()),
            GpuError::WrongPlace("x"),
        ];
        for error in errors {
            let message = error.to_string();
            assert!(
                !message.is_empty() && !message.contains('\n'),
                "{message:?}"
            );
        }
    }

    #[test]
    fn no_adapter_message_says_what_to_install() {
        assert_eq!(
            GpuError::NoAdapter.to_string(),
            "no GPU adapter found: install a Vulkan driver (on Debian/Ubuntu: \
             apt install mesa-vulkan-drivers) or run on a machine with a GPU"
        );
    }
}
