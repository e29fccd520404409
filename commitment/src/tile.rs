//! One output tile: which input tiles it reads, and its canonical
//! recomputation from those tiles alone.
//!
//! Once a dispute has narrowed to one tile of one operator's output, the
//! chain recomputes that tile. It must not need the operator's whole
//! inputs (an AdamW step over a 50,257 × 768 embedding reads 150 MiB), so
//! every operator states here what one output tile reads: the same tile of
//! its inputs (elementwise operators), the tile's rows (row-wise
//! operators: softmax, layer norm), a row strip and a column strip
//! (matmul), the table rows its ids name (embedding), the prefix of its
//! sequence (attention), or everything (the reductions, whose games are a
//! descent of their own). The parties open exactly those tiles, each proven
//! against its tensor's tile root, and [`execute_tile`] recomputes the
//! output tile from them with the same kernels as [`crate::exec::execute`]
//! (the tests prove every tile equal to the whole output's).
//!
//! [`worst_case`] bounds what any tile of a node reads and costs from
//! shapes alone: what the chain checks at submission, so that it never
//! accepts a program it could not arbitrate.

use crate::{
    exec::{self, execute, Ctx, ExecError},
    shape::{self, output_dims},
    tensor::{Layout, Tensor, TILE},
    trace::Op,
};
use alloc::{collections::BTreeMap, vec, vec::Vec};
use core::ops::Range;
use gensyn_kernels::ops;

/// A tensor of which only some tiles are known: an input as arbitration
/// is given it.
#[derive(Clone, Debug, PartialEq)]
pub struct Partial {
    /// Its dimensions.
    pub dims: Vec<u32>,
    layout: Layout,
    tiles: BTreeMap<u32, Vec<f32>>,
}

impl Partial {
    /// A tensor of `dims` with no tile known; `None` on overflow.
    pub fn new(dims: Vec<u32>) -> Option<Self> {
        let layout = Layout::of(&dims)?;
        Some(Partial { dims, layout, tiles: BTreeMap::new() })
    }
    /// Every tile of `t`.
    pub fn whole(t: &Tensor) -> Self {
        let layout = Layout::of(&t.dims).expect("a tensor's shape has a layout");
        let tiles = (0..layout.tiles()).map(|i| (i, layout.gather(&t.values, i))).collect();
        Partial { dims: t.dims.clone(), layout, tiles }
    }
    /// The tiles `which` of `t`.
    pub fn some(t: &Tensor, which: &[u32]) -> Self {
        let mut p = Partial::new(t.dims.clone()).expect("a tensor's shape has a layout");
        for &i in which {
            p.tiles.insert(i, p.layout.gather(&t.values, i));
        }
        p
    }
    /// Adds tile `t`; false if it does not exist or `values` is not its size.
    pub fn insert(&mut self, t: u32, values: Vec<f32>) -> bool {
        if t >= self.layout.tiles() || values.len() != self.layout.tile_len(t) {
            return false;
        }
        self.tiles.insert(t, values);
        true
    }
    /// Its layout.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }
    /// The known tiles, ascending.
    pub fn known(&self) -> impl Iterator<Item = u32> + '_ {
        self.tiles.keys().copied()
    }
    /// Values of a rectangle of the 2-D view, row-major, if every tile it
    /// touches is known.
    pub fn rect(&self, rows: Range<usize>, cols: Range<usize>) -> Result<Vec<f32>, ExecError> {
        let l = &self.layout;
        if rows.end > l.rows || cols.end > l.cols {
            return Err(ExecError::Shape);
        }
        let w = cols.len();
        let mut out = vec![0.0f32; rows.len() * w];
        for t in l.tiles_of(rows.clone(), cols.clone()) {
            let values = self.tiles.get(&t).ok_or(ExecError::Missing)?;
            let (tr, tc) = l.rect(t);
            let (r0, r1) = (tr.start.max(rows.start), tr.end.min(rows.end));
            let (c0, c1) = (tc.start.max(cols.start), tc.end.min(cols.end));
            for i in r0..r1 {
                let from = (i - tr.start) * tc.len() + (c0 - tc.start);
                let to = (i - rows.start) * w + (c0 - cols.start);
                out[to..to + (c1 - c0)].copy_from_slice(&values[from..from + (c1 - c0)]);
            }
        }
        Ok(out)
    }
    /// All its values, if every tile is known.
    pub fn tensor(&self) -> Result<Tensor, ExecError> {
        let values = self.rect(0..self.layout.rows, 0..self.layout.cols)?;
        Ok(Tensor { dims: self.dims.clone(), values })
    }
}

/// What one input is read as.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Need {
    /// Rectangles of its 2-D view.
    Rects(Vec<(Range<usize>, Range<usize>)>),
    /// The table rows that input 0's ids (rectangle of it given) name, columns `cols`.
    TableRows { ids: Range<usize>, cols: Range<usize> },
    /// Every tile.
    All,
}

