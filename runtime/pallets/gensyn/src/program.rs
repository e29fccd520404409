//! What the chain checks of a task's program before accepting it.
//!
//! A dispute ends in the chain recomputing one output tile of one node, in
//! one block. A program with a node whose tile could not be recomputed
//! within the block's weight and length would be a free place to cheat: a
//! solver that lies there could never be convicted. So `submit_task`
//! carries the program's nodes and the initial state's shapes
//! ([`Manifest`]), the chain proves them against the spec's `program_root`
//! and `model_hash`, infers every node's shapes, bounds every node's worst
//! tile ([`gensyn_commitment::tile::worst_case`]; for a long reduction whose
//! tile does not fit, the worst leaf of its game,
//! [`gensyn_commitment::reduction::worst_leaf`]) and refuses the task if any
//! bound exceeds what arbitration may use. The inferred output shapes are
//! kept as a Merkle root, against which a party's opening of its output is
//! later checked.

use crate::{dispute::BATCH_ROW_WORK, *};
use alloc::vec::Vec;
use gensyn_commitment::{
    data,
    exec::ExecError,
    merkle, reduction, shape, state,
    tensor::{self, TILE},
    tile,
    trace::{node_leaf, Node, Source},
};
use polkadot_sdk::{frame_support::dispatch::DispatchClass, frame_support::pallet_prelude::*, frame_system};

/// Encoded bytes of an arbitration witness beside its opened tiles: the
/// call, the node and its proof, the source proofs, the signature.
const WITNESS_OVERHEAD: u64 = 64 * 1024;

/// Bytes one opened tile of a tensor of `tiles` tiles takes in a witness:
/// its values, its index and its Merkle proof.
fn tile_bytes(tiles: u32) -> u64 {
    4 * TILE as u64 + 8 + 32 * merkle::depth(tiles) as u64
}

/// The worst a node's arbitration costs: work, and witness bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NodeCost {
    /// Work units ([`gensyn_commitment::exec::work`]'s).
    pub work: u64,
    /// Encoded bytes of its witness.
    pub bytes: u64,
}

/// The cost of a witness opening `bound`'s tiles of inputs of `dims`
/// (each proof as deep as the largest input's), plus `extra` bytes.
fn opened(bound: tile::Bound, dims: &[&[u32]], extra: u64) -> NodeCost {
    let deepest = dims.iter().map(|d| tensor::tile_count(d)).max().unwrap_or(0);
    NodeCost { work: bound.work, bytes: bound.tiles.saturating_mul(tile_bytes(deepest)).saturating_add(extra) }
}

/// Adds what proving `node`'s batch inputs costs: every example of the
/// batch, hashed and placed by the order.
fn with_batch(mut cost: NodeCost, node: &Node, batch: u32, example_len: u32) -> NodeCost {
    for s in node.inputs.as_slice() {
        if matches!(s, Source::Batch(_)) {
            let values = (batch as u64).saturating_mul(example_len as u64);
            cost.work = cost.work.saturating_add((batch as u64).saturating_mul(BATCH_ROW_WORK) + values * 16);
            cost.bytes = cost.bytes.saturating_add(values.saturating_mul(4) + batch as u64 * 8);
        }
    }
    cost
}

/// The worst case of arbitrating one whole output tile of `node` on inputs
/// of `dims` (its batch inputs proven by `batch` examples of `example_len`
/// values).
pub fn tile_cost(node: &Node, dims: &[Vec<u32>], batch: u32, example_len: u32) -> Result<NodeCost, ExecError> {
    let refs: Vec<&[u32]> = dims.iter().map(Vec::as_slice).collect();
    let bound = tile::worst_case(&node.op, &refs, node.output)?;
    Ok(with_batch(opened(bound, &refs, 0), node, batch, example_len))
}

/// The worst leaf of `node`'s reduction game (its inputs' tiles for one
/// run of the axis, and the accumulator it continues from).
pub fn leaf_cost(node: &Node, dims: &[Vec<u32>], batch: u32, example_len: u32) -> Result<NodeCost, ExecError> {
    let refs: Vec<&[u32]> = dims.iter().map(Vec::as_slice).collect();
    let bound = reduction::worst_leaf(&node.op, &refs, node.output)?;
    Ok(with_batch(opened(bound, &refs, 4 * TILE as u64), node, batch, example_len))
}

