//! candle-core custom operators backed by the canonical kernels.
//!
//! Every forward *and* backward computation of the model runs through
//! `gensyn-kernels` (the backward of each op applies further kernel ops),
//! so candle contributes tensors, the graph and autograd's bookkeeping, but
//! never its own arithmetic. The only candle arithmetic left is autograd's
//! gradient accumulation `0 + g`, which is exact.
//!
//! Each op runs on its [`Backend`]: the CPU paths or the CUDA kernels, which
//! give the same bits.

use crate::backend::Backend;
use candle_core::{bail, CpuStorage, CustomOp1, CustomOp2, Layout, Result, Shape, Tensor};
use gensyn_kernels::{
    cpu,
    cuda::{Binary, GpuError, Unary},
    ops,
    ops::MatmulShape,
};
use std::sync::Arc;

fn gpu_err(e: GpuError) -> candle_core::Error {
    candle_core::Error::Msg(e.to_string())
}

fn f32s<'a>(s: &'a CpuStorage, l: &Layout) -> Result<&'a [f32]> {
    let data = match s {
        CpuStorage::F32(v) => v.as_slice(),
        _ => bail!("gensyn ops take f32 tensors"),
    };
    match l.contiguous_offsets() {
        Some((a, b)) => Ok(&data[a..b]),
        None => bail!("gensyn ops take contiguous tensors"),
    }
}

fn dims2(l: &Layout, what: &str) -> Result<(usize, usize)> {
    match l.dims() {
        [r, c] => Ok((*r, *c)),
        d => bail!("{what}: expected a matrix, got shape {d:?}"),
    }
}

/// `op(A)·op(B)` with the canonical sequential-K matmul.
#[derive(Clone, Debug)]
pub struct MatMul {
    /// A is given transposed.
    pub ta: bool,
    /// B is given transposed.
    pub tb: bool,
    /// Where it runs.
    pub backend: Backend,
}

impl CustomOp2 for MatMul {
    fn name(&self) -> &'static str {
        "gensyn-matmul"
    }

    fn cpu_fwd(&self, s1: &CpuStorage, l1: &Layout, s2: &CpuStorage, l2: &Layout) -> Result<(CpuStorage, Shape)> {
        let (r1, c1) = dims2(l1, "matmul lhs")?;
        let (r2, c2) = dims2(l2, "matmul rhs")?;
        let (m, k) = if self.ta { (c1, r1) } else { (r1, c1) };
        let (k2, n) = if self.tb { (c2, r2) } else { (r2, c2) };
        if k != k2 {
            bail!("matmul: inner dimensions differ ({k} vs {k2})");
        }
        let shape = MatmulShape { m, k, n, ta: self.ta, tb: self.tb };
        let c = match &self.backend {
            Backend::Cpu { threads } => {
                let mut c = vec![0.0f32; m * n];
                cpu::matmul(f32s(s1, l1)?, f32s(s2, l2)?, &mut c, shape, *threads);
                c
            }
            Backend::Cuda(gpu) => gpu.matmul(f32s(s1, l1)?, f32s(s2, l2)?, shape).map_err(gpu_err)?,
        };
        Ok((CpuStorage::F32(c), Shape::from((m, n))))
    }

    fn bwd(&self, a: &Tensor, b: &Tensor, _res: &Tensor, g: &Tensor) -> Result<(Option<Tensor>, Option<Tensor>)> {
        if self.ta || self.tb {
            bail!("matmul backward is defined for untransposed operands");
        }
        // dA = dC·Bᵀ, dB = Aᵀ·dC (kernels::ops::matmul_backward).
        let da = g.apply_op2_no_bwd(b, &MatMul { ta: false, tb: true, backend: self.backend.clone() })?;
        let db = a.apply_op2_no_bwd(g, &MatMul { ta: true, tb: false, backend: self.backend.clone() })?;
        Ok((Some(da), Some(db)))
    }
}

/// `x[m×n] + bias[n]`.
#[derive(Clone, Debug)]
pub struct BiasAdd(pub Backend);