/// How an operator's output tile is recomputed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Each element from the same element of every input.
    Elementwise,
    /// `x + bias[col]`.
    BiasAdd,
    /// Each element from its log-probability and its row's target.
    CrossEntropyGrad,
    /// Each row from the same rows of the inputs (and whole small vectors).
    Rows,
    /// A row strip of A times a column strip of B.
    MatMul,
    /// Table rows named by the tile's ids.
    Embedding,
    /// Each row from the prefix of its sequence, for the tile's heads.
    Attention,
    /// The tile's sequences, whole, for the tile's heads.
    AttentionGrad,
    /// A vector over rows (each row's maximum or sum): the tile's rows whole.
    RowReduce,
    /// Attention's row statistics: each (head, query) row from its head's
    /// prefix of the sequence.
    AttentionStats,
    /// Attention's gradient from the statistics: the tile's heads' whole
    /// sequences, no statistic recomputed.
    AttentionGradFrom,
    /// Each element from its input element and its row's statistics.
    RowsFrom,
    /// The inputs whole.
    Whole,
}

fn kind(op: &Op, output: u8) -> Kind {
    use Op::*;
    match (op, output) {
        (Add | Mul | Relu | ReluGrad | Gelu | GeluGrad | Accumulate | Sgd { .. } | AdamW { .. }, _) => {
            Kind::Elementwise
        }
        (BiasAdd, _) => Kind::BiasAdd,
        (CrossEntropyGrad, _) => Kind::CrossEntropyGrad,
        (Softmax | LogSoftmax | SoftmaxGrad | LayerNorm { .. }, _) | (LayerNormGrad, 0) | (CrossEntropy, 1) => {
            Kind::Rows
        }
        (MatMul { .. }, _) => Kind::MatMul,
        (Embedding, _) => Kind::Embedding,
        (Attention { .. }, _) => Kind::Attention,
        (AttentionGrad { .. }, _) => Kind::AttentionGrad,
        (RowMax | RowSumExp, _) => Kind::RowReduce,
        (LogSoftmaxFrom, _) => Kind::RowsFrom,
        (AttentionStats { .. }, _) => Kind::AttentionStats,
        (AttentionGradFrom { .. }, _) => Kind::AttentionGradFrom,
        _ => Kind::Whole,
    }
}

/// The output's layout and the rectangle of tile `tile`.
fn out_rect(
    op: &Op,
    dims: &[&[u32]],
    output: u8,
    tile: u32,
) -> Result<(Layout, Range<usize>, Range<usize>), ExecError> {
    let outs = output_dims(op, dims)?;
    let od = outs.get(output as usize).ok_or(ExecError::NoSuchOutput)?;
    let l = Layout::of(od).ok_or(ExecError::Shape)?;
    if tile >= l.tiles() {
        return Err(ExecError::NoSuchOutput);
    }
    let (r, c) = l.rect(tile);
    Ok((l, r, c))
}

/// Heads `h0..h1` whose columns `cols` of a `[.. × parts·d]` row touch.
fn heads_of(cols: &Range<usize>, d: usize, hd: usize) -> Range<usize> {
    let heads = cols.clone().map(|c| (c % d) / hd);
    let (lo, hi) = heads.fold((usize::MAX, 0), |(lo, hi), h| (lo.min(h), hi.max(h)));
    lo..hi + 1
}

/// Columns of heads `h` in each of `parts` blocks of width `d`.
fn head_cols(parts: usize, d: usize, hd: usize, h: &Range<usize>) -> Vec<Range<usize>> {
    (0..parts).map(|p| p * d + h.start * hd..p * d + h.end * hd).collect()
}

/// Sequences `(start row, length)` that rows `rows` of a `batch·seq` matrix touch.
fn sequences(rows: &Range<usize>, seq: usize) -> impl Iterator<Item = usize> {
    rows.start / seq..(rows.end - 1) / seq + 1
}

/// The `(head, sequence, query rows)` groups that rows `rows` of an
/// attention-statistics tensor `[heads × batch·seq × 3]` hold.
fn stat_groups(rows: &Range<usize>, seq: usize, bs: usize) -> Vec<(usize, usize, Range<usize>)> {
    let mut groups = Vec::new();
    let mut at = rows.start;
    while at < rows.end {
        let (h, token) = (at / bs, at % bs);
        let q = token / seq;
        let end = rows.end.min(h * bs + (q + 1) * seq);
        groups.push((h, q, token - q * seq..end - h * bs - q * seq));
        at = end;
    }
    groups
}

/// The attention operator's `(seq, head_dim, width)`.
fn attention_of(op: &Op, qkv: &[u32]) -> Result<(u32, usize, usize, usize), ExecError> {
    let (Op::Attention { batch, seq, heads }
    | Op::AttentionGrad { batch, seq, heads }
    | Op::AttentionStats { batch, seq, heads }
    | Op::AttentionGradFrom { batch, seq, heads }) = *op
    else {
        return Err(ExecError::Shape);
    };
    let (b, s, h, hd) = shape::attention(batch, seq, heads, qkv)?;
    Ok((b, s as usize, hd as usize, (h * hd) as usize))
}

