//! Training runs on disk and their replay.
//!
//! `train` writes into its output folder the task spec (`task.toml`), one
//! safetensors file per checkpoint (`checkpoints/`) and `manifest.json`
//! with every checkpoint's hash: what a solver commits to; and the leaves
//! of its step tree (`step-leaves.bin`), which a dispute proves records by. `replay`
//! re-executes one segment from its start checkpoint and compares the end
//! hash with the committed one: what a verifier's audit does.

use crate::{
    backend::Backend,
    checkpoint::{self, hex, Hash},
    spec::TaskSpec,
    train::{checkpoint_path, load_checkpoint, StepInfo, TrainError, Trainer},
};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// `manifest.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// Task name.
    pub task: String,
    /// blake2b-256 of the spec file's bytes (what goes on chain).
    pub spec_hash: String,
    /// Total steps.
    pub steps: u32,
    /// Checkpoint interval k.
    pub checkpoint_every: u32,
    /// Merkle root over the checkpoint leaves (`gensyn_commitment::state::checkpoint_leaf`):
    /// what the solver commits on chain.
    pub checkpoint_root: String,
    /// Merkle root over the dataset's examples (what the submitter commits).
    pub dataset_root: String,
    /// The folder dataset file paths are relative to (the original spec's),
    /// so a replay of this run folder reads the same files.
    pub data_dir: Option<String>,
    /// Merkle root of the per-step program (operator graph) and its node count.
    pub program_root: String,
    /// Nodes in the program.
    pub program_len: u32,
    /// Merkle root over the step records (state before, batch, trace root,
    /// state after): what the solver commits for the pinpoint protocol.
    pub step_root: String,
    /// Checkpoints, step 0 first.
    pub checkpoints: Vec<ManifestCheckpoint>,
    /// Loss of every step.
    pub losses: Vec<f32>,
}

/// One committed checkpoint.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ManifestCheckpoint {
    /// Steps completed.
    pub step: u32,
    /// Canonical state hash, `0x…`.
    pub hash: String,
    /// Inclusion proof of this checkpoint under `checkpoint_root`: sibling
    /// hashes, bottom up.
    pub proof: Vec<String>,
}

/// Errors of on-disk runs.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Training failed.
    #[error(transparent)]
    Train(#[from] TrainError),
    /// The spec is unusable.
    #[error(transparent)]
    Spec(#[from] crate::spec::SpecError),
    /// A file could not be read or written.
    #[error("{path}: {reason}")]
    Io {
        /// The path.
        path: String,
        /// Why.
        reason: String,
    },
    /// The run folder is inconsistent.
    #[error("{0}")]
    Invalid(String),
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> RunError + '_ {
    move |e| RunError::Io { path: path.display().to_string(), reason: e.to_string() }
}

/// The file of a run folder that holds the leaves of its step tree (32
/// bytes each, step 0 first): what a solver proves a disputed step's record
/// against, without training again.
pub const STEP_LEAVES: &str = "step-leaves.bin";

/// The step tree's leaves a run folder holds ([`STEP_LEAVES`]).
pub fn step_leaves(dir: &Path) -> Result<Vec<Hash>, RunError> {
    let path = dir.join(STEP_LEAVES);
    let bytes = std::fs::read(&path).map_err(io(&path))?;
    if bytes.len() % 32 != 0 {
        return Err(RunError::Invalid(format!("{}: not a list of 32-byte hashes", path.display())));
    }
    Ok(bytes.chunks_exact(32).map(|c| c.try_into().expect("32 bytes")).collect())
}

/// blake2b-256 of bytes, as `0x…`.
pub fn blake2_hex(bytes: &[u8]) -> String {
    hex(&gensyn_commitment::hash::blake2_256(bytes))
}

/// The Merkle tree over a run's checkpoint hashes (leaf `i` is
/// `checkpoint_leaf(i, hash)`), built with rs_merkle through the shared scheme.
pub fn checkpoint_tree(hashes: &[Hash]) -> gensyn_commitment::merkle::Tree {
    let leaves: Vec<Hash> =
        hashes.iter().enumerate().map(|(i, h)| gensyn_commitment::state::checkpoint_leaf(i as u32, h)).collect();
    gensyn_commitment::merkle::Tree::new(&leaves)
}

/// Trains the spec at `spec_path` into `out`.
pub fn train(
    spec_path: &Path,
    out: &Path,
    backend: Backend,
    on_step: impl FnMut(StepInfo),
) -> Result<Manifest, RunError> {
    let text = std::fs::read(spec_path).map_err(io(spec_path))?;
    let mut spec = TaskSpec::from_toml(&String::from_utf8_lossy(&text))?;
    let data_dir = spec_path.parent().map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p });
    spec.base_dir = data_dir.map(|d| std::fs::canonicalize(d).unwrap_or_else(|_| d.to_path_buf()));
    std::fs::create_dir_all(out).map_err(io(out))?;
    std::fs::write(out.join("task.toml"), &text).map_err(io(out))?;
    let mut trainer = Trainer::new(&spec, backend)?.with_trace();
    let program = trainer.program().tree();
    let dataset_root = hex(&trainer.data().root());
    let report = trainer.run(Some(&out.join("checkpoints")), on_step)?;
    let step_leaves: Vec<Hash> = report.records.iter().map(|r| r.leaf()).collect();
    let leaves_path = out.join(STEP_LEAVES);
    std::fs::write(&leaves_path, step_leaves.concat()).map_err(io(&leaves_path))?;
    let tree = checkpoint_tree(&report.checkpoints.iter().map(|c| c.hash).collect::<Vec<_>>());
    let manifest = Manifest {
        task: spec.name.clone(),
        spec_hash: blake2_hex(&text),
        steps: spec.train.steps,
        checkpoint_every: spec.train.checkpoint_every,
        dataset_root,
        data_dir: spec.base_dir.as_ref().map(|d| d.display().to_string()),
        checkpoint_root: hex(&tree.root()),
        program_root: hex(&program.root()),
        program_len: program.len(),
        step_root: hex(&gensyn_commitment::merkle::root(&step_leaves)),
        checkpoints: report
            .checkpoints
            .iter()
            .enumerate()
            .map(|(i, c)| ManifestCheckpoint {
                step: c.step,
                hash: hex(&c.hash),
                proof: tree.proof(i as u32).map(|p| p.siblings.iter().map(hex).collect()).unwrap_or_default(),
            })
            .collect(),
        losses: report.losses,
    };
    let path = out.join("manifest.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&manifest).expect("manifest serializes")).map_err(io(&path))?;
    Ok(manifest)
}

