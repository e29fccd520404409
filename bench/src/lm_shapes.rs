//! The transformer shapes `lm_step` and `trace_step` measure, and their
//! task spec (AdamW on a Markov-chain token dataset).

use gensyn_trainer::spec::TaskSpec;

/// One benchmark shape.
#[derive(Clone, Copy)]
pub struct Shape {
    pub dim: usize,
    pub heads: usize,
    pub layers: usize,
    pub seq: usize,
    pub vocab: usize,
    pub batch: usize,
}

/// Small, medium, a 4-layer 256-wide GPT, and a 2-layer GPT at GPT-2
/// small's width (768, 12 heads of 64).
pub const SHAPES: [Shape; 4] = [
    Shape { dim: 32, heads: 4, layers: 2, seq: 16, vocab: 16, batch: 16 },
    Shape { dim: 128, heads: 4, layers: 4, seq: 64, vocab: 64, batch: 16 },
    Shape { dim: 256, heads: 8, layers: 4, seq: 128, vocab: 256, batch: 8 },
    Shape { dim: 768, heads: 12, layers: 2, seq: 128, vocab: 256, batch: 8 },
];

/// The spec of shape `s` trained for `steps` steps, checkpointed at the end.
pub fn spec(s: Shape, steps: u32) -> TaskSpec {
    let Shape { dim, heads, layers, seq, vocab, batch } = s;
    TaskSpec::from_toml(&format!(
        r#"
name = "bench-lm"
seed = 5
[model]
kind = "transformer"
dim = {dim}
heads = {heads}
layers = {layers}
seq = {seq}
[dataset]
kind = "markov"
vocab = {vocab}
sequences = 1024
[train]
steps = {steps}
batch_size = {batch}
checkpoint_every = {steps}
[train.optimizer]
kind = "adamw"
lr = 0.001
weight_decay = 0.01
"#
    ))
    .expect("bench spec")
}