/// What each input is read as for output tile rows `r`, columns `c`.
fn needs(op: &Op, dims: &[&[u32]], output: u8, r: &Range<usize>, c: &Range<usize>) -> Result<Vec<Need>, ExecError> {
    let lay = |i: usize| Layout::of(dims[i]).ok_or(ExecError::Shape);
    let rect = |rows: Range<usize>, cols: Range<usize>| Need::Rects(vec![(rows, cols)]);
    Ok(match kind(op, output) {
        Kind::Elementwise => (0..dims.len()).map(|_| rect(r.clone(), c.clone())).collect(),
        Kind::BiasAdd => vec![rect(r.clone(), c.clone()), rect(0..1, c.clone())],
        Kind::CrossEntropyGrad => vec![rect(r.clone(), c.clone()), rect(0..1, r.clone()), rect(0..1, 0..1)],
        Kind::RowsFrom => vec![rect(r.clone(), c.clone()), rect(0..1, r.clone()), rect(0..1, r.clone())],
        // The output is a vector over the input's rows: its columns are rows.
        Kind::RowReduce => {
            let n = lay(0)?.cols;
            let mut v = vec![rect(c.clone(), 0..n)];
            v.extend((1..dims.len()).map(|_| rect(0..1, c.clone())));
            v
        }
        Kind::Rows => {
            let rows_of = |i: usize| -> Result<Need, ExecError> {
                let l = lay(i)?;
                Ok(if dims[i].len() == 1 {
                    // A row's target, or a vector every row uses (γ, β).
                    if matches!(op, Op::CrossEntropy) {
                        rect(0..1, r.clone())
                    } else {
                        rect(0..1, 0..l.cols)
                    }
                } else {
                    rect(r.clone(), 0..l.cols)
                })
            };
            (0..dims.len()).map(rows_of).collect::<Result<_, _>>()?
        }
        Kind::MatMul => {
            let Op::MatMul { m, k, n, ta, tb } = *op else { return Err(ExecError::Shape) };
            let (m, k, n) = (m as usize, k as usize, n as usize);
            // A strip of a well-shaped operand; a flat operand of another
            // shape is read whole.
            let strip =
                |i: usize, shape: (usize, usize), rows: Range<usize>, cols: Range<usize>| -> Result<Need, ExecError> {
                    let l = lay(i)?;
                    Ok(if (l.rows, l.cols) == shape { rect(rows, cols) } else { Need::All })
                };
            vec![
                if ta { strip(0, (k, m), 0..k, r.clone())? } else { strip(0, (m, k), r.clone(), 0..k)? },
                if tb { strip(1, (n, k), c.clone(), 0..k)? } else { strip(1, (k, n), 0..k, c.clone())? },
            ]
        }
        Kind::Embedding => vec![rect(0..1, r.clone()), Need::TableRows { ids: r.clone(), cols: c.clone() }],
        Kind::Attention | Kind::AttentionGrad => {
            let (_, seq, hd, d) = attention_of(op, dims[0])?;
            let h = heads_of(c, d, hd);
            let grad = kind(op, output) == Kind::AttentionGrad;
            let mut qkv = Vec::new();
            let mut dout = Vec::new();
            for q in sequences(r, seq) {
                // Forward: the prefix up to the tile's last row; backward:
                // the whole sequence (a key is read by every later query).
                let end = if grad { (q + 1) * seq } else { r.end.min((q + 1) * seq) };
                for cols in head_cols(3, d, hd, &h) {
                    qkv.push((q * seq..end, cols));
                }
                dout.extend(head_cols(1, d, hd, &h).into_iter().map(|cols| (q * seq..end, cols)));
            }
            if grad {
                vec![Need::Rects(qkv), Need::Rects(dout)]
            } else {
                vec![Need::Rects(qkv)]
            }
        }
        Kind::AttentionStats => {
            let (b, seq, hd, d) = attention_of(op, dims[0])?;
            let (mut qkv, mut dout) = (Vec::new(), Vec::new());
            for (h, q, rows) in stat_groups(r, seq, b as usize * seq) {
                let end = q * seq + rows.end;
                qkv.extend(head_cols(3, d, hd, &(h..h + 1)).into_iter().map(|cs| (q * seq..end, cs)));
                dout.push((q * seq..end, h * hd..(h + 1) * hd));
            }
            vec![Need::Rects(qkv), Need::Rects(dout)]
        }
        Kind::AttentionGradFrom => {
            let (b, seq, hd, d) = attention_of(op, dims[0])?;
            let hs = heads_of(c, d, hd);
            let (mut qkv, mut dout, mut stats) = (Vec::new(), Vec::new(), Vec::new());
            for q in sequences(r, seq) {
                let rows = q * seq..(q + 1) * seq;
                qkv.extend(head_cols(3, d, hd, &hs).into_iter().map(|cs| (rows.clone(), cs)));
                dout.push((rows.clone(), hs.start * hd..hs.end * hd));
                stats.extend(
                    hs.clone().map(|h| (h * b as usize * seq + q * seq..h * b as usize * seq + (q + 1) * seq, 0..3)),
                );
            }
            vec![Need::Rects(qkv), Need::Rects(dout), Need::Rects(stats)]
        }
        Kind::Whole => (0..dims.len()).map(|_| Need::All).collect(),
    })
}