impl CustomOp2 for BiasAdd {
    fn name(&self) -> &'static str {
        "gensyn-bias-add"
    }

    fn cpu_fwd(&self, s1: &CpuStorage, l1: &Layout, s2: &CpuStorage, l2: &Layout) -> Result<(CpuStorage, Shape)> {
        let (x, b) = (f32s(s1, l1)?, f32s(s2, l2)?);
        let (_, n) = dims2(l1, "bias_add input")?;
        if b.len() != n {
            bail!("bias_add: bias has {} values for {n} columns", b.len());
        }
        let out = match &self.0 {
            Backend::Cpu { threads } => {
                let mut out = vec![0.0f32; x.len()];
                cpu::bias_add(x, b, &mut out, *threads);
                out
            }
            Backend::Cuda(gpu) => gpu.bias_add(x, b).map_err(gpu_err)?,
        };
        Ok((CpuStorage::F32(out), l1.shape().clone()))
    }

    fn bwd(&self, _x: &Tensor, _b: &Tensor, _res: &Tensor, g: &Tensor) -> Result<(Option<Tensor>, Option<Tensor>)> {
        Ok((Some(g.clone()), Some(g.apply_op1_no_bwd(&ColumnSum(self.0.clone()))?)))
    }
}

/// Column sums of a matrix (the canonical tree over rows).
#[derive(Clone, Debug)]
pub struct ColumnSum(pub Backend);

impl CustomOp1 for ColumnSum {
    fn name(&self) -> &'static str {
        "gensyn-column-sum"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> Result<(CpuStorage, Shape)> {
        let (_, n) = dims2(l, "column_sum")?;
        let out = match &self.0 {
            Backend::Cpu { threads } => {
                let mut out = vec![0.0f32; n];
                cpu::bias_backward(f32s(s, l)?, &mut out, *threads);
                out
            }
            Backend::Cuda(gpu) => gpu.bias_backward(f32s(s, l)?, n).map_err(gpu_err)?,
        };
        Ok((CpuStorage::F32(out), Shape::from(n)))
    }
}

/// Elementwise activations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activation {
    /// ReLU.
    Relu,
    /// GELU (tanh approximation).
    Gelu,
}

/// `act(x)`.
#[derive(Clone, Debug)]
pub struct Act(pub Activation, pub Backend);

impl CustomOp1 for Act {
    fn name(&self) -> &'static str {
        "gensyn-activation"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> Result<(CpuStorage, Shape)> {
        let x = f32s(s, l)?;
        let out = match &self.1 {
            Backend::Cpu { threads } => {
                let mut out = vec![0.0f32; x.len()];
                match self.0 {
                    Activation::Relu => ops::relu(x, &mut out),
                    Activation::Gelu => cpu::gelu(x, &mut out, *threads),
                }
                out
            }
            Backend::Cuda(gpu) => {
                let op = match self.0 {
                    Activation::Relu => Unary::Relu,
                    Activation::Gelu => Unary::Gelu,
                };
                gpu.unary(x, op).map_err(gpu_err)?
            }
        };
        Ok((CpuStorage::F32(out), l.shape().clone()))
    }

    fn bwd(&self, x: &Tensor, _res: &Tensor, g: &Tensor) -> Result<Option<Tensor>> {
        Ok(Some(x.apply_op2_no_bwd(g, &ActGrad(self.0, self.1.clone()))?))
    }
}

/// `dy · act'(x)`.
#[derive(Clone, Debug)]
pub struct ActGrad(pub Activation, pub Backend);

impl CustomOp2 for ActGrad {
    fn name(&self) -> &'static str {
        "gensyn-activation-grad"
    }

    fn cpu_fwd(&self, s1: &CpuStorage, l1: &Layout, s2: &CpuStorage, l2: &Layout) -> Result<(CpuStorage, Shape)> {
        let (x, dy) = (f32s(s1, l1)?, f32s(s2, l2)?);
        if x.len() != dy.len() {
            bail!("activation grad: {} inputs but {} gradients", x.len(), dy.len());
        }
        let dx = match &self.1 {
            Backend::Cpu { threads } => {
                let mut dx = vec![0.0f32; x.len()];
                match self.0 {
                    Activation::Relu => ops::relu_backward(x, dy, &mut dx),
                    Activation::Gelu => cpu::gelu_backward(x, dy, &mut dx, *threads),
                }
                dx
            }
            Backend::Cuda(gpu) => {
                let op = match self.0 {
                    Activation::Relu => Binary::ReluBackward,
                    Activation::Gelu => Binary::GeluBackward,
                };
                gpu.binary(x, dy, op).map_err(gpu_err)?
            }
        };
        Ok((CpuStorage::F32(dx), l1.shape().clone()))
    }
}

/// Mean cross-entropy of logits `[m×n]` against fixed class targets; a scalar.
#[derive(Clone, Debug)]
pub struct CrossEntropy {
    /// One class per row.
    pub targets: Arc<Vec<u32>>,
    /// Where it runs.
    pub backend: Backend,
}

