//! The artefact store over RPC: `gensyn_storePut(kind, bytes)` verifies the
//! bytes against the commitment they recompute, keeps them under it and
//! attests on chain that the store holds it (`attest_available`, signed by
//! the store's own account, `//GensynStore`); `gensyn_storeGet(id)` and
//! `gensyn_storeHas(id)` read it back. The store is a
//! [`gensyn_store::DiskStore`] under the node's base path.
//!
//! Replicated for now (the availability issue erasure-codes it): a get this
//! store misses asks the stores of the nodes in `--store-peers`
//! (`gensyn_storeGetLocal`, which never asks further, so two nodes naming
//! each other do not loop), keeps the first answer that recomputes the id,
//! and serves it. A peer's bytes are checked, never trusted; nothing is
//! attested again (the chain already counts the artefact available).

use codec::{Decode, Encode};
use futures::stream::{FuturesUnordered, StreamExt};
use gensyn_runtime::{opaque::Block, AccountId, Nonce, RuntimeCall, SignedPayload, UncheckedExtrinsic};
use gensyn_store::{ArtefactStore, DiskStore, Kind};
use jsonrpsee::{
    core::{client::ClientT, params::ArrayParams},
    ws_client::WsClientBuilder,
};
use jsonrpsee::{types::ErrorObjectOwned, RpcModule};
use polkadot_sdk::{
    frame_support::BoundedVec,
    frame_system_rpc_runtime_api::AccountNonceApi,
    sc_transaction_pool_api::{
        error::{Error as PoolError, IntoPoolError},
        InPoolTransaction, TransactionPool, TransactionSource,
    },
    sp_api::ProvideRuntimeApi,
    sp_blockchain::HeaderBackend,
    sp_core::{sr25519, Bytes, Pair, H256},
    sp_runtime::{MultiAddress, MultiSignature},
};
use std::{
    path::{Path, PathBuf},
    sync::Arc,
    time::Duration,
};

pub use gensyn_store::MAX_ARTEFACT;
/// Most bytes the store holds.
pub const MAX_TOTAL: u64 = 2 << 30;
/// The secret URI of the store's account (a devnet key, public like alice's).
pub const STORE_SURI: &str = "//GensynStore";

fn err(code: i32, msg: impl Into<String>) -> ErrorObjectOwned {
    ErrorObjectOwned::owned(code, msg.into(), None::<()>)
}

/// What the store's methods need: the store, and the client and pool to
/// sign and send its attestations.
pub struct StoreRpc<C, P> {
    store: Arc<DiskStore>,
    /// The file of peer stores' RPC URLs, if any.
    peers: Option<PathBuf>,
    client: Arc<C>,
    pool: Arc<P>,
    key: sr25519::Pair,
    /// Held from picking a nonce to the pool's answer: attestations can be
    /// sent faster than blocks, and two must never pick the same nonce.
    sending: tokio::sync::Mutex<()>,
}

impl<C, P> StoreRpc<C, P>
where
    C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
    C::Api: AccountNonceApi<Block, AccountId, Nonce>,
    P: TransactionPool<Block = Block> + 'static,
{
    /// The store account's next nonce: the chain's, past those of its
    /// transactions ready in the pool (as `system_accountNextIndex` counts).
    /// Read from the pool each time, not kept: a transaction the pool lost
    /// (a re-org, a dropped view) leaves no gap behind it.
    fn next_nonce(&self, at: H256, who: &AccountId) -> Result<Nonce, String> {
        let mut nonce = self.client.runtime_api().account_nonce(at, who.clone()).map_err(|e| e.to_string())?;
        let mut tag = (who, nonce).encode();
        for tx in self.pool.ready() {
            if tx.provides().first() == Some(&tag) {
                nonce += 1;
                tag = (who, nonce).encode();
            }
        }
        Ok(nonce)
    }

    /// Signs `attest_available([id])` as the store and puts it in the pool.
    async fn attest(&self, id: [u8; 32]) -> Result<(), String> {
        let _one_at_a_time = self.sending.lock().await;
        let info = self.client.info();
        let who = AccountId::from(self.key.public());
        let nonce = self.next_nonce(info.best_hash, &who)?;
        let call = RuntimeCall::Gensyn(pallet_gensyn::Call::attest_available {
            commitments: BoundedVec::truncate_from(vec![id]),
        });
        let tx_ext = gensyn_runtime::tx_extension(nonce);
        let payload =
            SignedPayload::from_raw(call.clone(), tx_ext.clone(), gensyn_runtime::tx_implicit(info.genesis_hash));
        let signature = payload.using_encoded(|p| self.key.sign(p));
        let xt =
            UncheckedExtrinsic::new_signed(call, MultiAddress::Id(who), MultiSignature::Sr25519(signature), tx_ext);
        let opaque = Decode::decode(&mut &xt.encode()[..]).map_err(|e| e.to_string())?;
        let sent = self.pool.submit_one(info.best_hash, TransactionSource::Local, opaque).await;
        if let Err(e) = sent.map_err(IntoPoolError::into_pool_error) {
            // These bytes are freshly signed (sr25519 is randomised), so a
            // pool that already holds them took them from this very call: the
            // fork-aware pool answers so when a block lands mid-submission
            // and its maintenance imports the transaction first
            // (paritytech/polkadot-sdk#11419). It is in (if the pool loses
            // it later, the next attestation's nonce fills its place).
            if let Ok(PoolError::AlreadyImported(_)) = e {
                return Ok(());
            }
            return Err(match e {
                Ok(e) => e.to_string(),
                Err(e) => e.to_string(),
            });
        }
        Ok(())
    }
}

