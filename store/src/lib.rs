//! The artefact store: what parties that share nothing but the chain hand
//! each other — task specs, datasets, checkpoints — kept under the
//! commitment the chain knows for each, never under a hash of file bytes.
//!
//! A writer's bytes are accepted only if they recompute the commitment they
//! are put under ([`commitment_of`]), and a reader checks what it gets the
//! same way ([`open`]), so neither has to trust the store. [`ArtefactStore`]
//! is the one interface (put / get / is-available): the devnet node serves a
//! [`DiskStore`]; an erasure-coded store across validators can sit behind
//! the same trait.

use codec::{Decode, Encode};
use gensyn_commitment::{data::dataset_commitment, interp::NamedState, merkle, state::example_leaf, tensor::Tensor};
use std::{
    io::Write,
    path::{Path, PathBuf},
};

/// A 32-byte commitment.
pub type Hash = [u8; 32];

/// Largest artefact the devnet's store takes (the node's RPC request limit
/// is set above it, hex doubling included).
pub const MAX_ARTEFACT: usize = 16 << 20;

/// What an artefact is, which says how its commitment is computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode)]
pub enum Kind {
    /// A task spec's TOML: `blake2b-256` of its bytes (the task's `spec_hash`).
    Spec,
    /// A dataset ([`DatasetBlob`]): `dataset_commitment(root, samples,
    /// example_len)`, what the chain's availability check asks for.
    Dataset,
    /// A checkpoint ([`CheckpointBlob`]): its state hash, what the
    /// checkpoint tree commits.
    Checkpoint,
}

impl Kind {
    /// The name used over RPC and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Spec => "spec",
            Kind::Dataset => "dataset",
            Kind::Checkpoint => "checkpoint",
        }
    }

    /// The kind named `name`.
    pub fn parse(name: &str) -> Option<Kind> {
        [Kind::Spec, Kind::Dataset, Kind::Checkpoint].into_iter().find(|k| k.name() == name)
    }
}

/// A dataset in its canonical form: every example, in index order, as the
/// dataset tree's leaves read it.
#[derive(Clone, Debug, PartialEq, Encode, Decode)]
pub struct DatasetBlob {
    /// Values per example.
    pub example_len: u32,
    /// `(label, f32::to_bits of each value)` per example.
    pub examples: Vec<(u32, Vec<u32>)>,
}

impl DatasetBlob {
    /// The dataset tree's root.
    pub fn root(&self) -> Hash {
        let leaves: Vec<Hash> = self
            .examples
            .iter()
            .enumerate()
            .map(|(i, (label, bits))| {
                let values: Vec<f32> = bits.iter().map(|b| f32::from_bits(*b)).collect();
                example_leaf(i as u32, *label, &values)
            })
            .collect();
        merkle::root(&leaves)
    }
}

/// A checkpoint in its canonical form: the state's entries by name.
#[derive(Clone, Debug, PartialEq, Encode, Decode)]
pub struct CheckpointBlob {
    /// Steps taken.
    pub step: u32,
    /// `(name, dims, f32::to_bits of each value)`, ascending by name.
    pub entries: Vec<(Vec<u8>, Vec<u32>, Vec<u32>)>,
}

impl CheckpointBlob {
    /// The interpreter's state.
    pub fn state(&self) -> Result<NamedState, StoreError> {
        let mut entries = Vec::with_capacity(self.entries.len());
        for (name, dims, bits) in &self.entries {
            let values = bits.iter().map(|b| f32::from_bits(*b)).collect();
            let t = Tensor::new(dims.clone(), values)
                .ok_or_else(|| StoreError::Malformed("a checkpoint entry's values do not fill its shape".into()))?;
            entries.push((name.clone(), t));
        }
        if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err(StoreError::Malformed("checkpoint entries must be in ascending name order, once each".into()));
        }
        Ok(NamedState { step: self.step, entries })
    }

    /// The checkpoint of an interpreter state.
    pub fn of(state: &NamedState) -> Self {
        CheckpointBlob {
            step: state.step,
            entries: state
                .entries
                .iter()
                .map(|(n, t)| (n.clone(), t.dims.clone(), t.values.iter().map(|v| v.to_bits()).collect()))
                .collect(),
        }
    }
}

/// Why a put or a read failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The bytes are not an artefact of the kind they were put as.
    #[error("malformed artefact: {0}")]
    Malformed(String),
    /// The bytes do not recompute the commitment they were asked for under.
    #[error("the artefact does not match its commitment: expected 0x{expected}, computed 0x{computed}")]
    Mismatch {
        /// Hex of the asked-for commitment.
        expected: String,
        /// Hex of what the bytes give.
        computed: String,
    },
    /// Over the store's size limits.
    #[error("artefact too large: {size} bytes; the store takes at most {limit}")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit it broke.
        limit: usize,
    },
    /// The disk.
    #[error("store I/O: {0}")]
    Io(#[from] std::io::Error),
}

