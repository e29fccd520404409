//! Training states (parameters and optimiser state after a step) and the
//! records a run commits to.
//!
//! A state is a Merkle tree over `(name, tensor hash)` entries in ascending
//! name order, bound to its step and entry count. One tensor of a state can
//! thus be proven with a Merkle proof, which is how arbitration learns an
//! operator's input that comes from the state.

use crate::{
    hash::{Hash, Leaf},
    merkle::{self, Tree},
};
use alloc::vec::Vec;

/// The leaf of one state entry.
pub fn entry_leaf(name: &[u8], tensor: &Hash) -> Hash {
    Leaf::new(b"state-entry").u32(name.len() as u32).bytes(name).hash(tensor).finish()
}

/// A state's hash from the root of its entry tree.
pub fn hash_from_root(step: u32, entries: u32, entries_root: &Hash) -> Hash {
    Leaf::new(b"state").u32(step).u32(entries).hash(entries_root).finish()
}

/// A state's entry tree and hash. `entries` must be in ascending name order
/// (a `BTreeMap`'s order); panics otherwise, since a misordered state is a
/// programming error that would silently fork the commitment.
pub struct StateCommitment {
    /// The step the state follows (0 = initial weights).
    pub step: u32,
    /// The entry tree.
    pub tree: Tree,
    /// The state hash.
    pub hash: Hash,
}

impl StateCommitment {
    /// Commits to `entries` (name, tensor hash) after `step`.
    pub fn new<'a>(step: u32, entries: impl IntoIterator<Item = (&'a [u8], Hash)>) -> Self {
        let mut leaves = Vec::new();
        let mut last: Option<&[u8]> = None;
        for (name, h) in entries {
            assert!(last.map_or(true, |l| l < name), "state entries must be in ascending name order");
            last = Some(name);
            leaves.push(entry_leaf(name, &h));
        }
        let tree = Tree::new(&leaves);
        let hash = hash_from_root(step, tree.len(), &tree.root());
        StateCommitment { step, tree, hash }
    }
}

/// The leaf of checkpoint `index` (state after step `index·k`) in a run's
/// checkpoint tree.
pub fn checkpoint_leaf(index: u32, state: &Hash) -> Hash {
    Leaf::new(b"checkpoint").u32(index).hash(state).finish()
}

/// The leaf of example `index` in a dataset's commitment (a Merkle tree
/// over examples in file order): its class and its features.
pub fn example_leaf(index: u32, label: u32, features: &[f32]) -> Hash {
    Leaf::new(b"example").u32(index).u32(label).f32s(features).finish()
}

/// What a run commits to for one step.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    codec::Encode,
    codec::Decode,
    codec::DecodeWithMemTracking,
    scale_info::TypeInfo,
    codec::MaxEncodedLen,
)]
pub struct StepRecord {
    /// The step (0-based).
    pub step: u32,
    /// State hash before the step.
    pub before: Hash,
    /// Root of the step's batch ([`crate::data::Batch`]): its examples, in row order.
    pub batch: Hash,
    /// Root of the step's trace tree.
    pub trace_root: Hash,
    /// Leaves of the trace tree (= program nodes).
    pub trace_len: u32,
    /// State hash after the step.
    pub after: Hash,
}

impl StepRecord {
    /// The record's leaf in a run's step tree.
    pub fn leaf(&self) -> Hash {
        Leaf::new(b"step")
            .u32(self.step)
            .hash(&self.before)
            .hash(&self.batch)
            .hash(&self.trace_root)
            .u32(self.trace_len)
            .hash(&self.after)
            .finish()
    }
}

/// Root of a run's checkpoint tree from the checkpoint state hashes.
pub fn checkpoint_root(states: &[Hash]) -> Hash {
    let leaves: Vec<Hash> = states.iter().enumerate().map(|(i, s)| checkpoint_leaf(i as u32, s)).collect();
    merkle::root(&leaves)
}
