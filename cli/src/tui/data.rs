//! The dashboard's feed: it follows the node's new and finalized heads and,
//! at each new best block, reads what the dashboard shows through the
//! CLI's chain client and decoding layer ([`crate::query`],
//! [`crate::cmd::account`], [`crate::events`]). It survives the node going
//! away: it says so, and reconnects with backoff.

use super::{
    state::{AccountRow, ChainInfo, EventLine, Mode, Snapshot},
    update::Msg,
};
use crate::{
    accounts::{self, Account, DEV_ACCOUNTS},
    chain::{BlockRef, Chain},
    error::CliError,
    query,
};
use codec::Encode;
use futures::FutureExt;
use gensyn_runtime::{AccountId, RuntimeEvent};
use pallet_gensyn::{Stage, TaskId};
use polkadot_sdk::sp_core::{crypto::Ss58Codec, Pair as _, H256};
use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
    time::{Duration, Instant},
};
use tokio::sync::mpsc::UnboundedSender;

/// Blocks whose events are read at most when the feed falls behind (or
/// first connects): older ones are not worth a dashboard's wait.
const EVENTS_BACK: u32 = 32;
/// The longest wait between reconnection tries.
const MAX_BACKOFF: Duration = Duration::from_secs(8);

/// Feeds `tx` until the dashboard closes it: connects to `endpoint`
/// (backing off while it cannot), then follows it.
pub async fn feed(endpoint: String, refresh: Duration, cache: PathBuf, tx: UnboundedSender<Msg>) {
    let mut backoff = Duration::from_millis(250);
    let mut follower = Follower { cache, ops: BTreeMap::new(), read: BTreeMap::new() };
    loop {
        let why = match Chain::connect(&endpoint).await {
            // The backoff resets once a read succeeds, not at connection: a
            // node that accepts and then fails every read is not hammered.
            Ok(chain) => {
                match follower.follow(&chain, refresh, &tx, &mut backoff).await {
                    Ok(()) => return, // the dashboard is gone
                    Err(e) => e,
                }
            }
            Err(e) => e,
        };
        let msg =
            Msg::Down { reason: crate::output::one_line(&why.to_string()), retry_in_ms: backoff.as_millis() as u64 };
        if tx.send(msg).is_err() {
            return;
        }
        tokio::time::sleep(backoff).await;
        backoff = (backoff * 2).min(MAX_BACKOFF);
    }
}

/// What the feed keeps across reads and reconnections.
pub struct Follower {
    /// Where disputed tasks' specs and datasets are written to build their programs.
    pub cache: PathBuf,
    /// Operator names by task, for the spec they were built from (a
    /// restarted devnet reuses ids); a failure is tried again after
    /// [`OPS_RETRY`].
    pub ops: BTreeMap<TaskId, OpNames>,
    /// The blocks whose events are in the log (the newest
    /// [`EVENTS_BACK`] + 1), by number: how a re-org or a restarted chain
    /// is noticed.
    pub read: BTreeMap<u32, H256>,
}

/// A disputed task's operator names, or why they could not be read.
pub struct OpNames {
    /// The task's spec, encoded: the names hold for this spec only.
    pub spec: Vec<u8>,
    /// The names, node by node; or the error and when it came.
    pub names: Result<Vec<String>, (String, Instant)>,
}

/// How long a failed read of a task's operator names stands.
const OPS_RETRY: Duration = Duration::from_secs(30);

