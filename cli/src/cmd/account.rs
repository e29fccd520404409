//! `gensyn account [NAME|ADDRESS]`: balances, holds and stakes.

use crate::{
    accounts::{self, Account, DEV_ACCOUNTS},
    amount::format_tokens,
    args::{AccountArgs, GlobalArgs},
    chain::{BlockRef, Chain},
    error::CliError,
    output::Output,
};
use gensyn_runtime::{Balance, BlockNumber, Nonce, Runtime, RuntimeHoldReason};
use pallet_gensyn::{Role, StakeLedger, UnbondChunk};
use polkadot_sdk::{
    frame_support::traits::tokens::IdAmount, frame_system::AccountInfo, pallet_balances, pallet_balances::AccountData,
    sp_core::H256,
};
use serde_json::{json, Value};

/// A role's ledger as read from storage (the bound is irrelevant when decoding).
type Ledger = StakeLedger<Balance, BlockNumber, polkadot_sdk::frame_support::traits::ConstU32<{ u32::MAX }>>;

/// Everything `account` shows about one account, read at one block.
#[derive(Debug)]
pub struct AccountView {
    /// Who.
    pub account: Account,
    /// Transactions sent.
    pub nonce: Nonce,
    /// Spendable and held balances.
    pub data: AccountData<Balance>,
    /// Holds by reason.
    pub holds: Vec<IdAmount<RuntimeHoldReason, Balance>>,
    /// Stakes by role (only roles with a ledger).
    pub stakes: Vec<(Role, Ledger)>,
}

/// Reads an account's view at block `at`.
pub async fn read(chain: &Chain, account: Account, at: H256) -> Result<AccountView, CliError> {
    let info: AccountInfo<Nonce, AccountData<Balance>> = chain
        .storage(polkadot_sdk::frame_system::Account::<Runtime>::hashed_key_for(&account.id), Some(at))
        .await?
        .unwrap_or_default();
    let holds: Vec<IdAmount<RuntimeHoldReason, Balance>> = chain
        .storage(pallet_balances::Holds::<Runtime>::hashed_key_for(&account.id), Some(at))
        .await?
        .unwrap_or_default();
    let mut stakes = Vec::new();
    for role in Role::ALL {
        let key = pallet_gensyn::Stakes::<Runtime>::hashed_key_for(&account.id, role);
        if let Some(ledger) = chain.storage::<Ledger>(key, Some(at)).await? {
            stakes.push((role, ledger));
        }
    }
    Ok(AccountView { account, nonce: info.nonce, data: info.data, holds, stakes })
}

fn hold_name(reason: &RuntimeHoldReason) -> String {
    let (pallet, variant) = crate::events::pallet_and_variant(&format!("{reason:?}"));
    format!("{pallet}.{variant}")
}

impl AccountView {
    /// The `--json` shape (amounts as decimal strings of plancks).
    pub fn json(&self) -> Value {
        let stakes: serde_json::Map<String, Value> = self
            .stakes
            .iter()
            .map(|(role, l)| {
                let unbonding: Vec<Value> = l
                    .unbonding
                    .iter()
                    .map(|UnbondChunk { amount, unlock_at }| {
                        json!({ "amount": amount.to_string(), "unlock_at": unlock_at })
                    })
                    .collect();
                (role.as_str().to_string(), json!({ "active": l.active.to_string(), "unbonding": unbonding }))
            })
            .collect();
        json!({
            "name": self.account.name,
            "address": self.account.address(),
            "nonce": self.nonce,
            "free": self.data.free.to_string(),
            "reserved": self.data.reserved.to_string(),
            "frozen": self.data.frozen.to_string(),
            "holds": self.holds.iter().map(|h| json!({ "reason": hold_name(&h.id), "amount": h.amount.to_string() })).collect::<Vec<_>>(),
            "stakes": stakes,
        })
    }

    /// Human lines.
    pub fn human(&self) -> String {
        let mut s = format!(
            "{} {}\n  free      {}\n  held      {}\n  nonce     {}",
            self.account.name.as_deref().unwrap_or("account"),
            self.account.address(),
            format_tokens(self.data.free),
            format_tokens(self.data.reserved),
            self.nonce,
        );
        for (role, l) in &self.stakes {
            s.push_str(&format!("\n  {:<13} active {}", role.as_str(), format_tokens(l.active)));
            for c in l.unbonding.iter() {
                s.push_str(&format!(
                    "\n  {:<13} unbonding {} until block #{}",
                    "",
                    format_tokens(c.amount),
                    c.unlock_at
                ));
            }
        }
        s
    }
}

/// `gensyn account`
pub async fn run(args: AccountArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let targets: Vec<Account> = match &args.account {
        Some(a) => vec![accounts::resolve(a)?],
        None => DEV_ACCOUNTS
            .iter()
            .map(|(name, key)| Account { name: Some(name.to_string()), id: key.to_account_id() })
            .collect(),
    };
    let chain = super::connect(global).await?;
    let at: BlockRef = chain.best().await?;
    let mut views = Vec::new();
    for account in targets {
        views.push(read(&chain, account, at.hash).await?);
    }
    if args.account.is_some() {
        let view = &views[0];
        let mut doc = view.json();
        doc["at"] = at.json();
        out.emit(doc, || view.human());
    } else {
        let doc = json!({ "at": at.json(), "accounts": views.iter().map(|v| v.json()).collect::<Vec<_>>() });
        out.emit(doc, || views.iter().map(|v| v.human()).collect::<Vec<_>>().join("\n"));
    }
    Ok(())
}
