//! The canonical operators (reference implementations).
//!
//! Tensors are row-major `f32` slices with explicit dimensions. Each
//! function here *is* the definition of its operator: the fast CPU paths,
//! the CUDA kernels and the runtime's arbitration must reproduce its bits.
//! The order of every floating-point operation is part of that definition:
//! - matmul accumulates over K as a sequential fold from `0.0`, one
//!   multiply then one add per step (no fused multiply-add);
//! - every other reduction is the tree of [`crate::reduce`];
//! - averages multiply by `1/n`.
//!
//! Shapes are the caller's to validate: mismatched lengths panic.

use crate::{
    math,
    reduce::{recip, tree_sum, tree_sum_by},
};

/// Dimensions and layout of `C[m×n] = op(A)[m×k] · op(B)[k×n]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatmulShape {
    /// Rows of C.
    pub m: usize,
    /// The contracted dimension.
    pub k: usize,
    /// Columns of C.
    pub n: usize,
    /// A is stored transposed (`[k×m]`).
    pub ta: bool,
    /// B is stored transposed (`[n×k]`).
    pub tb: bool,
}

impl MatmulShape {
    /// `A[m×k] · B[k×n]`, neither transposed.
    pub const fn nn(m: usize, k: usize, n: usize) -> Self {
        Self { m, k, n, ta: false, tb: false }
    }
    /// Index of `op(A)[i, p]` in A's storage.
    #[inline(always)]
    pub fn a_idx(&self, i: usize, p: usize) -> usize {
        if self.ta {
            p * self.m + i
        } else {
            i * self.k + p
        }
    }
    /// Index of `op(B)[p, j]` in B's storage.
    #[inline(always)]
    pub fn b_idx(&self, p: usize, j: usize) -> usize {
        if self.tb {
            j * self.k + p
        } else {
            p * self.n + j
        }
    }
    /// Multiply-adds performed (for throughput figures).
    pub fn flops(&self) -> u64 {
        2 * (self.m * self.k * self.n) as u64
    }
}

/// `C = op(A) · op(B)`. Per output: `acc = 0; for p in 0..k { acc = acc + a·b }`.
pub fn matmul(a: &[f32], b: &[f32], c: &mut [f32], s: MatmulShape) {
    c.fill(0.0);
    matmul_continue(a, b, c, s);
}

/// The matmul's fold continued from `c` over this `k`: per output,
/// `acc = c; for p in 0..k { acc = acc + a·b }`. Folding `k₁` then `k₂`
/// columns gives the bits of folding `k₁ + k₂`: a dispute over a long `K`
/// bisects over the partial sums.
pub fn matmul_continue(a: &[f32], b: &[f32], c: &mut [f32], s: MatmulShape) {
    assert_eq!(a.len(), s.m * s.k, "matmul: A");
    assert_eq!(b.len(), s.k * s.n, "matmul: B");
    assert_eq!(c.len(), s.m * s.n, "matmul: C");
    for i in 0..s.m {
        for j in 0..s.n {
            let mut acc = c[i * s.n + j];
            for p in 0..s.k {
                acc = acc + a[s.a_idx(i, p)] * b[s.b_idx(p, j)];
            }
            c[i * s.n + j] = acc;
        }
    }
}

/// Backward of `C = A·B` (neither stored transposed): `dA = dC·Bᵀ`, `dB = Aᵀ·dC`,
/// each itself a canonical matmul.
pub fn matmul_backward(a: &[f32], b: &[f32], dc: &[f32], da: &mut [f32], db: &mut [f32], m: usize, k: usize, n: usize) {
    matmul(dc, b, da, MatmulShape { m, k: n, n: k, ta: false, tb: true });
    matmul(a, dc, db, MatmulShape { m: k, k: m, n, ta: true, tb: false });
}

/// `out = a + b`.
pub fn add(a: &[f32], b: &[f32], out: &mut [f32]) {
    assert!(a.len() == b.len() && b.len() == out.len(), "add");
    for i in 0..out.len() {
        out[i] = a[i] + b[i];
    }
}

/// `out = a ⊙ b`.
pub fn mul(a: &[f32], b: &[f32], out: &mut [f32]) {
    assert!(a.len() == b.len() && b.len() == out.len(), "mul");
    for i in 0..out.len() {
        out[i] = a[i] * b[i];
    }
}

