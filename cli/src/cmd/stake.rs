//! `gensyn stake`, `gensyn unstake`, `gensyn withdraw`: the staking calls of
//! `pallet-gensyn`, signed by a dev account.

use crate::{
    accounts,
    amount::{format_tokens, parse_tokens},
    args::{GlobalArgs, StakeArgs, TxArgs, WithdrawArgs},
    chain::TxOutcome,
    error::CliError,
    events,
    output::Output,
    progress::Spinner,
};
use gensyn_runtime::RuntimeCall;
use pallet_gensyn::{Call as GensynCall, Role};
use serde_json::{json, Value};
use std::time::Duration;

/// `gensyn stake`
pub async fn stake(args: StakeArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let amount = parse_tokens(&args.amount).map_err(CliError::Usage)?;
    let role: Role = args.role.into();
    let call = RuntimeCall::Gensyn(GensynCall::stake { role, amount });
    let args_json = json!({ "role": role.as_str(), "amount": amount.to_string() });
    send("stake", call, args_json, &args.tx, global, out).await
}

/// `gensyn unstake`
pub async fn unstake(args: StakeArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let amount = parse_tokens(&args.amount).map_err(CliError::Usage)?;
    let role: Role = args.role.into();
    let call = RuntimeCall::Gensyn(GensynCall::unstake { role, amount });
    let args_json = json!({ "role": role.as_str(), "amount": amount.to_string() });
    send("unstake", call, args_json, &args.tx, global, out).await
}

/// `gensyn withdraw`
pub async fn withdraw(args: WithdrawArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let role: Role = args.role.into();
    let call = RuntimeCall::Gensyn(GensynCall::withdraw_unbonded { role });
    send("withdraw", call, json!({ "role": role.as_str() }), &args.tx, global, out).await
}

/// Validates the signer, connects, submits, and prints the outcome.
pub(crate) async fn send(
    name: &str,
    call: RuntimeCall,
    args_json: Value,
    tx: &TxArgs,
    global: &GlobalArgs,
    out: &Output,
) -> Result<(), CliError> {
    // Argument errors come before any network traffic.
    let (signer, key) = accounts::signer(&tx.signer)?;
    let chain = super::connect(global).await?;
    let spinner = Spinner::start(out, format!("{name}: waiting for inclusion and finality"));
    let outcome = chain.submit(call, &key, tx.wait(), Duration::from_secs(tx.timeout)).await?;
    drop(spinner);
    let doc = outcome_json(name, &signer, args_json, &outcome);
    out.emit(doc, || human(name, &signer, &outcome));
    Ok(())
}

pub(crate) fn outcome_json(name: &str, signer: &accounts::Account, args: Value, o: &TxOutcome) -> Value {
    json!({
        "call": format!("gensyn.{name}"),
        "signer": { "name": signer.name, "address": signer.address() },
        "args": args,
        "tx_hash": format!("{:?}", o.tx_hash),
        "status": match (o.block, o.finalized) {
            (None, _) => "submitted",
            (Some(_), false) => "included",
            (Some(_), true) => "finalized",
        },
        "block": o.block.map(|b| b.json()),
        "events": o.events.iter().map(events::describe).collect::<Vec<_>>(),
    })
}

fn human(name: &str, signer: &accounts::Account, o: &TxOutcome) -> String {
    let Some(block) = o.block else {
        return format!("{name}: submitted {:?} (not waiting for inclusion)", o.tx_hash);
    };
    let what: Vec<String> = o.events.iter().filter_map(events::human).collect();
    let fee = o.events.iter().find_map(|e| match e {
        gensyn_runtime::RuntimeEvent::TransactionPayment(
            polkadot_sdk::pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. },
        ) => Some(format_tokens(*actual_fee)),
        _ => None,
    });
    format!(
        "{}: {} in block #{} ({:?}){}",
        signer.label(),
        if what.is_empty() { format!("{name} done") } else { what.join("; ") },
        block.number,
        block.hash,
        fee.map(|f| format!(", fee {f}")).unwrap_or_default()
    )
}
