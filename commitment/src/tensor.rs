//! Tensors and their hash.
//!
//! A tensor's values (row-major `f32`) are cut into [`TILE`]-element tiles;
//! the tensor hash binds the shape to the Merkle root of the tile hashes.
//! Tiles let a dispute over one large operator narrow down to the output
//! tile the parties disagree on, and arbitration recompute only that tile.

use crate::{
    hash::{self, Hash, Leaf},
    merkle::{self, Tree},
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::ops::Range;
use scale_info::TypeInfo;

/// Elements per tile (4 KiB of `f32`).
pub const TILE: usize = 1024;

/// A row-major `f32` tensor.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Tensor {
    /// Dimensions (empty for a scalar).
    pub dims: Vec<u32>,
    /// Values, row-major.
    pub values: Vec<f32>,
}

impl Tensor {
    /// A tensor; `None` if `values` does not match `dims`.
    pub fn new(dims: Vec<u32>, values: Vec<f32>) -> Option<Self> {
        (numel(&dims)? == values.len()).then_some(Tensor { dims, values })
    }
    /// A scalar.
    pub fn scalar(v: f32) -> Self {
        Tensor { dims: Vec::new(), values: alloc::vec![v] }
    }
    /// This tensor's hash.
    pub fn hash(&self) -> Hash {
        hash(&self.dims, &self.values)
    }
}

/// A tensor as it travels in extrinsics: values as IEEE bit patterns
/// (SCALE has no floats).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, Default)]
pub struct TensorBits {
    /// Dimensions.
    pub dims: Vec<u32>,
    /// `f32::to_bits` of each value.
    pub bits: Vec<u32>,
}

impl From<&Tensor> for TensorBits {
    fn from(t: &Tensor) -> Self {
        TensorBits { dims: t.dims.clone(), bits: t.values.iter().map(|v| v.to_bits()).collect() }
    }
}

impl TensorBits {
    /// Back to a [`Tensor`]; `None` if the shape does not match.
    pub fn to_tensor(&self) -> Option<Tensor> {
        Tensor::new(self.dims.clone(), self.bits.iter().map(|b| f32::from_bits(*b)).collect())
    }
}

/// Number of elements of `dims` (1 for a scalar); `None` on overflow.
pub fn numel(dims: &[u32]) -> Option<usize> {
    dims.iter().try_fold(1usize, |acc, d| acc.checked_mul(*d as usize))
}

/// Tiles of a tensor with `len` elements.
pub fn tile_count(len: usize) -> u32 {
    len.div_ceil(TILE) as u32
}

/// The element range of tile `t` of a tensor with `len` elements.
pub fn tile_range(len: usize, t: u32) -> Range<usize> {
    let start = (t as usize).saturating_mul(TILE).min(len);
    start..(start + TILE).min(len)
}

/// Leaf hash of one tile's values.
pub fn tile_leaf(values: &[f32]) -> Hash {
    Leaf::new(b"tile").f32s(values).finish()
}

/// Leaf hashes of every tile of `values` (each equal to [`tile_leaf`]).
pub fn tile_leaves(values: &[f32]) -> Vec<Hash> {
    // Tiles are independent records: a group of them is laid out as whole
    // leaf records and hashed side by side in SIMD lanes.
    const GROUP: usize = 8;
    let header = hash::leaf_header(b"tile");
    let mut leaves = Vec::with_capacity(tile_count(values.len()) as usize);
    let mut buf: Vec<u8> = Vec::with_capacity(GROUP * (header.len() + 4 * TILE));
    let mut ends = [0usize; GROUP];
    for group in values.chunks(GROUP * TILE) {
        buf.clear();
        let mut count = 0;
        for tile in group.chunks(TILE) {
            buf.extend_from_slice(&header);
            let start = buf.len();
            buf.resize(start + 4 * tile.len(), 0);
            for (b, v) in buf[start..].chunks_exact_mut(4).zip(tile) {
                b.copy_from_slice(&hash::canonical_bits(*v).to_le_bytes());
            }
            ends[count] = buf.len();
            count += 1;
        }
        let mut records: [&[u8]; GROUP] = [&[]; GROUP];
        let mut start = 0;
        for (r, &end) in records.iter_mut().zip(&ends[..count]) {
            *r = &buf[start..end];
            start = end;
        }
        leaves.extend(hash::hash_each(&records[..count]));
    }
    leaves
}

/// The tensor hash from its shape and tile tree: the form arbitration
/// checks a revealed tile root against.
pub fn hash_from_tiles(dims: &[u32], tiles: u32, tiles_root: &Hash) -> Hash {
    let mut leaf = Leaf::new(b"tensor").u32(dims.len() as u32);
    for d in dims {
        leaf = leaf.u32(*d);
    }
    leaf.u32(tiles).hash(tiles_root).finish()
}

