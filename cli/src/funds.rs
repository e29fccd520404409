//! Whether the chain's money adds up: total issuance against every
//! account's balance, and each protocol hold against what the pallet's
//! records say it must be (the pallet tests' `assert_funds_reconcile`,
//! read from a live node). `gensyn funds` prints it; the agent tests and
//! the demo check it after every task.

use crate::{chain::Chain, error::CliError};
use gensyn_runtime::{Balance, BlockNumber, Nonce, Runtime, RuntimeHoldReason};
use pallet_gensyn::{HoldReason, Phase, Stage};
use polkadot_sdk::{
    frame_support::{storage::StoragePrefixedMap, traits::tokens::IdAmount},
    frame_system::AccountInfo,
    pallet_balances::{self, AccountData},
    sp_core::H256,
};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The sums behind the check, read at one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Funds {
    /// `Balances::TotalIssuance`.
    pub issuance: Balance,
    /// Σ free + reserved over every account.
    pub balances: Balance,
    /// Accounts on chain.
    pub accounts: usize,
    /// What the jackpot holds (free + reserved).
    pub jackpot: Balance,
    /// Held under each protocol reason (snake_case), over every account.
    pub held: BTreeMap<String, Balance>,
    /// What the pallet's records say each reason must hold.
    pub owed: BTreeMap<String, Balance>,
}

impl Funds {
    /// Issuance is every balance, and every hold is what the records owe.
    pub fn reconciles(&self) -> bool {
        self.issuance == self.balances && self.held == self.owed
    }

    /// The `--json` shape (amounts as decimal strings of plancks).
    pub fn json(&self) -> Value {
        let map = |m: &BTreeMap<String, Balance>| -> Value {
            m.iter().map(|(k, v)| (k.clone(), json!(v.to_string()))).collect::<serde_json::Map<_, _>>().into()
        };
        json!({
            "reconciles": self.reconciles(),
            "total_issuance": self.issuance.to_string(),
            "sum_of_balances": self.balances.to_string(),
            "accounts": self.accounts,
            "jackpot": self.jackpot.to_string(),
            "held": map(&self.held),
            "owed": map(&self.owed),
        })
    }
}

fn reason_name(r: HoldReason) -> String {
    crate::query::snake(&format!("{r:?}"))
}

/// Reads the sums at block `at` (best if none).
pub async fn read(chain: &Chain, at: Option<H256>) -> Result<Funds, CliError> {
    let at = match at {
        Some(h) => h,
        None => chain.best().await?.hash,
    };
    let at = Some(at);
    let issuance: Balance =
        chain.storage(pallet_balances::TotalIssuance::<Runtime>::hashed_key().to_vec(), at).await?.unwrap_or_default();
    let accounts: Vec<(Vec<u8>, AccountInfo<Nonce, AccountData<Balance>>)> =
        chain.storage_values(&polkadot_sdk::frame_system::Account::<Runtime>::final_prefix(), at).await?;
    let balances = accounts.iter().map(|(_, a)| a.data.free + a.data.reserved).sum();
    let jackpot_id = pallet_gensyn::Pallet::<Runtime>::jackpot_account();
    let jackpot_key = polkadot_sdk::frame_system::Account::<Runtime>::hashed_key_for(&jackpot_id);
    let jackpot = accounts.iter().find(|(k, _)| *k == jackpot_key).map_or(0, |(_, a)| a.data.free + a.data.reserved);

    let mut held: BTreeMap<String, Balance> = BTreeMap::new();
    let holds: Vec<(Vec<u8>, Vec<IdAmount<RuntimeHoldReason, Balance>>)> =
        chain.storage_values(&pallet_balances::Holds::<Runtime>::final_prefix(), at).await?;
    for (_, list) in holds {
        for h in list {
            // Session key deposits are no protocol hold (and zero on the
            // devnet: `KeyDeposit = ()`); the issuance check still counts them.
            let RuntimeHoldReason::Gensyn(r) = h.id else { continue };
            *held.entry(reason_name(r)).or_default() += h.amount;
        }
    }

    // What the records owe, reason by reason.
    type Ledger =
        pallet_gensyn::StakeLedger<Balance, BlockNumber, polkadot_sdk::frame_support::traits::ConstU32<{ u32::MAX }>>;
    let mut owed: BTreeMap<String, Balance> = BTreeMap::new();
    let stakes: Vec<(Vec<u8>, Ledger)> =
        chain.storage_values(&pallet_gensyn::Stakes::<Runtime>::final_prefix(), at).await?;
    for (key, l) in stakes {
        // The role is the key's last byte (Twox64Concat of a one-byte enum).
        let role = match key.last() {
            Some(0) => HoldReason::SolverStake,
            Some(1) => HoldReason::VerifierStake,
            _ => HoldReason::WhistleblowerStake,
        };
        let total = l.unbonding.iter().fold(l.active, |acc, c| acc + c.amount);
        *owed.entry(reason_name(role)).or_default() += total;
    }
    let tasks = crate::query::tasks(chain, at).await?;
    let escrow: Balance = tasks
        .iter()
        .filter(|(_, t)| !matches!(t.phase, Phase::Finalized | Phase::Cancelled { .. }))
        .map(|(_, t)| t.fee + t.deposit)
        .sum();
    *owed.entry(reason_name(HoldReason::TaskFee)).or_default() += escrow;
    let checks: Vec<(Vec<u8>, pallet_gensyn::CheckOf<Runtime>)> =
        chain.storage_values(&pallet_gensyn::Checks::<Runtime>::final_prefix(), at).await?;
    let games = crate::query::disputes_of(chain, None, at).await?;
    let bonds: Balance = checks.iter().map(|(_, c)| c.bond + c.deposit).sum::<Balance>()
        + games
            .iter()
            .filter(|(_, d)| !matches!(d.stage, Stage::Resolved { .. }))
            .map(|(_, d)| d.bond)
            .sum::<Balance>();
    *owed.entry(reason_name(HoldReason::WhistleBond)).or_default() += bonds;
    // One forced-round share per right check of a paid task not yet settled.
    let finalized: BTreeMap<u64, ()> =
        tasks.iter().filter(|(_, t)| t.phase == Phase::Finalized).map(|(id, _)| (*id, ())).collect();
    let mut shares: Balance = 0;
    for (key, c) in &checks {
        // Key: prefix (32) · twox64(task) (8) · task (8) · …
        let task = key.get(40..48).map(|b| u64::from_le_bytes(b.try_into().expect("8 bytes")));
        if let Some(t) = task.filter(|t| c.right && finalized.contains_key(t)) {
            let audit: Option<pallet_gensyn::AuditOf<Runtime>> =
                chain.storage(pallet_gensyn::Audits::<Runtime>::hashed_key_for(t), at).await?;
            shares += audit.map_or(0, |a| a.share);
        }
    }
    *owed.entry(reason_name(HoldReason::ForcedShares)).or_default() += shares;
    // Reasons nobody holds nor owes are left out of both.
    held.retain(|_, v| *v > 0);
    owed.retain(|_, v| *v > 0);
    Ok(Funds { issuance, balances, accounts: accounts.len(), jackpot, held, owed })
}
