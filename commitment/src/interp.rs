//! Running a program step by step on the reference operators: what a
//! verifier replays and what a party in a dispute answers moves from.
//!
//! The trainer computes the same values with its fast paths; this
//! interpreter is the slow, obviously-canonical route, and it builds every
//! tree a dispute asks for (trace, state entries, step and checkpoint trees).

use crate::{
    data::Batch,
    exec::{execute, Ctx, ExecError},
    hash::Hash,
    merkle::{self, Tree},
    state::{self, StateCommitment, StepRecord},
    tensor::Tensor,
    trace::{node_leaf, trace_leaf, Node, Source},
};
use alloc::vec::Vec;

/// A per-step program: nodes in execution order. Its last `state_len`
/// nodes produce the next state's entries, in name order.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    /// The nodes.
    pub nodes: Vec<Node>,
}

impl Program {
    /// The program tree.
    pub fn tree(&self) -> Tree {
        let leaves: Vec<Hash> = self.nodes.iter().enumerate().map(|(i, n)| node_leaf(i as u32, n)).collect();
        Tree::new(&leaves)
    }
    /// Nodes.
    pub fn len(&self) -> u32 {
        self.nodes.len() as u32
    }
    /// True if there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

/// A training state: entries in ascending name order.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedState {
    /// Steps taken so far.
    pub step: u32,
    /// `(name, tensor)`, ascending by name.
    pub entries: Vec<(Vec<u8>, Tensor)>,
}

impl NamedState {
    /// The state's commitment (entry tree and hash).
    pub fn commit(&self) -> StateCommitment {
        StateCommitment::new(self.step, self.entries.iter().map(|(n, t)| (n.as_slice(), t.hash())))
    }
}

/// Everything one executed step commits to.
#[derive(Clone)]
pub struct StepRun {
    /// Every node's output.
    pub outputs: Vec<Tensor>,
    /// The trace tree (program nodes, then the state after).
    pub trace: Tree,
    /// The state after the step.
    pub after: NamedState,
    /// The step's record.
    pub record: StepRecord,
}

/// Why a step could not run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunError {
    /// Node `0` failed.
    Node(u32, ExecError),
    /// Node `0` reads a source that does not exist.
    Source(u32),
    /// The program's tail does not cover the state.
    StateLayout,
}

/// A hook that may change node `i`'s output as it is produced (a faulty or
/// cheating party in tests and simulations).
pub type Tamper<'a> = &'a mut dyn FnMut(u32, &mut Tensor);

/// Runs one step of `program` from `before` on `batch`. `tamper`, if given,
/// may change any node's output as it is produced (a faulty or cheating
/// party); later nodes then consume the changed value.
pub fn run_step(
    program: &Program,
    before: &NamedState,
    batch: &Batch,
    tamper: Option<Tamper<'_>>,
) -> Result<StepRun, RunError> {
    run_step_on(program, before, None, batch, tamper, 1)
}

/// [`run_step`] with the fast paths on `threads` threads (std builds; the
/// result is the same to the bit), and `before_hash` if the caller already
/// knows `before.commit().hash` (the previous step's `record.after`).
pub fn run_step_on(
    program: &Program,
    before: &NamedState,
    before_hash: Option<Hash>,
    batch: &Batch,
    tamper: Option<Tamper<'_>>,
    threads: u32,
) -> Result<StepRun, RunError> {
    let outputs = execute_nodes(program, before, batch, tamper, threads)?;
    let e = before.entries.len();
    let tail = &outputs[outputs.len() - e..];
    let after = NamedState {
        step: before.step + 1,
        entries: before.entries.iter().zip(tail).map(|((n, _), t)| (n.clone(), t.clone())).collect(),
    };
    let (trace, record) = commit_step(program, before, before_hash, batch, &outputs, threads);
    Ok(StepRun { outputs, trace, after, record })
}

/// What a trainer keeps of a step: the state after (the program's tail,
/// moved, not copied), the record, and the other nodes' outputs.
pub struct LeanStep {
    /// The outputs of the nodes before the state tail (node `i` at `i`).
    pub outputs: Vec<Tensor>,
    /// The state after the step.
    pub after: NamedState,
    /// The step's record.
    pub record: StepRecord,
}

/// [`run_step_on`] without a tamper hook, for a trainer: the same record
/// and state after, without copying the state out of the outputs or
/// keeping the trace tree (the record holds its root).
pub fn run_step_lean(
    program: &Program,
    before: &NamedState,
    before_hash: Option<Hash>,
    batch: &Batch,
    threads: u32,
) -> Result<LeanStep, RunError> {
    let mut outputs = execute_nodes(program, before, batch, None, threads)?;
    let (_, record) = commit_step(program, before, before_hash, batch, &outputs, threads);
    let tail = outputs.split_off(outputs.len() - before.entries.len());
    let after = NamedState {
        step: before.step + 1,
        entries: before.entries.iter().zip(tail).map(|((n, _), t)| (n.clone(), t)).collect(),
    };
    Ok(LeanStep { outputs, after, record })
}

