//! From a task spec (TOML) to what `submit_task` posts: the on-chain
//! `TaskSpec` (every commitment computed from the spec, as a solver and a
//! verifier will recompute them) and the manifest the chain checks the
//! program against. The commitments are the trainer's own, so the chain,
//! the trainer and the arbiter agree by construction.

use crate::error::CliError;
use gensyn_runtime::Runtime;
use gensyn_trainer::{backend::Backend, program::named_state, spec::TaskSpec as Spec, train::Trainer};
use pallet_gensyn::{EntryShape, Manifest, ManifestOf, TaskSpec};
use polkadot_sdk::{
    frame_support::BoundedVec,
    sp_runtime::traits::{BlakeTwo256, Hash as _},
};
use std::path::Path;

/// A spec read from a file, with its bytes (whose hash goes on chain).
pub struct LoadedSpec {
    /// The parsed spec.
    pub spec: Spec,
    /// The file's bytes.
    pub text: Vec<u8>,
}

/// Reads and validates a spec file: a malformed spec is refused here, with
/// the field named, before anything is sent.
pub fn load(path: &Path) -> Result<LoadedSpec, CliError> {
    let text =
        std::fs::read(path).map_err(|e| CliError::Usage(format!("cannot read task spec {}: {e}", path.display())))?;
    let mut spec = Spec::from_toml(&String::from_utf8_lossy(&text))
        .map_err(|e| CliError::Usage(format!("task spec {}: {e}", path.display())))?;
    let dir = path.parent().map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p });
    spec.base_dir = dir.map(|d| std::fs::canonicalize(d).unwrap_or_else(|_| d.to_path_buf()));
    Ok(LoadedSpec { spec, text })
}

/// `H(the [train] table)`, keys sorted: the hyper-parameters, apart from
/// the model and the data.
pub fn hyper_hash(text: &[u8]) -> Result<[u8; 32], CliError> {
    let table: toml::Table = toml::from_str(&String::from_utf8_lossy(text))
        .map_err(|e| CliError::Usage(format!("task spec is not TOML: {e}")))?;
    let train = table.get("train").cloned().unwrap_or(toml::Value::Table(Default::default()));
    let canonical = toml::to_string(&train).map_err(|e| CliError::other(format!("cannot serialize [train]: {e}")))?;
    Ok(BlakeTwo256::hash(canonical.as_bytes()).0)
}

/// The on-chain spec and manifest of `loaded`, computed by building the
/// task's trainer (initial model, dataset, program) on the CPU.
pub fn task_of(loaded: &LoadedSpec) -> Result<(TaskSpec, ManifestOf<Runtime>), CliError> {
    let spec = &loaded.spec;
    let trainer = Trainer::new(spec, Backend::cpu(1)).map_err(|e| CliError::Usage(format!("task spec: {e}")))?;
    let program = trainer.program();
    let state = trainer.state().map_err(|e| CliError::other(e.to_string()))?;
    let named = named_state(0, &state);
    let data = trainer.data();
    let order = trainer.order();
    let tree = program.tree();
    let on_chain = TaskSpec {
        spec_hash: BlakeTwo256::hash(&loaded.text).0,
        model_hash: trainer.hash().map_err(|e| CliError::other(e.to_string()))?,
        dataset_root: data.root(),
        hyper_hash: hyper_hash(&loaded.text)?,
        program_root: tree.root(),
        program_len: tree.len(),
        steps: spec.train.steps,
        checkpoint_every: spec.train.checkpoint_every,
        order,
        data_kind: data.kind,
        example_len: data.dim as u32,
    };
    let state = named
        .entries
        .iter()
        .map(|(name, t)| EntryShape {
            name: BoundedVec::truncate_from(name.clone()),
            dims: BoundedVec::truncate_from(t.dims.clone()),
            tiles_root: gensyn_commitment::tensor::tile_tree(&t.dims, &t.values).root(),
        })
        .collect::<Vec<_>>();
    let nodes = program.nodes.clone();
    let too_big = |what: &str, n: usize, max: u32| {
        CliError::Usage(format!("task spec: the {what} has {n} entries; the chain takes at most {max}"))
    };
    use polkadot_sdk::frame_support::traits::Get;
    let max_nodes = <Runtime as pallet_gensyn::Config>::MaxProgramLen::get();
    let max_entries = <Runtime as pallet_gensyn::Config>::MaxStateEntries::get();
    let manifest = Manifest {
        nodes: BoundedVec::try_from(nodes).map_err(|n| too_big("program", n.len(), max_nodes))?,
        state: BoundedVec::try_from(state).map_err(|s| too_big("model state", s.len(), max_entries))?,
    };
    Ok((on_chain, manifest))
}
