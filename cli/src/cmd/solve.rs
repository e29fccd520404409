//! `gensyn solve`: the solver agent. It registers its VRF key (with its
//! proof of possession) if needed, enters the selection of every task
//! whose data it can fetch and reproduce, reveals its proof when the draw
//! opens, and, when it wins, trains, uploads its checkpoints, commits and
//! opens what the audit asks for, until the task ends. `--once` handles
//! one task and exits.

use crate::{
    accounts::{self, Account},
    args::{AgentArgs, GlobalArgs},
    chain::Chain,
    error::CliError,
    keystore,
    output::Output,
    query,
};
use gensyn_runtime::{Runtime, RuntimeCall};
use gensyn_store::Kind;
use pallet_gensyn::{lifecycle, Call as GensynCall, Opening, Phase, Role, SolverCommitment, TaskId};
use polkadot_sdk::{frame_support::BoundedVec, sp_core::sr25519};
use serde_json::json;
use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
    time::Duration,
};

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
        let chain = super::connect(global).await?;
        Ok(Agent { chain, me, key, vrf, dir, timeout: Duration::from_secs(args.tx.timeout) })
    }

    /// Sends `call` as this agent; a pallet refusal is returned by name.
    pub async fn send(&self, call: pallet_gensyn::Call<Runtime>) -> Result<(), CliError> {
        self.chain.submit(RuntimeCall::Gensyn(call), &self.key, false, self.timeout).await.map(|_| ())
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
        self.send(GensynCall::register_keys { vrf_key: public, proof }).await?;
        let since =
            self.key_since(&public).await?.ok_or_else(|| CliError::other("the key registration left no record"))?;
        Ok((since, true))
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

    /// Fetches artefact `id` of `kind` from the store, checked against `id`.
    pub async fn fetch(&self, kind: Kind, id: &[u8; 32]) -> Result<Vec<u8>, CliError> {
        let bytes =
            self.chain.store_get(id).await?.ok_or_else(|| {
                CliError::NotFound(format!("the store holds no {} {}", kind.name(), query::hex32(id)))
            })?;
        gensyn_store::open(kind, id, &bytes).map_err(|e| CliError::Mismatch(e.to_string()))?;
        Ok(bytes)
    }
}

/// An agent-wide event (not about one task).
fn println_event(out: &Output, name: &str, detail: serde_json::Value, human: String) {
    if out.json() {
        let mut v = json!({ "event": name });
        if let serde_json::Value::Object(m) = detail {
            for (k, x) in m {
                v[k] = x;
            }
        }
        println!("{v}");
    } else {
        println!("{human}");
    }
}

/// One line per event: JSON under `--json`, text otherwise.
pub fn event(out: &Output, name: &str, task: TaskId, detail: serde_json::Value, human: String) {
    if out.json() {
        let mut v = json!({ "event": name, "task": task });
        if let serde_json::Value::Object(m) = detail {
            for (k, x) in m {
                v[k] = x;
            }
        }
        println!("{v}");
    } else {
        println!("task {task}: {human}");
    }
}

/// The spec of `task`, fetched and checked, written under the agent's folder,
/// and refused unless this machine reproduces the task's every commitment
/// from it (a hostile submitter must not get an honest solver slashed).
async fn prepare(agent: &Agent, id: TaskId, spec: &pallet_gensyn::TaskSpec) -> Result<PathBuf, CliError> {
    let text = agent.fetch(Kind::Spec, &spec.spec_hash).await?;
    agent.fetch(Kind::Dataset, &spec.dataset_commitment()).await?;
    let dir = agent.dir.join(format!("task-{id}"));
    std::fs::create_dir_all(&dir)?;
    let path = dir.join("task.toml");
    std::fs::write(&path, &text)?;
    let loaded = crate::onchain::load(&path)?;
    let (mine, _) = crate::onchain::task_of(&loaded)?;
    if &mine != spec {
        return Err(CliError::Mismatch(format!(
            "task {id}: this machine does not reproduce the task's commitments from its spec (its dataset must be generated from the spec)"
        )));
    }
    Ok(path)
}

/// Trains `spec` into `dir/run`, uploads every checkpoint, and returns the
/// commitment, every checkpoint's opening, and the proof of checkpoint 0.
fn train(path: &Path) -> Result<(SolverCommitment, Vec<Opening>, Vec<PathBuf>), CliError> {
    let run_dir = path.parent().expect("a task folder").join("run");
    let backend = gensyn_trainer::backend::Backend::cpu(gensyn_kernels::cpu::default_threads());
    let m = gensyn_trainer::run::train(path, &run_dir, backend, |_| {})
        .map_err(|e| CliError::other(format!("training failed: {e}")))?;
    let h = |s: &str| crate::cmd::blob::parse_id(s);
    let commitment = SolverCommitment { checkpoint_root: h(&m.checkpoint_root)?, step_root: h(&m.step_root)? };
    let mut openings = Vec::new();
    let mut files = Vec::new();
    for (i, c) in m.checkpoints.iter().enumerate() {
        let siblings = c.proof.iter().map(|s| h(s)).collect::<Result<Vec<_>, _>>()?;
        openings.push(Opening {
            index: i as u32,
            state: h(&c.hash)?,
            proof: gensyn_commitment::merkle::Proof { siblings },
        });
        files.push(gensyn_trainer::train::checkpoint_path(&run_dir.join("checkpoints"), c.step));
    }
    Ok((commitment, openings, files))
}

