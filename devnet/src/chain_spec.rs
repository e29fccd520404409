//! The devnet chain specs: the runtime's genesis presets.

use polkadot_sdk::{sc_chain_spec::ChainType, sc_service, sp_genesis_builder};
use serde_json::json;

/// The chain spec type of this node (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

fn properties() -> serde_json::Map<String, serde_json::Value> {
    json!({
        "tokenSymbol": gensyn_runtime::TOKEN_SYMBOL,
        "tokenDecimals": gensyn_runtime::TOKEN_DECIMALS,
        "ss58Format": 42,
    })
    .as_object()
    .expect("a map")
    .clone()
}

fn wasm() -> Result<&'static [u8], String> {
    gensyn_runtime::WASM_BINARY.ok_or_else(|| "the runtime's wasm binary was not built".into())
}

/// The instant-seal dev chain (`--chain dev`): alice … ferdie funded,
/// alice sudo.
pub fn development() -> Result<ChainSpec, String> {
    Ok(ChainSpec::builder(wasm()?, None)
        .with_name("gensyn devnet")
        .with_id("gensyn_dev")
        .with_chain_type(ChainType::Development)
        .with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
        .with_properties(properties())
        .build())
}

/// [`development`] as a raw spec, from a cache keyed by the runtime's code.
///
/// A spec built from a genesis preset runs the runtime's genesis builder at
/// every start, in an executor of its own that compiles the runtime again:
/// about 1.5 s of a 4.5 s start-up. The raw spec (genesis storage) needs no
/// builder, and is the same for every devnet of this binary, so it is made
/// once into `$XDG_CACHE_HOME/gensyn/specs/` (or `~/.cache/…`) and read from
/// there; without a cache directory the spec is built each time.
pub fn development_cached() -> Result<ChainSpec, String> {
    let code_hash = polkadot_sdk::sp_core::hexdisplay::HexDisplay::from(
        &polkadot_sdk::sp_io::hashing::blake2_256(wasm()?),
    )
    .to_string();
    let Some(dir) = crate::cache_dir("specs") else {
        return development();
    };
    let path = dir.join(format!("dev-{code_hash}.json"));
    if let Ok(spec) = ChainSpec::from_json_file(path.clone()) {
        return Ok(spec);
    }
    let json = polkadot_sdk::sc_service::ChainSpec::as_json(&development()?, true)?;
    // Atomically: parallel starts (tests) may race to write it.
    let tmp = dir.join(format!("dev-{code_hash}.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, &json).and_then(|()| std::fs::rename(&tmp, &path)).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    ChainSpec::from_json_bytes(json.into_bytes())
}

/// The proof-of-stake chain (`--chain local` for four validators,
/// `--chain local-N` for N): the first N dev accounts are BABE and GRANDPA
/// authorities; accounts and sudo as on the dev chain.
pub fn local(validators: usize) -> Result<ChainSpec, String> {
    let max = gensyn_runtime::genesis::MAX_DEV_VALIDATORS;
    if !(1..=max).contains(&validators) {
        return Err(format!("a local chain has 1 to {max} validators (one per dev account), not {validators}"));
    }
    Ok(ChainSpec::builder(wasm()?, None)
        .with_name(&format!("gensyn PoS devnet ({validators} validators)"))
        .with_id(&format!("gensyn_local_{validators}"))
        .with_chain_type(ChainType::Local)
        .with_genesis_config_patch(gensyn_runtime::genesis::proof_of_stake(validators))
        .with_properties(properties())
        .build())
}

/// The raw JSON chain spec (genesis storage: what a joining node should use,
/// independent of the runtime's genesis builder) of a proof-of-stake
/// network with these validators (account, session keys), named `id`.
pub fn pos_json(
    id: &str,
    authorities: Vec<(gensyn_runtime::AccountId, gensyn_runtime::SessionKeys)>,
) -> Result<String, String> {
    let n = authorities.len();
    let spec = ChainSpec::builder(wasm()?, None)
        .with_name(&format!("gensyn PoS devnet ({n} validators)"))
        .with_id(id)
        .with_chain_type(ChainType::Local)
        .with_genesis_config_patch(gensyn_runtime::genesis::proof_of_stake_with(authorities))
        .with_properties(properties())
        .build();
    polkadot_sdk::sc_service::ChainSpec::as_json(&spec, true)
}
