//! The node's own command line (what `gensyn devnet up` passes to it).

use polkadot_sdk::{sc_cli, sc_service};

/// Arguments of the devnet node process.
#[derive(Debug, clap::Parser)]
#[command(name = "gensyn-node", about = "The gensyn devnet node")]
pub struct NodeCli {
    /// Standard Substrate node options (base path, RPC port, logging, …).
    #[command(flatten)]
    pub run: sc_cli::RunCmd,

    /// Seal a block every MS milliseconds (instant-seal chains only). Without
    /// it the node seals instantly: one block per transaction.
    #[arg(long, value_name = "MS", value_parser = clap::value_parser!(u64).range(1..))]
    pub block_time: Option<u64>,

    /// A file of other nodes' RPC URLs (one per line; `#` starts a comment),
    /// whose stores this node's store asks for an artefact it lacks. It is
    /// read again at each miss, so it may change while the node runs.
    #[arg(long, value_name = "FILE")]
    pub store_peers: Option<std::path::PathBuf>,
}

impl sc_cli::SubstrateCli for NodeCli {
    fn impl_name() -> String {
        "gensyn devnet node".into()
    }
    fn impl_version() -> String {
        env!("CARGO_PKG_VERSION").into()
    }
    fn description() -> String {
        env!("CARGO_PKG_DESCRIPTION").into()
    }
    fn author() -> String {
        "gensyn developers".into()
    }
    fn support_url() -> String {
        "https://github.com/gensyn/gensyn/issues".into()
    }
    fn copyright_start_year() -> i32 {
        2026
    }
    fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
        Ok(match id {
            "" | "dev" => Box::new(crate::chain_spec::development_cached()?),
            "local" => Box::new(crate::chain_spec::local(gensyn_runtime::genesis::LOCAL_VALIDATORS)?),
            id if id.starts_with("local-") => {
                let n = id["local-".len()..].parse().map_err(|_| format!("`{id}`: expected local-N, N a number"))?;
                Box::new(crate::chain_spec::local(n)?)
            }
            path => Box::new(crate::chain_spec::ChainSpec::from_json_file(path.into())?),
        })
    }
}
