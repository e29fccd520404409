//! Canonical execution of one graph node: what arbitration re-runs.
//!
//! Every shape is validated before a kernel runs (the kernels panic on
//! mismatches, and the runtime must never panic on a party's input), then
//! the operator is computed by `gensyn_kernels`' reference definition.
//! The trainer's fast paths are tested against these same definitions, so
//! a node recomputed here has the bits an honest trainer produced.

use crate::{
    shape::output_dims,
    tensor::{numel, Tensor},
    trace::Op,
};
use alloc::{vec, vec::Vec};
use gensyn_kernels::{ops, optim};

/// The kernels a node runs: with std, `gensyn_kernels::cpu`'s fast paths
/// on the given threads (the reference's bits, as that crate's tests
/// prove); without (the runtime), the `ops` reference itself. One name per
/// operator, so `execute` reads the same either way.
mod kern {
    #[cfg(feature = "std")]
    pub use gensyn_kernels::cpu::{
        attention, attention_backward, attention_grad_from, attention_stats, bias_add, bias_backward, cross_entropy,
        cross_entropy_backward, gelu, gelu_backward, layer_norm, layer_norm_backward, log_softmax, matmul, softmax,
        softmax_backward,
    };

    #[cfg(not(feature = "std"))]
    pub use reference::*;

    /// The `ops` reference behind the fast paths' signatures (threads ignored).
    #[cfg(not(feature = "std"))]
    #[allow(clippy::too_many_arguments)]
    mod reference {
        use gensyn_kernels::ops::{self, AttentionShape, MatmulShape, RowStats};

        pub fn matmul(a: &[f32], b: &[f32], c: &mut [f32], s: MatmulShape, _: usize) {
            ops::matmul(a, b, c, s)
        }
        pub fn bias_add(x: &[f32], b: &[f32], out: &mut [f32], _: usize) {
            ops::bias_add(x, b, out)
        }
        pub fn bias_backward(dy: &[f32], db: &mut [f32], _: usize) {
            ops::bias_backward(dy, db)
        }
        pub fn gelu(x: &[f32], out: &mut [f32], _: usize) {
            ops::gelu(x, out)
        }
        pub fn gelu_backward(x: &[f32], dy: &[f32], dx: &mut [f32], _: usize) {
            ops::gelu_backward(x, dy, dx)
        }
        pub fn softmax(x: &[f32], out: &mut [f32], n: usize, _: usize) {
            ops::softmax(x, out, n)
        }
        pub fn log_softmax(x: &[f32], out: &mut [f32], n: usize, _: usize) {
            ops::log_softmax(x, out, n)
        }
        pub fn softmax_backward(y: &[f32], dy: &[f32], dx: &mut [f32], n: usize, _: usize) {
            ops::softmax_backward(y, dy, dx, n)
        }
        pub fn cross_entropy(x: &[f32], t: &[u32], logp: &mut [f32], n: usize, _: usize) -> f32 {
            ops::cross_entropy(x, t, logp, n)
        }
        pub fn cross_entropy_backward(logp: &[f32], t: &[u32], g: f32, d: &mut [f32], n: usize, _: usize) {
            ops::cross_entropy_backward(logp, t, g, d, n)
        }
        pub fn layer_norm(x: &[f32], g: &[f32], b: &[f32], eps: f32, y: &mut [f32], st: &mut [RowStats], _: usize) {
            ops::layer_norm(x, g, b, eps, y, st)
        }
        pub fn layer_norm_backward(
            x: &[f32],
            g: &[f32],
            st: &[RowStats],
            dy: &[f32],
            dx: &mut [f32],
            dg: &mut [f32],
            db: &mut [f32],
            _: usize,
        ) {
            ops::layer_norm_backward(x, g, st, dy, dx, dg, db)
        }
        pub fn attention(qkv: &[f32], out: &mut [f32], s: &AttentionShape, _: usize) {
            ops::attention(qkv, out, s)
        }
        pub fn attention_backward(qkv: &[f32], dout: &[f32], dq: &mut [f32], s: &AttentionShape, _: usize) {
            ops::attention_backward(qkv, dout, dq, s)
        }
        pub fn attention_stats(qkv: &[f32], dout: &[f32], st: &mut [f32], s: &AttentionShape, _: usize) {
            ops::attention_stats(qkv, dout, st, s)
        }
        pub fn attention_grad_from(qkv: &[f32], dout: &[f32], st: &[f32], dq: &mut [f32], s: &AttentionShape, _: usize) {
            ops::attention_grad_from(qkv, dout, st, dq, s)
        }
    }
}

