//! How a party plays a game: the next move of a dispute's current stage,
//! computed from the party's own run and the round stored on chain.
//!
//! One definition serves every client: the CLI's agents and `gensyn
//! arbitrate` (over the trainer's runs), the pallet's tests and the
//! simulator (over the harness's toy runs). Each move depends only on the
//! mover's run and the stored round, never on the other party's move in the
//! same round (`docs/protocol.md`, "Window sizing"), so both parties can
//! compute theirs at once.

use crate::{
    Call, Config, DisputeOf, EntryOpening, ExampleWitness, InputWitness, MisshapenProof, NodeShape, OutputOpening,
    Pallet, ReduceRound, SourceProof, Stage, TaskSpec, Witness, WitnessOf,
};
use gensyn_commitment::{
    data::Batch,
    interp::{NamedState, Program, StepRun},
    merkle::{Proof, Tree},
    reduction,
    tensor::{self, Layout, Tensor},
    tile::{self, Partial},
    trace::{Op, Source},
    Hash,
};
use polkadot_sdk::frame_support::BoundedVec;

/// A batch's examples, `(label, features)` in row order.
pub type Examples = Vec<(u32, Vec<f32>)>;

/// One party's run of a task, as far as a game asks about it. A faulty run
/// answers with its faults: the game is what convicts them.
pub trait Run {
    /// The task's per-step program.
    fn program(&self) -> &Program;
    /// The task's on-chain spec (its order, data kind and example length).
    fn task_spec(&self) -> TaskSpec;
    /// The initial state's entry dimensions, in name order (the manifest's).
    fn state_dims(&self) -> Vec<Vec<u32>>;
    /// The hash of the state this party holds after `step` steps.
    fn state_hash(&self, step: u32) -> Hash;
    /// The state this party holds after `step` steps.
    fn state(&self, step: u32) -> NamedState;
    /// This party's execution of `step` from its state: outputs, trace, record.
    fn step_run(&self, step: u32) -> StepRun;
    /// The batch this party trained `step` on.
    fn batch(&self, step: u32) -> Batch;
    /// The examples of that batch, in row order.
    fn examples(&self, step: u32) -> Examples;
    /// The tree over those examples (its record's `batch`).
    fn batch_tree(&self, step: u32) -> Tree {
        let ex = self.examples(step);
        let rows: Vec<(u32, &[f32])> = ex.iter().map(|(l, f)| (*l, f.as_slice())).collect();
        Tree::new(&gensyn_commitment::data::batch_leaves(&self.task_spec().order, step, &rows))
    }
    /// The proof of `step`'s record in this party's committed step tree
    /// (only the defender's record is proven; a challenger returns none).
    fn step_proof(&self, step: u32) -> Option<Proof>;
    /// Dataset example `index` with its proof against the dataset root.
    fn dataset_example(&self, index: u32) -> (u32, Vec<f32>, Proof);
}

/// Whether the side that moves (`defender` or not) has already moved.
fn moved<A>(defender: bool, a: &Option<A>, b: &Option<A>) -> bool {
    if defender {
        a.is_some()
    } else {
        b.is_some()
    }
}

