//! The gensyn devnet node: a lean Substrate node built from sc-cli and
//! sc-service around `gensyn-runtime`.
//!
//! Blocks are sealed by `sc-consensus-manual-seal`:
//! - by default *instantly*, one block per imported transaction;
//! - with `--block-time MS`, also on a fixed timer;
//! - and on demand through the `engine_createBlock` RPC (`gensyn devnet mine`).
//!
//! Every sealed block is finalized at once, so clients that wait for
//! finality never hang. The database is ParityDB under `--base-path`, so
//! state survives a restart.
//!
//! The node is linked into the `gensyn` binary and started by
//! `gensyn devnet up` as `gensyn devnet node …`: one artifact, and the CLI's
//! runtime types always match the node's runtime.

pub mod chain_spec;
pub mod cli;
mod rpc;
mod service;
mod store_rpc;

pub use cli::NodeCli;

use polkadot_sdk::{sc_cli::SubstrateCli, sc_network};

/// Parses node arguments (as `gensyn devnet node` received them, without
/// the program name) and runs the node until SIGINT/SIGTERM.
pub fn run<I, T>(args: I) -> polkadot_sdk::sc_cli::Result<()>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let argv = std::iter::once(std::ffi::OsString::from("gensyn-node")).chain(args.into_iter().map(Into::into));
    let cli = NodeCli::from_iter(argv);
    let block_time = cli.block_time;
    let runner = cli.create_runner(&cli.run)?;
    runner.run_node_until_exit(|config| async move {
        match config.network.network_backend {
            sc_network::config::NetworkBackendType::Libp2p => {
                service::new_full::<sc_network::NetworkWorker<_, _>>(config, block_time)
            }
            sc_network::config::NetworkBackendType::Litep2p => {
                service::new_full::<sc_network::Litep2pNetworkBackend>(config, block_time)
            }
        }
        .map_err(polkadot_sdk::sc_cli::Error::Service)
    })
}
