//! Shape inference: the dimensions of an operator's outputs from its
//! inputs' dimensions alone.
//!
//! This is the one statement of which input shapes each operator accepts.
//! [`crate::exec::execute`] checks it before running a kernel, and the
//! chain runs it over a whole program at submission, so that it knows every
//! node's input shapes, and refuses a program with a node it could not
//! arbitrate, before anyone trains it.

use crate::{
    exec::ExecError,
    hash::{Hash, Leaf},
    tensor::numel,
    trace::{Node, Op, Source},
};
use alloc::{vec, vec::Vec};

/// Elements of `dims`, refusing overflow and empty tensors.
fn nonempty(dims: &[u32]) -> Result<usize, ExecError> {
    match numel(dims) {
        Some(n) if n > 0 => Ok(n),
        _ => Err(ExecError::Shape),
    }
}

/// `(rows, n)` of a tensor viewed as rows over its last dimension.
pub fn rows_n(dims: &[u32]) -> Result<(usize, usize), ExecError> {
    let n = *dims.last().ok_or(ExecError::Shape)? as usize;
    let len = nonempty(dims)?;
    Ok((len / n, n))
}

fn same(a: &[u32], b: &[u32]) -> Result<(), ExecError> {
    nonempty(a)?;
    (a == b).then_some(()).ok_or(ExecError::Shape)
}

fn vector_of(dims: &[u32], n: usize) -> Result<(), ExecError> {
    (dims.len() == 1 && dims[0] as usize == n).then_some(()).ok_or(ExecError::Shape)
}

/// The attention shape `(batch, seq, heads, head_dim)` of a `qkv` input
/// `[batch·seq × 3·heads·head_dim]`, every dimension at least 1.
pub fn attention(batch: u32, seq: u32, heads: u32, qkv: &[u32]) -> Result<(u32, u32, u32, u32), ExecError> {
    let rows = batch.checked_mul(seq).ok_or(ExecError::Shape)?;
    let width = heads.checked_mul(3).ok_or(ExecError::Shape)?;
    if rows == 0 || width == 0 || qkv.len() != 2 || qkv[0] != rows || !qkv[1].is_multiple_of(width) || qkv[1] == 0 {
        return Err(ExecError::Shape);
    }
    Ok((batch, seq, heads, qkv[1] / width))
}

/// The dimensions of every output of `op` applied to inputs of `dims`, or
/// why those inputs do not fit it. Index inputs (classes, token ids) are
/// checked against their range only when the values are known, by
/// [`crate::exec::execute`].
pub fn output_dims(op: &Op, dims: &[&[u32]]) -> Result<Vec<Vec<u32>>, ExecError> {
    if dims.len() != op.arity() {
        return Err(ExecError::Arity);
    }
    let x = || dims[0].to_vec();
    Ok(match *op {
        Op::Const { .. } => vec![vec![]],
        Op::MatMul { m, k, n, .. } => {
            let (m, k, n) = (m as usize, k as usize, n as usize);
            let mn = m.checked_mul(n).ok_or(ExecError::Shape)?;
            if numel(dims[0]) != m.checked_mul(k) || numel(dims[1]) != k.checked_mul(n) || mn == 0 {
                return Err(ExecError::Shape);
            }
            vec![vec![m as u32, n as u32]]
        }
        Op::Add | Op::Mul | Op::ReluGrad | Op::GeluGrad | Op::Accumulate => {
            same(dims[0], dims[1])?;
            vec![x()]
        }
        Op::SoftmaxGrad => {
            same(dims[0], dims[1])?;
            rows_n(dims[0])?;
            vec![x()]
        }
        Op::BiasAdd => {
            let (_, n) = rows_n(dims[0])?;
            vector_of(dims[1], n)?;
            vec![x()]
        }
        Op::BiasGrad => vec![vec![rows_n(dims[0])?.1 as u32]],
        Op::Relu | Op::Gelu | Op::Softmax | Op::LogSoftmax => {
            rows_n(dims[0])?;
            vec![x()]
        }
        Op::CrossEntropy | Op::CrossEntropyGrad => {
            let (rows, _) = rows_n(dims[0])?;
            if dims[0].len() != 2 {
                return Err(ExecError::Shape);
            }
            vector_of(dims[1], rows)?;
            if *op == Op::CrossEntropy {
                vec![vec![], x()]
            } else {
                if !dims[2].is_empty() {
                    return Err(ExecError::Shape);
                }
                vec![x()]
            }
        }
        Op::Sum | Op::Mean => {
            nonempty(dims[0])?;
            vec![vec![]]
        }
        Op::LayerNorm { .. } => {
            let (rows, n) = rows_n(dims[0])?;
            vector_of(dims[1], n)?;
            vector_of(dims[2], n)?;
            vec![x(), vec![rows as u32, 2]]
        }
        Op::LayerNormGrad => {
            let (rows, n) = rows_n(dims[0])?;
            same(dims[0], dims[3])?;
            vector_of(dims[1], n)?;
            if dims[2] != [rows as u32, 2] {
                return Err(ExecError::Shape);
            }
            vec![x(), vec![n as u32], vec![n as u32]]
        }
        Op::Embedding => {
            let (ids, table) = (dims[0], dims[1]);
            if ids.len() != 1 || table.len() != 2 || table[1] == 0 {
                return Err(ExecError::Shape);
            }
            nonempty(ids)?;
            vec![vec![ids[0], table[1]]]
        }
        Op::EmbeddingGrad { vocab } => {
            let (ids, dy) = (dims[0], dims[1]);
            if ids.len() != 1 || dy.len() != 2 || dy[0] != ids[0] || dy[1] == 0 {
                return Err(ExecError::Shape);
            }
            (vocab as usize).checked_mul(dy[1] as usize).ok_or(ExecError::Shape)?;
            vec![vec![vocab, dy[1]]]
        }
        Op::Attention { batch, seq, heads } => {
            let (b, s, h, hd) = attention(batch, seq, heads, dims[0])?;
            vec![vec![b * s, h * hd]]
        }
        Op::AttentionGrad { batch, seq, heads } => {
            let (b, s, h, hd) = attention(batch, seq, heads, dims[0])?;
            if dims[1] != [b * s, h * hd] {
                return Err(ExecError::Shape);
            }
            vec![x()]
        }
        Op::Sgd { .. } => {
            same(dims[0], dims[1])?;
            same(dims[0], dims[2])?;
            vec![x(), x()]
        }
        Op::AdamW { .. } => {
            for d in &dims[1..] {
                same(dims[0], d)?;
            }
            vec![x(), x(), x()]
        }
        Op::AttentionStats { batch, seq, heads } | Op::AttentionGradFrom { batch, seq, heads } => {
            let (b, s, h, hd) = attention(batch, seq, heads, dims[0])?;
            let rows = b.checked_mul(s).ok_or(ExecError::Shape)?;
            if dims[1] != [rows, h * hd] {
                return Err(ExecError::Shape);
            }
            let stats = vec![h, rows, 3];
            if let Op::AttentionStats { .. } = op {
                vec![stats]
            } else {
                if dims[2] != stats.as_slice() {
                    return Err(ExecError::Shape);
                }
                vec![x()]
            }
        }
        Op::RowMax | Op::RowSumExp | Op::LogSoftmaxFrom => {
            let (rows, _) = rows_n(dims[0])?;
            for d in &dims[1..] {
                vector_of(d, rows)?;
            }
            if *op == Op::LogSoftmaxFrom {
                vec![x()]
            } else {
                vec![vec![rows as u32]]
            }
        }
    })
}