/// Why a node could not be executed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExecError {
    /// Wrong number of inputs.
    Arity,
    /// Input shapes do not fit the operator.
    Shape,
    /// An index input (class, token id) is not an in-range integer.
    Index,
    /// The requested output or tile does not exist.
    NoSuchOutput,
    /// An input tile the computation reads was not given.
    Missing,
}

/// What a node's execution depends on beyond its inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Ctx {
    /// The step being executed (0-based): drives schedules and AdamW's count.
    pub step: u32,
    /// Worker threads for the std fast paths (0 counts as 1). Never changes
    /// a bit of the result; `no_std` builds (the runtime) ignore it.
    pub threads: u32,
}

impl Ctx {
    /// Step `step` on one thread (what arbitration runs).
    pub fn at(step: u32) -> Self {
        Ctx { step, threads: 1 }
    }

    /// The thread count the fast paths get.
    fn workers(&self) -> usize {
        self.threads.max(1) as usize
    }
}

fn same(a: &Tensor, b: &Tensor) -> Result<(), ExecError> {
    (a.dims == b.dims && !a.values.is_empty()).then_some(()).ok_or(ExecError::Shape)
}

/// `(rows, n)` of a tensor viewed as rows over its last dimension.
fn rows_n(t: &Tensor) -> Result<(usize, usize), ExecError> {
    let n = *t.dims.last().ok_or(ExecError::Shape)? as usize;
    if n == 0 || t.values.is_empty() {
        return Err(ExecError::Shape);
    }
    Ok((t.values.len() / n, n))
}

/// Indices stored as `f32`: integers in `0..limit`.
pub(crate) fn indices(t: &Tensor, limit: usize) -> Result<Vec<u32>, ExecError> {
    t.values
        .iter()
        .map(|&v| {
            let i = v as u32;
            (v >= 0.0 && (i as f32) == v && (i as usize) < limit).then_some(i).ok_or(ExecError::Index)
        })
        .collect()
}

fn t(dims: Vec<u32>, values: Vec<f32>) -> Tensor {
    Tensor { dims, values }
}

fn f(bits: u32) -> f32 {
    f32::from_bits(bits)
}

/// The attention shape of a `qkv` input: `[batch·seq × 3·heads·head_dim]`
/// with every dimension at least 1.
fn attention_shape(batch: u32, seq: u32, heads: u32, qkv: &Tensor) -> Result<ops::AttentionShape, ExecError> {
    let rows = batch.checked_mul(seq).ok_or(ExecError::Shape)?;
    let width = heads.checked_mul(3).ok_or(ExecError::Shape)?;
    if rows == 0 || width == 0 || qkv.dims.len() != 2 || qkv.dims[0] != rows || qkv.dims[1] % width != 0 {
        return Err(ExecError::Shape);
    }
    let head_dim = (qkv.dims[1] / width) as usize;
    if head_dim == 0 {
        return Err(ExecError::Shape);
    }
    Ok(ops::AttentionShape { batch: batch as usize, seq: seq as usize, heads: heads as usize, head_dim })
}

