//! Checkpoints and their canonical hash.
//!
//! The hash is over a canonical encoding, never over a file: safetensors
//! writes its metadata in hash-map order. It is the commitment scheme's
//! state hash (`gensyn_commitment::state`): a Merkle tree over the tensors
//! in ascending name order, each tensor hashed as a tree of tiles bound to
//! its shape, so the chain can check one tensor of a checkpoint with a
//! Merkle proof.

use gensyn_commitment::state::StateCommitment;
use std::collections::BTreeMap;

/// A named f32 tensor: dims and row-major values.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// Dimensions.
    pub dims: Vec<usize>,
    /// Values.
    pub values: Vec<f32>,
}

/// Everything that determines the rest of training: parameters and
/// optimiser state, by name.
pub type State = BTreeMap<String, Named>;

/// A 32-byte hash.
pub type Hash = [u8; 32];

/// The commitment of `state` after `step` steps (entry tree and hash).
pub fn commit(step: u32, state: &State) -> StateCommitment {
    commit_on(step, state, 1)
}

/// [`commit`] with each tensor's tiles hashed on up to `threads` threads
/// (the same commitment).
pub fn commit_on(step: u32, state: &State, threads: usize) -> StateCommitment {
    StateCommitment::new(
        step,
        state.iter().map(|(name, t)| {
            let dims: Vec<u32> = t.dims.iter().map(|d| *d as u32).collect();
            (name.as_bytes(), gensyn_commitment::tensor::hash_parallel(&dims, &t.values, threads))
        }),
    )
}

/// The canonical hash of `state` after `step` steps.
pub fn hash(step: u32, state: &State) -> Hash {
    commit(step, state).hash
}

/// Lower-case hex with a `0x` prefix.
pub fn hex(h: &Hash) -> String {
    let mut s = String::from("0x");
    for b in h {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_flipped_bit_changes_the_hash() {
        let mut s = State::new();
        s.insert("w".into(), Named { dims: vec![2], values: vec![1.0, 2.0] });
        let h = hash(3, &s);
        assert_eq!(h, hash(3, &s.clone()));
        assert_ne!(h, hash(4, &s));
        let v = &mut s.get_mut("w").unwrap().values[1];
        *v = f32::from_bits(v.to_bits() ^ 1);
        assert_ne!(h, hash(3, &s));
    }
}