/// Backward of `a ⊙ b`: `da = dy ⊙ b`, `db = dy ⊙ a`.
pub fn mul_backward(a: &[f32], b: &[f32], dy: &[f32], da: &mut [f32], db: &mut [f32]) {
    mul(dy, b, da);
    mul(dy, a, db);
}

/// `out[i, j] = x[i, j] + bias[j]` for `x` of `rows × bias.len()`.
pub fn bias_add(x: &[f32], bias: &[f32], out: &mut [f32]) {
    let n = bias.len();
    assert!(n > 0 && x.len() % n == 0 && out.len() == x.len(), "bias_add");
    for (i, v) in out.iter_mut().enumerate() {
        *v = x[i] + bias[i % n];
    }
}

/// Bias gradient: `dbias[j] = Σᵢ dy[i, j]` (tree over rows).
pub fn bias_backward(dy: &[f32], dbias: &mut [f32]) {
    let n = dbias.len();
    assert!(n > 0 && dy.len() % n == 0, "bias_backward");
    let rows = dy.len() / n;
    for (j, d) in dbias.iter_mut().enumerate() {
        *d = tree_sum_by(rows, &|i| dy[i * n + j]);
    }
}

/// ReLU as `x > 0 ? x : 0` (so −0 and NaN map to +0).
pub fn relu(x: &[f32], out: &mut [f32]) {
    assert_eq!(x.len(), out.len(), "relu");
    for i in 0..x.len() {
        out[i] = if x[i] > 0.0 { x[i] } else { 0.0 };
    }
}

/// `dx = dy` where `x > 0`, else 0.
pub fn relu_backward(x: &[f32], dy: &[f32], dx: &mut [f32]) {
    assert!(x.len() == dy.len() && dy.len() == dx.len(), "relu_backward");
    for i in 0..x.len() {
        dx[i] = if x[i] > 0.0 { dy[i] } else { 0.0 };
    }
}

/// GELU (tanh approximation), elementwise.
pub fn gelu(x: &[f32], out: &mut [f32]) {
    assert_eq!(x.len(), out.len(), "gelu");
    for i in 0..x.len() {
        out[i] = math::gelu(x[i]);
    }
}

/// `dx = dy · gelu'(x)`.
pub fn gelu_backward(x: &[f32], dy: &[f32], dx: &mut [f32]) {
    assert!(x.len() == dy.len() && dy.len() == dx.len(), "gelu_backward");
    for i in 0..x.len() {
        dx[i] = dy[i] * math::gelu_grad(x[i]);
    }
}

/// Row maximum (NaN-propagating): a fold from `−∞` in column order (the
/// order decides which of `±0` is kept).
pub fn row_max(row: &[f32]) -> f32 {
    row_max_continue(row, f32::NEG_INFINITY)
}

/// [`row_max`]'s fold continued from `m` over `row`: folding one run of
/// columns then the next gives the bits of folding both.
pub fn row_max_continue(row: &[f32], mut m: f32) -> f32 {
    for &v in row {
        if v > m || v.is_nan() {
            m = v;
        }
    }
    m
}

/// One term of a row's sum of exponentials: `exp(x − m)`.
#[inline(always)]
pub fn exp_shifted(x: f32, m: f32) -> f32 {
    math::exp(x - m)
}

/// A row's sum of exponentials shifted by its maximum `m`:
/// `Σ exp(x − m)` (tree).
pub fn row_sum_exp(row: &[f32], m: f32) -> f32 {
    tree_sum_by(row.len(), &|j| exp_shifted(row[j], m))
}

/// Log-softmax of rows of `x[rows × n]` from each row's maximum `m` and
/// sum of exponentials `s`: `y = (x − m) − ln s`. With `m = row_max` and
/// `s = row_sum_exp` it is [`log_softmax`], bit for bit; as three nodes a
/// program can dispute a vocabulary-wide row one reduction at a time.
pub fn log_softmax_from(x: &[f32], m: &[f32], s: &[f32], out: &mut [f32], n: usize) {
    assert!(n > 0 && x.len() == m.len() * n && s.len() == m.len() && out.len() == x.len(), "log_softmax_from");
    for (((xr, yr), &m), &s) in x.chunks_exact(n).zip(out.chunks_exact_mut(n)).zip(m).zip(s) {
        let lse = math::ln(s);
        for j in 0..n {
            yr[j] = (xr[j] - m) - lse;
        }
    }
}

