//! What every agent shares: its connection, keys and working folder, key
//! registration, VRF reveals, checked fetches from the store, the check
//! that a task's commitments can be reproduced here, and its event lines.

use crate::{
    accounts::{self, Account},
    args::{AgentArgs, GlobalArgs},
    chain::{Chain, Wait},
    error::CliError,
    keystore,
    output::Output,
    query,
};
use gensyn_runtime::{Runtime, RuntimeCall};
use gensyn_store::Kind;
use pallet_gensyn::{lifecycle, Call as GensynCall, Role, TaskId};
use polkadot_sdk::sp_core::sr25519;
use serde_json::json;
use std::{path::PathBuf, time::Duration};

/// Seconds an agent waits for its key registration to show on the best
/// chain before it sends the registration again.
const KEY_RECORD_POLLS: u32 = 20;

/// What one agent needs at every step.
pub struct Agent {
    /// The chain.
    pub chain: Chain,
    /// Who it is.
    pub me: Account,
    /// Its signing key.
    pub key: sr25519::Pair,
    /// Its VRF secret.
    pub vrf: [u8; 32],
    /// Its working folder (runs, fetched specs).
    pub dir: PathBuf,
    /// How long each transaction may wait.
    pub timeout: Duration,
    /// Where its training and replays run.
    pub compute: crate::args::ComputeArgs,
}

impl Agent {
    /// Connects and sets up `--as`'s agent.
    pub async fn start(args: &AgentArgs, global: &GlobalArgs, role: &str) -> Result<Self, CliError> {
        let (me, key) = accounts::signer(&args.tx.signer)?;
        let vrf = keystore::vrf_secret(&key);
        let dir = args.data_dir.clone().unwrap_or_else(|| {
            crate::state::data_home().join("gensyn/agents").join(format!("{role}-{}", me.address()))
        });
        std::fs::create_dir_all(&dir)?;
        let chain = crate::cmd::connect(global).await?;
        // A device it cannot use is refused now, not when it wins a task.
        crate::cmd::train::backend(args.compute)?;
        Ok(Agent { chain, me, key, vrf, dir, timeout: Duration::from_secs(args.tx.timeout), compute: args.compute })
    }