/// The hash of a tensor with `dims` and row-major `values`.
pub fn hash(dims: &[u32], values: &[f32]) -> Hash {
    let leaves = tile_leaves(values);
    hash_from_tiles(dims, leaves.len() as u32, &merkle::root(&leaves))
}

/// [`hash`] with the tiles hashed on up to `threads` threads: the same
/// hash, for the large tensors a training step produces.
#[cfg(feature = "std")]
pub fn hash_parallel(dims: &[u32], values: &[f32], threads: usize) -> Hash {
    // Below this many tiles a thread costs more than it saves.
    const MIN_TILES_PER_THREAD: usize = 32;
    let tiles = values.len().div_ceil(TILE);
    let threads = threads.clamp(1, (tiles / MIN_TILES_PER_THREAD).max(1));
    if threads == 1 {
        return hash(dims, values);
    }
    let per = tiles.div_ceil(threads);
    let mut leaves = alloc::vec![crate::ZERO; tiles];
    gensyn_kernels::cpu::par_jobs(values.chunks(per * TILE).zip(leaves.chunks_mut(per)), |(part, out)| {
        out.copy_from_slice(&tile_leaves(part))
    });
    hash_from_tiles(dims, leaves.len() as u32, &merkle::root(&leaves))
}

/// The tile tree of `values` (for a descent over output tiles).
pub fn tile_tree(values: &[f32]) -> Tree {
    Tree::new(&tile_leaves(values))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_and_every_bit_count() {
        let v: Vec<f32> = (0..2500).map(|i| i as f32 * 0.5).collect();
        let h = hash(&[50, 50], &v);
        assert_ne!(h, hash(&[2500], &v), "shape is bound");
        let mut w = v.clone();
        w[2499] = f32::from_bits(w[2499].to_bits() ^ 1);
        assert_ne!(h, hash(&[50, 50], &w));
        assert_eq!(tile_count(2500), 3);
        assert_eq!(tile_range(2500, 2), 2048..2500);
        let t = Tensor::new(alloc::vec![50, 50], v).unwrap();
        assert_eq!(TensorBits::from(&t).to_tensor().unwrap(), t);
        assert!(Tensor::new(alloc::vec![3], alloc::vec![1.0]).is_none());
        assert_eq!(Tensor::scalar(1.0).dims.len(), 0);
    }

    #[test]
    fn tiles_hashed_side_by_side_are_each_tile_leaf() {
        let v: Vec<f32> = (0..20_000).map(|i| (i as f32) * 0.25 - 7.0).collect();
        for len in [0, 1, 1024, 1500, 8 * 1024, 8 * 1024 + 1, 20_000] {
            let want: Vec<Hash> = v[..len].chunks(TILE).map(tile_leaf).collect();
            assert_eq!(tile_leaves(&v[..len]), want, "len {len}");
        }
    }

    #[test]
    fn nan_payloads_do_not_change_a_tensor_hash() {
        // R1: two machines whose kernels produce different NaNs commit the
        // same tensor, on every path (one tile, side-by-side tiles, parallel).
        let len = 9 * TILE + 5;
        let a: Vec<f32> = (0..len).map(|i| if i % 97 == 3 { f32::NAN } else { i as f32 }).collect();
        let b: Vec<f32> = a
            .iter()
            .enumerate()
            .map(|(i, v)| if v.is_nan() { f32::from_bits(0xff80_0000 | i as u32) } else { *v })
            .collect();
        assert!(b.iter().filter(|v| v.is_nan()).all(|v| v.to_bits() != f32::NAN.to_bits()));
        assert_eq!(hash(&[len as u32], &a), hash(&[len as u32], &b));
        assert_eq!(tile_leaf(&a[..TILE]), tile_leaf(&b[..TILE]));
        #[cfg(feature = "std")]
        assert_eq!(hash_parallel(&[len as u32], &b, 4), hash(&[len as u32], &a));
        // A NaN is still not a number: it differs from every finite value.
        let mut c = a.clone();
        c[3] = 0.0;
        assert_ne!(hash(&[len as u32], &a), hash(&[len as u32], &c));
    }

    #[cfg(feature = "std")]
    #[test]
    fn parallel_hash_is_the_hash() {
        for len in [0, 1, 1023, 1024, 1025, 40_000, 100_000, 131_073] {
            let v: Vec<f32> = (0..len).map(|i| (i as f32).sin()).collect();
            let dims = [len as u32];
            for threads in [1, 2, 3, 8] {
                assert_eq!(hash_parallel(&dims, &v, threads), hash(&dims, &v), "len {len}, {threads} threads");
            }
        }
    }
}