/// Every node's input and output shapes, as shape inference over a whole
/// program finds them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgramShapes {
    /// Each node's input dimensions, in input order.
    pub inputs: Vec<Vec<Vec<u32>>>,
    /// Each node's output dimensions (the output the node is).
    pub outputs: Vec<Vec<u32>>,
}

/// Infers the shapes of every node of a program whose state entries (in
/// name order) have shapes `state` and whose batch tensors have shapes
/// `batch`, and checks that the program's tail produces the next state in
/// the same shapes, so the same shapes hold at every step. The error names
/// the first node that does not fit (the program's length for the tail).
pub fn infer(nodes: &[Node], state: &[Vec<u32>], batch: &[Vec<u32>]) -> Result<ProgramShapes, (u32, ExecError)> {
    let mut shapes =
        ProgramShapes { inputs: Vec::with_capacity(nodes.len()), outputs: Vec::with_capacity(nodes.len()) };
    for (i, node) in nodes.iter().enumerate() {
        let err = |e| (i as u32, e);
        if !node.well_formed(i as u32) {
            return Err(err(ExecError::Arity));
        }
        let dims: Vec<Vec<u32>> = node
            .inputs
            .as_slice()
            .iter()
            .map(|s| match *s {
                Source::Node(j) => shapes.outputs.get(j as usize).cloned(),
                Source::State(e) => state.get(e as usize).cloned(),
                Source::Batch(b) => batch.get(b as usize).cloned(),
            })
            .collect::<Option<_>>()
            .ok_or(err(ExecError::Arity))?;
        let refs: Vec<&[u32]> = dims.iter().map(Vec::as_slice).collect();
        let mut outs = output_dims(&node.op, &refs).map_err(err)?;
        let out = outs.get_mut(node.output as usize).ok_or(err(ExecError::NoSuchOutput))?;
        shapes.outputs.push(core::mem::take(out));
        shapes.inputs.push(dims);
    }
    let tail = shapes.outputs.len().checked_sub(state.len()).filter(|_| !state.is_empty());
    match tail {
        Some(t) if shapes.outputs[t..] == *state => Ok(shapes),
        _ => Err((nodes.len() as u32, ExecError::Shape)),
    }
}

/// The leaf of node `index`'s shapes (its inputs', then its output's) in a
/// program's shape tree: the chain builds that tree at submission from
/// shapes it inferred itself, so a party's claim about a shape is checked
/// against it.
pub fn shape_leaf(index: u32, inputs: &[Vec<u32>], output: &[u32]) -> Hash {
    let mut leaf = Leaf::new(b"shape").u32(index).u32(inputs.len() as u32);
    for dims in inputs.iter().map(Vec::as_slice).chain([output]) {
        leaf = leaf.u32(dims.len() as u32);
        for d in dims {
            leaf = leaf.u32(*d);
        }
    }
    leaf.finish()
}

impl ProgramShapes {
    /// Every node's shape leaf, in order.
    pub fn leaves(&self) -> Vec<Hash> {
        self.inputs
            .iter()
            .zip(&self.outputs)
            .enumerate()
            .map(|(i, (ins, out))| shape_leaf(i as u32, ins, out))
            .collect()
    }
}

/// The leaf of state entry `index` (`name`, `dims`) in a task's state-shape
/// tree: the shapes every state of the task must have, against which an
/// opened checkpoint's entry is checked.
pub fn entry_shape_leaf(index: u32, name: &[u8], dims: &[u32]) -> Hash {
    let mut leaf = Leaf::new(b"entry-shape").u32(index).u32(name.len() as u32).bytes(name).u32(dims.len() as u32);
    for d in dims {
        leaf = leaf.u32(*d);
    }
    leaf.finish()
}
