//! The CUDA kernels (`kernels/cuda/kernels.cu`): compiled at run time by
//! NVRTC and launched through cudarc, with libcuda and libnvrtc loaded
//! dynamically. Nothing here needs CUDA at build time, and every entry
//! point reports a missing library or GPU as an error instead of the panic
//! cudarc would raise.

use crate::ops::{AttentionShape, MatmulShape, RowStats};
use crate::optim::{self, AdamW};
use crate::reduce::recip;
use cudarc::{
    driver::{CudaContext, CudaFunction, CudaModule, CudaSlice, CudaStream, LaunchConfig, PushKernelArg},
    nvrtc::{CompileOptions, Ptx},
};
use std::sync::Arc;

/// The kernels' source.
pub const SOURCE: &str = include_str!("../cuda/kernels.cu");

/// Why the GPU path is unavailable or failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GpuError {
    /// libcuda / libnvrtc is not installed, or there is no device.
    Unavailable(String),
    /// NVRTC rejected the kernels.
    Compile(String),
    /// A driver call failed.
    Driver(String),
    /// The kernels do not take this shape.
    Shape(String),
}

impl std::fmt::Display for GpuError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GpuError::Unavailable(m) => write!(f, "no GPU: {m}"),
            GpuError::Compile(m) => write!(f, "NVRTC failed: {m}"),
            GpuError::Driver(m) => write!(f, "CUDA driver error: {m}"),
            GpuError::Shape(m) => write!(f, "unsupported shape: {m}"),
        }
    }
}

impl std::error::Error for GpuError {}

fn driver<E: std::fmt::Debug>(e: E) -> GpuError {
    GpuError::Driver(format!("{e:?}"))
}

/// Whether a shared library with one of `names` can be opened.
fn can_load(names: &[String]) -> bool {
    // SAFETY: opening (and immediately closing) a system library; cudarc opens the same one.
    names.iter().any(|n| unsafe { libloading::Library::new(n) }.is_ok())
}

/// Checks that `lib` (e.g. "nvrtc", "cuda") can be loaded the way cudarc will.
fn require_lib(lib: &str) -> Result<(), GpuError> {
    if can_load(&cudarc::get_lib_name_candidates(lib)) {
        Ok(())
    } else {
        Err(GpuError::Unavailable(format!("lib{lib} not found (set LD_LIBRARY_PATH)")))
    }
}

/// NVRTC options that make the device arithmetic IEEE and contraction-free.
pub fn compile_options() -> CompileOptions {
    CompileOptions {
        ftz: Some(false),
        prec_sqrt: Some(true),
        prec_div: Some(true),
        fmad: Some(false),
        use_fast_math: Some(false),
        ..Default::default()
    }
}

/// Compiles [`SOURCE`] to PTX with NVRTC (no GPU needed, only libnvrtc).
pub fn compile() -> Result<Ptx, GpuError> {
    require_lib("nvrtc")?;
    cudarc::nvrtc::compile_ptx_with_opts(SOURCE, compile_options()).map_err(|e| GpuError::Compile(format!("{e:?}")))
}

/// `(dx, dγ, dβ)` of a layer norm.
pub type LayerNormGrads = (Vec<f32>, Vec<f32>, Vec<f32>);

/// A GPU with the kernels loaded.
pub struct Gpu {
    ctx: Arc<CudaContext>,
    stream: Arc<CudaStream>,
    module: Arc<CudaModule>,
}

const BLOCK: u32 = 256;

fn grid(len: usize) -> LaunchConfig {
    LaunchConfig {
        grid_dim: ((len as u32).div_ceil(BLOCK).max(1), 1, 1),
        block_dim: (BLOCK, 1, 1),
        shared_mem_bytes: 0,
    }
}

/// Elementwise operators of the `unary` kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum Unary {
    /// `x > 0 ? x : 0`.
    Relu = 0,
    /// [`crate::math::gelu`].
    Gelu = 1,
    /// [`crate::math::exp`].
    Exp = 2,
    /// [`crate::math::ln`].
    Ln = 3,
    /// [`crate::math::tanh`].
    Tanh = 4,
}

