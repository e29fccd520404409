//! The chain client: JSON-RPC over WebSocket (jsonrpsee) to the node, with
//! transactions and storage keys built from the runtime crate's own types.
//!
//! Why not subxt: the CLI and the node come from one workspace and one
//! binary, so the runtime's Rust types are the exact ABI. Building calls,
//! transaction extensions and storage keys from them is checked by the
//! compiler and costs no second polkadot-sdk/jsonrpsee stack in the build.
//! [`Chain::connect`] refuses a node whose runtime differs from ours.

use crate::{error::CliError, events};
use codec::{Decode, Encode};
use gensyn_runtime::{AccountId, Header, Nonce, RuntimeCall, RuntimeEvent, SignedPayload, UncheckedExtrinsic, VERSION};
use jsonrpsee::{
    core::{
        client::{ClientT, Subscription, SubscriptionClientT},
        params::ArrayParams,
    },
    rpc_params,
    ws_client::{WsClient, WsClientBuilder},
};
use polkadot_sdk::{
    frame_system::{self, EventRecord, Phase},
    sp_core::{sr25519, Pair as _},
    sp_core::{Bytes, H256},
    sp_runtime::traits::{BlakeTwo256, Hash as _},
    sp_runtime::{MultiAddress, MultiSignature},
};
use serde::{de::DeserializeOwned, Deserialize};
use serde_json::Value;
use std::{
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

/// A connection to a gensyn node.
pub struct Chain {
    /// The connection; replaced when the node drops it ([`Chain::request`]).
    rpc: Mutex<Arc<WsClient>>,
    /// The endpoint.
    pub url: String,
    /// The chain's genesis hash.
    pub genesis: H256,
}

/// A block's number and hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockRef {
    /// Height.
    pub number: u32,
    /// Hash.
    pub hash: H256,
}

impl BlockRef {
    /// `{"number": …, "hash": "0x…"}`
    pub fn json(&self) -> Value {
        serde_json::json!({ "number": self.number, "hash": format!("{:?}", self.hash) })
    }
}

/// What happened to a submitted transaction.
#[derive(Debug)]
pub struct TxOutcome {
    /// blake2-256 of the encoded transaction.
    pub tx_hash: H256,
    /// The block that includes it (finalized unless waited for
    /// [`Wait::Included`]); `None` under `--async`.
    pub block: Option<BlockRef>,
    /// Whether `block` was finalized when the wait ended.
    pub finalized: bool,
    /// Its events, in order.
    pub events: Vec<RuntimeEvent>,
}

/// How long [`Chain::submit`] waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Wait {
    // Until the node's pool accepted it (`--async`).
    #[value(skip)]
    Accepted,
    // Until a block of the best chain includes it (a re-org may still drop it).
    Included,
    // Until a finalized block includes it (at once on the instant-seal
    // devnet; GRANDPA's finality on the PoS devnet).
    Finalized,
}

/// A node's network health (`system_health`).
#[derive(Debug, Clone, Deserialize)]
pub struct Health {
    /// Connected peers.
    pub peers: u32,
    /// The node is far behind its peers and importing.
    #[serde(rename = "isSyncing")]
    pub is_syncing: bool,
}

/// One block's values of `state_queryStorageAt`.
#[derive(Deserialize)]
struct StorageChangeSet {
    changes: Vec<(Bytes, Option<Bytes>)>,
}

#[derive(Deserialize)]
struct RuntimeVersionJson {
    #[serde(rename = "specName")]
    spec_name: String,
    #[serde(rename = "specVersion")]
    spec_version: u32,
}

fn rpc_err(e: jsonrpsee::core::client::Error) -> CliError {
    CliError::other(format!("RPC error: {e}"))
}

