//! `gensyn solve`: the solver agent. It registers its VRF key (with its
//! proof of possession) if needed, enters the selection of every task
//! whose data it can fetch and reproduce, reveals its proof when the draw
//! opens, and, when it wins, trains, uploads its checkpoints, commits and
//! opens what the audit asks for, and defends its run in every game down to
//! arbitration, until the task ends. `--once` handles one task and exits.
//! `--cheat` trains a wrong run (on the canonical program, so that it can
//! defend it move by move), withholds its checkpoints, or goes silent.

use crate::{
    agent::{event, Agent},
    args::{AgentArgs, GlobalArgs},
    cheat::{self, Cheat, RunCheat},
    error::CliError,
    games::{Games, Side},
    output::Output,
    query,
    run::TaskRun,
};
use codec::Encode;
use gensyn_store::{CheckpointBlob, Kind};
use pallet_gensyn::{lifecycle, Call as GensynCall, Opening, Phase, Role, SolverCommitment, TaskId};
use polkadot_sdk::frame_support::BoundedVec;
use serde_json::json;
use std::{collections::BTreeSet, path::Path};

/// What training leaves to commit and upload: the commitment, every
/// checkpoint's opening, and the artefacts the store must hold.
type Trained = (SolverCommitment, Vec<Opening>, Vec<(Kind, Vec<u8>)>);

/// Trains `spec` into `dir/run` on the agent's device and returns what it
/// commits and uploads.
fn train(agent: &Agent, out: &Output, path: &Path) -> Result<Trained, CliError> {
    let run_dir = path.parent().expect("a task folder").join("run");
    let backend = crate::cmd::train::backend(agent.compute)?;
    let bar = crate::progress::StepBar::start(out, "training");
    let m = gensyn_trainer::run::train(path, &run_dir, backend, |s| bar.update(s.step, s.total, Some(s.loss)))
        .map_err(|e| CliError::other(format!("training failed: {e}")))?;
    drop(bar);
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
    let mut blobs = Vec::new();
    for f in &files {
        blobs.extend(crate::cmd::blob::artefacts_of(f)?);
    }
    Ok((commitment, openings, blobs))
}

/// A cheating solver's "training": the whole run computed on the canonical
/// program from the submitted model with `cheat` applied, written where
/// [`train`] writes, so that its games are answered from it alike.
fn train_wrong(path: &Path, spec: &pallet_gensyn::TaskSpec, cheat: RunCheat) -> Result<Trained, CliError> {
    let run_dir = path.parent().expect("a task folder").join("run");
    let trainer_spec = crate::onchain::load(path)?.spec;
    let backend = gensyn_trainer::backend::Backend::cpu(gensyn_kernels::cpu::default_threads());
    let model = gensyn_trainer::train::Trainer::new(&trainer_spec, backend)
        .and_then(|t| t.state())
        .map_err(|e| CliError::other(format!("the model: {e}")))?;
    let start = gensyn_trainer::program::named_state(0, &model);
    let mut run = TaskRun::new(path, spec, vec![start], cheat)?;
    let (commitment, states) = run.materialize(&run_dir)?;
    let hashes: Vec<_> = states.iter().map(|s| s.commit().hash).collect();
    let tree = gensyn_trainer::run::checkpoint_tree(&hashes);
    let openings = hashes
        .iter()
        .enumerate()
        .map(|(i, h)| Opening { index: i as u32, state: *h, proof: tree.proof(i as u32).unwrap_or_default() })
        .collect();
    // Uploaded as they were committed (a skipped checkpoint says its false step).
    let blobs = states.iter().map(|s| (Kind::Checkpoint, CheckpointBlob::of(s).encode())).collect();
    Ok((commitment, openings, blobs))
}

