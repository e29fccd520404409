//! The MLP classifier: parameters as candle `Var`s, initialised from the
//! task seed with arithmetic only (candle's CPU RNG cannot be seeded).

use crate::{
    backend::Backend,
    data::{rng, symmetric, Stream},
    ops::{Act, Activation, BiasAdd, CrossEntropy, MatMul},
    spec::{self, ModelSpec},
};
use candle_core::{Device, Result, Tensor, Var};
use gensyn_kernels::math;
use std::sync::Arc;

/// One dense layer.
pub struct Dense {
    /// `[in × out]`.
    pub weight: Var,
    /// `[out]`.
    pub bias: Var,
}

/// A multi-layer perceptron.
pub struct Mlp {
    /// Layers, input first.
    pub layers: Vec<Dense>,
    /// Hidden activation.
    pub activation: Activation,
    /// Where the kernels run.
    pub backend: Backend,
}

impl Mlp {
    /// Builds the model for `input → hidden… → classes`, drawing weights
    /// uniformly in ±1/√fan_in from the seed's init stream; biases start at 0.
    pub fn new(spec: &ModelSpec, input: usize, classes: usize, seed: u64, backend: Backend) -> Result<Self> {
        let ModelSpec::Mlp { hidden, activation } = spec else {
            candle_core::bail!("not an MLP spec");
        };
        let mut r = rng(seed, Stream::Init);
        let mut widths = vec![input];
        widths.extend(hidden);
        widths.push(classes);
        let mut layers = Vec::new();
        for w in widths.windows(2) {
            let (fan_in, fan_out) = (w[0], w[1]);
            let bound = 1.0 / math::sqrt(fan_in as f32);
            let weights: Vec<f32> = (0..fan_in * fan_out).map(|_| symmetric(&mut r) * bound).collect();
            layers.push(Dense {
                weight: Var::from_tensor(&Tensor::from_vec(weights, (fan_in, fan_out), &Device::Cpu)?)?,
                bias: Var::from_tensor(&Tensor::zeros(fan_out, candle_core::DType::F32, &Device::Cpu)?)?,
            });
        }
        let activation = match activation {
            spec::Activation::Relu => Activation::Relu,
            spec::Activation::Gelu => Activation::Gelu,
        };
        Ok(Self { layers, activation, backend })
    }

    /// Logits for a batch `x[batch × input]`.
    pub fn forward(&self, x: &Tensor) -> Result<Tensor> {
        let mm = MatMul { ta: false, tb: false, backend: self.backend.clone() };
        let mut h = x.clone();
        for (i, layer) in self.layers.iter().enumerate() {
            h = h.apply_op2(layer.weight.as_tensor(), mm.clone())?;
            h = h.apply_op2(layer.bias.as_tensor(), BiasAdd(self.backend.clone()))?;
            if i + 1 < self.layers.len() {
                h = h.apply_op1(Act(self.activation, self.backend.clone()))?;
            }
        }
        Ok(h)
    }

    /// Mean cross-entropy of the batch.
    pub fn loss(&self, x: &Tensor, targets: Vec<u32>) -> Result<Tensor> {
        self.forward(x)?.apply_op1(CrossEntropy { targets: Arc::new(targets), backend: self.backend.clone() })
    }

    /// Parameters with their canonical names, in a fixed order.
    pub fn named_params(&self) -> Vec<(String, &Var)> {
        let mut v = Vec::new();
        for (i, l) in self.layers.iter().enumerate() {
            v.push((format!("layers.{i}.weight"), &l.weight));
            v.push((format!("layers.{i}.bias"), &l.bias));
        }
        v
    }
}

/// A task's model.
pub enum Model {
    /// A classifier.
    Mlp(Mlp),
    /// A language model.
    Transformer(crate::transformer::Transformer),
}

impl Model {
    /// The model `spec` describes for `data`, initialised from `seed`.
    pub fn new(spec: &ModelSpec, data: &crate::data::Dataset, seed: u64, backend: Backend) -> Result<Self> {
        Ok(match *spec {
            ModelSpec::Mlp { .. } => Model::Mlp(Mlp::new(spec, data.dim, data.classes, seed, backend)?),
            ModelSpec::Transformer { dim, heads, layers, seq, mlp_ratio } => {
                let config = crate::transformer::Config {
                    vocab: data.classes,
                    dim,
                    heads,
                    layers,
                    seq,
                    hidden: dim * mlp_ratio,
                };
                Model::Transformer(crate::transformer::Transformer::new(config, seed, backend)?)
            }
        })
    }

    /// Mean loss of a batch as the trainer builds it
    /// ([`crate::train::Trainer::batch`]): features and classes for a
    /// classifier; input token ids (as `f32`) and next tokens for a
    /// language model.
    pub fn loss(&self, x: Vec<f32>, y: Vec<u32>) -> Result<Tensor> {
        match self {
            Model::Mlp(m) => {
                let dim = m.layers[0].weight.as_tensor().dims()[0];
                let x = Tensor::from_vec(x, (y.len(), dim), &Device::Cpu)?;
                m.loss(&x, y)
            }
            Model::Transformer(t) => t.loss(x.iter().map(|v| *v as u32).collect(), y),
        }
    }

    /// Parameters with their canonical names, in a fixed order.
    pub fn named_params(&self) -> Vec<(String, &Var)> {
        match self {
            Model::Mlp(m) => m.named_params(),
            Model::Transformer(t) => t.named_params(),
        }
    }
}
