//! The operator graph of one training step (the *program*) and the trace
//! of a step's execution.
//!
//! Every step of a task runs the same program: a list of [`Node`]s in
//! execution order, each one operator with one output, reading earlier
//! nodes' outputs, tensors of the state before the step, or the step's
//! batch. The program is committed once per task (a Merkle root over
//! [`node_leaf`]s). A step's trace is the Merkle tree over
//! [`trace_leaf`]s: the hash of each node's output, in the same order.
//!
//! Because node `i` only reads nodes before it, the first trace leaf two
//! parties disagree on (found by a Merkle descent) is an operator whose
//! inputs they agree on and whose output they do not: exactly one
//! operator for the chain to re-run.

use crate::hash::{Hash, Leaf};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A learning-rate schedule, evaluated in `f32` with the kernels' canonical
/// arithmetic so trainer and chain agree on every step's rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum Schedule {
    /// `lr` on every step.
    Constant {
        /// Learning rate (`f32` bits).
        lr: u32,
    },
    /// Linear warm-up from `lr/warmup` to `lr` over `warmup` steps, then
    /// linear decay to 0 at `total` steps.
    WarmupLinear {
        /// Peak rate (`f32` bits).
        lr: u32,
        /// Warm-up steps.
        warmup: u32,
        /// Steps of the whole run.
        total: u32,
    },
    /// `lr · gamma^⌊step/every⌋`.
    StepDecay {
        /// Initial rate (`f32` bits).
        lr: u32,
        /// Decay factor (`f32` bits).
        gamma: u32,
        /// Steps between decays.
        every: u32,
    },
}

impl Schedule {
    /// The rate of step `step` (counted from 0).
    pub fn rate(&self, step: u32) -> f32 {
        match *self {
            Schedule::Constant { lr } => f32::from_bits(lr),
            Schedule::WarmupLinear { lr, warmup, total } => {
                let lr = f32::from_bits(lr);
                if step < warmup {
                    lr * ((step + 1) as f32 / warmup as f32)
                } else if step >= total || total <= warmup {
                    0.0
                } else {
                    lr * ((total - step) as f32 / (total - warmup) as f32)
                }
            }
            Schedule::StepDecay { lr, gamma, every } => {
                let k = if every == 0 { 0 } else { step / every };
                f32::from_bits(lr) * gensyn_kernels::optim::powi(f32::from_bits(gamma), k)
            }
        }
    }
}

