//! Binary Merkle trees over leaf hashes, with single-leaf proofs and the
//! shape arithmetic the pinpoint protocol's descent needs.
//!
//! Trees are built bottom-up by `rs_merkle`: level by level, nodes pair
//! left to right and an unpaired last node is promoted unchanged. So a node
//! at level `L`, index `j` covers leaves `[j·2^L, min((j+1)·2^L, n))`.
//! A commitment is always the pair `(root, n)`: the leaf count is part of
//! what is checked, never inferred from a proof.
//!
//! Only single-leaf proofs are exposed: `rs_merkle` 1.5's multiproofs accept
//! duplicated indices. Proofs must carry exactly the siblings the shape
//! calls for, so each leaf has one valid proof.

use crate::hash::{node, Hash, ZERO};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;

/// Deepest tree a proof may describe (2^32 leaves).
pub const MAX_DEPTH: usize = 32;

/// `rs_merkle` hasher: leaves arrive pre-hashed (domain-separated by the
/// caller); inner nodes are [`node`]; an unpaired node is promoted.
#[derive(Clone)]
pub struct NodeHasher;

impl rs_merkle::Hasher for NodeHasher {
    type Hash = Hash;
    fn hash(data: &[u8]) -> Hash {
        crate::hash::blake2_256(data)
    }
    fn concat_and_hash(left: &Hash, right: Option<&Hash>) -> Hash {
        match right {
            Some(r) => node(left, r),
            None => *left,
        }
    }
}

/// Levels above the leaves: `⌈log2 n⌉` (0 for n ≤ 1).
pub fn depth(n: u32) -> u32 {
    if n <= 1 {
        0
    } else {
        32 - (n - 1).leading_zeros()
    }
}

/// Number of nodes at `level` of a tree over `n` leaves.
pub fn width(n: u32, level: u32) -> u32 {
    if level >= 32 {
        return (n > 0) as u32;
    }
    let span = 1u64 << level;
    ((n as u64 + span - 1) / span) as u32
}

/// The root of the tree over `leaves` ([`ZERO`] when empty).
pub fn root(leaves: &[Hash]) -> Hash {
    if leaves.is_empty() {
        return ZERO;
    }
    rs_merkle::MerkleTree::<NodeHasher>::from_leaves(leaves).root().unwrap_or(ZERO)
}

/// A tree kept in memory to hand out proofs and the nodes a descent asks for.
#[derive(Clone)]
pub struct Tree {
    proofs: rs_merkle::MerkleTree<NodeHasher>,
    /// `levels[0]` are the leaves, the last level is the root.
    levels: Vec<Vec<Hash>>,
}

impl Tree {
    /// Builds the tree over `leaves`.
    pub fn new(leaves: &[Hash]) -> Self {
        assert!(leaves.len() <= u32::MAX as usize, "merkle: too many leaves");
        let mut levels = alloc::vec![leaves.to_vec()];
        while levels.last().map_or(false, |l| l.len() > 1) {
            let below = levels.last().expect("non-empty");
            let up = below.chunks(2).map(|c| if c.len() == 2 { node(&c[0], &c[1]) } else { c[0] }).collect();
            levels.push(up);
        }
        Tree { proofs: rs_merkle::MerkleTree::from_leaves(leaves), levels }
    }
    /// The root ([`ZERO`] when empty).
    pub fn root(&self) -> Hash {
        self.levels.last().and_then(|l| l.first()).copied().unwrap_or(ZERO)
    }
    /// Leaf count.
    pub fn len(&self) -> u32 {
        self.levels[0].len() as u32
    }
    /// True when there are no leaves.
    pub fn is_empty(&self) -> bool {
        self.levels[0].is_empty()
    }
    /// The proof of leaf `index`, or `None` if out of range.
    pub fn proof(&self, index: u32) -> Option<Proof> {
        if index >= self.len() {
            return None;
        }
        let p = self.proofs.proof(&[index as usize]);
        Some(Proof { siblings: p.proof_hashes().to_vec() })
    }
    /// The two children of the node at (`level`, `index`), if it has two.
    pub fn children(&self, level: u32, index: u32) -> Option<(Hash, Hash)> {
        let (l, r) = child_span(self.len(), level, index)?;
        let below = self.levels.get(level as usize - 1)?;
        Some((*below.get(l as usize)?, *below.get(r as usize)?))
    }
    /// The hash of the node at (`level`, `index`).
    pub fn node(&self, level: u32, index: u32) -> Option<Hash> {
        self.levels.get(level as usize)?.get(index as usize).copied()
    }
}

/// The indices (at `level − 1`) of the two children of node (`level`,
/// `index`) in a tree of `n` leaves; `None` for a leaf, a node outside the
/// tree, or a promoted node (one child, whose hash it shares).
pub fn child_span(n: u32, level: u32, index: u32) -> Option<(u32, u32)> {
    if level == 0 || level > depth(n) || index >= width(n, level) {
        return None;
    }
    let left = index.checked_mul(2)?;
    let right = left.checked_add(1)?;
    (right < width(n, level - 1)).then_some((left, right))
}

/// Siblings a proof of leaf `index` in a tree of `n` leaves must carry.
pub fn proof_len(n: u32, index: u32) -> u32 {
    let mut count = 0;
    let mut i = index;
    for level in 0..depth(n) {
        if (i ^ 1) < width(n, level) {
            count += 1;
        }
        i /= 2;
    }
    count
}