/// Every node's output, in order; the program's tail is checked to cover
/// the state. A multi-output operator appears once per output in a
/// program, usually as consecutive nodes on the same inputs: it runs once
/// for them (what AdamW costs a step, a third), the same bits.
fn execute_nodes(
    program: &Program,
    before: &NamedState,
    batch: &Batch,
    mut tamper: Option<Tamper<'_>>,
    threads: u32,
) -> Result<Vec<Tensor>, RunError> {
    let ctx = Ctx { step: before.step, threads };
    let mut outputs: Vec<Tensor> = Vec::with_capacity(program.nodes.len());
    // The previous node's operator's outputs not yet taken. Sound to reuse
    // for a node with the same operator and sources: a node never reads
    // itself, so those sources cannot include the previous node's output
    // (nor see a tamper of it).
    let mut spare: Vec<Option<Tensor>> = Vec::new();
    let mut prev: Option<&Node> = None;
    for (i, node) in program.nodes.iter().enumerate() {
        let i = i as u32;
        let same = prev.is_some_and(|p| p.op == node.op && p.inputs == node.inputs);
        let reused = if same { spare.get_mut(node.output as usize).and_then(Option::take) } else { None };
        let mut out = match reused {
            Some(out) => out,
            None => {
                let mut inputs = Vec::with_capacity(node.inputs.as_slice().len());
                for s in node.inputs.as_slice() {
                    let t = match *s {
                        Source::Node(j) if j < i => outputs.get(j as usize),
                        Source::State(e) => before.entries.get(e as usize).map(|(_, t)| t),
                        Source::Batch(b) => batch.tensors.get(b as usize),
                        _ => None,
                    };
                    inputs.push(t.ok_or(RunError::Source(i))?);
                }
                let outs = execute(&node.op, &ctx, &inputs).map_err(|e| RunError::Node(i, e))?;
                spare = outs.into_iter().map(Some).collect();
                spare
                    .get_mut(node.output as usize)
                    .and_then(Option::take)
                    .ok_or(RunError::Node(i, ExecError::NoSuchOutput))?
            }
        };
        prev = Some(node);
        if let Some(f) = tamper.as_mut() {
            f(i, &mut out);
        }
        outputs.push(out);
    }
    let e = before.entries.len();
    if e == 0 || e > outputs.len() {
        return Err(RunError::StateLayout);
    }
    Ok(outputs)
}

/// The trace and the record of a step whose node outputs are `outputs`
/// (the state after is their tail). Each output is hashed once: the state
/// after's entries' hashes are the tail's.
fn commit_step(
    program: &Program,
    before: &NamedState,
    before_hash: Option<Hash>,
    batch: &Batch,
    outputs: &[Tensor],
    threads: u32,
) -> (Tree, StepRecord) {
    let e = before.entries.len();
    let hashes: Vec<Hash> = outputs.iter().map(|t| tensor_hash(t, threads)).collect();
    let before_hash = match before_hash {
        Some(h) => h,
        None => {
            StateCommitment::new(
                before.step,
                before.entries.iter().map(|(n, t)| (n.as_slice(), tensor_hash(t, threads))),
            )
            .hash
        }
    };
    let after_hash = StateCommitment::new(
        before.step + 1,
        before.entries.iter().zip(&hashes[hashes.len() - e..]).map(|((n, _), h)| (n.as_slice(), *h)),
    )
    .hash;
    let mut leaves: Vec<Hash> = hashes.iter().enumerate().map(|(i, h)| trace_leaf(i as u32, h)).collect();
    leaves.push(trace_leaf(program.len(), &after_hash));
    let trace = Tree::new(&leaves);
    let record = StepRecord {
        step: before.step,
        before: before_hash,
        batch: batch.root,
        trace_root: trace.root(),
        trace_len: trace.len(),
        after: after_hash,
    };
    (trace, record)
}

/// A tensor's hash, its tiles on `threads` threads where std has them.
fn tensor_hash(t: &Tensor, threads: u32) -> Hash {
    #[cfg(feature = "std")]
    return crate::tensor::hash_parallel(&t.dims, &t.values, threads as usize);
    #[cfg(not(feature = "std"))]
    {
        let _ = threads;
        t.hash()
    }
}

/// A whole run's commitments: every step's record, every state, and the
/// checkpoint and step trees.
pub struct RunCommitment {
    /// States after steps 0..=steps (index = step).
    pub states: Vec<NamedState>,
    /// One record per step.
    pub records: Vec<StepRecord>,
    /// Checkpoint tree (states at 0, k, 2k, …, steps).
    pub checkpoints: Tree,
    /// Step tree.
    pub steps: Tree,
}

impl RunCommitment {
    /// The state hash at checkpoint `i`.
    pub fn checkpoint_state(&self, i: u32, every: u32) -> Hash {
        let step = (i * every).min(self.records.len() as u32);
        self.states[step as usize].commit().hash
    }
}

/// Runs `steps` steps with `batch_of(step)` and commits to them, with
/// checkpoints every `every` steps. `tamper(step, node, output)` as in
/// [`run_step`].
pub fn run(
    program: &Program,
    initial: NamedState,
    steps: u32,
    every: u32,
    batch_of: &dyn Fn(u32) -> Batch,
    tamper: &mut dyn FnMut(u32, u32, &mut Tensor),
) -> Result<RunCommitment, RunError> {
    let mut states = alloc::vec![initial];
    let mut records = Vec::new();
    for s in 0..steps {
        let before = states.last().expect("initial state").clone();
        let mut f = |node: u32, t: &mut Tensor| tamper(s, node, t);
        let r = run_step(program, &before, &batch_of(s), Some(&mut f))?;
        records.push(r.record);
        states.push(r.after);
    }
    let mut cps = Vec::new();
    let mut i = 0u32;
    loop {
        let step = (i * every).min(steps);
        cps.push(state::checkpoint_leaf(i, &states[step as usize].commit().hash));
        if step == steps {
            break;
        }
        i += 1;
    }
    let step_leaves: Vec<Hash> = records.iter().map(|r| r.leaf()).collect();
    Ok(RunCommitment { states, records, checkpoints: Tree::new(&cps), steps: Tree::new(&step_leaves) })
}

/// Root of a tree over `leaves` (re-export for callers building witnesses).
pub fn root(leaves: &[Hash]) -> Hash {
    merkle::root(leaves)
}
