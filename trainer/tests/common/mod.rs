//! Helpers shared by the trainer's integration tests.
#![allow(dead_code)]

use gensyn_trainer::spec::TaskSpec;
use std::path::PathBuf;

/// The crate's directory, read at run time (cargo sets it for tests), so a
/// test binary built from another checkout path still finds the fixtures.
pub fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map(Into::into).unwrap_or_else(|| env!("CARGO_MANIFEST_DIR").into())
}

/// The `fixtures/` folder.
pub fn fixtures() -> PathBuf {
    manifest_dir().join("../fixtures")
}

/// A fixture spec.
pub fn fixture(name: &str) -> TaskSpec {
    TaskSpec::from_file(&fixtures().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `spec` cut to `steps` steps.
pub fn short(mut spec: TaskSpec, steps: u32) -> TaskSpec {
    spec.train.steps = steps;
    spec.train.checkpoint_every = spec.train.checkpoint_every.min(steps);
    spec
}

/// The bit patterns of `values` (so comparisons see −0 and NaN payloads).
pub fn bits(values: &[f32]) -> Vec<u32> {
    values.iter().map(|v| v.to_bits()).collect()
}
