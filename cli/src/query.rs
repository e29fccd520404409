//! The decoding layer: typed reads of the protocol's state (tasks, their
//! audits, checks and disputes) from the chain, and the one JSON shape each
//! has. Every command that shows the protocol reads it through here.

use crate::{accounts, amount::format_tokens, chain::Chain, error::CliError};
use codec::Decode;
use gensyn_runtime::{pallet_availability, AccountId, Runtime};
use pallet_gensyn::{AuditOf, CheckOf, DisputeId, DisputeOf, Phase, Stage, TaskId, TaskOf};
use polkadot_sdk::{
    frame_support::{storage::StoragePrefixedMap, Hashable},
    sp_core::H256,
};
use serde_json::{json, Value};

/// `0x…` of a 32-byte hash.
pub fn hex32(h: &[u8; 32]) -> String {
    format!("0x{}", hex::encode(h))
}

/// Whether the chain counts artefact `id` available — more than two thirds
/// of its holders attested one encoding of it (at `at`, or the best block).
pub async fn attested(chain: &Chain, id: [u8; 32], at: Option<H256>) -> Result<bool, CliError> {
    Ok(chain.storage::<[u8; 32]>(pallet_availability::Chosen::<Runtime>::hashed_key_for(id), at).await?.is_some())
}

/// Waits until the chain counts every artefact of `ids` available (the
/// validators attest within a few blocks of a put), for at most `timeout`.
pub async fn wait_available(chain: &Chain, ids: &[[u8; 32]], timeout: std::time::Duration) -> Result<(), CliError> {
    let until = std::time::Instant::now() + timeout;
    for id in ids {
        while !attested(chain, *id, None).await? {
            if std::time::Instant::now() > until {
                return Err(CliError::other(format!(
                    "the validators did not attest {} available within {} s (`gensyn blob status {}` shows which did)",
                    hex32(id),
                    timeout.as_secs(),
                    hex32(id)
                )));
            }
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        }
    }
    Ok(())
}

/// The availability layer's entry of artefact `id`: its erasure root,
/// holders, attestations and expiry — the available encoding's, else the
/// most attested of those registered (a holder may register other bytes
/// under an artefact's name; the chain keeps each encoding apart) — with
/// how many encodings are registered (`None`: never registered, or pruned).
pub async fn availability(
    chain: &Chain,
    id: [u8; 32],
    at: Option<H256>,
) -> Result<Option<(pallet_availability::EntryOf<Runtime>, usize)>, CliError> {
    // One block for every read, so the chosen record and the entries agree.
    let at = match at {
        Some(h) => h,
        None => chain.best().await?.hash,
    };
    let chosen =
        chain.storage::<[u8; 32]>(pallet_availability::Chosen::<Runtime>::hashed_key_for(id), Some(at)).await?;
    // Identity hashers: the encodings of `id` are the keys under prefix ‖ id.
    let mut prefix = pallet_availability::Artefacts::<Runtime>::final_prefix().to_vec();
    prefix.extend(id);
    if let Some(encoding) = chosen {
        // Available: its entry alone (not every other registered beside it).
        let entry =
            chain.storage(pallet_availability::Artefacts::<Runtime>::hashed_key_for(id, encoding), Some(at)).await?;
        // Counted up to a bound: a liar's quota may fill pages.
        let keys = chain.storage_keys(&prefix, MAX_ENCODINGS_SHOWN, Some(at)).await?;
        return Ok(entry.map(|e| (e, keys.len())));
    }
    let mut all = chain.storage_values::<pallet_availability::EntryOf<Runtime>>(&prefix, Some(at)).await?;
    let count = all.len();
    let pick = (0..count).max_by_key(|i| (all[*i].1.count, all[*i].1.deadline));
    Ok(pick.map(|i| (all.swap_remove(i).1, count)))
}

/// Encodings of one name counted at most, beside the available one.
pub const MAX_ENCODINGS_SHOWN: u32 = 256;

/// A task with everything the chain records about it.
pub struct TaskView {
    /// Its id.
    pub id: TaskId,
    /// The task.
    pub task: TaskOf<Runtime>,
    /// Its audit, once a verifier was drawn.
    pub audit: Option<AuditOf<Runtime>>,
    /// Whistleblowers' checks not yet settled, by account.
    pub checks: Vec<(AccountId, CheckOf<Runtime>)>,
    /// Its games, oldest first.
    pub disputes: Vec<(DisputeId, DisputeOf<Runtime>)>,
    /// Whether the chain holds its spec and its dataset attested available.
    pub available: (bool, bool),
}

