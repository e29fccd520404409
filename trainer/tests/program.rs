//! The candle fast path and the canonical program agree bit for bit on
//! every step, so every step has a provable record.

mod common;

use common::{fixture, short};
use gensyn_commitment::{
    exec, merkle,
    state::StepRecord,
    trace::{Op, Source},
};
use gensyn_trainer::{backend::Backend, program, train::Trainer};

#[test]
fn every_step_matches_the_canonical_program() {
    for name in ["blobs-mlp-sgd.toml", "blobs-mlp-adamw.toml"] {
        let spec = short(fixture(name), 25);
        let mut trainer = Trainer::new(&spec, Backend::cpu(2)).unwrap().with_trace();
        let program = trainer.program();
        // Nodes only read earlier nodes; the tail is the next state.
        for (i, n) in program.nodes.iter().enumerate() {
            assert!(n.well_formed(i as u32), "{name}: node {i}");
            assert!(n.inputs.as_slice().iter().all(|s| !matches!(s, Source::Batch(b) if *b > 1)));
        }
        let report = trainer.run(None, |_| {}).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(report.records.len(), 25);
        let by_step: Vec<&StepRecord> = report.records.iter().collect();
        for w in by_step.windows(2) {
            assert_eq!(w[0].after, w[1].before, "{name}: records chain");
        }
        for c in &report.checkpoints {
            let want = if c.step == 0 { by_step[0].before } else { by_step[c.step as usize - 1].after };
            assert_eq!(c.hash, want, "{name}: checkpoint {} is the program's state", c.step);
        }
        // The step tree opens every record.
        let leaves: Vec<_> = report.records.iter().map(|r| r.leaf()).collect();
        let tree = merkle::Tree::new(&leaves);
        for (i, r) in report.records.iter().enumerate() {
            assert!(merkle::verify(&tree.root(), 25, i as u32, &r.leaf(), &tree.proof(i as u32).unwrap()));
        }
    }
}

/// The runtime's cap on one arbitration (`protocol::MAX_ARBITRATION_WORK`
/// in `runtime/src/lib.rs`; the trainer does not depend on the runtime).
const MAX_ARBITRATION_WORK: u64 = 100_000_000;

#[test]
fn every_node_of_the_fixtures_can_be_arbitrated() {
    for name in ["blobs-mlp-sgd.toml", "blobs-mlp-adamw.toml", "markov-transformer.toml", "rings-csv.toml"] {
        let trainer = Trainer::new(&short(fixture(name), 1), Backend::cpu(2)).unwrap();
        let program = trainer.program();
        let run = trainer.canonical_step(&program).unwrap();
        let state = program::named_state(0, &trainer.state().unwrap());
        let batch = trainer.batch_tensors(0);
        for (i, node) in program.nodes.iter().enumerate() {
            let dims: Vec<&[u32]> = node
                .inputs
                .as_slice()
                .iter()
                .map(|s| match *s {
                    Source::Node(j) => run.outputs[j as usize].dims.as_slice(),
                    Source::State(e) => state.entries[e as usize].1.dims.as_slice(),
                    Source::Batch(b) => batch[b as usize].dims.as_slice(),
                })
                .collect();
            // A matmul is disputed down to one output tile; anything else whole.
            let tiled = matches!(node.op, Op::MatMul { .. });
            let work = exec::work(&node.op, &dims, tiled);
            assert!(work <= MAX_ARBITRATION_WORK, "{name}: node {i} ({:?}) needs {work} units", node.op);
        }
    }
}

/// A traced run takes each step once, on the program; an untraced run takes
/// the candle path. Both must give the same bits — losses, checkpoints, and
/// the model they leave behind (a verifier replays on either) — on every
/// fixture, and a trainer that ran traced goes on training from the
/// program's state.
#[test]
fn traced_and_untraced_runs_agree_on_every_fixture() {
    let names = [
        "blobs-mlp-sgd.toml",
        "blobs-mlp-adamw.toml",
        "blobs-tiny.toml",
        "bars-idx.toml",
        "rings-csv.toml",
        "waves-safetensors.toml",
        "markov-transformer.toml",
    ];
    for name in names {
        let spec = short(fixture(name), 6);
        let mut plain = Trainer::new(&spec, Backend::cpu(2)).unwrap();
        let mut traced = Trainer::new(&spec, Backend::cpu(2)).unwrap().with_trace();
        let (a, b) = (plain.run(None, |_| {}).unwrap(), traced.run(None, |_| {}).unwrap());
        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&a.losses), bits(&b.losses), "{name}: losses");
        assert_eq!(a.checkpoints, b.checkpoints, "{name}: checkpoints");
        assert_eq!(b.records.len(), 6, "{name}: one record per step");
        assert_eq!(b.records.last().unwrap().after, traced.hash().unwrap(), "{name}: the model took the last state");
        assert_eq!(plain.hash().unwrap(), traced.hash().unwrap(), "{name}: state after the run");
        let (la, lb) = (plain.train_step().unwrap(), traced.train_step().unwrap());
        assert_eq!(la.to_bits(), lb.to_bits(), "{name}: a further step's loss");
        assert_eq!(plain.hash().unwrap(), traced.hash().unwrap(), "{name}: state after a further step");
    }
}