/// The ids a table read names: rows `rows` of input 0, as indices below `vocab`.
fn table_ids(ids: &Partial, rows: &Range<usize>, vocab: usize) -> Result<Vec<u32>, ExecError> {
    let t = Tensor { dims: vec![rows.len() as u32], values: ids.rect(0..1, rows.clone())? };
    exec::indices(&t, vocab)
}

/// The tiles of input `input` that tile `tile` of output `output` reads,
/// ascending. `inputs` gives what is known so far: a read that depends on
/// values (the embedding's table rows, named by its ids) needs the earlier
/// input's tiles it depends on, which that input's own list names.
pub fn reads(op: &Op, inputs: &[&Partial], output: u8, tile: u32, input: usize) -> Result<Vec<u32>, ExecError> {
    let dims: Vec<&[u32]> = inputs.iter().map(|p| p.dims.as_slice()).collect();
    let (_, r, c) = out_rect(op, &dims, output, tile)?;
    let needs = needs(op, &dims, output, &r, &c)?;
    let need = needs.get(input).ok_or(ExecError::Arity)?;
    let l = inputs[input].layout();
    let mut tiles: Vec<u32> = match need {
        Need::All => (0..l.tiles()).collect(),
        Need::Rects(rs) => rs.iter().flat_map(|(rows, cols)| l.tiles_of(rows.clone(), cols.clone())).collect(),
        Need::TableRows { ids, cols } => table_ids(inputs[0], ids, l.rows)?
            .into_iter()
            .flat_map(|id| l.tiles_of(id as usize..id as usize + 1, cols.clone()))
            .collect(),
    };
    tiles.sort_unstable();
    tiles.dedup();
    Ok(tiles)
}

/// The tiles of each input that tile `tile` of output `output` reads, for
/// a party that holds the inputs whole: input by input, each read (the
/// embedding's table rows) from the ids opened before it.
pub fn reads_of(op: &Op, inputs: &[&Tensor], output: u8, tile: u32) -> Result<Vec<Vec<u32>>, ExecError> {
    let mut parts: Vec<Partial> =
        inputs.iter().map(|t| Partial::new(t.dims.clone()).ok_or(ExecError::Shape)).collect::<Result<_, _>>()?;
    let mut all = Vec::with_capacity(inputs.len());
    for i in 0..inputs.len() {
        let want = reads(op, &parts.iter().collect::<Vec<_>>(), output, tile, i)?;
        parts[i] = Partial::some(inputs[i], &want);
        all.push(want);
    }
    Ok(all)
}

/// Gathers the rectangles of `need` side by side: rows of the first
/// rectangle's height, each rectangle's columns after the previous one's.
fn gather(p: &Partial, rects: &[(Range<usize>, Range<usize>)]) -> Result<Vec<f32>, ExecError> {
    let blocks: Vec<Vec<f32>> = rects.iter().map(|(r, c)| p.rect(r.clone(), c.clone())).collect::<Result<_, _>>()?;
    let rows = rects.first().map_or(0, |(r, _)| r.len());
    let mut out = Vec::with_capacity(blocks.iter().map(Vec::len).sum());
    for i in 0..rows {
        for ((_, c), b) in rects.iter().zip(&blocks) {
            out.extend_from_slice(&b[i * c.len()..(i + 1) * c.len()]);
        }
    }
    Ok(out)
}

/// Columns `cols` of a row-major `[rows × width]` matrix.
fn columns(values: &[f32], width: usize, cols: &Range<usize>) -> Vec<f32> {
    values.chunks_exact(width).flat_map(|row| row[cols.clone()].iter().copied()).collect()
}

fn tensor(dims: Vec<u32>, values: Vec<f32>) -> Tensor {
    Tensor { dims, values }
}