/// The commitment `bytes` stand for as an artefact of `kind`.
pub fn commitment_of(kind: Kind, bytes: &[u8]) -> Result<Hash, StoreError> {
    match kind {
        // A spec's id is the plain hash of its bytes, while every other
        // kind's is the hash of a leaf record (`0x00 ‖ domain ‖ …`, or a
        // node, `0x01 ‖ …`). Text never starts with those bytes, so a
        // spec can never stand for a dataset or a checkpoint: put as a
        // "spec", a record's preimage would get the store to attest the
        // dataset it commits to without holding it.
        Kind::Spec => match bytes.first() {
            Some(0x00 | 0x01) => Err(StoreError::Malformed("a spec is TOML text, not a commitment record".into())),
            _ if std::str::from_utf8(bytes).is_err() => {
                Err(StoreError::Malformed("a spec is TOML text (UTF-8)".into()))
            }
            _ => Ok(blake2b_256(bytes)),
        },
        Kind::Dataset => {
            let d = DatasetBlob::decode(&mut &bytes[..])
                .map_err(|e| StoreError::Malformed(format!("not a dataset: {e}")))?;
            if d.examples.is_empty() || d.examples.iter().any(|(_, v)| v.len() != d.example_len as usize) {
                return Err(StoreError::Malformed(format!(
                    "a dataset needs examples of {} values each",
                    d.example_len
                )));
            }
            Ok(dataset_commitment(&d.root(), d.examples.len() as u32, d.example_len))
        }
        Kind::Checkpoint => {
            let c = CheckpointBlob::decode(&mut &bytes[..])
                .map_err(|e| StoreError::Malformed(format!("not a checkpoint: {e}")))?;
            Ok(c.state()?.commit().hash)
        }
    }
}

/// Checks that `bytes` are the artefact of `kind` committed as `id`: what a
/// reader does with whatever a store returns.
pub fn open(kind: Kind, id: &Hash, bytes: &[u8]) -> Result<(), StoreError> {
    let computed = commitment_of(kind, bytes)?;
    if &computed != id {
        return Err(StoreError::Mismatch { expected: hex(id), computed: hex(&computed) });
    }
    Ok(())
}

/// The kind of artefact as which `bytes` recompute `id`, if any: commitments
/// are domain-separated by kind (a spec, hashed plain, is text and so never
/// a record's preimage), so at most one fits. For a reader that does not
/// know what it asked for.
pub fn kind_of(id: &Hash, bytes: &[u8]) -> Option<Kind> {
    [Kind::Spec, Kind::Dataset, Kind::Checkpoint].into_iter().find(|k| open(*k, id, bytes).is_ok())
}

/// blake2b-256 of `bytes` (what the chain's `BlakeTwo256` computes).
pub fn blake2b_256(bytes: &[u8]) -> Hash {
    let h = blake2b_simd::Params::new().hash_length(32).hash(bytes);
    let mut out = [0u8; 32];
    out.copy_from_slice(h.as_bytes());
    out
}

fn hex(h: &Hash) -> String {
    h.iter().map(|b| format!("{b:02x}")).collect()
}

/// Put / get / is-available, addressed by commitment.
pub trait ArtefactStore {
    /// Stores `bytes` as an artefact of `kind` under the commitment they
    /// recompute, which it returns; refuses what is malformed or too large.
    fn put(&self, kind: Kind, bytes: &[u8]) -> Result<Hash, StoreError>;
    /// The artefact stored under `id`, if any (its reader still checks it).
    fn get(&self, id: &Hash) -> Result<Option<Vec<u8>>, StoreError>;
    /// Whether `id` is held.
    fn is_available(&self, id: &Hash) -> bool;
}

/// A folder of artefacts, one file per commitment (`<hex>`), written
/// atomically, within a per-artefact and a total size limit.
pub struct DiskStore {
    dir: PathBuf,
    max_artefact: usize,
    max_total: u64,
}

impl DiskStore {
    /// A store in `dir` (created if missing).
    pub fn open(dir: impl Into<PathBuf>, max_artefact: usize, max_total: u64) -> Result<Self, StoreError> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir)?;
        Ok(DiskStore { dir, max_artefact, max_total })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, id: &Hash) -> PathBuf {
        self.dir.join(hex(id))
    }

    /// Bytes held in all.
    pub fn used(&self) -> Result<u64, StoreError> {
        let mut total = 0;
        for e in std::fs::read_dir(&self.dir)? {
            let e = e?;
            if e.file_name().len() == 64 {
                total += e.metadata()?.len();
            }
        }
        Ok(total)
    }
}

impl ArtefactStore for DiskStore {
    fn put(&self, kind: Kind, bytes: &[u8]) -> Result<Hash, StoreError> {
        if bytes.len() > self.max_artefact {
            return Err(StoreError::TooLarge { size: bytes.len(), limit: self.max_artefact });
        }
        let id = commitment_of(kind, bytes)?;
        let path = self.path(&id);
        if path.exists() {
            return Ok(id);
        }
        let used = self.used()?;
        if used + bytes.len() as u64 > self.max_total {
            return Err(StoreError::TooLarge {
                size: bytes.len(),
                limit: self.max_total.saturating_sub(used) as usize,
            });
        }
        let tmp = self.dir.join(format!(".{}.tmp", hex(&id)));
        {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
        }
        std::fs::rename(tmp, path)?;
        Ok(id)
    }

