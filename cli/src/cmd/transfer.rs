//! `gensyn transfer`: sends tokens, keeping the sender's account alive.

use crate::{accounts, amount::parse_tokens, args::TransferArgs, error::CliError, output::Output};
use gensyn_runtime::{Runtime, RuntimeCall};
use polkadot_sdk::{pallet_balances, sp_runtime::MultiAddress};
use serde_json::json;

/// `gensyn transfer --to … --amount … --as …`
pub async fn run(args: TransferArgs, global: &crate::args::GlobalArgs, out: &Output) -> Result<(), CliError> {
    let value = parse_tokens(&args.amount).map_err(CliError::Usage)?;
    if value == 0 {
        return Err(CliError::Usage("bad amount '0': a transfer moves at least one planck".into()));
    }
    let to = accounts::resolve(&args.to)?;
    // keep_alive: a typo in the amount must not reap the sender's account.
    let call = RuntimeCall::Balances(pallet_balances::Call::<Runtime>::transfer_keep_alive {
        dest: MultiAddress::Id(to.id.clone()),
        value,
    });
    let args_json = json!({ "to": { "name": to.name, "address": to.address() }, "amount": value.to_string() });
    super::stake::send("transfer", call, args_json, &args.tx, global, out).await
}
