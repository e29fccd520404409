//! Opened checkpoints that are no state of the task where they stand: one
//! that says another step than its checkpoint's (a skipped segment), or has
//! other entries or shapes than the task's model. No honest challenger can
//! replay or play a game from one, so a checker does not try: it proves it
//! on chain instead (`prove_misshapen`), which convicts the solver and
//! spares every challenger of the games such a start left open.

use crate::{
    agent::{event, Agent},
    error::CliError,
    games,
    output::Output,
    query::TaskView,
};
use gensyn_commitment::interp::NamedState;
use gensyn_trainer::{backend::Backend, program, spec::TaskSpec as Spec, train::Trainer};
use pallet_gensyn::{player, Call as GensynCall, MisshapenProof, TaskSpec};
use serde_json::json;

/// The task's state entries, `(name, dims)` in name order: the shapes of its
/// initial model, which every checkpoint of it has.
pub fn shapes_of(spec: &Spec) -> Result<Vec<(Vec<u8>, Vec<u32>)>, CliError> {
    let state = Trainer::new(spec, Backend::cpu(1))
        .and_then(|t| t.state())
        .map_err(|e| CliError::other(format!("the model: {e}")))?;
    Ok(program::named_state(0, &state).entries.into_iter().map(|(n, t)| (n, t.dims)).collect())
}

/// The proof that `state`, opened as checkpoint `index` of `spec`, is not a
/// state of the task there; `None` when it is one.
pub fn check(
    state: &NamedState,
    spec: &TaskSpec,
    index: u32,
    shapes: &[(Vec<u8>, Vec<u32>)],
) -> Option<MisshapenProof> {
    player::misshapen_proof(state, spec.checkpoint_step(index), shapes)
}

/// Looks at every checkpoint the solver of `view`'s task opened (each
/// audited segment's start and end, and the final one) and proves the first
/// that is no state of the task there, unless someone already did. Returns
/// whether it is done with the task: `false` when its proof never reached a
/// block and must be sent again.
pub async fn prove(agent: &Agent, out: &Output, view: &TaskView, spec: &Spec) -> Result<bool, CliError> {
    let Some(audit) = view.audit.as_ref() else { return Ok(true) };
    if view.task.phase.is_over() {
        return Ok(true);
    }
    let shapes = shapes_of(spec)?;
    let last = view.task.spec.checkpoints().saturating_sub(1);
    let mut opened: Vec<(u32, bool, u32, Option<[u8; 32]>)> = Vec::new();
    for (position, seg) in audit.segments.iter().enumerate() {
        opened.push((position as u32, false, seg.segment, seg.start));
        opened.push((position as u32, true, seg.segment + 1, seg.end));
    }
    opened.push((audit.segments.len() as u32, false, last, view.task.final_hash));
    let mut convicted = audit.convicted;
    for (position, end, index, hash) in opened {
        // Once convicted, only a start games are played from is worth
        // proving (it spares their challengers); each once.
        let starts_games = audit.segments.iter().any(|s| s.segment == index);
        if audit.misshapen.contains(&index) || (convicted && !starts_games) {
            continue;
        }
        let Some(hash) = hash else { continue };
        // An opening the store cannot serve was never accepted (the chain
        // waits for availability); one that fails its check here is left
        // to the games.
        let state = match games::fetch_state(agent, &hash).await {
            Ok(state) => state,
            Err(e) if crate::agent::lost_node(&e) => return Err(e),
            Err(_) => continue,
        };
        let Some(proof) = check(&state, &view.task.spec, index, &shapes) else { continue };
        let expected = view.task.spec.checkpoint_step(index);
        let call = GensynCall::prove_misshapen { task: view.id, position, end, proof };
        match agent.send(call).await {
            Ok(()) => {
                convicted = true;
                event(
                    out,
                    "proved_misshapen",
                    view.id,
                    json!({ "checkpoint": index, "says_step": state.step, "step": expected }),
                    format!(
                        "proved checkpoint {index} no state of the task at step {expected} (it says step {}); the solver is convicted",
                        state.step
                    ),
                )
            }
            // Someone else proved it first, or the task moved on.
            Err(e @ CliError::Dispatch { .. }) => event(
                out,
                "move_refused",
                view.id,
                json!({ "checkpoint": index, "error": e.to_string() }),
                format!("the proof that checkpoint {index} is misshapen was refused: {e}"),
            ),
            Err(e) if crate::agent::lost_node(&e) => return Err(e),
            // It never reached a block: sent again on the next tick.
            Err(e) => {
                event(
                    out,
                    "move_retry",
                    view.id,
                    json!({ "checkpoint": index, "error": e.to_string() }),
                    format!("the proof that checkpoint {index} is misshapen is sent again: {e}"),
                );
                return Ok(false);
            }
        }
    }
    Ok(true)
}