impl Chain {
    /// Connects and checks that the node runs this build's runtime.
    pub async fn connect(url: &str) -> Result<Self, CliError> {
        let not_running = |reason: String| CliError::NodeNotRunning { url: url.to_string(), reason };
        let rpc = open(url).await.map_err(|e| not_running(short_reason(&e.to_string())))?;
        let genesis: Option<H256> = rpc
            .request("chain_getBlockHash", rpc_params![0u32])
            .await
            .map_err(|e| not_running(short_reason(&e.to_string())))?;
        let genesis = genesis.ok_or_else(|| CliError::other("the node has no genesis block"))?;
        let version: RuntimeVersionJson =
            rpc.request("state_getRuntimeVersion", rpc_params![]).await.map_err(rpc_err)?;
        if version.spec_name != VERSION.spec_name || version.spec_version != VERSION.spec_version {
            return Err(CliError::other(format!(
                "the node at {url} runs runtime {} v{}, but this gensyn speaks {} v{}; restart the devnet with this build (`gensyn devnet down && gensyn devnet up`)",
                version.spec_name, version.spec_version, VERSION.spec_name, VERSION.spec_version
            )));
        }
        Ok(Self { rpc: Mutex::new(Arc::new(rpc)), url: url.to_string(), genesis })
    }

    /// The current connection.
    fn client(&self) -> Arc<WsClient> {
        self.rpc.lock().expect("not poisoned").clone()
    }

    /// One JSON-RPC call. A connection the node dropped (jsonrpsee's
    /// "restart required": a node restarted, a socket closed under load) is
    /// opened again, to the same chain only, and the call made once more.
    /// Only for calls a second try cannot make happen twice: reads, and
    /// submissions of bytes the pool refuses twice (sealing a block and
    /// making keys go to the connection directly).
    async fn request<R: DeserializeOwned>(
        &self,
        method: &str,
        params: ArrayParams,
    ) -> Result<R, jsonrpsee::core::client::Error> {
        let client = self.client();
        match client.request(method, params.clone()).await {
            Err(jsonrpsee::core::client::Error::RestartNeeded(why)) => {
                let fresh = open(&self.url).await?;
                let genesis: Option<H256> = fresh.request("chain_getBlockHash", rpc_params![0u32]).await?;
                if genesis != Some(self.genesis) {
                    // Another chain behind the same URL: nothing to retry on.
                    return Err(jsonrpsee::core::client::Error::RestartNeeded(why));
                }
                let fresh = Arc::new(fresh);
                *self.rpc.lock().expect("not poisoned") = fresh.clone();
                fresh.request(method, params).await
            }
            done => done,
        }
    }

    /// The best block.
    pub async fn best(&self) -> Result<BlockRef, CliError> {
        let header: Header = self
            .request::<Option<Header>>("chain_getHeader", rpc_params![])
            .await
            .map_err(rpc_err)?
            .ok_or_else(|| CliError::other("the node returned no best header"))?;
        Ok(BlockRef { number: header.number, hash: header.hash() })
    }

    /// The finalized block.
    pub async fn finalized(&self) -> Result<BlockRef, CliError> {
        let hash: H256 = self.request("chain_getFinalizedHead", rpc_params![]).await.map_err(rpc_err)?;
        let header: Header = self
            .request::<Option<Header>>("chain_getHeader", rpc_params![hash])
            .await
            .map_err(rpc_err)?
            .ok_or_else(|| CliError::other("the node returned no finalized header"))?;
        Ok(BlockRef { number: header.number, hash })
    }

    /// The hash of block `n` of the best chain, if it exists.
    pub async fn block_hash(&self, n: u32) -> Result<Option<H256>, CliError> {
        self.request("chain_getBlockHash", rpc_params![n]).await.map_err(rpc_err)
    }

    /// Whether a client can seal blocks here (instant seal's
    /// `engine_createBlock`): then blocks come as parties transact, not on a
    /// clock.
    pub async fn seals_on_demand(&self) -> Result<bool, CliError> {
        let methods: Value = self.request("rpc_methods", rpc_params![]).await.map_err(rpc_err)?;
        Ok(methods["methods"].as_array().is_some_and(|m| m.iter().any(|m| m == "engine_createBlock")))
    }

