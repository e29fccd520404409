//! The decoder-only transformer language model: parameters as candle
//! `Var`s, every forward and backward computation a canonical kernel
//! (`crate::ops`). Pre-norm GPT layout:
//!
//! ```text
//! h = tok_emb[ids] + pos_emb[positions]
//! per block: h = h + proj(attention(qkv(ln1(h))))
//!            h = h + fc2(gelu(fc1(ln2(h))))
//! logits = head(ln_f(h))
//! ```
//!
//! [`crate::program::transformer_program`] writes the same step as the
//! operator graph the protocol commits to, node for node.

use crate::{
    backend::Backend,
    data::{rng, symmetric, Stream},
    ops::{Act, Activation, Add, Attention, BiasAdd, CrossEntropy, Embedding, LayerNorm, MatMul},
};
use candle_core::{Device, Result, Tensor, Var};
use gensyn_kernels::math;
use std::sync::Arc;

/// Layer norms' variance guard.
pub const LN_EPS: f32 = 1e-5;

/// Hyper-parameters fixed by the spec and the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Config {
    /// Vocabulary size.
    pub vocab: usize,
    /// Model width.
    pub dim: usize,
    /// Attention heads.
    pub heads: usize,
    /// Blocks.
    pub layers: usize,
    /// Context length.
    pub seq: usize,
    /// MLP hidden width.
    pub hidden: usize,
}

/// How a parameter starts.
#[derive(Clone, Copy)]
enum Init {
    /// Uniform in ±bound.
    Uniform(f32),
    /// All ones (layer-norm gains).
    Ones,
    /// All zeros (biases).
    Zeros,
}

/// Every parameter's name and shape, in initialisation order.
pub fn parameters(c: &Config) -> Vec<(String, Vec<usize>)> {
    layout(c).into_iter().map(|(n, d, _)| (n, d)).collect()
}

fn layout(c: &Config) -> Vec<(String, Vec<usize>, Init)> {
    let (d, h) = (c.dim, c.hidden);
    let fan = |n: usize| Init::Uniform(1.0 / math::sqrt(n as f32));
    let mut p = vec![
        ("tok_emb".to_string(), vec![c.vocab, d], Init::Uniform(0.1)),
        ("pos_emb".to_string(), vec![c.seq, d], Init::Uniform(0.1)),
    ];
    for i in 0..c.layers {
        let b = |s: &str| format!("blocks.{i}.{s}");
        p.extend([
            (b("ln1.weight"), vec![d], Init::Ones),
            (b("ln1.bias"), vec![d], Init::Zeros),
            (b("attn.qkv.weight"), vec![d, 3 * d], fan(d)),
            (b("attn.qkv.bias"), vec![3 * d], Init::Zeros),
            (b("attn.proj.weight"), vec![d, d], fan(d)),
            (b("attn.proj.bias"), vec![d], Init::Zeros),
            (b("ln2.weight"), vec![d], Init::Ones),
            (b("ln2.bias"), vec![d], Init::Zeros),
            (b("mlp.fc1.weight"), vec![d, h], fan(d)),
            (b("mlp.fc1.bias"), vec![h], Init::Zeros),
            (b("mlp.fc2.weight"), vec![h, d], fan(h)),
            (b("mlp.fc2.bias"), vec![d], Init::Zeros),
        ]);
    }
    p.extend([
        ("ln_f.weight".to_string(), vec![d], Init::Ones),
        ("ln_f.bias".to_string(), vec![d], Init::Zeros),
        ("head.weight".to_string(), vec![d, c.vocab], fan(d)),
        ("head.bias".to_string(), vec![c.vocab], Init::Zeros),
    ]);
    p
}

/// The model.
pub struct Transformer {
    /// Shape.
    pub config: Config,
    /// Parameters in [`parameters`] order.
    pub params: Vec<(String, Var)>,
    /// Where the kernels run.
    pub backend: Backend,
}

impl Transformer {
    /// Builds the model, drawing uniform weights from the seed's init stream
    /// in [`parameters`] order.
    pub fn new(config: Config, seed: u64, backend: Backend) -> Result<Self> {
        let mut r = rng(seed, Stream::Init);
        let mut params = Vec::new();
        for (name, dims, init) in layout(&config) {
            let n: usize = dims.iter().product();
            let values: Vec<f32> = match init {
                Init::Uniform(bound) => (0..n).map(|_| symmetric(&mut r) * bound).collect(),
                Init::Ones => vec![1.0; n],
                Init::Zeros => vec![0.0; n],
            };
            params.push((name, Var::from_tensor(&Tensor::from_vec(values, dims, &Device::Cpu)?)?));
        }
        Ok(Self { config, params, backend })
    }

    fn p(&self, name: &str) -> &Tensor {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_tensor()).expect("a parameter of the layout")
    }

    fn linear(&self, x: &Tensor, name: &str) -> Result<Tensor> {
        let mm = MatMul { ta: false, tb: false, backend: self.backend.clone() };
        x.apply_op2(self.p(&format!("{name}.weight")), mm)?
            .apply_op2(self.p(&format!("{name}.bias")), BiasAdd(self.backend.clone()))
    }

    fn norm(&self, x: &Tensor, name: &str) -> Result<Tensor> {
        x.apply_op3(
            self.p(&format!("{name}.weight")),
            self.p(&format!("{name}.bias")),
            LayerNorm { eps: LN_EPS, backend: self.backend.clone() },
        )
    }

    /// Mean next-token cross-entropy of a batch: `ids` and `targets` are
    /// `rows = sequences × seq` tokens, sequence by sequence.
    pub fn loss(&self, ids: Vec<u32>, targets: Vec<u32>) -> Result<Tensor> {
        let c = &self.config;
        let rows = ids.len();
        if rows == 0 || rows % c.seq != 0 || targets.len() != rows {
            candle_core::bail!("transformer: {rows} tokens are not whole sequences of {}", c.seq);
        }
        let positions: Vec<u32> = (0..rows).map(|i| (i % c.seq) as u32).collect();
        let tok = self.p("tok_emb").apply_op1(Embedding { ids: Arc::new(ids), backend: self.backend.clone() })?;
        let pos = self.p("pos_emb").apply_op1(Embedding { ids: Arc::new(positions), backend: self.backend.clone() })?;
        let add = Add(self.backend.clone());
        let mut h = tok.apply_op2(&pos, add.clone())?;
        let attention = Attention { batch: rows / c.seq, seq: c.seq, heads: c.heads, backend: self.backend.clone() };
        for i in 0..c.layers {
            let b = |s: &str| format!("blocks.{i}.{s}");
            let qkv = self.linear(&self.norm(&h, &b("ln1"))?, &b("attn.qkv"))?;
            let att = qkv.apply_op1(attention.clone())?;
            h = h.apply_op2(&self.linear(&att, &b("attn.proj"))?, add.clone())?;
            let f = self
                .linear(&self.norm(&h, &b("ln2"))?, &b("mlp.fc1"))?
                .apply_op1(Act(Activation::Gelu, self.backend.clone()))?;
            h = h.apply_op2(&self.linear(&f, &b("mlp.fc2"))?, add.clone())?;
        }
        let logits = self.linear(&self.norm(&h, "ln_f")?, "head")?;
        logits.apply_op1(CrossEntropy { targets: Arc::new(targets), backend: self.backend.clone() })
    }

    /// Parameters with their names (a fixed order).
    pub fn named_params(&self) -> Vec<(String, &Var)> {
        self.params.iter().map(|(n, v)| (n.clone(), v)).collect()
    }
}
