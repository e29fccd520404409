//! Whether every operator of one training step of a GPT-2-small-shaped
//! model (12 layers, width 768, 12 heads, sequence 1024, vocabulary 50,257,
//! batch 8, AdamW) can be disputed down to a witness that fits one block:
//! the trainer's own program for that model, shapes inferred as the chain
//! infers them at submission, each node's worst tile bounded
//! (`Pallet::arbitration_cost`: the whole tile, or for a long reduction its
//! game's worst leaf) and checked against the runtime's arbitration cap and
//! a normal extrinsic's share of the block.
//!
//! `cargo test --release -p gensyn-devnet --test gpt2_bounds -- --nocapture`
//! prints the largest witness of every operator kind.

use gensyn_commitment::{data, shape, trace::Op};
use gensyn_runtime::{pallet_gensyn, Runtime};
use gensyn_trainer::{program, spec::TaskSpec, transformer};
use std::collections::BTreeMap;

const SPEC: &str = r#"
name = "gpt2-small"
seed = 1

[model]
kind = "transformer"
dim = 768
heads = 12
layers = 12
seq = 1024

[dataset]
kind = "markov"
vocab = 16
sequences = 64

[train]
steps = 10
batch_size = 8
checkpoint_every = 5

[train.optimizer]
kind = "adamw"
lr = 0.0006
weight_decay = 0.1

[train.schedule]
kind = "constant"
"#;

/// A short name for an operator kind (and output, for multi-output ones).
fn kind(op: &Op, output: u8) -> String {
    let name = format!("{op:?}");
    let base = name.split([' ', '{']).next().unwrap_or("").to_string();
    if op.outputs() > 1 {
        format!("{base}#{output}")
    } else {
        base
    }
}

#[test]
fn every_operator_of_a_gpt2_small_step_has_a_witness_that_fits_a_block() {
    let spec = TaskSpec::from_toml(SPEC).expect("the spec parses");
    let c = transformer::Config { vocab: 50_257, dim: 768, heads: 12, layers: 12, seq: 1024, hidden: 3072 };
    let prog = program::transformer_program(&spec, &c);
    // The state: every parameter and its AdamW moments, in name order.
    let mut state: Vec<(String, Vec<u32>)> = Vec::new();
    for (name, dims) in transformer::parameters(&c) {
        let dims: Vec<u32> = dims.iter().map(|d| *d as u32).collect();
        state.push((format!("optim.{name}.m"), dims.clone()));
        state.push((format!("optim.{name}.v"), dims.clone()));
        state.push((name, dims));
    }
    state.sort();
    let state: Vec<Vec<u32>> = state.into_iter().map(|(_, d)| d).collect();
    let (batch, example_len) = (8u32, 1025u32);
    let batch_dims = data::batch_dims(data::DataKind::Sequences, batch, example_len).unwrap();
    let shapes = shape::infer(&prog.nodes, &state, &batch_dims).expect("the program's shapes fit");
    // The manifest fits the runtime's bounds and one extrinsic.
    use gensyn_runtime::protocol::{MAX_PROGRAM_LEN, MAX_STATE_ENTRIES};
    assert!(prog.nodes.len() as u32 <= MAX_PROGRAM_LEN && state.len() as u32 <= MAX_STATE_ENTRIES, "{}", state.len());
    let manifest_bytes: usize =
        prog.nodes.iter().map(|n| codec::Encode::encoded_size(n)).sum::<usize>() + state.len() * (128 + 4 * 4 + 32);
    assert!((manifest_bytes as u64) < pallet_gensyn::Pallet::<Runtime>::max_witness_bytes(), "{manifest_bytes}");

    let max_work = gensyn_runtime::protocol::MAX_ARBITRATION_WORK;
    let max_bytes = pallet_gensyn::Pallet::<Runtime>::max_witness_bytes();
    // Per kind: (nodes, worst work, worst bytes, nodes that do not fit).
    let mut kinds: BTreeMap<String, (u32, u64, u64, u32)> = BTreeMap::new();
    for (node, dims) in prog.nodes.iter().zip(&shapes.inputs) {
        let cost = pallet_gensyn::Pallet::<Runtime>::arbitration_cost(node, dims, batch, example_len).expect("bounded");
        let e = kinds.entry(kind(&node.op, node.output)).or_default();
        e.0 += 1;
        e.1 = e.1.max(cost.work);
        e.2 = e.2.max(cost.bytes);
        e.3 += u32::from(!pallet_gensyn::Pallet::<Runtime>::fits(&cost));
    }
    println!(
        "{} nodes, {} state entries, manifest at most {manifest_bytes} bytes; cap {max_work} work units, {max_bytes} witness bytes",
        prog.nodes.len(),
        state.len()
    );
    println!("{:<18} {:>5} {:>14} {:>12} {:>8}", "operator", "nodes", "worst work", "worst bytes", "unfit");
    for (k, (n, w, b, bad)) in &kinds {
        println!("{k:<18} {n:>5} {w:>14} {b:>12} {bad:>8}");
    }
    let unfit: Vec<(&str, u32)> = kinds.iter().filter(|(_, v)| v.3 > 0).map(|(k, v)| (k.as_str(), v.3)).collect();
    // Every operator kind fits: `submit_task` accepts this program.
    assert_eq!(unfit, Vec::<(&str, u32)>::new(), "operators without a witness that fits a block");
    let (worst, (_, w, b, _)) = kinds.iter().filter(|(_, v)| v.3 == 0).max_by_key(|(_, v)| v.2).unwrap();
    println!("largest witness that fits: {worst}, {b} bytes, {w} work units");
}