/// Row-wise softmax of `x[rows × n]`: `e = exp(x − max)`, `y = e / Σe`.
pub fn softmax(x: &[f32], out: &mut [f32], n: usize) {
    assert!(n > 0 && x.len() % n == 0 && out.len() == x.len(), "softmax");
    for (xr, yr) in x.chunks_exact(n).zip(out.chunks_exact_mut(n)) {
        let m = row_max(xr);
        for j in 0..n {
            yr[j] = math::exp(xr[j] - m);
        }
        let s = tree_sum(yr);
        for v in yr.iter_mut() {
            *v = *v / s;
        }
    }
}

/// Softmax backward from its output: `dx = y ⊙ (dy − Σ y⊙dy)` per row.
pub fn softmax_backward(y: &[f32], dy: &[f32], dx: &mut [f32], n: usize) {
    assert!(n > 0 && y.len() % n == 0 && dy.len() == y.len() && dx.len() == y.len(), "softmax_backward");
    for ((yr, dyr), dxr) in y.chunks_exact(n).zip(dy.chunks_exact(n)).zip(dx.chunks_exact_mut(n)) {
        let dot = tree_sum_by(n, &|j| yr[j] * dyr[j]);
        for j in 0..n {
            dxr[j] = yr[j] * (dyr[j] - dot);
        }
    }
}

/// Row-wise log-softmax: `y = (x − max) − ln Σ exp(x − max)`.
pub fn log_softmax(x: &[f32], out: &mut [f32], n: usize) {
    assert!(n > 0 && x.len() % n == 0 && out.len() == x.len(), "log_softmax");
    for (xr, yr) in x.chunks_exact(n).zip(out.chunks_exact_mut(n)) {
        let m = row_max(xr);
        let lse = math::ln(row_sum_exp(xr, m));
        for j in 0..n {
            yr[j] = (xr[j] - m) - lse;
        }
    }
}

/// Mean cross-entropy of `logits[rows × n]` against class indices:
/// `−(1/rows) · Σᵢ log_softmax(logits)[i, targetᵢ]` (tree over rows).
/// Writes the log-softmax into `logp` (the backward needs it).
pub fn cross_entropy(logits: &[f32], targets: &[u32], logp: &mut [f32], n: usize) -> f32 {
    let rows = targets.len();
    assert!(rows > 0 && logits.len() == rows * n, "cross_entropy");
    log_softmax(logits, logp, n);
    cross_entropy_loss(logp, targets, n)
}

/// The mean negative log-likelihood of `targets` under the log-probabilities
/// `logp[rows × n]`: `−(Σ_i logp[i, targetᵢ] (tree) · (1/rows))`, the value
/// [`cross_entropy`] returns.
pub fn cross_entropy_loss(logp: &[f32], targets: &[u32], n: usize) -> f32 {
    let rows = targets.len();
    assert!(rows > 0 && logp.len() == rows * n, "cross_entropy_loss");
    for &t in targets {
        assert!((t as usize) < n, "cross_entropy: target out of range");
    }
    -(tree_sum_by(rows, &|i| logp[i * n + targets[i] as usize]) * recip(rows))
}

/// Gradient of [`cross_entropy`] times the upstream gradient `g`:
/// `dlogits[i, j] = (exp(logp[i, j]) − [j = targetᵢ]) · (g · (1/rows))`.
pub fn cross_entropy_backward(logp: &[f32], targets: &[u32], g: f32, dlogits: &mut [f32], n: usize) {
    let rows = targets.len();
    assert!(rows > 0 && logp.len() == rows * n && dlogits.len() == logp.len(), "cross_entropy_backward");
    let scale = cross_entropy_scale(g, rows);
    for i in 0..rows {
        for j in 0..n {
            dlogits[i * n + j] = cross_entropy_grad_at(logp[i * n + j], j == targets[i] as usize, scale);
        }
    }
}

/// The factor every element of [`cross_entropy_backward`] is scaled by:
/// `g · (1/rows)`.
#[inline(always)]
pub fn cross_entropy_scale(g: f32, rows: usize) -> f32 {
    g * recip(rows)
}

/// One element of [`cross_entropy_backward`]: `(exp(logp) − [target]) · scale`.
/// Each element depends on its own log-probability and row target alone,
/// so arbitration recomputes one tile of the gradient from one tile.
#[inline(always)]
pub fn cross_entropy_grad_at(logp: f32, is_target: bool, scale: f32) -> f32 {
    let onehot = if is_target { 1.0 } else { 0.0 };
    (math::exp(logp) - onehot) * scale
}