impl CustomOp1 for CrossEntropy {
    fn name(&self) -> &'static str {
        "gensyn-cross-entropy"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> Result<(CpuStorage, Shape)> {
        let (m, n) = dims2(l, "cross_entropy")?;
        if m != self.targets.len() {
            bail!("cross_entropy: {m} rows but {} targets", self.targets.len());
        }
        if self.targets.iter().any(|&t| t as usize >= n) {
            bail!("cross_entropy: a target is not below {n}");
        }
        let loss = match &self.backend {
            Backend::Cpu { threads } => {
                let mut logp = vec![0.0f32; m * n];
                cpu::cross_entropy(f32s(s, l)?, &self.targets, &mut logp, n, *threads)
            }
            Backend::Cuda(gpu) => gpu.cross_entropy(f32s(s, l)?, &self.targets, n).map_err(gpu_err)?.0,
        };
        Ok((CpuStorage::F32(vec![loss]), Shape::from(())))
    }

    fn bwd(&self, logits: &Tensor, _res: &Tensor, g: &Tensor) -> Result<Option<Tensor>> {
        let g = g.to_scalar::<f32>()?;
        let grad = CrossEntropyGrad { targets: self.targets.clone(), g, backend: self.backend.clone() };
        Ok(Some(logits.apply_op1_no_bwd(&grad)?))
    }
}

/// `d loss / d logits`, scaled by the upstream gradient.
#[derive(Clone, Debug)]
pub struct CrossEntropyGrad {
    /// One class per row.
    pub targets: Arc<Vec<u32>>,
    /// Upstream gradient of the loss.
    pub g: f32,
    /// Where it runs.
    pub backend: Backend,
}

impl CustomOp1 for CrossEntropyGrad {
    fn name(&self) -> &'static str {
        "gensyn-cross-entropy-grad"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> Result<(CpuStorage, Shape)> {
        let (m, n) = dims2(l, "cross_entropy_grad")?;
        if m != self.targets.len() || self.targets.iter().any(|&t| t as usize >= n) {
            bail!("cross_entropy_grad: targets do not fit {m}×{n} logits");
        }
        let d = match &self.backend {
            Backend::Cpu { threads } => {
                let mut logp = vec![0.0f32; m * n];
                cpu::log_softmax(f32s(s, l)?, &mut logp, n, *threads);
                let mut d = vec![0.0f32; m * n];
                cpu::cross_entropy_backward(&logp, &self.targets, self.g, &mut d, n, *threads);
                d
            }
            Backend::Cuda(gpu) => {
                let logp = gpu.softmax(f32s(s, l)?, n, true).map_err(gpu_err)?;
                gpu.cross_entropy_backward(&logp, &self.targets, self.g, n).map_err(gpu_err)?
            }
        };
        Ok((CpuStorage::F32(d), l.shape().clone()))
    }
}

/// `a + b` (same shape).
#[derive(Clone, Debug)]
pub struct Add(pub Backend);

impl CustomOp2 for Add {
    fn name(&self) -> &'static str {
        "gensyn-add"
    }

    fn cpu_fwd(&self, s1: &CpuStorage, l1: &Layout, s2: &CpuStorage, l2: &Layout) -> Result<(CpuStorage, Shape)> {
        let (a, b) = (f32s(s1, l1)?, f32s(s2, l2)?);
        if l1.dims() != l2.dims() {
            bail!("add: shapes {:?} and {:?} differ", l1.dims(), l2.dims());
        }
        let out = match &self.0 {
            Backend::Cpu { .. } => {
                let mut out = vec![0.0f32; a.len()];
                ops::add(a, b, &mut out);
                out
            }
            Backend::Cuda(gpu) => gpu.binary(a, b, Binary::Add).map_err(gpu_err)?,
        };
        Ok((CpuStorage::F32(out), l1.shape().clone()))
    }

    fn bwd(&self, _a: &Tensor, _b: &Tensor, _res: &Tensor, g: &Tensor) -> Result<(Option<Tensor>, Option<Tensor>)> {
        Ok((Some(g.clone()), Some(g.clone())))
    }
}

/// Rows of an embedding table `[vocab × dim]` picked by fixed ids.
#[derive(Clone, Debug)]
pub struct Embedding {
    /// One row index per output row.
    pub ids: Arc<Vec<u32>>,
    /// Where it runs.
    pub backend: Backend,
}