/// The move `run`'s party (the defender, or the challenger) owes in `d`'s
/// current stage, or the arbitration it may request; `None` when it has
/// nothing to do (it moved already, it waits for the other's opening, or
/// the game is over).
pub fn next_move<T: Config>(id: crate::DisputeId, d: &DisputeOf<T>, defender: bool, run: &impl Run) -> Option<Call<T>> {
    let dispute = id;
    Some(match &d.stage {
        Stage::Steps { round, defender_mid, challenger_mid } => {
            if moved(defender, defender_mid, challenger_mid) {
                return None;
            }
            Call::bisect { dispute, round: *round, mid: run.state_hash(round.lo + round.len / 2) }
        }
        Stage::Records { round, defender: dr, challenger: cr } => {
            if moved(defender, dr, cr) {
                return None;
            }
            let r = run.step_run(round.lo);
            let proof = if defender { run.step_proof(round.lo).unwrap_or_default() } else { Proof::default() };
            let after_proof = r.trace.proof(r.trace.len() - 1).unwrap_or_default();
            Call::open_record { dispute, record: r.record, proof, after_proof }
        }
        Stage::Ops { step, round, defender_children: a, challenger_children: b, .. } => {
            if moved(defender, a, b) {
                return None;
            }
            let kids = run.step_run(*step).trace.children(round.at.level, round.at.index);
            Call::reveal_children { dispute, round: *round, children: kids.unwrap_or_default() }
        }
        Stage::Examples { step, round, defender_children: a, challenger_children: b, .. } => {
            if moved(defender, a, b) {
                return None;
            }
            let kids = run.batch_tree(*step).children(round.at.level, round.at.index);
            Call::reveal_children { dispute, round: *round, children: kids.unwrap_or_default() }
        }
        Stage::Example { step, row, .. } => {
            let index = run.task_spec().order.row(*step, *row);
            let (label, features, proof) = run.dataset_example(index);
            let features = BoundedVec::truncate_from(features.iter().map(|v| v.to_bits()).collect());
            Call::arbitrate { dispute, witness: Witness::Example { label, features, proof } }
        }
        Stage::Tiles { step, node, round, defender_children: a, challenger_children: b, .. } => {
            if moved(defender, a, b) {
                return None;
            }
            let out = &run.step_run(*step).outputs[*node as usize];
            let kids = tensor::tile_tree(&out.dims, &out.values).children(round.at.level, round.at.index);
            Call::reveal_children { dispute, round: *round, children: kids.unwrap_or_default() }
        }
        Stage::Arbitration { step, node, tile, outputs, .. } => {
            let (step, node) = (*step, *node);
            let program = run.program();
            let r = run.step_run(step);
            if tile.is_none() && node < program.len() {
                let n = &program.nodes[node as usize];
                let out = &r.outputs[node as usize];
                // Every output of several tiles is narrowed to one, and a
                // long reduction's one tile is reduced: each party opens its
                // output first.
                let shape = node_shape(run, node);
                let dims: Vec<Vec<u32>> = shape.inputs.iter().map(|d| d.to_vec()).collect();
                let spec = run.task_spec();
                let reduces =
                    Pallet::<T>::reduce_game(n, &dims, spec.order.batch, spec.example_len).ok().flatten().is_some();
                if tensor::tile_count(&out.dims) > 1 || reduces {
                    if moved(defender, &outputs[0], &outputs[1]) {
                        return None;
                    }
                    let node_proof = program.tree().proof(node).unwrap_or_default();
                    return Some(Call::open_output {
                        dispute,
                        node: n.clone(),
                        node_proof,
                        shape,
                        opening: opening(out),
                    });
                }
            }
            Call::arbitrate { dispute, witness: witness::<T>(run, &r, step, node, *tile) }
        }
        Stage::Reduce { step, node, tile, mode, round, defender_partials: a, challenger_partials: b, .. } => {
            if moved(defender, a, b) {
                return None;
            }
            let (lo, len) = (round.lo, round.len);
            let hash = |r: core::ops::Range<u32>| tensor::tile_leaf(&partial(run, *step, *node, *tile, r));
            let partials = match mode {
                reduction::Mode::Fold => (hash(0..lo + len / 2), [0; 32]),
                reduction::Mode::Tree => {
                    let l = reduction::left_len(len);
                    (hash(lo..lo + l), hash(lo + l..lo + len))
                }
            };
            Call::reveal_partials { dispute, round: *round, partials }
        }
        Stage::ReduceLeaf { step, node, tile, round, addition, .. } => Call::arbitrate {
            dispute,
            witness: leaf_witness::<T>(run, *step, *node, *tile, *round, addition.is_some()),
        },
        Stage::Resolved { .. } => return None,
    })
}

/// Whether `call` is an arbitration (anyone may make it, and it ends the game).
pub fn is_arbitration<T: Config>(call: &Call<T>) -> bool {
    matches!(call, Call::arbitrate { .. })
}

