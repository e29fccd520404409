//! The node's RPC extensions: `system_accountNextIndex`, manual seal and
//! the artefact store (`crate::store_rpc`).

use gensyn_runtime::{opaque::Block, AccountId, Hash, Nonce};
use jsonrpsee::RpcModule;
use polkadot_sdk::{
    sc_consensus_manual_seal::{
        rpc::{ManualSeal, ManualSealApiServer},
        EngineCommand,
    },
    sc_transaction_pool_api::TransactionPool,
    sp_api::ProvideRuntimeApi,
    sp_block_builder::BlockBuilder,
    sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata},
    substrate_frame_rpc_system::{System, SystemApiServer},
};
use std::sync::Arc;

/// Everything the RPC extensions need.
pub struct FullDeps<C, P> {
    pub client: Arc<C>,
    pub pool: Arc<P>,
    /// Manual seal's command sink; `None` on a timer, where no client seals.
    pub seal: Option<futures::channel::mpsc::Sender<EngineCommand<Hash>>>,
    pub store: Arc<gensyn_store::DiskStore>,
    /// The file naming other nodes' stores (`--store-peers`).
    pub store_peers: Option<std::path::PathBuf>,
}

/// Builds the RPC module merged into the node's standard one.
pub fn create_full<C, P>(deps: FullDeps<C, P>) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
    C: ProvideRuntimeApi<Block>
        + HeaderBackend<Block>
        + HeaderMetadata<Block, Error = BlockChainError>
        + Send
        + Sync
        + 'static,
    C::Api: polkadot_sdk::frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> + BlockBuilder<Block>,
    P: TransactionPool<Block = Block> + 'static,
{
    let FullDeps { client, pool, seal, store, store_peers } = deps;
    let mut module = RpcModule::new(());
    module.merge(crate::store_rpc::module(store, store_peers, client.clone(), pool.clone())?)?;
    module.merge(SystemApiServer::<Hash, AccountId, Nonce>::into_rpc(System::<P, C, Block>::new(client, pool)))?;
    if let Some(seal) = seal {
        module.merge(ManualSeal::new(seal).into_rpc())?;
    }
    Ok(module)
}