impl CustomOp1 for Embedding {
    fn name(&self) -> &'static str {
        "gensyn-embedding"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> Result<(CpuStorage, Shape)> {
        let (vocab, dim) = dims2(l, "embedding table")?;
        if let Some(bad) = self.ids.iter().find(|&&i| i as usize >= vocab) {
            bail!("embedding: id {bad} is not below {vocab}");
        }
        let out = match &self.backend {
            Backend::Cpu { .. } => {
                let mut out = vec![0.0f32; self.ids.len() * dim];
                ops::embedding(&self.ids, f32s(s, l)?, dim, &mut out);
                out
            }
            Backend::Cuda(gpu) => gpu.embedding(&self.ids, f32s(s, l)?, dim).map_err(gpu_err)?,
        };
        Ok((CpuStorage::F32(out), Shape::from((self.ids.len(), dim))))
    }

    fn bwd(&self, table: &Tensor, _res: &Tensor, g: &Tensor) -> Result<Option<Tensor>> {
        let vocab = table.dims()[0];
        Ok(Some(g.apply_op1_no_bwd(&EmbeddingGrad { ids: self.ids.clone(), vocab, backend: self.backend.clone() })?))
    }
}

/// The table gradient of [`Embedding`]: rows of `dy` summed per id.
#[derive(Clone, Debug)]
pub struct EmbeddingGrad {
    /// The ids of the forward pass.
    pub ids: Arc<Vec<u32>>,
    /// Rows of the table.
    pub vocab: usize,
    /// Where it runs.
    pub backend: Backend,
}

impl CustomOp1 for EmbeddingGrad {
    fn name(&self) -> &'static str {
        "gensyn-embedding-grad"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> Result<(CpuStorage, Shape)> {
        let (rows, dim) = dims2(l, "embedding grad")?;
        if rows != self.ids.len() || self.ids.iter().any(|&i| i as usize >= self.vocab) {
            bail!("embedding grad: ids do not fit {rows} rows of a {}-row table", self.vocab);
        }
        let out = match &self.backend {
            Backend::Cpu { .. } => {
                let mut out = vec![0.0f32; self.vocab * dim];
                ops::embedding_backward(&self.ids, f32s(s, l)?, dim, &mut out);
                out
            }
            Backend::Cuda(gpu) => gpu.embedding_backward(&self.ids, f32s(s, l)?, dim, self.vocab).map_err(gpu_err)?,
        };
        Ok((CpuStorage::F32(out), Shape::from((self.vocab, dim))))
    }
}

/// Layer norm over the rows of `x[rows × n]` with `γ[n]`, `β[n]`.
#[derive(Clone, Debug)]
pub struct LayerNorm {
    /// Variance guard.
    pub eps: f32,
    /// Where it runs.
    pub backend: Backend,
}

impl candle_core::CustomOp3 for LayerNorm {
    fn name(&self) -> &'static str {
        "gensyn-layer-norm"
    }

    fn cpu_fwd(
        &self,
        s1: &CpuStorage,
        l1: &Layout,
        s2: &CpuStorage,
        l2: &Layout,
        s3: &CpuStorage,
        l3: &Layout,
    ) -> Result<(CpuStorage, Shape)> {
        let (rows, n) = dims2(l1, "layer_norm input")?;
        let (x, g, b) = (f32s(s1, l1)?, f32s(s2, l2)?, f32s(s3, l3)?);
        if g.len() != n || b.len() != n {
            bail!("layer_norm: γ and β need {n} values");
        }
        let out = match &self.backend {
            Backend::Cpu { threads } => {
                let mut out = vec![0.0f32; x.len()];
                let mut stats = vec![ops::RowStats::default(); rows];
                cpu::layer_norm(x, g, b, self.eps, &mut out, &mut stats, *threads);
                out
            }
            Backend::Cuda(gpu) => gpu.layer_norm(x, g, b, self.eps).map_err(gpu_err)?.0,
        };
        Ok((CpuStorage::F32(out), l1.shape().clone()))
    }

    fn bwd(
        &self,
        x: &Tensor,
        gamma: &Tensor,
        _beta: &Tensor,
        _res: &Tensor,
        g: &Tensor,
    ) -> Result<(Option<Tensor>, Option<Tensor>, Option<Tensor>)> {
        // The row statistics are recomputed (the same kernel, the same bits).
        let (rows, n) = x.dims2()?;
        let xs = x.flatten_all()?.to_vec1::<f32>()?;
        let gs = gamma.to_vec1::<f32>()?;
        let dy = g.flatten_all()?.to_vec1::<f32>()?;
        if dy.len() != xs.len() || gs.len() != n {
            bail!("layer_norm backward: shapes do not fit {rows}×{n}");
        }
        let (dx, dg, db) = match &self.backend {
            Backend::Cpu { threads } => {
                let mut y = vec![0.0f32; xs.len()];
                let mut stats = vec![ops::RowStats::default(); rows];
                cpu::layer_norm(&xs, &gs, &vec![0.0; n], self.eps, &mut y, &mut stats, *threads);
                let (mut dx, mut dg, mut db) = (vec![0.0f32; xs.len()], vec![0.0f32; n], vec![0.0f32; n]);
                cpu::layer_norm_backward(&xs, &gs, &stats, &dy, &mut dx, &mut dg, &mut db, *threads);
                (dx, dg, db)
            }
            Backend::Cuda(gpu) => {
                let (_, stats) = gpu.layer_norm(&xs, &gs, &vec![0.0; n], self.eps).map_err(gpu_err)?;
                gpu.layer_norm_backward(&xs, &gs, &stats, &dy).map_err(gpu_err)?
            }
        };
        let dev = x.device();
        Ok((
            Some(Tensor::from_vec(dx, (rows, n), dev)?),
            Some(Tensor::from_vec(dg, n, dev)?),
            Some(Tensor::from_vec(db, n, dev)?),
        ))
    }
}

