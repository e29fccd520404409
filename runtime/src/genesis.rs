//! Genesis presets. `development` funds the well-known dev accounts
//! (alice … ferdie) and makes alice sudo; it is what `gensyn devnet up` runs.

use crate::{AccountId, BalancesConfig, GensynConfig, RuntimeGenesisConfig, SudoConfig, UNIT};
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
    sp_genesis_builder::{self, PresetId},
    sp_keyring::Sr25519Keyring,
};
use serde_json::Value;

/// What each dev account starts with: 1,000,000 tokens.
pub const DEV_ENDOWMENT: u128 = 1_000_000 * UNIT;

/// The dev accounts, in the order users know them.
pub fn dev_accounts() -> Vec<(&'static str, AccountId)> {
    use Sr25519Keyring::*;
    [("alice", Alice), ("bob", Bob), ("charlie", Charlie), ("dave", Dave), ("eve", Eve), ("ferdie", Ferdie)]
        .into_iter()
        .map(|(name, key)| (name, key.to_account_id()))
        .collect()
}

fn development() -> Value {
    let config = RuntimeGenesisConfig {
        balances: BalancesConfig {
            balances: dev_accounts()
                .into_iter()
                .map(|(_, a)| (a, DEV_ENDOWMENT))
                // The artefact store pays its attestations' fees.
                .chain([(AccountId::from(crate::protocol::STORE_ACCOUNT), DEV_ENDOWMENT)])
                .collect(),
            ..Default::default()
        },
        sudo: SudoConfig { key: Some(Sr25519Keyring::Alice.to_account_id()) },
        gensyn: GensynConfig { jackpot: crate::protocol::JACKPOT_GENESIS, ..Default::default() },
        ..Default::default()
    };
    serde_json::to_value(config).expect("genesis config serializes")
}

/// The JSON of preset `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
    let patch = match id.as_ref() {
        sp_genesis_builder::DEV_RUNTIME_PRESET | sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => development(),
        _ => return None,
    };
    Some(serde_json::to_string(&patch).expect("preset serializes").into_bytes())
}

/// The presets this runtime offers.
pub fn preset_names() -> Vec<PresetId> {
    vec![
        PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
        PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
    ]
}