/// Every checkpoint's opening, from the checkpoints in `run_dir` (a
/// restarted solver's view of what it committed, with the step its cheat
/// wrote in each).
fn openings_of(run_dir: &Path, spec: &pallet_gensyn::TaskSpec, cheat: RunCheat) -> Result<Vec<Opening>, CliError> {
    let dir = run_dir.join("checkpoints");
    let mut hashes = Vec::new();
    for i in 0..spec.checkpoints() {
        let step = (i * spec.checkpoint_every).min(spec.steps);
        let state = gensyn_trainer::train::load_checkpoint(&gensyn_trainer::train::checkpoint_path(&dir, step))
            .map_err(|e| CliError::other(format!("checkpoint {i}: {e}")))?;
        hashes.push(gensyn_trainer::checkpoint::hash(cheat.label(step, spec.checkpoint_every, spec.steps), &state));
    }
    let tree = gensyn_trainer::run::checkpoint_tree(&hashes);
    Ok(hashes
        .iter()
        .enumerate()
        .map(|(i, h)| Opening { index: i as u32, state: *h, proof: tree.proof(i as u32).unwrap_or_default() })
        .collect())
}

/// Sends a phase's call; a refusal by the pallet (a withheld checkpoint is
/// `Unavailable`) is announced, and the task goes on without it.
async fn send_or_report(
    agent: &Agent,
    out: &Output,
    id: TaskId,
    call: GensynCall<gensyn_runtime::Runtime>,
) -> Result<bool, CliError> {
    match agent.send(call).await {
        Ok(()) => Ok(true),
        Err(e @ CliError::Dispatch { .. }) => {
            event(out, "refused_by_chain", id, json!({ "error": e.to_string() }), format!("the chain refused: {e}"));
            Ok(false)
        }
        Err(e) => Err(e),
    }
}