    /// Why a transaction may wait for finality: the finality lag, when
    /// blocks go on but finality does not (a GRANDPA stall).
    async fn finality_note(&self) -> String {
        match (self.best().await, self.finalized().await) {
            (Ok(best), Ok(fin)) if best.number > fin.number + 2 => format!(
                "; blocks go on (best #{}) but finality stalls at #{} ({} blocks behind): GRANDPA needs votes from more than 2/3 of the validators",
                best.number,
                fin.number,
                best.number - fin.number
            ),
            _ => String::new(),
        }
    }

    /// Headers of new best blocks (`finalized`: of newly finalized ones),
    /// as the node imports them. The stream ends when the connection drops.
    pub async fn subscribe_heads(&self, finalized: bool) -> Result<Subscription<Header>, CliError> {
        let (sub, unsub) = if finalized {
            ("chain_subscribeFinalizedHeads", "chain_unsubscribeFinalizedHeads")
        } else {
            ("chain_subscribeNewHeads", "chain_unsubscribeNewHeads")
        };
        self.client().subscribe(sub, rpc_params![], unsub).await.map_err(rpc_err)
    }

    /// The events block `at` deposited, in order.
    pub async fn events(&self, at: H256) -> Result<Vec<EventRecord<RuntimeEvent, H256>>, CliError> {
        Ok(self.storage(events_key(), Some(at)).await?.unwrap_or_default())
    }

    /// Makes new session keys in this node's keystore, with a proof that
    /// `owner` owns them (`author_rotateKeysWithOwner`): the SCALE-encoded
    /// keys and the proof, for `session.set_keys`.
    pub async fn rotate_keys(&self, owner: &AccountId) -> Result<(Vec<u8>, Vec<u8>), CliError> {
        #[derive(Deserialize)]
        struct Generated {
            keys: Bytes,
            #[serde(default)]
            proof: Option<Bytes>,
        }
        // Not retried on a dropped connection: a second call makes other keys.
        let g: Generated = self
            .client()
            .request("author_rotateKeysWithOwner", rpc_params![Bytes(owner.encode())])
            .await
            .map_err(|e| CliError::other(format!("the node at {} could not make session keys: {e}", self.url)))?;
        Ok((g.keys.0, g.proof.map(|p| p.0).unwrap_or_default()))
    }

    /// The node's peers and whether it is catching up (`system_health`).
    pub async fn health(&self) -> Result<Health, CliError> {
        self.request("system_health", rpc_params![]).await.map_err(rpc_err)
    }

    /// The chain's name from its spec.
    pub async fn chain_name(&self) -> Result<String, CliError> {
        self.request("system_chain", rpc_params![]).await.map_err(rpc_err)
    }

    /// Reads and decodes a storage value at `at` (default: best block).
    pub async fn storage<T: Decode>(&self, key: Vec<u8>, at: Option<H256>) -> Result<Option<T>, CliError> {
        let raw: Option<Bytes> =
            self.request("state_getStorage", rpc_params![Bytes(key), at]).await.map_err(rpc_err)?;
        raw.map(|b| T::decode(&mut &b.0[..]).map_err(|e| CliError::other(format!("cannot decode storage value: {e}"))))
            .transpose()
    }

    /// Every (key, value) under storage `prefix` at `at` (default: best
    /// block), in key order: keys paged (`state_getKeysPaged`), values read
    /// in one query per page (`state_queryStorageAt`).
    pub async fn storage_pairs(&self, prefix: &[u8], at: Option<H256>) -> Result<Vec<(Vec<u8>, Vec<u8>)>, CliError> {
        const PAGE: u32 = 512;
        let at = match at {
            Some(h) => h,
            None => self.best().await?.hash,
        };
        let mut out = Vec::new();
        let mut start: Option<Bytes> = None;
        loop {
            let keys: Vec<Bytes> = self
                .request("state_getKeysPaged", rpc_params![Bytes(prefix.to_vec()), PAGE, start.clone(), at])
                .await
                .map_err(rpc_err)?;
            if keys.is_empty() {
                break;
            }
            let sets: Vec<StorageChangeSet> =
                self.request("state_queryStorageAt", rpc_params![keys.clone(), at]).await.map_err(rpc_err)?;
            for set in sets {
                out.extend(set.changes.into_iter().filter_map(|(k, v)| v.map(|v| (k.0, v.0))));
            }
            if (keys.len() as u32) < PAGE {
                break;
            }
            start = keys.last().cloned();
        }
        out.sort();
        Ok(out)
    }

