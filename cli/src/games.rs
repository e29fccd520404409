//! The games an agent plays: for every open dispute it is a party to, the
//! move it owes now ([`pallet_gensyn::player::next_move`], the one
//! definition the pallet's tests and the simulator play too), computed from
//! its own run and sent once per state of the game; arbitration too, which
//! either party may request.

use crate::{
    agent::{event, Agent},
    cheat::RunCheat,
    error::CliError,
    output::Output,
    query::{self, TaskView},
    run::TaskRun,
};
use gensyn_runtime::Runtime;
use gensyn_store::{CheckpointBlob, Kind};
use pallet_gensyn::{player, AuditOf, DisputeId, DisputeOf, Stage};
use polkadot_sdk::sp_runtime::traits::{BlakeTwo256, Hash as _};
use serde_json::json;
use std::{
    collections::{BTreeMap, BTreeSet},
    path::PathBuf,
};

/// Where this agent's side of a game comes from.
#[derive(Clone, Debug)]
pub enum Side {
    /// The task's solver: its run folder (checkpoints and step leaves) and
    /// the cheat it trained with.
    Defender {
        /// The run folder.
        run_dir: PathBuf,
        /// Its cheat.
        cheat: RunCheat,
    },
    /// A challenger: it replays from the solver's state at the disputed
    /// segment's start, with its own cheat (a false whistle's faulty run).
    Challenger {
        /// Its cheat.
        cheat: RunCheat,
    },
}

/// Which run a game is answered from: the solver's one run of the task
/// (`None`), or a challenger's run from the start it replays (the
/// segment and its opened start). Games that share one share its computed states.
type RunKey = (pallet_gensyn::TaskId, Option<(u32, [u8; 32])>);

/// The games of one agent: the runs they are answered from, and the states
/// of each game it has already answered (a move is sent once per state; a
/// refused one is not retried until the game moves on).
#[derive(Default)]
pub struct Games {
    runs: BTreeMap<RunKey, TaskRun>,
    answered: BTreeSet<(DisputeId, [u8; 32])>,
    ended: BTreeSet<DisputeId>,
}

/// The solver's state hash at the start of the audited segment at
/// `position`: the opened start of its run, or the opened end of the
/// adjacent audited segment before it.
pub fn segment_start(audit: &AuditOf<Runtime>, position: u32) -> Option<[u8; 32]> {
    let p = position as usize;
    let seg = audit.segments.get(p)?;
    if let Some(s) = seg.start {
        return Some(s);
    }
    let prev = audit.segments.get(p.checked_sub(1)?)?;
    (prev.segment + 1 == seg.segment).then_some(prev.end).flatten()
}