/// Runs `op` on `inputs` and returns all its outputs.
pub fn execute(op: &Op, ctx: &Ctx, inputs: &[&Tensor]) -> Result<Vec<Tensor>, ExecError> {
    // The one statement of the shapes each operator accepts; the checks
    // below only extract what the kernels take.
    output_dims(op, &inputs.iter().map(|t| t.dims.as_slice()).collect::<Vec<_>>())?;
    if let Op::Const { value } = *op {
        return Ok(vec![Tensor::scalar(f(value))]);
    }
    let x = inputs[0];
    Ok(match *op {
        Op::Const { .. } => return Err(ExecError::Arity),
        Op::MatMul { m, k, n, ta, tb } => {
            let s = ops::MatmulShape { m: m as usize, k: k as usize, n: n as usize, ta, tb };
            let mn = s.m.checked_mul(s.n).ok_or(ExecError::Shape)?;
            if Some(x.values.len()) != s.m.checked_mul(s.k)
                || Some(inputs[1].values.len()) != s.k.checked_mul(s.n)
                || mn == 0
            {
                return Err(ExecError::Shape);
            }
            let mut c = vec![0.0; mn];
            kern::matmul(&x.values, &inputs[1].values, &mut c, s, ctx.workers());
            vec![t(vec![m, n], c)]
        }
        Op::Add | Op::Mul => {
            same(x, inputs[1])?;
            let mut out = vec![0.0; x.values.len()];
            if *op == Op::Add {
                ops::add(&x.values, &inputs[1].values, &mut out)
            } else {
                ops::mul(&x.values, &inputs[1].values, &mut out)
            }
            vec![t(x.dims.clone(), out)]
        }
        Op::BiasAdd => {
            let (_, n) = rows_n(x)?;
            if inputs[1].values.len() != n || inputs[1].dims.len() != 1 {
                return Err(ExecError::Shape);
            }
            let mut out = vec![0.0; x.values.len()];
            kern::bias_add(&x.values, &inputs[1].values, &mut out, ctx.workers());
            vec![t(x.dims.clone(), out)]
        }
        Op::BiasGrad => {
            let (_, n) = rows_n(x)?;
            let mut out = vec![0.0; n];
            kern::bias_backward(&x.values, &mut out, ctx.workers());
            vec![t(vec![n as u32], out)]
        }
        Op::Relu | Op::Gelu => {
            rows_n(x)?;
            let mut out = vec![0.0; x.values.len()];
            if *op == Op::Relu {
                ops::relu(&x.values, &mut out)
            } else {
                kern::gelu(&x.values, &mut out, ctx.workers())
            }
            vec![t(x.dims.clone(), out)]
        }
        Op::ReluGrad | Op::GeluGrad => {
            same(x, inputs[1])?;
            let mut out = vec![0.0; x.values.len()];
            if *op == Op::ReluGrad {
                ops::relu_backward(&x.values, &inputs[1].values, &mut out)
            } else {
                kern::gelu_backward(&x.values, &inputs[1].values, &mut out, ctx.workers())
            }
            vec![t(x.dims.clone(), out)]
        }
        Op::Softmax | Op::LogSoftmax => {
            let (_, n) = rows_n(x)?;
            let mut out = vec![0.0; x.values.len()];
            if *op == Op::Softmax {
                kern::softmax(&x.values, &mut out, n, ctx.workers())
            } else {
                kern::log_softmax(&x.values, &mut out, n, ctx.workers())
            }
            vec![t(x.dims.clone(), out)]
        }
        Op::SoftmaxGrad => {
            same(x, inputs[1])?;
            let (_, n) = rows_n(x)?;
            let mut out = vec![0.0; x.values.len()];
            kern::softmax_backward(&x.values, &inputs[1].values, &mut out, n, ctx.workers());
            vec![t(x.dims.clone(), out)]
        }
        Op::CrossEntropy => {
            let (rows, n) = rows_n(x)?;
            if x.dims.len() != 2 || inputs[1].values.len() != rows || inputs[1].dims.len() != 1 {
                return Err(ExecError::Shape);
            }
            let targets = indices(inputs[1], n)?;
            let mut logp = vec![0.0; x.values.len()];
            let loss = kern::cross_entropy(&x.values, &targets, &mut logp, n, ctx.workers());
            vec![Tensor::scalar(loss), t(x.dims.clone(), logp)]
        }
        Op::CrossEntropyGrad => {
            let (rows, n) = rows_n(x)?;
            let (tg, g) = (inputs[1], inputs[2]);
            if x.dims.len() != 2 || tg.values.len() != rows || tg.dims.len() != 1 || !g.dims.is_empty() {
                return Err(ExecError::Shape);
            }
            let targets = indices(tg, n)?;
            let mut out = vec![0.0; x.values.len()];
            kern::cross_entropy_backward(&x.values, &targets, g.values[0], &mut out, n, ctx.workers());
            vec![t(x.dims.clone(), out)]
        }
        Op::Sum | Op::Mean => {
            if x.values.is_empty() {
                return Err(ExecError::Shape);
            }
            let v = if *op == Op::Sum { ops::sum(&x.values) } else { ops::mean(&x.values) };
            vec![Tensor::scalar(v)]
        }
        Op::LayerNorm { eps } => {
            let (rows, n) = rows_n(x)?;
            let (g, b) = (inputs[1], inputs[2]);
            if g.values.len() != n || b.values.len() != n || g.dims.len() != 1 || b.dims.len() != 1 {
                return Err(ExecError::Shape);
            }
            let mut y = vec![0.0; x.values.len()];
            let mut stats = vec![ops::RowStats::default(); rows];
            kern::layer_norm(&x.values, &g.values, &b.values, f(eps), &mut y, &mut stats, ctx.workers());
            let flat = stats.iter().flat_map(|s| [s.mean, s.rstd]).collect();
            vec![t(x.dims.clone(), y), t(vec![rows as u32, 2], flat)]
        }
        Op::LayerNormGrad => {
            let (rows, n) = rows_n(x)?;
            let (g, st, dy) = (inputs[1], inputs[2], inputs[3]);
            same(x, dy)?;
            if g.values.len() != n || g.dims.len() != 1 || st.dims != [rows as u32, 2] {
                return Err(ExecError::Shape);
            }
            let stats: Vec<ops::RowStats> =
                st.values.chunks_exact(2).map(|c| ops::RowStats { mean: c[0], rstd: c[1] }).collect();
            let (mut dx, mut dg, mut db) = (vec![0.0; x.values.len()], vec![0.0; n], vec![0.0; n]);
            kern::layer_norm_backward(
                &x.values,
                &g.values,
                &stats,
                &dy.values,
                &mut dx,
                &mut dg,
                &mut db,
                ctx.workers(),
            );
            vec![t(x.dims.clone(), dx), t(vec![n as u32], dg), t(vec![n as u32], db)]
        }
        Op::Embedding => {
            let table = inputs[1];
            if x.dims.len() != 1 || table.dims.len() != 2 || x.values.is_empty() {
                return Err(ExecError::Shape);
            }
            let (vocab, dim) = (table.dims[0] as usize, table.dims[1] as usize);
            if dim == 0 {
                return Err(ExecError::Shape);
            }
            let ids = indices(x, vocab)?;
            let mut out = vec![0.0; ids.len() * dim];
            ops::embedding(&ids, &table.values, dim, &mut out);
            vec![t(vec![ids.len() as u32, dim as u32], out)]
        }
        Op::EmbeddingGrad { vocab } => {
            let dy = inputs[1];
            if x.dims.len() != 1 || dy.dims.len() != 2 || dy.dims[0] as usize != x.values.len() || dy.dims[1] == 0 {
                return Err(ExecError::Shape);
            }
            let dim = dy.dims[1] as usize;
            let ids = indices(x, vocab as usize)?;
            let len = (vocab as usize).checked_mul(dim).ok_or(ExecError::Shape)?;
            let mut out = vec![0.0; len];
            ops::embedding_backward(&ids, &dy.values, dim, &mut out);
            vec![t(vec![vocab, dim as u32], out)]
        }
        Op::Attention { batch, seq, heads } => {
            let s = attention_shape(batch, seq, heads, x)?;
            let mut out = vec![0.0; s.out_len()];
            kern::attention(&x.values, &mut out, &s, ctx.workers());
            vec![t(vec![batch * seq, s.width() as u32], out)]
        }
        Op::AttentionGrad { batch, seq, heads } => {
            let s = attention_shape(batch, seq, heads, x)?;
            let dy = inputs[1];
            if dy.dims != [batch * seq, s.width() as u32] {
                return Err(ExecError::Shape);
            }
            let mut out = vec![0.0; s.qkv_len()];
            kern::attention_backward(&x.values, &dy.values, &mut out, &s, ctx.workers());
            vec![t(x.dims.clone(), out)]
        }
        Op::Accumulate => {
            same(x, inputs[1])?;
            let mut out = vec![0.0; x.values.len()];
            ops::accumulate(&x.values, &inputs[1].values, &mut out);
            vec![t(x.dims.clone(), out)]
        }
        Op::Sgd { lr, momentum, weight_decay } => {
            same(x, inputs[1])?;
            same(x, inputs[2])?;
            let (mut p, mut v) = (x.values.clone(), inputs[2].values.clone());
            optim::sgd_momentum(&mut p, &inputs[1].values, &mut v, lr.rate(ctx.step), f(momentum), f(weight_decay));
            vec![t(x.dims.clone(), p), t(x.dims.clone(), v)]
        }
        Op::AdamW { lr, beta1, beta2, eps, weight_decay } => {
            for i in 1..4 {
                same(x, inputs[i])?;
            }
            let opt = optim::AdamW {
                lr: lr.rate(ctx.step),
                beta1: f(beta1),
                beta2: f(beta2),
                eps: f(eps),
                weight_decay: f(weight_decay),
            };
            let (mut p, mut m, mut v) = (x.values.clone(), inputs[2].values.clone(), inputs[3].values.clone());
            opt.step(&mut p, &inputs[1].values, &mut m, &mut v, ctx.step.saturating_add(1));
            vec![t(x.dims.clone(), p), t(x.dims.clone(), m), t(x.dims.clone(), v)]
        }
        Op::RowMax | Op::RowSumExp => {
            let (rows, n) = rows_n(x)?;
            let out: Vec<f32> = x
                .values
                .chunks_exact(n)
                .enumerate()
                .map(
                    |(i, r)| if *op == Op::RowMax { ops::row_max(r) } else { ops::row_sum_exp(r, inputs[1].values[i]) },
                )
                .collect();
            vec![t(vec![rows as u32], out)]
        }
        Op::AttentionStats { batch, seq, heads } => {
            let s = attention_shape(batch, seq, heads, x)?;
            let mut out = vec![0.0; s.heads * s.batch * s.seq * 3];
            kern::attention_stats(&x.values, &inputs[1].values, &mut out, &s, ctx.workers());
            vec![t(vec![heads, batch * seq, 3], out)]
        }
        Op::AttentionGradFrom { batch, seq, heads } => {
            let s = attention_shape(batch, seq, heads, x)?;
            let (dout, stats) = (&inputs[1].values, &inputs[2].values);
            let mut out = vec![0.0; x.values.len()];
            kern::attention_grad_from(&x.values, dout, stats, &mut out, &s, ctx.workers());
            vec![t(x.dims.clone(), out)]
        }
        Op::LogSoftmaxFrom => {
            let (_, n) = rows_n(x)?;
            let mut out = vec![0.0; x.values.len()];
            ops::log_softmax_from(&x.values, &inputs[1].values, &inputs[2].values, &mut out, n);
            vec![t(x.dims.clone(), out)]
        }
    })
}

