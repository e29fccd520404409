//! Where the canonical kernels run: CPU threads or a CUDA GPU. The bits of
//! every result are the same on each; only the speed differs.
//!
//! Tensors stay in host memory on both. candle's own CUDA backend would keep
//! them on the device, but building it needs nvcc and the CUDA toolkit at
//! compile time, which CI and most users lack; our kernels are compiled at
//! run time by NVRTC instead, so each GPU op copies its operands over and
//! its result back.

use gensyn_kernels::cuda::{Gpu, GpuError};
use std::sync::Arc;

/// The compute device of a training run.
#[derive(Clone)]
pub enum Backend {
    /// The fast CPU paths on this many threads.
    Cpu {
        /// Worker threads (≥ 1).
        threads: usize,
    },
    /// The CUDA kernels on GPU 0.
    Cuda(Arc<Gpu>),
}

impl Backend {
    /// The CPU on `threads` threads (at least one).
    pub fn cpu(threads: usize) -> Self {
        Backend::Cpu { threads: threads.max(1) }
    }

    /// GPU 0, or why it cannot be used (no libcuda, no libnvrtc, no device).
    pub fn cuda() -> Result<Self, GpuError> {
        Ok(Backend::Cuda(Arc::new(Gpu::new()?)))
    }

    /// CPU threads for work that stays on the host (the traced run's
    /// canonical program, hashing): the backend's own on a CPU, the
    /// machine's (`GENSYN_THREADS`) beside a GPU.
    pub fn threads(&self) -> usize {
        match self {
            Backend::Cpu { threads } => *threads,
            Backend::Cuda(_) => gensyn_kernels::cpu::default_threads(),
        }
    }

    /// A human description, e.g. `cpu (2 threads)` or `cuda (NVIDIA H200)`.
    pub fn describe(&self) -> String {
        match self {
            Backend::Cpu { threads } => format!("cpu ({threads} threads)"),
            Backend::Cuda(gpu) => format!("cuda ({})", gpu.name()),
        }
    }
}

impl std::fmt::Debug for Backend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Backend::Cpu { threads } => f.debug_struct("Cpu").field("threads", threads).finish(),
            Backend::Cuda(_) => f.write_str("Cuda"),
        }
    }
}
