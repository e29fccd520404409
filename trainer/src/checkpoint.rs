//! Checkpoints and their canonical hash.
//!
//! The hash is over a canonical encoding, never over a file: safetensors
//! writes its metadata in hash-map order. It is the commitment scheme's
//! state hash (`gensyn_commitment::state`): a Merkle tree over the tensors
//! in ascending name order, each tensor hashed as a tree of tiles bound to
//! its shape, so the chain can check one tensor of a checkpoint with a
//! Merkle proof.

use gensyn_commitment::{hash::canonical_bits, state::StateCommitment};
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

/// True when `a` and `b` hold the same names, shapes and bit patterns as
/// the hash sees them (every NaN alike, [`gensyn_commitment::hash::canonical_bits`]).
/// (`==` on `f32` would take −0 for +0, which hash differently, and refuse a
/// NaN equal to itself.)
pub fn same_bits(a: &State, b: &State) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|((na, ta), (nb, tb))| {
            na == nb
                && ta.dims == tb.dims
                && ta.values.len() == tb.values.len()
                && ta.values.iter().zip(&tb.values).all(|(x, y)| canonical_bits(*x) == canonical_bits(*y))
        })
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

    #[test]
    fn same_bits_is_bitwise() {
        let state = |v: f32| State::from([("w".to_string(), Named { dims: vec![1], values: vec![v] })]);
        assert!(!same_bits(&state(0.0), &state(-0.0)), "±0 hash differently");
        assert_ne!(hash(0, &state(0.0)), hash(0, &state(-0.0)));
        assert!(same_bits(&state(f32::NAN), &state(f32::NAN)));
        // A NaN with another sign or payload is the same value to the hash.
        let other_nan = f32::from_bits(0xff80_0001);
        assert!(same_bits(&state(f32::NAN), &state(other_nan)));
        assert_eq!(hash(0, &state(f32::NAN)), hash(0, &state(other_nan)));
        assert!(same_bits(&state(1.5), &state(1.5)));
        assert!(!same_bits(&state(1.5), &State::new()));
    }
}