/// Sum of all elements (tree).
pub fn sum(x: &[f32]) -> f32 {
    tree_sum(x)
}

/// Mean of all elements: `sum × (1/n)`.
pub fn mean(x: &[f32]) -> f32 {
    crate::reduce::mean(x)
}

/// Backward of [`sum`]: every element gets `g`.
pub fn sum_backward(g: f32, dx: &mut [f32]) {
    dx.fill(g);
}

/// Backward of [`mean`]: every element gets `g · (1/n)`.
pub fn mean_backward(g: f32, dx: &mut [f32]) {
    let v = g * recip(dx.len());
    dx.fill(v);
}

/// Per-row statistics saved by [`layer_norm`] for its backward.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RowStats {
    /// Row mean.
    pub mean: f32,
    /// `1 / √(var + eps)`.
    pub rstd: f32,
}

/// Layer norm over rows of `x[rows × n]`:
/// `μ = Σx·(1/n)`, `σ² = Σ(x−μ)²·(1/n)`, `r = 1/√(σ²+eps)`, `y = ((x−μ)·r)·γ + β`.
pub fn layer_norm(x: &[f32], gamma: &[f32], beta: &[f32], eps: f32, out: &mut [f32], stats: &mut [RowStats]) {
    let n = gamma.len();
    assert!(n > 0 && beta.len() == n && x.len() % n == 0 && out.len() == x.len(), "layer_norm");
    assert_eq!(stats.len(), x.len() / n, "layer_norm: stats");
    let inv_n = recip(n);
    for ((xr, yr), st) in x.chunks_exact(n).zip(out.chunks_exact_mut(n)).zip(stats.iter_mut()) {
        let mu = tree_sum(xr) * inv_n;
        let var = tree_sum_by(n, &|j| (xr[j] - mu) * (xr[j] - mu)) * inv_n;
        let rstd = 1.0 / math::sqrt(var + eps);
        for j in 0..n {
            yr[j] = ((xr[j] - mu) * rstd) * gamma[j] + beta[j];
        }
        *st = RowStats { mean: mu, rstd };
    }
}

/// Layer-norm backward. With `x̂ = (x−μ)·r` and `g = dy·γ`:
/// `dx = r · ((g − Σg·(1/n)) − x̂ · (Σ g⊙x̂ · (1/n)))`,
/// `dγ[j] = Σᵢ dy·x̂`, `dβ[j] = Σᵢ dy` (trees over rows).
pub fn layer_norm_backward(
    x: &[f32],
    gamma: &[f32],
    stats: &[RowStats],
    dy: &[f32],
    dx: &mut [f32],
    dgamma: &mut [f32],
    dbeta: &mut [f32],
) {
    let n = gamma.len();
    let rows = stats.len();
    assert!(x.len() == rows * n && dy.len() == x.len() && dx.len() == x.len(), "layer_norm_backward");
    assert!(dgamma.len() == n && dbeta.len() == n, "layer_norm_backward: params");
    let inv_n = recip(n);
    let xhat = |i: usize, j: usize| layer_norm_xhat(x[i * n + j], stats[i]);
    for i in 0..rows {
        let g = |j: usize| dy[i * n + j] * gamma[j];
        let mean_g = tree_sum_by(n, &g) * inv_n;
        let mean_gx = tree_sum_by(n, &|j| g(j) * xhat(i, j)) * inv_n;
        for j in 0..n {
            dx[i * n + j] = stats[i].rstd * ((g(j) - mean_g) - xhat(i, j) * mean_gx);
        }
    }
    for j in 0..n {
        dgamma[j] = tree_sum_by(rows, &|i| dy[i * n + j] * xhat(i, j));
        dbeta[j] = tree_sum_by(rows, &|i| dy[i * n + j]);
    }
}

/// The normalised input `x̂ = (x − μ)·r` of one element.
#[inline(always)]
pub fn layer_norm_xhat(x: f32, st: RowStats) -> f32 {
    (x - st.mean) * st.rstd
}

