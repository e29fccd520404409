//! The availability layer's commitment to an erasure-coded artefact: what
//! the chain records, what a shard's holder proves, what a reader checks.
//!
//! An artefact of `len` bytes is cut into `k` pieces of [`shard_len`] bytes
//! (the last zero-padded) and extended to `n` shards by a Reed–Solomon code
//! (the encoder is `gensyn-availability`; this crate only fixes what is
//! committed), any `k` of which give the artefact back. Shard `i` becomes the
//! leaf [`shard_leaf`]`(i, shard)`; the Merkle tree over the `n` leaves is the
//! erasure root. The chain keeps [`ErasureCommitment`] `(root, len, k, n)`.
//!
//! A shard's leaf commits to the root of a tree over its [`PIECE_LEN`]-byte
//! pieces rather than to its bytes directly: a shard of a large artefact is
//! megabytes, too much for a transaction, so a holder answers a challenge
//! with one piece, its proof in the shard and the shard's proof in the root
//! ([`ErasureCommitment::check_piece`]), which the runtime checks in a few
//! hashes; a reader checks whole shards ([`ErasureCommitment::check_shard`]).
//!
//! A root only says which shards were committed, not that they are one
//! codeword: a dishonest encoder could commit shards that decode to
//! different bytes from different subsets. So a reader re-encodes what it
//! decoded and compares roots (the encoder crate's `reconstruct` does), and
//! the bytes must still recompute the artefact's protocol commitment; an
//! artefact that fails either is unreadable, which the protocol treats as
//! unavailable, the owing party's loss.