impl<T: Config> Pallet<T> {
    /// Most bytes an arbitration witness may take: a normal extrinsic's
    /// share of the block, less the rest of the call.
    pub fn max_witness_bytes() -> u64 {
        let len = <T as frame_system::Config>::BlockLength::get();
        (*len.max.get(DispatchClass::Normal) as u64).saturating_sub(WITNESS_OVERHEAD)
    }

    /// Whether one arbitration of this cost fits a block.
    pub fn fits(cost: &NodeCost) -> bool {
        cost.work <= T::MaxArbitrationWork::get() && cost.bytes <= Self::max_witness_bytes()
    }

    /// The reduction game a disputed tile of `node` is played down by: its
    /// reduction, when its whole tile would not fit one arbitration.
    pub fn reduce_game(
        node: &Node,
        dims: &[Vec<u32>],
        batch: u32,
        example_len: u32,
    ) -> Result<Option<reduction::Reduction>, ExecError> {
        let refs: Vec<&[u32]> = dims.iter().map(Vec::as_slice).collect();
        if Self::fits(&tile_cost(node, dims, batch, example_len)?) {
            return Ok(None);
        }
        reduction::reduction(&node.op, &refs, node.output)
    }

    /// The worst arbitration a disputed tile of `node` ends in: the whole
    /// tile, or its reduction game's worst leaf.
    pub fn arbitration_cost(
        node: &Node,
        dims: &[Vec<u32>],
        batch: u32,
        example_len: u32,
    ) -> Result<NodeCost, ExecError> {
        match Self::reduce_game(node, dims, batch, example_len)? {
            Some(_) => leaf_cost(node, dims, batch, example_len),
            None => tile_cost(node, dims, batch, example_len),
        }
    }

    /// Checks `manifest` against `spec` and that every node of its program
    /// can be arbitrated; returns the root of the node-shape tree and the
    /// root and size of the state-shape tree.
    pub(crate) fn check_program(spec: &TaskSpec, manifest: &ManifestOf<T>) -> Result<(Hash, Hash, u32), DispatchError> {
        // The nodes are the committed program.
        ensure!(manifest.nodes.len() as u32 == spec.program_len, Error::<T>::InvalidManifest);
        let leaves: Vec<Hash> = manifest.nodes.iter().enumerate().map(|(i, n)| node_leaf(i as u32, n)).collect();
        ensure!(merkle::root(&leaves) == spec.program_root, Error::<T>::InvalidManifest);
        // The state's shapes are the committed initial model's.
        let mut entries = Vec::with_capacity(manifest.state.len());
        let mut state_dims = Vec::with_capacity(manifest.state.len());
        for e in manifest.state.iter() {
            let h = tensor::hash_from_tile_root(&e.dims, &e.tiles_root);
            entries.push(state::entry_leaf(&e.name, &h));
            state_dims.push(e.dims.to_vec());
        }
        ensure!(
            !entries.is_empty()
                && state::hash_from_root(0, entries.len() as u32, &merkle::root(&entries)) == spec.model_hash,
            Error::<T>::InvalidManifest
        );
        let batch =
            data::batch_dims(spec.data_kind, spec.order.batch, spec.example_len).ok_or(Error::<T>::InvalidManifest)?;
        let shapes = shape::infer(&manifest.nodes, &state_dims, &batch).map_err(|_| Error::<T>::InvalidManifest)?;
        for (node, dims) in manifest.nodes.iter().zip(&shapes.inputs) {
            let cost = Self::arbitration_cost(node, dims, spec.order.batch, spec.example_len)
                .map_err(|_| Error::<T>::InvalidManifest)?;
            ensure!(Self::fits(&cost), Error::<T>::Unarbitrable);
        }
        let state_shapes: Vec<Hash> = manifest
            .state
            .iter()
            .enumerate()
            .map(|(i, e)| shape::entry_shape_leaf(i as u32, &e.name, &e.dims))
            .collect();
        Ok((merkle::root(&shapes.leaves()), merkle::root(&state_shapes), state_shapes.len() as u32))
    }
}