/// An operator with its attributes. Input and output lists are given per
/// variant; multi-output operators appear once per output in a program
/// ([`Node::output`]). Shapes come from the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum Op {
    /// `[] → [value]`: a scalar constant (e.g. the loss gradient seed 1.0).
    Const {
        /// The value (`f32` bits).
        value: u32,
    },
    /// `[a, b] → [c]`, `c = op(a)·op(b)` ([`gensyn_kernels::ops::matmul`]).
    MatMul {
        /// Rows of c.
        m: u32,
        /// Contracted dimension.
        k: u32,
        /// Columns of c.
        n: u32,
        /// `a` stored transposed.
        ta: bool,
        /// `b` stored transposed.
        tb: bool,
    },
    /// `[a, b] → [a + b]`.
    Add,
    /// `[a, b] → [a ⊙ b]`.
    Mul,
    /// `[x(rows×n), bias(n)] → [x + bias]`.
    BiasAdd,
    /// `[dy(rows×n)] → [Σ_rows dy]`.
    BiasGrad,
    /// `[x] → [relu x]`.
    Relu,
    /// `[x, dy] → [dx]`.
    ReluGrad,
    /// `[x] → [gelu x]`.
    Gelu,
    /// `[x, dy] → [dx]`.
    GeluGrad,
    /// `[x(rows×n)] → [softmax rows]`.
    Softmax,
    /// `[y, dy] → [dx]` (from softmax's output).
    SoftmaxGrad,
    /// `[x(rows×n)] → [log-softmax rows]`.
    LogSoftmax,
    /// `[logits(rows×n), targets(rows)] → [mean loss (scalar), log-softmax]`.
    /// Targets are class indices stored as `f32`.
    CrossEntropy,
    /// `[logp, targets, g (scalar)] → [dlogits]`.
    CrossEntropyGrad,
    /// `[x] → [Σx]` (scalar).
    Sum,
    /// `[x] → [mean x]` (scalar).
    Mean,
    /// `[x(rows×n), γ(n), β(n)] → [y, stats(rows×2: mean, rstd)]`.
    LayerNorm {
        /// `eps` (`f32` bits).
        eps: u32,
    },
    /// `[x, γ, stats, dy] → [dx, dγ, dβ]`.
    LayerNormGrad,
    /// `[ids(rows), table(vocab×dim)] → [rows×dim]`; ids stored as `f32`.
    Embedding,
    /// `[ids(rows), dy(rows×dim)] → [dtable(vocab×dim)]`.
    EmbeddingGrad {
        /// Rows of the table.
        vocab: u32,
    },
    /// `[qkv(batch·seq × 3d)] → [out(batch·seq × d)]`: causal multi-head
    /// self-attention, `d = heads·head_dim`
    /// ([`gensyn_kernels::ops::attention`]).
    Attention {
        /// Sequences.
        batch: u32,
        /// Tokens per sequence.
        seq: u32,
        /// Heads.
        heads: u32,
    },
    /// `[qkv, dout] → [dqkv]` ([`gensyn_kernels::ops::attention_backward`]).
    AttentionGrad {
        /// Sequences.
        batch: u32,
        /// Tokens per sequence.
        seq: u32,
        /// Heads.
        heads: u32,
    },
    /// `[a, b] → [(0 + a) + b]`: autograd's sum of two gradient
    /// contributions ([`gensyn_kernels::ops::accumulate`]).
    Accumulate,
    /// SGD with momentum: `[p, g, v] → [p', v']`.
    Sgd {
        /// Rate per step.
        lr: Schedule,
        /// Momentum (`f32` bits).
        momentum: u32,
        /// Coupled weight decay (`f32` bits).
        weight_decay: u32,
    },
    /// AdamW: `[p, g, m, v] → [p', m', v']`; the step count comes from the
    /// step being executed.
    AdamW {
        /// Rate per step.
        lr: Schedule,
        /// β₁ (`f32` bits).
        beta1: u32,
        /// β₂ (`f32` bits).
        beta2: u32,
        /// ε (`f32` bits).
        eps: u32,
        /// Decoupled weight decay (`f32` bits).
        weight_decay: u32,
    },
    /// `[x(rows×n)] → [m(rows)]`: each row's maximum
    /// ([`gensyn_kernels::ops::row_max`]), the first third of a log-softmax.
    RowMax,
    /// `[x(rows×n), m(rows)] → [s(rows)]`: each row's sum of `exp(x − m)`
    /// ([`gensyn_kernels::ops::row_sum_exp`]).
    RowSumExp,
    /// `[x(rows×n), m(rows), s(rows)] → [(x − m) − ln s]`
    /// ([`gensyn_kernels::ops::log_softmax_from`]): with the two nodes
    /// before it, a log-softmax whose rows may be too wide to read at once.
    LogSoftmaxFrom,
    /// `[qkv, dout] → [stats(heads × batch·seq × 3)]`: each query row's
    /// `[max score, Σ exp, Σ P·dP]` per head
    /// ([`gensyn_kernels::ops::attention_stats_rows`]), the first half of
    /// [`Op::AttentionGrad`].
    AttentionStats {
        /// Sequences.
        batch: u32,
        /// Tokens per sequence.
        seq: u32,
        /// Heads.
        heads: u32,
    },
    /// `[qkv, dout, stats] → [dqkv]`: attention's gradient from the row
    /// statistics ([`gensyn_kernels::ops::attention_backward_rows`]); with
    /// [`Op::AttentionStats`] before it, [`Op::AttentionGrad`]'s bits, with a
    /// tile that reads one head's sequence instead of recomputing it all.
    AttentionGradFrom {
        /// Sequences.
        batch: u32,
        /// Tokens per sequence.
        seq: u32,
        /// Heads.
        heads: u32,
    },
}