/// The snake_case name of a variant's `Debug` name (`EndOpening` → `end_opening`).
pub fn snake(debug: &str) -> String {
    let name = debug.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(debug);
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A phase's name, e.g. `solver_selection`.
pub fn phase_name<B: core::fmt::Debug>(p: &Phase<B>) -> String {
    snake(&format!("{p:?}"))
}

/// Why a cancelled task ended, e.g. `no_audit`; `None` for any other phase.
pub fn cancel_reason<B>(p: &Phase<B>) -> Option<String> {
    match p {
        Phase::Cancelled { reason } => Some(snake(&format!("{reason:?}"))),
        _ => None,
    }
}

/// A stage's name, e.g. `steps`, `resolved`.
pub fn stage_name(s: &Stage) -> String {
    snake(&format!("{s:?}"))
}

/// How many blocks the chain's randomness lags (a draw opens only once a
/// beacon known after its entries closed exists): the gap between the best
/// block and the block its beacon is known from.
pub async fn randomness_lag(chain: &Chain) -> Result<u32, CliError> {
    let best = chain.best().await?;
    Ok(chain
        .storage::<([u8; 32], u32)>(pallet_gensyn::Beacon::<Runtime>::hashed_key_for(best.number), Some(best.hash))
        .await?
        .map(|(_, known)| best.number.saturating_sub(known))
        .unwrap_or(0))
}

/// The protocol parameters now in force.
pub async fn params(chain: &Chain) -> Result<pallet_gensyn::ParamsOf<Runtime>, CliError> {
    let key = pallet_gensyn::Parameters::<Runtime>::hashed_key().to_vec();
    match chain.storage(key, None).await? {
        Some(p) => Ok(p),
        None => Ok(<<Runtime as pallet_gensyn::Config>::DefaultParams as polkadot_sdk::frame_support::traits::Get<
            _,
        >>::get()),
    }
}

/// Every task on chain, by id, read in one paged prefix query.
pub async fn tasks(chain: &Chain, at: Option<H256>) -> Result<Vec<(TaskId, TaskOf<Runtime>)>, CliError> {
    let prefix = pallet_gensyn::Tasks::<Runtime>::final_prefix();
    let mut all: Vec<(TaskId, TaskOf<Runtime>)> = chain
        .storage_values::<TaskOf<Runtime>>(&prefix, at)
        .await?
        .into_iter()
        .filter_map(|(k, t)| tail_u64(&k).map(|id| (id, t)))
        .collect();
    all.sort_by_key(|(id, _)| *id);
    Ok(all)
}

/// The `task list` fields of a task; [`TaskView::json`] starts from them.
pub fn task_summary(id: TaskId, t: &TaskOf<Runtime>) -> Value {
    json!({
        "id": id,
        "phase": phase_name(&t.phase),
        "submitter": account_json(&t.submitter),
        "solver": t.solver.as_ref().map(account_json),
        "fee": t.fee.to_string(),
        "steps": t.spec.steps,
        "deadline": t.deadline,
    })
}

/// A `Twox64Concat` u64 key's value: its last 8 bytes.
fn tail_u64(key: &[u8]) -> Option<u64> {
    let tail = key.get(key.len().checked_sub(8)?..)?;
    u64::decode(&mut &tail[..]).ok()
}

/// Reads task `id` and everything about it, at `at` (default: best block).
pub async fn task(chain: &Chain, id: TaskId, at: Option<H256>) -> Result<TaskView, CliError> {
    let task: TaskOf<Runtime> = chain
        .storage(pallet_gensyn::Tasks::<Runtime>::hashed_key_for(id), at)
        .await?
        .ok_or_else(|| CliError::NotFound(format!("no task {id} on this chain (`gensyn task list` shows them)")))?;
    let disputes = disputes_of(chain, Some(id), at).await?;
    view_of(chain, id, task, disputes, at).await
}

/// Every task on chain with everything about it, at `at`: the tasks and
/// the disputes each read once (what the dashboard reads every block),
/// not once per task.
pub async fn task_views(chain: &Chain, at: Option<H256>) -> Result<Vec<TaskView>, CliError> {
    let mut disputes = disputes_of(chain, None, at).await?;
    let mut views = Vec::new();
    for (id, task) in tasks(chain, at).await? {
        let (mine, rest) = disputes.into_iter().partition(|(_, d)| d.task == id);
        disputes = rest;
        views.push(view_of(chain, id, task, mine, at).await?);
    }
    Ok(views)
}

/// The rest of a [`TaskView`] of a task already read, with its disputes.
async fn view_of(
    chain: &Chain,
    id: TaskId,
    task: TaskOf<Runtime>,
    disputes: Vec<(DisputeId, DisputeOf<Runtime>)>,
    at: Option<H256>,
) -> Result<TaskView, CliError> {
    let audit = chain.storage(pallet_gensyn::Audits::<Runtime>::hashed_key_for(id), at).await?;
    let mut prefix = pallet_gensyn::Checks::<Runtime>::final_prefix().to_vec();
    prefix.extend(id.twox_64_concat());
    let checks = chain
        .storage_values::<CheckOf<Runtime>>(&prefix, at)
        .await?
        .into_iter()
        .filter_map(|(k, c)| {
            // Blake2_128Concat: the account is the key's last 32 bytes.
            let raw = k.get(k.len().checked_sub(32)?..)?;
            AccountId::decode(&mut &raw[..]).ok().map(|a| (a, c))
        })
        .collect();
    let available =
        (attested(chain, task.spec.spec_hash, at).await?, attested(chain, task.spec.dataset_commitment(), at).await?);
    Ok(TaskView { id, task, audit, checks, disputes, available })
}

/// Every dispute (of task `task`, if given), oldest first.
pub async fn disputes_of(
    chain: &Chain,
    task: Option<TaskId>,
    at: Option<H256>,
) -> Result<Vec<(DisputeId, DisputeOf<Runtime>)>, CliError> {
    let prefix = pallet_gensyn::Disputes::<Runtime>::final_prefix();
    let mut all: Vec<(DisputeId, DisputeOf<Runtime>)> = chain
        .storage_values::<DisputeOf<Runtime>>(&prefix, at)
        .await?
        .into_iter()
        .filter_map(|(k, d)| tail_u64(&k).map(|id| (id, d)))
        .filter(|(_, d)| task.is_none_or(|t| d.task == t))
        .collect();
    all.sort_by_key(|(id, _)| *id);
    Ok(all)
}

/// Reads dispute `id`.
pub async fn dispute(chain: &Chain, id: DisputeId, at: Option<H256>) -> Result<DisputeOf<Runtime>, CliError> {
    chain
        .storage(pallet_gensyn::Disputes::<Runtime>::hashed_key_for(id), at)
        .await?
        .ok_or_else(|| CliError::NotFound(format!("no dispute {id} on this chain")))
}

fn account_json(id: &AccountId) -> Value {
    let a = accounts::resolve(&accounts::ss58(id)).ok();
    json!({ "name": a.and_then(|a| a.name), "address": accounts::ss58(id) })
}

fn opt_hash(h: &Option<[u8; 32]>) -> Value {
    h.as_ref().map(|h| json!(hex32(h))).unwrap_or(Value::Null)
}

/// Who won a resolved game: `defender` (the solver) or `challenger`.
fn winner(stage: &Stage) -> Value {
    match stage {
        Stage::Resolved { outcome } => json!(if outcome.solver_convicted() { "challenger" } else { "defender" }),
        _ => Value::Null,
    }
}

/// The `--json` shape of one dispute.
pub fn dispute_json(id: DisputeId, d: &DisputeOf<Runtime>) -> Value {
    json!({
        "id": id,
        "task": d.task,
        "stage": stage_name(&d.stage),
        "winner": winner(&d.stage),
        "outcome": match &d.stage { Stage::Resolved { outcome } => json!(format!("{outcome:?}")), _ => Value::Null },
        "defender": account_json(&d.defender),
        "challenger": account_json(&d.challenger),
        "challenger_kind": snake(&format!("{:?}", d.challenger_kind)),
        "segment": d.segment,
        "position": d.position,
        "claim": hex32(&d.claim),
        "bond": d.bond.to_string(),
        "deadline": d.deadline,
        "rounds": d.rounds,
        "detail": format!("{:?}", d.stage),
    })
}

impl TaskView {
    /// The `--json` shape (`task show`; documented in the README).
    pub fn json(&self) -> Value {
        let t = &self.task;
        let s = &t.spec;
        let audit = self.audit.as_ref().map(|a| {
            json!({
                "segments": a.segments.iter().map(|g| json!({
                    "segment": g.segment,
                    "start": opt_hash(&g.start),
                    "end": opt_hash(&g.end),
                    "verdict": opt_hash(&g.verdict),
                })).collect::<Vec<_>>(),
                "forced": a.forced,
                "checks": a.checks,
                "right_checks": a.right,
                "games_running": a.games,
                "convicted": a.convicted,
                "verifier_faulted": a.verifier_faulted,
                "rechallenge_windows": a.windows,
                "tickets": a.tickets.to_string(),
            })
        });
        let mut doc = task_summary(self.id, t);
        let rest = json!({
            "deadline_of_phase": t.phase.deadline(),
            "cancel_reason": cancel_reason(&t.phase),
            "verifier": t.verifier.as_ref().map(account_json),
            "deposit": t.deposit.to_string(),
            "created_at": t.created_at,
            "redraws": t.redraws,
            "checkpoint_every": s.checkpoint_every,
            "spec": {
                "spec_hash": hex32(&s.spec_hash),
                "model_hash": hex32(&s.model_hash),
                "dataset_root": hex32(&s.dataset_root),
                "dataset_commitment": hex32(&s.dataset_commitment()),
                "hyper_hash": hex32(&s.hyper_hash),
                "program_root": hex32(&s.program_root),
                "program_len": s.program_len,
                "examples": s.order.samples,
                "batch": s.order.batch,
                "example_len": s.example_len,
            },
            "commitment": t.commitment.as_ref().map(|c| json!({
                "checkpoint_root": hex32(&c.checkpoint_root),
                "step_root": hex32(&c.step_root),
            })),
            "final_hash": opt_hash(&t.final_hash),
            "data_available": { "spec": self.available.0, "dataset": self.available.1 },
            "audit": audit,
            "whistles": self.checks.iter().map(|(who, c)| json!({
                "who": account_json(who),
                "revealed": c.ends.is_some(),
                "right": c.right,
                "bond": c.bond.to_string(),
            })).collect::<Vec<_>>(),
            "disputes": self.disputes.iter().map(|(id, d)| dispute_json(*id, d)).collect::<Vec<_>>(),
        });
        if let (Value::Object(d), Value::Object(r)) = (&mut doc, rest) {
            d.extend(r);
        }
        doc
    }

    /// Human lines.
    pub fn human(&self) -> String {
        let t = &self.task;
        let name = |a: &AccountId| accounts::resolve(&accounts::ss58(a)).map(|a| a.label()).unwrap_or_default();
        let mut out = format!(
            "task {}  {}{}\n  submitter {}  fee {}  deadline #{}\n  {} steps, checkpoint every {}",
            self.id,
            phase_name(&t.phase),
            t.phase.deadline().map(|d| format!(" (until #{d})")).unwrap_or_default(),
            name(&t.submitter),
            format_tokens(t.fee),
            t.deadline,
            t.spec.steps,
            t.spec.checkpoint_every,
        );
        if let Some(reason) = cancel_reason(&t.phase) {
            out.push_str(&format!("\n  cancelled: {reason}"));
        }
        if let Some(s) = &t.solver {
            out.push_str(&format!("\n  solver    {}", name(s)));
        }
        if let Some(v) = &t.verifier {
            out.push_str(&format!("\n  verifier  {}", name(v)));
        }
        if let Some(a) = &self.audit {
            let segs: Vec<String> = a.segments.iter().map(|s| s.segment.to_string()).collect();
            out.push_str(&format!(
                "\n  audit     segments {} · {} checks ({} right)",
                segs.join(", "),
                a.checks,
                a.right
            ));
        }
        for (id, d) in &self.disputes {
            out.push_str(&format!(
                "\n  dispute {id}: {} vs {} on segment {} — {}",
                name(&d.defender),
                name(&d.challenger),
                d.segment,
                stage_name(&d.stage)
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_snake_case() {
        assert_eq!(snake("EndOpening { open_by: 3 }"), "end_opening");
        assert_eq!(snake("Finalized"), "finalized");
        assert_eq!(phase_name(&Phase::<u32>::SolverSelection { closes_at: 3, entrants: 0 }), "solver_selection");
    }
}
