//! The reader: an artefact rebuilt from any `k` of its shards, fetched from
//! the validators' nodes themselves — the node this client is connected to
//! and the store peers it names — each shard checked against the erasure
//! root the chain holds, the whole decoded and re-encoded (the root must
//! come back). No node is trusted with the bytes: a shard that is withheld,
//! corrupt or of another encoding is skipped and reported, a node that is
//! down is skipped. Only when fewer than `k` shards check, or the chain
//! counts no encoding available, does the read fall back to the node's own
//! answer (`gensyn_storeGet`: its whole copy, or what it rebuilds, or the
//! block the artefact expired at). Every caller checks the bytes against
//! the artefact's commitment after.

use crate::{chain::Chain, error::CliError, query};
use futures::stream::{FuturesUnordered, StreamExt};
use gensyn_availability::Reader;
use gensyn_runtime::pallet_availability::Status;
use std::time::Duration;

/// One shard (or one node) the read set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The node's RPC URL.
    pub source: String,
    /// The shard's index, when the node sent one.
    pub shard: Option<u16>,
    /// Why.
    pub why: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.shard {
            Some(i) => write!(f, "shard {i} from {}: {}", self.source, self.why),
            None => write!(f, "{}: {}", self.source, self.why),
        }
    }
}

/// Where a read's bytes came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Rebuilt here from these `(node, shard index)`.
    Shards(Vec<(String, u16)>),
    /// The connected node's own answer: the chain counts no encoding
    /// available, or fewer than `k` shards checked.
    Node,
}

/// A read.
pub struct Fetched {
    /// The bytes (not yet checked against the commitment: the caller knows
    /// which kind to check them as).
    pub bytes: Vec<u8>,
    /// Where they came from.
    pub source: Source,
    /// What was set aside on the way.
    pub skipped: Vec<Skipped>,
}

/// How long one node has to answer.
const NODE_TIMEOUT: Duration = Duration::from_secs(20);

/// Reads artefact `id` (`None`: nobody holds it). `progress` sees the
/// bytes of good shards as they arrive, out of what `k` shards hold.
pub async fn fetch(chain: &Chain, id: &[u8; 32], progress: impl Fn(u64, u64)) -> Result<Option<Fetched>, CliError> {
    let mut skipped = Vec::new();
    let entry = query::availability(chain, *id, None).await?.map(|(e, _)| e);
    let Some(entry) = entry.filter(|e| matches!(e.status, Status::Available { .. })) else {
        return node_copy(chain, id, skipped).await;
    };
    let erasure = entry.erasure;
    let mut reader = Reader::new(erasure).map_err(|e| CliError::other(format!("the chain's entry: {e}")))?;
    let total = u64::from(erasure.shard_len()) * u64::from(erasure.k);
    // As many nodes as there are holders, and from each at most one
    // answer's worth of shards: a node that names thousands of peers, or
    // a peer that answers with millions of items, costs nothing more.
    let mut sources = vec![chain.url.clone()];
    for url in chain.store_peers().await.unwrap_or_default() {
        if sources.len() > entry.holders.len() {
            break;
        }
        if !sources.contains(&url) {
            sources.push(url);
        }
    }
    let mut asks: FuturesUnordered<_> = sources
        .into_iter()
        .enumerate()
        .map(|(i, url)| async move {
            // The connected node through its client; the others directly.
            let encoding = erasure.id();
            let shards =
                if i == 0 { chain.shards(id, &encoding).await } else { peer_shards(&url, id, &encoding).await };
            (url, shards)
        })
        .collect();
    let mut used = Vec::new();
    while let Some((url, answer)) = asks.next().await {
        let shards = match answer {
            Ok(s) => s,
            Err(e) => {
                skipped.push(Skipped { source: url, shard: None, why: format!("unreachable: {e}") });
                continue;
            }
        };
        let offered = gensyn_devnet::availability::offer_answer(&mut reader, id, &erasure, shards);
        for (shard, why) in offered.refused {
            skipped.push(Skipped { source: url.clone(), shard, why });
        }
        if !offered.taken.is_empty() {
            used.extend(offered.taken.into_iter().map(|i| (url.clone(), i)));
            progress((reader.have() as u64 * u64::from(erasure.shard_len())).min(total), total);
        }
        if reader.is_ready() {
            break;
        }
    }
    drop(asks);
    if !reader.is_ready() {
        let short = format!("{} of the {} shards needed checked", reader.have(), reader.need());
        // Not "nothing here" if the node has no copy either: the chain
        // counts it available, and the reader should learn why it could not
        // be read.
        let why = if skipped.is_empty() {
            "no node offered more".to_string()
        } else {
            let each: Vec<String> = skipped.iter().map(Skipped::to_string).collect();
            each.join("; ")
        };
        let unreadable =
            format!("{} is available on chain, but only {short} and the node holds no copy: {why}", query::hex32(id));
        skipped.push(Skipped {
            source: chain.url.clone(),
            shard: None,
            why: format!("{short}; asked the node for its copy"),
        });
        return match node_copy(chain, id, skipped).await? {
            Some(fetched) => Ok(Some(fetched)),
            None => Err(CliError::NotFound(unreadable)),
        };
    }
    let bytes = tokio::task::spawn_blocking(move || reader.finish())
        .await
        .map_err(|e| CliError::other(e.to_string()))?
        .map_err(|e| CliError::Mismatch(format!("{}: {e}", query::hex32(id))))?;
    Ok(Some(Fetched { bytes, source: Source::Shards(used), skipped }))
}

async fn node_copy(chain: &Chain, id: &[u8; 32], skipped: Vec<Skipped>) -> Result<Option<Fetched>, CliError> {
    Ok(chain.store_get(id).await?.map(|bytes| Fetched { bytes, source: Source::Node, skipped }))
}

/// A store peer's shards of encoding `encoding` of `id`.
async fn peer_shards(url: &str, id: &[u8; 32], encoding: &[u8; 32]) -> Result<Vec<Vec<u8>>, String> {
    use jsonrpsee::{
        core::{client::ClientT, rpc_params},
        ws_client::WsClientBuilder,
    };
    let client = WsClientBuilder::default()
        .connection_timeout(Duration::from_secs(3))
        .request_timeout(NODE_TIMEOUT)
        .max_response_size(crate::chain::MAX_RESPONSE)
        .build(url)
        .await
        .map_err(|e| e.to_string())?;
    let shards: Vec<polkadot_sdk::sp_core::Bytes> = client
        .request(
            "gensyn_shardGet",
            rpc_params![polkadot_sdk::sp_core::H256(*id), polkadot_sdk::sp_core::H256(*encoding)],
        )
        .await
        .map_err(|e| e.to_string())?;
    Ok(shards.into_iter().map(|b| b.0).collect())
}
