//! The node's RPC extensions: `system_accountNextIndex`, manual seal and
//! the artefact store (`crate::store_rpc`, over the availability layer).

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
    /// The node's side of the availability layer.
    pub holder: Arc<crate::availability::Holder<C, P>>,
}

/// Builds the RPC module merged into the node's standard one.
pub fn create_full<C, P>(deps: FullDeps<C, P>) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
    C: ProvideRuntimeApi<Block>
        + HeaderBackend<Block>
        + HeaderMetadata<Block, Error = BlockChainError>
        + polkadot_sdk::sc_client_api::StorageProvider<Block, polkadot_sdk::sc_service::TFullBackend<Block>>
        + Send
        + Sync
        + 'static,
    C::Api: polkadot_sdk::frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> + BlockBuilder<Block>,
    P: TransactionPool<Block = Block> + 'static,
{
    let FullDeps { client, pool, seal, holder } = deps;
    let mut module = RpcModule::new(());
    module.merge(crate::store_rpc::module(holder)?)?;
    module.merge(SystemApiServer::<Hash, AccountId, Nonce>::into_rpc(System::<P, C, Block>::new(client, pool)))?;
    if let Some(seal) = seal {
        module.merge(ManualSeal::new(seal).into_rpc())?;
    }
    Ok(module)
}
