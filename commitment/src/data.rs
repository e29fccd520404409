//! The order a task trains its examples in, and how one step's batch is
//! assembled from them: one definition for the trainer and the chain.
//!
//! The `g`-th sample of a run (counting `step · batch + row`) is dataset
//! example `π_e(g mod n)` of epoch `e = ⌊g / n⌋`, where `π_e` is a keyed
//! pseudo-random permutation of `0..n` that can be evaluated at one point
//! (a Feistel network, cycle-walked into `0..n`), so the chain can tell
//! which example a row of any step's batch must be without shuffling the
//! dataset. The batch tensors are then a fixed function of those examples
//! ([`assemble`]), the language model's next-token shift included.

use crate::{
    hash::{Hash, Leaf},
    merkle,
    state::example_leaf,
    tensor::Tensor,
};
use alloc::{vec, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// What a dataset's examples are, which fixes how a batch is assembled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum DataKind {
    /// Feature vectors with a class each.
    Classification,
    /// Token sequences (ids stored exactly as `f32` features, label 0): a
    /// language model reads tokens `0..dim−1` and predicts tokens `1..dim`.
    Sequences,
}

/// The order a task fixes: its seed, how many examples the dataset has, and
/// how many each step's batch takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub struct Order {
    /// The task's seed.
    pub seed: u64,
    /// Examples in the dataset (`n`).
    pub samples: u32,
    /// Examples per step.
    pub batch: u32,
}

impl Order {
    /// The dataset index trained as the `g`-th sample of the run.
    pub fn index(&self, g: u64) -> u32 {
        let n = self.samples.max(1) as u64;
        permute(self.seed, g / n, self.samples, (g % n) as u32)
    }

    /// The dataset index of row `row` of step `step`'s batch.
    pub fn row(&self, step: u32, row: u32) -> u32 {
        self.index(step as u64 * self.batch as u64 + row as u64)
    }

    /// The dataset indices of step `step`'s batch, row by row. Consecutive
    /// steps run through each epoch once, a batch that crosses an epoch's
    /// end continuing into the next.
    pub fn batch_indices(&self, step: u32) -> Vec<u32> {
        (0..self.batch).map(|r| self.row(step, r)).collect()
    }
}

/// A step's batch as a run commits to it: the tensors the program reads,
/// and the root of the Merkle tree over the batch's examples in row order,
/// each leaf naming the dataset index the order gives its row
/// ([`example_leaf`], the dataset tree's own leaf). The root is the step
/// record's `batch`: a batch with another example, or another order, has
/// another root, and one differing row proves it against the dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    /// The program's batch inputs ([`assemble`]).
    pub tensors: Vec<Tensor>,
    /// [`batch_root`] of its examples.
    pub root: Hash,
}

impl Batch {
    /// Step `step`'s batch from its examples `(label, features)` in row order.
    pub fn new(kind: DataKind, order: &Order, step: u32, examples: &[(u32, &[f32])]) -> Option<Self> {
        Some(Batch { tensors: assemble(kind, examples)?, root: batch_root(order, step, examples) })
    }
}

/// The leaves of step `step`'s batch: row `r`'s example leaf under the
/// dataset index `order.row(step, r)`.
pub fn batch_leaves(order: &Order, step: u32, examples: &[(u32, &[f32])]) -> Vec<Hash> {
    examples.iter().enumerate().map(|(r, (label, f))| example_leaf(order.row(step, r as u32), *label, f)).collect()
}

/// The root over [`batch_leaves`].
pub fn batch_root(order: &Order, step: u32, examples: &[(u32, &[f32])]) -> Hash {
    merkle::root(&batch_leaves(order, step, examples))
}

/// The commitment under which a dataset is attested available: its root,
/// its example count and every example's length, so that a task whose
/// order or example length does not fit the dataset is never attested
/// (and so never trained on).
pub fn dataset_commitment(root: &Hash, samples: u32, example_len: u32) -> Hash {
    Leaf::new(b"dataset").hash(root).u32(samples).u32(example_len).finish()
}

