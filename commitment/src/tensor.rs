//! Tensors and their hash.
//!
//! A tensor's values (row-major `f32`) are cut into tiles of at most
//! [`TILE`] elements; the tensor hash binds the shape to the Merkle root of
//! the tile hashes. Tiles let a dispute over one large operator narrow down
//! to the output tile the parties disagree on, and arbitration recompute
//! only that tile from the input tiles it reads.
//!
//! Tiles are 2-D blocks ([`Layout`]): a tensor of rank 2 or more is viewed
//! as `rows × cols` (its last dimension the columns) and cut into blocks of
//! 32 × 32, in row-major block order, each block's values row-major. Square
//! blocks keep every read of an operator cheap in both directions: one
//! output block of a matmul reads a 32-row strip of one operand and a
//! 32-column strip of the other, and a column of a weight matrix is 32×
//! fewer tiles than it would be in runs along the rows. Narrow or short
//! tensors get blocks as wide (or as tall) as they are, so no tile is
//! mostly empty; a vector is runs of [`TILE`].

use crate::{
    hash::{self, Hash, Leaf},
    merkle::{self, Tree},
};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::ops::Range;
use scale_info::TypeInfo;

/// Most elements of a tile (4 KiB of `f32`).
pub const TILE: usize = 1024;

/// Side of a square block.
const BLOCK: usize = 32;

/// How a tensor of given dimensions is cut into tiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Rows of the 2-D view (the product of all but the last dimension; 1
    /// for a vector or a scalar).
    pub rows: usize,
    /// Columns of the 2-D view (the last dimension; a vector's length).
    pub cols: usize,
    /// Rows of a block.
    pub bh: usize,
    /// Columns of a block.
    pub bw: usize,
}

impl Layout {
    /// The layout of a tensor with `dims`; `None` on overflow.
    pub fn of(dims: &[u32]) -> Option<Self> {
        let len = numel(dims)?;
        let (rows, cols) = match dims.len() {
            0 | 1 => (1, len),
            _ => {
                let cols = *dims.last()? as usize;
                (len.checked_div(cols).unwrap_or(0), cols)
            }
        };
        let (bh, bw) = if cols < BLOCK {
            (rows.clamp(1, TILE / cols.max(1)), cols.max(1))
        } else if rows < BLOCK {
            (rows.max(1), cols.min(TILE / rows.max(1)))
        } else {
            (BLOCK, BLOCK)
        };
        Some(Layout { rows, cols, bh, bw })
    }
    /// Blocks down the rows.
    pub fn block_rows(&self) -> usize {
        self.rows.div_ceil(self.bh)
    }
    /// Blocks across the columns.
    pub fn block_cols(&self) -> usize {
        self.cols.div_ceil(self.bw)
    }
    /// Tiles (0 for an empty tensor).
    pub fn tiles(&self) -> u32 {
        (self.block_rows() * self.block_cols()) as u32
    }
    /// Elements.
    pub fn len(&self) -> usize {
        self.rows * self.cols
    }
    /// True if there are no elements.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The rows and columns tile `t` covers (empty ranges past the end).
    pub fn rect(&self, t: u32) -> (Range<usize>, Range<usize>) {
        let (t, bc) = (t as usize, self.block_cols().max(1));
        if t >= self.tiles() as usize {
            return (0..0, 0..0);
        }
        let (bi, bj) = (t / bc, t % bc);
        let r0 = bi * self.bh;
        let c0 = bj * self.bw;
        (r0..(r0 + self.bh).min(self.rows), c0..(c0 + self.bw).min(self.cols))
    }
    /// Elements of tile `t`.
    pub fn tile_len(&self, t: u32) -> usize {
        let (r, c) = self.rect(t);
        r.len() * c.len()
    }
    /// The tile holding element `(row, col)`.
    pub fn tile_at(&self, row: usize, col: usize) -> u32 {
        ((row / self.bh) * self.block_cols() + col / self.bw) as u32
    }
    /// Every tile a rectangle of rows × columns touches, ascending.
    pub fn tiles_of(&self, rows: Range<usize>, cols: Range<usize>) -> Vec<u32> {
        let (rows, cols) = (rows.start..rows.end.min(self.rows), cols.start..cols.end.min(self.cols));
        if rows.is_empty() || cols.is_empty() {
            return Vec::new();
        }
        let bc = self.block_cols();
        let (bi, bj) =
            (rows.start / self.bh..=(rows.end - 1) / self.bh, cols.start / self.bw..=(cols.end - 1) / self.bw);
        bi.flat_map(|i| bj.clone().map(move |j| (i * bc + j) as u32)).collect()
    }
    /// Tile `t`'s values, row-major within the tile.
    pub fn gather(&self, values: &[f32], t: u32) -> Vec<f32> {
        let (r, c) = self.rect(t);
        let mut out = Vec::with_capacity(r.len() * c.len());
        for i in r {
            out.extend_from_slice(&values[i * self.cols + c.start..i * self.cols + c.end]);
        }
        out
    }
}

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