    fn get(&self, id: &Hash) -> Result<Option<Vec<u8>>, StoreError> {
        match std::fs::read(self.path(id)) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    fn is_available(&self, id: &Hash) -> bool {
        self.path(id).is_file()
    }
}

impl DiskStore {
    /// Drops artefact `id` (the chain pruned it); whether it was held.
    pub fn remove(&self, id: &Hash) -> Result<bool, StoreError> {
        match std::fs::remove_file(self.path(id)) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> DatasetBlob {
        DatasetBlob {
            example_len: 2,
            examples: vec![
                (0, vec![1.0f32.to_bits(), 2.0f32.to_bits()]),
                (1, vec![3.0f32.to_bits(), 4.0f32.to_bits()]),
            ],
        }
    }

    #[test]
    fn bytes_are_of_the_one_kind_they_recompute_the_id_as() {
        let spec = b"[model]\nkind = \"mlp\"\n".to_vec();
        let id = blake2b_256(&spec);
        assert_eq!(kind_of(&id, &spec), Some(Kind::Spec));
        let d = dataset().encode();
        assert_eq!(kind_of(&commitment_of(Kind::Dataset, &d).unwrap(), &d), Some(Kind::Dataset));
        let mut lie = spec.clone();
        lie[0] ^= 1;
        assert_eq!(kind_of(&id, &lie), None, "a lying peer's bytes are refused");
        assert_eq!(kind_of(&[0; 32], &spec), None, "and bytes under another id");
    }

    #[test]
    fn artefacts_are_kept_under_the_commitment_the_chain_knows() {
        let dir = tempfile::tempdir().unwrap();
        let store = DiskStore::open(dir.path(), 1 << 20, 1 << 20).unwrap();
        let d = dataset();
        let id = store.put(Kind::Dataset, &d.encode()).unwrap();
        assert_eq!(id, dataset_commitment(&d.root(), 2, 2));
        let back = store.get(&id).unwrap().unwrap();
        open(Kind::Dataset, &id, &back).unwrap();
        assert!(store.is_available(&id));
        let spec = b"name = \"x\"\n";
        assert_eq!(store.put(Kind::Spec, spec).unwrap(), blake2b_256(spec));
        let state =
            NamedState { step: 0, entries: vec![(b"w".to_vec(), Tensor::new(vec![2], vec![0.5, -1.0]).unwrap())] };
        let cid = store.put(Kind::Checkpoint, &CheckpointBlob::of(&state).encode()).unwrap();
        assert_eq!(cid, state.commit().hash);
    }

    #[test]
    fn a_reader_refuses_bytes_that_do_not_match_and_the_store_refuses_junk() {
        let dir = tempfile::tempdir().unwrap();
        let store = DiskStore::open(dir.path(), 64, 1 << 20).unwrap();
        let d = dataset();
        let id = commitment_of(Kind::Dataset, &d.encode()).unwrap();
        let mut other = d.clone();
        other.examples[1].0 = 0;
        assert!(matches!(open(Kind::Dataset, &id, &other.encode()), Err(StoreError::Mismatch { .. })));
        assert!(matches!(store.put(Kind::Dataset, b"junk"), Err(StoreError::Malformed(_))));
        let mut ragged = d.clone();
        ragged.examples[0].1.pop();
        assert!(matches!(store.put(Kind::Dataset, &ragged.encode()), Err(StoreError::Malformed(_))));
        assert!(matches!(store.put(Kind::Spec, &[0u8; 65]), Err(StoreError::TooLarge { .. })));
        assert!(!store.is_available(&id));
    }

    #[test]
    fn a_commitment_records_preimage_put_as_a_spec_is_refused() {
        // The bytes a dataset's id hashes: as a "spec" they would recompute
        // that id, and the store would attest a dataset it does not hold.
        let d = dataset();
        let id = commitment_of(Kind::Dataset, &d.encode()).unwrap();
        let mut preimage = gensyn_commitment::hash::leaf_header(b"dataset");
        preimage.extend_from_slice(&d.root());
        preimage.extend_from_slice(&2u32.to_le_bytes());
        preimage.extend_from_slice(&2u32.to_le_bytes());
        assert_eq!(blake2b_256(&preimage), id, "the preimage is right");
        let dir = tempfile::tempdir().unwrap();
        let store = DiskStore::open(dir.path(), 1 << 20, 1 << 20).unwrap();
        assert!(matches!(store.put(Kind::Spec, &preimage), Err(StoreError::Malformed(_))));
        assert!(open(Kind::Spec, &id, &preimage).is_err(), "nor does a reader take it as one");
        assert!(!store.is_available(&id));
        // An inner node's preimage neither; nor bytes that are not text.
        assert!(matches!(commitment_of(Kind::Spec, &[0x01; 65]), Err(StoreError::Malformed(_))));
        assert!(matches!(commitment_of(Kind::Spec, &[b'a', 0xff]), Err(StoreError::Malformed(_))));
    }
}