/// Embedding lookup: `out[i, :] = table[ids[i], :]` for `table[vocab × dim]`.
pub fn embedding(ids: &[u32], table: &[f32], dim: usize, out: &mut [f32]) {
    assert!(dim > 0 && table.len() % dim == 0 && out.len() == ids.len() * dim, "embedding");
    let vocab = table.len() / dim;
    for (i, &id) in ids.iter().enumerate() {
        assert!((id as usize) < vocab, "embedding: id out of range");
        out[i * dim..(i + 1) * dim].copy_from_slice(&table[id as usize * dim..(id as usize + 1) * dim]);
    }
}

/// Embedding backward: `dtable[r, :] = Σ dy[i, :]` over the `i` with
/// `ids[i] = r`, folded sequentially in increasing `i` from 0 (rows never
/// looked up stay 0).
pub fn embedding_backward(ids: &[u32], dy: &[f32], dim: usize, dtable: &mut [f32]) {
    dtable.fill(0.0);
    embedding_backward_continue(ids, dy, dim, dtable);
}

/// [`embedding_backward`]'s fold continued from `dtable` over these
/// tokens: folding one run of tokens then the next gives the bits of
/// folding both.
pub fn embedding_backward_continue(ids: &[u32], dy: &[f32], dim: usize, dtable: &mut [f32]) {
    assert!(dim > 0 && dtable.len() % dim == 0 && dy.len() == ids.len() * dim, "embedding_backward");
    for (i, &id) in ids.iter().enumerate() {
        let r = id as usize * dim;
        for j in 0..dim {
            dtable[r + j] = dtable[r + j] + dy[i * dim + j];
        }
    }
}

/// Shape of causal multi-head self-attention over `batch` sequences of
/// `seq` tokens, `heads` heads of `head_dim` each (model width
/// `d = heads·head_dim`).
///
/// The input is one matrix `qkv[batch·seq × 3d]` whose columns are
/// `[q | k | v]`, head `h` using columns `h·head_dim..(h+1)·head_dim` of
/// each block: one projection feeds it, so autograd never has to sum the
/// gradients of three consumers (whose order would be part of the bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttentionShape {
    /// Sequences.
    pub batch: usize,
    /// Tokens per sequence.
    pub seq: usize,
    /// Heads.
    pub heads: usize,
    /// Width of one head.
    pub head_dim: usize,
}

impl AttentionShape {
    /// Model width `heads·head_dim`.
    pub fn width(&self) -> usize {
        self.heads * self.head_dim
    }
    /// Elements of `qkv` (and of its gradient).
    pub fn qkv_len(&self) -> usize {
        self.batch * self.seq * 3 * self.width()
    }
    /// Elements of the output (and of its gradient).
    pub fn out_len(&self) -> usize {
        self.batch * self.seq * self.width()
    }
    /// The score scale `1/√head_dim`.
    pub fn scale(&self) -> f32 {
        1.0 / math::sqrt(self.head_dim as f32)
    }
    /// `(q, k, v)` column offsets of head `h` in a `qkv` row.
    fn cols(&self, h: usize) -> (usize, usize, usize) {
        let d = self.width();
        (h * self.head_dim, d + h * self.head_dim, 2 * d + h * self.head_dim)
    }
}

/// Sequential dot product from `0.0` (the matmul's fold).
#[inline(always)]
fn fold_dot(len: usize, f: impl Fn(usize) -> f32) -> f32 {
    let mut acc = 0.0f32;
    for p in 0..len {
        acc = acc + f(p);
    }
    acc
}

/// The scaled score `(q_t·k_j)·scale` of head `h` of one sequence.
#[inline(always)]
fn score(qkv: &[f32], s: &AttentionShape, h: usize, t: usize, j: usize) -> f32 {
    let stride = 3 * s.width();
    let (qc, kc, _) = s.cols(h);
    fold_dot(s.head_dim, |p| qkv[t * stride + qc + p] * qkv[j * stride + kc + p]) * s.scale()
}

/// `dP[t, j] = dout_t·v_j` of head `h` of one sequence.
#[inline(always)]
fn dp(qkv: &[f32], dout: &[f32], s: &AttentionShape, h: usize, t: usize, j: usize) -> f32 {
    let (stride, d) = (3 * s.width(), s.width());
    let (_, _, vc) = s.cols(h);
    fold_dot(s.head_dim, |c| dout[t * d + h * s.head_dim + c] * qkv[j * stride + vc + c])
}