/// Elementwise operators of the `binary` kernel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum Binary {
    /// `a + b` ([`crate::ops::add`]).
    Add = 0,
    /// `a · b` ([`crate::ops::mul`]).
    Mul = 1,
    /// [`crate::ops::relu_backward`] with `a = x`, `b = dy`.
    ReluBackward = 2,
    /// [`crate::ops::gelu_backward`] with `a = x`, `b = dy`.
    GeluBackward = 3,
    /// [`crate::ops::accumulate`]: `(0 + a) + b`.
    Accumulate = 4,
}

/// Checks that every class index is below `n`.
fn check_targets(targets: &[u32], n: usize) -> Result<(), GpuError> {
    match targets.iter().find(|&&t| t as usize >= n) {
        Some(t) => Err(GpuError::Shape(format!("target {t} is not below {n} classes"))),
        None => Ok(()),
    }
}

impl Gpu {
    /// Opens device 0 and loads the kernels, or says why it cannot.
    pub fn new() -> Result<Self, GpuError> {
        require_lib("cuda")?;
        let ptx = compile()?;
        let ctx = std::panic::catch_unwind(|| CudaContext::new(0))
            .map_err(|_| GpuError::Unavailable("the CUDA driver failed to initialise".into()))?
            .map_err(|e| GpuError::Unavailable(format!("{e:?}")))?;
        let module = ctx.load_module(ptx).map_err(driver)?;
        let stream = ctx.default_stream();
        Ok(Self { ctx, stream, module })
    }

    /// The device's name.
    pub fn name(&self) -> String {
        self.ctx.name().unwrap_or_else(|_| "unknown".into())
    }

    fn func(&self, name: &str) -> Result<CudaFunction, GpuError> {
        self.module.load_function(name).map_err(driver)
    }

    /// The stream every kernel is launched on (for callers that keep data
    /// on the device, such as benchmarks).
    pub fn stream(&self) -> &Arc<CudaStream> {
        &self.stream
    }

    /// `C = op(A)·op(B)`.
    pub fn matmul(&self, a: &[f32], b: &[f32], s: MatmulShape) -> Result<Vec<f32>, GpuError> {
        assert!(a.len() == s.m * s.k && b.len() == s.k * s.n, "matmul shapes");
        let da = self.stream.clone_htod(a).map_err(driver)?;
        let db = self.stream.clone_htod(b).map_err(driver)?;
        let mut dc = self.stream.alloc_zeros::<f32>(s.m * s.n).map_err(driver)?;
        self.matmul_on_device(&da, &db, &mut dc, s)?;
        self.stream.clone_dtoh(&dc).map_err(driver)
    }

    /// [`Gpu::matmul`] on buffers already on the device (queued on
    /// [`Gpu::stream`], not awaited).
    pub fn matmul_on_device(
        &self,
        a: &CudaSlice<f32>,
        b: &CudaSlice<f32>,
        c: &mut CudaSlice<f32>,
        s: MatmulShape,
    ) -> Result<(), GpuError> {
        assert!(a.len() == s.m * s.k && b.len() == s.k * s.n && c.len() == s.m * s.n, "matmul shapes");
        if s.m * s.n == 0 {
            return Ok(());
        }
        let f = self.func("matmul")?;
        let (m, k, n, ta, tb) = (s.m as i32, s.k as i32, s.n as i32, s.ta as i32, s.tb as i32);
        // One 64×64 tile of C per block of 256 threads (see the kernel).
        let cfg = LaunchConfig {
            grid_dim: ((s.n as u32).div_ceil(64), (s.m as u32).div_ceil(64), 1),
            block_dim: (256, 1, 1),
            shared_mem_bytes: 0,
        };
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(a).arg(b).arg(c).arg(&m).arg(&k).arg(&n).arg(&ta).arg(&tb);
        // SAFETY: argument types and order match the kernel's signature; sizes checked above.
        unsafe { launch.launch(cfg) }.map_err(driver)?;
        Ok(())
    }