/// The arbitration witness for `node` (or one tile of it) at `step` from
/// `party`'s run (`run` is its [`Run::step_run`] of `step`).
pub fn witness<T: Config>(party: &impl Run, run: &StepRun, step: u32, node: u32, tile: Option<u32>) -> WitnessOf<T> {
    let before = party.state(step);
    let before_c = before.commit();
    let program = party.program();
    let program_len = program.len();
    if node == program_len {
        let e = before.entries.len() as u32;
        let entries = before
            .entries
            .iter()
            .enumerate()
            .map(|(i, (name, t))| {
                let producer = program_len - e + i as u32;
                crate::EntryWitness {
                    name: BoundedVec::truncate_from(name.clone()),
                    before: t.hash(),
                    before_proof: before_c.tree.proof(i as u32).unwrap_or_default(),
                    after: run.outputs[producer as usize].hash(),
                    after_proof: run.trace.proof(producer).unwrap_or_default(),
                }
            })
            .collect::<Vec<_>>();
        return Witness::Assembly { entries_root: before_c.tree.root(), entries: BoundedVec::truncate_from(entries) };
    }
    let n = program.nodes[node as usize].clone();
    let sourced = node_inputs(party, run, step, node);
    let tensors: Vec<Tensor> = sourced.iter().map(|(t, _)| t.clone()).collect();
    let reads = tile_reads(&n.op, n.output, &tensors, tile);
    let inputs = sourced.into_iter().zip(reads).map(|((t, proof), which)| InputWitness::open(&t, &which, proof));
    Witness::Node {
        node: n,
        node_proof: program.tree().proof(node).unwrap_or_default(),
        inputs: BoundedVec::truncate_from(inputs.collect::<Vec<_>>()),
    }
}

/// Node `node`'s inputs at `step` in `party`'s run, each with the proof of
/// where it comes from.
pub fn node_inputs(party: &impl Run, run: &StepRun, step: u32, node: u32) -> Vec<(Tensor, SourceProof)> {
    let before = party.state(step);
    let before_c = before.commit();
    let n = &party.program().nodes[node as usize];
    let batch = party.batch(step);
    n.inputs
        .as_slice()
        .iter()
        .map(|s| match *s {
            Source::Node(j) => {
                (run.outputs[j as usize].clone(), SourceProof::Node { proof: run.trace.proof(j).unwrap_or_default() })
            }
            Source::State(e) => {
                let (name, t) = &before.entries[e as usize];
                (t.clone(), SourceProof::state(name, &before_c.tree, e))
            }
            Source::Batch(b) => (
                batch.tensors[b as usize].clone(),
                SourceProof::Batch {
                    examples: BoundedVec::truncate_from(
                        party.examples(step).iter().map(|(l, f)| example_witness(*l, f)).collect::<Vec<_>>(),
                    ),
                },
            ),
        })
        .collect()
}

/// A witness row of a dataset example.
pub fn example_witness(label: u32, features: &[f32]) -> ExampleWitness {
    ExampleWitness { label, features: BoundedVec::truncate_from(features.iter().map(|v| v.to_bits()).collect()) }
}

/// `party`'s partial result over `range` of the axis of tile `tile` of
/// `node`'s output at `step`: the fold's accumulator after `range` from
/// its start (`range` from 0), or the tree's node over `range`.
pub fn partial(party: &impl Run, step: u32, node: u32, tile: u32, range: core::ops::Range<u32>) -> Vec<f32> {
    let run = party.step_run(step);
    let n = &party.program().nodes[node as usize];
    let parts: Vec<Partial> = node_inputs(party, &run, step, node).iter().map(|(t, _)| Partial::whole(t)).collect();
    let refs: Vec<&Partial> = parts.iter().collect();
    let out = &run.outputs[node as usize];
    let len = Layout::of(&out.dims).map(|l| l.tile_len(tile)).unwrap_or(0);
    let start = vec![reduction::start(&n.op); len];
    reduction::leaf(&n.op, &refs, n.output, tile, range, &start).unwrap_or_default()
}

/// The witness of a reduction game's final round, from `party`'s run.
pub fn leaf_witness<T: Config>(
    party: &impl Run,
    step: u32,
    node: u32,
    tile: u32,
    round: ReduceRound,
    addition: bool,
) -> WitnessOf<T> {
    let bits = |v: Vec<f32>| BoundedVec::truncate_from(v.iter().map(|x| x.to_bits()).collect::<Vec<u32>>());
    let (lo, len) = (round.lo, round.len);
    if addition {
        let l = reduction::left_len(len);
        return Witness::Addition {
            left: bits(partial(party, step, node, tile, lo..lo + l)),
            right: bits(partial(party, step, node, tile, lo + l..lo + len)),
        };
    }
    let run = party.step_run(step);
    let n = party.program().nodes[node as usize].clone();
    let sourced = node_inputs(party, &run, step, node);
    let dims: Vec<&[u32]> = sourced.iter().map(|(t, _)| t.dims.as_slice()).collect();
    let inputs: Vec<InputWitness> = sourced
        .iter()
        .enumerate()
        .map(|(i, (t, proof))| {
            let which = reduction::leaf_reads(&n.op, &dims, n.output, tile, lo..lo + len, i).unwrap_or_default();
            InputWitness::open(t, &which, proof.clone())
        })
        .collect();
    let acc = match reduction::reduction(&n.op, &dims, n.output).ok().flatten().map(|r| r.mode) {
        Some(reduction::Mode::Fold) => partial(party, step, node, tile, 0..lo),
        _ => Vec::new(),
    };
    Witness::Leaf {
        node_proof: party.program().tree().proof(node).unwrap_or_default(),
        node: n,
        inputs: BoundedVec::truncate_from(inputs),
        acc: bits(acc),
    }
}

