//! Checkpoints and their canonical hash.
//!
//! The hash is over a canonical encoding, never over a file: safetensors
//! writes its metadata in hash-map order. Encoding, under blake2b-256:
//! `"gensyn/checkpoint/v1"`, the step (u32 LE), then for each tensor in
//! ascending name order: name length (u32 LE), name bytes, rank (u32 LE),
//! each dimension (u64 LE), and the f32 values little-endian.

use blake2::{digest::consts::U32, Blake2b, Digest};
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

/// The canonical hash of `state` at `step`.
pub fn hash(step: u32, state: &State) -> Hash {
    let mut h = Blake2b::<U32>::new();
    h.update(b"gensyn/checkpoint/v1");
    h.update(step.to_le_bytes());
    for (name, t) in state {
        h.update((name.len() as u32).to_le_bytes());
        h.update(name.as_bytes());
        h.update((t.dims.len() as u32).to_le_bytes());
        for d in &t.dims {
            h.update((*d as u64).to_le_bytes());
        }
        for v in &t.values {
            h.update(v.to_le_bytes());
        }
    }
    h.finalize().into()
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
