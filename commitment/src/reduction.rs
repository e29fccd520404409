//! Long reductions: how a dispute over one output tile of an operator that
//! reduces a long axis narrows down to a leaf the chain can recompute.
//!
//! Some output tiles read far more than a block holds however the tensors
//! are tiled: a bias gradient's column sums read every row of the
//! gradient, a matmul with a long `K` a whole row strip and column strip.
//! Their canonical definitions are a tree sum (`gensyn_kernels::reduce`)
//! or a sequential fold, so the parties can be made to commit to the
//! partial results, as tiles of the output's shape:
//!
//! - a **tree** ([`Mode::Tree`]: bias and layer-norm parameter gradients,
//!   over rows): each party reveals its two children of the node in
//!   dispute; the game descends into the first child they disagree on, and
//!   where they agree on both children but not on the node, the chain adds
//!   the two children itself;
//! - a **fold** ([`Mode::Fold`]: matmul over `K`, the embedding gradient
//!   over tokens): the parties bisect over the accumulator after a prefix
//!   of the axis, from the agreed zeros to their disagreeing results.
//!
//! Either way the game ends at a run of at most [`CHUNK`] elements of the
//! axis ([`leaf`]) or at one addition ([`combine`]), each a small witness.

use crate::{
    exec::{self, ExecError},
    shape::{output_dims, rows_n},
    tensor::{Layout, TILE},
    tile::{self, tile_work, Bound, Partial},
    trace::Op,
};
use alloc::{vec, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::ops::Range;
use gensyn_kernels::{ops, reduce};
use scale_info::TypeInfo;

/// Most elements of the axis a leaf recomputes.
pub const CHUNK: u32 = 32;

/// How a reduction's partial results are arranged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen)]
pub enum Mode {
    /// The accumulator after each prefix: bisection.
    Fold,
    /// The canonical tree's nodes: descent.
    Tree,
}

/// The long axis an output's tiles reduce over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reduction {
    /// Fold or tree.
    pub mode: Mode,
    /// Length of the axis.
    pub len: u32,
}

/// The reduction output `output` of `op` on inputs of `dims` is, if its
/// axis is longer than [`CHUNK`]; `None` for every other operator.
pub fn reduction(op: &Op, dims: &[&[u32]], output: u8) -> Result<Option<Reduction>, ExecError> {
    output_dims(op, dims)?;
    let (mode, len) = match (*op, output) {
        (Op::MatMul { k, .. }, 0) => (Mode::Fold, k),
        (Op::EmbeddingGrad { .. }, 0) => (Mode::Fold, dims[0][0]),
        (Op::BiasGrad, 0) => (Mode::Tree, rows_n(dims[0])?.0 as u32),
        (Op::LayerNormGrad, 1 | 2) => (Mode::Tree, rows_n(dims[0])?.0 as u32),
        (Op::RowMax, 0) => (Mode::Fold, rows_n(dims[0])?.1 as u32),
        (Op::RowSumExp, 0) => (Mode::Tree, rows_n(dims[0])?.1 as u32),
        _ => return Ok(None),
    };
    // Only a reduction whose every leaf can be read has a game (a matmul
    // over an operand reshaped from its own 2-D view does not).
    if len <= CHUNK || leaf_rects(op, dims, output, 0, &(0..1)).is_err() {
        return Ok(None);
    }
    Ok(Some(Reduction { mode, len }))
}

/// The value a fold's accumulator starts from (every element): the
/// maximum's `−∞`, every sum's `0`.
pub fn start(op: &Op) -> f32 {
    if *op == Op::RowMax {
        f32::NEG_INFINITY
    } else {
        0.0
    }
}

/// The output's tile rectangle.
fn out_rect(op: &Op, dims: &[&[u32]], output: u8, tile: u32) -> Result<(Range<usize>, Range<usize>), ExecError> {
    let outs = output_dims(op, dims)?;
    let l = Layout::of(outs.get(output as usize).ok_or(ExecError::NoSuchOutput)?).ok_or(ExecError::Shape)?;
    if tile >= l.tiles() {
        return Err(ExecError::NoSuchOutput);
    }
    Ok(l.rect(tile))
}

