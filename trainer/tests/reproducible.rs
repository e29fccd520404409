//! The same task gives the same checkpoint hashes, run twice and on 1 vs
//! several threads; and it actually learns.

mod common;

use common::{bits, fixture, short};
use gensyn_trainer::{backend::Backend, train::Trainer};

#[test]
fn same_task_same_hashes_across_runs_and_thread_counts() {
    for name in ["blobs-mlp-sgd.toml", "blobs-mlp-adamw.toml"] {
        let spec = short(fixture(name), 60);
        let a = Trainer::new(&spec, Backend::cpu(1)).unwrap().run(None, |_| {}).unwrap();
        let b = Trainer::new(&spec, Backend::cpu(1)).unwrap().run(None, |_| {}).unwrap();
        let c = Trainer::new(&spec, Backend::cpu(3)).unwrap().run(None, |_| {}).unwrap();
        assert_eq!(a.checkpoints, b.checkpoints, "{name}: rerun");
        assert_eq!(a.checkpoints, c.checkpoints, "{name}: 1 vs 3 threads");
        assert_eq!(bits(&a.losses), bits(&c.losses));
        assert_eq!(a.checkpoints.first().unwrap().step, 0);
        assert_eq!(a.checkpoints.last().unwrap().step, 60);
    }
}

#[test]
fn a_different_seed_gives_different_hashes() {
    let spec = short(fixture("blobs-mlp-sgd.toml"), 5);
    let mut other = spec.clone();
    other.seed += 1;
    let a = Trainer::new(&spec, Backend::cpu(2)).unwrap().run(None, |_| {}).unwrap();
    let b = Trainer::new(&other, Backend::cpu(2)).unwrap().run(None, |_| {}).unwrap();
    assert_ne!(a.checkpoints[0].hash, b.checkpoints[0].hash);
}

#[test]
fn fixtures_train_to_a_visibly_lower_loss() {
    for name in ["blobs-mlp-sgd.toml", "blobs-mlp-adamw.toml"] {
        let spec = fixture(name);
        let report = Trainer::new(&spec, Backend::cpu(2)).unwrap().run(None, |_| {}).unwrap();
        let l = &report.losses;
        let head: f32 = l[..10].iter().sum::<f32>() / 10.0;
        let tail: f32 = l[l.len() - 10..].iter().sum::<f32>() / 10.0;
        assert!(tail < 0.5 * head, "{name}: loss {head} → {tail}");
    }
}

#[test]
fn checkpoints_are_written_as_safetensors() {
    let spec = short(fixture("blobs-mlp-sgd.toml"), 20);
    let dir = std::env::temp_dir().join(format!("gensyn-ckpt-{}", std::process::id()));
    let report = Trainer::new(&spec, Backend::cpu(2)).unwrap().run(Some(&dir), |_| {}).unwrap();
    for c in &report.checkpoints {
        let path = dir.join(format!("step-{:08}.safetensors", c.step));
        let tensors = candle_core::safetensors::load(&path, &candle_core::Device::Cpu).unwrap();
        assert!(tensors.contains_key("layers.0.weight") && tensors.contains_key("optim.layers.0.weight.velocity"));
    }
    std::fs::remove_dir_all(dir).unwrap();
}