/// Causal multi-head self-attention on a fused `[q | k | v]` matrix.
#[derive(Clone, Debug)]
pub struct Attention {
    /// Sequences and heads (`head_dim` follows from the input width).
    pub batch: usize,
    /// Tokens per sequence.
    pub seq: usize,
    /// Heads.
    pub heads: usize,
    /// Where it runs.
    pub backend: Backend,
}

impl Attention {
    fn shape(&self, l: &Layout) -> Result<ops::AttentionShape> {
        let (rows, cols) = dims2(l, "attention qkv")?;
        if rows != self.batch * self.seq || cols == 0 || cols % (3 * self.heads) != 0 {
            bail!("attention: qkv of shape {rows}×{cols} does not fit {self:?}");
        }
        Ok(ops::AttentionShape {
            batch: self.batch,
            seq: self.seq,
            heads: self.heads,
            head_dim: cols / (3 * self.heads),
        })
    }
}

impl CustomOp1 for Attention {
    fn name(&self) -> &'static str {
        "gensyn-attention"
    }

    fn cpu_fwd(&self, s: &CpuStorage, l: &Layout) -> Result<(CpuStorage, Shape)> {
        let shape = self.shape(l)?;
        let out = match &self.backend {
            Backend::Cpu { threads } => {
                let mut out = vec![0.0f32; shape.out_len()];
                cpu::attention(f32s(s, l)?, &mut out, &shape, *threads);
                out
            }
            Backend::Cuda(gpu) => gpu.attention(f32s(s, l)?, shape).map_err(gpu_err)?,
        };
        Ok((CpuStorage::F32(out), Shape::from((self.batch * self.seq, shape.width()))))
    }

    fn bwd(&self, qkv: &Tensor, _res: &Tensor, g: &Tensor) -> Result<Option<Tensor>> {
        Ok(Some(qkv.apply_op2_no_bwd(g, self)?))
    }
}

/// The backward of [`Attention`] as a binary op `(qkv, dout) → dqkv`.
impl CustomOp2 for Attention {
    fn name(&self) -> &'static str {
        "gensyn-attention-grad"
    }

    fn cpu_fwd(&self, s1: &CpuStorage, l1: &Layout, s2: &CpuStorage, l2: &Layout) -> Result<(CpuStorage, Shape)> {
        let shape = self.shape(l1)?;
        if l2.dims() != [self.batch * self.seq, shape.width()] {
            bail!("attention grad: dout has shape {:?}", l2.dims());
        }
        let out = match &self.backend {
            Backend::Cpu { threads } => {
                let mut out = vec![0.0f32; shape.qkv_len()];
                cpu::attention_backward(f32s(s1, l1)?, f32s(s2, l2)?, &mut out, &shape, *threads);
                out
            }
            Backend::Cuda(gpu) => gpu.attention_backward(f32s(s1, l1)?, f32s(s2, l2)?, shape).map_err(gpu_err)?,
        };
        Ok((CpuStorage::F32(out), l1.shape().clone()))
    }
}
