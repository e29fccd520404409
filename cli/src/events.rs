//! Turning runtime events and dispatch errors into names and JSON.
//!
//! The CLI is built from the same runtime crate as the node, so it decodes
//! events with the real types; names come from their `Debug` form
//! (`Pallet(Variant { .. })`), which the derive macros produce from the
//! source identifiers.

use crate::{accounts::ss58, amount::format_tokens};
use gensyn_runtime::{RuntimeError, RuntimeEvent};
use pallet_gensyn::Event as GensynEvent;
use polkadot_sdk::sp_runtime::DispatchError;
use serde_json::{json, Value};

/// Splits `Pallet(Variant …)` into its two identifiers.
pub fn pallet_and_variant(debug: &str) -> (String, String) {
    let (pallet, rest) = debug.split_once('(').unwrap_or((debug, ""));
    // The inner value prints as `Variant …` or `Event::Variant …`.
    let path: String =
        rest.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
    let variant = path.rsplit("::").next().unwrap_or_default().to_string();
    (pallet.trim().to_string(), variant)
}

/// The pallet and name of a failed dispatch, e.g. (`Some("Gensyn")`, `"BelowMinimumStake"`).
/// Errors that are not a pallet's (`BadOrigin`, `Token(FundsUnavailable)`) have no pallet.
pub fn dispatch_error_name(err: DispatchError) -> (Option<String>, String) {
    match RuntimeError::from_dispatch_error(err) {
        Some(re) => {
            let (pallet, name) = pallet_and_variant(&format!("{re:?}"));
            (Some(pallet), name)
        }
        None => (None, format!("{err:?}")),
    }
}

/// A JSON description of an event: `pallet`, `name`, and typed `fields` for
/// the protocol's own events (amounts as decimal strings of plancks).
pub fn describe(event: &RuntimeEvent) -> Value {
    let (pallet, name) = pallet_and_variant(&format!("{event:?}"));
    let fields = match event {
        RuntimeEvent::Gensyn(GensynEvent::Staked { who, role, amount, active }) => json!({
            "who": ss58(who), "role": role.as_str(),
            "amount": amount.to_string(), "active": active.to_string(),
        }),
        RuntimeEvent::Gensyn(GensynEvent::Unbonding { who, role, amount, unlock_at }) => json!({
            "who": ss58(who), "role": role.as_str(),
            "amount": amount.to_string(), "unlock_at": unlock_at,
        }),
        RuntimeEvent::Gensyn(GensynEvent::Withdrawn { who, role, amount }) => json!({
            "who": ss58(who), "role": role.as_str(), "amount": amount.to_string(),
        }),
        RuntimeEvent::TransactionPayment(polkadot_sdk::pallet_transaction_payment::Event::TransactionFeePaid {
            who,
            actual_fee,
            tip,
        }) => {
            json!({ "who": ss58(who), "actual_fee": actual_fee.to_string(), "tip": tip.to_string() })
        }
        _ => Value::Null,
    };
    let mut v = json!({ "pallet": pallet, "name": name });
    if !fields.is_null() {
        v["fields"] = fields;
    }
    v
}

/// One line for a person, for the protocol's own events.
pub fn human(event: &RuntimeEvent) -> Option<String> {
    Some(match event {
        RuntimeEvent::Gensyn(GensynEvent::Staked { role, amount, active, .. }) => {
            format!("staked {} as {} (active stake {})", format_tokens(*amount), role.as_str(), format_tokens(*active))
        }
        RuntimeEvent::Gensyn(GensynEvent::Unbonding { role, amount, unlock_at, .. }) => format!(
            "unbonding {} of the {} stake; withdrawable from block #{unlock_at}",
            format_tokens(*amount),
            role.as_str()
        ),
        RuntimeEvent::Gensyn(GensynEvent::Withdrawn { role, amount, .. }) => {
            format!("withdrew {} of unbonded {} stake", format_tokens(*amount), role.as_str())
        }
        RuntimeEvent::Balances(polkadot_sdk::pallet_balances::Event::Transfer { to, amount, .. }) => {
            format!("sent {} to {}", format_tokens(*amount), crate::accounts::ss58(to))
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use pallet_gensyn::Role;

    #[test]
    fn splits_debug_names() {
        assert_eq!(pallet_and_variant("Gensyn(Event::Staked { a: 1 })"), ("Gensyn".into(), "Staked".into()));
        assert_eq!(pallet_and_variant("Gensyn(BelowMinimumStake)"), ("Gensyn".into(), "BelowMinimumStake".into()));
        assert_eq!(pallet_and_variant("System(ExtrinsicSuccess { x })"), ("System".into(), "ExtrinsicSuccess".into()));
    }
    use polkadot_sdk::sp_keyring::Sr25519Keyring;

    #[test]
    fn names_pallet_errors() {
        let err: DispatchError = pallet_gensyn::Error::<gensyn_runtime::Runtime>::BelowMinimumStake.into();
        assert_eq!(dispatch_error_name(err), (Some("Gensyn".into()), "BelowMinimumStake".into()));
        let err: DispatchError =
            polkadot_sdk::pallet_balances::Error::<gensyn_runtime::Runtime>::InsufficientBalance.into();
        assert_eq!(dispatch_error_name(err), (Some("Balances".into()), "InsufficientBalance".into()));
        assert_eq!(dispatch_error_name(DispatchError::BadOrigin), (None, "BadOrigin".into()));
    }

    #[test]
    fn describes_protocol_events() {
        let who = Sr25519Keyring::Alice.to_account_id();
        let ev = RuntimeEvent::Gensyn(GensynEvent::Staked { who, role: Role::Solver, amount: 5, active: 7 });
        assert_eq!(
            describe(&ev),
            json!({"pallet": "Gensyn", "name": "Staked", "fields": {
                "who": "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
                "role": "solver", "amount": "5", "active": "7"}})
        );
        let ev = RuntimeEvent::System(polkadot_sdk::frame_system::Event::NewAccount {
            account: Sr25519Keyring::Bob.to_account_id(),
        });
        assert_eq!(describe(&ev), json!({"pallet": "System", "name": "NewAccount"}));
    }
}
