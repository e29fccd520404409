//! The availability layer's commitment to an erasure-coded artefact: what
//! the chain records, what a shard's holder proves, what a reader checks.
//!
//! An artefact of `len` bytes is cut into `k` pieces of [`shard_len`] bytes
//! (the last zero-padded) and extended to `n` shards by a Reed–Solomon code
//! (the encoder is `gensyn-availability`; this crate only fixes what is
//! committed), any `k` of which give the artefact back. Shard `i` becomes the
//! leaf [`shard_leaf`]`(i, shard)`; the Merkle tree over the `n` leaves is the
//! erasure root. The chain keeps [`ErasureCommitment`] `(root, len, k, n)`:
//! a holder answers a challenge with its shard and a proof
//! ([`ErasureCommitment::check_shard`]), which the runtime checks without
//! decoding anything.
//!
//! A root only says which shards were committed, not that they are one
//! codeword: a dishonest encoder could commit shards that decode to
//! different bytes from different subsets. So a reader re-encodes what it
//! decoded and compares roots (the encoder crate's `reconstruct` does), and
//! the bytes must still recompute the artefact's protocol commitment; an
//! artefact that fails either is unreadable, which the protocol treats as
//! unavailable, the owing party's loss.

use crate::{
    hash::{Hash, Leaf},
    merkle::{self, Proof},
};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// The leaf domain of a shard.
pub const SHARD_DOMAIN: &[u8] = b"erasure-shard";

/// Most shards an artefact is cut into (the code works in GF(2^16); far more
/// than validators on any devnet).
pub const MAX_SHARDS: u16 = 1024;

/// Shards any `k` of which recover the artefact, for `n` holders:
/// `⌊(n − 1)/3⌋ + 1`, so the honest two thirds always hold enough while up
/// to a third withhold (Polkadot's choice for its availability chunks).
pub fn threshold(n: u16) -> u16 {
    (n.max(1) - 1) / 3 + 1
}

/// Bytes in each shard of a `len`-byte artefact cut into `k` pieces:
/// `⌈len / k⌉`, rounded up to even (the code's symbols are 16-bit), at
/// least 2.
pub fn shard_len(len: u32, k: u16) -> u32 {
    let k = u32::from(k.max(1));
    let per = len.div_ceil(k).max(2);
    per + (per & 1)
}

/// Leaf `index` of an erasure root: `0x00 ‖ domain ‖ index ‖ shard`.
pub fn shard_leaf(index: u16, shard: &[u8]) -> Hash {
    Leaf::new(SHARD_DOMAIN).u32(u32::from(index)).bytes(shard).finish()
}

/// The erasure root of `shards`, in index order.
pub fn root<S: AsRef<[u8]>>(shards: &[S]) -> Hash {
    let leaves: alloc::vec::Vec<Hash> =
        shards.iter().enumerate().map(|(i, s)| shard_leaf(i as u16, s.as_ref())).collect();
    merkle::root(&leaves)
}

/// What the chain records of an erasure-coded artefact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct ErasureCommitment {
    /// Root of the tree over the `n` shard leaves.
    pub root: Hash,
    /// The artefact's length in bytes (the padding is cut off on reading).
    pub len: u32,
    /// Shards needed to recover it.
    pub k: u16,
    /// Shards in all (one per holder).
    pub n: u16,
}

impl ErasureCommitment {
    /// Whether the shape is one the code supports and the protocol uses:
    /// `1 ≤ n ≤ MAX_SHARDS`, `k = threshold(n)`. A registrant picking its own
    /// `k` could ask for all `n` shards, so that one withholding holder makes
    /// the artefact unreadable while the rest attest.
    pub fn is_well_formed(&self) -> bool {
        (1..=MAX_SHARDS).contains(&self.n) && self.k == threshold(self.n)
    }

    /// Bytes in each of its shards.
    pub fn shard_len(&self) -> u32 {
        shard_len(self.len, self.k)
    }

    /// Whether `shard` is shard `index` of this artefact by `proof`: in
    /// range, of the committed length, and a leaf of the root. Never panics.
    pub fn check_shard(&self, index: u16, shard: &[u8], proof: &Proof) -> bool {
        index < self.n
            && shard.len() as u64 == u64::from(self.shard_len())
            && merkle::verify(&self.root, u32::from(self.n), u32::from(index), &shard_leaf(index, shard), proof)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn the_threshold_tolerates_a_third_withholding() {
        let cases = [(1, 1), (2, 1), (3, 1), (4, 2), (5, 2), (6, 2), (7, 3), (10, 4), (100, 34)];
        for (n, k) in cases {
            assert_eq!(threshold(n), k, "n = {n}");
            // Withholders: up to ⌊(n−1)/3⌋; the rest still hold k.
            assert!(n - (n - 1) / 3 >= k);
        }
        assert_eq!(threshold(0), 1, "no panic on a degenerate count");
    }

    #[test]
    fn shards_are_even_and_cover_the_artefact() {
        for (len, k) in [(0, 1), (1, 1), (3, 2), (1000, 3), (1001, 2), (16 << 20, 2)] {
            let s = shard_len(len, k);
            assert!(s >= 2 && s % 2 == 0);
            assert!(u64::from(s) * u64::from(k) >= u64::from(len), "{len} in {k}");
            assert!(u64::from(s) <= u64::from(len).div_ceil(u64::from(k)).max(2) + 1, "no more than one pad byte");
        }
    }

    #[test]
    fn a_shard_checks_only_at_its_index_with_its_bytes_and_proof() {
        let shards: Vec<Vec<u8>> = (0..4u8).map(|i| alloc::vec![i; 6]).collect();
        let c = ErasureCommitment { root: root(&shards), len: 12, k: 2, n: 4 };
        assert!(c.is_well_formed());
        let leaves: Vec<Hash> = shards.iter().enumerate().map(|(i, s)| shard_leaf(i as u16, s)).collect();
        let tree = merkle::Tree::new(&leaves);
        for i in 0..4u16 {
            let proof = tree.proof(u32::from(i)).unwrap();
            assert!(c.check_shard(i, &shards[i as usize], &proof));
            let other = (i + 1) % 4;
            assert!(!c.check_shard(other, &shards[i as usize], &proof), "a wrong index");
            let mut bad = shards[i as usize].clone();
            bad[0] ^= 1;
            assert!(!c.check_shard(i, &bad, &proof), "a tampered shard");
            assert!(!c.check_shard(i, &shards[i as usize][..4], &proof), "a short shard");
            let wrong = tree.proof(u32::from(other)).unwrap();
            assert!(!c.check_shard(i, &shards[i as usize], &wrong), "a wrong proof");
        }
        assert!(!c.check_shard(4, &shards[0], &tree.proof(0).unwrap()), "out of range");
        // Another shape is another commitment.
        assert!(!ErasureCommitment { k: 4, ..c }.is_well_formed());
        assert!(!ErasureCommitment { n: 0, k: 1, ..c }.is_well_formed());
    }
}
