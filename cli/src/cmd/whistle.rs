//! `gensyn whistle`: the whistleblower agent. For every task under audit
//! that it can reproduce (and is no party to), it replays the audited runs
//! from the opened starts, commits its ends blind (`H(task, who, ends,
//! salt)`) while the checks are open, reveals them once the solver's ends
//! are public — a disagreement opens its game, which it plays down to
//! arbitration — and settles its check when the task ends. `--once` handles
//! one task and exits. `--cheat false` claims a wrong end for the first
//! audited segment and defends it with a faulty run; `--cheat silent`
//! commits a check and never reveals it.

use crate::{
    agent::{event, prepare, replay, Agent},
    args::{AgentArgs, GlobalArgs},
    cheat::{self, Cheat, RunCheat},
    error::CliError,
    games::{self, Games, Side},
    misshapen,
    output::Output,
    query,
    run::TaskRun,
};
use pallet_gensyn::{lifecycle, player::Run as _, Call as GensynCall, Phase, Role, TaskId};
use polkadot_sdk::{
    frame_support::BoundedVec,
    sp_runtime::traits::{BlakeTwo256, Hash as _},
};
use serde_json::json;
use std::collections::BTreeMap;

/// `gensyn whistle`
pub async fn run(args: AgentArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let cheat = cheat::parse(Role::Whistleblower, args.cheat.as_deref())?;
    let mut agent = Agent::start(&args, global, "whistleblower").await?;
    let mut games = Games::default();
    crate::agent::println_event(out, "watching", json!({}), "watching the chain for tasks".into());
    // A false whistle's faulty run: it starts going wrong at this step.
    let mut lie_at: BTreeMap<TaskId, u32> = BTreeMap::new();
    // Checks committed: their ends and salt, until revealed and settled.
    let mut checks: BTreeMap<TaskId, (Vec<[u8; 32]>, [u8; 32])> = BTreeMap::new();
    let mut revealed: BTreeMap<TaskId, bool> = BTreeMap::new();
    let mut skipped: std::collections::BTreeSet<TaskId> = Default::default();
    let mut inspected: std::collections::BTreeSet<TaskId> = Default::default();
    agent
        .watch(global, out, async |agent| {
            for (id, summary) in query::tasks(&agent.chain, None).await? {
                if skipped.contains(&id) {
                    continue;
                }
                if summary.phase.is_over() && !checks.contains_key(&id) {
                    skipped.insert(id);
                    continue;
                }
                let view = query::task(&agent.chain, id, None).await?;
                let t = &view.task;
                let me = &agent.me.id;
                let party = &t.submitter == me || t.solver.as_ref() == Some(me) || t.verifier.as_ref() == Some(me);
                // Restarted with a check on chain: its ends are replayed again
                // (the same bits) and its salt derived again, so it can still
                // reveal, play and settle.
                if let Some((_, c)) = view.checks.iter().find(|(w, _)| w == me).filter(|_| !checks.contains_key(&id)) {
                    let ends = match &c.ends {
                        Some(e) => {
                            revealed.insert(
                                id,
                                e.to_vec() == view.audit.as_ref().map(|a| a.solver_ends()).unwrap_or_default(),
                            );
                            e.to_vec()
                        }
                        None => {
                            prepare(&agent, id, &t.spec).await?;
                            replay(&agent, out, id, &view).await?
                        }
                    };
                    checks.insert(id, (ends, salt_of(&agent, id)));
                    event(out, "resumed", id, json!({}), "resumed its check from the chain".into());
                }
                match &t.phase {
                    Phase::Checking { .. } if !checks.contains_key(&id) && !party => {
                        if let Err(e) = prepare(&agent, id, &t.spec).await {
                            skipped.insert(id);
                            event(out, "refused", id, json!({ "reason": e.to_string() }), format!("not checking: {e}"));
                            continue;
                        }
                        let mut ends = replay(&agent, out, id, &view).await?;
                        if cheat == Some(Cheat::FalseWhistle) {
                            let (step, end) = false_end(&agent, &view).await?;
                            ends[0] = end;
                            lie_at.insert(id, step);
                        }
                        // A salt nobody can guess before the reveal.
                        let salt = salt_of(&agent, id);
                        let commitment = lifecycle::check_commitment(id, me, &ends, &salt);
                        agent.send(GensynCall::commit_check { task: id, commitment }).await?;
                        checks.insert(id, (ends, salt));
                        event(
                            out,
                            "checked",
                            id,
                            json!({}),
                            "replayed the audited runs and committed a blind check".into(),
                        );
                    }
                    Phase::Reveal { .. } if cheat == Some(Cheat::Silent) && checks.contains_key(&id) => {
                        if revealed.insert(id, false).is_none() {
                            event(out, "silent", id, json!({}), "stays silent: its check is never revealed".into());
                        }
                    }
                    Phase::Reveal { .. } if checks.contains_key(&id) && !revealed.contains_key(&id) => {
                        let (ends, salt) = checks[&id].clone();
                        let solver_ends: Vec<[u8; 32]> =
                            view.audit.as_ref().map(|a| a.solver_ends()).unwrap_or_default();
                        let agrees = solver_ends == ends;
                        agent
                            .send(GensynCall::reveal_check { task: id, ends: BoundedVec::truncate_from(ends), salt })
                            .await?;
                        revealed.insert(id, agrees);
                        let what = if agrees {
                            "revealed its check: it agrees with the solver"
                        } else {
                            "revealed its check: it disagrees, a game opens"
                        };
                        event(out, "revealed", id, json!({ "agrees": agrees }), what.into());
                    }
                    Phase::Reveal { .. } | Phase::Disputed { .. }
                        if checks.contains_key(&id) && cheat.is_none_or(Cheat::plays_games) =>
                    {
                        // Every opened checkpoint is public now: one that is
                        // no state of the task is proven, not played from.
                        if cheat.is_none() && !inspected.contains(&id) {
                            let spec = crate::onchain::load(&agent.dir.join(format!("task-{id}/task.toml")))?.spec;
                            if misshapen::prove(&agent, out, &view, &spec).await? {
                                inspected.insert(id);
                            }
                        }
                        let run = lie_at.get(&id).map_or(RunCheat::Honest, |&step| RunCheat::State { step });
                        games.play(&agent, out, &view, Some(&Side::Challenger { cheat: run })).await?;
                    }
                    Phase::Finalized | Phase::Cancelled { .. } if checks.contains_key(&id) => {
                        games.play(&agent, out, &view, None).await?;
                        // Anyone may settle a check: one settled already is fine.
                        match agent.send(GensynCall::settle_check { task: id, who: me.clone() }).await {
                            Ok(()) => {}
                            Err(CliError::Dispatch { name, .. }) if name == "NotAllowed" => {}
                            Err(e) => return Err(e),
                        }
                        checks.remove(&id);
                        skipped.insert(id);
                        let outcome = query::phase_name(&t.phase);
                        event(
                            out,
                            "settled",
                            id,
                            json!({ "phase": outcome }),
                            format!("settled its check; the task ended {outcome}"),
                        );
                        // Once no other check of it awaits its reveal or settlement.
                        if args.once && checks.is_empty() {
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

/// The salt of this agent's check of `task`: nobody can guess it before the
/// reveal, and the agent derives it again after a restart.
fn salt_of(agent: &Agent, task: TaskId) -> [u8; 32] {
    BlakeTwo256::hash(&codec::Encode::encode(&(b"gensyn/salt", agent.vrf, task))).0
}

/// A false whistle's claim for the first audited segment: the end of a run
/// from the solver's opened start whose state goes wrong in the segment's
/// first step (so that it can defend the claim move by move, and lose only
/// at arbitration). Returns that step and the claimed end.
async fn false_end(agent: &Agent, view: &query::TaskView) -> Result<(u32, [u8; 32]), CliError> {
    let audit = view.audit.as_ref().ok_or_else(|| CliError::other("no audit"))?;
    let spec = &view.task.spec;
    let seg = audit.segments[0].segment;
    let start = games::segment_start(audit, 0).ok_or_else(|| CliError::other("the first audited start is not open"))?;
    let state = games::fetch_state(agent, &start).await?;
    let step = state.step;
    let path = agent.dir.join(format!("task-{}/task.toml", view.id));
    let run = TaskRun::new(&path, spec, vec![state], RunCheat::State { step })?;
    let end = ((seg + 1) * spec.checkpoint_every).min(spec.steps);
    Ok((step, run.state_hash(end)))
}
