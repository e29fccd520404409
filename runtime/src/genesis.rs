//! Genesis presets. Both fund the well-known dev accounts (alice … ferdie)
//! and make alice sudo:
//! - `development`, the instant-seal devnet (`gensyn devnet up`): no slots;
//!   alice holds the session keys the session pallet needs at genesis, and
//!   no node ever authors with them;
//! - `local_testnet`, the proof-of-stake devnet with the first
//!   [`LOCAL_VALIDATORS`] dev accounts as BABE and GRANDPA authorities;
//!   [`proof_of_stake`] makes it with any number of them.

use crate::{
    consensus, AccountId, AvailabilityConfig, BabeConfig, BalancesConfig, GensynConfig, RuntimeGenesisConfig,
    SessionConfig, SessionKeys, SudoConfig, ValidatorsConfig, UNIT,
};
use alloc::{vec, vec::Vec};
use polkadot_sdk::{
    sp_genesis_builder::{self, PresetId},
    sp_keyring::{Ed25519Keyring, Sr25519Keyring},
};
use serde_json::Value;

/// Validators of the `local_testnet` preset: four, so GRANDPA survives one
/// fault (it needs more than two thirds of the votes).
pub const LOCAL_VALIDATORS: usize = 4;

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

/// The dev keyrings of the accounts of [`dev_accounts`], in its order.
fn dev_keyrings() -> [(Sr25519Keyring, Ed25519Keyring); 6] {
    [
        (Sr25519Keyring::Alice, Ed25519Keyring::Alice),
        (Sr25519Keyring::Bob, Ed25519Keyring::Bob),
        (Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
        (Sr25519Keyring::Dave, Ed25519Keyring::Dave),
        (Sr25519Keyring::Eve, Ed25519Keyring::Eve),
        (Sr25519Keyring::Ferdie, Ed25519Keyring::Ferdie),
    ]
}

/// The most validators a preset can have: one per dev account.
pub const MAX_DEV_VALIDATORS: usize = 6;

fn development() -> Value {
    // The session pallet needs a genesis set; alice's dev keys, never used.
    let (sr, ed) = dev_keyrings()[0];
    genesis(vec![(sr.to_account_id(), dev_session_keys(sr, ed))], 0)
}

/// The proof-of-stake genesis with the first `validators` dev accounts
/// (1 to [`MAX_DEV_VALIDATORS`]) as authorities, each with its dev
/// keyring's BABE (sr25519) and GRANDPA (ed25519) keys, as `--alice` …
/// `--ferdie` put them in a node's keystore. Those keys are public, so
/// anyone can compute this chain's VRF outputs: a testnet for scripts, not
/// for the protocol's draws. `gensyn devnet up --validators N` uses
/// [`proof_of_stake_with`] and fresh keys instead.
pub fn proof_of_stake(validators: usize) -> Value {
    assert!((1..=MAX_DEV_VALIDATORS).contains(&validators), "1 to {MAX_DEV_VALIDATORS} validators");
    let authorities = dev_keyrings()
        .into_iter()
        .take(validators)
        .map(|(sr, ed)| (sr.to_account_id(), dev_session_keys(sr, ed)))
        .collect();
    proof_of_stake_with(authorities)
}

/// A dev keyring's session keys: its sr25519 key for BABE and the store,
/// its ed25519 key for GRANDPA.
fn dev_session_keys(sr: Sr25519Keyring, ed: Ed25519Keyring) -> SessionKeys {
    SessionKeys { babe: sr.public().into(), grandpa: ed.public().into(), store: sr.public().into() }
}

/// The proof-of-stake genesis with these validators (account, session
/// keys); accounts, sudo and the protocol as on the dev chain.
pub fn proof_of_stake_with(authorities: Vec<(AccountId, SessionKeys)>) -> Value {
    assert!(!authorities.is_empty(), "a proof-of-stake chain needs a validator");
    genesis(authorities, consensus::SLOT_DURATION_MS)
}

fn genesis(authorities: Vec<(AccountId, SessionKeys)>, slot_duration: u64) -> Value {
    let store = AccountId::from(crate::protocol::STORE_ACCOUNT);
    let config = RuntimeGenesisConfig {
        balances: BalancesConfig {
            balances: dev_accounts()
                .into_iter()
                .map(|(_, a)| (a, DEV_ENDOWMENT))
                // The instant-seal store bonds as the one holder.
                .chain([(store.clone(), DEV_ENDOWMENT)])
                .collect(),
            ..Default::default()
        },
        sudo: SudoConfig { key: Some(Sr25519Keyring::Alice.to_account_id()) },
        gensyn: GensynConfig { jackpot: crate::protocol::JACKPOT_GENESIS, ..Default::default() },
        babe: BabeConfig { epoch_config: consensus::BABE_GENESIS_EPOCH_CONFIG, ..Default::default() },
        validators: ValidatorsConfig {
            validators: authorities.iter().map(|(a, _)| a.clone()).collect(),
            slot_duration,
        },
        // The shards' holders: the validators (their store keys come with
        // their session keys) or, on instant seal, the node's store.
        availability: AvailabilityConfig {
            keys: if slot_duration == 0 {
                vec![(store.clone(), polkadot_sdk::sp_core::sr25519::Public::from_raw(crate::protocol::STORE_ACCOUNT).into())]
            } else {
                vec![]
            },
            bonded: if slot_duration == 0 { vec![store] } else { authorities.iter().map(|(a, _)| a.clone()).collect() },
        },
        session: SessionConfig {
            keys: authorities.into_iter().map(|(a, keys)| (a.clone(), a, keys)).collect(),
            ..Default::default()
        },
        ..Default::default()
    };
    serde_json::to_value(config).expect("genesis config serializes")
}

/// The JSON of preset `id`, if it exists.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
    let patch = match id.as_ref() {
        sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
        sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => proof_of_stake(LOCAL_VALIDATORS),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Runtime, RuntimeGenesisConfig};
    use polkadot_sdk::{pallet_babe, pallet_grandpa, sp_io::TestExternalities, sp_runtime::BuildStorage};

    fn state(preset: Value) -> TestExternalities {
        let config: RuntimeGenesisConfig = serde_json::from_value(preset).expect("a full genesis config");
        TestExternalities::new(config.build_storage().expect("genesis builds"))
    }

    #[test]
    fn the_proof_of_stake_preset_makes_every_validator_a_babe_and_grandpa_authority() {
        for n in [1, 4, MAX_DEV_VALIDATORS] {
            state(proof_of_stake(n)).execute_with(|| {
                assert_eq!(pallet_babe::Authorities::<Runtime>::get().len(), n);
                assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), n);
                assert_eq!(pallet_validators::Validators::<Runtime>::get().len(), n);
                assert_eq!(pallet_validators::SlotDuration::<Runtime>::get(), consensus::SLOT_DURATION_MS);
            });
        }
    }

    #[test]
    fn every_preset_bonds_its_shard_holders_with_their_store_keys() {
        use pallet_availability::HolderSet;
        for preset in [development(), proof_of_stake(4)] {
            state(preset).execute_with(|| {
                let holders = crate::StoreHolders::holders();
                assert!(!holders.is_empty());
                for h in holders {
                    assert!(pallet_availability::StoreKeys::<Runtime>::contains_key(&h), "{h} has a store key");
                    assert_eq!(pallet_availability::Bonds::<Runtime>::get(&h), crate::protocol::HOLDER_BOND);
                }
            });
        }
    }

    #[test]
    fn the_development_preset_has_no_slots() {
        state(development()).execute_with(|| {
            assert!(!pallet_validators::Pallet::<Runtime>::has_slots());
            // The session pallet needs a genesis set; alice's keys are never used.
            assert_eq!(pallet_babe::Authorities::<Runtime>::get().len(), 1);
        });
    }

    #[test]
    #[should_panic(expected = "1 to 6 validators")]
    fn a_proof_of_stake_genesis_has_at_most_one_validator_per_dev_account() {
        proof_of_stake(MAX_DEV_VALIDATORS + 1);
    }
}
