//! The node's side of the availability layer (`pallet-availability`): it
//! keeps its shard of every artefact, registers what it is handed whole,
//! attests what it holds, answers the chain's challenges and drops what the
//! chain pruned.
//!
//! - **Put** (the node a party hands an artefact to): the bytes must
//!   recompute their commitment; they are kept whole (this node serves them
//!   fastest), erasure-coded for the current holders (the validators, or on
//!   instant seal this node alone), registered on chain (which counts as
//!   this node's attestation), and once the registration is in a block
//!   each other holder's shard sent to its node (`gensyn_shardPut`, found
//!   through `--store-peers`), which takes only shards of encodings the
//!   chain has an entry of.
//! - **Duties**, every new best block: attest the shards held whose
//!   encoding's entry is pending and that it checked; answer each open
//!   challenge to this holder with its piece and proofs; delete the shards, and the whole
//!   copies, of entries the chain pruned, leaving a tombstone so a read
//!   after expiry says when it expired.
//! - **Recover**: a registration whose shard this node's holder owes and
//!   never got (the node was down or behind when it was handed out, or the
//!   registrar did not send it) is read from the block's events; a block or
//!   two later, within the attestation window, the node rebuilds the
//!   artefact from `k` of its peers' shards, cuts its own shard from the
//!   re-encoding and attests it. The rebuild is the check below.
//! - **Check**: before attesting a shard of an encoding it did not make,
//!   the node rebuilds the artefact from `k` shards of it and recomputes the
//!   commitment: a shard checks against its root alone, and any holder can
//!   push shards of other bytes under an honest artefact's name.
//! - **Get**: the whole copy if held; otherwise any `k` shards of the
//!   chain's available encoding — this node's and its peers'
//!   (`gensyn_shardGet`) — each checked against the chain's root, decoded,
//!   re-encoded (the root must come back) and checked against the
//!   commitment. A withheld or corrupt shard is skipped and logged. (The
//!   CLI reads shards from the validators itself, `gensyn_cli::reader`;
//!   this is its fallback, and what a peer without the bytes uses.)
//!
//! Every transaction here is an authorized general transaction signed
//! inside the call with the node's store key (on PoS its session key of
//! type `gsto`, in the keystore; on instant seal `//GensynStore`): no
//! account, nonce or fee.

use codec::{Decode, Encode};
use futures::stream::{FuturesUnordered, StreamExt};
use gensyn_availability::{encode, Reader};
use gensyn_commitment::{
    erasure::{self, ErasureCommitment},
    merkle::Proof,
};
use gensyn_runtime::{
    opaque::Block, pallet_availability as pa, AccountId, BlockNumber, Runtime, RuntimeCall, UncheckedExtrinsic,
};
use gensyn_store::{ArtefactStore, DiskStore, Kind};
use jsonrpsee::{
    core::{client::ClientT, params::ArrayParams},
    ws_client::WsClientBuilder,
};
use polkadot_sdk::{
    frame_support::BoundedVec,
    pallet_session,
    sc_client_api::StorageProvider,
    sc_transaction_pool_api::{
        error::{Error as PoolError, IntoPoolError},
        TransactionPool, TransactionSource,
    },
    sp_blockchain::HeaderBackend,
    sp_core::{crypto::KeyTypeId, sr25519, storage::StorageKey, Bytes, Pair, H256},
    sp_keystore::KeystorePtr,
    sp_runtime::transaction_validity::InvalidTransaction,
};
use std::{
    collections::{BTreeMap, HashMap},
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
    time::Duration,
};

/// The store key's type in the keystore (the runtime's `SessionKeys::store`).
pub const STORE_KEY_TYPE: KeyTypeId = KeyTypeId(*b"gsto");
/// The secret URI of the instant-seal store's key (public like alice's).
pub const STORE_SURI: &str = "//GensynStore";

/// A shard as a holder keeps it: enough to serve a reader and answer a
/// challenge without the chain.
#[derive(Clone, Encode, Decode)]
pub struct HeldShard {
    /// The artefact's protocol commitment.
    pub commitment: [u8; 32],
    /// Its erasure commitment.
    pub erasure: ErasureCommitment,
    /// Which shard.
    pub index: u16,
    /// The shard's proof in the erasure root.
    pub proof: Proof,
    /// The shard.
    pub shard: Vec<u8>,
}

impl HeldShard {
    /// Whether it is what it says: shard `index` under `erasure`'s root.
    pub fn checks(&self) -> bool {
        self.erasure.is_well_formed() && self.erasure.check_shard(self.index, &self.shard, &self.proof)
    }
}

/// What one node's answer to `gensyn_shardGet` gave a [`Reader`].
#[derive(Debug, Default)]
pub struct Offered {
    /// The shard indices the reader took.
    pub taken: Vec<u16>,
    /// What it set aside: the shard's index when the item named one, and why.
    pub refused: Vec<(Option<u16>, String)>,
}

/// Offers one node's `gensyn_shardGet(id, erasure.id())` answer to `reader`
/// (built for `erasure`), until it is ready: each item must decode as a
/// [`HeldShard`] of artefact `id` in encoding `erasure` and check against
/// the root. An answer of more than `n` items is set aside whole, so a
/// node that answers with millions costs one decode of none. The one
/// check of an answer, for the CLI's reader and this node's rebuilds.
pub fn offer_answer(reader: &mut Reader, id: &[u8; 32], erasure: &ErasureCommitment, answer: Vec<Vec<u8>>) -> Offered {
    let mut out = Offered::default();
    if answer.len() > usize::from(erasure.n) {
        out.refused.push((None, format!("sent {} items for {} shards; ignored", answer.len(), erasure.n)));
        return out;
    }
    for bytes in answer {
        if reader.is_ready() {
            break;
        }
        let s = match HeldShard::decode(&mut &bytes[..]) {
            Ok(s) if s.commitment == *id => s,
            _ => {
                out.refused.push((None, "not a shard of this artefact".into()));
                continue;
            }
        };
        if s.erasure != *erasure {
            // Another encoding registered under the same name.
            out.refused.push((Some(s.index), "of another encoding than the one asked for".into()));
            continue;
        }
        match reader.offer(s.index, s.shard, &s.proof) {
            Ok(()) => out.taken.push(s.index),
            // Two nodes holding one shard is no fault.
            Err(gensyn_availability::Rejection::Duplicate) => {}
            Err(why) => out.refused.push((Some(s.index), why.to_string())),
        }
    }
    out
}

/// Shards on disk, one file per (artefact, encoding, index), and
/// tombstones of the artefacts the chain pruned. One artefact may have
/// shards of several encodings (a holder may have pushed another under its
/// name): each is kept, checked and dropped on its own.
pub struct ShardDir {
    dir: PathBuf,
}

fn hex(id: &[u8; 32]) -> String {
    id.iter().map(|b| format!("{b:02x}")).collect()
}

/// An artefact and one of its encodings, by id ([`ErasureCommitment::id`]).
pub type EncodingKey = ([u8; 32], [u8; 32]);

impl HeldShard {
    /// The artefact and the encoding this shard is of.
    pub fn key(&self) -> EncodingKey {
        (self.commitment, self.erasure.id())
    }
}

/// Whether an entry read as short past its deadline on the best chain
/// (`best`) failed for good: the finalized chain, at `finalized`, is past
/// the deadline too and holds the same registration (same block), not
/// available. `at_finalized` reads the finalized entry, only when needed.
pub fn failed_for_good(
    best: &pa::EntryOf<Runtime>,
    finalized: BlockNumber,
    at_finalized: impl FnOnce() -> Option<pa::EntryOf<Runtime>>,
) -> bool {
    finalized > best.deadline
        && at_finalized().is_some_and(|e| e.since == best.since && !matches!(e.status, pa::Status::Available { .. }))
}

/// An encoding of which this node holds a shard, waiting for its check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToCheck {
    /// The artefact and its encoding.
    pub key: EncodingKey,
    /// The block its entry was registered at.
    pub since: BlockNumber,
    /// The holder that registered it (and so holds all its shards).
    pub registrar: AccountId,
    /// What its shards must check against.
    pub erasure: ErasureCommitment,
}

/// A check that came back short: at which block, and who was the
/// encoding's registrar then (a later renewal may name another, which
/// the stall must not blame).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stall {
    /// The block it came back short at.
    pub at: BlockNumber,
    /// The registrar the entry named when its check was started.
    pub registrar: AccountId,
}

/// The order checks are started in, once per encoding, while the check
/// slots last: encodings of registrars none of whose waiting encodings
/// stalled first; within each group, those never tried first, earliest
/// registered first, then those whose last check came back short, least
/// recently first. A liar whose junk encodings only it can complete, and
/// that stalls its answers, makes each of their checks wait out its
/// deadline; tried in the order the shards lie on disk, they held the
/// slots ahead of an honest encoding registered beside them, every block,
/// until its deadline passed. Fresh junk registered just ahead of each
/// honest registration was still tried first, being new: but only its
/// registrar can stall a check (it alone holds every shard; an honest
/// registrar handed them out), so once one of its encodings stalled, the
/// rest of that registrar's queue behind everyone else's.
pub fn check_order(mut waiting: Vec<ToCheck>, stalled: &HashMap<EncodingKey, Stall>) -> Vec<ToCheck> {
    // Blamed only for stalls of encodings it was the registrar of then.
    let stallers: std::collections::HashSet<AccountId> = waiting
        .iter()
        .filter_map(|c| stalled.get(&c.key).filter(|s| s.registrar == c.registrar).map(|s| s.registrar.clone()))
        .collect();
    waiting.sort_by_key(|c| {
        let staller = stallers.contains(&c.registrar);
        match stalled.get(&c.key) {
            None => (staller, false, c.since),
            Some(s) => (staller, true, s.at),
        }
    });
    let mut seen = std::collections::HashSet::new();
    waiting.retain(|c| seen.insert(c.key));
    waiting
}

impl ShardDir {
    /// The folder (created if missing).
    pub fn open(dir: PathBuf) -> std::io::Result<Self> {
        std::fs::create_dir_all(&dir)?;
        Ok(ShardDir { dir })
    }

    fn path(&self, (id, encoding): &EncodingKey, index: u16) -> PathBuf {
        self.dir.join(format!("{}.{}.{index}", hex(id), hex(encoding)))
    }

    fn tombstone(&self, id: &[u8; 32]) -> PathBuf {
        self.dir.join(format!("{}.expired", hex(id)))
    }

    /// Keeps a shard that checks (written atomically).
    pub fn put(&self, s: &HeldShard) -> std::io::Result<()> {
        let key = s.key();
        let path = self.path(&key, s.index);
        // One temporary name per write: two puts of one shard at once (a
        // hand-out and a recovery) must not rename each other's file away.
        static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = self.dir.join(format!(".{}.{}.{}.{n}.tmp", hex(&key.0), hex(&key.1), s.index));
        std::fs::write(&tmp, s.encode())?;
        std::fs::rename(tmp, path)?;
        // The tombstone stays: it speaks only while the chain has no entry
        // of the artefact, and a shard anyone can push (a liar's encoding
        // of a pruned artefact) must not erase the block it expired at.
        Ok(())
    }