/// Tiles of a tensor with `dims` (0 on overflow: no such tensor exists).
pub fn tile_count(dims: &[u32]) -> u32 {
    Layout::of(dims).map_or(0, |l| l.tiles())
}

/// Leaf hash of one tile's values.
pub fn tile_leaf(values: &[f32]) -> Hash {
    Leaf::new(b"tile").f32s(values).finish()
}

/// Leaf hashes of every tile of a tensor with `dims` and row-major
/// `values` (each equal to [`tile_leaf`] of the tile's values).
pub fn tile_leaves(dims: &[u32], values: &[f32]) -> Vec<Hash> {
    match Layout::of(dims) {
        Some(l) if l.len() == values.len() => leaves_of(&l, values, 0..l.tiles()),
        _ => Vec::new(),
    }
}

/// Leaf hashes of tiles `tiles` of `values` laid out by `l`.
fn leaves_of(l: &Layout, values: &[f32], tiles: Range<u32>) -> Vec<Hash> {
    // Tiles are independent records: a group of them is laid out as whole
    // leaf records and hashed side by side in SIMD lanes.
    const GROUP: u32 = 8;
    let header = hash::leaf_header(b"tile");
    let mut leaves = Vec::with_capacity(tiles.len());
    let mut buf: Vec<u8> = Vec::with_capacity(GROUP as usize * (header.len() + 4 * TILE));
    let mut ends = [0usize; GROUP as usize];
    let mut t = tiles.start;
    while t < tiles.end {
        buf.clear();
        let count = (tiles.end - t).min(GROUP) as usize;
        for (k, end) in ends.iter_mut().enumerate().take(count) {
            let (rows, cols) = l.rect(t + k as u32);
            buf.extend_from_slice(&header);
            for i in rows {
                // Sized first, then filled: a loop the compiler vectorises
                // (pushing 4 bytes at a time cost as much as the hash).
                let row = &values[i * l.cols + cols.start..i * l.cols + cols.end];
                let at = buf.len();
                buf.resize(at + 4 * row.len(), 0);
                for (b, v) in buf[at..].chunks_exact_mut(4).zip(row) {
                    b.copy_from_slice(&hash::canonical_bits(*v).to_le_bytes());
                }
            }
            *end = buf.len();
        }
        let mut records: [&[u8]; GROUP as usize] = [&[]; GROUP as usize];
        let mut start = 0;
        for (r, &end) in records.iter_mut().zip(&ends[..count]) {
            *r = &buf[start..end];
            start = end;
        }
        leaves.extend(hash::hash_each(&records[..count]));
        t += count as u32;
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

/// The tensor hash of a tensor with `dims` from its tile root alone (its
/// tile count follows from its shape).
pub fn hash_from_tile_root(dims: &[u32], tiles_root: &Hash) -> Hash {
    hash_from_tiles(dims, tile_count(dims), tiles_root)
}

/// The hash of a tensor with `dims` and row-major `values`.
pub fn hash(dims: &[u32], values: &[f32]) -> Hash {
    let leaves = tile_leaves(dims, values);
    hash_from_tiles(dims, leaves.len() as u32, &merkle::root(&leaves))
}

/// [`hash`] with the tiles hashed on up to `threads` threads: the same
/// hash, for the large tensors a training step produces.
#[cfg(feature = "std")]
pub fn hash_parallel(dims: &[u32], values: &[f32], threads: usize) -> Hash {
    // Below this many tiles a thread costs more than it saves.
    const MIN_TILES_PER_THREAD: usize = 32;
    let Some(l) = Layout::of(dims).filter(|l| l.len() == values.len()) else {
        return hash(dims, values);
    };
    let tiles = l.tiles() as usize;
    let threads = threads.clamp(1, (tiles / MIN_TILES_PER_THREAD).max(1));
    if threads == 1 {
        return hash(dims, values);
    }
    let per = tiles.div_ceil(threads);
    let mut leaves = alloc::vec![crate::ZERO; tiles];
    let jobs = leaves.chunks_mut(per).enumerate().map(|(i, out)| ((i * per) as u32, out));
    gensyn_kernels::cpu::par_jobs(jobs, |(start, out)| {
        out.copy_from_slice(&leaves_of(&l, values, start..start + out.len() as u32))
    });
    hash_from_tiles(dims, leaves.len() as u32, &merkle::root(&leaves))
}

/// The tile tree of a tensor (for a descent over output tiles).
pub fn tile_tree(dims: &[u32], values: &[f32]) -> Tree {
    Tree::new(&tile_leaves(dims, values))
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
        assert_eq!(tile_count(&[2500]), 3);
        assert_eq!(tile_count(&[50, 50]), 4);
        let t = Tensor::new(alloc::vec![50, 50], v).unwrap();
        assert_eq!(TensorBits::from(&t).to_tensor().unwrap(), t);
        assert!(Tensor::new(alloc::vec![3], alloc::vec![1.0]).is_none());
        assert_eq!(Tensor::scalar(1.0).dims.len(), 0);
    }

    #[test]
    fn tiles_hashed_side_by_side_are_each_tile_leaf() {
        let v: Vec<f32> = (0..20_000).map(|i| (i as f32) * 0.25 - 7.0).collect();
        for dims in
            [&[0u32][..], &[1], &[1024], &[1500], &[8 * 1024], &[8 * 1024 + 1], &[20_000], &[100, 200], &[7, 9, 13]]
        {
            let l = Layout::of(dims).unwrap();
            let vals = &v[..l.len()];
            let want: Vec<Hash> = (0..l.tiles()).map(|t| tile_leaf(&l.gather(vals, t))).collect();
            assert_eq!(tile_leaves(dims, vals), want, "{dims:?}");
        }
    }

    #[test]
    fn every_element_is_in_exactly_one_tile_of_at_most_tile_elements() {
        let shapes: [&[u32]; 12] = [
            &[],
            &[5],
            &[3000],
            &[32, 32],
            &[33, 65],
            &[1, 5000],
            &[3, 700],
            &[8192, 2],
            &[100, 3],
            &[4, 16, 48],
            &[31, 31],
            &[64, 2304],
        ];
        for dims in shapes {
            let l = Layout::of(dims).unwrap();
            let mut seen = alloc::vec![0u8; l.len()];
            for t in 0..l.tiles() {
                let (rows, cols) = l.rect(t);
                assert!(l.tile_len(t) <= TILE && l.tile_len(t) > 0, "{dims:?} tile {t}");
                for i in rows.clone() {
                    for j in cols.clone() {
                        seen[i * l.cols + j] += 1;
                        assert_eq!(l.tile_at(i, j), t);
                    }
                }
                assert_eq!(l.tiles_of(rows, cols), alloc::vec![t]);
            }
            assert!(seen.iter().all(|&n| n == 1), "{dims:?}");
            assert_eq!(l.rect(l.tiles()), (0..0, 0..0));
        }
        // Square blocks where the tensor is large both ways; runs for vectors.
        assert_eq!(Layout::of(&[64, 2304]).unwrap().bh, 32);
        assert_eq!(Layout::of(&[3000]).unwrap().bw, 1024);
        assert_eq!(Layout::of(&[8192, 2]).unwrap().bh, 512);
        // A rectangle's tiles: a 32-column strip of a 768-row matrix is 24 tiles.
        assert_eq!(Layout::of(&[768, 2304]).unwrap().tiles_of(0..768, 64..96).len(), 24);
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