/// The attention probabilities of head `h`, row `t` of one sequence:
/// `P[t, s] = softmax_s((q_t·k_s)·scale)` over `s ≤ t`, written to
/// `row[..=t]` (the causal mask is the shortened row, not a `−∞`).
/// `scores` is scratch of at least `t + 1` elements.
fn attention_row(qkv: &[f32], s: &AttentionShape, h: usize, t: usize, scores: &mut [f32], row: &mut [f32]) {
    for j in 0..=t {
        scores[j] = score(qkv, s, h, t, j);
    }
    softmax(&scores[..=t], &mut row[..=t], t + 1);
}

/// Causal self-attention of one sequence (`qkv[seq × 3d]` → `out[seq × d]`):
/// per head, `o_t = Σ_{s≤t} P[t, s]·v_s`, each element a sequential fold
/// over `s` from `0.0`.
pub fn attention_sequence(qkv: &[f32], out: &mut [f32], s: &AttentionShape) {
    attention_rows(qkv, out, s, 0..s.seq)
}

/// Rows `rows` of [`attention_sequence`] (`out[rows.len() × d]`): a row
/// reads only the rows at or before it, so one tile of the output is
/// recomputed from a prefix of the sequence.
pub fn attention_rows(qkv: &[f32], out: &mut [f32], s: &AttentionShape, rows: core::ops::Range<usize>) {
    let (stride, d) = (3 * s.width(), s.width());
    assert!(qkv.len() == s.seq * stride && rows.end <= s.seq && out.len() == rows.len() * d, "attention_rows");
    let (mut scores, mut row) = (alloc::vec![0.0f32; s.seq], alloc::vec![0.0f32; s.seq]);
    for h in 0..s.heads {
        let (_, _, vc) = s.cols(h);
        for t in rows.clone() {
            attention_row(qkv, s, h, t, &mut scores, &mut row);
            let o = (t - rows.start) * d + h * s.head_dim;
            for p in 0..s.head_dim {
                out[o + p] = fold_dot(t + 1, |j| row[j] * qkv[j * stride + vc + p]);
            }
        }
    }
}

/// Causal multi-head self-attention ([`AttentionShape`]): each sequence
/// by [`attention_sequence`].
pub fn attention(qkv: &[f32], out: &mut [f32], s: &AttentionShape) {
    assert!(qkv.len() == s.qkv_len() && out.len() == s.out_len(), "attention");
    let (inp, outp) = (s.seq * 3 * s.width(), s.seq * s.width());
    for (x, y) in qkv.chunks_exact(inp).zip(out.chunks_exact_mut(outp)) {
        attention_sequence(x, y, s);
    }
}

/// Backward of [`attention_sequence`] from `dout[seq × d]`, recomputing the
/// probabilities (nothing but the inputs is saved). Per head, with
/// `dP[t, s] = dout_t·v_s` and `dS = P ⊙ (dP − Σ_s P⊙dP)·scale` (the softmax
/// backward's tree):
/// `dq_t = Σ_{s≤t} dS[t, s]·k_s`, `dk_s = Σ_{t≥s} dS[t, s]·q_t`,
/// `dv_s = Σ_{t≥s} P[t, s]·dout_t`, each a sequential fold in increasing
/// index from `0.0`. Written as its two halves: each query row's statistics
/// ([`attention_row_stats`]), then every row's gradients from them
/// ([`attention_backward_rows`]).
pub fn attention_sequence_backward(qkv: &[f32], dout: &[f32], dqkv: &mut [f32], s: &AttentionShape) {
    let (stride, d, n) = (3 * s.width(), s.width(), s.seq);
    assert!(qkv.len() == n * stride && dout.len() == n * d && dqkv.len() == qkv.len(), "attention_backward");
    let mut stats = alloc::vec![0.0f32; s.heads * n * 3];
    attention_stats_rows(qkv, dout, &mut stats, s, 0..n);
    attention_backward_rows(qkv, dout, &stats, dqkv, s, 0..n);
}