impl Follower {
    /// Follows `chain` until it fails (an error) or the dashboard is gone.
    async fn follow(
        &mut self,
        chain: &Chain,
        refresh: Duration,
        tx: &UnboundedSender<Msg>,
        backoff: &mut Duration,
    ) -> Result<(), CliError> {
        let gone = |_| CliError::other("the dashboard closed");
        let info = info(chain).await?;
        if tx.send(Msg::Linked(info)).is_err() {
            return Ok(());
        }
        let mut heads = chain.subscribe_heads(false).await?;
        let mut finals = chain.subscribe_heads(true).await?;
        let mut ticker = tokio::time::interval(refresh);
        // A slow read is followed by one poll, not a burst of them.
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        let mut next = Some(chain.best().await?);
        loop {
            if let Some(at) = next.take() {
                let (forked, events) = self.events(chain, at).await?;
                let snap = self.snapshot(chain, at).await?;
                let sent = forked
                    .map_or(Ok(()), |from| tx.send(Msg::Reorg(from)))
                    .and_then(|_| tx.send(Msg::Events(events)))
                    .and_then(|_| tx.send(Msg::Data(Box::new(snap), Instant::now())));
                if sent.is_err() {
                    return Ok(());
                }
                *backoff = Duration::from_millis(250);
            }
            tokio::select! {
                h = heads.next() => match h {
                    Some(Ok(mut h)) => {
                        // Heads that came while the last read ran: only the newest is read.
                        while let Some(Some(Ok(newer))) = heads.next().now_or_never() {
                            h = newer;
                        }
                        next = Some(BlockRef { number: h.number, hash: h.hash() });
                    }
                    _ => return Err(CliError::other("the node closed the connection")),
                },
                h = finals.next() => match h {
                    Some(Ok(h)) => tx.send(Msg::Finalized(h.number)).map_err(gone)?,
                    _ => return Err(CliError::other("the node closed the connection")),
                },
                _ = ticker.tick() => {
                    let health = chain.health().await?;
                    tx.send(Msg::Peers(health.peers)).map_err(gone)?;
                }
            }
        }
    }

    /// Everything the dashboard shows at block `at`.
    pub async fn snapshot(&mut self, chain: &Chain, at: BlockRef) -> Result<Snapshot, CliError> {
        let tasks = query::task_views(chain, Some(at.hash)).await?;
        // A disputed task's program names the operators its games descend to.
        for v in &tasks {
            let deep = v.disputes.iter().any(|(_, d)| !matches!(d.stage, Stage::Steps { .. } | Stage::Records { .. }));
            let spec = v.task.spec.encode();
            let known = self.ops.get(&v.id).is_some_and(|o| {
                o.spec == spec && o.names.as_ref().map_or_else(|(_, at)| at.elapsed() < OPS_RETRY, |_| true)
            });
            if deep && !known {
                let names =
                    op_names(chain, &self.cache, v.id, &v.task.spec).await.map_err(|e| (e.to_string(), Instant::now()));
                self.ops.insert(v.id, OpNames { spec, names });
            }
        }
        // Tasks gone from the chain take their names with them.
        self.ops.retain(|id, _| tasks.iter().any(|v| v.id == *id));
        let mut names = BTreeMap::new();
        let mut rows = Vec::new();
        for account in known_accounts() {
            let view = crate::cmd::account::read(chain, account.clone(), at.hash).await?;
            let name = account.name.clone().unwrap_or_else(|| account.address());
            names.insert(account.id.clone(), name.clone());
            rows.push(AccountRow {
                name,
                address: account.address(),
                free: view.data.free,
                held: view.data.reserved,
                stakes: view
                    .stakes
                    .iter()
                    .map(|(role, l)| (*role, l.active, l.unbonding.iter().map(|c| c.amount).sum()))
                    .collect(),
            });
        }
        let set: Vec<AccountId> = chain
            .storage(pallet_validators::Validators::<gensyn_runtime::Runtime>::hashed_key().to_vec(), Some(at.hash))
            .await?
            .unwrap_or_default();
        let validators = set.iter().map(|v| names.get(v).cloned().unwrap_or_else(|| accounts::ss58(v))).collect();
        Ok(Snapshot {
            best: at.number,
            finalized: chain.finalized().await?.number,
            peers: chain.health().await?.peers,
            validators,
            tasks,
            accounts: rows,
            names,
            ops: self.ops.iter().filter_map(|(id, o)| o.names.as_ref().ok().map(|n| (*id, n.clone()))).collect(),
        })
    }

    /// The events of the blocks after the last read up to `at` (at most
    /// [`EVENTS_BACK`] of them), oldest first; and, first, the block from
    /// which the log's lines are no longer the chain's (a re-org replaced
    /// them, or the devnet restarted), if any: those blocks are read again.
    pub async fn events(&mut self, chain: &Chain, at: BlockRef) -> Result<(Option<u32>, Vec<EventLine>), CliError> {
        // Newest first: the first block read that is still the chain's
        // ends the search (one lookup when nothing changed).
        let mut forked = None;
        for (&n, &hash) in self.read.iter().rev() {
            let canonical = match n {
                n if n > at.number => None,
                n if n == at.number => Some(at.hash),
                n => chain.block_hash(n).await?,
            };
            if canonical == Some(hash) {
                break;
            }
            forked = Some(n);
        }
        if let Some(from) = forked {
            self.read.retain(|&n, _| n < from);
        }
        if self.read.get(&at.number) == Some(&at.hash) {
            return Ok((forked, Vec::new()));
        }
        let floor = at.number.saturating_sub(EVENTS_BACK);
        let from = self.read.keys().next_back().map_or(floor, |&n| (n + 1).max(floor));
        let mut lines = Vec::new();
        for n in from..=at.number {
            let hash = if n == at.number { Some(at.hash) } else { chain.block_hash(n).await? };
            let Some(hash) = hash else { continue };
            for record in chain.events(hash).await? {
                if let Some(line) = event_line(n, &record.event) {
                    lines.push(line);
                }
            }
            self.read.insert(n, hash);
        }
        while self.read.len() > EVENTS_BACK as usize + 1 {
            self.read.pop_first();
        }
        Ok((forked, lines))
    }
}