/// The rectangles of each input a leaf over `range` of the axis reads.
fn leaf_rects(
    op: &Op,
    dims: &[&[u32]],
    output: u8,
    tile: u32,
    range: &Range<usize>,
) -> Result<Vec<Option<(Range<usize>, Range<usize>)>>, ExecError> {
    let (r, c) = out_rect(op, dims, output, tile)?;
    let lay = |i: usize| Layout::of(dims[i]).ok_or(ExecError::Shape);
    Ok(match (*op, output) {
        (Op::MatMul { m, k, n, ta, tb }, 0) => {
            let (m, k, n) = (m as usize, k as usize, n as usize);
            // Only operands in their own 2-D shape have strips of the axis.
            let (a, b) = (lay(0)?, lay(1)?);
            let fits = |l: Layout, shape: (usize, usize)| (l.rows, l.cols) == shape;
            if !fits(a, if ta { (k, m) } else { (m, k) }) || !fits(b, if tb { (n, k) } else { (k, n) }) {
                return Err(ExecError::Shape);
            }
            vec![
                Some(if ta { (range.clone(), r) } else { (r, range.clone()) }),
                Some(if tb { (c, range.clone()) } else { (range.clone(), c) }),
            ]
        }
        (Op::EmbeddingGrad { .. }, 0) => vec![Some((0..1, range.clone())), Some((range.clone(), c))],
        (Op::BiasGrad, 0) => vec![Some((range.clone(), c))],
        (Op::LayerNormGrad, 1) => {
            vec![Some((range.clone(), c.clone())), None, Some((range.clone(), 0..2)), Some((range.clone(), c))]
        }
        (Op::LayerNormGrad, 2) => vec![None, None, None, Some((range.clone(), c))],
        // A vector over rows: its tile's columns are the input's rows.
        (Op::RowMax, 0) => vec![Some((c, range.clone()))],
        (Op::RowSumExp, 0) => vec![Some((c.clone(), range.clone())), Some((0..1, c))],
        _ => return Err(ExecError::Shape),
    })
}

/// The tiles of input `input` that the leaf over `range` of the axis of
/// tile `tile` reads, ascending (none for an input it does not read).
pub fn leaf_reads(
    op: &Op,
    dims: &[&[u32]],
    output: u8,
    tile: u32,
    range: Range<u32>,
    input: usize,
) -> Result<Vec<u32>, ExecError> {
    let range = range.start as usize..range.end as usize;
    let rects = leaf_rects(op, dims, output, tile, &range)?;
    let l = Layout::of(dims.get(input).ok_or(ExecError::Arity)?).ok_or(ExecError::Shape)?;
    Ok(match rects.get(input).ok_or(ExecError::Arity)? {
        Some((rows, cols)) => l.tiles_of(rows.clone(), cols.clone()),
        None => Vec::new(),
    })
}

/// The partial result over `range` of the axis, as a tile of the output:
/// for a fold, the accumulator after `range` continued from `acc` (the one
/// after `0..range.start`); for a tree, the node over `range` (`acc`
/// unused). Bit for bit the kernels' own partial results.
pub fn leaf(
    op: &Op,
    inputs: &[&Partial],
    output: u8,
    tile: u32,
    range: Range<u32>,
    acc: &[f32],
) -> Result<Vec<f32>, ExecError> {
    let dims: Vec<&[u32]> = inputs.iter().map(|p| p.dims.as_slice()).collect();
    let (r, c) = out_rect(op, &dims, output, tile)?;
    let range = range.start as usize..range.end as usize;
    let rects = leaf_rects(op, &dims, output, tile, &range)?;
    let read = |i: usize| match &rects[i] {
        Some((rows, cols)) => inputs[i].rect(rows.clone(), cols.clone()),
        None => Ok(Vec::new()),
    };
    let (h, w, kk) = (r.len(), c.len(), range.len());
    let fold = matches!((*op, output), (Op::MatMul { .. } | Op::EmbeddingGrad { .. } | Op::RowMax, 0));
    if fold && acc.len() != h * w {
        return Err(ExecError::Shape);
    }
    Ok(match (*op, output) {
        (Op::MatMul { ta, tb, .. }, 0) => {
            let (a, b) = (read(0)?, read(1)?);
            let mut out = acc.to_vec();
            ops::matmul_continue(&a, &b, &mut out, ops::MatmulShape { m: h, k: kk, n: w, ta, tb });
            out
        }
        (Op::EmbeddingGrad { vocab }, 0) => {
            let ids =
                exec::indices(&crate::tensor::Tensor { dims: vec![kk as u32], values: read(0)? }, vocab as usize)?;
            let dy = read(1)?;
            // The tokens of this tile's table rows, in order, as local rows.
            let (mut local, mut rows) = (Vec::new(), Vec::new());
            for (t, id) in ids.iter().enumerate() {
                if r.contains(&(*id as usize)) {
                    local.push(*id - r.start as u32);
                    rows.extend_from_slice(&dy[t * w..(t + 1) * w]);
                }
            }
            let mut out = acc.to_vec();
            ops::embedding_backward_continue(&local, &rows, w, &mut out);
            out
        }
        (Op::BiasGrad, 0) | (Op::LayerNormGrad, 2) => {
            let dy = read(if *op == Op::BiasGrad { 0 } else { 3 })?;
            (0..w).map(|j| reduce::tree_sum_range(range.start, kk, &|i| dy[(i - range.start) * w + j])).collect()
        }
        (Op::LayerNormGrad, 1) => {
            let (x, st, dy) = (read(0)?, read(2)?, read(3)?);
            let stats = |i: usize| ops::RowStats { mean: st[2 * i], rstd: st[2 * i + 1] };
            (0..w)
                .map(|j| {
                    reduce::tree_sum_range(range.start, kk, &|i| {
                        let l = i - range.start;
                        dy[l * w + j] * ops::layer_norm_xhat(x[l * w + j], stats(l))
                    })
                })
                .collect()
        }
        (Op::RowMax, 0) => {
            let x = read(0)?;
            acc.iter().zip(x.chunks_exact(kk.max(1))).map(|(&m, row)| ops::row_max_continue(row, m)).collect()
        }
        (Op::RowSumExp, 0) => {
            let (x, m) = (read(0)?, read(1)?);
            (0..w)
                .map(|i| {
                    let row = &x[i * kk..(i + 1) * kk];
                    reduce::tree_sum_range(range.start, kk, &|j| ops::exp_shifted(row[j - range.start], m[i]))
                })
                .collect()
        }
        _ => return Err(ExecError::Shape),
    })
}

