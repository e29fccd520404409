//! `gensyn blob put|get|status`: the node's artefact store, addressed by the
//! commitments the chain knows, and where an artefact stands in the
//! availability layer. What comes back is checked by recomputing its
//! commitment, never trusted.

use crate::{
    accounts,
    args::{BlobCmd, GlobalArgs},
    error::CliError,
    onchain,
    output::Output,
    query::{self, hex32},
    reader::Source,
};
use codec::Encode;
use gensyn_runtime::pallet_availability::Status;
use gensyn_store::{CheckpointBlob, DatasetBlob, Kind};
use gensyn_trainer::{backend::Backend, program::named_state, train::Trainer};
use serde_json::{json, Value};
use std::path::Path;

/// The artefacts a file stands for: a spec (`.toml`) is itself and its
/// dataset in canonical form; a checkpoint (`.safetensors`, named
/// `step-N.safetensors` as `gensyn train` writes them) is its state.
pub fn artefacts_of(path: &Path) -> Result<Vec<(Kind, Vec<u8>)>, CliError> {
    match path.extension().and_then(|e| e.to_str()) {
        Some("toml") => {
            let loaded = onchain::load(path)?;
            let trainer =
                Trainer::new(&loaded.spec, Backend::cpu(1)).map_err(|e| CliError::Usage(format!("task spec: {e}")))?;
            Ok(vec![(Kind::Spec, loaded.text.clone()), (Kind::Dataset, dataset_blob(&trainer).encode())])
        }
        Some("safetensors") => {
            let step = path
                .file_stem()
                .and_then(|s| s.to_str())
                .and_then(|s| s.strip_prefix("step-"))
                .and_then(|n| n.parse::<u32>().ok())
                .ok_or_else(|| {
                    CliError::Usage(format!("{}: a checkpoint is named step-N.safetensors", path.display()))
                })?;
            let state = gensyn_trainer::train::load_checkpoint(path)
                .map_err(|e| CliError::Usage(format!("{}: {e}", path.display())))?;
            Ok(vec![(Kind::Checkpoint, CheckpointBlob::of(&named_state(step, &state)).encode())])
        }
        _ => Err(CliError::Usage(format!(
            "{}: blob put takes a task spec (.toml, uploaded with its dataset) or a checkpoint (.safetensors)",
            path.display()
        ))),
    }
}

/// A trainer's dataset in the store's canonical form.
pub fn dataset_blob(trainer: &Trainer) -> DatasetBlob {
    let data = trainer.data();
    DatasetBlob {
        example_len: data.dim as u32,
        examples: (0..data.len())
            .map(|i| {
                let (label, features) = data.example(i);
                (label, features.iter().map(|v| v.to_bits()).collect())
            })
            .collect(),
    }
}