/// Elements of output `output` of `op` on inputs of these shapes (or of
/// one tile), computed from shapes alone so a caller can refuse a huge
/// allocation before executing; saturates on overflow.
pub fn output_len(op: &Op, input_dims: &[&[u32]], tiled: bool) -> u64 {
    let n = |i: usize| input_dims.get(i).map_or(0, |d| numel(d).map_or(u64::MAX, |x| x as u64));
    let last = |i: usize| input_dims.get(i).and_then(|d| d.last()).copied().unwrap_or(0) as u64;
    let full = match *op {
        Op::Const { .. } | Op::Sum | Op::Mean => 1,
        Op::MatMul { m, n: cols, .. } => (m as u64).saturating_mul(cols as u64),
        Op::BiasGrad => last(0),
        Op::Embedding => n(0).saturating_mul(last(1)),
        Op::EmbeddingGrad { vocab } => (vocab as u64).saturating_mul(last(1)),
        // Queries, keys and values in, one third of the width out.
        Op::Attention { .. } => n(0) / 3,
        // Every other output is at most the size of an input.
        _ => (0..input_dims.len()).map(n).max().unwrap_or(0),
    };
    if tiled {
        full.min(crate::tensor::TILE as u64)
    } else {
        full
    }
}

/// Work of re-running `op` on inputs of these shapes, in multiply-add
/// equivalents: what whole-operator execution (the runtime's
/// `ArbitrationApi`) is capped at. Counts reading and hashing the inputs,
/// computing ([`compute`]), and storing and hashing the output (16 per
/// element), so neither a huge output nor a huge contraction fits under the
/// cap. `tiled` prices one output tile of a matmul.
pub fn work(op: &Op, input_dims: &[&[u32]], tiled: bool) -> u64 {
    let inputs: u64 = input_dims.iter().map(|d| numel(d).map_or(u64::MAX, |x| x as u64)).fold(0, u64::saturating_add);
    let outputs = output_len(op, input_dims, tiled);
    let compute = match *op {
        Op::MatMul { k, .. } => outputs.saturating_mul(k as u64),
        _ => compute(op, input_dims),
    };
    compute.saturating_add(inputs.saturating_mul(16)).saturating_add(outputs.saturating_mul(16))
}