/// `gensyn solve`
pub async fn run(args: AgentArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let cheat = cheat::parse(Role::Solver, args.cheat.as_deref())?;
    let mut agent = Agent::start(&args, global, "solver").await?;
    let key_since = agent.register(out).await?;
    let mut games = Games::default();
    crate::agent::println_event(out, "watching", json!({}), "watching the chain for tasks".into());
    let mut entered: BTreeSet<TaskId> = BTreeSet::new();
    let mut done: BTreeSet<TaskId> = BTreeSet::new();
    let mut mine: Option<(TaskId, Vec<Opening>)> = None;
    let mut revealed: BTreeSet<TaskId> = BTreeSet::new();
    let mut opened: BTreeSet<(TaskId, u8)> = BTreeSet::new();
    agent
        .watch(global, out, async |agent| {
            let now = agent.chain.best().await?.number;
            for (id, summary) in query::tasks(&agent.chain, None).await? {
                if done.contains(&id) {
                    continue;
                }
                // An ended task it had no part in needs no closer look.
                if summary.phase.is_over() && !mine.as_ref().is_some_and(|(m, _)| *m == id) {
                    done.insert(id);
                    continue;
                }
                let view = query::task(&agent.chain, id, None).await?;
                let t = &view.task;
                // Restarted mid-task: what it committed is in its run folder.
                if mine.is_none()
                    && t.solver.as_ref() == Some(&agent.me.id)
                    && t.commitment.is_some()
                    && !t.phase.is_over()
                {
                    let run_dir = agent.dir.join(format!("task-{id}/run"));
                    match openings_of(&run_dir, &t.spec, cheat.map(Cheat::run).unwrap_or_default()) {
                        Ok(openings) => {
                            entered.insert(id);
                            mine = Some((id, openings));
                            event(out, "resumed", id, json!({}), "resumed its task from its run folder".into());
                        }
                        Err(e) => {
                            done.insert(id);
                            event(
                                out,
                                "lost_run",
                                id,
                                json!({ "error": e.to_string() }),
                                format!("cannot resume: {e}"),
                            );
                            continue;
                        }
                    }
                }
                // Restarted mid-selection: the entry on chain is its own, and
                // so is a draw it won and has not committed for yet.
                let drawn = t.solver.as_ref() == Some(&agent.me.id) && matches!(t.phase, Phase::Training { .. });
                if !entered.contains(&id)
                    && (drawn
                        || matches!(t.phase, Phase::SolverSelection { .. } | Phase::SolverDraw { .. })
                            && agent.has_entered(id).await?)
                {
                    if !crate::agent::resume(agent, out, id, &t.spec, &mut entered, &mut done, ("lost_run", "error"))
                        .await?
                    {
                        continue;
                    }
                }
                match &t.phase {
                    // A key counts only `key_delay` blocks after it was registered.
                    // One task at a time: timing and training another would
                    // make it miss its own task's windows.
                    Phase::SolverSelection { .. }
                        if !entered.contains(&id)
                            && view.available == (true, true)
                            && key_since <= now
                            && mine.as_ref().is_none_or(|(m, _)| done.contains(m)) =>
                    {
                        if agent.try_enter(out, id, &t.spec, "solver").await? {
                            entered.insert(id);
                        } else {
                            done.insert(id);
                        }
                    }
                    Phase::SolverDraw { seed, .. } if entered.contains(&id) && revealed.insert(id) => {
                        match agent.reveal(id, Role::Solver, seed).await {
                            Ok(()) => event(out, "revealed", id, json!({}), "revealed its VRF proof".into()),
                            // E.g. its stake now backs another task: it sits this draw out.
                            Err(e @ CliError::Dispatch { .. }) => event(
                                out,
                                "refused_by_chain",
                                id,
                                json!({ "error": e.to_string() }),
                                format!("the chain refused its reveal: {e}"),
                            ),
                            Err(e) => return Err(e),
                        }
                    }
                    Phase::Training { .. } if entered.contains(&id) && mine.is_none() => {
                        if t.solver.as_ref() != Some(&agent.me.id) {
                            done.insert(id);
                            event(out, "lost_draw", id, json!({}), "another solver was drawn".into());
                        } else {
                            if cheat == Some(Cheat::Silent) {
                                event(out, "selected", id, json!({}), "drawn as solver; staying silent".into());
                                mine = Some((id, Vec::new()));
                                continue;
                            }
                            event(out, "selected", id, json!({}), "drawn as solver; training".into());
                            let path = agent.dir.join(format!("task-{id}/task.toml"));
                            let run = cheat.map(Cheat::run).unwrap_or_default();
                            let (commitment, openings, blobs) = if run == RunCheat::Honest {
                                train(agent, out, &path)?
                            } else {
                                train_wrong(&path, &t.spec, run)?
                            };
                            if cheat != Some(Cheat::Withhold) {
                                agent.store_all(&blobs).await?;
                            }
                            let proof = openings[0].proof.clone();
                            agent
                                .send(GensynCall::commit {
                                    task: id,
                                    commitment: commitment.clone(),
                                    model_proof: proof,
                                })
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
                        let call =
                            GensynCall::open_checkpoints { task: id, openings: BoundedVec::truncate_from(starts) };
                        if send_or_report(&agent, out, id, call).await? {
                            event(out, "opened_starts", id, json!({}), "opened the audited runs' starts".into());
                        }
                    }
                    Phase::EndOpening { .. }
                        if mine.as_ref().is_some_and(|(m, _)| *m == id) && opened.insert((id, 1)) =>
                    {
                        let (_, openings) = mine.as_ref().unwrap();
                        let audit =
                            view.audit.as_ref().ok_or_else(|| CliError::other("an end opening without an audit"))?;
                        let mut needed: BTreeSet<u32> = audit.segments.iter().map(|s| s.segment + 1).collect();
                        needed.insert(t.spec.checkpoints() - 1);
                        let ends: Vec<Opening> = needed.iter().map(|i| openings[*i as usize].clone()).collect();
                        let call = GensynCall::open_ends { task: id, openings: BoundedVec::truncate_from(ends) };
                        if send_or_report(&agent, out, id, call).await? {
                            event(
                                out,
                                "opened_ends",
                                id,
                                json!({}),
                                "opened the audited ends and the last checkpoint".into(),
                            );
                        }
                    }
                    Phase::Reveal { .. } | Phase::Disputed { .. }
                        if mine.as_ref().is_some_and(|(m, _)| *m == id) && cheat.is_none_or(Cheat::plays_games) =>
                    {
                        let run_dir = agent.dir.join(format!("task-{id}/run"));
                        let side = Side::Defender { run_dir, cheat: cheat.map(Cheat::run).unwrap_or_default() };
                        games.play(&agent, out, &view, Some(&side)).await?;
                    }
                    Phase::Finalized | Phase::Cancelled { .. } if mine.as_ref().is_some_and(|(m, _)| *m == id) => {
                        // The games' ends first (a conviction cancels the task).
                        games.play(&agent, out, &view, None).await?;
                        let outcome = query::phase_name(&t.phase);
                        let reason = query::cancel_reason(&t.phase).unwrap_or_default();
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
                            return Ok(true);
                        }
                    }
                    _ => {}
                }
            }
            Ok(false)
        })
        .await
}