    /// Shard `index` of encoding `key`, if held and readable.
    pub fn get(&self, key: &EncodingKey, index: u16) -> Option<HeldShard> {
        let bytes = std::fs::read(self.path(key, index)).ok()?;
        HeldShard::decode(&mut &bytes[..]).ok()
    }

    /// Every shard held of `id`, in any encoding.
    pub fn of(&self, id: &[u8; 32]) -> Vec<HeldShard> {
        let prefix = format!("{}.", hex(id));
        self.names().filter(|n| n.starts_with(&prefix)).filter_map(|n| self.read(&n)).collect()
    }

    /// Every shard held of encoding `key`.
    pub fn of_encoding(&self, key: &EncodingKey) -> Vec<HeldShard> {
        let prefix = format!("{}.{}.", hex(&key.0), hex(&key.1));
        self.names().filter(|n| n.starts_with(&prefix)).filter_map(|n| self.read(&n)).collect()
    }

    /// `{artefact}.{encoding}.{index}`: 64 hex digits, 64 more, digits.
    fn names(&self) -> impl Iterator<Item = String> {
        std::fs::read_dir(&self.dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| {
                let b = n.as_bytes();
                b.len() > 130
                    && b[64] == b'.'
                    && b[129] == b'.'
                    && b[..64].iter().chain(&b[65..129]).all(u8::is_ascii_hexdigit)
                    && b[130..].iter().all(u8::is_ascii_digit)
            })
    }

    fn read(&self, name: &str) -> Option<HeldShard> {
        let bytes = std::fs::read(self.dir.join(name)).ok()?;
        HeldShard::decode(&mut &bytes[..]).ok()
    }

    /// Every shard held.
    pub fn all(&self) -> Vec<HeldShard> {
        self.names().filter_map(|n| self.read(&n)).collect()
    }

    /// How long ago shard `index` of encoding `key` was written.
    pub fn age(&self, key: &EncodingKey, index: u16) -> Option<Duration> {
        std::fs::metadata(self.path(key, index)).ok()?.modified().ok()?.elapsed().ok()
    }

    /// Drops one shard (no tombstone: the chain never named it, or this
    /// node does not know when it expired).
    pub fn drop_shard(&self, key: &EncodingKey, index: u16) {
        let _ = std::fs::remove_file(self.path(key, index));
    }

    /// Drops every shard of encoding `key`; with `at`, records that the
    /// artefact expired at that block (its available encoding was pruned).
    pub fn expire(&self, key: &EncodingKey, at: Option<BlockNumber>) {
        for s in self.of_encoding(key) {
            let _ = std::fs::remove_file(self.path(key, s.index));
        }
        if let Some(at) = at {
            let _ = std::fs::write(self.tombstone(&key.0), at.to_string());
        }
    }

    /// The block `id` expired at, if this node saw it pruned.
    pub fn expired(&self, id: &[u8; 32]) -> Option<BlockNumber> {
        std::fs::read_to_string(self.tombstone(id)).ok()?.trim().parse().ok()
    }
}

/// What rebuilding an encoding found.
enum Rebuilt {
    /// The bytes (re-encoded to the root).
    Bytes(Vec<u8>),
    /// Fewer than `k` shards that check: try again later.
    Short,
    /// `k` shards that check decode to bytes that do not re-encode to the
    /// root: not a codeword, never readable.
    Bad,
}

/// How this node signs: a keystore key (PoS) or the dev store pair.
#[derive(Clone)]
enum Signer {
    Keystore(sr25519::Public),
    Dev(sr25519::Pair),
}

/// The RPC error code of [`StoreFailure::Unpaid`]: the client signs its
/// payment again, for the current holders, and retries.
pub const UNPAID: i32 = 4002;

/// Why a put or a get failed, as the RPC reports it.
#[derive(Debug)]
pub enum StoreFailure {
    /// The bytes are not an artefact of the kind (the caller's fault).
    Refused(String),
    /// The payment cannot pay for this put: stale, or signed for another
    /// encoding (the holder set changed meanwhile). Signed again for the
    /// current holders, the same put goes through.
    Unpaid(String),
    /// The chain pruned it at this block.
    Expired(BlockNumber),
    /// The node could not do its part (no store key, chain state, pool).
    Node(String),
}

/// The storage keys the holder set is read from (the runtime's
/// `StoreHolders`): the PoS slot duration, and the session's validators.
pub const HOLDER_KEYS: [fn() -> Vec<u8>; 2] = [
    || pallet_validators::SlotDuration::<Runtime>::hashed_key().to_vec(),
    || pallet_session::Validators::<Runtime>::hashed_key().to_vec(),
];

/// The holders from what [`HOLDER_KEYS`] hold: the instant-seal store
/// account where the chain has no slots, else the session's validators
/// (read only then).
pub fn holders_from<E>(
    slot_duration: Option<u64>,
    validators: impl FnOnce() -> Result<Vec<AccountId>, E>,
) -> Result<Vec<AccountId>, E> {
    if slot_duration.unwrap_or(0) == 0 {
        return Ok(vec![AccountId::from(gensyn_runtime::protocol::STORE_ACCOUNT)]);
    }
    validators()
}

/// Why the pool refused one of this node's transactions.
#[derive(Debug)]
pub struct Refusal {
    /// The runtime's custom refusal code (`pa::invalid`), if it gave one.
    pub code: Option<u8>,
    /// What to tell.
    pub message: String,
}

impl Refusal {
    /// Whether the refusal is the payer's doing (its deposit, its quota,
    /// its signature), not this node's.
    pub fn payers_fault(&self) -> bool {
        matches!(self.code, Some(pa::invalid::DEPOSIT | pa::invalid::QUOTA | pa::invalid::BAD_PAYMENT))
    }
}

impl From<String> for Refusal {
    fn from(message: String) -> Self {
        Refusal { code: None, message }
    }
}