    /// The first `limit` keys under storage `prefix` at `at` (default: best block).
    pub async fn storage_keys(&self, prefix: &[u8], limit: u32, at: Option<H256>) -> Result<Vec<Vec<u8>>, CliError> {
        let at = match at {
            Some(h) => h,
            None => self.best().await?.hash,
        };
        let keys: Vec<Bytes> = self
            .request("state_getKeysPaged", rpc_params![Bytes(prefix.to_vec()), limit, Option::<Bytes>::None, at])
            .await
            .map_err(rpc_err)?;
        Ok(keys.into_iter().map(|k| k.0).collect())
    }

    /// [`Chain::storage_pairs`], values decoded as `T`.
    pub async fn storage_values<T: Decode>(
        &self,
        prefix: &[u8],
        at: Option<H256>,
    ) -> Result<Vec<(Vec<u8>, T)>, CliError> {
        self.storage_pairs(prefix, at)
            .await?
            .into_iter()
            .map(|(k, v)| {
                T::decode(&mut &v[..])
                    .map(|t| (k, t))
                    .map_err(|e| CliError::other(format!("cannot decode storage value: {e}")))
            })
            .collect()
    }

    /// The holders of the store at the best block: the validators on PoS,
    /// the store account on instant seal (as the node reads them).
    pub async fn store_holders(&self) -> Result<Vec<AccountId>, CliError> {
        use gensyn_devnet::availability::{holders_from, HOLDER_KEYS};
        let at = self.best().await?.hash;
        let [slots, validators] = HOLDER_KEYS.map(|k| k());
        let slots: Option<u64> = self.storage(slots, Some(at)).await?;
        let validators: Option<Vec<AccountId>> =
            if slots.unwrap_or(0) == 0 { None } else { self.storage(validators, Some(at)).await? };
        holders_from(slots, || Ok(validators.unwrap_or_default()))
    }

    /// Puts an artefact into the node's store, `payer` paying its deposit;
    /// returns the commitment the node recomputed it under. The payment is
    /// signed for the bytes' encoding for the current holders, as the node
    /// will cut it; if the set changes meanwhile (or the payment goes stale
    /// on the way) the node says so and it is signed again, up to three
    /// times.
    pub async fn store_put(
        &self,
        kind: gensyn_store::Kind,
        bytes: &[u8],
        payer: &sr25519::Pair,
    ) -> Result<[u8; 32], CliError> {
        use gensyn_runtime::pallet_availability as pa;
        let id = gensyn_store::commitment_of(kind, bytes).map_err(|e| CliError::Usage(e.to_string()))?;
        let who = AccountId::from(payer.public());
        let retention = gensyn_devnet::availability::retention_of(kind);
        let mut tries = 0;
        loop {
            tries += 1;
            let n = self.store_holders().await?.len() as u16;
            let erasure = gensyn_availability::encode(bytes, n).map_err(|e| CliError::Usage(e.to_string()))?.commitment;
            let at = self.best().await?.number;
            let message = pa::payment_message(&self.genesis, &who, &id, &erasure.id(), retention, &at);
            let payment = pa::Payment { payer: who.clone(), at, signature: MultiSignature::from(payer.sign(&message)) };
            let params = rpc_params![kind.name(), Bytes(bytes.to_vec()), Bytes(payment.encode())];
            match self.request::<H256>("gensyn_storePut", params).await {
                Ok(id) => return Ok(id.0),
                Err(jsonrpsee::core::client::Error::Call(e))
                    if e.code() == gensyn_devnet::availability::UNPAID && tries < 3 => {}
                Err(e) => return Err(store_err(e)),
            }
        }
    }