    /// Runs `tick` every 300 ms until it says the agent is done (`Ok(true)`)
    /// or Ctrl-C asks it to stop (after the tick under way: everything it
    /// needs to resume is on chain and in its folder; a second Ctrl-C quits
    /// at once); a lost node is waited for and reconnected to, and the next
    /// tick goes on from the chain's state. Every agent's main loop.
    pub async fn watch(
        &mut self,
        global: &GlobalArgs,
        out: &Output,
        mut tick: impl AsyncFnMut(&Agent) -> Result<bool, CliError>,
    ) -> Result<(), CliError> {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let interrupted = stop.clone();
        let note = out.clone();
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                interrupted.store(true, std::sync::atomic::Ordering::SeqCst);
                note.note("stopping once the work under way is done (Ctrl-C again to quit now)");
                if tokio::signal::ctrl_c().await.is_ok() {
                    std::process::exit(130);
                }
            }
        });
        loop {
            if stop.load(std::sync::atomic::Ordering::SeqCst) {
                println_event(out, "stopped", json!({}), "stopped; run it again to resume".into());
                return Ok(());
            }
            match tick(self).await {
                Ok(true) => return Ok(()),
                Ok(false) => {}
                Err(e) if lost_node(&e) => self.reconnect(global, out, &e, &stop).await?,
                Err(e) => return Err(e),
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
        }
    }

    /// Waits for the node of the same chain to answer again (up to ten
    /// minutes), reconnects, and announces both.
    pub async fn reconnect(
        &mut self,
        global: &GlobalArgs,
        out: &Output,
        why: &CliError,
        stop: &std::sync::atomic::AtomicBool,
    ) -> Result<(), CliError> {
        println_event(
            out,
            "disconnected",
            json!({ "error": why.to_string() }),
            format!("lost the node ({why}); waiting for it"),
        );
        let started = std::time::Instant::now();
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            // Ctrl-C while waiting: the main loop stops.
            if stop.load(std::sync::atomic::Ordering::SeqCst) {
                return Ok(());
            }
            match crate::cmd::connect(global).await {
                // The same chain only: while the devnet restarts, the
                // endpoint may fall back to another node's.
                Ok(chain) if chain.genesis == self.chain.genesis => {
                    self.chain = chain;
                    println_event(
                        out,
                        "reconnected",
                        json!({ "rpc": self.chain.url }),
                        "reconnected to the node".into(),
                    );
                    return Ok(());
                }
                _ if started.elapsed() < Duration::from_secs(600) => {}
                Ok(_) => return Err(CliError::other("the node came back with another chain")),
                Err(e) => return Err(e),
            }
        }
    }

    /// Sends `call` as this agent; a pallet refusal is returned by name.
    ///
    /// It waits for inclusion in the best chain, not for finality: windows
    /// count blocks of the best chain, so a finality stall (GRANDPA short of
    /// votes) must not make an agent miss one. A re-org that drops the
    /// transaction is seen on the next tick, which reads the chain again
    /// and sends what is still owed.
    pub async fn send(&self, call: pallet_gensyn::Call<Runtime>) -> Result<(), CliError> {
        self.chain.submit(RuntimeCall::Gensyn(call), &self.key, Wait::Included, self.timeout).await.map(|_| ())
    }

    /// Registers the VRF key derived from the account, unless it is
    /// already; returns the block from which it counts, and whether it was
    /// registered now.
    pub async fn ensure_keys(&self) -> Result<(u32, bool), CliError> {
        let public = gensyn_vrf::public_key(&self.vrf).map_err(|e| CliError::other(format!("VRF key: {e:?}")))?;
        if let Some(since) = self.key_since(&public).await? {
            return Ok((since, false));
        }
        let (proof, _) = gensyn_vrf::prove(&self.vrf, &lifecycle::registration_alpha(&self.me.id))
            .map_err(|e| CliError::other(format!("VRF proof: {e:?}")))?;
        // "Included" is a block of *a* chain: on the PoS devnet two
        // validators may author at one slot, and the best head read just
        // after may be the sibling without it. So the record is awaited on
        // the best chain for a while, and the registration sent again when
        // a re-org dropped it for good.
        for attempt in 0..3 {
            let sent = self.send(GensynCall::register_keys { vrf_key: public.clone(), proof: proof.clone() }).await;
            // A resend may meet the first one still in the pool (the pool
            // re-imports a retracted block's transactions): only the first
            // send's error is the caller's.
            if attempt == 0 {
                sent?;
            }
            for _ in 0..KEY_RECORD_POLLS {
                if let Some(since) = self.key_since(&public).await? {
                    return Ok((since, true));
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
        Err(CliError::other("the key registration left no record on the best chain after three sends"))
    }

    /// [`Agent::ensure_keys`], announcing a new registration; returns the
    /// block from which the key counts.
    pub async fn register(&self, out: &Output) -> Result<u32, CliError> {
        let (since, new) = self.ensure_keys().await?;
        if new {
            println_event(
                out,
                "registered",
                json!({ "counts_from": since }),
                format!("registered its VRF key; it counts from block #{since}"),
            );
        }
        Ok(since)
    }

    /// Enters the running selection of `id` (as `what`, for the event) if
    /// this machine reproduces the task ([`prepare`]); returns whether it
    /// entered, announcing a refusal otherwise.
    pub async fn try_enter(
        &self,
        out: &Output,
        id: TaskId,
        spec: &pallet_gensyn::TaskSpec,
        what: &str,
    ) -> Result<bool, CliError> {
        let path = match prepare(self, id, spec).await {
            Ok(path) => path,
            Err(e) => {
                event(out, "refused", id, json!({ "reason": e.to_string() }), format!("not entering: {e}"));
                return Ok(false);
            }
        };
        let task = crate::query::task(&self.chain, id, None).await?.task;
        let refuse = |why: String| {
            event(out, "refused", id, json!({ "reason": why }), format!("not entering: {why}"));
            Ok(false)
        };
        let paced = match crate::onchain::load(&path) {
            Ok(loaded) => crate::pace::refusal(self, &task, &loaded.spec, what == "solver").await,
            Err(e) => Err(e),
        };
        match paced {
            Ok(None) => {}
            Ok(Some(why)) => return refuse(why),
            Err(e) if lost_node(&e) => return Err(e),
            Err(e) => return refuse(e.to_string()),
        }
        // The chain may still refuse: the window closed while it checked,
        // or its free stake cannot back this task's collateral.
        match self.send(GensynCall::enter_selection { task: id }).await {
            Ok(()) => {}
            Err(e @ CliError::Dispatch { .. }) => return refuse(format!("the chain refused the entry: {e}")),
            Err(e) => return Err(e),
        }
        event(out, "entered", id, json!({}), format!("entered the {what} selection"));
        Ok(true)
    }

    /// Whether this account is an entrant of `task`'s running selection (a
    /// restarted agent takes up the draw it entered before it stopped).
    pub async fn has_entered(&self, task: TaskId) -> Result<bool, CliError> {
        let key = pallet_gensyn::Entries::<Runtime>::hashed_key_for(task, &self.me.id);
        let weight: Option<pallet_gensyn::BalanceOf<Runtime>> = self.chain.storage(key, None).await?;
        Ok(weight.is_some())
    }

    /// The block from which `public`, if it is this account's key, counts.
    async fn key_since(&self, public: &pallet_gensyn::VrfKeyOf<Runtime>) -> Result<Option<u32>, CliError> {
        let key = pallet_gensyn::Keys::<Runtime>::hashed_key_for(&self.me.id);
        let have: Option<pallet_gensyn::KeyRecord<pallet_gensyn::VrfKeyOf<Runtime>, u32>> =
            self.chain.storage(key, None).await?;
        Ok(have.filter(|k| &k.key == public).map(|k| k.since))
    }

    /// Reveals this agent's VRF proof for `task`'s draw over `seed`.
    pub async fn reveal(&self, task: TaskId, role: Role, seed: &[u8; 32]) -> Result<(), CliError> {
        let (proof, _) = gensyn_vrf::prove(&self.vrf, &lifecycle::selection_alpha(role, task, seed))
            .map_err(|e| CliError::other(format!("VRF proof: {e:?}")))?;
        self.send(GensynCall::reveal_selection { task, proof }).await
    }

    /// Puts artefacts into the node's store and waits until the chain
    /// counts each attested available: an attestation the pool lost (a
    /// re-org, a dropped view) would leave this agent owing data it holds.
    /// A put is idempotent and attests again, so what is missing is put
    /// again, up to three rounds of 15 s. This agent pays each one's
    /// storage deposit (held until the chain prunes it).
    pub async fn store_all(&self, blobs: &[(Kind, Vec<u8>)]) -> Result<(), CliError> {
        let mut missing: Vec<&(Kind, Vec<u8>)> = blobs.iter().collect();
        for round in 1..=3 {
            let mut ids = Vec::with_capacity(missing.len());
            for (kind, bytes) in &missing {
                ids.push(self.chain.store_put(*kind, bytes, &self.key).await?);
            }
            let until = std::time::Instant::now() + Duration::from_secs(15);
            loop {
                let mut still = Vec::new();
                for (blob, id) in missing.iter().zip(&ids) {
                    if !query::attested(&self.chain, *id, None).await? {
                        still.push((*blob, *id));
                    }
                }
                if still.is_empty() {
                    return Ok(());
                }
                if std::time::Instant::now() > until {
                    if round == 3 {
                        return Err(CliError::other(format!(
                            "the store holds {} but the chain never counted it attested",
                            query::hex32(&still[0].1)
                        )));
                    }
                    missing = still.into_iter().map(|(b, _)| b).collect();
                    break;
                }
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
        }
        Ok(())
    }

    /// Fetches artefact `id` of `kind` from the store, checked against `id`.
    pub async fn fetch(&self, kind: Kind, id: &[u8; 32]) -> Result<Vec<u8>, CliError> {
        fetch_checked(&self.chain, kind, id).await
    }
}

/// Whether `e` says the node went away (the agent waits for it and goes on)
/// rather than that the protocol refused something.
pub fn lost_node(e: &CliError) -> bool {
    match e {
        CliError::NodeNotRunning { .. } => true,
        CliError::Other(m) => m.starts_with("RPC error"),
        _ => false,
    }
}

/// Prints one event line: `base` with `detail`'s fields under `--json`,
/// `human` otherwise.
fn emit(out: &Output, mut base: serde_json::Value, detail: serde_json::Value, human: String) {
    if out.json() {
        if let serde_json::Value::Object(m) = detail {
            for (k, x) in m {
                base[k] = x;
            }
        }
        println!("{base}");
    } else {
        println!("{human}");
    }
}

/// An agent-wide event (not about one task).
pub fn println_event(out: &Output, name: &str, detail: serde_json::Value, human: String) {
    emit(out, json!({ "event": name }), detail, human);
}

/// One line per event: JSON under `--json`, text otherwise.
pub fn event(out: &Output, name: &str, task: TaskId, detail: serde_json::Value, human: String) {
    emit(out, json!({ "event": name, "task": task }), detail, format!("task {task}: {human}"));
}

/// The spec of `task`, fetched and checked, written under the agent's folder,
/// and refused unless this machine reproduces the task's every commitment
/// from it (a hostile submitter must not get an honest solver slashed).
/// Takes up an entry this agent made before a restart: fetches the task
/// into its folder and marks it `entered`. `Ok(false)`: it cannot (its
/// artefacts are gone or bad), so the task is `done` for this agent and the
/// failure is reported as event `failure.0` with the error under
/// `failure.1`. A lost node is returned, for the caller to reconnect.
pub async fn resume(
    agent: &Agent,
    out: &Output,
    id: TaskId,
    spec: &pallet_gensyn::TaskSpec,
    entered: &mut std::collections::BTreeSet<TaskId>,
    done: &mut std::collections::BTreeSet<TaskId>,
    failure: (&str, &str),
) -> Result<bool, CliError> {
    match prepare(agent, id, spec).await {
        Ok(_) => {
            entered.insert(id);
            event(out, "resumed", id, json!({}), "resumed its entry from the chain".into());
            Ok(true)
        }
        Err(e) if lost_node(&e) => Err(e),
        Err(e) => {
            done.insert(id);
            event(out, failure.0, id, json!({ failure.1: e.to_string() }), format!("cannot resume: {e}"));
            Ok(false)
        }
    }
}

pub async fn prepare(agent: &Agent, id: TaskId, spec: &pallet_gensyn::TaskSpec) -> Result<PathBuf, CliError> {
    prepare_in(&agent.chain, &agent.dir, id, spec).await
}

/// [`prepare`] into `dir/task-<id>/`, for any reader of the chain (the
/// dashboard names a disputed task's operators from the program it builds).
pub async fn prepare_in(
    chain: &Chain,
    dir: &std::path::Path,
    id: TaskId,
    spec: &pallet_gensyn::TaskSpec,
) -> Result<PathBuf, CliError> {
    let text = fetch_checked(chain, Kind::Spec, &spec.spec_hash).await?;
    let data = fetch_checked(chain, Kind::Dataset, &spec.dataset_commitment()).await?;
    let dir = dir.join(format!("task-{id}"));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("task.toml");
    std::fs::write(&path, &text)?;
    let loaded = crate::onchain::load(&path)?;
    write_dataset_files(&dir, &loaded.spec.dataset, &data)?;
    let (mine, _) = crate::onchain::task_of(&loaded)?;
    if &mine != spec {
        return Err(CliError::Mismatch(format!(
            "task {id}: this machine does not reproduce the task's commitments from its spec (its dataset must be generated from the spec)"
        )));
    }
    Ok(path)
}

/// Fetches artefact `id` of `kind` — any `k` of its shards from the
/// validators, else the node's copy (`crate::reader`) — checked against `id`.
pub async fn fetch_checked(chain: &Chain, kind: Kind, id: &[u8; 32]) -> Result<Vec<u8>, CliError> {
    let bytes = crate::reader::fetch(chain, id, |_, _| {})
        .await?
        .ok_or_else(|| CliError::NotFound(format!("the store holds no {} {}", kind.name(), query::hex32(id))))?
        .bytes;
    gensyn_store::open(kind, id, &bytes).map_err(|e| CliError::Mismatch(e.to_string()))?;
    Ok(bytes)
}

/// A task whose data is read from files (CSV, IDX, safetensors): the
/// files its spec names are written into the task's folder from the
/// dataset fetched from the store (already checked against its
/// commitment), so that the spec reads them as the submitter's machine did;
/// the commitments recomputed from them are checked after. A spec may name
/// only plain relative paths: it comes from a stranger, and must not make
/// the agent write outside its task folder.
fn write_dataset_files(
    dir: &std::path::Path,
    spec: &gensyn_trainer::spec::DatasetSpec,
    blob: &[u8],
) -> Result<(), CliError> {
    let files = gensyn_trainer::readers::files_of(spec);
    if files.is_empty() {
        return Ok(());
    }
    for f in &files {
        let path = std::path::Path::new(f);
        let plain = path.components().all(|c| matches!(c, std::path::Component::Normal(_)));
        // The agent's own files in the folder are not the spec's to name.
        let first = path.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned());
        let reserved = matches!(first.as_deref(), Some("task.toml" | "run"));
        if !plain || f.is_empty() || reserved {
            return Err(CliError::Mismatch(format!(
                "the task's spec names the dataset file `{f}`; only a relative path inside the task's folder, other than `task.toml` and `run/`, is accepted"
            )));
        }
        // Nor may it write through a link (or over a folder) left there.
        let mut at = dir.to_path_buf();
        for c in path.components() {
            at.push(c);
            if let Ok(m) = std::fs::symlink_metadata(&at) {
                let last = at == dir.join(path);
                if m.file_type().is_symlink() || (last && !m.is_file()) {
                    return Err(CliError::Mismatch(format!(
                        "the dataset file `{f}` would be written through a link or over a folder in the task's folder"
                    )));
                }
            }
        }
    }
    let d: gensyn_store::DatasetBlob =
        codec::Decode::decode(&mut &blob[..]).map_err(|e| CliError::other(format!("dataset: {e}")))?;
    let table = gensyn_trainer::readers::Table {
        features: d.examples.iter().flat_map(|(_, v)| v.iter().map(|b| f32::from_bits(*b))).collect(),
        labels: d.examples.iter().map(|(l, _)| *l).collect(),
        dim: d.example_len as usize,
    };
    gensyn_trainer::readers::write(spec, &table, |f| dir.join(f)).map_err(|e| CliError::Mismatch(e.to_string()))
}

/// The end a checker claims for a segment whose start it cannot replay
/// from: no state hashes to it.
pub const MISSHAPEN_END: [u8; 32] = [0u8; 32];

/// Replays the audited segments of `id` from the opened starts: the end
/// hash of each, in audit order, from each start at its checkpoint's step;
/// [`MISSHAPEN_END`] for the runs whose start is not a state of the task
/// there.
pub async fn replay(
    agent: &Agent,
    out: &Output,
    id: TaskId,
    view: &query::TaskView,
) -> Result<Vec<[u8; 32]>, CliError> {
    let audit = view.audit.as_ref().ok_or_else(|| CliError::other("no audit"))?;
    let spec_path = agent.dir.join(format!("task-{id}/task.toml"));
    let spec = crate::onchain::load(&spec_path)?.spec;
    let idx = audit.indices();
    let every = view.task.spec.checkpoint_every;
    let steps = view.task.spec.steps;
    let mut ends = vec![[0u8; 32]; idx.len()];
    let shapes = crate::misshapen::shapes_of(&spec)?;
    for run in lifecycle::runs(&idx) {
        let first = &audit.segments[run.start as usize];
        let start = first.start.ok_or_else(|| CliError::other("a run's start was not opened"))?;
        let blob: gensyn_store::CheckpointBlob =
            codec::Decode::decode(&mut &agent.fetch(Kind::Checkpoint, &start).await?[..])
                .map_err(|e| CliError::other(format!("checkpoint: {e}")))?;
        let named = blob.state().map_err(|e| CliError::Mismatch(e.to_string()))?;
        // A start that is no state of the task at its step (it says another
        // step, or has other shapes) cannot be replayed from: its run's ends
        // are claimed as nothing the solver can match, and the start is
        // proven misshapen once the reveals open (`misshapen::prove`).
        if crate::misshapen::check(&named, &view.task.spec, first.segment, &shapes).is_some() {
            for p in run {
                ends[p as usize] = MISSHAPEN_END;
            }
            continue;
        }
        let backend = crate::cmd::train::backend(agent.compute)?;
        let mut t = gensyn_trainer::train::Trainer::restore(
            &spec,
            backend,
            view.task.spec.checkpoint_step(first.segment),
            &gensyn_trainer::program::to_state(&named),
        )
        .map_err(|e| CliError::other(format!("restore: {e}")))?;
        let bar = crate::progress::StepBar::start(out, "replaying");
        for p in run {
            let seg = idx[p as usize];
            let end_step = ((seg + 1) * every).min(steps);
            while t.step() < end_step {
                let loss = t.train_step().map_err(|e| CliError::other(format!("replay: {e}")))?;
                bar.update(t.step(), end_step, Some(loss));
            }
            ends[p as usize] = t.hash().map_err(|e| CliError::other(e.to_string()))?;
        }
    }
    Ok(ends)
}

#[cfg(test)]
mod tests {
    use super::*;
    use codec::Encode;
    use gensyn_trainer::spec::DatasetSpec;

    #[test]
    fn a_spec_cannot_make_an_agent_write_outside_its_task_folder() {
        let dir = tempfile::tempdir().unwrap();
        let task = dir.path().join("task-0");
        let blob = gensyn_store::DatasetBlob {
            example_len: 2,
            examples: vec![(0, vec![1f32.to_bits(), 2f32.to_bits()]), (1, vec![3f32.to_bits(), 4f32.to_bits()])],
        }
        .encode();
        let csv = |path: &str| DatasetSpec::Csv { path: path.into(), header: false, label_column: None };
        for bad in ["../escape.csv", "/tmp/escape.csv", "data/../../escape.csv", "", "task.toml", "run/x.csv", "run"] {
            let e = write_dataset_files(&task, &csv(bad), &blob).unwrap_err();
            assert!(matches!(e, CliError::Mismatch(_)), "{bad}: {e}");
        }
        assert!(!dir.path().join("escape.csv").exists());
        write_dataset_files(&task, &csv("data/rows.csv"), &blob).unwrap();
        assert_eq!(std::fs::read_to_string(task.join("data/rows.csv")).unwrap(), "1,2,0\n3,4,1\n");
        // Through a link left in the folder: refused, the target untouched.
        std::os::unix::fs::symlink(dir.path(), task.join("out")).unwrap();
        assert!(write_dataset_files(&task, &csv("out/escape.csv"), &blob).is_err());
        assert!(!dir.path().join("escape.csv").exists());
    }
}
