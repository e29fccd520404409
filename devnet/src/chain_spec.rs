//! The devnet chain spec: the runtime's `development` genesis preset.

use polkadot_sdk::{sc_chain_spec::ChainType, sc_service, sp_genesis_builder};
use serde_json::json;

/// The chain spec type of this node (no extensions).
pub type ChainSpec = sc_service::GenericChainSpec;

/// The dev chain: alice … ferdie funded, alice sudo.
pub fn development() -> Result<ChainSpec, String> {
    let wasm = gensyn_runtime::WASM_BINARY.ok_or("the runtime's wasm binary was not built")?;
    Ok(ChainSpec::builder(wasm, None)
        .with_name("gensyn devnet")
        .with_id("gensyn_dev")
        .with_chain_type(ChainType::Development)
        .with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
        .with_properties(
            json!({
                "tokenSymbol": gensyn_runtime::TOKEN_SYMBOL,
                "tokenDecimals": gensyn_runtime::TOKEN_DECIMALS,
                "ss58Format": 42,
            })
            .as_object()
            .expect("a map")
            .clone(),
        )
        .build())
}