/// `gensyn solve`
pub async fn run(args: AgentArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let agent = Agent::start(&args, global, "solver").await?;
    let (key_since, new) = agent.ensure_keys().await?;
    if new {
        println_event(
            out,
            "registered",
            json!({ "counts_from": key_since }),
            format!("registered its VRF key; it counts from block #{key_since}"),
        );
    }
    let mut entered: BTreeSet<TaskId> = BTreeSet::new();
    let mut done: BTreeSet<TaskId> = BTreeSet::new();
    let mut mine: Option<(TaskId, Vec<Opening>)> = None;
    let mut revealed: BTreeSet<TaskId> = BTreeSet::new();
    let mut opened: BTreeSet<(TaskId, u8)> = BTreeSet::new();
    loop {
        let now = agent.chain.best().await?.number;
        for id in query::task_ids(&agent.chain, None).await? {
            if done.contains(&id) {
                continue;
            }
            let view = query::task(&agent.chain, id, None).await?;
            let t = &view.task;
            match &t.phase {
                // A key counts only `key_delay` blocks after it was registered.
                Phase::SolverSelection { .. }
                    if !entered.contains(&id) && view.available == (true, true) && key_since <= now =>
                {
                    match prepare(&agent, id, &t.spec).await {
                        Ok(_) => {
                            agent.send(GensynCall::enter_selection { task: id }).await?;
                            entered.insert(id);
                            event(out, "entered", id, json!({}), "entered the solver selection".into());
                        }
                        Err(e) => {
                            done.insert(id);
                            event(out, "refused", id, json!({ "reason": e.to_string() }), format!("not entering: {e}"));
                        }
                    }
                }
                Phase::SolverDraw { seed, .. } if entered.contains(&id) && revealed.insert(id) => {
                    agent.reveal(id, Role::Solver, seed).await?;
                    event(out, "revealed", id, json!({}), "revealed its VRF proof".into());
                }
                Phase::Training { .. } if entered.contains(&id) && mine.is_none() => {
                    if t.solver.as_ref() != Some(&agent.me.id) {
                        done.insert(id);
                        event(out, "lost_draw", id, json!({}), "another solver was drawn".into());
                    } else {
                        event(out, "selected", id, json!({}), "drawn as solver; training".into());
                        let path = agent.dir.join(format!("task-{id}/task.toml"));
                        let (commitment, openings, files) = train(&path)?;
                        for f in &files {
                            for (kind, bytes) in crate::cmd::blob::artefacts_of(f)? {
                                agent.chain.store_put(kind, &bytes).await?;
                            }
                        }
                        let proof = openings[0].proof.clone();
                        agent
                            .send(GensynCall::commit { task: id, commitment: commitment.clone(), model_proof: proof })
                            .await?;
                        event(
                            out,
                            "committed",
                            id,
                            json!({ "checkpoint_root": query::hex32(&commitment.checkpoint_root) }),
                            format!(
                                "trained and committed (checkpoint root {})",
                                query::hex32(&commitment.checkpoint_root)
                            ),
                        );
                        mine = Some((id, openings));
                    }
                }
                Phase::Opening { .. } if mine.as_ref().is_some_and(|(m, _)| *m == id) && opened.insert((id, 0)) => {
                    let (_, openings) = mine.as_ref().unwrap();
                    let audit =
                        view.audit.as_ref().ok_or_else(|| CliError::other("an opening phase without an audit"))?;
                    let idx = audit.indices();
                    let starts: Vec<Opening> = lifecycle::runs(&idx)
                        .iter()
                        .map(|r| openings[idx[r.start as usize] as usize].clone())
                        .collect();
                    agent
                        .send(GensynCall::open_checkpoints { task: id, openings: BoundedVec::truncate_from(starts) })
                        .await?;
                    event(out, "opened_starts", id, json!({}), "opened the audited runs' starts".into());
                }
                Phase::EndOpening { .. } if mine.as_ref().is_some_and(|(m, _)| *m == id) && opened.insert((id, 1)) => {
                    let (_, openings) = mine.as_ref().unwrap();
                    let audit =
                        view.audit.as_ref().ok_or_else(|| CliError::other("an end opening without an audit"))?;
                    let mut needed: BTreeSet<u32> = audit.segments.iter().map(|s| s.segment + 1).collect();
                    needed.insert(t.spec.checkpoints() - 1);
                    let ends: Vec<Opening> = needed.iter().map(|i| openings[*i as usize].clone()).collect();
                    agent.send(GensynCall::open_ends { task: id, openings: BoundedVec::truncate_from(ends) }).await?;
                    event(out, "opened_ends", id, json!({}), "opened the audited ends and the last checkpoint".into());
                }
                Phase::Finalized | Phase::Cancelled { .. } if mine.as_ref().is_some_and(|(m, _)| *m == id) => {
                    let outcome = query::phase_name(&t.phase);
                    let reason = match &t.phase {
                        Phase::Cancelled { reason } => query::snake(&format!("{reason:?}")),
                        _ => String::new(),
                    };
                    event(
                        out,
                        "ended",
                        id,
                        json!({ "phase": outcome, "reason": reason }),
                        format!("ended: {outcome} {reason}"),
                    );
                    done.insert(id);
                    mine = None;
                    if args.once {
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}