/// The statistics of query row `t` of head `h` the backward needs:
/// `[m, S, Σ_j P·dP]`, the maximum score, the sum of `exp(score − m)` (so
/// `P[t, j] = exp(score − m) / S`, softmax's bits) and the softmax
/// backward's dot. `scratch` holds at least `t + 1` values twice.
fn row_stats(qkv: &[f32], dout: &[f32], s: &AttentionShape, h: usize, t: usize, scratch: &mut [f32]) -> [f32; 3] {
    let (scores, dps) = scratch.split_at_mut(t + 1);
    for j in 0..=t {
        scores[j] = score(qkv, s, h, t, j);
        dps[j] = dp(qkv, dout, s, h, t, j);
    }
    let m = row_max(scores);
    let sum = row_sum_exp(scores, m);
    let dot = tree_sum_by(t + 1, &|j| (exp_shifted(scores[j], m) / sum) * dps[j]);
    [m, sum, dot]
}

/// Rows `rows` of one sequence's attention statistics, head by head:
/// `stats[(h·seq + t)·3 ..][..3]` for each head `h` and `t` in `rows`
/// (`stats` is `[heads × seq × 3]`). A row reads its prefix only.
pub fn attention_stats_rows(
    qkv: &[f32],
    dout: &[f32],
    stats: &mut [f32],
    s: &AttentionShape,
    rows: core::ops::Range<usize>,
) {
    let n = s.seq;
    assert!(stats.len() == s.heads * n * 3 && rows.end <= n, "attention_stats");
    let mut scratch = alloc::vec![0.0f32; 2 * n];
    for h in 0..s.heads {
        for t in rows.clone() {
            let st = row_stats(qkv, dout, s, h, t, &mut scratch[..2 * (t + 1)]);
            stats[(h * n + t) * 3..(h * n + t) * 3 + 3].copy_from_slice(&st);
        }
    }
}

/// Rows `rows` of one sequence's `dqkv` (`[rows.len() × 3d]`) from its
/// statistics (`[heads × seq × 3]`, [`attention_stats_rows`]): a query row
/// folds over the keys at or before it, a key or value row over the queries
/// at or after it, with `P` and `dS` recomputed from the statistics.
pub fn attention_backward_rows(
    qkv: &[f32],
    dout: &[f32],
    stats: &[f32],
    dqkv: &mut [f32],
    s: &AttentionShape,
    rows: core::ops::Range<usize>,
) {
    let (stride, d, n) = (3 * s.width(), s.width(), s.seq);
    assert!(
        qkv.len() == n * stride && dout.len() == n * d && stats.len() == s.heads * n * 3 && rows.end <= n,
        "attention_backward_rows"
    );
    assert_eq!(dqkv.len(), rows.len() * stride, "attention_backward_rows: out");
    let scale = s.scale();
    let (mut ds, mut p) = (alloc::vec![0.0f32; n], alloc::vec![0.0f32; n]);
    for h in 0..s.heads {
        let (qc, kc, vc) = s.cols(h);
        let oc = h * s.head_dim;
        let st = |t: usize| &stats[(h * n + t) * 3..(h * n + t) * 3 + 3];
        // P[t, j] and dS[t, j], from the statistics of row t.
        let entry = |t: usize, j: usize| {
            let [m, sum, dot] = [st(t)[0], st(t)[1], st(t)[2]];
            let pr = exp_shifted(score(qkv, s, h, t, j), m) / sum;
            (pr, (pr * (dp(qkv, dout, s, h, t, j) - dot)) * scale)
        };
        for t in rows.clone() {
            let out = (t - rows.start) * stride;
            // Row t as a query: dS[t, j] for j ≤ t.
            for j in 0..=t {
                ds[j] = entry(t, j).1;
            }
            for c in 0..s.head_dim {
                dqkv[out + qc + c] = fold_dot(t + 1, |j| ds[j] * qkv[j * stride + kc + c]);
            }
            // Row t as a key/value: P and dS of the queries at or after it.
            let later = n - t;
            for i in 0..later {
                (p[i], ds[i]) = entry(t + i, t);
            }
            for c in 0..s.head_dim {
                dqkv[out + kc + c] = fold_dot(later, |i| ds[i] * qkv[(t + i) * stride + qc + c]);
                dqkv[out + vc + c] = fold_dot(later, |i| p[i] * dout[(t + i) * d + oc + c]);
            }
        }
    }
}