/// The URLs a `--store-peers` file lists (none if it cannot be read).
fn peer_urls(file: &Path) -> Vec<String> {
    std::fs::read_to_string(file)
        .map(|text| {
            text.lines()
                .map(|l| l.split('#').next().unwrap_or("").trim())
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The kind under which `bytes` recompute `id`, if any: commitments are
/// domain-separated by kind (a spec, hashed plain, is text and so never a
/// record's preimage), so at most one fits.
fn kind_of(id: &[u8; 32], bytes: &[u8]) -> Option<Kind> {
    [Kind::Spec, Kind::Dataset, Kind::Checkpoint].into_iter().find(|k| gensyn_store::open(*k, id, bytes).is_ok())
}

/// How long a get that misses waits for its peers, all together (under the
/// CLI's 60 s request timeout).
const PEERS_DEADLINE: Duration = Duration::from_secs(20);

/// Asks one peer store for its own copy of `id` (`None`: down, slow, or
/// without it; logged).
async fn ask_peer(url: String, id: [u8; 32]) -> Option<(String, Vec<u8>)> {
    let client = WsClientBuilder::default()
        .connection_timeout(Duration::from_secs(3))
        .request_timeout(PEERS_DEADLINE)
        .max_response_size(40 << 20)
        .build(&url)
        .await
        .map_err(|e| log::debug!(target: "gensyn-store", "store peer {url}: {e}"))
        .ok()?;
    let mut params = ArrayParams::new();
    params.insert(H256(id)).expect("an H256 serialises");
    match client.request::<Option<Bytes>, _>("gensyn_storeGetLocal", params).await {
        Ok(Some(bytes)) => Some((url, bytes.0)),
        Ok(None) => None,
        Err(e) => {
            log::debug!(target: "gensyn-store", "store peer {url}: {e}");
            None
        }
    }
}

impl<C, P> StoreRpc<C, P> {
    /// Asks every peer store at once for `id` (for at most
    /// [`PEERS_DEADLINE`] in all); keeps and returns the first answer that
    /// recomputes it. A peer that is down, slow or lying is skipped, and a
    /// liar logged.
    async fn from_peers(&self, id: [u8; 32]) -> Option<Vec<u8>> {
        let urls = self.peers.as_deref().map(peer_urls).unwrap_or_default();
        if urls.is_empty() {
            return None;
        }
        let mut asked: FuturesUnordered<_> = urls.into_iter().map(|url| ask_peer(url, id)).collect();
        let first_good = async {
            while let Some(answer) = asked.next().await {
                let Some((url, bytes)) = answer else { continue };
                if bytes.len() > MAX_ARTEFACT {
                    log::warn!(target: "gensyn-store", "store peer {url} sent {} bytes for {:?}; skipped", bytes.len(), H256(id));
                    continue;
                }
                // Recomputing a commitment hashes up to 16 MiB: off the RPC's
                // threads; kept for the next reader once it checks.
                let store = self.store.clone();
                let checked = tokio::task::spawn_blocking(move || {
                    let kind = kind_of(&id, &bytes)?;
                    if let Err(e) = store.put(kind, &bytes) {
                        // A full store still serves what it fetched.
                        log::warn!(target: "gensyn-store", "cannot keep {:?}: {e}", H256(id));
                    }
                    Some(bytes)
                })
                .await;
                match checked {
                    Ok(Some(bytes)) => return Some(bytes),
                    _ => log::warn!(
                        target: "gensyn-store",
                        "store peer {url} answered {:?} with bytes that do not recompute it; skipped",
                        H256(id)
                    ),
                }
            }
            None
        };
        tokio::time::timeout(PEERS_DEADLINE, first_good).await.ok().flatten()
    }
}

/// The store's RPC methods.
pub fn module<C, P>(
    store: Arc<DiskStore>,
    peers: Option<PathBuf>,
    client: Arc<C>,
    pool: Arc<P>,
) -> Result<RpcModule<StoreRpc<C, P>>, Box<dyn std::error::Error + Send + Sync>>
where
    C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
    C::Api: AccountNonceApi<Block, AccountId, Nonce>,
    P: TransactionPool<Block = Block> + 'static,
{
    let key = sr25519::Pair::from_string(STORE_SURI, None).map_err(|e| format!("store key: {e:?}"))?;
    let mut m = RpcModule::new(StoreRpc { store, peers, client, pool, key, sending: tokio::sync::Mutex::new(()) });
    m.register_async_method("gensyn_storePut", |params, ctx, _| async move {
        let (kind, data): (String, Bytes) = params.parse()?;
        let kind = Kind::parse(&kind).ok_or_else(|| err(-32602, format!("unknown artefact kind '{kind}'")))?;
        let id = ctx.store.put(kind, &data.0).map_err(|e| err(4000, e.to_string()))?;
        ctx.attest(id).await.map_err(|e| err(5000, format!("stored, but the attestation failed: {e}")))?;
        Ok::<H256, ErrorObjectOwned>(H256(id))
    })?;
    m.register_async_method("gensyn_storeGet", |params, ctx, _| async move {
        let (id,): (H256,) = params.parse()?;
        match ctx.store.get(&id.0).map_err(|e| err(4001, e.to_string()))? {
            Some(bytes) => Ok::<_, ErrorObjectOwned>(Some(Bytes(bytes))),
            None => Ok(ctx.from_peers(id.0).await.map(Bytes)),
        }
    })?;
    // What a peer store asks: this store's own copy, never its peers'.
    m.register_method("gensyn_storeGetLocal", |params, ctx, _| -> Result<Option<Bytes>, ErrorObjectOwned> {
        let (id,): (H256,) = params.parse()?;
        ctx.store.get(&id.0).map(|b| b.map(Bytes)).map_err(|e| err(4001, e.to_string()))
    })?;
    m.register_method("gensyn_storeHas", |params, ctx, _| -> Result<bool, ErrorObjectOwned> {
        let (id,): (H256,) = params.parse()?;
        Ok(ctx.store.is_available(&id.0))
    })?;
    Ok(m)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_peers_bytes_are_kept_only_under_the_id_they_recompute() {
        use gensyn_store::{blake2b_256, Kind};
        let spec = b"[model]\nkind = \"mlp\"\n".to_vec();
        let id = blake2b_256(&spec);
        assert_eq!(super::kind_of(&id, &spec), Some(Kind::Spec));
        let mut lie = spec.clone();
        lie[0] ^= 1;
        assert_eq!(super::kind_of(&id, &lie), None, "a lying peer's bytes are refused");
        assert_eq!(super::kind_of(&[0; 32], &spec), None, "and bytes under another id");
    }

    #[test]
    fn the_peers_file_lists_one_url_per_line_with_comments() {
        let dir = std::env::temp_dir().join(format!("gensyn-peers-{}", std::process::id()));
        std::fs::write(&dir, "# the others\nws://127.0.0.1:9945\n\n  ws://127.0.0.1:9946 # bob\n").unwrap();
        assert_eq!(super::peer_urls(&dir), ["ws://127.0.0.1:9945", "ws://127.0.0.1:9946"]);
        std::fs::remove_file(&dir).unwrap();
        assert!(super::peer_urls(&dir).is_empty(), "a missing file names no peer");
    }

    #[test]
    fn the_runtime_names_the_store_key_as_its_attester() {
        use polkadot_sdk::sp_core::{sr25519, Pair};
        let key = sr25519::Pair::from_string(super::STORE_SURI, None).unwrap();
        assert_eq!(key.public().0, gensyn_runtime::protocol::STORE_ACCOUNT);
    }
}
