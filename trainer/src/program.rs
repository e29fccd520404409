//! The task's per-step program: the MLP's training step written as the
//! operator graph of `gensyn-commitment`, node for node what the candle
//! path computes (forward, autograd's backward, optimiser update).
//!
//! An untraced run takes the candle path; a traced one (what a solver
//! commits) runs this program instead, on the interpreter with the fast
//! kernels, which yields the step's state after, its trace and record (the
//! solver's step tree) at once; on a GPU the program runs beside the GPU
//! step and checks it. A dispute bisects these traces and the chain
//! re-executes one of these nodes.

use crate::{
    checkpoint::{Named, State},
    data::Dataset,
    spec::{Activation, ModelSpec, OptimizerSpec, TaskSpec},
    transformer,
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

/// The program of one training step of `spec`'s model on `data`.
pub fn program(spec: &TaskSpec, data: &Dataset) -> Program {
    match spec.model {
        ModelSpec::Mlp { .. } => mlp_program(spec, data.dim, data.classes),
        ModelSpec::Transformer { dim, heads, layers, seq, mlp_ratio } => transformer_program(
            spec,
            &transformer::Config { vocab: data.classes, dim, heads, layers, seq, hidden: dim * mlp_ratio },
        ),
    }
}

/// The program of one training step of `spec`'s MLP on `input`-wide
/// examples with `classes` classes. `Batch(0)` is the inputs
/// `[batch × input]`, `Batch(1)` the class indices as `f32`.
pub fn mlp_program(spec: &TaskSpec, input: usize, classes: usize) -> Program {
    let ModelSpec::Mlp { hidden, activation } = &spec.model else {
        panic!("mlp_program takes an MLP spec");
    };
    let mut widths = vec![input as u32];
    widths.extend(hidden.iter().map(|h| *h as u32));
    widths.push(classes as u32);
    let layers = widths.len() - 1;
    let b = spec.train.batch_size as u32;
    let (act, act_grad) = match activation {
        Activation::Relu => (Op::Relu, Op::ReluGrad),
        Activation::Gelu => (Op::Gelu, Op::GeluGrad),
    };
    let params: Vec<String> = (0..layers).flat_map(|i| [weight(i), bias(i)]).collect();
    let names = state_names(spec, &params);
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

    update(spec, &names, &grads, &entry, &mut push);
    Program { nodes }
}

/// The program of one training step of a transformer language model
/// ([`crate::transformer`]). `Batch(0)` is the input ids, `Batch(1)` the
/// next-token ids, `Batch(2)` the positions, each `[rows]` as `f32`.
///
/// The backward mirrors candle's autograd: each operator's gradient is the
/// same kernel call its `CustomOp::bwd` makes, and the residual stream,
/// the one tensor with two consumers, sums its two contributions with
/// [`Op::Accumulate`], as autograd's zero-started store does.
pub fn transformer_program(spec: &TaskSpec, c: &transformer::Config) -> Program {
    let rows = (spec.train.batch_size * c.seq) as u32;
    let (d, h, v) = (c.dim as u32, c.hidden as u32, c.vocab as u32);
    let params: Vec<String> = transformer::parameters(c).into_iter().map(|(n, _)| n).collect();
    let names = state_names(spec, &params);
    let entry = |name: &str| Source::State(names.iter().position(|n| n == name).expect("state entry") as u32);
    let mut nodes: Vec<Node> = Vec::new();
    let mut push = |op: Op, output: u8, inputs: Vec<Source>| -> Source {
        nodes.push(node(op, output, inputs));
        Source::Node(nodes.len() as u32 - 1)
    };
    let mm = |m: u32, k: u32, n: u32, ta: bool, tb: bool| Op::MatMul { m, k, n, ta, tb };
    let ln = Op::LayerNorm { eps: transformer::LN_EPS.to_bits() };

    // Forward. What the backward reads is kept per block.
    struct Block {
        input: Source,
        ln1: (Source, Source),
        qkv: Source,
        att: Source,
        mid: Source,
        ln2: (Source, Source),
        fc1: Source,
        act: Source,
    }
    // linear(x) = BiasAdd(MatMul(x, W), b) for x[rows × k] → [rows × n].
    let linear = |push: &mut dyn FnMut(Op, u8, Vec<Source>) -> Source, x: Source, name: &str, k: u32, n: u32| {
        let z = push(mm(rows, k, n, false, false), 0, vec![x, entry(&format!("{name}.weight"))]);
        push(Op::BiasAdd, 0, vec![z, entry(&format!("{name}.bias"))])
    };
    let norm = |push: &mut dyn FnMut(Op, u8, Vec<Source>) -> Source, x: Source, name: &str| {
        let inputs = vec![x, entry(&format!("{name}.weight")), entry(&format!("{name}.bias"))];
        (push(ln, 0, inputs.clone()), push(ln, 1, inputs))
    };
    let tok = push(Op::Embedding, 0, vec![Source::Batch(0), entry("tok_emb")]);
    let pos = push(Op::Embedding, 0, vec![Source::Batch(2), entry("pos_emb")]);
    let mut x = push(Op::Add, 0, vec![tok, pos]);
    let attention = (spec.train.batch_size as u32, c.seq as u32, c.heads as u32);
    let mut blocks = Vec::new();
    for i in 0..c.layers {
        let b = |s: &str| format!("blocks.{i}.{s}");
        let ln1 = norm(&mut push, x, &b("ln1"));
        let qkv = linear(&mut push, ln1.0, &b("attn.qkv"), d, 3 * d);
        let (batch, seq, heads) = attention;
        let att = push(Op::Attention { batch, seq, heads }, 0, vec![qkv]);
        let proj = linear(&mut push, att, &b("attn.proj"), d, d);
        let mid = push(Op::Add, 0, vec![x, proj]);
        let ln2 = norm(&mut push, mid, &b("ln2"));
        let fc1 = linear(&mut push, ln2.0, &b("mlp.fc1"), d, h);
        let act = push(Op::Gelu, 0, vec![fc1]);
        let fc2 = linear(&mut push, act, &b("mlp.fc2"), h, d);
        blocks.push(Block { input: x, ln1, qkv, att, mid, ln2, fc1, act });
        x = push(Op::Add, 0, vec![mid, fc2]);
    }
    let lnf = norm(&mut push, x, "ln_f");
    let logits = linear(&mut push, lnf.0, "head", d, v);

    // Loss gradient, seeded with 1.0.
    // The log-softmax as three nodes: over a vocabulary-wide row, its
    // maximum and sum of exponentials are each disputed by a reduction game
    // (a fused node's tile would read whole rows); the bits are the same.
    let max = push(Op::RowMax, 0, vec![logits]);
    let sum = push(Op::RowSumExp, 0, vec![logits, max]);
    let logp = push(Op::LogSoftmaxFrom, 0, vec![logits, max, sum]);
    let one = push(Op::Const { value: 1.0f32.to_bits() }, 0, vec![]);
    let dlogits = push(Op::CrossEntropyGrad, 0, vec![logp, Source::Batch(1), one]);

    let mut grads: BTreeMap<String, Source> = BTreeMap::new();
    // Backward of linear(x): dW = xᵀ·g, db = Σ_rows g; returns dx = g·Wᵀ.
    let linear_back = |push: &mut dyn FnMut(Op, u8, Vec<Source>) -> Source,
                       grads: &mut BTreeMap<String, Source>,
                       x: Source,
                       g: Source,
                       name: &str,
                       k: u32,
                       n: u32| {
        grads.insert(format!("{name}.weight"), push(mm(k, rows, n, true, false), 0, vec![x, g]));
        grads.insert(format!("{name}.bias"), push(Op::BiasGrad, 0, vec![g]));
        push(mm(rows, n, k, false, true), 0, vec![g, entry(&format!("{name}.weight"))])
    };
    let norm_back = |push: &mut dyn FnMut(Op, u8, Vec<Source>) -> Source,
                     grads: &mut BTreeMap<String, Source>,
                     x: Source,
                     stats: Source,
                     g: Source,
                     name: &str| {
        let inputs = vec![x, entry(&format!("{name}.weight")), stats, g];
        let dx = push(Op::LayerNormGrad, 0, inputs.clone());
        grads.insert(format!("{name}.weight"), push(Op::LayerNormGrad, 1, inputs.clone()));
        grads.insert(format!("{name}.bias"), push(Op::LayerNormGrad, 2, inputs));
        dx
    };
    let dlnf = linear_back(&mut push, &mut grads, lnf.0, dlogits, "head", d, v);
    let mut g = norm_back(&mut push, &mut grads, x, lnf.1, dlnf, "ln_f");
    for (i, blk) in blocks.iter().enumerate().rev() {
        let b = |s: &str| format!("blocks.{i}.{s}");
        // x = mid + fc2(…): both get g.
        let dact = linear_back(&mut push, &mut grads, blk.act, g, &b("mlp.fc2"), h, d);
        let dfc1 = push(Op::GeluGrad, 0, vec![blk.fc1, dact]);
        let dln2 = linear_back(&mut push, &mut grads, blk.ln2.0, dfc1, &b("mlp.fc1"), d, h);
        let dmid = norm_back(&mut push, &mut grads, blk.mid, blk.ln2.1, dln2, &b("ln2"));
        let dmid = push(Op::Accumulate, 0, vec![g, dmid]);
        // mid = input + proj(…).
        let datt = linear_back(&mut push, &mut grads, blk.att, dmid, &b("attn.proj"), d, d);
        let (batch, seq, heads) = attention;
        // Attention's gradient as its two halves (the row statistics, then
        // the gradient from them): the fused node's bits, and a tile of
        // either reads one head's sequence instead of recomputing it all.
        let stats = push(Op::AttentionStats { batch, seq, heads }, 0, vec![blk.qkv, datt]);
        let dqkv = push(Op::AttentionGradFrom { batch, seq, heads }, 0, vec![blk.qkv, datt, stats]);
        let dln1 = linear_back(&mut push, &mut grads, blk.ln1.0, dqkv, &b("attn.qkv"), d, 3 * d);
        let dinput = norm_back(&mut push, &mut grads, blk.input, blk.ln1.1, dln1, &b("ln1"));
        g = push(Op::Accumulate, 0, vec![dmid, dinput]);
    }
    // h₀ = tok + pos: both tables get g.
    grads.insert("tok_emb".into(), push(Op::EmbeddingGrad { vocab: v }, 0, vec![Source::Batch(0), g]));
    grads.insert("pos_emb".into(), push(Op::EmbeddingGrad { vocab: c.seq as u32 }, 0, vec![Source::Batch(2), g]));

    let mut push_node = |n: Node| -> Source {
        nodes.push(n);
        Source::Node(nodes.len() as u32 - 1)
    };
    update(spec, &names, &grads, &entry, &mut push_node);
    Program { nodes }
}

/// The optimiser nodes, one per state entry in name order: the program's
/// tail is the next state.
/// The node whose output is the step's log-probabilities: what the
/// cross-entropy gradient reads (its first input). `None` for a program
/// without a cross-entropy loss.
pub fn loss_node(program: &Program) -> Option<usize> {
    program.nodes.iter().find(|n| n.op == Op::CrossEntropyGrad).and_then(|n| match n.inputs.as_slice().first() {
        Some(Source::Node(i)) => Some(*i as usize),
        _ => None,
    })
}

/// The step's loss from its log-probabilities ([`loss_node`]'s output) and
/// its batch's targets (`Batch(1)`): the bits the fast path's
/// cross-entropy returns ([`gensyn_kernels::ops::cross_entropy_loss`]).
/// `None` where the shapes do not fit.
pub fn loss(logp: Option<&Tensor>, batch: &gensyn_commitment::data::Batch) -> Option<f32> {
    let (logp, targets) = (logp?, batch.tensors.get(1)?);
    let n = *logp.dims.last()? as usize;
    let targets: Vec<u32> = targets.values.iter().map(|v| *v as u32).collect();
    let fits = !targets.is_empty() && logp.values.len() == targets.len() * n && targets.iter().all(|&t| (t as usize) < n);
    fits.then(|| gensyn_kernels::ops::cross_entropy_loss(&logp.values, &targets, n))
}

fn update(
    spec: &TaskSpec,
    names: &[String],
    grads: &BTreeMap<String, Source>,
    entry: &dyn Fn(&str) -> Source,
    push: &mut dyn FnMut(Node) -> Source,
) {
    for name in names {
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
fn state_names(spec: &TaskSpec, params: &[String]) -> Vec<String> {
    let mut names = Vec::new();
    for p in params {
        {
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