/// The chain's name and how it makes blocks: BABE's slot is 0 where no
/// slots run (instant seal, on demand or on a timer).
async fn info(chain: &Chain) -> Result<ChainInfo, CliError> {
    let slot_key = polkadot_sdk::frame_support::storage::storage_prefix(b"Babe", b"CurrentSlot").to_vec();
    let slot: u64 = chain.storage(slot_key, None).await?.unwrap_or(0);
    let mode = if slot == 0 { Mode::InstantSeal } else { Mode::ProofOfStake };
    Ok(ChainInfo { chain: chain.chain_name().await?, mode })
}

/// The dev accounts, then the keystore's.
fn known_accounts() -> Vec<Account> {
    let mut all: Vec<Account> = DEV_ACCOUNTS
        .iter()
        .map(|(name, key)| Account { name: Some(name.to_string()), id: key.to_account_id() })
        .collect();
    if let Ok(keys) = accounts::keystore().list() {
        for k in keys {
            // The stored address, not the phrase: no key derivation per block.
            let id = AccountId::from_ss58check(&k.address)
                .ok()
                .or_else(|| k.pair().ok().map(|p| AccountId::from(p.public())));
            if let Some(id) = id {
                all.push(Account { name: Some(k.name), id });
            }
        }
    }
    all
}

/// One event as a log line; bookkeeping every transaction deposits
/// (success, fees) is left out.
pub fn event_line(block: u32, event: &RuntimeEvent) -> Option<EventLine> {
    use polkadot_sdk::{frame_system, pallet_transaction_payment};
    if matches!(
        event,
        RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { .. })
            | RuntimeEvent::TransactionPayment(pallet_transaction_payment::Event::TransactionFeePaid { .. })
    ) {
        return None;
    }
    let (pallet, name) = crate::events::pallet_and_variant(&format!("{event:?}"));
    let detail = crate::events::human(event).unwrap_or_else(|| fields(&format!("{event:?}")));
    Some(EventLine { block, pallet, name, detail })
}

/// The `{ … }` of an event's `Debug` form, on one line.
fn fields(debug: &str) -> String {
    match (debug.find('{'), debug.rfind('}')) {
        (Some(a), Some(b)) if b > a => debug[a + 1..b].trim().split_whitespace().collect::<Vec<_>>().join(" "),
        _ => String::new(),
    }
}

/// The operator of each node of task `id`'s program, built from its spec
/// and dataset (fetched from the store and checked, as an agent does).
async fn op_names(
    chain: &Chain,
    cache: &Path,
    id: TaskId,
    spec: &pallet_gensyn::TaskSpec,
) -> Result<Vec<String>, CliError> {
    let path = crate::agent::prepare_in(chain, cache, id, spec).await?;
    // Reading the dataset and building the program block: off the runtime's workers.
    tokio::task::spawn_blocking(move || {
        let loaded = crate::onchain::load(&path)?;
        let data =
            gensyn_trainer::data::Dataset::load(&loaded.spec).map_err(|e| CliError::other(format!("dataset: {e}")))?;
        let program = gensyn_trainer::program::program(&loaded.spec, &data);
        Ok(program.nodes.iter().map(|n| query::snake(&format!("{:?}", n.op))).collect())
    })
    .await
    .map_err(|e| CliError::other(format!("building the task's program: {e}")))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_fields_fit_one_line() {
        assert_eq!(fields("Gensyn(TaskPosted { task: 3,\n  fee: 5 })"), "task: 3, fee: 5");
        assert_eq!(fields("System(CodeUpdated)"), "");
    }
}
