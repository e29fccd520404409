//! `gensyn solve`: the solver agent. It registers its VRF key (with its
//! proof of possession) if needed, enters the selection of every task
//! whose data it can fetch and reproduce, reveals its proof when the draw
//! opens, and, when it wins, trains, uploads its checkpoints, commits and
//! opens what the audit asks for, until the task ends. `--once` handles
//! one task and exits.

use crate::{
    agent::{event, Agent},
    args::{AgentArgs, GlobalArgs},
    error::CliError,
    output::Output,
    query,
};
use pallet_gensyn::{lifecycle, Call as GensynCall, Opening, Phase, Role, SolverCommitment, TaskId};
use polkadot_sdk::frame_support::BoundedVec;
use serde_json::json;
use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
    time::Duration,
};

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
    let key_since = agent.register(out).await?;
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
                    if agent.try_enter(out, id, &t.spec, "solver").await? {
                        entered.insert(id);
                    } else {
                        done.insert(id);
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
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}