/// The values of tile `tile` of output `output` of `op` (row-major within
/// the tile), recomputed from the input tiles [`reads`] names. Equal to
/// the same tile of [`execute`]'s output, bit for bit; a missing tile is
/// [`ExecError::Missing`].
pub fn execute_tile(op: &Op, ctx: &Ctx, inputs: &[&Partial], output: u8, tile: u32) -> Result<Vec<f32>, ExecError> {
    let dims: Vec<&[u32]> = inputs.iter().map(|p| p.dims.as_slice()).collect();
    let (_, r, c) = out_rect(op, &dims, output, tile)?;
    let needs = needs(op, &dims, output, &r, &c)?;
    let (h, w) = (r.len() as u32, c.len() as u32);
    let rect_of = |i: usize| -> Result<Vec<f32>, ExecError> {
        match &needs[i] {
            Need::Rects(rs) => gather(inputs[i], rs),
            _ => Err(ExecError::Shape),
        }
    };
    let pick = |outs: Vec<Tensor>| -> Result<Tensor, ExecError> {
        outs.into_iter().nth(output as usize).ok_or(ExecError::NoSuchOutput)
    };
    Ok(match kind(op, output) {
        Kind::Elementwise => {
            let subs: Vec<Tensor> =
                (0..inputs.len()).map(|i| Ok(tensor(vec![h * w], rect_of(i)?))).collect::<Result<_, ExecError>>()?;
            pick(execute(op, ctx, &subs.iter().collect::<Vec<_>>())?)?.values
        }
        Kind::BiasAdd => {
            let (x, b) = (tensor(vec![h, w], rect_of(0)?), tensor(vec![w], rect_of(1)?));
            pick(execute(op, ctx, &[&x, &b])?)?.values
        }
        Kind::CrossEntropyGrad => {
            let (rows, n) = shape::rows_n(dims[0])?;
            let logp = rect_of(0)?;
            let targets = exec::indices(&tensor(vec![h], rect_of(1)?), n)?;
            let g = inputs[2].rect(0..1, 0..1)?[0];
            let scale = ops::cross_entropy_scale(g, rows);
            let w = w as usize;
            logp.iter()
                .enumerate()
                .map(|(e, &l)| ops::cross_entropy_grad_at(l, c.start + e % w == targets[e / w] as usize, scale))
                .collect()
        }
        Kind::RowsFrom => {
            let (x, m, sums) =
                (tensor(vec![h, w], rect_of(0)?), tensor(vec![h], rect_of(1)?), tensor(vec![h], rect_of(2)?));
            pick(execute(op, ctx, &[&x, &m, &sums])?)?.values
        }
        Kind::RowReduce => {
            let rows = c.len() as u32;
            let x = rect_of(0)?;
            let mut subs = vec![tensor(vec![rows, x.len() as u32 / rows.max(1)], x)];
            for i in 1..inputs.len() {
                subs.push(tensor(vec![rows], rect_of(i)?));
            }
            pick(execute(op, ctx, &subs.iter().collect::<Vec<_>>())?)?.values
        }
        Kind::Rows => {
            let subs: Vec<Tensor> = (0..inputs.len())
                .map(|i| {
                    let v = rect_of(i)?;
                    let d = match dims[i].len() {
                        1 => vec![v.len() as u32],
                        _ => vec![h, (v.len() / h as usize) as u32],
                    };
                    Ok(tensor(d, v))
                })
                .collect::<Result<_, ExecError>>()?;
            let out = pick(execute(op, ctx, &subs.iter().collect::<Vec<_>>())?)?;
            let width = *out.dims.last().ok_or(ExecError::Shape)? as usize;
            columns(&out.values, width, &c)
        }
        Kind::MatMul => {
            let Op::MatMul { k, ta, tb, .. } = *op else { return Err(ExecError::Shape) };
            let k = k as usize;
            // Each operand as the strip the tile reads, in its own storage
            // order, so the sub-product is the same fold per element.
            let operand = |i: usize, rows: Range<usize>, cols: Range<usize>, flat_cols: usize| match &needs[i] {
                Need::All => {
                    let t = inputs[i].tensor()?;
                    Ok(rows
                        .flat_map(|a| t.values[a * flat_cols + cols.start..a * flat_cols + cols.end].to_vec())
                        .collect())
                }
                _ => rect_of(i),
            };
            let Op::MatMul { m, n, .. } = *op else { return Err(ExecError::Shape) };
            let (m, n) = (m as usize, n as usize);
            let a = if ta { operand(0, 0..k, r.clone(), m)? } else { operand(0, r.clone(), 0..k, k)? };
            let b = if tb { operand(1, c.clone(), 0..k, k)? } else { operand(1, 0..k, c.clone(), n)? };
            let s = ops::MatmulShape { m: r.len(), k, n: c.len(), ta, tb };
            let mut out = vec![0.0; r.len() * c.len()];
            ops::matmul(&a, &b, &mut out, s);
            out
        }
        Kind::Embedding => {
            let table = inputs[1];
            let ids = table_ids(inputs[0], &r, table.layout().rows)?;
            let mut distinct = ids.clone();
            distinct.sort_unstable();
            distinct.dedup();
            let mut sub = Vec::with_capacity(distinct.len() * c.len());
            for &id in &distinct {
                sub.extend(table.rect(id as usize..id as usize + 1, c.clone())?);
            }
            let local: Vec<f32> = ids.iter().map(|id| distinct.binary_search(id).unwrap_or(0) as f32).collect();
            let (ids, table) = (tensor(vec![h], local), tensor(vec![distinct.len() as u32, w], sub));
            pick(execute(op, ctx, &[&ids, &table])?)?.values
        }
        Kind::Attention | Kind::AttentionGrad => {
            let (_, seq, hd, d) = attention_of(op, dims[0])?;
            let hs = heads_of(&c, d, hd);
            let sub = ops::AttentionShape { batch: 1, seq: 0, heads: hs.len(), head_dim: hd };
            let sd = sub.width();
            let grad = kind(op, output) == Kind::AttentionGrad;
            let mut tile = Vec::with_capacity(r.len() * c.len());
            for q in sequences(&r, seq) {
                let rows = r.start.max(q * seq)..r.end.min((q + 1) * seq);
                let end = if grad { (q + 1) * seq } else { rows.end };
                let qkv = gather(
                    inputs[0],
                    &head_cols(3, d, hd, &hs).into_iter().map(|cs| (q * seq..end, cs)).collect::<Vec<_>>(),
                )?;
                let s = ops::AttentionShape { seq: end - q * seq, ..sub };
                let local = rows.start - q * seq..rows.end - q * seq;
                // The sub-problem's column of each output column: same part,
                // head shifted to the tile's first head.
                let (out, width, parts) = if grad {
                    let dout = gather(inputs[1], &[(q * seq..end, hs.start * hd..hs.end * hd)])?;
                    let mut dq = vec![0.0; qkv.len()];
                    ops::attention_sequence_backward(&qkv, &dout, &mut dq, &s);
                    (dq[local.start * 3 * sd..local.end * 3 * sd].to_vec(), 3 * sd, true)
                } else {
                    let mut o = vec![0.0; local.len() * sd];
                    ops::attention_rows(&qkv, &mut o, &s, local.clone());
                    (o, sd, false)
                };
                let col = |g: usize| if parts { (g / d) * sd + (g % d) - hs.start * hd } else { g - hs.start * hd };
                for row in out.chunks_exact(width) {
                    tile.extend(c.clone().map(|g| row[col(g)]));
                }
            }
            tile
        }
        Kind::AttentionStats => {
            let (b, seq, hd, d) = attention_of(op, &dims[0])?;
            let mut tile = Vec::with_capacity(r.len() * c.len());
            for (h, q, rows) in stat_groups(&r, seq, b as usize * seq) {
                // One head's prefix of the sequence, up to the group's last query.
                let end = q * seq + rows.end;
                let cols: Vec<(Range<usize>, Range<usize>)> =
                    head_cols(3, d, hd, &(h..h + 1)).into_iter().map(|cs| (q * seq..end, cs)).collect();
                let qkv = gather(inputs[0], &cols)?;
                let dout = gather(inputs[1], &[(q * seq..end, h * hd..(h + 1) * hd)])?;
                let s = ops::AttentionShape { batch: 1, seq: rows.end, heads: 1, head_dim: hd };
                let mut stats = vec![0.0; rows.end * 3];
                ops::attention_stats_rows(&qkv, &dout, &mut stats, &s, rows.clone());
                for t in rows {
                    tile.extend(c.clone().map(|k| stats[t * 3 + k]));
                }
            }
            tile
        }
        Kind::AttentionGradFrom => {
            let (b, seq, hd, d) = attention_of(op, &dims[0])?;
            let hs = heads_of(&c, d, hd);
            let s = ops::AttentionShape { batch: 1, seq, heads: hs.len(), head_dim: hd };
            let sd = s.width();
            let mut tile = Vec::with_capacity(r.len() * c.len());
            for q in sequences(&r, seq) {
                let all = q * seq..(q + 1) * seq;
                let cols: Vec<(Range<usize>, Range<usize>)> =
                    head_cols(3, d, hd, &hs).into_iter().map(|cs| (all.clone(), cs)).collect();
                let qkv = gather(inputs[0], &cols)?;
                let dout = gather(inputs[1], &[(all.clone(), hs.start * hd..hs.end * hd)])?;
                let mut stats = Vec::with_capacity(hs.len() * seq * 3);
                for h in hs.clone() {
                    let at = h * b as usize * seq + q * seq;
                    stats.extend(inputs[2].rect(at..at + seq, 0..3)?);
                }
                let rows = r.start.max(q * seq)..r.end.min((q + 1) * seq);
                let local = rows.start - q * seq..rows.end - q * seq;
                let mut out = vec![0.0; local.len() * 3 * sd];
                ops::attention_backward_rows(&qkv, &dout, &stats, &mut out, &s, local);
                let col = |g: usize| (g / d) * sd + (g % d) - hs.start * hd;
                for row in out.chunks_exact(3 * sd) {
                    tile.extend(c.clone().map(|g| row[col(g)]));
                }
            }
            tile
        }
        Kind::Whole => {
            let whole: Vec<Tensor> = inputs.iter().map(|p| p.tensor()).collect::<Result<_, _>>()?;
            let out = pick(execute(op, ctx, &whole.iter().collect::<Vec<_>>())?)?;
            let l = Layout::of(&out.dims).ok_or(ExecError::Shape)?;
            l.gather(&out.values, tile)
        }
    })
}

