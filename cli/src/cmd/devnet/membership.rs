//! `gensyn devnet add-validator` / `remove-validator`: changes the PoS
//! devnet's validator set on chain (`pallet_validators`, through sudo), so a
//! node started anywhere — another machine included — becomes a validator
//! from the third session after (its keys frozen from the moment it is
//! added), or stops being one at the session after next.

use crate::{
    accounts,
    args::{AddValidatorArgs, GlobalArgs, RemoveValidatorArgs},
    chain::{Chain, Wait},
    error::CliError,
    events,
    output::Output,
    progress::Spinner,
};
use codec::Decode;
use gensyn_runtime::{pallet_availability, RuntimeCall, RuntimeEvent, SessionKeys};
use polkadot_sdk::pallet_sudo;
use serde_json::json;
use std::time::Duration;

/// Sends `call` as root through sudo, signed by `sudo`; the inner call's
/// error, which sudo reports as an event, becomes the command's error.
async fn sudo(chain: &Chain, call: RuntimeCall, sudo: &str, timeout: u64) -> Result<(), CliError> {
    let (_, key) = accounts::signer(sudo)?;
    let wrapped = RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) });
    let outcome = chain.submit(wrapped, &key, Wait::Finalized, Duration::from_secs(timeout)).await?;
    for ev in &outcome.events {
        if let RuntimeEvent::Sudo(pallet_sudo::Event::Sudid { sudo_result: Err(e) }) = ev {
            let (pallet, name) = events::dispatch_error_name(*e);
            return Err(CliError::Dispatch { pallet, name });
        }
    }
    Ok(())
}

/// `gensyn devnet add-validator --node URL --as NAME`: the node at `URL`
/// makes session keys, `NAME` registers them (`session.set_keys`), and the
/// sudo key adds `NAME` to the set.
pub async fn add(args: AddValidatorArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let (account, key) = accounts::signer(&args.signer)?;
    let chain = super::super::connect(global).await?;
    let node = Chain::connect(&args.node).await?;
    if node.genesis != chain.genesis {
        return Err(CliError::Usage(format!("the node at {} runs another chain", args.node)));
    }
    let set: Vec<gensyn_runtime::AccountId> = chain
        .storage(pallet_validators::Validators::<gensyn_runtime::Runtime>::hashed_key().to_vec(), None)
        .await?
        .unwrap_or_default();
    if set.contains(&account.id) {
        return Err(CliError::Dispatch { pallet: Some("Validators".into()), name: "AlreadyValidator".into() });
    }
    let spinner = Spinner::start(out, format!("making session keys on {}", args.node));
    let (raw, proof) = node.rotate_keys(&account.id).await?;
    let keys = SessionKeys::decode(&mut &raw[..])
        .map_err(|e| CliError::other(format!("the node returned session keys this runtime cannot read: {e}")))?;
    spinner.set("registering the keys");
    // Through the registry, which refuses a member's keys (they are frozen).
    let set_keys = RuntimeCall::Validators(pallet_validators::Call::set_keys { keys, proof });
    chain.submit(set_keys, &key, Wait::Finalized, Duration::from_secs(args.timeout)).await?;
    // Its attestations of the shards it will hold count only once bonded.
    spinner.set("bonding as a shard holder");
    let bond = RuntimeCall::Availability(pallet_availability::Call::bond {});
    chain.submit(bond, &key, Wait::Finalized, Duration::from_secs(args.timeout)).await?;
    spinner.set("adding the validator");
    let add = RuntimeCall::Validators(pallet_validators::Call::add_validator { who: account.id.clone() });
    sudo(&chain, add, &args.sudo, args.timeout).await?;
    drop(spinner);
    out.emit(
        json!({ "validator": account.label(), "address": account.address(), "node": args.node,
                "session_keys": format!("0x{}", hex::encode(&raw)), "active_from": "the third session from now" }),
        || {
            format!(
                "{} validates from the third session from now (its node: {}); `gensyn devnet status` shows the active set",
                account.label(),
                args.node
            )
        },
    );
    Ok(())
}

/// `gensyn devnet remove-validator NAME`: the sudo key removes `NAME` from the
/// set, from the session after next.
pub async fn remove(args: RemoveValidatorArgs, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    let account = accounts::resolve(&args.account)?;
    let chain = super::super::connect(global).await?;
    let spinner = Spinner::start(out, format!("removing validator {}", account.label()));
    let remove = RuntimeCall::Validators(pallet_validators::Call::remove_validator { who: account.id.clone() });
    sudo(&chain, remove, &args.sudo, args.timeout).await?;
    drop(spinner);
    out.emit(
        json!({ "removed": account.label(), "address": account.address(), "until": "the session after next" }),
        || format!("{} stops validating at the session after next", account.label()),
    );
    Ok(())
}
