//! The gensyn devnet node: a lean Substrate node built from sc-cli and
//! sc-service around `gensyn-runtime`, in one of two modes chosen by the
//! chain's genesis:
//!
//! - **Instant seal** (`--chain dev`): blocks are sealed by
//!   `sc-consensus-manual-seal` — by default *instantly*, one block per
//!   imported transaction, and on demand through the `engine_createBlock`
//!   RPC (`gensyn devnet mine`); with `--block-time MS`, only on a fixed
//!   timer. Every sealed block is finalized at once.
//! - **Proof of stake** (`--chain local`, `local-N`, or an exported spec):
//!   BABE authors a block per slot, GRANDPA finalizes; `--validator` with a
//!   dev key (`--alice` …) or keys inserted in the keystore makes the node
//!   an authority.
//!
//! The database is ParityDB under `--base-path`, so state survives a
//! restart.
//!
//! The node is linked into the `gensyn` binary and started by
//! `gensyn devnet up` as `gensyn devnet node …`: one artifact, and the CLI's
//! runtime types always match the node's runtime.

pub mod availability;
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
    let store_peers = cli.store_peers.clone();
    let runner = cli.create_runner(&cli.run)?;
    runner.run_node_until_exit(|config| async move {
        match config.network.network_backend {
            sc_network::config::NetworkBackendType::Libp2p => {
                service::new_full::<sc_network::NetworkWorker<_, _>>(config, block_time, store_peers)
            }
            sc_network::config::NetworkBackendType::Litep2p => {
                service::new_full::<sc_network::Litep2pNetworkBackend>(config, block_time, store_peers)
            }
        }
        .map_err(polkadot_sdk::sc_cli::Error::Service)
    })
}

/// The node's cache folder `name` (compiled runtimes, raw chain specs):
/// under `$GENSYN_CACHE`, else `$XDG_CACHE_HOME/gensyn`, else
/// `~/.cache/gensyn`; `None` (no cache) if it cannot be made. What is in it
/// is keyed by content, so every devnet on the machine shares it.
pub(crate) fn cache_dir(name: &str) -> Option<std::path::PathBuf> {
    use std::path::PathBuf;
    let root = std::env::var_os("GENSYN_CACHE").map(PathBuf::from).filter(|p| p.is_absolute()).or_else(|| {
        let cache = std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
        Some(cache.join("gensyn"))
    })?;
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).ok().map(|()| dir)
}

/// The PoS devnet's fixed libp2p identity of the validator `name`: its
/// node key (hex, for `--node-key`) and peer id (for `--bootnodes`).
///
/// Derived from the name, so a validator keeps its address across restarts
/// and every other validator can name it as a bootnode before it starts.
/// Public, as the dev accounts' keys are: a devnet identity, never a real
/// network's.
pub fn dev_node_identity(name: &str) -> (String, String) {
    use polkadot_sdk::sp_io::hashing::blake2_256;
    let secret = blake2_256(&[b"gensyn-devnet/node-key/".as_slice(), name.as_bytes()].concat());
    let key =
        sc_network::config::ed25519::SecretKey::try_from_bytes(secret).expect("any 32 bytes are an ed25519 secret");
    let keypair = sc_network::config::ed25519::Keypair::from(key);
    let peer_id = keypair.public().to_peer_id().to_base58();
    (hex_encode(&secret), peer_id)
}

fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