/// The most any one tile of a node reads and costs: what the chain
/// checks a program against before accepting it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bound {
    /// Input tiles opened (each at most [`TILE`] values and a Merkle proof).
    pub tiles: u64,
    /// Work of recomputing the tile ([`tile_work`]'s units).
    pub work: u64,
}

/// Blocks of size `b` (of `extent` elements) that a run of `len` elements
/// touches at most, when runs start at multiples of `align` (0: the run
/// starts at 0). A start sits at a multiple of `gcd(align, b)` within its
/// block, so the worst is the last such offset.
pub(crate) fn span(len: usize, align: usize, b: usize, extent: usize) -> u64 {
    if len == 0 || b == 0 {
        return 0;
    }
    let g = gcd(align, b);
    let n = (b - g + len).div_ceil(b);
    n.min(extent.div_ceil(b)) as u64
}

fn gcd(a: usize, b: usize) -> usize {
    if a == 0 {
        b
    } else {
        gcd(b % a, a)
    }
}

/// Work of recomputing an output tile of `out` elements from `read`
/// opened values, with `compute` multiply-add equivalents: reading and
/// hashing every opened value and the output (16 each), and the compute.
pub fn tile_work(read: u64, compute: u64, out: u64) -> u64 {
    read.saturating_mul(16).saturating_add(compute).saturating_add(out.saturating_mul(16))
}