use crate::{
    hash::{blake2_256, Hash, Leaf},
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

/// The leaf domain of a piece of a shard.
pub const PIECE_DOMAIN: &[u8] = b"erasure-piece";

/// Bytes in each piece of a shard (the last may be shorter): what one
/// challenge answer carries.
pub const PIECE_LEN: u32 = 4096;

/// Pieces a shard of `shard_len` bytes is cut into (at least one).
pub fn pieces(shard_len: u32) -> u32 {
    shard_len.div_ceil(PIECE_LEN).max(1)
}

/// Bytes in piece `j` of a shard of `shard_len` bytes (0 past the end).
pub fn piece_len(shard_len: u32, j: u32) -> u32 {
    shard_len.saturating_sub(j.saturating_mul(PIECE_LEN)).min(PIECE_LEN)
}

/// Leaf `j` of a shard's piece tree: `0x00 ‖ domain ‖ j ‖ piece`.
pub fn piece_leaf(j: u32, piece: &[u8]) -> Hash {
    Leaf::new(PIECE_DOMAIN).u32(j).bytes(piece).finish()
}

fn piece_leaves(shard: &[u8]) -> alloc::vec::Vec<Hash> {
    if shard.is_empty() {
        return alloc::vec![piece_leaf(0, &[])];
    }
    shard.chunks(PIECE_LEN as usize).enumerate().map(|(j, p)| piece_leaf(j as u32, p)).collect()
}

/// The root of a shard's piece tree.
pub fn shard_body(shard: &[u8]) -> Hash {
    merkle::root(&piece_leaves(shard))
}

/// Piece `j` of `shard` and its proof in the shard's piece tree: a
/// holder's answer to a challenge, beside the shard's proof in the root.
pub fn piece_proof(shard: &[u8], j: u32) -> Option<(&[u8], Proof)> {
    let start = (j as usize).checked_mul(PIECE_LEN as usize)?;
    if j >= pieces(shard.len() as u32) {
        return None;
    }
    let piece = &shard[start.min(shard.len())..(start + PIECE_LEN as usize).min(shard.len())];
    Some((piece, merkle::Tree::new(&piece_leaves(shard)).proof(j)?))
}

/// Leaf `index` of an erasure root: `0x00 ‖ domain ‖ index ‖ body`, the
/// body being the root of the shard's piece tree ([`shard_body`]).
pub fn shard_leaf(index: u16, shard: &[u8]) -> Hash {
    leaf_of_body(index, &shard_body(shard))
}

fn leaf_of_body(index: u16, body: &Hash) -> Hash {
    Leaf::new(SHARD_DOMAIN).u32(u32::from(index)).hash(body).finish()
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

    /// The encoding's name: a hash of all four fields. Two encodings may
    /// share a root and not a length (the padding makes room), and a reader
    /// given the wrong length gets other bytes; the chain keys entries and
    /// attestations by this, never by the root alone.
    pub fn id(&self) -> Hash {
        blake2_256(&(b"gensyn/encoding", self).encode())
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

    /// Pieces in each of its shards.
    pub fn pieces(&self) -> u32 {
        pieces(self.shard_len())
    }

    /// Whether `piece` is piece `j` of shard `index` of this artefact, by
    /// `piece_proof` (in the shard's piece tree) and `shard_proof` (in the
    /// erasure root): what a challenged holder answers. In range, of the
    /// committed length, and on the path to the root. Never panics.
    pub fn check_piece(&self, index: u16, j: u32, piece: &[u8], piece_proof: &Proof, shard_proof: &Proof) -> bool {
        let size = self.shard_len();
        if index >= self.n || j >= pieces(size) || piece.len() as u64 != u64::from(piece_len(size, j)) {
            return false;
        }
        let Some(body) = merkle::fold(pieces(size), j, &piece_leaf(j, piece), piece_proof) else {
            return false;
        };
        merkle::verify(&self.root, u32::from(self.n), u32::from(index), &leaf_of_body(index, &body), shard_proof)
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
        // A piece of each shard checks where it belongs, and nowhere else.
        for i in 0..4u16 {
            let shard_proof = tree.proof(u32::from(i)).unwrap();
            let (piece, proof) = piece_proof(&shards[i as usize], 0).unwrap();
            assert!(c.check_piece(i, 0, piece, &proof, &shard_proof));
            assert!(!c.check_piece(i, 1, piece, &proof, &shard_proof), "past the last piece");
            assert!(!c.check_piece((i + 1) % 4, 0, piece, &proof, &shard_proof), "another shard");
            let mut bad = piece.to_vec();
            bad[1] ^= 0x80;
            assert!(!c.check_piece(i, 0, &bad, &proof, &shard_proof), "a tampered piece");
        }
        // Another shape is another commitment.
        assert!(!ErasureCommitment { k: 4, ..c }.is_well_formed());
        assert!(!ErasureCommitment { n: 0, k: 1, ..c }.is_well_formed());
    }

    #[test]
    fn every_piece_of_a_long_shard_checks_only_with_its_own_proofs() {
        // Three pieces: two full, one short; four shards so proofs have depth.
        let size = 2 * PIECE_LEN + 10;
        // Bytes with no period, so no two pieces are equal.
        let byte = |b: u32, i: u32| (b.wrapping_mul(2_654_435_761) >> 13) as u8 ^ i as u8;
        let shards: Vec<Vec<u8>> = (0..4u32).map(|i| (0..size).map(|b| byte(b, i)).collect()).collect();
        let c = ErasureCommitment { root: root(&shards), len: 2 * size - 1, k: 2, n: 4 };
        assert_eq!(c.shard_len(), size);
        assert_eq!(c.pieces(), 3);
        let leaves: Vec<Hash> = shards.iter().enumerate().map(|(i, s)| shard_leaf(i as u16, s)).collect();
        let tree = merkle::Tree::new(&leaves);
        for (i, shard) in shards.iter().enumerate() {
            let shard_proof = tree.proof(i as u32).unwrap();
            assert!(c.check_shard(i as u16, shard, &shard_proof));
            for j in 0..3 {
                let (piece, proof) = piece_proof(shard, j).unwrap();
                assert_eq!(piece.len() as u32, piece_len(size, j));
                assert!(c.check_piece(i as u16, j, piece, &proof, &shard_proof), "shard {i} piece {j}");
                let other = (j + 1) % 3;
                let (other_piece, _) = piece_proof(shard, other).unwrap();
                assert!(!c.check_piece(i as u16, j, other_piece, &proof, &shard_proof), "another piece's bytes");
                assert!(!c.check_piece(i as u16, other, piece, &proof, &shard_proof), "another piece's place");
                let mut padded = piece.to_vec();
                padded.push(0);
                assert!(!c.check_piece(i as u16, j, &padded, &proof, &shard_proof), "a piece of the wrong length");
            }
            assert!(piece_proof(shard, 3).is_none());
        }
        assert_eq!(pieces(0), 1, "an empty shard is one empty piece");
        assert_eq!(piece_len(size, 2), 10);
        assert_eq!(piece_len(size, 3), 0);
    }
}
