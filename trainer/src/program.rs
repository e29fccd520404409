//! The task's per-step program: the MLP's training step written as the
//! operator graph of `gensyn-commitment`, node for node what the candle
//! path computes (forward, autograd's backward, optimiser update).
//!
//! The trainer runs the fast candle path; for each step it also runs this
//! program on the reference interpreter, which yields the step's trace and
//! record (what the solver commits in its step tree) and checks that the
//! fast path produced exactly the program's state. A dispute bisects these
//! traces and the chain re-executes one of these nodes.

use crate::{
    checkpoint::{Named, State},
    spec::{Activation, ModelSpec, OptimizerSpec, TaskSpec},
};
use gensyn_commitment::{
    interp::{NamedState, Program},
    tensor::Tensor,
    trace::{Node, Op, Source},
};
use std::collections::BTreeMap;

fn node(op: Op, output: u8, inputs: Vec<Source>) -> Node {
    Node::new(op, output, inputs).expect("the MLP program is well-formed by construction")
}

/// The program of one training step of `spec`'s MLP on `input`-wide
/// examples with `classes` classes. `Batch(0)` is the inputs
/// `[batch × input]`, `Batch(1)` the class indices as `f32`.
pub fn mlp_program(spec: &TaskSpec, input: usize, classes: usize) -> Program {
    let ModelSpec::Mlp { hidden, activation } = &spec.model;
    let mut widths = vec![input as u32];
    widths.extend(hidden.iter().map(|h| *h as u32));
    widths.push(classes as u32);
    let layers = widths.len() - 1;
    let b = spec.train.batch_size as u32;
    let (act, act_grad) = match activation {
        Activation::Relu => (Op::Relu, Op::ReluGrad),
        Activation::Gelu => (Op::Gelu, Op::GeluGrad),
    };
    let names = state_names(spec, layers);
    let entry = |name: &str| Source::State(names.iter().position(|n| n == name).expect("state entry") as u32);
    let mut nodes: Vec<Node> = Vec::new();
    let mut push = |n: Node| -> Source {
        nodes.push(n);
        Source::Node(nodes.len() as u32 - 1)
    };

    // Forward: h₀ = x; aᵢ = hᵢ·Wᵢ + bᵢ; hᵢ₊₁ = act(aᵢ) except after the last layer.
    let mut h = vec![Source::Batch(0)];
    let mut a = Vec::new();
    for i in 0..layers {
        let (k, n) = (widths[i], widths[i + 1]);
        let z = push(node(Op::MatMul { m: b, k, n, ta: false, tb: false }, 0, vec![h[i], entry(&weight(i))]));
        let ai = push(node(Op::BiasAdd, 0, vec![z, entry(&bias(i))]));
        a.push(ai);
        if i + 1 < layers {
            h.push(push(node(act, 0, vec![ai])));
        }
    }
    // Loss gradient: the backward is seeded with 1.0 and the cross-entropy
    // gradient works from the log-softmax of the logits.
    let logp = push(node(Op::LogSoftmax, 0, vec![a[layers - 1]]));
    let one = push(node(Op::Const { value: 1.0f32.to_bits() }, 0, vec![]));
    let mut g = push(node(Op::CrossEntropyGrad, 0, vec![logp, Source::Batch(1), one]));

    // Backward, last layer first: dWᵢ = hᵢᵀ·g, dbᵢ = Σ_rows g, then
    // g ← act'(aᵢ₋₁) ⊙ (g·Wᵢᵀ).
    let mut grads: BTreeMap<String, Source> = BTreeMap::new();
    for i in (0..layers).rev() {
        let (k, n) = (widths[i], widths[i + 1]);
        grads.insert(weight(i), push(node(Op::MatMul { m: k, k: b, n, ta: true, tb: false }, 0, vec![h[i], g])));
        grads.insert(bias(i), push(node(Op::BiasGrad, 0, vec![g])));
        if i > 0 {
            let dh = push(node(Op::MatMul { m: b, k: n, n: k, ta: false, tb: true }, 0, vec![g, entry(&weight(i))]));
            g = push(node(act_grad, 0, vec![a[i - 1], dh]));
        }
    }

    // The update, one node per state entry in name order: the program's
    // tail is the next state.
    for name in &names {
        let (param, output) = param_of(name);
        let grad = grads[&param];
        let p = entry(&param);
        let n = match spec.train.optimizer {
            OptimizerSpec::Sgd { momentum, weight_decay, .. } => node(
                Op::Sgd {
                    lr: spec.train.schedule(),
                    momentum: momentum.to_bits(),
                    weight_decay: weight_decay.to_bits(),
                },
                output,
                vec![p, grad, entry(&format!("optim.{param}.velocity"))],
            ),
            OptimizerSpec::Adamw { beta1, beta2, eps, weight_decay, .. } => node(
                Op::AdamW {
                    lr: spec.train.schedule(),
                    beta1: beta1.to_bits(),
                    beta2: beta2.to_bits(),
                    eps: eps.to_bits(),
                    weight_decay: weight_decay.to_bits(),
                },
                output,
                vec![p, grad, entry(&format!("optim.{param}.m")), entry(&format!("optim.{param}.v"))],
            ),
        };
        push(n);
    }
    Program { nodes }
}

fn weight(i: usize) -> String {
    format!("layers.{i}.weight")
}

fn bias(i: usize) -> String {
    format!("layers.{i}.bias")
}

/// The parameter a state entry belongs to and which optimiser output it is.
fn param_of(name: &str) -> (String, u8) {
    match name.strip_prefix("optim.") {
        None => (name.to_string(), 0),
        Some(rest) => {
            let (param, slot) = rest.rsplit_once('.').expect("optim.<param>.<slot>");
            (param.to_string(), if slot == "v" { 2 } else { 1 })
        }
    }
}

/// The state's entry names in ascending order (the trainer's `State` order).
fn state_names(spec: &TaskSpec, layers: usize) -> Vec<String> {
    let mut names = Vec::new();
    for i in 0..layers {
        for p in [weight(i), bias(i)] {
            names.push(p.clone());
            match spec.train.optimizer {
                OptimizerSpec::Sgd { .. } => names.push(format!("optim.{p}.velocity")),
                OptimizerSpec::Adamw { .. } => {
                    names.push(format!("optim.{p}.m"));
                    names.push(format!("optim.{p}.v"));
                }
            }
        }
    }
    names.sort();
    names
}

/// The trainer's state as the interpreter's.
pub fn named_state(step: u32, state: &State) -> NamedState {
    NamedState {
        step,
        entries: state
            .iter()
            .map(|(name, t)| {
                let dims = t.dims.iter().map(|d| *d as u32).collect();
                (name.as_bytes().to_vec(), Tensor { dims, values: t.values.clone() })
            })
            .collect(),
    }
}

/// The interpreter's state as the trainer's.
pub fn to_state(named: &NamedState) -> State {
    named
        .entries
        .iter()
        .map(|(name, t)| {
            let dims = t.dims.iter().map(|d| *d as usize).collect();
            (String::from_utf8_lossy(name).into_owned(), Named { dims, values: t.values.clone() })
        })
        .collect()
}

/// A batch as the program's inputs: features `[rows × dim]`, class indices as `f32`.
pub fn batch_tensors(features: &[f32], labels: &[u32], dim: usize) -> Vec<Tensor> {
    let rows = labels.len() as u32;
    vec![
        Tensor { dims: vec![rows, dim as u32], values: features.to_vec() },
        Tensor { dims: vec![rows], values: labels.iter().map(|l| *l as f32).collect() },
    ]
}