    /// The deposit storing an artefact of `len` bytes holds from its payer.
    pub fn storage_deposit(len: usize) -> gensyn_runtime::Balance {
        gensyn_runtime::pallet_availability::Pallet::<gensyn_runtime::Runtime>::deposit_for(len as u32)
    }

    /// The artefact the node's store holds under `id`, unchecked.
    pub async fn store_get(&self, id: &[u8; 32]) -> Result<Option<Vec<u8>>, CliError> {
        let b: Option<Bytes> = self.request("gensyn_storeGet", rpc_params![H256(*id)]).await.map_err(store_err)?;
        Ok(b.map(|b| b.0))
    }

    /// This node's shards of artefact `id` in encoding `encoding`
    /// (`ErasureCommitment::id`), SCALE-encoded
    /// (`gensyn_devnet::availability::HeldShard`), unchecked.
    pub async fn shards(&self, id: &[u8; 32], encoding: &[u8; 32]) -> Result<Vec<Vec<u8>>, String> {
        let b: Vec<Bytes> = self
            .request("gensyn_shardGet", rpc_params![H256(*id), H256(*encoding)])
            .await
            .map_err(|e| e.to_string())?;
        Ok(b.into_iter().map(|b| b.0).collect())
    }

    /// The other validators' nodes this node hands shards to (their RPC
    /// URLs, from its `--store-peers` file).
    pub async fn store_peers(&self) -> Result<Vec<String>, CliError> {
        self.request("gensyn_storePeers", rpc_params![]).await.map_err(store_err)
    }

    /// Seals one block now (manual seal's `engine_createBlock`); refused by
    /// a devnet on a timer, whose clock no client may run.
    pub async fn seal_block(&self) -> Result<H256, CliError> {
        // Not retried on a dropped connection: a second call seals another block.
        let created: Value = self
            .client()
            .request("engine_createBlock", rpc_params![true, true, Option::<H256>::None])
            .await
            .map_err(|e| match e {
                jsonrpsee::core::client::Error::Call(c) if c.code() == -32601 => CliError::Usage(
                    "this devnet makes blocks on a clock (its --block-time timer, or BABE's slots): no client may seal one (fair clocks)".into(),
                ),
                e => rpc_err(e),
            })?;
        serde_json::from_value(created["hash"].clone())
            .map_err(|e| CliError::other(format!("unexpected engine_createBlock reply: {e}")))
    }

    /// The next nonce of `who`, counting transactions in the pool.
    pub async fn next_nonce(&self, who: &AccountId) -> Result<Nonce, CliError> {
        self.request("system_accountNextIndex", rpc_params![crate::accounts::ss58(who)]).await.map_err(rpc_err)
    }

    /// Signs `call` as `signer`, submits it, and waits as `wait` says; a
    /// failed dispatch becomes [`CliError::Dispatch`] named after the pallet
    /// error.
    pub async fn submit(
        &self,
        call: RuntimeCall,
        signer: &sr25519::Pair,
        wait: Wait,
        timeout: Duration,
    ) -> Result<TxOutcome, CliError> {
        let nonce = self.next_nonce(&AccountId::from(signer.public())).await?;
        self.submit_signed(self.sign(call, signer, nonce), wait, timeout).await
    }