/// Runs a `gensyn blob` subcommand.
pub async fn run(cmd: BlobCmd, global: &GlobalArgs, out: &Output) -> Result<(), CliError> {
    match cmd {
        BlobCmd::Put(a) => {
            if !a.file.is_file() {
                return Err(CliError::Usage(format!("{} not found", a.file.display())));
            }
            let artefacts = artefacts_of(&a.file)?;
            for (_, bytes) in &artefacts {
                if bytes.len() > gensyn_store::MAX_ARTEFACT {
                    return Err(CliError::Usage(format!(
                        "{}: {} bytes; the store takes at most {} per artefact",
                        a.file.display(),
                        bytes.len(),
                        gensyn_store::MAX_ARTEFACT
                    )));
                }
            }
            let (payer, key) = crate::accounts::signer(&a.payer)?;
            let chain = super::connect(global).await?;
            let deposit: u128 = artefacts.iter().map(|(_, b)| crate::chain::Chain::storage_deposit(b.len())).sum();
            let best = chain.best().await?;
            let view = crate::cmd::account::read(&chain, payer.clone(), best.hash).await?;
            if view.data.free < deposit {
                return Err(CliError::other(format!(
                    "{} has {} free; storing {} holds a deposit of {}",
                    payer.label(),
                    crate::amount::format_tokens(view.data.free),
                    a.file.display(),
                    crate::amount::format_tokens(deposit)
                )));
            }
            let mut put: Vec<Value> = Vec::new();
            let mut ids = Vec::new();
            for (kind, bytes) in artefacts {
                let id = chain.store_put(kind, &bytes, &key).await?;
                ids.push(id);
                put.push(json!({
                    "kind": kind.name(),
                    "id": hex32(&id),
                    "bytes": bytes.len(),
                    "deposit": crate::chain::Chain::storage_deposit(bytes.len()).to_string(),
                }));
            }
            // Returned once the chain counts it available, so what follows
            // (a read from another node, a task) can rely on it.
            {
                let _spinner =
                    crate::progress::Spinner::start(out, "waiting for the validators to attest it".to_string());
                query::wait_available(&chain, &ids, std::time::Duration::from_secs(a.timeout)).await?;
            }
            let lines: Vec<String> = put
                .iter()
                .map(|p| {
                    format!("{} {} ({} bytes)", p["kind"].as_str().unwrap(), p["id"].as_str().unwrap(), p["bytes"])
                })
                .collect();
            out.emit(json!({ "file": a.file, "payer": payer.address(), "artefacts": put }), || {
                format!(
                    "{}\n{} holds {} until the chain prunes it",
                    lines.join("\n"),
                    payer.label(),
                    crate::amount::format_tokens(deposit)
                )
            });
        }
        BlobCmd::Get(a) => {
            let id = parse_id(&a.id)?;
            let chain = super::connect(global).await?;
            let bar = crate::progress::ByteBar::start(out, "reading");
            let fetched = crate::reader::fetch(&chain, &id, |done, total| bar.update(done, total))
                .await?
                .ok_or_else(|| CliError::NotFound(format!("the store holds nothing under {}", a.id)))?;
            drop(bar);
            let bytes = &fetched.bytes;
            // Whatever kind it is, it must recompute the id it was asked for.
            let kind = gensyn_store::kind_of(&id, bytes)
                .ok_or_else(|| CliError::Mismatch(format!("the store's bytes for {} do not recompute it", a.id)))?;
            std::fs::write(&a.out, bytes)
                .map_err(|e| CliError::other(format!("cannot write {}: {e}", a.out.display())))?;
            for s in &fetched.skipped {
                out.note(&format!("skipped {s}"));
            }
            let (source, shards) = match &fetched.source {
                Source::Shards(used) => {
                    ("shards", used.iter().map(|(url, i)| json!({ "source": url, "shard": i })).collect::<Vec<_>>())
                }
                Source::Node => ("node", Vec::new()),
            };
            let skipped: Vec<Value> =
                fetched.skipped.iter().map(|s| json!({ "source": s.source, "shard": s.shard, "why": s.why })).collect();
            let doc = json!({
                "id": a.id, "kind": kind.name(), "bytes": bytes.len(), "out": a.out,
                "source": source, "shards": shards, "skipped": skipped,
            });
            out.emit(doc, || {
                let from = match &fetched.source {
                    Source::Shards(used) => format!("rebuilt from {} shards", used.len()),
                    Source::Node => "the node's copy".to_string(),
                };
                format!("{} {} ({} bytes, {from}) → {}", kind.name(), a.id, bytes.len(), a.out.display())
            });
        }
        BlobCmd::Status(a) => {
            let id = parse_id(&a.id)?;
            let chain = super::connect(global).await?;
            let head = chain.best().await?;
            let best = head.number;
            let Some((entry, encodings)) = query::availability(&chain, id, Some(head.hash)).await? else {
                // The node remembers what the chain pruned, and when: its
                // refusal names the block (error 4004).
                if let Err(e @ CliError::NotFound(_)) = chain.store_get(&id).await {
                    return Err(e);
                }
                return Err(CliError::NotFound(format!(
                    "the chain has no availability entry for {} (never registered, or pruned)",
                    a.id
                )));
            };
            let status = match entry.status {
                Status::Available { .. } => "available",
                Status::Pending if best > entry.deadline => "unavailable",
                Status::Pending => "pending",
            };
            let holders: Vec<Value> = entry
                .holders
                .iter()
                .enumerate()
                .map(|(i, h)| json!({ "shard": i, "holder": accounts::label_of(h), "attested": entry.has_attested(i) }))
                .collect();
            let e = entry.erasure;
            let doc = json!({
                "id": a.id, "status": status, "best": best,
                "erasure": { "root": hex32(&e.root), "len": e.len, "k": e.k, "n": e.n, "shard_len": e.shard_len() },
                "attested": entry.count, "holders": holders,
                "deadline": entry.deadline, "expires": entry.expires,
                "retention": format!("{:?}", entry.retention).to_lowercase(),
                "payer": accounts::label_of(&entry.payer), "deposit": entry.deposit.to_string(),
                "encodings": encodings,
            });
            // Other bytes registered under the same name (by a holder that
            // lies, or an encoding for an older validator set) are shown, so a
            // pending count is not mistaken for the whole story.
            let others = match (encodings, status) {
                (1, _) => String::new(),
                (n, "available") => format!("; {} other encodings registered under this name", n - 1),
                (n, _) => format!("; {n} encodings registered under this name, this the most attested"),
            };
            out.emit(doc, || {
                format!(
                    "{} {status}: {} of {} validators attested (k = {}), {} bytes in shards of {}; expires at block {} (best {best}); {} holds {}",
                    a.id,
                    entry.count,
                    e.n,
                    e.k,
                    e.len,
                    e.shard_len(),
                    entry.expires,
                    accounts::label_of(&entry.payer),
                    crate::amount::format_tokens(entry.deposit)
                ) + &others
            });
        }
    }
    Ok(())
}

/// A `0x…` 32-byte id.
pub fn parse_id(s: &str) -> Result<[u8; 32], CliError> {
    let bad = || CliError::Usage(format!("bad artefact id '{s}': expected 0x and 64 hex digits"));
    let raw = hex::decode(s.trim().trim_start_matches("0x")).map_err(|_| bad())?;
    raw.try_into().map_err(|_| bad())
}
