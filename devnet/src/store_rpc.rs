//! The artefact store over RPC, backed by the availability layer
//! ([`crate::availability::Holder`]):
//!
//! - `gensyn_storePut(kind, bytes, payment)`: the bytes must recompute
//!   their commitment (returned); kept whole, erasure-coded, shards handed
//!   to the other holders, registered on chain, the deposit held from the
//!   payer that signed `payment` (a SCALE `pallet_availability::Payment`
//!   for the bytes' encoding, see `gensyn_cli`'s `store_put`); error 4000
//!   if the bytes or the payer are refused, 4002 if the payment cannot pay
//!   for this encoding now (stale, or signed for another holder set: sign
//!   again);
//! - `gensyn_storeGet(id)`: the artefact, whole or rebuilt from `k` shards
//!   (`null` if not found; error 4004 naming the block if it expired);
//! - `gensyn_storeHas(id)`: whether this node holds it whole or a shard;
//! - between nodes and for readers: `gensyn_storeHolder()` (the validator
//!   this node holds shards for), `gensyn_shardPut(shard)`,
//!   `gensyn_shardGet(id, encoding)` (the shards held of one encoding of
//!   `id`, named by `ErasureCommitment::id`) and
//!   `gensyn_storeGetLocal(id)` (a whole copy, for a node that is no holder);
//! - `gensyn_storePeers()`: the other validators' nodes this node hands
//!   shards to, so a reader can fetch shards from each of them itself.

use crate::availability::{HeldShard, Holder, StoreFailure};
use codec::{Decode, Encode};
use gensyn_runtime::{opaque::Block, pallet_availability as pa, AccountId, Runtime};
use gensyn_store::{ArtefactStore, Kind};
use jsonrpsee::{types::ErrorObjectOwned, RpcModule};
use polkadot_sdk::{
    sc_client_api::StorageProvider,
    sc_service::TFullBackend,
    sc_transaction_pool_api::TransactionPool,
    sp_blockchain::HeaderBackend,
    sp_core::{Bytes, H256},
};
use std::sync::Arc;

pub use gensyn_store::MAX_ARTEFACT;
/// Most bytes the store holds whole.
pub const MAX_TOTAL: u64 = 2 << 30;

fn err(code: i32, msg: impl Into<String>) -> ErrorObjectOwned {
    ErrorObjectOwned::owned(code, msg.into(), None::<()>)
}

/// A failure as the RPC reports it: 4000 the caller's bytes, 4004 expired,
/// 5000 the node's.
fn failure(id: Option<&[u8; 32]>, f: StoreFailure) -> ErrorObjectOwned {
    match f {
        StoreFailure::Refused(e) => err(4000, e),
        StoreFailure::Unpaid(e) => err(crate::availability::UNPAID, e),
        StoreFailure::Expired(at) => err(
            4004,
            format!(
                "artefact {:?} expired at block {at}: the chain pruned it and its holders dropped it",
                H256(id.copied().unwrap_or_default())
            ),
        ),
        StoreFailure::Node(e) => err(5000, format!("the store: {e}")),
    }
}

/// The store's RPC methods.
pub fn module<C, P>(
    holder: Arc<Holder<C, P>>,
) -> Result<RpcModule<Arc<Holder<C, P>>>, Box<dyn std::error::Error + Send + Sync>>
where
    C: HeaderBackend<Block> + StorageProvider<Block, TFullBackend<Block>> + Send + Sync + 'static,
    P: TransactionPool<Block = Block> + 'static,
{
    let mut m = RpcModule::new(holder);
    m.register_async_method("gensyn_storePut", |params, ctx, _| async move {
        let (kind, data, payment): (String, Bytes, Bytes) = params.parse()?;
        let kind = Kind::parse(&kind).ok_or_else(|| err(-32602, format!("unknown artefact kind '{kind}'")))?;
        let payment = pa::PaymentOf::<Runtime>::decode(&mut &payment.0[..])
            .map_err(|e| err(-32602, format!("not a storage payment: {e}")))?;
        let id = ctx.put(kind, data.0, payment).await.map_err(|f| failure(None, f))?;
        Ok::<H256, ErrorObjectOwned>(H256(id))
    })?;
    m.register_async_method("gensyn_storeGet", |params, ctx, _| async move {
        let (id,): (H256,) = params.parse()?;
        ctx.get(&id.0).await.map(|b| b.map(Bytes)).map_err(|f| failure(Some(&id.0), f))
    })?;
    // What a peer asks that lacks shards: this node's own whole copy,
    // never rebuilt or fetched further (two nodes naming each other do not loop).
    m.register_method("gensyn_storeGetLocal", |params, ctx, _| -> Result<Option<Bytes>, ErrorObjectOwned> {
        let (id,): (H256,) = params.parse()?;
        ctx.whole.get(&id.0).map(|b| b.map(Bytes)).map_err(|e| err(4001, e.to_string()))
    })?;
    m.register_method("gensyn_storeHas", |params, ctx, _| -> Result<bool, ErrorObjectOwned> {
        let (id,): (H256,) = params.parse()?;
        Ok(ctx.whole.is_available(&id.0) || !ctx.shards.of(&id.0).is_empty())
    })?;
    m.register_method("gensyn_storeHolder", |_, ctx, _| -> Result<Option<AccountId>, ErrorObjectOwned> {
        Ok(ctx.holder())
    })?;
    m.register_async_method("gensyn_shardPut", |params, ctx, _| async move {
        let (bytes,): (Bytes,) = params.parse()?;
        let shard = HeldShard::decode(&mut &bytes.0[..]).map_err(|e| err(4000, format!("not a shard: {e}")))?;
        ctx.take_shard(shard).await.map_err(|f| failure(None, f))?;
        Ok::<bool, ErrorObjectOwned>(true)
    })?;
    m.register_method("gensyn_storePeers", |_, ctx, _| -> Result<Vec<String>, ErrorObjectOwned> {
        Ok(ctx.peer_urls())
    })?;
    // One encoding's shards only: a reader never pages through what
    // others registered under the same name.
    m.register_method("gensyn_shardGet", |params, ctx, _| -> Result<Vec<Bytes>, ErrorObjectOwned> {
        let (id, encoding): (H256, H256) = params.parse()?;
        Ok(ctx.shards.of_encoding(&(id.0, encoding.0)).into_iter().map(|s| Bytes(s.encode())).collect())
    })?;
    Ok(m)
}