/// The arithmetic of running `op` on inputs of these shapes, in
/// multiply-add equivalents (no reading, hashing or storing).
pub fn compute(op: &Op, input_dims: &[&[u32]]) -> u64 {
    let inputs: u64 = input_dims.iter().map(|d| numel(d).map_or(u64::MAX, |x| x as u64)).fold(0, u64::saturating_add);
    let n = |i: usize| input_dims.get(i).map_or(0, |d| numel(d).map_or(u64::MAX, |x| x as u64));
    match *op {
        Op::MatMul { k, .. } => output_len(op, input_dims, false).saturating_mul(k as u64),
        // Every query meets up to `seq` keys and values: about `seq`
        // multiply-adds per qkv element forward, twice that (recompute,
        // then the three gradients) backward, plus the exponentials.
        Op::Attention { seq, .. } => n(0).saturating_mul(seq as u64).saturating_add(n(0).saturating_mul(24)),
        Op::AttentionGrad { seq, .. } | Op::AttentionGradFrom { seq, .. } | Op::AttentionStats { seq, .. } => {
            n(0).saturating_mul(seq as u64).saturating_mul(2).saturating_add(n(0).saturating_mul(24))
        }
        // Transcendentals cost tens of operations per element.
        Op::Gelu
        | Op::GeluGrad
        | Op::Softmax
        | Op::LogSoftmax
        | Op::CrossEntropy
        | Op::CrossEntropyGrad
        | Op::SoftmaxGrad
        | Op::LayerNorm { .. }
        | Op::LayerNormGrad
        | Op::AdamW { .. }
        | Op::RowSumExp
        | Op::LogSoftmaxFrom => inputs.saturating_mul(24),
        _ => inputs.saturating_mul(2),
    }
}
