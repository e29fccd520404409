//! `gensyn verify`: the verifier agent. It enters the verifier draw of
//! every committed task it can reproduce (never its own), reveals, and when
//! drawn replays each audited run blind from the start the solver opened —
//! the ends are not public until its verdict is in — posts its ends, and
//! plays the game its disagreement opens down to arbitration. `--once`
//! handles one task and exits. `--cheat lazy` posts the opened starts as
//! ends without replaying; `--cheat silent` never posts.

use crate::{
    agent::{event, replay, Agent},
    args::{AgentArgs, GlobalArgs},
    cheat::{self, Cheat, RunCheat},
    error::CliError,
    games::{Games, Side},
    misshapen,
    output::Output,
    query,
};
use pallet_gensyn::{Call as GensynCall, Phase, Role, TaskId};
use polkadot_sdk::frame_support::BoundedVec;
use serde_json::json;
use std::collections::BTreeSet;

/// `gensyn verify`
pub async fn run(args: AgentArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let cheat = cheat::parse(Role::Verifier, args.cheat.as_deref())?;
    let mut agent = Agent::start(&args, global, "verifier").await?;
    let key_since = agent.register(out).await?;
    let mut games = Games::default();
    crate::agent::println_event(out, "watching", json!({}), "watching the chain for tasks".into());
    let mut entered: BTreeSet<TaskId> = BTreeSet::new();
    let mut revealed: BTreeSet<(TaskId, [u8; 32])> = BTreeSet::new();
    let mut done: BTreeSet<TaskId> = BTreeSet::new();
    let mut ends: Option<(TaskId, Vec<[u8; 32]>)> = None;
    let mut posted: BTreeSet<TaskId> = BTreeSet::new();
    let mut inspected: BTreeSet<TaskId> = BTreeSet::new();
    agent
        .watch(global, out, async |agent| {
            let now = agent.chain.best().await?.number;
            for (id, summary) in query::tasks(&agent.chain, None).await? {
                if done.contains(&id) {
                    continue;
                }
                if summary.phase.is_over() && !entered.contains(&id) {
                    done.insert(id);
                    continue;
                }
                let view = query::task(&agent.chain, id, None).await?;
                let t = &view.task;
                let drawn = t.verifier.as_ref() == Some(&agent.me.id);
                // Restarted mid-selection: the entry on chain is its own.
                if !entered.contains(&id)
                    && matches!(t.phase, Phase::VerifierSelection { .. } | Phase::VerifierDraw { .. })
                    && agent.has_entered(id).await?
                {
                    if !crate::agent::resume(&agent, out, id, &t.spec, &mut entered, &mut done, ("refused", "reason"))
                        .await?
                    {
                        continue;
                    }
                }
                match &t.phase {
                    Phase::VerifierSelection { .. }
                        if !entered.contains(&id) && key_since <= now && t.solver.as_ref() != Some(&agent.me.id) =>
                    {
                        if agent.try_enter(out, id, &t.spec, "verifier").await? {
                            entered.insert(id);
                        } else {
                            done.insert(id);
                        }
                    }
                    // A redraw opens a new draw with a new seed.
                    Phase::VerifierDraw { seed, .. } if entered.contains(&id) && revealed.insert((id, *seed)) => {
                        match agent.reveal(id, Role::Verifier, seed).await {
                            Ok(()) => event(out, "revealed", id, json!({}), "revealed its VRF proof".into()),
                            // E.g. its stake now backs another task: it sits this draw out.
                            Err(e @ crate::error::CliError::Dispatch { .. }) => event(
                                out,
                                "refused_by_chain",
                                id,
                                json!({ "error": e.to_string() }),
                                format!("the chain refused its reveal: {e}"),
                            ),
                            Err(e) => return Err(e),
                        }
                    }
                    Phase::Checking { .. } if drawn && ends.is_none() && cheat.is_none() => {
                        event(out, "selected", id, json!({}), "drawn as verifier; replaying the audited runs".into());
                        let e = replay(&agent, out, id, &view).await?;
                        ends = Some((id, e));
                    }
                    Phase::Verdict { .. } if drawn && cheat == Some(Cheat::Silent) && posted.insert(id) => {
                        event(out, "selected", id, json!({}), "drawn as verifier; staying silent".into());
                    }
                    // Restarted after posting: the chain has its verdict.
                    Phase::Verdict { .. }
                        if drawn
                            && view.audit.as_ref().is_some_and(|a| a.segments.iter().any(|s| s.verdict.is_some())) =>
                    {
                        posted.insert(id);
                    }
                    Phase::Verdict { .. } if drawn && !posted.contains(&id) => {
                        let e = match &ends {
                            Some((m, e)) if *m == id => e.clone(),
                            _ if cheat == Some(Cheat::Lazy) => lazy_ends(&view)?,
                            _ => replay(&agent, out, id, &view).await?,
                        };
                        agent
                            .send(GensynCall::post_verdict { task: id, ends: BoundedVec::truncate_from(e.clone()) })
                            .await?;
                        posted.insert(id);
                        let hashes: Vec<String> = e.iter().map(query::hex32).collect();
                        event(out, "verdict", id, json!({ "ends": hashes }), "posted its verdict".into());
                    }
                    Phase::Reveal { .. } | Phase::Disputed { .. } if drawn && cheat.is_none_or(Cheat::plays_games) => {
                        // Every opened checkpoint is public now: one that is
                        // no state of the task is proven, not played from.
                        if cheat.is_none() && !inspected.contains(&id) {
                            let spec = crate::onchain::load(&agent.dir.join(format!("task-{id}/task.toml")))?.spec;
                            if misshapen::prove(&agent, out, &view, &spec).await? {
                                inspected.insert(id);
                            }
                        }
                        games.play(&agent, out, &view, Some(&Side::Challenger { cheat: RunCheat::Honest })).await?;
                    }
                    Phase::Finalized | Phase::Cancelled { .. } if entered.contains(&id) => {
                        games.play(&agent, out, &view, None).await?;
                        let outcome = query::phase_name(&t.phase);
                        let reason = query::cancel_reason(&t.phase).unwrap_or_default();
                        done.insert(id);
                        if drawn || posted.contains(&id) {
                            event(
                                out,
                                "ended",
                                id,
                                json!({ "phase": outcome, "reason": reason }),
                                format!("ended: {outcome} {reason}"),
                            );
                            // Once nothing else it entered is still running.
                            if args.once && entered.iter().all(|t| done.contains(t)) {
                                return Ok(true);
                            }
                        }
                    }
                    _ => {}
                }
            }
            Ok(false)
        })
        .await
}

/// A lazy verifier's ends: the opened start of each audited position's run,
/// the only hashes public when it must post (the checks are blind).
fn lazy_ends(view: &query::TaskView) -> Result<Vec<[u8; 32]>, CliError> {
    let audit = view.audit.as_ref().ok_or_else(|| CliError::other("no audit"))?;
    let mut run_start = [0u8; 32];
    Ok(audit
        .segments
        .iter()
        .map(|s| {
            if let Some(start) = s.start {
                run_start = start;
            }
            run_start
        })
        .collect())
}