/// Feistel rounds: four make the network a pseudo-random permutation
/// (Luby–Rackoff) when the round function is.
const ROUNDS: u32 = 4;

/// A keyed pseudo-random permutation of `0..n`, for epoch `epoch`, at `x`.
///
/// A balanced Feistel network over the smallest even number of bits that
/// holds `n − 1` (each half at least one bit) permutes `0..2^{2h}`;
/// re-applying it until the value falls below `n` (cycle walking) restricts
/// that permutation to `0..n`. The domain is under `4n`, so fewer than four
/// applications are expected. The round function is blake2b of the seed,
/// the epoch, the round and the right half.
pub fn permute(seed: u64, epoch: u64, n: u32, x: u32) -> u32 {
    if n <= 1 {
        return 0;
    }
    let bits = 32 - (n - 1).leading_zeros();
    let half = bits.div_ceil(2);
    let mask = (1u64 << half) - 1;
    let mut y = x as u64 % n as u64;
    loop {
        let (mut l, mut r) = (y >> half, y & mask);
        for round in 0..ROUNDS {
            let h = Leaf::new(b"order")
                .bytes(&seed.to_le_bytes())
                .bytes(&epoch.to_le_bytes())
                .u32(round)
                .bytes(&r.to_le_bytes())
                .finish();
            let f = u64::from_le_bytes([h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]]) & mask;
            (l, r) = (r, l ^ f);
        }
        y = (l << half) | r;
        if y < n as u64 {
            return y as u32;
        }
    }
}

/// The batch tensors the program reads, from the batch's examples in row
/// order (`(label, features)` each, all of one length):
/// - classification: features `[rows × dim]` and classes `[rows]` (as `f32`);
/// - sequences: input ids `[rows·(dim−1)]` (each sequence's first `dim − 1`
///   tokens), next-token ids `[rows·(dim−1)]` (its last `dim − 1`) and each
///   token's position in its sequence `[rows·(dim−1)]`.
///
/// `None` if the examples are ragged, empty, or a sequence is shorter than two tokens.
pub fn assemble(kind: DataKind, examples: &[(u32, &[f32])]) -> Option<Vec<Tensor>> {
    let dim = examples.first()?.1.len();
    if dim == 0 || examples.iter().any(|(_, f)| f.len() != dim) {
        return None;
    }
    let rows = examples.len();
    match kind {
        DataKind::Classification => {
            let x: Vec<f32> = examples.iter().flat_map(|(_, f)| f.iter().copied()).collect();
            let y: Vec<f32> = examples.iter().map(|(l, _)| *l as f32).collect();
            Some(vec![Tensor::new(vec![rows as u32, dim as u32], x)?, Tensor::new(vec![rows as u32], y)?])
        }
        DataKind::Sequences => {
            let seq = dim.checked_sub(1).filter(|s| *s > 0)?;
            let x: Vec<f32> = examples.iter().flat_map(|(_, f)| f[..seq].iter().copied()).collect();
            let y: Vec<f32> = examples.iter().flat_map(|(_, f)| f[1..].iter().copied()).collect();
            let positions: Vec<f32> = (0..rows * seq).map(|i| (i % seq) as f32).collect();
            let len = vec![(rows * seq) as u32];
            Some(vec![Tensor::new(len.clone(), x)?, Tensor::new(len.clone(), y)?, Tensor::new(len, positions)?])
        }
    }
}

