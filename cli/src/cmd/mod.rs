//! One module per command; each takes its parsed arguments and the global
//! flags, and prints through [`crate::output::Output`].

pub mod account;
pub mod arbitrate;
pub mod blob;
pub mod completions;
pub mod demo;
pub mod devnet;
pub mod funds;
pub mod key;
pub mod sim;
pub mod solve;
pub mod stake;
pub mod submit;
pub mod task;
pub mod train;
pub mod transfer;
pub mod verify;
pub mod whistle;

use crate::{args::GlobalArgs, chain::Chain, error::CliError, state};
use std::path::PathBuf;

/// The default RPC endpoint when no devnet state says otherwise.
pub const DEFAULT_RPC: &str = "ws://127.0.0.1:9944";

/// The devnet base path: `--base-path`/`GENSYN_BASE_PATH`, else the XDG default.
pub fn base_path(global: &GlobalArgs) -> PathBuf {
    let path = global.base_path.clone().unwrap_or_else(state::default_base_path);
    // The node records the canonical path; match it however the user spelled it.
    path.canonicalize().unwrap_or(path)
}

/// The endpoint to talk to: `--rpc`/`GENSYN_RPC`, else the running devnet's,
/// else [`DEFAULT_RPC`].
pub fn endpoint(global: &GlobalArgs) -> String {
    if let Some(url) = &global.rpc {
        return url.clone();
    }
    state::load(&base_path(global)).map(|s| s.rpc_url).unwrap_or_else(|| DEFAULT_RPC.to_string())
}

/// Connects to the endpoint.
pub async fn connect(global: &GlobalArgs) -> Result<Chain, CliError> {
    Chain::connect(&endpoint(global)).await
}