impl From<Refusal> for String {
    fn from(r: Refusal) -> Self {
        r.message
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The class an artefact of `kind` is kept in.
pub fn retention_of(kind: Kind) -> pa::Retention {
    match kind {
        Kind::Spec | Kind::Dataset => pa::Retention::TrainingData,
        Kind::Checkpoint => pa::Retention::ProofData,
    }
}

/// Whether `payment` pays for encoding `erasure` of `id` in class
/// `retention` on the chain with genesis `genesis` at block `now`: signed
/// by its payer for exactly that, at a block the chain still counts recent
/// ([`pa::Config::AttestWindow`]). Checked before anything is kept, so a
/// put nobody pays for costs the node no disk.
pub fn check_payment(
    genesis: &H256,
    payment: &pa::PaymentOf<Runtime>,
    id: &[u8; 32],
    erasure: &ErasureCommitment,
    retention: pa::Retention,
    now: BlockNumber,
) -> Result<(), String> {
    use polkadot_sdk::sp_runtime::traits::Verify;
    if payment.at > now || now - payment.at > gensyn_runtime::protocol::ATTEST_WINDOW {
        return Err(format!(
            "the storage payment was signed at block {}, not recent at block {now}: sign it again",
            payment.at
        ));
    }
    let message = pa::payment_message(genesis, &payment.payer, id, &erasure.id(), retention, &payment.at);
    if !payment.signature.verify(&message[..], &payment.payer) {
        return Err(format!(
            "the storage payment is not its payer's signature of this artefact's encoding for the {} current \
             holders as {}: signed for other bytes, another class or another holder set; sign it again",
            erasure.n,
            match retention {
                pa::Retention::TrainingData => "training data",
                pa::Retention::ProofData => "proof data",
            }
        ));
    }
    Ok(())
}

/// The node's availability duties and reads.
pub struct Holder<C, P> {
    /// Whole artefacts handed to this node.
    pub whole: Arc<DiskStore>,
    /// Shards held.
    pub shards: ShardDir,
    peers: Option<PathBuf>,
    client: Arc<C>,
    pool: Arc<P>,
    keystore: KeystorePtr,
    /// What was sent lately and at which block: (kind of message,
    /// encoding, shard, instance) → block, so a duty is not sent again
    /// every block.
    sent: Mutex<HashMap<(u8, EncodingKey, u16, BlockNumber), BlockNumber>>,
    /// The entries seen: expiry block and whether the encoding was the
    /// artefact's available one, so a pruned one is known as such.
    seen: Mutex<HashMap<EncodingKey, (BlockNumber, bool)>>,
    /// Encodings this node checked decode to their artefact (or do not).
    /// A shard checks against its root alone: any holder can push shards
    /// of other bytes under an honest artefact's name, and a node that
    /// attested those would help make junk "available".
    checked: Mutex<HashMap<EncodingKey, bool>>,
    /// Encodings being checked now, and whether as a recovery of an owed
    /// shard.
    checking: Mutex<HashMap<EncodingKey, bool>>,
    /// Encodings whose last check came back short (too few shards in
    /// time), with the block it did: see [`check_order`].
    stalled: Mutex<HashMap<EncodingKey, Stall>>,
    /// Encodings registered lately whose shard this node's holder may owe
    /// and not hold (its node was down or behind when the shard was handed
    /// out, or the registrar never sent it): until their deadline the node
    /// rebuilds the shard from its peers' and attests it.
    owed: Mutex<BTreeMap<EncodingKey, Owed>>,
    /// The blocks of the best chain whose registrations were read into
    /// `owed`, by number (a re-org's new blocks are read again).
    scanned: Mutex<BTreeMap<BlockNumber, H256>>,
    /// Registrations the pool took but no finalized block holds yet, with
    /// what their put added to the disk: taken back once they can no
    /// longer land, and counted against their payer's funds meanwhile.
    provisional: Mutex<HashMap<EncodingKey, Provisional>>,
    /// One lock per artefact id: puts of the same bytes run one at a time,
    /// so one refused put's clean-up cannot take another's files.
    putting: Mutex<HashMap<[u8; 32], Arc<tokio::sync::Mutex<()>>>>,
}

/// A registration sent but not yet in a finalized block.
#[derive(Clone, Debug, PartialEq)]
pub struct Provisional {
    /// Who pays for it.
    pub payer: AccountId,
    /// The deposit it will hold.
    pub deposit: gensyn_runtime::Balance,
    /// The newest payment's block: past it by the attestation window, no
    /// block can take the registration any more.
    pub paid_at: BlockNumber,
    /// This node's shard index of it.
    pub index: u16,
    /// Whether the shard was here before the first such put.
    pub had_shard: bool,
    /// Whether the whole copy was here before the first such put.
    pub had_whole: bool,
}

/// What becomes of a provisional registration, given the finalized chain.
#[derive(Debug, PartialEq, Eq)]
pub enum Settled {
    /// It may still land.
    Waiting,
    /// A finalized block holds its entry: it is the chain's now.
    Landed,
    /// It can no longer land: what its put kept goes.
    Lost,
}

/// Whether a registration paid at `paid_at` is settled, the finalized
/// chain (at `finalized`) holding an entry of its encoding or not. The pool
/// refuses a payment older than the attestation window, so once the
/// finalized chain is past that, a registration it lacks never lands.
pub fn settle(paid_at: BlockNumber, finalized: BlockNumber, entry_finalized: bool) -> Settled {
    if entry_finalized {
        Settled::Landed
    } else if finalized > paid_at.saturating_add(gensyn_runtime::protocol::ATTEST_WINDOW) {
        Settled::Lost
    } else {
        Settled::Waiting
    }
}

/// The deposits and new entries `payer` has in flight through this node at
/// best block `now`: sent, charged, not in the best chain (`landed`, where
/// the chain counts them itself) and still able to land (the payment
/// within its window: while finality stalls the record outlives it);
/// besides those of `except` (the one being put again).
pub fn in_flight(
    provisional: &HashMap<EncodingKey, Provisional>,
    payer: &AccountId,
    except: &EncodingKey,
    now: BlockNumber,
    landed: impl Fn(&EncodingKey) -> bool,
) -> (gensyn_runtime::Balance, u32) {
    provisional
        .iter()
        .filter(|(k, p)| {
            &p.payer == payer
                && *k != except
                && p.deposit > 0
                && now <= p.paid_at.saturating_add(gensyn_runtime::protocol::ATTEST_WINDOW)
                && !landed(k)
        })
        .fold((0, 0), |(d, n), (_, p)| (d.saturating_add(p.deposit), n + 1))
}

/// A shard this node's holder may owe and not hold.
#[derive(Clone, Copy)]
struct Owed {
    /// The entry's attestation deadline: recovering later is useless.
    deadline: BlockNumber,
    /// Recoveries started.
    tries: u8,
}

/// How long a get that misses waits for its peers' shards, in all.
const PEERS_DEADLINE: Duration = Duration::from_secs(20);

/// How long a shard no entry on chain names is kept: a registration
/// follows its shards within seconds, so an hour is only for the slow.
const UNREGISTERED_FOR: Duration = Duration::from_secs(3600);

/// How long a put waits for its registration to be in a block before it
/// hands out shards.
const REGISTRATION_WAIT: Duration = Duration::from_secs(12);

/// How long a holder handed a shard waits for its own best block to have
/// the encoding's entry (the putter's had it): short, so nobody can hold
/// many handlers open with shards of nothing.
const SHARD_WAIT: Duration = Duration::from_secs(4);

/// How long one check of an encoding waits for peers' shards: well inside
/// the attestation window, so a peer that holds its answer open delays a
/// check by a block or two, not past the deadline (it is tried again).
const CHECK_DEADLINE: Duration = Duration::from_secs(3);

/// Checks running at once: a liar's registrations queue behind each other
/// rather than fill the node's memory and links.
const MAX_CHECKS: usize = 2;

/// Recoveries of owed shards running at once, beside the checks: neither
/// waits for the other.
const MAX_RECOVERIES: usize = 1;

/// Recoveries tried per owed shard: one that found fewer than `k` shards
/// is tried again the next blocks, a few times.
const MAX_RECOVERY_TRIES: u8 = 3;

/// Blocks before a duty not yet on chain is sent again.
const RESEND_AFTER: BlockNumber = 3;

/// Blocks after a registration before a holder without its shard rebuilds
/// it from its peers': the registrar's hand-out comes within one or two,
/// and rebuilding costs about the artefact's size in downloads.
const RECOVER_AFTER: BlockNumber = 2;

fn storage_key(key: Vec<u8>) -> StorageKey {
    StorageKey(key)
}

impl<C, P> Holder<C, P>
where
    C: HeaderBackend<Block>
        + StorageProvider<Block, polkadot_sdk::sc_service::TFullBackend<Block>>
        + Send
        + Sync
        + 'static,
    P: TransactionPool<Block = Block> + 'static,
{
    /// A holder over the node's stores.
    pub fn new(
        whole: Arc<DiskStore>,
        shards: ShardDir,
        peers: Option<PathBuf>,
        client: Arc<C>,
        pool: Arc<P>,
        keystore: KeystorePtr,
    ) -> Self {
        Holder {
            whole,
            shards,
            peers,
            client,
            pool,
            keystore,
            sent: Default::default(),
            seen: Default::default(),
            checked: Default::default(),
            checking: Default::default(),
            stalled: Default::default(),
            owed: Default::default(),
            scanned: Default::default(),
            provisional: Default::default(),
            putting: Default::default(),
        }
    }

    fn read<T: Decode>(&self, at: H256, key: Vec<u8>) -> Result<Option<T>, String> {
        match self.client.storage(at, &storage_key(key)).map_err(|e| e.to_string())? {
            Some(data) => T::decode(&mut &data.0[..]).map(Some).map_err(|e| format!("chain state: {e}")),
            None => Ok(None),
        }
    }

    fn best(&self) -> (H256, BlockNumber) {
        let info = self.client.info();
        (info.best_hash, info.best_number)
    }

    /// The current holders, as the runtime's `StoreHolders` reads them.
    fn holders(&self, at: H256) -> Result<Vec<AccountId>, String> {
        let [slots, validators] = HOLDER_KEYS.map(|k| k());
        holders_from(self.read(at, slots)?, || Ok(self.read(at, validators)?.unwrap_or_default()))
    }

    /// The encoding of `id` the chain counts available, if any.
    fn chosen(&self, at: H256, id: &[u8; 32]) -> Result<Option<[u8; 32]>, String> {
        self.read(at, pa::Chosen::<Runtime>::hashed_key_for(id))
    }

    /// The chain's entry of `id` in its available encoding.
    pub fn entry(&self, at: H256, id: &[u8; 32]) -> Result<Option<pa::EntryOf<Runtime>>, String> {
        match self.chosen(at, id)? {
            Some(encoding) => self.entry_of(at, &(*id, encoding)),
            None => Ok(None),
        }
    }

    /// The chain's entry of one encoding.
    fn entry_of(&self, at: H256, (id, encoding): &EncodingKey) -> Result<Option<pa::EntryOf<Runtime>>, String> {
        self.read(at, pa::Artefacts::<Runtime>::hashed_key_for(id, encoding))
    }

    /// The holder this node signs for and how: the first of its store keys
    /// (the keystore's, then the instant-seal store's) whose owner is a
    /// current holder. A dev node's keystore may hold alice's session keys
    /// on a chain where alice holds nothing.
    fn signer(&self, at: H256) -> Result<Option<(AccountId, Signer)>, String> {
        let holders = self.holders(at)?;
        let dev = sr25519::Pair::from_string(STORE_SURI, None).map_err(|e| format!("store key: {e:?}"))?;
        let candidates = self
            .keystore
            .sr25519_public_keys(STORE_KEY_TYPE)
            .into_iter()
            .map(|public| (public, Signer::Keystore(public)))
            .chain([(dev.public(), Signer::Dev(dev))]);
        for (public, signer) in candidates {
            let id: pa::crypto::StoreId = public.into();
            if let Some(owner) = self.read::<AccountId>(at, pa::KeyOwner::<Runtime>::hashed_key_for(id))? {
                if holders.contains(&owner) {
                    return Ok(Some((owner, signer)));
                }
            }
        }
        Ok(None)
    }

    /// `payload` signed for this chain (`pa::signed_message`: with its
    /// genesis hash, so it cannot be replayed on another).
    fn sign(&self, signer: &Signer, payload: &impl Encode) -> Result<pa::crypto::StoreSignature, String> {
        let message = pa::signed_message(&self.client.info().genesis_hash, payload);
        let sig = match signer {
            Signer::Dev(pair) => pair.sign(&message),
            Signer::Keystore(public) => self
                .keystore
                .sr25519_sign(STORE_KEY_TYPE, public, &message)
                .map_err(|e| e.to_string())?
                .ok_or("the store key left the keystore")?,
        };
        Ok(sig.into())
    }

    /// Puts an authorized general transaction in the pool.
    async fn submit(&self, call: pa::Call<Runtime>) -> Result<(), Refusal> {
        let xt = UncheckedExtrinsic::new_transaction(RuntimeCall::Availability(call), gensyn_runtime::tx_extension(0));
        let opaque = Decode::decode(&mut &xt.encode()[..]).map_err(|e: codec::Error| Refusal::from(e.to_string()))?;
        let (best, _) = self.best();
        let _ = self.pool.ready_at_with_timeout(best, Duration::from_secs(2)).await;
        match self.pool.submit_one(best, TransactionSource::Local, opaque).await.map_err(IntoPoolError::into_pool_error)
        {
            Ok(_) => Ok(()),
            // The pool holds one with the same tag already (a duty sent
            // twice, or the fork-aware pool's early import,
            // paritytech/polkadot-sdk#11419): it is on its way.
            Err(Ok(PoolError::AlreadyImported(_) | PoolError::TooLowPriority { .. })) => Ok(()),
            Err(Ok(PoolError::InvalidTransaction(InvalidTransaction::Custom(code)))) => Err(Refusal {
                code: Some(code),
                message: format!("the chain refused it: {}", pa::invalid::describe(code)),
            }),
            Err(Ok(e)) => Err(e.to_string().into()),
            Err(Err(e)) => Err(e.to_string().into()),
        }
    }

    /// Whether a duty `(what, id, index)` was sent within the last few blocks;
    /// if not, marks it sent now.
    /// (`instance` tells two challenges of one shard apart: their due block.)
    fn first_in_a_while(
        &self,
        what: u8,
        key: &EncodingKey,
        index: u16,
        instance: BlockNumber,
        now: BlockNumber,
    ) -> bool {
        let mut sent = self.sent.lock().expect("not poisoned");
        // Forget what is long past, so the map stays small.
        sent.retain(|_, at| now < at.saturating_add(10 * RESEND_AFTER));
        match sent.get(&(what, *key, index, instance)) {
            Some(at) if now < at.saturating_add(RESEND_AFTER) => false,
            _ => {
                sent.insert((what, *key, index, instance), now);
                true
            }
        }
    }

    /// Takes an artefact whole: checks it, keeps it, hands out its shards
    /// and registers it, paid for by `payment` (the deposit is the payer's).
    /// Idempotent: what is registered and available (or still pending with
    /// this node's attestation) is only handed out again. Nothing is kept
    /// for a payment that cannot pay: not signed by its payer for these
    /// bytes' encoding for the current holders and their class, or stale.
    pub async fn put(
        self: &Arc<Self>,
        kind: Kind,
        bytes: Vec<u8>,
        payment: pa::PaymentOf<Runtime>,
    ) -> Result<[u8; 32], StoreFailure> {
        let node = |e: String| StoreFailure::Node(e);
        let refused = |e: String| StoreFailure::Refused(e);
        if bytes.len() > gensyn_store::MAX_ARTEFACT {
            return Err(refused(format!(
                "{} bytes; the store takes at most {}",
                bytes.len(),
                gensyn_store::MAX_ARTEFACT
            )));
        }
        let id = gensyn_store::commitment_of(kind, &bytes).map_err(|e| refused(e.to_string()))?;
        let lock = self.putting.lock().expect("not poisoned").entry(id).or_default().clone();
        let _held = lock.lock().await;
        let _unmap = Unmap { map: &self.putting, id, lock: &lock };
        // Read once the lock is held: the chain may have moved meanwhile.
        let (at, now) = self.best();
        // A node that holds no shards takes nothing (what it kept whole would
        // never be pruned).
        let (me, signer) = self
            .signer(at)
            .map_err(node)?
            .ok_or_else(|| node("this node holds no shards: none of its store keys is a current holder's".into()))?;
        let holders = self.holders(at).map_err(node)?;
        let chosen = self.chosen(at, &id).map_err(node)?;
        if let Some(encoding) = chosen {
            if self
                .entry_of(at, &(id, encoding))
                .map_err(node)?
                .is_some_and(|e| usize::from(e.erasure.n) != holders.len())
            {
                // Available for another holder set: its holders keep the
                // shards of that encoding; nothing here may replace them,
                // and nothing is kept here unpaid.
                return Ok(id);
            }
        }
        let (erasure, encoded) = {
            let data = bytes.clone();
            let n = holders.len() as u16;
            let e = tokio::task::spawn_blocking(move || encode(&data, n))
                .await
                .map_err(|e| node(e.to_string()))?
                .map_err(|e| refused(e.to_string()))?;
            (e.commitment, e)
        };
        let key = (id, erasure.id());
        if chosen.is_some_and(|c| c != key.1) {
            // Another encoding for this holder set is available: more than
            // a third of the holders attested bytes they never checked.
            return Err(node(format!("another encoding of {:?} is available on chain", H256(id))));
        }
        let retention = retention_of(kind);
        // Registered afresh if this encoding has no live entry; renewed if
        // its entry is pending without this node's attestation — another
        // holder may have registered these bytes first, late in a window
        // or for a shorter class, to make the honest party miss its
        // deadline.
        let existing = self.entry_of(at, &key).map_err(node)?;
        // A pending entry past its deadline failed: registered afresh.
        let live = existing.as_ref().filter(|e| !(e.status == pa::Status::Pending && now > e.deadline));
        let register = match live {
            None => true,
            Some(e) if e.status == pa::Status::Pending => {
                e.holders.iter().position(|h| h == &me).is_some_and(|i| !e.has_attested(i))
            }
            Some(_) => false,
        };
        // What the chain will charge this payer, as `check_register` does:
        // a new entry's deposit, but nothing for renewing one in its class,
        // nor for replacing the payer's own failed entry of these bytes.
        let charged = match (live, &existing) {
            (Some(e), _) => {
                retention == pa::Retention::TrainingData
                    && e.retention == pa::Retention::ProofData
                    && e.payer != payment.payer
            }
            (None, Some(old)) => old.payer != payment.payer,
            (None, None) => true,
        };
        let deposit = if charged { pa::Pallet::<Runtime>::deposit_for(erasure.len) } else { 0 };
        if register {
            check_payment(&self.client.info().genesis_hash, &payment, &id, &erasure, retention, now)
                .map_err(StoreFailure::Unpaid)?;
            // The pool judges each registration against the chain alone:
            // what this node sent and no block holds yet counts here too,
            // or a payer could send many at once for one deposit and
            // leave the node the bytes of those the block then drops.
            if charged {
                self.affordable(at, now, &payment.payer, deposit, &key)?;
            }
        }
        // What this put adds to the disk, taken back if the chain refuses
        // to register it (the payer cannot pay): nobody's data kept unpaid.
        let had_whole = self.whole.is_available(&id);
        self.whole.put(kind, &bytes).map_err(|e| refused(e.to_string()))?;
        // This node encoded the bytes itself: nothing to check.
        self.checked.lock().expect("not poisoned").insert(key, true);
        let shard = |i: usize| HeldShard {
            commitment: id,
            erasure,
            index: i as u16,
            proof: encoded.proof(i as u16).expect("an index in range"),
            shard: encoded.shards[i].clone(),
        };
        // Shard i is holder i's of the list the entry names: a live entry's
        // own snapshot (renewed, or already available), which a session
        // change may have reordered since; else the current set. Cut for
        // another order, this node would keep and attest a shard the chain
        // asks of someone else, and hand out shards `take_shard` refuses.
        let order: Vec<AccountId> =
            live.filter(|e| e.holders.contains(&me)).map(|e| e.holders.to_vec()).unwrap_or_else(|| holders.clone());
        let mine = order.iter().position(|h| h == &me).expect("the signer is a holder");
        let had_shard = self.shards.get(&key, mine as u16).is_some();
        self.shards.put(&shard(mine)).map_err(|e| node(format!("keeping a shard: {e}")))?;
        if register {
            // Named by the list the shards were cut for.
            let registration = pa::Registration {
                commitment: id,
                erasure,
                retention,
                holder: me.clone(),
                holders: pa::holders_hash(&order),
                at: now,
                payer: payment.payer.clone(),
                paid_at: payment.at,
            };
            let signature = self.sign(&signer, &registration).map_err(node)?;
            let call = pa::Call::register { registration, signature, payer_signature: payment.signature };
            let sent = self.submit(call).await;
            if sent.is_ok() {
                let mut provisional = self.provisional.lock().expect("not poisoned");
                let p = provisional.entry(key).or_insert(Provisional {
                    payer: payment.payer.clone(),
                    deposit,
                    paid_at: payment.at,
                    index: mine as u16,
                    had_shard,
                    had_whole,
                });
                // The newest payment decides when it can no longer land.
                (p.payer, p.deposit, p.paid_at) = (payment.payer.clone(), deposit, p.paid_at.max(payment.at));
            }
            if let Err(e) = sent {
                // Refused because another holder's registration of these
                // bytes landed meanwhile: it counts all the same.
                let (at, _) = self.best();
                let fail = |e: Refusal| match e.code {
                    // The payer's part: its payment went stale on the way,
                    // it cannot hold the deposit, or has its quota stored.
                    Some(pa::invalid::BAD_PAYMENT) => StoreFailure::Unpaid(e.to_string()),
                    _ if e.payers_fault() => refused(e.to_string()),
                    _ => node(e.to_string()),
                };
                match self.entry_of(at, &key).map_err(node)? {
                    Some(entry) if existing.is_none() && entry.erasure == erasure => {}
                    // An entry of these bytes stands, its payer paying: what
                    // this put kept may be a shard this node attested.
                    Some(_) => return Err(fail(e)),
                    None => {
                        if !had_shard {
                            self.shards.drop_shard(&key, mine as u16);
                        }
                        if !had_whole && self.shards.of(&id).is_empty() {
                            let _ = self.whole.remove(&id);
                        }
                        self.checked.lock().expect("not poisoned").remove(&key);
                        return Err(fail(e));
                    }
                }
            }
        }
        // The rest only hands out: nobody else's put of these bytes waits
        // on it (a caller knowing public bytes could queue ahead of an
        // honest put for the whole hand-out otherwise).
        drop(_unmap);
        drop(_held);
        let others: Vec<(AccountId, HeldShard)> =
            order.iter().enumerate().filter(|(i, _)| *i != mine).map(|(i, h)| (h.clone(), shard(i))).collect();
        if !others.is_empty() {
            // The others take a shard only of an encoding the chain names
            // (`take_shard`), so the registration goes first.
            if self.wait_for_entry(&key, REGISTRATION_WAIT).await.is_none() {
                log::warn!(target: "gensyn-store", "{:?}: registration not in a block after {REGISTRATION_WAIT:?}; handing out anyway", H256(id));
            }
            self.hand_out(others).await;
        }
        Ok(id)
    }

    /// Whether `payer` can hold `deposit` for one more registration (of
    /// `key`) beside what it has in flight through this node and within its
    /// quota, as the chain stands at `at`; the payer's error if not.
    fn affordable(
        &self,
        at: H256,
        now: BlockNumber,
        payer: &AccountId,
        deposit: gensyn_runtime::Balance,
        key: &EncodingKey,
    ) -> Result<(), StoreFailure> {
        use polkadot_sdk::{frame_system, pallet_balances::AccountData};
        type Info = frame_system::AccountInfo<gensyn_runtime::Nonce, AccountData<gensyn_runtime::Balance>>;
        let node = |e: String| StoreFailure::Node(e);
        let free = self
            .read::<Info>(at, frame_system::Account::<Runtime>::hashed_key_for(payer))
            .map_err(node)?
            .map_or(0, |i| i.data.free);
        let live: u32 = self.read(at, pa::Registered::<Runtime>::hashed_key_for(payer)).map_err(node)?.unwrap_or(0);
        let provisional = self.provisional.lock().expect("not poisoned").clone();
        let (pending, count) =
            in_flight(&provisional, payer, key, now, |k| self.entry_of(at, k).ok().flatten().is_some());
        if free < deposit.saturating_add(pending) {
            return Err(StoreFailure::Refused(format!(
                "the payer cannot hold the storage deposit: {free} free, {deposit} asked and {pending} held by \
                 {count} registrations on their way"
            )));
        }
        if live.saturating_add(count) >= gensyn_runtime::protocol::MAX_LIVE_PER_PAYER {
            return Err(StoreFailure::Refused(format!(
                "the payer has {live} artefacts stored and {count} on their way: its quota is {}",
                gensyn_runtime::protocol::MAX_LIVE_PER_PAYER
            )));
        }
        Ok(())
    }

    /// Settles the registrations the pool took: those a finalized block
    /// holds are the chain's; those that can no longer land take back what
    /// their puts kept (the payer's funds never paid for it).
    fn settle_provisional(&self, finalized: H256, finalized_number: BlockNumber) {
        let pending: Vec<(EncodingKey, Provisional)> =
            self.provisional.lock().expect("not poisoned").iter().map(|(k, p)| (*k, p.clone())).collect();
        for (key, p) in pending {
            let Ok(entry) = self.entry_of(finalized, &key) else { continue };
            match settle(p.paid_at, finalized_number, entry.is_some()) {
                Settled::Waiting => continue,
                Settled::Landed => {}
                Settled::Lost => {
                    // Another registration of the same encoding on the best
                    // chain, not yet finalized, may name the shard this node
                    // attested: settled once finality catches up.
                    if !matches!(self.entry_of(self.best().0, &key), Ok(None)) {
                        continue;
                    }
                    // Under the put lock: a put of the same bytes running
                    // now keeps its files (settled the next block).
                    let lock = self.putting.lock().expect("not poisoned").entry(key.0).or_default().clone();
                    let Ok(_held) = lock.try_lock() else { continue };
                    let _unmap = Unmap { map: &self.putting, id: key.0, lock: &lock };
                    // A put may have renewed the record before the lock.
                    if self.provisional.lock().expect("not poisoned").get(&key) != Some(&p) {
                        continue;
                    }
                    self.checked.lock().expect("not poisoned").remove(&key);
                    if !p.had_shard {
                        self.shards.drop_shard(&key, p.index);
                    }
                    if !p.had_whole && self.shards.of(&key.0).is_empty() {
                        let _ = self.whole.remove(&key.0);
                    }
                    log::info!(target: "gensyn-store", "{:?}: its registration never reached a block; what its put kept is dropped", H256(key.0));
                }
            }
            let mut provisional = self.provisional.lock().expect("not poisoned");
            // A put since may have renewed it.
            if provisional.get(&key) == Some(&p) {
                provisional.remove(&key);
            }
        }
    }

    /// Waits until the best block has an entry of encoding `key`, for at
    /// most `limit`; the block and the entry.
    async fn wait_for_entry(&self, key: &EncodingKey, limit: Duration) -> Option<(H256, pa::EntryOf<Runtime>)> {
        let until = std::time::Instant::now() + limit;
        loop {
            let (at, _) = self.best();
            if let Ok(Some(entry)) = self.entry_of(at, key) {
                return Some((at, entry));
            }
            if std::time::Instant::now() >= until {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Sends each holder's shard to its node, found by asking each peer
    /// whose holder it is. A peer that is down is skipped: its validator
    /// will not attest, and the rest may still be more than two thirds.
    async fn hand_out(&self, shards: Vec<(AccountId, HeldShard)>) {
        if shards.is_empty() {
            return;
        }
        let urls = self.peers.as_deref().map(peer_urls).unwrap_or_default();
        let by_holder: BTreeMap<AccountId, HeldShard> = shards.into_iter().collect();
        let by_holder = &by_holder;
        let mut sends: FuturesUnordered<_> = urls
            .into_iter()
            .map(|url| async move {
                let client = peer(&url).await?;
                let holder: Option<AccountId> = client.request("gensyn_storeHolder", ArrayParams::new()).await.ok()?;
                let shard = by_holder.get(&holder?)?;
                let mut params = ArrayParams::new();
                params.insert(Bytes(shard.encode())).ok()?;
                match client.request::<bool, _>("gensyn_shardPut", params).await {
                    Ok(true) => Some(()),
                    other => {
                        log::warn!(target: "gensyn-store", "store peer {url} did not take its shard: {other:?}");
                        None
                    }
                }
            })
            .collect();
        let _ = tokio::time::timeout(PEERS_DEADLINE, async { while sends.next().await.is_some() {} }).await;
    }

    /// Takes a shard sent by the node that registered it: one that checks
    /// against its root, of an encoding the chain has an entry of (waiting
    /// a few seconds for this node to import the block that registered
    /// it), at the index this node's holder owes, while no other encoding
    /// of its artefact is available. Anyone can call this, so what it takes
    /// is bounded by what validators registered (their quotas), and a shard
    /// is only kept, never trusted: the node attests an encoding only once
    /// it has rebuilt the artefact from it.
    pub async fn take_shard(&self, s: HeldShard) -> Result<(), StoreFailure> {
        if !s.checks() || s.shard.len() > gensyn_store::MAX_ARTEFACT {
            return Err(StoreFailure::Refused("the shard does not check against its own root".into()));
        }
        let key = s.key();
        let Some((at, entry)) = self.wait_for_entry(&key, SHARD_WAIT).await else {
            return Err(StoreFailure::Refused("the chain has no entry of this shard's encoding".into()));
        };
        let me = self.signer(at).map_err(StoreFailure::Node)?.map(|(who, _)| who);
        if me.is_none() || entry.holders.get(usize::from(s.index)) != me.as_ref() {
            return Err(StoreFailure::Refused("this node's holder does not owe that shard".into()));
        }
        if self.chosen(at, &s.commitment).map_err(StoreFailure::Node)?.is_some_and(|c| c != key.1) {
            return Err(StoreFailure::Refused("another encoding of this artefact is available".into()));
        }
        self.shards.put(&s).map_err(|e| StoreFailure::Node(e.to_string()))
    }

    /// Its store peers' RPC URLs (`--store-peers`, read afresh: a restarted
    /// validator may be on new ports).
    pub fn peer_urls(&self) -> Vec<String> {
        self.peers.as_deref().map(peer_urls).unwrap_or_default()
    }

    /// The holder this node signs for, if any.
    pub fn holder(&self) -> Option<AccountId> {
        let (at, _) = self.best();
        self.signer(at).ok().flatten().map(|(who, _)| who)
    }

    /// Artefact `id`: whole if held, else rebuilt from any `k` shards of
    /// its available encoding, this node's and its peers'.
    pub async fn get(&self, id: &[u8; 32]) -> Result<Option<Vec<u8>>, StoreFailure> {
        if let Some(bytes) = self.whole.get(id).map_err(|e| StoreFailure::Node(e.to_string()))? {
            return Ok(Some(bytes));
        }
        let (at, _) = self.best();
        let Some(entry) = self.entry(at, id).map_err(StoreFailure::Node)? else {
            return match self.shards.expired(id) {
                Some(block) => Err(StoreFailure::Expired(block)),
                None => Ok(None),
            };
        };
        let rebuilt = self.rebuild(id, &entry.erasure, PEERS_DEADLINE).await.map_err(StoreFailure::Node)?;
        let Rebuilt::Bytes(bytes) = rebuilt else {
            // A peer that was handed it whole (a node outside the holders
            // reads through any node) still serves it: checked all the same.
            return Ok(self.whole_from_peers(id).await);
        };
        // The bytes must still be what the protocol committed to.
        if gensyn_store::kind_of(id, &bytes).is_none() {
            log::warn!(target: "gensyn-store", "{:?}: its shards decode to other bytes", H256(*id));
            return Ok(None);
        }
        Ok(Some(bytes))
    }

    /// The bytes of encoding `erasure` of `id`, from any `k` of its shards
    /// (this node's, then its peers'), each checked against the root, and
    /// re-encoded to the root.
    async fn rebuild(&self, id: &[u8; 32], erasure: &ErasureCommitment, wait: Duration) -> Result<Rebuilt, String> {
        let mut reader = Reader::new(*erasure).map_err(|e| e.to_string())?;
        for s in self.shards.of_encoding(&(*id, erasure.id())) {
            let _ = reader.offer(s.index, s.shard, &s.proof);
        }
        if !reader.is_ready() {
            self.from_peers(id, erasure, &mut reader, wait).await;
        }
        for (index, why) in reader.rejected() {
            log::warn!(target: "gensyn-store", "shard {index} of {:?} skipped: {why:?}", H256(*id));
        }
        if !reader.is_ready() {
            log::info!(target: "gensyn-store", "{:?}: {} of {} shards found", H256(*id), reader.have(), reader.need());
            return Ok(Rebuilt::Short);
        }
        let decoded = tokio::task::spawn_blocking(move || reader.finish()).await.map_err(|e| e.to_string())?;
        match decoded {
            Ok(bytes) => Ok(Rebuilt::Bytes(bytes)),
            Err(e) => {
                log::warn!(target: "gensyn-store", "{:?}: {e}", H256(*id));
                Ok(Rebuilt::Bad)
            }
        }
    }

    /// Whether encoding `erasure` of `id` holds the artefact: re-encoded
    /// from the whole copy if this node has one, else rebuilt from `k`
    /// shards and its commitment recomputed. `None`: not enough shards yet.
    ///
    /// With `owed`, this node's holder owes that shard and does not hold
    /// it: once the rebuilt bytes check, the shard is cut from their
    /// re-encoding and kept.
    async fn check_encoding(&self, id: &[u8; 32], erasure: &ErasureCommitment, owed: Option<u16>) -> Option<bool> {
        let (bytes, whole) = match self.whole.get(id) {
            Ok(Some(bytes)) => (bytes, true),
            _ => match self.rebuild(id, erasure, CHECK_DEADLINE).await {
                Ok(Rebuilt::Bytes(bytes)) => (bytes, false),
                // A bad encoding (its shards decode to bytes that do not
                // re-encode to its root) is as false as other bytes:
                // settled, not tried again every block.
                Ok(Rebuilt::Bad) => return Some(false),
                Ok(Rebuilt::Short) => return None,
                Err(e) => {
                    log::warn!(target: "gensyn-store", "{:?}: {e}", H256(*id));
                    return None;
                }
            },
        };
        let (id, e) = (*id, *erasure);
        // `Some(None)`: the encoding holds the artefact; `Some(Some(s))`:
        // and the owed shard is `s`; `None`: it does not.
        let cut = move || -> Option<Option<HeldShard>> {
            // A whole copy recomputed `id` when it was put; rebuilt bytes
            // were re-encoded to the root (`Rebuilt::Bytes`).
            if !whole {
                gensyn_store::kind_of(&id, &bytes)?;
                if owed.is_none() {
                    return Some(None);
                }
            }
            let x = encode(&bytes, e.n).ok().filter(|x| x.commitment == e)?;
            let Some(index) = owed else { return Some(None) };
            let shard = x.shards.get(usize::from(index))?.clone();
            Some(Some(HeldShard { commitment: id, erasure: e, index, proof: x.proof(index)?, shard }))
        };
        let held = tokio::task::spawn_blocking(cut).await.ok()?;
        if let Some(Some(s)) = &held {
            if let Err(err) = self.shards.put(s) {
                log::warn!(target: "gensyn-store", "{:?}: keeping a rebuilt shard: {err}", H256(id));
                return None;
            }
            log::info!(target: "gensyn-store", "{:?}: owed shard {} recovered", H256(id), s.index);
        }
        Some(held.is_some())
    }

    /// Starts checking encoding `erasure` of `id` in the background,
    /// unless it is checked or being checked (`owed`: as for
    /// [`Holder::check_encoding`]).
    fn start_check(
        self: &Arc<Self>,
        id: [u8; 32],
        erasure: ErasureCommitment,
        registrar: AccountId,
        owed: Option<u16>,
    ) {
        let key = (id, erasure.id());
        if self.checked.lock().expect("not poisoned").contains_key(&key) {
            return;
        }
        {
            let mut checking = self.checking.lock().expect("not poisoned");
            let recovery = owed.is_some();
            let running = checking.values().filter(|r| **r == recovery).count();
            let cap = if recovery { MAX_RECOVERIES } else { MAX_CHECKS };
            if running >= cap || checking.contains_key(&key) {
                return;
            }
            checking.insert(key, recovery);
        }
        let this = self.clone();
        tokio::spawn(async move {
            match this.check_encoding(&id, &erasure, owed).await {
                Some(ok) => {
                    if !ok {
                        log::warn!(target: "gensyn-store", "{:?}: a registered encoding decodes to other bytes; not attested", H256(id));
                    }
                    this.checked.lock().expect("not poisoned").insert(key, ok);
                    this.stalled.lock().expect("not poisoned").remove(&key);
                }
                None => {
                    let at = this.best().1;
                    this.stalled.lock().expect("not poisoned").insert(key, Stall { at, registrar });
                }
            }
            this.checking.lock().expect("not poisoned").remove(&key);
        });
    }

    /// Asks every peer in `--store-peers` at once for `method(id)`; each
    /// answer with the peer's URL as it comes (`None`: down, slow, or an
    /// error).
    fn ask_peers<T: jsonrpsee::core::DeserializeOwned + Send + 'static>(
        &self,
        method: &'static str,
        id: &[u8; 32],
        encoding: Option<[u8; 32]>,
    ) -> FuturesUnordered<impl std::future::Future<Output = Option<(String, T)>>> {
        let urls = self.peer_urls();
        let id = H256(*id);
        urls.into_iter()
            .map(move |url| async move {
                let client = peer(&url).await?;
                let mut params = ArrayParams::new();
                params.insert(id).ok()?;
                if let Some(e) = encoding {
                    params.insert(H256(e)).ok()?;
                }
                let answer: T = client.request(method, params).await.ok()?;
                Some((url, answer))
            })
            .collect()
    }

    /// Asks every peer for its own whole copy of `id`; the first that
    /// recomputes it.
    async fn whole_from_peers(&self, id: &[u8; 32]) -> Option<Vec<u8>> {
        let mut asks = self.ask_peers::<Option<Bytes>>("gensyn_storeGetLocal", id, None);
        let first = async {
            while let Some(answer) = asks.next().await {
                let Some((url, Some(Bytes(bytes)))) = answer else { continue };
                let id = *id;
                let checked = tokio::task::spawn_blocking(move || gensyn_store::kind_of(&id, &bytes).map(|_| bytes))
                    .await
                    .ok()
                    .flatten();
                match checked {
                    Some(bytes) => return Some(bytes),
                    None => log::warn!(target: "gensyn-store", "store peer {url} sent other bytes for {:?}", H256(id)),
                }
            }
            None
        };
        tokio::time::timeout(PEERS_DEADLINE, first).await.ok().flatten()
    }

    /// Asks every peer for its shards of `id` in encoding `erasure` until
    /// the reader has `k` (shards of other encodings are passed over).
    async fn from_peers(&self, id: &[u8; 32], erasure: &ErasureCommitment, reader: &mut Reader, wait: Duration) {
        let mut asks = self.ask_peers::<Vec<Bytes>>("gensyn_shardGet", id, Some(erasure.id()));
        let collect = async {
            while let Some(answer) = asks.next().await {
                let Some((url, shards)) = answer else { continue };
                let offered = offer_answer(reader, id, erasure, shards.into_iter().map(|b| b.0).collect());
                for (index, why) in offered.refused {
                    log::warn!(target: "gensyn-store", "store peer {url}, {:?} shard {index:?}: {why}", H256(*id));
                }
                if reader.is_ready() {
                    return;
                }
            }
        };
        let _ = tokio::time::timeout(wait, collect).await;
    }

    /// Whether `entry` (of encoding `key`, read on the best chain) failed
    /// on the finalized chain too: the same registration, past its
    /// deadline there and short. On the best chain alone a fork could
    /// still bring in the attestations that make it available, and this
    /// holder would then be challenged for a shard it had dropped.
    fn short_for_good(&self, key: &EncodingKey, entry: &pa::EntryOf<Runtime>, finalized: (H256, BlockNumber)) -> bool {
        failed_for_good(entry, finalized.1, || self.entry_of(finalized.0, key).ok().flatten())
    }

    /// This block's duties: attest, answer, drop what was pruned.
    pub async fn duties(self: &Arc<Self>) {
        let (at, now) = self.best();
        // The pool validates what is sent against its view of a block; until
        // it has one for `at` it would judge against the parent, where this
        // block's challenges and registrations are not, and ban the answer.
        let _ = self.pool.ready_at_with_timeout(at, Duration::from_secs(2)).await;
        // A node out of the set still drops what the chain pruned.
        let signer = self.signer(at).ok().flatten();
        let mut attest = Vec::new();
        let mut to_check = Vec::new();
        let info = self.client.info();
        let (finalized, finalized_number) = (info.finalized_hash, info.finalized_number);
        self.settle_provisional(finalized, finalized_number);
        for s in self.shards.all() {
            let key = s.key();
            // An open challenge to this shard is answered whoever holds the
            // entry now (it may be pruned meanwhile) and whatever set this
            // node's validator is in: anyone may answer, and a validator
            // that left still answers for what it attested.
            let challenge = self
                .read::<pa::ChallengeOf<Runtime>>(at, pa::Challenges::<Runtime>::hashed_key_for(s.commitment, s.index))
                .ok()
                .flatten()
                .filter(|ch| ch.erasure == s.erasure);
            if let Some(ch) = &challenge {
                // Not in the block that drew it: the pool may not have caught up.
                let drawn = ch.due.saturating_sub(gensyn_runtime::protocol::ANSWER_WINDOW);
                if now > drawn && self.first_in_a_while(1, &key, s.index, ch.due, now) {
                    if let Err(e) = self.answer(&s, ch.due, now, ch.piece).await {
                        log::warn!(target: "gensyn-store", "answering a challenge: {e}");
                    }
                }
            }
            let entry = match self.entry_of(at, &key) {
                Ok(e) => e,
                Err(e) => {
                    log::warn!(target: "gensyn-store", "chain state: {e}");
                    return;
                }
            };
            let Some(entry) = entry else {
                self.forget_unless_named(&s, &key, challenge.is_some(), finalized);
                continue;
            };
            let available = matches!(entry.status, pa::Status::Available { .. });
            if !available
                && now > entry.deadline
                && challenge.is_none()
                && self.short_for_good(&key, &entry, (finalized, finalized_number))
            {
                // Short of attestations past its deadline, it can never be
                // available (a new registration hands its shards out
                // again): a liar's failed encodings take no room here.
                self.shards.drop_shard(&key, s.index);
                self.checked.lock().expect("not poisoned").remove(&key);
                continue;
            }
            self.seen.lock().expect("not poisoned").insert(key, (entry.expires, available));
            let Some((me, _)) = &signer else { continue };
            if entry.erasure != s.erasure
                || entry.holders.get(usize::from(s.index)) != Some(me)
                || now > entry.deadline
                || entry.has_attested(usize::from(s.index))
            {
                continue;
            }
            if !available && self.chosen(at, &s.commitment).ok().flatten().is_some() {
                // Another encoding won: this one can no longer count.
                continue;
            }
            let checked = self.checked.lock().expect("not poisoned").get(&key).copied();
            match checked {
                Some(true) if self.first_in_a_while(0, &key, s.index, 0, now) => attest.push(key),
                Some(_) => {}
                None => to_check.push(ToCheck {
                    key,
                    since: entry.since,
                    registrar: entry.registrar.clone(),
                    erasure: s.erasure,
                }),
            }
        }
        {
            // What is no longer waiting for a check needs no stall record.
            let waiting: std::collections::HashSet<EncodingKey> = to_check.iter().map(|c| c.key).collect();
            let mut stalled = self.stalled.lock().expect("not poisoned");
            stalled.retain(|k, _| waiting.contains(k));
            to_check = check_order(to_check, &stalled);
        }
        for c in to_check {
            self.start_check(c.key.0, c.erasure, c.registrar, None);
        }
        let Some((me, signer)) = signer else { return };
        // After the shards held: their checks come first.
        self.recover_owed(at, now, &me);
        for chunk in attest.chunks(pa::MAX_ATTEST as usize) {
            let attestation =
                pa::Attestation { holder: me.clone(), commitments: BoundedVec::truncate_from(chunk.to_vec()), at: now };
            let sent = match self.sign(&signer, &attestation) {
                Ok(signature) => self.submit(pa::Call::attest { attestation, signature }).await,
                Err(e) => Err(e.into()),
            };
            if let Err(e) = sent {
                log::warn!(target: "gensyn-store", "attesting: {e}");
            }
        }
    }

    /// Reads the registrations of the best chain's last blocks (the
    /// attestation window: older ones can no longer be attested) into
    /// `owed`; a block is read once, unless a re-org replaced it.
    fn note_registrations(&self, now: BlockNumber) {
        let from = now.saturating_sub(gensyn_runtime::protocol::ATTEST_WINDOW).max(1);
        let events_key = polkadot_sdk::frame_support::storage::storage_prefix(b"System", b"Events").to_vec();
        type Records = Vec<polkadot_sdk::frame_system::EventRecord<gensyn_runtime::RuntimeEvent, H256>>;
        for number in from..=now {
            let Ok(Some(hash)) = self.client.hash(number) else { continue };
            if self.scanned.lock().expect("not poisoned").get(&number) == Some(&hash) {
                continue;
            }
            let records: Records = match self.read(hash, events_key.clone()) {
                Ok(r) => r.unwrap_or_default(),
                Err(e) => {
                    log::warn!(target: "gensyn-store", "events of block {number}: {e}");
                    continue;
                }
            };
            let mut owed = self.owed.lock().expect("not poisoned");
            for r in records {
                if let gensyn_runtime::RuntimeEvent::Availability(pa::Event::Registered {
                    commitment,
                    erasure,
                    deadline,
                    ..
                }) = r.event
                {
                    owed.entry((commitment, erasure.id())).or_insert(Owed { deadline, tries: 0 }).deadline = deadline;
                }
            }
            drop(owed);
            self.scanned.lock().expect("not poisoned").insert(number, hash);
        }
        self.scanned.lock().expect("not poisoned").retain(|n, _| *n >= from);
    }

    /// Rebuilds, from its peers' shards, a shard `me` owes and does not
    /// hold of an entry still within its attestation window, once the
    /// registrar had a block or two to hand it out: earliest deadline
    /// first, one at a time, a few tries each. The rebuild is the check:
    /// the shard is kept (and attested next block) only if the bytes
    /// recompute the commitment and re-encode to the root.
    ///
    /// Only entries at least `k` holders attested are recovered: more than
    /// a third of the holders are never liars, so one of those is honest
    /// and rebuilt them, and the shards are there to be had. A liar's own
    /// registration, attested by itself alone, costs nothing here.
    fn recover_owed(self: &Arc<Self>, at: H256, now: BlockNumber, me: &AccountId) {
        self.note_registrations(now);
        let mut owed: Vec<(EncodingKey, Owed)> = {
            let mut owed = self.owed.lock().expect("not poisoned");
            owed.retain(|_, o| now <= o.deadline && o.tries < MAX_RECOVERY_TRIES);
            owed.iter().map(|(k, o)| (*k, *o)).collect()
        };
        owed.sort_by_key(|(_, o)| o.deadline);
        let forget = |key: &EncodingKey| {
            self.owed.lock().expect("not poisoned").remove(key);
        };
        for (key, _) in owed {
            // None: not yet in this node's best chain, or re-orged out for
            // now; kept until its deadline.
            let Ok(Some(entry)) = self.entry_of(at, &key) else { continue };
            let Some(index) = entry.holders.iter().position(|h| h == me) else {
                forget(&key);
                continue;
            };
            let index = index as u16;
            let other_chosen = self.chosen(at, &key.0).ok().flatten().is_some_and(|c| c != key.1);
            let checked = self.checked.lock().expect("not poisoned").get(&key).copied();
            if entry.has_attested(usize::from(index))
                || other_chosen
                || checked == Some(false)
                || self.shards.get(&key, index).is_some()
            {
                // Attested, lost to another encoding, settled as bad, or
                // held (the loop over the shards held takes it from here).
                forget(&key);
                continue;
            }
            if now < entry.since.saturating_add(RECOVER_AFTER) || entry.count < entry.erasure.k {
                continue;
            }
            if self.checking.lock().expect("not poisoned").values().filter(|r| **r).count() >= MAX_RECOVERIES {
                return;
            }
            if let Some(o) = self.owed.lock().expect("not poisoned").get_mut(&key) {
                o.tries += 1;
            }
            // Checked good while this shard was missing: checked again, and
            // the shard cut this time.
            self.checked.lock().expect("not poisoned").remove(&key);
            self.start_check(key.0, entry.erasure, entry.registrar.clone(), Some(index));
        }
    }

    /// A shard whose encoding has no entry on chain: dropped once the entry
    /// this node saw was pruned in a finalized block (a re-org may bring a
    /// registration back) and nothing is left to answer; or, if it never
    /// saw one, once it is old (pushed junk, or pruned while this node was
    /// down and forgot what it saw).
    fn forget_unless_named(&self, s: &HeldShard, key: &EncodingKey, challenged: bool, finalized: H256) {
        let pruned = matches!(self.entry_of(finalized, key), Ok(None));
        if !pruned || challenged {
            return;
        }
        let seen = self.seen.lock().expect("not poisoned").get(key).copied();
        match seen {
            Some((expired, available)) => {
                self.seen.lock().expect("not poisoned").remove(key);
                self.checked.lock().expect("not poisoned").remove(key);
                // Only the available encoding's end is the artefact's: a
                // competing encoding pruned leaves the artefact as it was.
                self.shards.expire(key, available.then_some(expired));
                if available || self.shards.of(&s.commitment).is_empty() {
                    let _ = self.whole.remove(&s.commitment);
                }
                log::info!(target: "gensyn-store", "{:?} (encoding {:?}) expired at block {expired}: shards dropped", H256(s.commitment), H256(key.1));
            }
            None if self.shards.age(key, s.index).is_some_and(|a| a > UNREGISTERED_FOR) => {
                self.shards.drop_shard(key, s.index);
                self.checked.lock().expect("not poisoned").remove(key);
                // Nor the whole copy a lost registration left (this node
                // restarted before it settled), unless the chain has the
                // artefact under another encoding.
                if self.shards.of(&s.commitment).is_empty() && matches!(self.chosen(finalized, &s.commitment), Ok(None))
                {
                    let _ = self.whole.remove(&s.commitment);
                }
                log::info!(target: "gensyn-store", "shard {} of {:?}: no entry on chain; dropped", s.index, H256(s.commitment));
            }
            None => {}
        }
    }

    async fn answer(&self, s: &HeldShard, due: BlockNumber, at: BlockNumber, piece: u32) -> Result<(), String> {
        let (bytes, piece_proof) = erasure::piece_proof(&s.shard, piece).ok_or("no such piece")?;
        Ok(self
            .submit(pa::Call::answer {
                commitment: s.commitment,
                shard: s.index,
                due,
                at,
                piece: BoundedVec::truncate_from(bytes.to_vec()),
                piece_proof,
                shard_proof: s.proof.clone(),
            })
            .await?)
    }
}

/// Takes a put's lock out of the map once nobody else waits on it.
struct Unmap<'a> {
    map: &'a Mutex<HashMap<[u8; 32], Arc<tokio::sync::Mutex<()>>>>,
    id: [u8; 32],
    lock: &'a Arc<tokio::sync::Mutex<()>>,
}

impl Drop for Unmap<'_> {
    fn drop(&mut self) {
        let mut map = self.map.lock().expect("not poisoned");
        // The map's and this put's: no other put waits.
        if Arc::strong_count(self.lock) <= 2 {
            map.remove(&self.id);
        }
    }
}

/// The URLs a `--store-peers` file lists (none if it cannot be read).
pub fn peer_urls(file: &Path) -> Vec<String> {
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

async fn peer(url: &str) -> Option<jsonrpsee::ws_client::WsClient> {
    WsClientBuilder::default()
        .connection_timeout(Duration::from_secs(3))
        .request_timeout(PEERS_DEADLINE)
        .max_request_size(40 << 20)
        .max_response_size(40 << 20)
        .build(url)
        .await
        .map_err(|e| log::debug!(target: "gensyn-store", "store peer {url}: {e}"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_peers_file_lists_one_url_per_line_with_comments() {
        let dir = std::env::temp_dir().join(format!("gensyn-peers-{}", std::process::id()));
        std::fs::write(&dir, "# the others\nws://127.0.0.1:9945\n\n  ws://127.0.0.1:9946 # bob\n").unwrap();
        assert_eq!(peer_urls(&dir), ["ws://127.0.0.1:9945", "ws://127.0.0.1:9946"]);
        std::fs::remove_file(&dir).unwrap();
        assert!(peer_urls(&dir).is_empty(), "a missing file names no peer");
    }

    #[test]
    fn the_runtime_names_the_dev_store_key_as_the_instant_seal_holder() {
        let key = sr25519::Pair::from_string(STORE_SURI, None).unwrap();
        assert_eq!(key.public().0, gensyn_runtime::protocol::STORE_ACCOUNT);
    }

    fn held(id: [u8; 32], e: &gensyn_availability::Encoded, index: u16) -> HeldShard {
        HeldShard {
            commitment: id,
            erasure: e.commitment,
            index,
            proof: e.proof(index).unwrap(),
            shard: e.shards[index as usize].clone(),
        }
    }

    /// One node's answer, as a reader and a rebuilding node take it: junk,
    /// another artefact's or encoding's shard, a corrupt one and a
    /// duplicate are set aside with a reason, good ones taken until the
    /// reader has `k`, and an answer longer than `n` refused whole.
    #[test]
    fn an_answer_gives_the_reader_only_shards_of_the_encoding_asked_for() {
        let data: Vec<u8> = (0..5_000u32).map(|i| (i * 7) as u8).collect();
        let e = encode(&data, 4).unwrap();
        let other = encode(&data[1..], 4).unwrap();
        let id = [3u8; 32];
        let mut corrupt = held(id, &e, 2);
        corrupt.shard[0] ^= 1;
        let answer =
            vec![b"junk".to_vec(), held([4u8; 32], &e, 0).encode(), held(id, &other, 1).encode(), corrupt.encode()];
        let mut reader = Reader::new(e.commitment).unwrap();
        let offered = offer_answer(&mut reader, &id, &e.commitment, answer);
        assert!(offered.taken.is_empty(), "{offered:?}");
        let whys: Vec<_> = offered.refused.iter().map(|(i, why)| (*i, why.as_str())).collect();
        assert_eq!(whys.len(), 4, "{whys:?}");
        assert_eq!(whys[0], (None, "not a shard of this artefact"));
        assert_eq!(whys[1], (None, "not a shard of this artefact"));
        assert_eq!(whys[2], (Some(1), "of another encoding than the one asked for"));
        assert_eq!(whys[3].0, Some(2));

        let good = vec![
            held(id, &e, 3).encode(),
            held(id, &e, 3).encode(),
            held(id, &e, 0).encode(),
            held(id, &e, 1).encode(),
        ];
        let offered = offer_answer(&mut reader, &id, &e.commitment, good);
        assert_eq!(offered.taken, [3, 0], "a duplicate is no fault; k = 2 and then it stops");
        assert!(offered.refused.is_empty() && reader.is_ready());
        assert_eq!(reader.finish().unwrap(), data);

        let mut reader = Reader::new(e.commitment).unwrap();
        let flood = vec![held(id, &e, 0).encode(); 5];
        let offered = offer_answer(&mut reader, &id, &e.commitment, flood);
        assert!(offered.taken.is_empty() && reader.have() == 0, "more than n items: none taken");
        assert_eq!(offered.refused.len(), 1);
    }

    /// A registration the pool took stays provisional until a finalized
    /// block holds it, and is lost (its put's files dropped) only once no
    /// block can take it: its payment is past the attestation window.
    #[test]
    fn a_registration_is_settled_by_the_finalized_chain_and_lost_only_once_its_payment_is_stale() {
        let window = gensyn_runtime::protocol::ATTEST_WINDOW;
        assert_eq!(settle(100, 100 + window, false), Settled::Waiting);
        assert_eq!(settle(100, 101 + window, false), Settled::Lost);
        assert_eq!(settle(100, 101, true), Settled::Landed);
        assert_eq!(settle(100, 101 + window, true), Settled::Landed);
    }

    /// What a payer has on its way through a node counts against its
    /// funds, except what the best chain already holds and the put itself.
    #[test]
    fn a_payers_deposits_on_their_way_count_until_the_chain_holds_them() {
        let (payer, other) = (AccountId::from([1; 32]), AccountId::from([2; 32]));
        let p = |payer: &AccountId, deposit| Provisional {
            payer: payer.clone(),
            deposit,
            paid_at: 5,
            index: 0,
            had_shard: false,
            had_whole: false,
        };
        let map: HashMap<EncodingKey, Provisional> = [
            (([1; 32], [1; 32]), p(&payer, 10)),
            (([2; 32], [2; 32]), p(&payer, 20)),
            (([3; 32], [3; 32]), p(&payer, 40)),
            (([4; 32], [4; 32]), p(&other, 80)),
        ]
        .into_iter()
        .collect();
        let none = |_: &EncodingKey| false;
        let far = ([9; 32], [9; 32]);
        assert_eq!(in_flight(&map, &payer, &far, 6, none), (70, 3));
        assert_eq!(
            in_flight(&map, &payer, &([2; 32], [2; 32]), 6, none),
            (50, 2),
            "the put itself is not counted twice"
        );
        // Past its payment's window it can no longer land, settled or not
        // (finality may stall): no longer counted.
        let window = gensyn_runtime::protocol::ATTEST_WINDOW;
        assert_eq!(in_flight(&map, &payer, &far, 5 + window, none), (70, 3));
        assert_eq!(in_flight(&map, &payer, &far, 6 + window, none), (0, 0));
        let landed = |k: &EncodingKey| k.0 == [3; 32];
        assert_eq!(in_flight(&map, &payer, &far, 6, landed), (30, 2), "the chain holds that one already");
        assert_eq!(in_flight(&map, &other, &far, 6, none), (80, 1));
        // A renewal or a replacement of the payer's own entry is charged
        // nothing and takes no quota place.
        let mut free = map.clone();
        free.insert(([5; 32], [5; 32]), p(&payer, 0));
        assert_eq!(in_flight(&free, &payer, &far, 6, none), (70, 3));
    }

    /// A put's payment must be its payer's signature of the bytes'
    /// encoding for the current holders, in their class, at a recent block,
    /// or the node keeps nothing.
    #[test]
    fn a_put_is_taken_only_with_a_recent_payment_signed_for_its_encoding_and_class() {
        let genesis = H256([9; 32]);
        let payer = sr25519::Pair::from_string("//Payer", None).unwrap();
        let who = AccountId::from(payer.public());
        let id = [5u8; 32];
        let four = encode(&[1u8; 3000], 4).unwrap().commitment;
        let pay = |erasure: &ErasureCommitment, retention, at: BlockNumber, key: &sr25519::Pair| pa::Payment {
            payer: who.clone(),
            at,
            signature: key.sign(&pa::payment_message(&genesis, &who, &id, &erasure.id(), retention, &at)).into(),
        };
        let training = pa::Retention::TrainingData;
        assert_eq!(check_payment(&genesis, &pay(&four, training, 100, &payer), &id, &four, training, 105), Ok(()));
        // Signed for three holders (the set changed mid-put), or other bytes.
        let three = encode(&[1u8; 3000], 3).unwrap().commitment;
        let other = encode(&[2u8; 3000], 4).unwrap().commitment;
        for e in [three, other] {
            let refused = check_payment(&genesis, &pay(&e, training, 100, &payer), &id, &four, training, 105);
            assert!(refused.unwrap_err().contains("sign it again"));
        }
        // For another class, by another key, or for another chain.
        let proof = pa::Retention::ProofData;
        assert!(check_payment(&genesis, &pay(&four, proof, 100, &payer), &id, &four, training, 105).is_err());
        let stranger = sr25519::Pair::from_string("//Stranger", None).unwrap();
        assert!(check_payment(&genesis, &pay(&four, training, 100, &stranger), &id, &four, training, 105).is_err());
        assert!(check_payment(&H256([8; 32]), &pay(&four, training, 100, &payer), &id, &four, training, 105).is_err());
        // Stale, or from a block ahead.
        let window = gensyn_runtime::protocol::ATTEST_WINDOW;
        let stale = check_payment(&genesis, &pay(&four, training, 100, &payer), &id, &four, training, 101 + window);
        assert!(stale.unwrap_err().contains("not recent"));
        assert!(check_payment(&genesis, &pay(&four, training, 100, &payer), &id, &four, training, 100 + window).is_ok());
        assert!(check_payment(&genesis, &pay(&four, training, 106, &payer), &id, &four, training, 105).is_err());
    }

    #[test]
    fn a_short_entry_fails_for_good_only_once_the_finalized_chain_agrees() {
        let e = encode(&[3u8; 100], 4).unwrap().commitment;
        let entry = |since: BlockNumber, status: pa::Status| pa::Entry {
            erasure: e,
            retention: pa::Retention::ProofData,
            registrar: AccountId::from([0; 32]),
            payer: AccountId::from([2; 32]),
            deposit: 0,
            holders: BoundedVec::truncate_from(vec![AccountId::from([1; 32]); 4]),
            attested: BoundedVec::truncate_from(vec![0u8]),
            count: 1,
            since,
            deadline: since + 10,
            expires: since + 1200,
            slot: 0,
            status,
        };
        let best = entry(5, pa::Status::Pending);
        assert!(failed_for_good(&best, 16, || Some(entry(5, pa::Status::Pending))));
        // Finality not yet past the deadline: a fork may still bring the votes.
        assert!(!failed_for_good(&best, 15, || Some(entry(5, pa::Status::Pending))));
        assert!(!failed_for_good(&best, 15, || panic!("the finalized entry is read only past the deadline")));
        // Available on the finalized chain (the best chain is a fork off it).
        assert!(!failed_for_good(&best, 16, || Some(entry(5, pa::Status::Available { live: 0 }))));
        // Another registration there, or none yet.
        assert!(!failed_for_good(&best, 16, || Some(entry(4, pa::Status::Pending))));
        assert!(!failed_for_good(&best, 16, || None));
    }

    #[test]
    fn checks_start_with_encodings_never_tried_then_the_least_recently_stalled() {
        let e = encode(&[3u8; 100], 4).unwrap().commitment;
        let liar = AccountId::from([66; 32]);
        let at =
            |i: u8, since: BlockNumber| ToCheck { key: ([i; 32], [i; 32]), since, registrar: liar.clone(), erasure: e };
        // Twenty junk encodings that stalled at blocks 20..40, registered
        // before the honest one (5); a second honest one registered later;
        // the same encoding held twice (two shards of it).
        let mut waiting: Vec<ToCheck> = (0..20).map(|i| at(100 + i, 1)).collect();
        waiting.insert(7, at(1, 9));
        waiting.push(at(2, 5));
        waiting.push(at(2, 5));
        let stalled: HashMap<EncodingKey, Stall> = (0..20u8)
            .map(|i| (([100 + i; 32], [100 + i; 32]), Stall { at: 40 - BlockNumber::from(i), registrar: liar.clone() }))
            .collect();
        let order = check_order(waiting, &stalled);
        assert_eq!(order.len(), 22, "each encoding once");
        assert_eq!((order[0].key.0[0], order[1].key.0[0]), (2, 1), "never tried, earliest registered first");
        let retried: Vec<u8> = order[2..].iter().map(|c| c.key.0[0]).collect();
        assert_eq!(retried, (0..20u8).rev().map(|i| 100 + i).collect::<Vec<_>>(), "least recently stalled first");
    }

    /// A liar that registers fresh junk just before each honest
    /// registration gets it tried first only until one of its encodings
    /// stalls: then all of its registrations queue behind everyone else's.
    #[test]
    fn a_registrar_whose_checks_stalled_waits_behind_the_others() {
        let e = encode(&[3u8; 100], 4).unwrap().commitment;
        let (liar, honest) = (AccountId::from([66; 32]), AccountId::from([1; 32]));
        let at = |i: u8, since: BlockNumber, who: &AccountId| ToCheck {
            key: ([i; 32], [i; 32]),
            since,
            registrar: who.clone(),
            erasure: e,
        };
        // The liar's stalled junk (block 3), its fresh junk (registered at
        // 10, 11, just before the honest one at 12), the honest one.
        let waiting = vec![at(100, 2, &liar), at(101, 10, &liar), at(102, 11, &liar), at(1, 12, &honest)];
        let stall = |who: &AccountId| Stall { at: 3, registrar: who.clone() };
        let stalled: HashMap<EncodingKey, Stall> = [(([100; 32], [100; 32]), stall(&liar))].into_iter().collect();
        let order: Vec<u8> = check_order(waiting.clone(), &stalled).iter().map(|c| c.key.0[0]).collect();
        assert_eq!(order, [1, 101, 102, 100], "the honest encoding takes the first slot");
        // A stall is not blamed on whoever renewed the entry since: the
        // honest holder that took over the squatter's stalled entry (as
        // the longer class) is not made a staller by it.
        // Its own encoding, registered at 9, goes ahead of the fresh junk.
        let mut renewed = waiting.clone();
        renewed[0].registrar = honest.clone();
        renewed[3].since = 9;
        let order: Vec<u8> = check_order(renewed, &stalled).iter().map(|c| c.key.0[0]).collect();
        assert_eq!(order, [1, 101, 102, 100], "nobody blamed: never tried first, earliest registered first");
        // Before anything stalled, the earliest registered go first.
        let order: Vec<u8> = check_order(waiting, &HashMap::new()).iter().map(|c| c.key.0[0]).collect();
        assert_eq!(order, [100, 101, 102, 1]);
    }

    #[test]
    fn shards_are_kept_read_back_and_expired_with_a_tombstone() {
        let dir = std::env::temp_dir().join(format!("gensyn-shards-{}", std::process::id()));
        let shards = ShardDir::open(dir.clone()).unwrap();
        let data: Vec<u8> = (0..10_000u32).map(|i| i as u8).collect();
        let e = encode(&data, 4).unwrap();
        let id = [7u8; 32];
        let key = (id, e.commitment.id());
        for i in [0u16, 3] {
            let s = held(id, &e, i);
            assert!(s.checks());
            shards.put(&s).unwrap();
        }
        assert_eq!(shards.of(&id).len(), 2);
        assert_eq!(shards.get(&key, 3).unwrap().shard, e.shards[3]);
        let mut lie = shards.get(&key, 0).unwrap();
        lie.index = 1;
        assert!(!lie.checks(), "a shard under another index does not check");
        assert!(shards.age(&key, 3).is_some_and(|a| a < Duration::from_secs(60)));
        shards.drop_shard(&key, 3);
        assert!(shards.get(&key, 3).is_none() && shards.get(&key, 0).is_some());
        shards.expire(&key, Some(42));
        assert!(shards.of(&id).is_empty() && shards.all().is_empty());
        assert_eq!(shards.expired(&id), Some(42));
        // A shard of another encoding pushed after, then dropped: the
        // artefact still reads as expired at block 42.
        let junk = encode(&[1u8; 3000], 4).unwrap();
        shards.put(&held(id, &junk, 1)).unwrap();
        shards.drop_shard(&(id, junk.commitment.id()), 1);
        assert_eq!(shards.expired(&id), Some(42));
        std::fs::remove_dir_all(dir).unwrap();
    }

    /// Another holder pushes its own encoding's shard, same artefact, same
    /// index: it lives beside the honest one, which it neither replaces
    /// nor takes down with it when it expires.
    #[test]
    fn two_encodings_of_one_artefact_are_kept_and_dropped_apart() {
        let dir = std::env::temp_dir().join(format!("gensyn-shards-two-{}", std::process::id()));
        let shards = ShardDir::open(dir.clone()).unwrap();
        let id = [9u8; 32];
        let honest = encode(&[5u8; 4000], 4).unwrap();
        let junk = encode(&[6u8; 4000], 4).unwrap();
        shards.put(&held(id, &honest, 2)).unwrap();
        shards.put(&held(id, &junk, 2)).unwrap();
        let (h, j) = ((id, honest.commitment.id()), (id, junk.commitment.id()));
        assert_eq!(shards.of(&id).len(), 2);
        assert_eq!(shards.get(&h, 2).unwrap().erasure, honest.commitment);
        assert_eq!(shards.of_encoding(&j).len(), 1);
        shards.expire(&j, None);
        assert_eq!(shards.of(&id).len(), 1);
        assert_eq!(shards.get(&h, 2).unwrap().shard, honest.shards[2]);
        assert_eq!(shards.expired(&id), None, "the artefact did not expire");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
