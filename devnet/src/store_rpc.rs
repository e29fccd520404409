//! The artefact store over RPC: `gensyn_storePut(kind, bytes)` verifies the
//! bytes against the commitment they recompute and keeps them under it;
//! `gensyn_storeGet(id)` and `gensyn_storeHas(id)` read it back. The store
//! is a [`gensyn_store::DiskStore`] under the node's base path.

use gensyn_store::{ArtefactStore, DiskStore, Kind};
use jsonrpsee::{types::ErrorObjectOwned, RpcModule};
use polkadot_sdk::sp_core::{Bytes, H256};
use std::sync::Arc;

pub use gensyn_store::MAX_ARTEFACT;
/// Most bytes the store holds.
pub const MAX_TOTAL: u64 = 2 << 30;

fn err(code: i32, msg: impl Into<String>) -> ErrorObjectOwned {
    ErrorObjectOwned::owned(code, msg.into(), None::<()>)
}

/// The store's RPC methods.
pub fn module(store: Arc<DiskStore>) -> Result<RpcModule<Arc<DiskStore>>, Box<dyn std::error::Error + Send + Sync>> {
    let mut m = RpcModule::new(store);
    m.register_method("gensyn_storePut", |params, store, _| -> Result<H256, ErrorObjectOwned> {
        let (kind, data): (String, Bytes) = params.parse()?;
        let kind = Kind::parse(&kind).ok_or_else(|| err(-32602, format!("unknown artefact kind '{kind}'")))?;
        store.put(kind, &data.0).map(H256).map_err(|e| err(4000, e.to_string()))
    })?;
    m.register_method("gensyn_storeGet", |params, store, _| -> Result<Option<Bytes>, ErrorObjectOwned> {
        let (id,): (H256,) = params.parse()?;
        store.get(&id.0).map(|b| b.map(Bytes)).map_err(|e| err(4001, e.to_string()))
    })?;
    m.register_method("gensyn_storeHas", |params, store, _| -> Result<bool, ErrorObjectOwned> {
        let (id,): (H256,) = params.parse()?;
        Ok(store.is_available(&id.0))
    })?;
    Ok(m)
}