    /// The bytes of `call` signed by `signer` at `nonce`. sr25519 signing is
    /// randomised: two signings of one call differ, so no one but the caller
    /// can have handed these bytes to a pool.
    pub fn sign(&self, call: RuntimeCall, signer: &sr25519::Pair, nonce: Nonce) -> Vec<u8> {
        let who = AccountId::from(signer.public());
        let tx_ext = gensyn_runtime::tx_extension(nonce);
        // The signed payload's implicit parts, supplied by us: computing them
        // needs chain state the CLI does not have.
        let implicit = gensyn_runtime::tx_implicit(self.genesis);
        let payload = SignedPayload::from_raw(call.clone(), tx_ext.clone(), implicit);
        let signature = payload.using_encoded(|p| signer.sign(p));
        UncheckedExtrinsic::new_signed(call, MultiAddress::Id(who), MultiSignature::Sr25519(signature), tx_ext).encode()
    }

    /// Submits a signed extrinsic ([`Chain::sign`]) and waits as `wait`
    /// says; a failed dispatch becomes [`CliError::Dispatch`].
    pub async fn submit_signed(&self, encoded: Vec<u8>, wait: Wait, timeout: Duration) -> Result<TxOutcome, CliError> {
        let tx_hash = BlakeTwo256::hash(&encoded);
        if wait == Wait::Accepted {
            match self.request::<H256>("author_submitExtrinsic", rpc_params![Bytes(encoded)]).await {
                Ok(_) => {}
                // The pool holds it (see `already_imported`).
                Err(e) if already_imported(&e) => {}
                Err(e) => return Err(pool_err(e)),
            }
            return Ok(TxOutcome { tx_hash, block: None, finalized: false, events: Vec::new() });
        }

        // No finalized block can hold a transaction not yet submitted.
        let floor = self.finalized().await?.number + 1;
        let deadline = Instant::now() + timeout;
        let watched = self
            .client()
            .subscribe("author_submitAndWatchExtrinsic", rpc_params![Bytes(encoded.clone())], "author_unwatchExtrinsic")
            .await;
        let watched = match watched {
            Ok(sub) => self.follow_watch(sub, wait, deadline, tx_hash, timeout).await?,
            // The pool holds it but attached no watch: follow the blocks.
            Err(e) if already_imported(&e) => None,
            // The connection dropped (sent or not): follow the blocks on a
            // new one, which hands the bytes over again if the pool lacks them.
            Err(jsonrpsee::core::client::Error::RestartNeeded(_)) => None,
            Err(e) => return Err(pool_err(e)),
        };
        let (block_hash, finalized) = match watched {
            Some(found) => found,
            None => self.follow_blocks(&encoded, wait, floor, deadline, tx_hash, timeout).await?,
        };

        let block = self.block_ref(block_hash).await?;
        let index = self.extrinsic_index(block_hash, &encoded).await?;
        let records = self.events(block_hash).await?;
        let events: Vec<RuntimeEvent> =
            records.into_iter().filter(|r| r.phase == Phase::ApplyExtrinsic(index)).map(|r| r.event).collect();
        for ev in &events {
            if let RuntimeEvent::System(frame_system::Event::ExtrinsicFailed { dispatch_error, .. }) = ev {
                let (pallet, name) = events::dispatch_error_name(*dispatch_error);
                return Err(CliError::Dispatch { pallet, name });
            }
        }
        Ok(TxOutcome { tx_hash, block: Some(block), finalized, events })
    }

