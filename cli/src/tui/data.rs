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
use futures::FutureExt;
use gensyn_runtime::{AccountId, RuntimeEvent};
use pallet_gensyn::{Stage, TaskId};
use polkadot_sdk::sp_core::Pair as _;
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
    let mut follower = Follower { cache, ops: BTreeMap::new(), events_to: None };
    loop {
        let why = match Chain::connect(&endpoint).await {
            Ok(chain) => {
                backoff = Duration::from_millis(250);
                match follower.follow(&chain, refresh, &tx).await {
                    Ok(()) => return, // the dashboard is gone
                    Err(e) => e,
                }
            }
            Err(e) => e,
        };
        let msg = Msg::Down { reason: crate::output::one_line(&why.to_string()), retry_in_ms: backoff.as_millis() as u64 };
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
    /// Operator names by task (an error: not to be tried again).
    pub ops: BTreeMap<TaskId, Result<Vec<String>, String>>,
    /// The last block whose events were read.
    pub events_to: Option<u32>,
}

impl Follower {
    /// Follows `chain` until it fails (an error) or the dashboard is gone.
    async fn follow(&mut self, chain: &Chain, refresh: Duration, tx: &UnboundedSender<Msg>) -> Result<(), CliError> {
        let gone = |_| CliError::other("the dashboard closed");
        let info = info(chain).await?;
        if tx.send(Msg::Linked(info)).is_err() {
            return Ok(());
        }
        let mut heads = chain.subscribe_heads(false).await?;
        let mut finals = chain.subscribe_heads(true).await?;
        let mut ticker = tokio::time::interval(refresh);
        let mut next = Some(chain.best().await?);
        loop {
            if let Some(at) = next.take() {
                let events = self.events(chain, at).await?;
                let snap = self.snapshot(chain, at).await?;
                let sent = tx.send(Msg::Events(events)).and_then(|_| tx.send(Msg::Data(Box::new(snap), Instant::now())));
                if sent.is_err() {
                    return Ok(());
                }
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
        let mut tasks = Vec::new();
        for id in query::task_ids(chain, Some(at.hash)).await? {
            tasks.push(query::task(chain, id, Some(at.hash)).await?);
        }
        // A disputed task's program names the operators its games descend to.
        for v in &tasks {
            let deep = v.disputes.iter().any(|(_, d)| !matches!(d.stage, Stage::Steps { .. } | Stage::Records { .. }));
            if deep && !self.ops.contains_key(&v.id) {
                let names = op_names(chain, &self.cache, v.id, &v.task.spec).await.map_err(|e| e.to_string());
                self.ops.insert(v.id, names);
            }
        }
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
            ops: self.ops.iter().filter_map(|(id, r)| r.as_ref().ok().map(|n| (*id, n.clone()))).collect(),
        })
    }

    /// The events of the blocks after the last read up to `at` (at most
    /// [`EVENTS_BACK`] of them), oldest first.
    pub async fn events(&mut self, chain: &Chain, at: BlockRef) -> Result<Vec<EventLine>, CliError> {
        let from = match self.events_to {
            Some(n) if n >= at.number => return Ok(Vec::new()),
            Some(n) => (n + 1).max(at.number.saturating_sub(EVENTS_BACK)),
            None => at.number.saturating_sub(EVENTS_BACK),
        };
        let mut lines = Vec::new();
        for n in from..=at.number {
            let hash = if n == at.number { Some(at.hash) } else { chain.block_hash(n).await? };
            let Some(hash) = hash else { continue };
            for record in chain.events(hash).await? {
                if let Some(line) = event_line(n, &record.event) {
                    lines.push(line);
                }
            }
        }
        self.events_to = Some(at.number);
        Ok(lines)
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
            if let Ok(pair) = k.pair() {
                all.push(Account { name: Some(k.name), id: AccountId::from(pair.public()) });
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
async fn op_names(chain: &Chain, cache: &Path, id: TaskId, spec: &pallet_gensyn::TaskSpec) -> Result<Vec<String>, CliError> {
    let path = crate::agent::prepare_in(chain, cache, id, spec).await?;
    let loaded = crate::onchain::load(&path)?;
    let data = gensyn_trainer::data::Dataset::load(&loaded.spec).map_err(|e| CliError::other(format!("dataset: {e}")))?;
    let program = gensyn_trainer::program::program(&loaded.spec, &data);
    Ok(program.nodes.iter().map(|n| query::snake(&format!("{:?}", n.op))).collect())
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
