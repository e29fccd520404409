//! Whether a task leaves this machine time for its work: an agent measures
//! its own speed on the task (one step, timed after a warm-up one) and the
//! chain's block interval, and does not enter a selection whose windows it
//! could not meet. A hostile submitter's deadline must not get an honest
//! solver slashed, nor a verifier's replay overrun its verdict window.

use crate::{agent::Agent, error::CliError};
use gensyn_trainer::{spec::TaskSpec as Spec, train::Trainer};
use pallet_gensyn::TaskOf;
use polkadot_sdk::frame_support::StorageHasher;
use std::time::Instant;

/// The work is taken only if it fits this many times over: measured
/// steps vary with load, and uploads and transactions take time too.
pub const MARGIN: f64 = 2.0;

/// Seconds one step of `spec` takes here: the trainer's step, and with
/// `traced` the canonical program's beside it (a solver runs both, a
/// replay only the first).
pub fn seconds_per_step(agent: &Agent, spec: &Spec, traced: bool) -> Result<f64, CliError> {
    let fail = |e: gensyn_trainer::train::TrainError| CliError::other(format!("timing a step: {e}"));
    let mut t = Trainer::new(spec, crate::cmd::train::backend(agent.compute)?).map_err(fail)?;
    let program = traced.then(|| t.program());
    let step = |t: &mut Trainer| -> Result<f64, CliError> {
        let started = Instant::now();
        if let Some(p) = &program {
            t.canonical_step(p).map_err(fail)?;
        }
        t.train_step().map_err(fail)?;
        Ok(started.elapsed().as_secs_f64())
    };
    // The first step pays for allocations (and on a GPU, kernel builds).
    step(&mut t)?;
    step(&mut t)
}

/// The chain's median block interval over its last 20 blocks, in seconds
/// (a median, so that a node's downtime does not pass for slow blocks); `None`
/// where blocks come only as transactions do (instant seal, where the
/// clock runs only as parties transact) or the chain is too young to say.
pub async fn seconds_per_block(agent: &Agent) -> Result<Option<f64>, CliError> {
    if agent.chain.seals_on_demand().await? {
        return Ok(None);
    }
    let best = agent.chain.best().await?.number;
    // Block 0 has no timestamp: measure from block 1 at the earliest.
    let span = best.saturating_sub(1).min(20);
    if span < 2 {
        return Ok(None);
    }
    let mut stamps = Vec::with_capacity(span as usize + 1);
    for b in best - span..=best {
        let Some(t) = timestamp(agent, b).await? else { return Ok(None) };
        stamps.push(t);
    }
    let mut gaps: Vec<u64> = stamps.windows(2).map(|w| w[1].saturating_sub(w[0])).collect();
    gaps.sort_unstable();
    Ok(Some(gaps[gaps.len() / 2] as f64 / 1000.0))
}

async fn timestamp(agent: &Agent, block: u32) -> Result<Option<u64>, CliError> {
    let Some(hash) = agent.chain.block_hash(block).await? else { return Ok(None) };
    let key = [polkadot_sdk::frame_support::Twox128::hash(b"Timestamp"), polkadot_sdk::frame_support::Twox128::hash(b"Now")]
        .concat();
    agent.chain.storage::<u64>(key, Some(hash)).await
}

/// Why this agent should not enter `task`'s selection as `role`, if the
/// work does not fit its windows at this machine's speed: the solver trains
/// every step (traced) between the draw and the deadline; the verifier
/// replays the audited segments while the checks are open and before its
/// verdict is due.
pub async fn refusal(
    agent: &Agent,
    task: &TaskOf<gensyn_runtime::Runtime>,
    spec: &Spec,
    solver: bool,
) -> Result<Option<String>, CliError> {
    let Some(per_block) = seconds_per_block(agent).await? else { return Ok(None) };
    let params = crate::query::params(&agent.chain).await?;
    let now = agent.chain.best().await?.number;
    let (steps, blocks) = if solver {
        // Before training: the entries close, the randomness known after
        // them arrives (its lag), the draw's window passes, a block for each
        // timer; what is left until the deadline trains.
        let closes_at = match task.phase {
            pallet_gensyn::Phase::SolverSelection { closes_at, .. } => closes_at,
            _ => now + params.selection_window,
        };
        let lag = crate::query::randomness_lag(&agent.chain).await?;
        let start = closes_at.max(now) + lag + params.draw_window + 2;
        (task.spec.steps, task.deadline.saturating_sub(start))
    } else {
        let audited = params.audit_segments.min(task.spec.segments());
        (audited * task.spec.checkpoint_every, params.whistle_window + params.verdict_window)
    };
    let per_step = seconds_per_step(agent, spec, solver)?;
    let need = steps as f64 * per_step * MARGIN;
    let have = blocks as f64 * per_block;
    Ok((need > have).then(|| {
        format!(
            "the task leaves {blocks} blocks (~{have:.1} s at {per_block:.2} s a block) for {steps} steps, which take ~{:.1} s here ({:.1} ms a step, with a margin of {MARGIN}×)",
            need,
            per_step * 1000.0
        )
    }))
}