    /// Elementwise `op(x)`.
    pub fn unary(&self, x: &[f32], op: Unary) -> Result<Vec<f32>, GpuError> {
        let dx = self.stream.clone_htod(x).map_err(driver)?;
        let mut dy = self.stream.alloc_zeros::<f32>(x.len()).map_err(driver)?;
        let f = self.func("unary")?;
        let (len, op) = (x.len() as i64, op as i32);
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&dx).arg(&mut dy).arg(&len).arg(&op);
        // SAFETY: matches `unary(const float*, float*, long long, int)`.
        unsafe { launch.launch(grid(x.len())) }.map_err(driver)?;
        self.stream.clone_dtoh(&dy).map_err(driver)
    }

    /// Row-wise softmax (`log = false`) or log-softmax (`log = true`) of rows of width `n`.
    pub fn softmax(&self, x: &[f32], n: usize, log: bool) -> Result<Vec<f32>, GpuError> {
        assert!(n > 0 && x.len() % n == 0, "softmax shape");
        let rows = x.len() / n;
        let dx = self.stream.clone_htod(x).map_err(driver)?;
        let mut dy = self.stream.alloc_zeros::<f32>(x.len()).map_err(driver)?;
        self.softmax_on_device(&dx, &mut dy, rows, n, log)?;
        self.stream.clone_dtoh(&dy).map_err(driver)
    }

    /// Queues the `softmax_rows` kernel: `y = (log-)softmax(x)` for `rows`
    /// rows of width `n`, one block per row.
    fn softmax_on_device(
        &self,
        x: &CudaSlice<f32>,
        y: &mut CudaSlice<f32>,
        rows: usize,
        n: usize,
        log: bool,
    ) -> Result<(), GpuError> {
        assert!(x.len() == rows * n && y.len() == x.len(), "softmax shapes");
        let f = self.func("softmax_rows")?;
        let (ni, li) = (n as i32, log as i32);
        let cfg =
            LaunchConfig { grid_dim: (rows as u32, 1, 1), block_dim: (BLOCK, 1, 1), shared_mem_bytes: (n * 4) as u32 };
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(x).arg(y).arg(&ni).arg(&li);
        // SAFETY: matches `softmax_rows(const float*, float*, int, int)` with n floats of shared memory.
        unsafe { launch.launch(cfg) }.map_err(driver)?;
        Ok(())
    }

    /// `dbias[j] = Σᵢ dy[i, j]` (canonical tree over rows).
    pub fn bias_backward(&self, dy: &[f32], n: usize) -> Result<Vec<f32>, GpuError> {
        assert!(n > 0 && dy.len() % n == 0, "bias_backward shape");
        let rows = (dy.len() / n) as i32;
        let ddy = self.stream.clone_htod(dy).map_err(driver)?;
        let mut db = self.stream.alloc_zeros::<f32>(n).map_err(driver)?;
        let f = self.func("bias_backward")?;
        let ni = n as i32;
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&ddy).arg(&mut db).arg(&rows).arg(&ni);
        // SAFETY: matches `bias_backward(const float*, float*, int, int)`.
        unsafe { launch.launch(grid(n)) }.map_err(driver)?;
        self.stream.clone_dtoh(&db).map_err(driver)
    }

    /// Causal multi-head attention ([`crate::ops::attention`]): one thread
    /// per (sequence, head, query). Sequences of at most 1024 tokens.
    pub fn attention(&self, qkv: &[f32], s: AttentionShape) -> Result<Vec<f32>, GpuError> {
        check_attention(s)?;
        assert!(qkv.len() == s.qkv_len(), "attention shape");
        let dx = self.stream.clone_htod(qkv).map_err(driver)?;
        let mut dy = self.stream.alloc_zeros::<f32>(s.out_len()).map_err(driver)?;
        let f = self.func("attention_fwd")?;
        let (b, t, h, hd, scale) = (s.batch as i32, s.seq as i32, s.heads as i32, s.head_dim as i32, s.scale());
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&dx).arg(&mut dy).arg(&b).arg(&t).arg(&h).arg(&hd).arg(&scale);
        // SAFETY: matches `attention_fwd(const float*, float*, int, int, int, int, float)`; sizes checked above.
        unsafe { launch.launch(grid(s.batch * s.heads * s.seq)) }.map_err(driver)?;
        self.stream.clone_dtoh(&dy).map_err(driver)
    }

    /// Backward of [`Gpu::attention`] ([`crate::ops::attention_backward`]):
    /// `dqkv` from `qkv` and `dout`, recomputing the probabilities. Uses
    /// `2·batch·heads·seq²` floats of scratch.
    pub fn attention_backward(&self, qkv: &[f32], dout: &[f32], s: AttentionShape) -> Result<Vec<f32>, GpuError> {
        check_attention(s)?;
        assert!(qkv.len() == s.qkv_len() && dout.len() == s.out_len(), "attention_backward shapes");
        let dx = self.stream.clone_htod(qkv).map_err(driver)?;
        let dgo = self.stream.clone_htod(dout).map_err(driver)?;
        let scratch = s.batch * s.heads * s.seq * s.seq;
        let mut p = self.stream.alloc_zeros::<f32>(scratch).map_err(driver)?;
        let mut ds = self.stream.alloc_zeros::<f32>(scratch).map_err(driver)?;
        let mut dqkv = self.stream.alloc_zeros::<f32>(s.qkv_len()).map_err(driver)?;
        let (b, t, h, hd, scale) = (s.batch as i32, s.seq as i32, s.heads as i32, s.head_dim as i32, s.scale());
        let rows = self.func("attention_bwd_rows")?;
        let mut launch = self.stream.launch_builder(&rows);
        launch.arg(&dx).arg(&dgo).arg(&mut p).arg(&mut ds).arg(&b).arg(&t).arg(&h).arg(&hd).arg(&scale);
        // SAFETY: matches `attention_bwd_rows(const float*, const float*, float*, float*, int, int, int, int, float)`.
        unsafe { launch.launch(grid(s.batch * s.heads * s.seq)) }.map_err(driver)?;
        let grads = self.func("attention_bwd_grads")?;
        let mut launch = self.stream.launch_builder(&grads);
        launch.arg(&dx).arg(&dgo).arg(&p).arg(&ds).arg(&mut dqkv).arg(&b).arg(&t).arg(&h).arg(&hd);
        // SAFETY: matches `attention_bwd_grads(const float*, const float*, const float*, const float*, float*, int, int, int, int)`;
        // the stream orders it after the first pass.
        unsafe { launch.launch(grid(s.out_len())) }.map_err(driver)?;
        self.stream.clone_dtoh(&dqkv).map_err(driver)
    }

    /// Layer norm of rows of width `gamma.len()` ([`crate::ops::layer_norm`]):
    /// the output and each row's statistics.
    pub fn layer_norm(
        &self,
        x: &[f32],
        gamma: &[f32],
        beta: &[f32],
        eps: f32,
    ) -> Result<(Vec<f32>, Vec<RowStats>), GpuError> {
        let n = gamma.len();
        assert!(n > 0 && beta.len() == n && x.len() % n == 0, "layer_norm shapes");
        let rows = x.len() / n;
        let dx = self.stream.clone_htod(x).map_err(driver)?;
        let dg = self.stream.clone_htod(gamma).map_err(driver)?;
        let db = self.stream.clone_htod(beta).map_err(driver)?;
        let mut dy = self.stream.alloc_zeros::<f32>(x.len()).map_err(driver)?;
        let mut dm = self.stream.alloc_zeros::<f32>(rows).map_err(driver)?;
        let mut dr = self.stream.alloc_zeros::<f32>(rows).map_err(driver)?;
        let f = self.func("layer_norm_fwd")?;
        let (ri, ni, inv_n) = (rows as i32, n as i32, recip(n));
        let mut launch = self.stream.launch_builder(&f);
        launch
            .arg(&dx)
            .arg(&dg)
            .arg(&db)
            .arg(&mut dy)
            .arg(&mut dm)
            .arg(&mut dr)
            .arg(&ri)
            .arg(&ni)
            .arg(&inv_n)
            .arg(&eps);
        // SAFETY: matches `layer_norm_fwd(const float*×3, float*×3, int, int, float, float)`; sizes checked above.
        unsafe { launch.launch(grid(rows)) }.map_err(driver)?;
        let (mean, rstd) = (self.stream.clone_dtoh(&dm).map_err(driver)?, self.stream.clone_dtoh(&dr).map_err(driver)?);
        let stats = mean.into_iter().zip(rstd).map(|(mean, rstd)| RowStats { mean, rstd }).collect();
        Ok((self.stream.clone_dtoh(&dy).map_err(driver)?, stats))
    }

    /// Layer-norm backward ([`crate::ops::layer_norm_backward`]): `(dx, dγ, dβ)`.
    pub fn layer_norm_backward(
        &self,
        x: &[f32],
        gamma: &[f32],
        stats: &[RowStats],
        dy: &[f32],
    ) -> Result<LayerNormGrads, GpuError> {
        let (n, rows) = (gamma.len(), stats.len());
        assert!(n > 0 && x.len() == rows * n && dy.len() == x.len(), "layer_norm_backward shapes");
        let mean: Vec<f32> = stats.iter().map(|s| s.mean).collect();
        let rstd: Vec<f32> = stats.iter().map(|s| s.rstd).collect();
        let (dxv, dgv) = (self.stream.clone_htod(x).map_err(driver)?, self.stream.clone_htod(gamma).map_err(driver)?);
        let (dm, dr) = (self.stream.clone_htod(&mean).map_err(driver)?, self.stream.clone_htod(&rstd).map_err(driver)?);
        let ddy = self.stream.clone_htod(dy).map_err(driver)?;
        let mut ddx = self.stream.alloc_zeros::<f32>(x.len()).map_err(driver)?;
        let mut ddg = self.stream.alloc_zeros::<f32>(n).map_err(driver)?;
        let mut ddb = self.stream.alloc_zeros::<f32>(n).map_err(driver)?;
        let (ri, ni, inv_n) = (rows as i32, n as i32, recip(n));
        let f = self.func("layer_norm_bwd_rows")?;
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&dxv).arg(&dgv).arg(&dm).arg(&dr).arg(&ddy).arg(&mut ddx).arg(&ri).arg(&ni).arg(&inv_n);
        // SAFETY: matches `layer_norm_bwd_rows(const float*×5, float*, int, int, float)`.
        unsafe { launch.launch(grid(rows)) }.map_err(driver)?;
        let f = self.func("layer_norm_bwd_params")?;
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&dxv).arg(&dm).arg(&dr).arg(&ddy).arg(&mut ddg).arg(&mut ddb).arg(&ri).arg(&ni);
        // SAFETY: matches `layer_norm_bwd_params(const float*×4, float*, float*, int, int)`.
        unsafe { launch.launch(grid(n)) }.map_err(driver)?;
        Ok((
            self.stream.clone_dtoh(&ddx).map_err(driver)?,
            self.stream.clone_dtoh(&ddg).map_err(driver)?,
            self.stream.clone_dtoh(&ddb).map_err(driver)?,
        ))
    }

    /// Embedding backward ([`crate::ops::embedding_backward`]) into a
    /// `[vocab × dim]` table. Ids must be below `vocab`.
    pub fn embedding_backward(&self, ids: &[u32], dy: &[f32], dim: usize, vocab: usize) -> Result<Vec<f32>, GpuError> {
        assert!(dim > 0 && dy.len() == ids.len() * dim, "embedding_backward shapes");
        if let Some(id) = ids.iter().find(|&&id| id as usize >= vocab) {
            return Err(GpuError::Shape(format!("embedding id {id} is outside a vocabulary of {vocab}")));
        }
        let (dids, ddy) = (self.stream.clone_htod(ids).map_err(driver)?, self.stream.clone_htod(dy).map_err(driver)?);
        let mut dt = self.stream.alloc_zeros::<f32>(vocab * dim).map_err(driver)?;
        let (ri, di) = (ids.len() as i32, dim as i32);
        let f = self.func("embedding_bwd")?;
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&dids).arg(&ddy).arg(&mut dt).arg(&ri).arg(&di);
        // SAFETY: matches `embedding_bwd(const unsigned int*, const float*, float*, int, int)`; ids checked above.
        unsafe { launch.launch(grid(dim)) }.map_err(driver)?;
        self.stream.clone_dtoh(&dt).map_err(driver)
    }

    /// Elementwise `op(a, b)` on equal-length inputs.
    pub fn binary(&self, a: &[f32], b: &[f32], op: Binary) -> Result<Vec<f32>, GpuError> {
        assert_eq!(a.len(), b.len(), "binary: lengths differ");
        let (da, db) = (self.stream.clone_htod(a).map_err(driver)?, self.stream.clone_htod(b).map_err(driver)?);
        let mut dy = self.stream.alloc_zeros::<f32>(a.len()).map_err(driver)?;
        let f = self.func("binary")?;
        let (len, op) = (a.len() as i64, op as i32);
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&da).arg(&db).arg(&mut dy).arg(&len).arg(&op);
        // SAFETY: matches `binary(const float*, const float*, float*, long long, int)`; lengths checked above.
        unsafe { launch.launch(grid(a.len())) }.map_err(driver)?;
        self.stream.clone_dtoh(&dy).map_err(driver)
    }

    /// `x[rows × n] + bias[n]` ([`crate::ops::bias_add`]).
    pub fn bias_add(&self, x: &[f32], bias: &[f32]) -> Result<Vec<f32>, GpuError> {
        let n = bias.len();
        assert!(n > 0 && x.len() % n == 0, "bias_add shapes");
        let (dx, db) = (self.stream.clone_htod(x).map_err(driver)?, self.stream.clone_htod(bias).map_err(driver)?);
        let mut dy = self.stream.alloc_zeros::<f32>(x.len()).map_err(driver)?;
        let f = self.func("bias_add")?;
        let (len, ni) = (x.len() as i64, n as i32);
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&dx).arg(&db).arg(&mut dy).arg(&len).arg(&ni);
        // SAFETY: matches `bias_add(const float*, const float*, float*, long long, int)`.
        unsafe { launch.launch(grid(x.len())) }.map_err(driver)?;
        self.stream.clone_dtoh(&dy).map_err(driver)
    }

    /// Rows of `table[vocab × dim]` picked by `ids` ([`crate::ops::embedding`]).
    pub fn embedding(&self, ids: &[u32], table: &[f32], dim: usize) -> Result<Vec<f32>, GpuError> {
        assert!(dim > 0 && table.len() % dim == 0, "embedding shapes");
        let vocab = table.len() / dim;
        if let Some(id) = ids.iter().find(|&&id| id as usize >= vocab) {
            return Err(GpuError::Shape(format!("embedding id {id} is outside a vocabulary of {vocab}")));
        }
        let (di, dt) = (self.stream.clone_htod(ids).map_err(driver)?, self.stream.clone_htod(table).map_err(driver)?);
        let mut dy = self.stream.alloc_zeros::<f32>(ids.len() * dim).map_err(driver)?;
        let f = self.func("embedding_fwd")?;
        let (ri, dimi) = (ids.len() as i32, dim as i32);
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&di).arg(&dt).arg(&mut dy).arg(&ri).arg(&dimi);
        // SAFETY: matches `embedding_fwd(const unsigned int*, const float*, float*, int, int)`; ids checked above.
        unsafe { launch.launch(grid(ids.len() * dim)) }.map_err(driver)?;
        self.stream.clone_dtoh(&dy).map_err(driver)
    }

    /// Softmax backward from its output ([`crate::ops::softmax_backward`]).
    pub fn softmax_backward(&self, y: &[f32], dy: &[f32], n: usize) -> Result<Vec<f32>, GpuError> {
        assert!(n > 0 && y.len() % n == 0 && dy.len() == y.len(), "softmax_backward shapes");
        let (dyv, dgv) = (self.stream.clone_htod(y).map_err(driver)?, self.stream.clone_htod(dy).map_err(driver)?);
        let mut dx = self.stream.alloc_zeros::<f32>(y.len()).map_err(driver)?;
        let f = self.func("softmax_bwd_rows")?;
        let (rows, ni) = ((y.len() / n) as i32, n as i32);
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&dyv).arg(&dgv).arg(&mut dx).arg(&rows).arg(&ni);
        // SAFETY: matches `softmax_bwd_rows(const float*, const float*, float*, int, int)`.
        unsafe { launch.launch(grid(y.len() / n)) }.map_err(driver)?;
        self.stream.clone_dtoh(&dx).map_err(driver)
    }

    /// Mean cross-entropy of `logits[rows × n]` against `targets`
    /// ([`crate::ops::cross_entropy`]): the loss and the log-softmax.
    pub fn cross_entropy(&self, logits: &[f32], targets: &[u32], n: usize) -> Result<(f32, Vec<f32>), GpuError> {
        let rows = targets.len();
        assert!(rows > 0 && n > 0 && logits.len() == rows * n, "cross_entropy shapes");
        check_targets(targets, n)?;
        let dx = self.stream.clone_htod(logits).map_err(driver)?;
        let dt = self.stream.clone_htod(targets).map_err(driver)?;
        let mut logp = self.stream.alloc_zeros::<f32>(logits.len()).map_err(driver)?;
        let mut loss = self.stream.alloc_zeros::<f32>(1).map_err(driver)?;
        self.softmax_on_device(&dx, &mut logp, rows, n, true)?;
        let f = self.func("cross_entropy_loss")?;
        let (ri, ni, inv) = (rows as i32, n as i32, recip(rows));
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&logp).arg(&dt).arg(&mut loss).arg(&ri).arg(&ni).arg(&inv);
        // SAFETY: matches `cross_entropy_loss(const float*, const unsigned int*, float*, int, int, float)`; targets checked.
        unsafe { launch.launch(grid(1)) }.map_err(driver)?;
        let loss = self.stream.clone_dtoh(&loss).map_err(driver)?[0];
        Ok((loss, self.stream.clone_dtoh(&logp).map_err(driver)?))
    }

    /// Gradient of [`Gpu::cross_entropy`] from its log-softmax, times the
    /// upstream gradient `g` ([`crate::ops::cross_entropy_backward`]).
    pub fn cross_entropy_backward(
        &self,
        logp: &[f32],
        targets: &[u32],
        g: f32,
        n: usize,
    ) -> Result<Vec<f32>, GpuError> {
        let rows = targets.len();
        assert!(rows > 0 && n > 0 && logp.len() == rows * n, "cross_entropy_backward shapes");
        check_targets(targets, n)?;
        let (dl, dt) =
            (self.stream.clone_htod(logp).map_err(driver)?, self.stream.clone_htod(targets).map_err(driver)?);
        let mut dx = self.stream.alloc_zeros::<f32>(logp.len()).map_err(driver)?;
        let f = self.func("cross_entropy_bwd")?;
        let (ri, ni, scale) = (rows as i32, n as i32, g * recip(rows));
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&dl).arg(&dt).arg(&mut dx).arg(&ri).arg(&ni).arg(&scale);
        // SAFETY: matches `cross_entropy_bwd(const float*, const unsigned int*, float*, int, int, float)`.
        unsafe { launch.launch(grid(logp.len())) }.map_err(driver)?;
        self.stream.clone_dtoh(&dx).map_err(driver)
    }

    /// [`optim::sgd_momentum`] in place.
    pub fn sgd_momentum(
        &self,
        param: &mut [f32],
        grad: &[f32],
        velocity: &mut [f32],
        lr: f32,
        momentum: f32,
        weight_decay: f32,
    ) -> Result<(), GpuError> {
        assert!(param.len() == grad.len() && grad.len() == velocity.len(), "sgd_momentum lengths");
        let mut dp = self.stream.clone_htod(param).map_err(driver)?;
        let dg = self.stream.clone_htod(grad).map_err(driver)?;
        let mut dv = self.stream.clone_htod(velocity).map_err(driver)?;
        let f = self.func("sgd_momentum")?;
        let len = param.len() as i64;
        let mut launch = self.stream.launch_builder(&f);
        launch.arg(&mut dp).arg(&dg).arg(&mut dv).arg(&len).arg(&lr).arg(&momentum).arg(&weight_decay);
        // SAFETY: matches `sgd_momentum(float*, const float*, float*, long long, float, float, float)`.
        unsafe { launch.launch(grid(param.len())) }.map_err(driver)?;
        self.stream.memcpy_dtoh(&dp, param).map_err(driver)?;
        self.stream.memcpy_dtoh(&dv, velocity).map_err(driver)
    }

    /// [`AdamW::step`] in place (`step` counts from 1).
    pub fn adamw(
        &self,
        h: &AdamW,
        param: &mut [f32],
        grad: &[f32],
        m: &mut [f32],
        v: &mut [f32],
        step: u32,
    ) -> Result<(), GpuError> {
        assert!(param.len() == grad.len() && grad.len() == m.len() && m.len() == v.len(), "adamw lengths");
        assert!(step >= 1, "adamw: steps count from 1");
        // The scalars are the reference's, computed here by the same code.
        let (bc1, bc2) = (1.0 - optim::powi(h.beta1, step), 1.0 - optim::powi(h.beta2, step));
        let decay = h.lr * h.weight_decay;
        let mut dp = self.stream.clone_htod(param).map_err(driver)?;
        let dg = self.stream.clone_htod(grad).map_err(driver)?;
        let mut dm = self.stream.clone_htod(m).map_err(driver)?;
        let mut dv = self.stream.clone_htod(v).map_err(driver)?;
        let f = self.func("adamw")?;
        let len = param.len() as i64;
        let mut launch = self.stream.launch_builder(&f);
        launch
            .arg(&mut dp)
            .arg(&dg)
            .arg(&mut dm)
            .arg(&mut dv)
            .arg(&len)
            .arg(&h.lr)
            .arg(&h.beta1)
            .arg(&h.beta2)
            .arg(&h.eps)
            .arg(&decay)
            .arg(&bc1)
            .arg(&bc2);
        // SAFETY: matches `adamw(float*, const float*, float*, float*, long long, float×7)`.
        unsafe { launch.launch(grid(param.len())) }.map_err(driver)?;
        self.stream.memcpy_dtoh(&dp, param).map_err(driver)?;
        self.stream.memcpy_dtoh(&dm, m).map_err(driver)?;
        self.stream.memcpy_dtoh(&dv, v).map_err(driver)
    }
}

/// The attention kernels keep one score row per thread in local memory.
fn check_attention(s: AttentionShape) -> Result<(), GpuError> {
    if s.seq == 0 || s.seq > 1024 || s.head_dim == 0 || s.heads == 0 {
        return Err(GpuError::Shape(format!(
            "attention on the GPU takes 1..=1024 tokens and non-empty heads, not {s:?}"
        )));
    }
    Ok(())
}