impl Op {
    /// How many inputs the operator reads.
    pub fn arity(&self) -> usize {
        use Op::*;
        match self {
            Const { .. } => 0,
            BiasGrad | Relu | Gelu | Softmax | LogSoftmax | Sum | Mean | Attention { .. } | RowMax => 1,
            MatMul { .. }
            | Add
            | Mul
            | BiasAdd
            | ReluGrad
            | GeluGrad
            | SoftmaxGrad
            | CrossEntropy
            | Embedding
            | EmbeddingGrad { .. }
            | AttentionGrad { .. }
            | Accumulate
            | RowSumExp
            | AttentionStats { .. } => 2,
            CrossEntropyGrad | LayerNorm { .. } | Sgd { .. } | LogSoftmaxFrom | AttentionGradFrom { .. } => 3,
            LayerNormGrad | AdamW { .. } => 4,
        }
    }
    /// How many outputs it produces.
    pub fn outputs(&self) -> usize {
        use Op::*;
        match self {
            CrossEntropy | LayerNorm { .. } | Sgd { .. } => 2,
            LayerNormGrad | AdamW { .. } => 3,
            _ => 1,
        }
    }
}

/// Where a node's input comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum Source {
    /// The output of an earlier node of the same step.
    Node(u32),
    /// Entry `index` (in name order) of the state before the step.
    State(u32),
    /// Tensor `index` of the step's batch (0 = inputs, 1 = targets).
    Batch(u32),
}

/// Most inputs any operator reads.
pub const MAX_INPUTS: usize = 4;

/// One node of the program: output `output` of `op` applied to `inputs`.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct Node {
    /// The operator.
    pub op: Op,
    /// Which of its outputs this node is.
    pub output: u8,
    /// Its inputs, `op.arity()` of them.
    pub inputs: bounded::Inputs,
}

/// A tiny bounded vector of sources, so [`Node`] has a maximum encoded
/// length without depending on FRAME.
pub mod bounded {
    use super::{Source, MAX_INPUTS};
    use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
    use scale_info::TypeInfo;

    /// Up to [`MAX_INPUTS`] sources.
    #[derive(Clone, Debug, PartialEq, Eq, Encode, DecodeWithMemTracking, TypeInfo)]
    pub struct Inputs(alloc::vec::Vec<Source>);

    impl Decode for Inputs {
        fn decode<I: codec::Input>(input: &mut I) -> Result<Self, codec::Error> {
            let v = alloc::vec::Vec::<Source>::decode(input)?;
            Inputs::new(v).ok_or_else(|| "too many inputs".into())
        }
    }

    impl MaxEncodedLen for Inputs {
        fn max_encoded_len() -> usize {
            codec::Compact(MAX_INPUTS as u32).encoded_size() + MAX_INPUTS * Source::max_encoded_len()
        }
    }

    impl Inputs {
        /// `None` if there are more than [`MAX_INPUTS`].
        pub fn new(v: alloc::vec::Vec<Source>) -> Option<Self> {
            (v.len() <= MAX_INPUTS).then_some(Inputs(v))
        }
        /// The sources.
        pub fn as_slice(&self) -> &[Source] {
            &self.0
        }
    }
}

impl Node {
    /// A node; `None` if the input count does not match the operator or
    /// `output` is not one of its outputs.
    pub fn new(op: Op, output: u8, inputs: alloc::vec::Vec<Source>) -> Option<Self> {
        if inputs.len() != op.arity() || output as usize >= op.outputs() {
            return None;
        }
        Some(Node { op, output, inputs: bounded::Inputs::new(inputs)? })
    }
    /// Checks arity, output index, and that node `index` only reads earlier nodes.
    pub fn well_formed(&self, index: u32) -> bool {
        self.inputs.as_slice().len() == self.op.arity()
            && (self.output as usize) < self.op.outputs()
            && self.inputs.as_slice().iter().all(|s| !matches!(s, Source::Node(j) if *j >= index))
    }
}

/// The leaf of node `index` in the program tree.
pub fn node_leaf(index: u32, node: &Node) -> Hash {
    Leaf::new(b"node").u32(index).bytes(&node.encode()).finish()
}

/// The leaf of node `index`'s output in a step's trace tree.
pub fn trace_leaf(index: u32, output: &Hash) -> Hash {
    Leaf::new(b"trace").u32(index).hash(output).finish()
}