/// The tiles of each of `inputs` that arbitrating `tile` of `op`'s output
/// reads (every tile for the whole operator; the one tile of a one-tile
/// output otherwise).
pub fn tile_reads(op: &Op, output: u8, inputs: &[Tensor], tile: Option<u32>) -> Vec<Vec<u32>> {
    let dims: Vec<&[u32]> = inputs.iter().map(|t| t.dims.as_slice()).collect();
    let out_tiles =
        gensyn_commitment::shape::output_dims(op, &dims).map(|o| tensor::tile_count(&o[output as usize])).unwrap_or(0);
    match tile.or((out_tiles == 1).then_some(0)) {
        Some(at) => tile::reads_of(op, &inputs.iter().collect::<Vec<_>>(), output, at).unwrap_or_default(),
        None => inputs.iter().map(|t| (0..tensor::tile_count(&t.dims)).collect()).collect(),
    }
}

/// `out` as its party opens it.
pub fn opening(out: &Tensor) -> OutputOpening {
    let tree = tensor::tile_tree(&out.dims, &out.values);
    OutputOpening { dims: BoundedVec::truncate_from(out.dims.clone()), tiles: tree.len(), root: tree.root() }
}

/// Node `node`'s input shapes with their proof in the shape tree the chain
/// built for the task at submission.
pub fn node_shape(party: &impl Run, node: u32) -> NodeShape {
    let spec = party.task_spec();
    let batch =
        gensyn_commitment::data::batch_dims(spec.data_kind, spec.order.batch, spec.example_len).unwrap_or_default();
    let shapes = gensyn_commitment::shape::infer(&party.program().nodes, &party.state_dims(), &batch);
    let Ok(shapes) = shapes else { return NodeShape { inputs: Default::default(), proof: Proof::default() } };
    NodeShape {
        inputs: BoundedVec::truncate_from(
            shapes.inputs[node as usize].iter().map(|d| BoundedVec::truncate_from(d.clone())).collect::<Vec<_>>(),
        ),
        proof: Tree::new(&shapes.leaves()).proof(node).unwrap_or_default(),
    }
}

/// The proof that `state`, opened at a checkpoint whose step is `step`, is
/// not a state of the task there (`prove_misshapen`): it says another step,
/// has another number of entries, or an entry of another name or shape than
/// `shapes`, the manifest's `(name, dims)` in index order. `None` when it
/// is one.
pub fn misshapen_proof(state: &NamedState, step: u32, shapes: &[(Vec<u8>, Vec<u32>)]) -> Option<MisshapenProof> {
    let c = state.commit();
    let proof = |entry| MisshapenProof { step: state.step, entries_root: c.tree.root(), entries: c.tree.len(), entry };
    if state.step != step || state.entries.len() != shapes.len() {
        return Some(proof(None));
    }
    let i = state.entries.iter().zip(shapes).position(|((n, t), (name, dims))| n != name || t.dims != *dims)?;
    let shape_tree = Tree::new(
        &shapes
            .iter()
            .enumerate()
            .map(|(j, (n, d))| gensyn_commitment::shape::entry_shape_leaf(j as u32, n, d))
            .collect::<Vec<_>>(),
    );
    let (name, t) = &state.entries[i];
    let index = i as u32;
    Some(proof(Some((
        EntryOpening {
            index,
            name: BoundedVec::truncate_from(name.clone()),
            dims: BoundedVec::truncate_from(t.dims.clone()),
            tiles_root: tensor::tile_tree(&t.dims, &t.values).root(),
            proof: c.tree.proof(index)?,
        },
        BoundedVec::truncate_from(shapes[i].0.clone()),
        BoundedVec::truncate_from(shapes[i].1.clone()),
        shape_tree.proof(index)?,
    ))))
}