/// The shapes [`assemble`] gives a batch of `rows` examples of `example_len`
/// values: what the chain infers a program's shapes from. `None` where
/// `assemble` would refuse every such batch.
pub fn batch_dims(kind: DataKind, rows: u32, example_len: u32) -> Option<Vec<Vec<u32>>> {
    if rows == 0 || example_len == 0 {
        return None;
    }
    match kind {
        DataKind::Classification => Some(vec![vec![rows, example_len], vec![rows]]),
        DataKind::Sequences => {
            let len = rows.checked_mul(example_len.checked_sub(1).filter(|s| *s > 0)?)?;
            Some(vec![vec![len]; 3])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_dims_are_the_assembled_shapes() {
        for kind in [DataKind::Classification, DataKind::Sequences] {
            for (rows, len) in [(1u32, 2u32), (3, 5), (8, 17)] {
                let feats: Vec<Vec<f32>> = (0..rows).map(|r| (0..len).map(|i| (r + i) as f32).collect()).collect();
                let ex: Vec<(u32, &[f32])> = feats.iter().map(|f| (1, &f[..])).collect();
                let got: Vec<Vec<u32>> = assemble(kind, &ex).unwrap().into_iter().map(|t| t.dims).collect();
                assert_eq!(batch_dims(kind, rows, len).unwrap(), got, "{kind:?} {rows}×{len}");
            }
        }
        assert_eq!(batch_dims(DataKind::Sequences, 4, 1), None);
    }

    #[test]
    fn every_epoch_is_a_permutation() {
        for n in (1..=70).chain([255, 256, 257, 1000, 4099]) {
            for epoch in 0..3 {
                let mut seen = vec![false; n as usize];
                for x in 0..n {
                    let y = permute(42, epoch, n, x);
                    assert!(y < n && !seen[y as usize], "n {n} epoch {epoch}: {x} → {y}");
                    seen[y as usize] = true;
                }
            }
        }
    }

    #[test]
    fn orders_depend_on_seed_and_epoch_and_a_row_is_its_batch_entry() {
        let o = Order { seed: 7, samples: 1000, batch: 32 };
        let e0: Vec<u32> = (0..1000).map(|x| permute(7, 0, 1000, x)).collect();
        let e1: Vec<u32> = (0..1000).map(|x| permute(7, 1, 1000, x)).collect();
        let s8: Vec<u32> = (0..1000).map(|x| permute(8, 0, 1000, x)).collect();
        assert!(e0 != e1 && e0 != s8);
        assert_ne!(e0, (0..1000).collect::<Vec<_>>(), "shuffled");
        // Steps run through epoch 0, then on into epoch 1 (1000 = 31·32 + 8).
        let run: Vec<u32> = (0..40).flat_map(|s| o.batch_indices(s)).collect();
        assert_eq!(&run[..1000], &e0[..]);
        assert_eq!(&run[1000..1280], &e1[..280]);
        assert_eq!(o.row(31, 9), e1[1]);
    }

    #[test]
    fn batches_assemble_into_the_programs_tensors() {
        let a = [1.0, 2.0, 3.0];
        let b = [4.0, 5.0, 6.0];
        let t = assemble(DataKind::Classification, &[(1, &a), (0, &b)]).unwrap();
        assert_eq!((t[0].dims.clone(), t[0].values.clone()), (vec![2, 3], vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]));
        assert_eq!(t[1].values, vec![1.0, 0.0]);
        let t = assemble(DataKind::Sequences, &[(0, &a), (0, &b)]).unwrap();
        assert_eq!(t[0].values, vec![1.0, 2.0, 4.0, 5.0], "inputs: the first dim − 1 tokens");
        assert_eq!(t[1].values, vec![2.0, 3.0, 5.0, 6.0], "targets: shifted by one");
        assert_eq!(t[2].values, vec![0.0, 1.0, 0.0, 1.0]);
        // Ragged, empty or one-token examples do not assemble.
        assert!(assemble(DataKind::Classification, &[(0, &a), (0, &b[..2])]).is_none());
        assert!(assemble(DataKind::Classification, &[]).is_none());
        assert!(assemble(DataKind::Sequences, &[(0, &a[..1])]).is_none());
    }
}