/// Attention statistics of a whole batch (the program's `AttentionStats`
/// node): [`attention_stats_rows`] of every sequence, laid out
/// `[heads × batch·seq × 3]`, each head's rows of every sequence together.
pub fn attention_stats(qkv: &[f32], dout: &[f32], stats: &mut [f32], s: &AttentionShape) {
    let (inp, outp, local) = (s.seq * 3 * s.width(), s.seq * s.width(), s.heads * s.seq * 3);
    assert!(qkv.len() == s.qkv_len() && dout.len() == s.out_len() && stats.len() == s.batch * local, "attention_stats");
    let one = AttentionShape { batch: 1, ..*s };
    let mut by_seq = alloc::vec![0.0f32; s.batch * local];
    for ((x, dy), st) in qkv.chunks_exact(inp).zip(dout.chunks_exact(outp)).zip(by_seq.chunks_exact_mut(local)) {
        attention_stats_rows(x, dy, st, &one, 0..s.seq);
    }
    stats_to_heads(&by_seq, stats, s);
}

/// A whole batch's `dqkv` from its statistics (the program's
/// `AttentionGradFrom` node): [`attention_backward_rows`] of every
/// sequence, reading [`attention_stats`]'s layout.
pub fn attention_grad_from(qkv: &[f32], dout: &[f32], stats: &[f32], dqkv: &mut [f32], s: &AttentionShape) {
    let (inp, outp, local) = (s.seq * 3 * s.width(), s.seq * s.width(), s.heads * s.seq * 3);
    assert!(
        qkv.len() == s.qkv_len() && dout.len() == s.out_len() && stats.len() == s.batch * local && dqkv.len() == qkv.len(),
        "attention_grad_from"
    );
    let one = AttentionShape { batch: 1, ..*s };
    let mut by_seq = alloc::vec![0.0f32; s.batch * local];
    stats_to_sequences(stats, &mut by_seq, s);
    let seqs = qkv.chunks_exact(inp).zip(dout.chunks_exact(outp)).zip(by_seq.chunks_exact(local));
    for (((x, dy), st), dx) in seqs.zip(dqkv.chunks_exact_mut(inp)) {
        attention_backward_rows(x, dy, st, dx, &one, 0..s.seq);
    }
}

/// The rows of head `h`, sequence `b` in [`attention_stats`]'s layout.
fn stats_at(s: &AttentionShape, h: usize, b: usize) -> core::ops::Range<usize> {
    let (n, bs) = (s.seq, s.batch * s.seq);
    (h * bs + b * n) * 3..(h * bs + (b + 1) * n) * 3
}

/// Statistics sequence by sequence (`[batch × heads × seq × 3]`, what one
/// sequence's pass computes) to [`attention_stats`]'s head-major layout.
pub fn stats_to_heads(by_seq: &[f32], stats: &mut [f32], s: &AttentionShape) {
    let n3 = s.seq * 3;
    for b in 0..s.batch {
        for h in 0..s.heads {
            let from = (b * s.heads + h) * n3;
            stats[stats_at(s, h, b)].copy_from_slice(&by_seq[from..from + n3]);
        }
    }
}

/// [`stats_to_heads`]'s inverse.
pub fn stats_to_sequences(stats: &[f32], by_seq: &mut [f32], s: &AttentionShape) {
    let n3 = s.seq * 3;
    for b in 0..s.batch {
        for h in 0..s.heads {
            let to = (b * s.heads + h) * n3;
            by_seq[to..to + n3].copy_from_slice(&stats[stats_at(s, h, b)]);
        }
    }
}

/// Backward of [`attention`]: `dqkv` from `dout`, sequence by sequence.
pub fn attention_backward(qkv: &[f32], dout: &[f32], dqkv: &mut [f32], s: &AttentionShape) {
    assert!(qkv.len() == s.qkv_len() && dout.len() == s.out_len() && dqkv.len() == qkv.len(), "attention_backward");
    let (inp, outp) = (s.seq * 3 * s.width(), s.seq * s.width());
    for ((x, dy), dx) in qkv.chunks_exact(inp).zip(dout.chunks_exact(outp)).zip(dqkv.chunks_exact_mut(inp)) {
        attention_sequence_backward(x, dy, dx, s);
    }
}

/// Autograd's accumulation of two gradient contributions to one tensor:
/// `(0 + a) + b`. The leading `+0` is part of the definition: it turns a
/// `−0` first contribution into `+0`, exactly as a gradient store that
/// starts from zeros does.
pub fn accumulate(a: &[f32], b: &[f32], out: &mut [f32]) {
    assert!(a.len() == b.len() && b.len() == out.len(), "accumulate");
    for i in 0..out.len() {
        out[i] = (0.0 + a[i]) + b[i];
    }
}
