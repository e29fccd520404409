//! The decoder-only transformer: reproducible across runs and thread counts,
//! every step equal to its canonical program (so every step is provable),
//! segments replay, and it learns the Markov chain.

mod common;

use common::{bits, fixture, short};
use gensyn_commitment::trace::{Op, Source};
use gensyn_trainer::{backend::Backend, run, train::Trainer};

const FIXTURE: &str = "markov-transformer.toml";

/// The fixture cut to `steps` steps, its warm-up cut to fit.
fn lm(steps: u32) -> gensyn_trainer::spec::TaskSpec {
    let mut spec = short(fixture(FIXTURE), steps);
    spec.train.schedule = gensyn_trainer::spec::ScheduleSpec::WarmupLinear { warmup: 2 };
    spec.validate().unwrap();
    spec
}

#[test]
fn same_hashes_across_runs_and_thread_counts() {
    let spec = lm(12);
    let a = Trainer::new(&spec, Backend::cpu(1)).unwrap().run(None, |_| {}).unwrap();
    let b = Trainer::new(&spec, Backend::cpu(1)).unwrap().run(None, |_| {}).unwrap();
    let c = Trainer::new(&spec, Backend::cpu(2)).unwrap().run(None, |_| {}).unwrap();
    assert_eq!(a.checkpoints, b.checkpoints, "rerun");
    assert_eq!(a.checkpoints, c.checkpoints, "1 vs 2 threads");
    assert_eq!(bits(&a.losses), bits(&c.losses));
    let mut other = spec.clone();
    other.seed += 1;
    let d = Trainer::new(&other, Backend::cpu(2)).unwrap().run(None, |_| {}).unwrap();
    assert_ne!(a.checkpoints[0].hash, d.checkpoints[0].hash);
}

#[test]
fn every_step_matches_the_canonical_program() {
    let spec = lm(6);
    let mut trainer = Trainer::new(&spec, Backend::cpu(2)).unwrap().with_trace();
    let program = trainer.program();
    for (i, n) in program.nodes.iter().enumerate() {
        assert!(n.well_formed(i as u32), "node {i}");
        // Batch inputs: token ids, targets, positions.
        assert!(n.inputs.as_slice().iter().all(|s| !matches!(s, Source::Batch(b) if *b > 2)));
    }
    let has = |f: fn(&Op) -> bool| program.nodes.iter().any(|n| f(&n.op));
    assert!(has(|o| matches!(o, Op::Attention { .. })) && has(|o| matches!(o, Op::AttentionGradFrom { .. })));
    // The log-softmax and attention's gradient as their arbitrable parts.
    assert!(has(|o| matches!(o, Op::AttentionStats { .. })) && has(|o| matches!(o, Op::RowMax)));
    assert!(!has(|o| matches!(o, Op::AttentionGrad { .. } | Op::LogSoftmax)));
    assert!(has(|o| matches!(o, Op::Accumulate)));
    // The trainer checks every step against the program and fails on the first bit of difference.
    let report = trainer.run(None, |_| {}).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.records.len(), 6);
    for w in report.records.windows(2) {
        assert_eq!(w[0].after, w[1].before);
    }
    assert_eq!(report.checkpoints.last().unwrap().hash, report.records[5].after);
}

#[test]
fn segments_replay_to_their_committed_hashes() {
    let tmp = std::env::temp_dir().join(format!("gensyn-lm-replay-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).unwrap();
    let text = std::fs::read_to_string(common::fixtures().join(FIXTURE))
        .unwrap()
        .replace("steps = 300", "steps = 8")
        .replace("checkpoint_every = 50", "checkpoint_every = 4")
        .replace("warmup = 30", "warmup = 2");
    let spec = tmp.join("task.toml");
    std::fs::write(&spec, text).unwrap();
    let out = tmp.join("run");
    let manifest = run::train(&spec, &out, Backend::cpu(2), |_| {}).unwrap();
    assert_eq!(manifest.checkpoints.len(), 3);
    for seg in 0..2 {
        let r = run::replay(&out, seg, Backend::cpu(1)).unwrap();
        assert!(r.ok(), "segment {seg}: {r:?}");
    }
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn learns_the_markov_chain() {
    let spec = fixture(FIXTURE);
    let report = Trainer::new(&spec, Backend::cpu(2)).unwrap().run(None, |_| {}).unwrap();
    let l = &report.losses;
    let head: f32 = l[..10].iter().sum::<f32>() / 10.0;
    let tail: f32 = l[l.len() - 20..].iter().sum::<f32>() / 20.0;
    // Uniform guessing is ln 16 ≈ 2.77; the chain's floor is ≈0.56. Below
    // 1.2 needs attention to the token two back.
    println!("loss {head:.3} → {tail:.3} over {} steps", l.len());
    assert!(head > 2.5 && tail < 1.2, "loss {head} → {tail}");
}