impl Games {
    /// Plays every open game of `view`'s task this agent is a party to,
    /// from `side` (none: it only announces), and announces each game's end once.
    pub async fn play(
        &mut self,
        agent: &Agent,
        out: &Output,
        view: &TaskView,
        side: Option<&Side>,
    ) -> Result<(), CliError> {
        for (id, d) in &view.disputes {
            let Some(defender) = mine(agent, d) else { continue };
            if self.ended.contains(id) {
                continue;
            }
            if let Stage::Resolved { outcome } = &d.stage {
                self.ended.insert(*id);
                let won = if defender { !outcome.solver_convicted() } else { !outcome.challenger_lost() };
                event(
                    out,
                    "game_ended",
                    view.id,
                    json!({ "dispute": id, "won": won, "outcome": format!("{outcome:?}"), "rounds": d.rounds }),
                    format!(
                        "game {id} ended after {} rounds: {outcome:?}; this agent {}",
                        d.rounds,
                        if won { "won" } else { "lost" }
                    ),
                );
                continue;
            }
            let Some(side) = side else { continue };
            let state = BlakeTwo256::hash(&codec::Encode::encode(&d.stage)).0;
            if self.answered.contains(&(*id, state)) {
                continue;
            }
            let key: RunKey = match side {
                Side::Defender { .. } => (view.id, None),
                // By segment too: two segments' starts may be one hash (a
                // skipping solver's), and each is checked for its own step.
                Side::Challenger { .. } => {
                    (view.id, view.audit.as_ref().and_then(|a| segment_start(a, d.position)).map(|h| (d.segment, h)))
                }
            };
            if !self.runs.contains_key(&key) {
                match build(agent, view, d, side).await {
                    Ok(run) => {
                        self.runs.insert(key, run);
                    }
                    Err(e) => {
                        // Another game (or a later tick) may still go well:
                        // report and carry on.
                        self.answered.insert((*id, state));
                        game_event(out, view.id, "game_error", *id, &e.to_string());
                        continue;
                    }
                }
            }
            let run = &self.runs[&key];
            let next = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                player::next_move::<Runtime>(*id, d, defender, run)
            }));
            let next = match next {
                Ok(next) => next,
                Err(_) => {
                    self.answered.insert((*id, state));
                    game_event(out, view.id, "game_error", *id, "this agent's run cannot answer the stage");
                    continue;
                }
            };
            let Some(call) = next else {
                self.answered.insert((*id, state));
                continue;
            };
            let stage = query::stage_name(&d.stage);
            let what = if player::is_arbitration(&call) { "arbitration" } else { "move" };
            match agent.send(call).await {
                Ok(()) => {
                    self.answered.insert((*id, state));
                    event(
                        out,
                        if what == "move" { "moved" } else { "arbitrated" },
                        view.id,
                        json!({ "dispute": id, "stage": stage, "round": d.rounds }),
                        format!("game {id}: {what} at the {stage} stage (round {})", d.rounds),
                    )
                }
                // The chain judged it: the other side's arbitration (or the
                // deadline) got there first, or the run does not fit the
                // game. The game goes on without this move.
                Err(e @ CliError::Dispatch { .. }) => {
                    self.answered.insert((*id, state));
                    event(
                        out,
                        "move_refused",
                        view.id,
                        json!({ "dispute": id, "stage": stage, "error": e.to_string() }),
                        format!("game {id}: the {what} at the {stage} stage was refused: {e}"),
                    )
                }
                // It never reached a block (dropped, timed out, the node
                // went away): the stage is unchanged, so the next tick
                // sends it again, until the deadline.
                Err(e) => game_event(out, view.id, "move_retry", *id, &e.to_string()),
            }
        }
        // Once every game of the task is over, its runs are not needed.
        if view.disputes.iter().all(|(_, d)| matches!(d.stage, Stage::Resolved { .. })) {
            self.runs.retain(|(task, _), _| *task != view.id);
        }
        Ok(())
    }
}

fn game_event(out: &Output, task: pallet_gensyn::TaskId, name: &str, id: DisputeId, error: &str) {
    event(out, name, task, json!({ "dispute": id, "error": error }), format!("game {id}: {error}"));
}

/// `Some(true)` if this agent defends `d`, `Some(false)` if it challenges.
fn mine(agent: &Agent, d: &DisputeOf<Runtime>) -> Option<bool> {
    if d.defender == agent.me.id {
        Some(true)
    } else if d.challenger == agent.me.id {
        Some(false)
    } else {
        None
    }
}

/// This agent's run for game `d` of `view`'s task.
pub async fn build(agent: &Agent, view: &TaskView, d: &DisputeOf<Runtime>, side: &Side) -> Result<TaskRun, CliError> {
    let spec_path = agent.dir.join(format!("task-{}/task.toml", view.id));
    let spec = &view.task.spec;
    match side {
        Side::Defender { run_dir, cheat } => TaskRun::solver(&spec_path, spec, run_dir, *cheat),
        Side::Challenger { cheat } => {
            let audit = view.audit.as_ref().ok_or_else(|| CliError::other("a game without an audit"))?;
            let start = segment_start(audit, d.position)
                .ok_or_else(|| CliError::other(format!("the start of segment {} was not opened", d.segment)))?;
            let named = fetch_state(agent, &start).await?;
            // The chain proves the start's hash, not the step written in
            // it: a start that claims another step is not replayed from.
            let lo = d.segment * spec.checkpoint_every;
            if named.step != lo {
                return Err(CliError::Mismatch(format!(
                    "the solver's start of segment {} says it is step {}, not {lo}",
                    d.segment, named.step
                )));
            }
            TaskRun::new(&spec_path, spec, vec![named], *cheat)
        }
    }
}

/// The checkpoint `id` from the store, checked, as a state.
pub async fn fetch_state(agent: &Agent, id: &[u8; 32]) -> Result<gensyn_commitment::interp::NamedState, CliError> {
    let blob: CheckpointBlob = codec::Decode::decode(&mut &agent.fetch(Kind::Checkpoint, id).await?[..])
        .map_err(|e| CliError::other(format!("checkpoint: {e}")))?;
    blob.state().map_err(|e| CliError::Mismatch(e.to_string()))
}
