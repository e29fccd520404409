//! CPU equals GPU: every fixture trains to the same checkpoint hashes and
//! losses on the CUDA backend as on the CPU, and a GPU step equals the
//! canonical program. Skips, printing why, where there is no GPU (CI).

mod common;

use common::{bits, fixture, short};
use gensyn_trainer::{
    backend::Backend,
    spec::{ScheduleSpec, TaskSpec},
    train::Trainer,
};

/// `name` cut to `steps` steps (a transformer's warm-up cut to fit).
fn spec(name: &str, steps: u32) -> TaskSpec {
    let mut spec = short(fixture(name), steps);
    if let ScheduleSpec::WarmupLinear { warmup } = &mut spec.train.schedule {
        *warmup = (*warmup).min(steps / 2);
    }
    spec.validate().unwrap();
    spec
}

fn gpu() -> Option<Backend> {
    match Backend::cuda() {
        Ok(b) => {
            eprintln!("GPU: {}", b.describe());
            Some(b)
        }
        Err(e) => {
            eprintln!("skipped: {e}");
            None
        }
    }
}

#[test]
fn every_fixture_trains_to_the_same_bits_on_cpu_and_gpu() {
    let Some(gpu) = gpu() else { return };
    for (name, steps) in [
        ("blobs-mlp-sgd.toml", 40),
        ("blobs-mlp-adamw.toml", 40),
        ("rings-csv.toml", 20),
        ("markov-transformer.toml", 12),
    ] {
        let spec = spec(name, steps);
        let cpu = Trainer::new(&spec, Backend::cpu(2)).unwrap().run(None, |_| {}).unwrap();
        let cuda = Trainer::new(&spec, gpu.clone()).unwrap().run(None, |_| {}).unwrap();
        assert_eq!(cpu.checkpoints, cuda.checkpoints, "{name}");
        assert_eq!(bits(&cpu.losses), bits(&cuda.losses), "{name}");
    }
}

#[test]
fn gpu_steps_equal_the_canonical_program() {
    let Some(gpu) = gpu() else { return };
    // `with_trace` runs the reference interpreter beside every step and
    // fails on the first state that differs.
    let spec = spec("markov-transformer.toml", 4);
    let report = Trainer::new(&spec, gpu).unwrap().with_trace().run(None, |_| {}).unwrap();
    assert_eq!(report.records.len(), 4);
}