    /// The watch's statuses up to the block `wait` asks for: its hash, and
    /// whether it is finalized; `None` if the connection dropped first.
    async fn follow_watch(
        &self,
        mut sub: Subscription<Value>,
        wait: Wait,
        deadline: Instant,
        tx_hash: H256,
        timeout: Duration,
    ) -> Result<Option<(H256, bool)>, CliError> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let status = match tokio::time::timeout(left, sub.next()).await {
                Err(_) => return Err(self.not_in_time(tx_hash, wait, timeout).await),
                Ok(None) => return Ok(None),
                Ok(Some(Err(e))) => return Err(CliError::other(format!("bad transaction status: {e}"))),
                Ok(Some(Ok(status))) => status,
            };
            if let Some(hash) = status.get("finalized") {
                let hash = serde_json::from_value::<H256>(hash.clone())
                    .map_err(|e| CliError::other(format!("bad finalized hash: {e}")))?;
                return Ok(Some((hash, true)));
            }
            if let Some(hash) = status.get("inBlock").filter(|_| wait == Wait::Included) {
                let hash = serde_json::from_value::<H256>(hash.clone())
                    .map_err(|e| CliError::other(format!("bad block hash: {e}")))?;
                return Ok(Some((hash, false)));
            }
            match status.as_str() {
                Some("invalid") => return Err(CliError::Rejected("the transaction became invalid".into())),
                Some("dropped") => return Err(CliError::Rejected("the pool dropped the transaction".into())),
                _ => {}
            }
            if status.get("usurped").is_some() {
                return Err(CliError::Rejected("replaced by another transaction with the same nonce".into()));
            }
            if status.get("finalityTimeout").is_some() {
                return Err(CliError::Timeout("the including block was never finalized".into()));
            }
        }
    }

    /// Without a watch: reads each new block of the best chain (or of the
    /// finalized one, for [`Wait::Finalized`]) from height `from` on until
    /// one holds `encoded`. A re-org of the best chain is followed: when
    /// the last block read is no longer the chain's at its height, the
    /// heights are read again from where they differ. Should the pool lose
    /// the transaction meanwhile (the fork-aware pool keeps it only in its
    /// newest view after that answer), the same bytes are handed to it
    /// again.
    async fn follow_blocks(
        &self,
        encoded: &[u8],
        wait: Wait,
        from: u32,
        deadline: Instant,
        tx_hash: H256,
        timeout: Duration,
    ) -> Result<(H256, bool), CliError> {
        let ours = format!("0x{}", hex::encode(encoded));
        // The hashes read so far, at heights from, from + 1, …
        let mut read: Vec<H256> = Vec::new();
        let mut polls = 0u32;
        loop {
            while let Some(last) = read.last() {
                let height = from + read.len() as u32 - 1;
                if self.block_hash(height).await? == Some(*last) {
                    break; // a block's hash commits to its ancestors
                }
                read.pop();
            }
            let head = if wait == Wait::Finalized { self.finalized().await? } else { self.best().await? };
            while from + (read.len() as u32) <= head.number {
                let height = from + read.len() as u32;
                let Some(hash) = self.block_hash(height).await? else { break };
                let block: Value = self.request("chain_getBlock", rpc_params![hash]).await.map_err(rpc_err)?;
                let holds = block["block"]["extrinsics"]
                    .as_array()
                    .is_some_and(|xts| xts.iter().any(|x| x.as_str() == Some(ours.as_str())));
                if holds {
                    return Ok((hash, wait == Wait::Finalized || self.finalized().await?.number >= height));
                }
                read.push(hash);
            }
            if Instant::now() >= deadline {
                return Err(self.not_in_time(tx_hash, wait, timeout).await);
            }
            polls += 1;
            // Every 2 s: whether the pool still holds it (a future
            // transaction is not "pending" and is handed over again: the
            // pool answers that it knows it).
            if polls % 10 == 0 {
                let pending: Vec<Bytes> =
                    self.request("author_pendingExtrinsics", rpc_params![]).await.map_err(rpc_err)?;
                if !pending.iter().any(|p| p.0 == encoded) {
                    // In a block not read yet, or lost: the same bytes again
                    // are harmless either way (a stale or known transaction
                    // is refused).
                    let again = rpc_params![Bytes(encoded.to_vec())];
                    let _ = self.request::<H256>("author_submitExtrinsic", again).await;
                }
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The error for a transaction not in a block in time.
    async fn not_in_time(&self, tx_hash: H256, wait: Wait, timeout: Duration) -> CliError {
        CliError::Timeout(format!(
            "transaction {tx_hash:?} not {} within {}s{}",
            if wait == Wait::Finalized { "finalized" } else { "in a block" },
            timeout.as_secs(),
            self.finality_note().await
        ))
    }

    async fn block_ref(&self, hash: H256) -> Result<BlockRef, CliError> {
        let header: Header = self
            .request::<Option<Header>>("chain_getHeader", rpc_params![hash])
            .await
            .map_err(rpc_err)?
            .ok_or_else(|| CliError::other(format!("block {hash:?} not found")))?;
        Ok(BlockRef { number: header.number, hash })
    }

    async fn extrinsic_index(&self, block: H256, encoded: &[u8]) -> Result<u32, CliError> {
        let signed: Value = self.request("chain_getBlock", rpc_params![block]).await.map_err(rpc_err)?;
        let ours = format!("0x{}", hex::encode(encoded));
        signed["block"]["extrinsics"]
            .as_array()
            .and_then(|xts| xts.iter().position(|x| x.as_str() == Some(ours.as_str())))
            .map(|i| i as u32)
            .ok_or_else(|| CliError::other(format!("transaction not found in block {block:?}")))
    }
}

/// A new connection to `url`, with the limits every command uses.
/// The largest request or answer a node connection takes: an artefact
/// (`gensyn_store::MAX_ARTEFACT`) with room for its encoding.
pub const MAX_RESPONSE: u32 = 40 << 20;

async fn open(url: &str) -> Result<WsClient, jsonrpsee::core::client::Error> {
    WsClientBuilder::default()
        .connection_timeout(Duration::from_secs(3))
        // An artefact is up to 16 MiB, sent as hex (the devnet node's
        // limits are 40 MiB each way).
        .max_request_size(MAX_RESPONSE)
        .max_response_size(MAX_RESPONSE)
        .request_timeout(Duration::from_secs(60))
        .build(url)
        .await
}

/// `System::Events` (its storage type is private to frame-system).
fn events_key() -> Vec<u8> {
    polkadot_sdk::frame_support::storage::storage_prefix(b"System", b"Events").to_vec()
}

/// Errors from the pool at submission: the node refused the transaction.
fn pool_err(e: jsonrpsee::core::client::Error) -> CliError {
    match e {
        jsonrpsee::core::client::Error::Call(obj) => {
            let data = obj.data().map(|d| d.get().trim_matches('"').to_string());
            CliError::Rejected(match data {
                Some(d) if !d.is_empty() => format!("{}: {d}", obj.message()),
                _ => obj.message().to_string(),
            })
        }
        other => rpc_err(other),
    }
}

/// The pool's answer that it already holds these very bytes (author error
/// 1013). Ours are freshly signed ([`Chain::sign`]), so it holds them because
/// of this submission: the fork-aware pool says so when a block arrives
/// mid-submission and its maintenance takes the transaction in first
/// (paritytech/polkadot-sdk#11419), and then attaches no watch.
fn already_imported(e: &jsonrpsee::core::client::Error) -> bool {
    matches!(e, jsonrpsee::core::client::Error::Call(obj) if obj.code() == 1013)
}

/// The store's refusals (codes 4000–4999) are the user's input: a malformed
/// or oversized artefact; 4004 is an artefact read after it expired.
/// Anything else (5000: the node could not store or register it) is the
/// node's, and an agent may try again.
fn store_err(e: jsonrpsee::core::client::Error) -> CliError {
    match e {
        // Expired: the chain pruned it after its window.
        jsonrpsee::core::client::Error::Call(obj) if obj.code() == 4004 => {
            CliError::NotFound(obj.message().to_string())
        }
        jsonrpsee::core::client::Error::Call(obj) if (4000..5000).contains(&obj.code()) => {
            CliError::Usage(obj.message().to_string())
        }
        jsonrpsee::core::client::Error::Call(obj) => CliError::other(format!("the store: {}", obj.message())),
        other => rpc_err(other),
    }
}

/// jsonrpsee's connection errors are long; keep the useful part.
fn short_reason(e: &str) -> String {
    if e.contains("Connection refused") {
        "connection refused".into()
    } else if e.contains("timed out") || e.contains("Timeout") {
        "connection timed out".into()
    } else {
        e.lines().next().unwrap_or(e).to_string()
    }
}