/// A tree node from its two children: the canonical sum, element by element.
pub fn combine(left: &[f32], right: &[f32]) -> Option<Vec<f32>> {
    (left.len() == right.len()).then(|| left.iter().zip(right).map(|(a, b)| a + b).collect())
}

/// Length of the left child of a tree node over `len ≥ 2` elements of the axis.
pub fn left_len(len: u32) -> u32 {
    reduce::left_len(len as usize) as u32
}

/// The most any leaf of output `output` of `op` reads and costs (the
/// addition of two children is less): what submission bounds a reduction
/// by instead of its whole tile.
pub fn worst_leaf(op: &Op, dims: &[&[u32]], output: u8) -> Result<Bound, ExecError> {
    let outs = output_dims(op, dims)?;
    let o = Layout::of(outs.get(output as usize).ok_or(ExecError::NoSuchOutput)?).ok_or(ExecError::Shape)?;
    let (bh, bw) = (o.bh.min(o.rows), o.bw.min(o.cols));
    let out = (bh * bw) as u64;
    let chunk = CHUNK as usize;
    // Rows × columns read per input, with the alignment their starts have:
    // a run of the axis may start anywhere (alignment 1), the output tile's
    // rows and columns at multiples of its block.
    const ANY: usize = 1;
    let rect = |i: usize, rows: (usize, usize), cols: (usize, usize)| -> Result<u64, ExecError> {
        let l = Layout::of(dims[i]).ok_or(ExecError::Shape)?;
        Ok(tile::span(rows.0, rows.1, l.bh, l.rows).saturating_mul(tile::span(cols.0, cols.1, l.bw, l.cols)))
    };
    let (tiles, compute) = match (*op, output) {
        (Op::MatMul { ta, tb, .. }, 0) => {
            let a = if ta { rect(0, (chunk, ANY), (bh, o.bh))? } else { rect(0, (bh, o.bh), (chunk, ANY))? };
            let b = if tb { rect(1, (bw, o.bw), (chunk, ANY))? } else { rect(1, (chunk, ANY), (bw, o.bw))? };
            (a + b, out * chunk as u64)
        }
        (Op::EmbeddingGrad { .. }, 0) => {
            (rect(0, (1, 1), (chunk, ANY))? + rect(1, (chunk, ANY), (bw, o.bw))?, out * chunk as u64)
        }
        (Op::BiasGrad, 0) => (rect(0, (chunk, ANY), (bw, o.bw))?, (bw * chunk) as u64 * 2),
        (Op::LayerNormGrad, 1) => (
            rect(0, (chunk, ANY), (bw, o.bw))? + rect(2, (chunk, ANY), (2, 0))? + rect(3, (chunk, ANY), (bw, o.bw))?,
            (bw * chunk) as u64 * 6,
        ),
        (Op::LayerNormGrad, 2) => (rect(3, (chunk, ANY), (bw, o.bw))?, (bw * chunk) as u64 * 2),
        (Op::RowMax, 0) => (rect(0, (bw, o.bw), (chunk, ANY))?, (bw * chunk) as u64 * 2),
        (Op::RowSumExp, 0) => {
            (rect(0, (bw, o.bw), (chunk, ANY))? + rect(1, (1, 1), (bw, o.bw))?, (bw * chunk) as u64 * 24)
        }
        _ => return Err(ExecError::Shape),
    };
    // The accumulator it continues from is opened too.
    let read = tiles.saturating_mul(TILE as u64).saturating_add(out);
    Ok(Bound { tiles, work: tile_work(read, compute, out) })
}