/// A single-leaf inclusion proof: the sibling hashes, bottom-up.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Default)]
pub struct Proof {
    /// Siblings from the leaf's level upwards (promoted levels have none).
    pub siblings: Vec<Hash>,
}

/// True iff `leaf` is leaf `index` of the tree `(root, n)` by `proof`.
/// Never panics: out-of-range indices, empty trees and proofs with the
/// wrong number of siblings are simply invalid.
pub fn verify(root: &Hash, n: u32, index: u32, leaf: &Hash, proof: &Proof) -> bool {
    fold(n, index, leaf, proof).as_ref() == Some(root)
}

/// The root that `proof` makes of `leaf` as leaf `index` of a tree of `n`
/// leaves, or `None` if the proof has not exactly the siblings that shape
/// calls for. For trees whose root is itself checked further up (an
/// erasure shard's pieces); [`verify`] is `fold(..) == Some(root)`.
pub fn fold(n: u32, index: u32, leaf: &Hash, proof: &Proof) -> Option<Hash> {
    if n == 0 || index >= n || proof.siblings.len() > MAX_DEPTH {
        return None;
    }
    if proof.siblings.len() != proof_len(n, index) as usize {
        return None;
    }
    // Fold by hand along the path; it matches rs_merkle's layout (tested).
    let mut acc = *leaf;
    let mut i = index;
    let mut sib = proof.siblings.iter();
    for level in 0..depth(n) {
        let pair = i ^ 1;
        if pair < width(n, level) {
            let s = sib.next()?;
            acc = if i & 1 == 0 { node(&acc, s) } else { node(s, &acc) };
        }
        i /= 2;
    }
    Some(acc)
}

/// A walk from the root of `(root, n)` towards one leaf, one level per move:
/// the pinpoint protocol's descent. Promoted nodes are skipped for free.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, codec::MaxEncodedLen)]
pub struct Descent {
    /// Leaf count of the tree.
    pub n: u32,
    /// Current level (0 = a leaf).
    pub level: u32,
    /// Current index within the level.
    pub index: u32,
}

impl Descent {
    /// At the root of a tree with `n ≥ 1` leaves, already past promoted nodes.
    pub fn new(n: u32) -> Self {
        let mut d = Descent { n, level: depth(n), index: 0 };
        d.skip_promoted();
        d
    }
    fn skip_promoted(&mut self) {
        while self.level > 0 && child_span(self.n, self.level, self.index).is_none() {
            self.level -= 1;
            self.index *= 2;
        }
    }
    /// True once the walk reached a leaf.
    pub fn at_leaf(&self) -> bool {
        self.level == 0
    }
    /// Moves to the left (`false`) or right (`true`) child.
    pub fn step(&mut self, right: bool) {
        if self.level == 0 {
            return;
        }
        self.level -= 1;
        self.index = self.index * 2 + right as u32;
        self.skip_promoted();
    }
    /// Moves a descent with two parties' children: left if the left
    /// children differ, else right. Returns the direction taken.
    pub fn step_towards_difference(&mut self, a: (Hash, Hash), b: (Hash, Hash)) -> bool {
        let right = a.0 == b.0;
        self.step(right);
        right
    }
    /// Moves left in the worst case; the most moves a walk can take.
    pub fn max_moves(n: u32) -> u32 {
        depth(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::blake2_256;

    fn leaves(n: u32) -> Vec<Hash> {
        (0..n).map(|i| blake2_256(&i.to_le_bytes())).collect()
    }

    #[test]
    fn proofs_verify_and_are_exact() {
        for n in 1..=40u32 {
            let ls = leaves(n);
            let tree = Tree::new(&ls);
            assert_eq!(tree.root(), root(&ls), "own levels agree with rs_merkle");
            for i in 0..n {
                let p = tree.proof(i).unwrap();
                assert_eq!(p.siblings.len() as u32, proof_len(n, i), "n={n} i={i}");
                assert!(verify(&tree.root(), n, i, &ls[i as usize], &p), "n={n} i={i}");
                // Wrong leaf, index, count, or an extra sibling: rejected.
                assert!(!verify(&tree.root(), n, i, &ZERO, &p));
                if n > 1 {
                    assert!(!verify(&tree.root(), n, (i + 1) % n, &ls[i as usize], &p));
                }
                // (n is committed beside the root: a verifier never guesses it.)
                let mut longer = p.clone();
                longer.siblings.push(ZERO);
                assert!(!verify(&tree.root(), n, i, &ls[i as usize], &longer));
            }
            assert!(tree.proof(n).is_none());
            assert!(!verify(&tree.root(), n, n, &ls[0], &Proof::default()));
        }
    }

    #[test]
    fn descent_finds_the_first_difference() {
        for n in 1..=37u32 {
            for bad in 0..n {
                let honest = leaves(n);
                let mut other = honest.clone();
                for l in other.iter_mut().skip(bad as usize) {
                    l[0] ^= 1;
                }
                let (ta, tb) = (Tree::new(&honest), Tree::new(&other));
                let mut d = Descent::new(n);
                let mut moves = 0;
                while !d.at_leaf() {
                    let a = ta.children(d.level, d.index).unwrap();
                    let b = tb.children(d.level, d.index).unwrap();
                    d.step_towards_difference(a, b);
                    moves += 1;
                }
                assert_eq!(d.index, bad, "n={n}");
                assert!(moves <= Descent::max_moves(n));
            }
        }
    }
}