/// An upper bound on what any tile of output `output` of `op` on inputs
/// of `dims` reads and costs, from shapes alone (every value an index
/// input could hold included). [`execute_tile`] on any tile stays within it
/// (tested).
pub fn worst_case(op: &Op, dims: &[&[u32]], output: u8) -> Result<Bound, ExecError> {
    let outs = output_dims(op, dims)?;
    let od = outs.get(output as usize).ok_or(ExecError::NoSuchOutput)?;
    let o = Layout::of(od).ok_or(ExecError::Shape)?;
    let lay = |i: usize| Layout::of(dims[i]).ok_or(ExecError::Shape);
    let (bh, bw) = (o.bh.min(o.rows), o.bw.min(o.cols));
    let out = (bh * bw) as u64;
    // Tiles of input `i` a rectangle of `rows` (starting at multiples of
    // `ra`) by `cols` (at multiples of `ca`) touches.
    let rect = |i: usize, rows: usize, ra: usize, cols: usize, ca: usize| -> Result<u64, ExecError> {
        let l = lay(i)?;
        Ok(span(rows, ra, l.bh, l.rows).saturating_mul(span(cols, ca, l.bw, l.cols)))
    };
    let all = |i: usize| lay(i).map(|l| l.tiles() as u64);
    let mut compute = 0u64;
    let tiles: u64 = match kind(op, output) {
        Kind::Elementwise => {
            compute = exec::compute(op, &vec![&[out as u32][..]; dims.len()]);
            (0..dims.len()).map(|i| rect(i, bh, o.bh, bw, o.bw)).sum::<Result<u64, _>>()?
        }
        Kind::BiasAdd => rect(0, bh, o.bh, bw, o.bw)? + rect(1, 1, 0, bw, o.bw)?,
        Kind::RowsFrom => {
            compute = out * 24;
            rect(0, bh, o.bh, bw, o.bw)? + 2 * rect(1, 1, 0, bh, o.bh)?
        }
        Kind::RowReduce => {
            let n = lay(0)?.cols;
            let sub: Vec<Vec<u32>> =
                (0..dims.len()).map(|i| if i == 0 { vec![bw as u32, n as u32] } else { vec![bw as u32] }).collect();
            compute = exec::compute(op, &sub.iter().map(Vec::as_slice).collect::<Vec<_>>());
            rect(0, bw, o.bw, n, 0)? + (1..dims.len()).map(|i| rect(i, 1, 0, bw, o.bw)).sum::<Result<u64, _>>()?
        }
        Kind::CrossEntropyGrad => {
            compute = out * 24;
            rect(0, bh, o.bh, bw, o.bw)? + rect(1, 1, 0, bh, o.bh)? + 1
        }
        Kind::Rows => {
            let mut t = 0;
            let mut sub: Vec<Vec<u32>> = Vec::new();
            for i in 0..dims.len() {
                let l = lay(i)?;
                if dims[i].len() == 1 {
                    let per_row = matches!(op, Op::CrossEntropy);
                    t += if per_row { rect(i, 1, 0, bh, o.bh)? } else { all(i)? };
                    sub.push(vec![if per_row { bh as u32 } else { l.cols as u32 }]);
                } else {
                    t += rect(i, bh, o.bh, l.cols, 0)?;
                    sub.push(vec![bh as u32, l.cols as u32]);
                }
            }
            compute = exec::compute(op, &sub.iter().map(Vec::as_slice).collect::<Vec<_>>());
            t
        }
        Kind::MatMul => {
            let Op::MatMul { m, k, n, ta, tb } = *op else { return Err(ExecError::Shape) };
            let (m, k, n) = (m as usize, k as usize, n as usize);
            compute = out.saturating_mul(k as u64);
            let strip = |i: usize, shape: (usize, usize), rows: (usize, usize), cols: (usize, usize)| {
                let l = lay(i)?;
                if (l.rows, l.cols) == shape {
                    rect(i, rows.0, rows.1, cols.0, cols.1)
                } else {
                    all(i)
                }
            };
            let a = if ta { strip(0, (k, m), (k, 0), (bh, o.bh))? } else { strip(0, (m, k), (bh, o.bh), (k, 0))? };
            let b = if tb { strip(1, (n, k), (bw, o.bw), (k, 0))? } else { strip(1, (k, n), (k, 0), (bw, o.bw))? };
            a + b
        }
        Kind::Embedding => {
            // Every row of the tile may name a different table row.
            let t = lay(1)?;
            rect(0, 1, 0, bh, o.bh)? + (bh as u64).saturating_mul(span(bw, o.bw, t.bw, t.cols))
        }
        Kind::Attention | Kind::AttentionGrad => {
            let (_, seq, hd, d) = attention_of(op, dims[0])?;
            let heads = (d / hd) as u32;
            let grad = kind(op, output) == Kind::AttentionGrad;
            // Heads a tile's columns touch (columns of one part in the
            // forward; the backward's may straddle a part boundary, so
            // count them as all of a part's heads when they do).
            let hs =
                if grad && bw > 1 && !d.is_multiple_of(o.bw) { heads as usize } else { span(bw, o.bw, hd, d) as usize };
            let seqs = span(bh, o.bh, seq, o.rows) as usize;
            let l = lay(0)?;
            let per_seq = span(seq, seq, l.bh, l.rows).saturating_mul(3 * span(hs * hd, hd, l.bw, l.cols));
            let mut t = (seqs as u64).saturating_mul(per_seq);
            let qkv = (seqs * seq * 3 * hs * hd) as u64;
            compute = if grad {
                let l1 = lay(1)?;
                t += (seqs as u64).saturating_mul(span(seq, seq, l1.bh, l1.rows).saturating_mul(span(
                    hs * hd,
                    hd,
                    l1.bw,
                    l1.cols,
                )));
                // The backward keeps two `seq × seq` matrices per head (the
                // probabilities and their gradient): priced as written and
                // read, so the cap also bounds that memory.
                let scratch = (2 * seq as u64).saturating_mul(seq as u64).saturating_mul(16);
                qkv.saturating_mul(seq as u64)
                    .saturating_mul(2)
                    .saturating_add(qkv.saturating_mul(24))
                    .saturating_add(scratch)
            } else {
                // Each of the tile's rows meets up to `seq` keys and values.
                ((bh * hs * hd) as u64)
                    .saturating_mul(seq as u64)
                    .saturating_mul(2)
                    .saturating_add(qkv.saturating_mul(24))
            };
            t
        }
        Kind::AttentionStats => {
            let (_, seq, hd, _) = attention_of(op, dims[0])?;
            let (l0, l1) = (lay(0)?, lay(1)?);
            // Every (head, sequence) group the tile's rows touch reads its
            // head's prefix; each row meets up to `seq` keys (two dots, an
            // exponential).
            let groups = span(bh, o.bh, seq, o.rows);
            let per = span(seq, seq, l0.bh, l0.rows).saturating_mul(3 * span(hd, hd, l0.bw, l0.cols))
                + span(seq, seq, l1.bh, l1.rows).saturating_mul(span(hd, hd, l1.bw, l1.cols));
            compute = (bh as u64).saturating_mul(seq as u64).saturating_mul(2 * hd as u64 + 24);
            groups.saturating_mul(per)
        }
        Kind::AttentionGradFrom => {
            let (_, seq, hd, d) = attention_of(op, dims[0])?;
            let (l0, l1, l2) = (lay(0)?, lay(1)?, lay(2)?);
            let hs = if bw > 1 && !d.is_multiple_of(o.bw) { d / hd } else { span(bw, o.bw, hd, d) as usize };
            let seqs = span(bh, o.bh, seq, o.rows);
            let per = span(seq, seq, l0.bh, l0.rows).saturating_mul(3 * span(hs * hd, hd, l0.bw, l0.cols))
                + span(seq, seq, l1.bh, l1.rows).saturating_mul(span(hs * hd, hd, l1.bw, l1.cols))
                + (hs as u64).saturating_mul(span(seq, seq, l2.bh, l2.rows));
            // Each of the tile's rows, for each of its heads, meets up to
            // `seq` rows as a query and as a key (P and dS recomputed: two
            // dots and an exponential each) and folds three gradients.
            compute =
                (bh as u64).saturating_mul(seq as u64).saturating_mul(hs as u64).saturating_mul(7 * hd as u64 + 48);
            seqs.saturating_mul(per)
        }
        Kind::Whole => {
            // The whole operator runs: every output it produces is built
            // (an embedding gradient's is the whole table), so the bound
            // prices all of them, as whole execution does.
            compute = exec::work(op, dims, false);
            (0..dims.len()).map(all).sum::<Result<u64, _>>()?
        }
    };
    let read = tiles.saturating_mul(TILE as u64);
    Ok(Bound { tiles, work: tile_work(read, compute, out) })
}