/// The result of replaying one segment.
#[derive(Debug, Clone, PartialEq)]
pub struct Replay {
    /// Segment index.
    pub segment: usize,
    /// First step (the start checkpoint's step).
    pub start_step: u32,
    /// Last step.
    pub end_step: u32,
    /// Whether the start checkpoint's file hashes to its committed hash.
    pub start_matches: bool,
    /// Committed end hash.
    pub expected: String,
    /// Recomputed end hash.
    pub got: String,
}

impl Replay {
    /// Whether the segment verifies.
    pub fn ok(&self) -> bool {
        self.start_matches && self.expected == self.got
    }
}

/// Reads a run folder's manifest and spec.
pub fn open(dir: &Path) -> Result<(Manifest, TaskSpec), RunError> {
    let mpath = dir.join("manifest.json");
    let manifest: Manifest = serde_json::from_slice(&std::fs::read(&mpath).map_err(io(&mpath))?)
        .map_err(|e| RunError::Invalid(format!("{}: {e}", mpath.display())))?;
    let mut spec = TaskSpec::from_file(&dir.join("task.toml"))?;
    if let Some(d) = &manifest.data_dir {
        spec.base_dir = Some(d.into());
    }
    Ok((manifest, spec))
}

/// Replays segment `segment` (from checkpoint `segment` to `segment + 1`).
pub fn replay(dir: &Path, segment: usize, backend: Backend) -> Result<Replay, RunError> {
    let (manifest, spec) = open(dir)?;
    let segments = manifest.checkpoints.len().saturating_sub(1);
    if segment >= segments {
        return Err(RunError::Invalid(format!(
            "segment {segment} does not exist: this run has {segments} segments (0..={})",
            segments.saturating_sub(1)
        )));
    }
    let (start, end) = (&manifest.checkpoints[segment], &manifest.checkpoints[segment + 1]);
    let state = load_checkpoint(&checkpoint_path(&dir.join("checkpoints"), start.step))?;
    let start_matches = hex(&checkpoint::hash(start.step, &state)) == start.hash;
    let mut trainer = Trainer::restore(&spec, backend, start.step, &state)?;
    trainer.run_to(end.step)?;
    Ok(Replay {
        segment,
        start_step: start.step,
        end_step: end.step,
        start_matches,
        expected: end.hash.clone(),
        got: hex(&trainer.hash()?),
    })
}

/// The default output folder for a spec: `runs/<task name>`.
pub fn default_out(spec_path: &Path) -> PathBuf {
    let stem = spec_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "run".into());
    PathBuf::from("runs").join(stem)
}
