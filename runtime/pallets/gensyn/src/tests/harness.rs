//! Test harness: a real (small) training program run through the canonical
//! interpreter, parties that answer every dispute move from their own run,
//! and helpers that walk a task through its phases.

use crate::{
    lifecycle::{check_commitment, runs, selection_alpha},
    mock::*,
    *,
};
use codec::Encode;
use gensyn_commitment::{
    data::{Batch, DataKind, Order},
    interp::{run, run_step, NamedState, Program, RunCommitment, StepRun},
    merkle::Tree,
    state,
    tensor::{self, Tensor},
    trace::{Node, Op, Schedule, Source},
};
use polkadot_sdk::{
    frame_support::{
        assert_ok,
        dispatch::DispatchResult,
        traits::{
            fungible::{Inspect, InspectHold},
            ConstU32,
        },
        BoundedVec,
    },
    sp_io::hashing::blake2_256,
};

/// The fee every test task escrows.
pub const FEE: u64 = 1_000;

fn f(v: f32) -> u32 {
    v.to_bits()
}

/// A model shape: `rows` examples of `features` inputs, `classes` outputs.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub rows: u32,
    pub features: u32,
    pub classes: u32,
    /// Logits get a bias, whose gradient is a column sum over the rows.
    pub bias: bool,
}

/// The toy shape: 4 × 2 → 2 (every tensor fits one tile).
pub const TOY: Shape = Shape { rows: 4, features: 2, classes: 2, bias: false };
/// A wider shape whose logits span four tiles (64 × 40 = 2560 values).
pub const WIDE: Shape = Shape { rows: 64, features: 8, classes: 40, bias: false };
/// A shape whose weights span four tiles (64 × 40), so its optimiser's
/// outputs are narrowed to one tile too.
pub const TALL: Shape = Shape { rows: 64, features: 64, classes: 40, bias: false };
/// The wide shape with a bias on the logits: its gradient sums 64 rows.
pub const BIASED: Shape = Shape { rows: 64, features: 8, classes: 40, bias: true };

/// One SGD step of a linear softmax classifier: logits = x·w (+ b), loss =
/// CE, dW = xᵀ·dlogits (db = Σ_rows dlogits), then the momentum update.
/// State: "v" (velocity), "w"; with a bias also "b", "bv" (first, by name).
pub fn program(s: Shape) -> Program {
    let sgd = Op::Sgd { lr: Schedule::Constant { lr: f(0.5) }, momentum: f(0.9), weight_decay: f(0.0) };
    let n = |op, out, inputs: Vec<Source>| Node::new(op, out, inputs).expect("well-formed");
    let (w, v, b, bv) = if s.bias { (3, 2, 0, 1) } else { (1, 0, 0, 0) };
    let mut nodes = vec![n(
        Op::MatMul { m: s.rows, k: s.features, n: s.classes, ta: false, tb: false },
        0,
        vec![Source::Batch(0), Source::State(w)],
    )];
    if s.bias {
        nodes.push(n(Op::BiasAdd, 0, vec![Source::Node(0), Source::State(b)]));
    }
    let logits = Source::Node(nodes.len() as u32 - 1);
    let at = nodes.len() as u32;
    nodes.extend([
        n(Op::CrossEntropy, 1, vec![logits, Source::Batch(1)]),
        n(Op::Const { value: f(1.0) }, 0, vec![]),
        n(Op::CrossEntropyGrad, 0, vec![Source::Node(at), Source::Batch(1), Source::Node(at + 1)]),
        n(
            Op::MatMul { m: s.features, k: s.rows, n: s.classes, ta: true, tb: false },
            0,
            vec![Source::Batch(0), Source::Node(at + 2)],
        ),
    ]);
    let (dlogits, dw) = (Source::Node(at + 2), Source::Node(at + 3));
    if s.bias {
        nodes.push(n(Op::BiasGrad, 0, vec![dlogits]));
        let db = Source::Node(nodes.len() as u32 - 1);
        nodes.push(n(sgd, 0, vec![Source::State(b), db, Source::State(bv)]));
        nodes.push(n(sgd, 1, vec![Source::State(b), db, Source::State(bv)]));
    }
    nodes.push(n(sgd, 1, vec![Source::State(w), dw, Source::State(v)]));
    nodes.push(n(sgd, 0, vec![Source::State(w), dw, Source::State(v)]));
    Program { nodes }
}

/// Weights drawn from a fixed formula; zero velocity.
pub fn initial_state(s: Shape) -> NamedState {
    let len = (s.features * s.classes) as usize;
    let w = (0..len).map(|i| ((i * 37 % 17) as f32 - 8.0) * 0.05).collect();
    let mut entries = Vec::new();
    if s.bias {
        let b = (0..s.classes).map(|i| (i % 7) as f32 * 0.1 - 0.3).collect();
        entries.push((b"b".to_vec(), Tensor::new(vec![s.classes], b).unwrap()));
        entries.push((b"bv".to_vec(), Tensor::new(vec![s.classes], vec![0.0; s.classes as usize]).unwrap()));
    }
    entries.push((b"v".to_vec(), Tensor::new(vec![s.features, s.classes], vec![0.0; len]).unwrap()));
    entries.push((b"w".to_vec(), Tensor::new(vec![s.features, s.classes], w).unwrap()));
    NamedState { step: 0, entries }
}

/// What `submit_task` shows of a task on `s`: the program's nodes and the
/// initial state's shapes.
pub fn manifest(s: Shape) -> ManifestOf<Test> {
    let state = initial_state(s)
        .entries
        .iter()
        .map(|(name, t)| EntryShape {
            name: BoundedVec::truncate_from(name.clone()),
            dims: BoundedVec::truncate_from(t.dims.clone()),
            tiles_root: tensor::tile_tree(&t.dims, &t.values).root(),
        })
        .collect();
    Manifest { nodes: BoundedVec::truncate_from(program(s).nodes), state: BoundedVec::truncate_from(state) }
}

/// The manifest of the shape whose program and model `spec` commits to
/// (the toy's if none: a spec that commits to neither is refused).
pub fn manifest_for(spec: &TaskSpec) -> ManifestOf<Test> {
    let fits = |s: Shape| program(s).tree().root() == spec.program_root;
    manifest([WIDE, TALL, BIASED, TOY].into_iter().find(|s| fits(*s)).unwrap_or(TOY))
}

/// The task's dataset: three batches' worth of examples `(label, features)`.
pub fn dataset(s: Shape) -> Vec<(u32, Vec<f32>)> {
    (0..3 * s.rows)
        .map(|i| {
            let f = (0..s.features).map(|j| (((i * 13 + j * 7) % 23) as f32 - 11.0) * 0.1).collect();
            (i % s.classes, f)
        })
        .collect()
}

/// The dataset's commitment.
pub fn dataset_tree(s: Shape) -> Tree {
    let leaves: Vec<Hash> =
        dataset(s).iter().enumerate().map(|(i, (l, f))| state::example_leaf(i as u32, *l, f)).collect();
    Tree::new(&leaves)
}

/// The order the task trains its examples in.
pub fn order(s: Shape) -> Order {
    Order { seed: 5, samples: 3 * s.rows, batch: s.rows }
}

/// The examples of `step`'s batch, in row order.
pub fn examples(s: Shape, step: u32) -> Vec<(u32, Vec<f32>)> {
    let data = dataset(s);
    order(s).batch_indices(step).iter().map(|&i| data[i as usize].clone()).collect()
}

pub use crate::player::Examples;

/// The batch of `step`: inputs and class targets, committed by its examples.
pub fn batch(s: Shape, step: u32) -> Batch {
    let ex = examples(s, step);
    let rows: Vec<(u32, &[f32])> = ex.iter().map(|(l, f)| (*l, f.as_slice())).collect();
    Batch::new(DataKind::Classification, &order(s), step, &rows).unwrap()
}

/// A witness row of a dataset example.
pub fn example_witness(label: u32, features: &[f32]) -> ExampleWitness {
    ExampleWitness { label, features: BoundedVec::truncate_from(features.iter().map(|v| v.to_bits()).collect()) }
}

/// A fault: flip bit `bit` of element `elem` of node `node`'s output at `step`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fault {
    pub step: u32,
    pub node: u32,
    pub elem: u32,
    pub bit: u32,
}

/// One party's view: its (possibly faulty) run of the task.
pub struct Party {
    pub shape: Shape,
    pub program: Program,
    pub steps: u32,
    pub every: u32,
    pub fault: Option<Fault>,
    /// With a fault: the bits its element is set to, instead of flipping one.
    pub value: Option<u32>,
    pub run: RunCommitment,
    /// Steps it trained on other examples than the order names (a cheat).
    pub batches: std::collections::BTreeMap<u32, (Examples, Batch)>,
    /// Steps after which it committed a state the step did not compute (a
    /// cheat), each with the leaves of the trace it doctored to end in
    /// that state.
    pub lies: std::collections::BTreeMap<u32, Vec<Hash>>,
}

impl Party {
    /// A run of `steps` steps, checkpoints every `every`, with an optional fault.
    pub fn new(shape: Shape, steps: u32, every: u32, fault: Option<Fault>) -> Self {
        Self::build(shape, steps, every, fault, None)
    }
    /// A run in which the output element `at` names is set to the value
    /// with bits `bits` (as a machine's own NaN would be), not flipped.
    pub fn with_value(shape: Shape, steps: u32, every: u32, at: Fault, bits: u32) -> Self {
        Self::build(shape, steps, every, Some(at), Some(bits))
    }
    fn build(shape: Shape, steps: u32, every: u32, fault: Option<Fault>, value: Option<u32>) -> Self {
        let program = program(shape);
        let mut tamper = |s: u32, node: u32, t: &mut Tensor| apply(fault, value, s, node, t);
        let run = run(&program, initial_state(shape), steps, every, &|s| batch(shape, s), &mut tamper)
            .expect("the toy program runs");
        Party { shape, program, steps, every, fault, value, run, batches: Default::default(), lies: Default::default() }
    }

    /// A run that trains `step` on another batch than the order names (its
    /// first row replaced by another example of the dataset) and goes on
    /// from the state that gives.
    pub fn other_batch(shape: Shape, steps: u32, every: u32, step: u32) -> Self {
        let mut p = Self::new(shape, steps, every, None);
        let mut ex = examples(shape, step);
        ex[0] = dataset(shape).into_iter().find(|e| !ex.contains(e)).expect("a dataset larger than a batch");
        let rows: Vec<(u32, &[f32])> = ex.iter().map(|(l, f)| (*l, f.as_slice())).collect();
        let b = Batch::new(DataKind::Classification, &order(shape), step, &rows).expect("a batch of the order's size");
        p.batches.insert(step, (ex, b));
        p.retrain_from(step);
        p
    }

    /// A run that computes `step` honestly but commits another state after
    /// it (every value doubled plus one), with the step's trace doctored to
    /// end in that state, and goes on training from it.
    pub fn lying_after(shape: Shape, steps: u32, every: u32, step: u32) -> Self {
        let mut p = Self::new(shape, steps, every, None);
        let honest = p.step_run(step);
        let mut fake = honest.after.clone();
        for (_, t) in fake.entries.iter_mut() {
            t.values.iter_mut().for_each(|v| *v = *v * 2.0 + 1.0);
        }
        let fake_hash = fake.commit().hash;
        let n = honest.trace.len();
        let mut leaves: Vec<Hash> = (0..n).map(|i| honest.trace.node(0, i).unwrap()).collect();
        leaves[n as usize - 1] = gensyn_commitment::trace::trace_leaf(n - 1, &fake_hash);
        let doctored = Tree::new(&leaves);
        let mut record = honest.record;
        record.after = fake_hash;
        record.trace_root = doctored.root();
        p.run.records.truncate(step as usize);
        p.run.records.push(record);
        p.run.states.truncate(step as usize + 1);
        p.run.states.push(fake);
        p.lies.insert(step, leaves);
        p.retrain_from(step + 1);
        p
    }

    /// Trains again from `from` (with this party's batches), keeping the
    /// states and records before it, and recommits.
    fn retrain_from(&mut self, from: u32) {
        self.run.states.truncate(from as usize + 1);
        self.run.records.truncate(from as usize);
        for s in from..self.steps {
            let r = run_step(&self.program, &self.run.states[s as usize], &self.batch(s), None).expect("runs");
            self.run.records.push(r.record);
            self.run.states.push(r.after);
        }
        let cps: Vec<Hash> =
            (0..=self.steps.div_ceil(self.every)).map(|i| state::checkpoint_leaf(i, &self.checkpoint(i))).collect();
        self.run.checkpoints = Tree::new(&cps);
        self.run.steps = Tree::new(&self.run.records.iter().map(|r| r.leaf()).collect::<Vec<_>>());
    }
    /// The examples this party trained `step` on.
    pub fn examples(&self, step: u32) -> Vec<(u32, Vec<f32>)> {
        self.batches.get(&step).map_or_else(|| examples(self.shape, step), |(e, _)| e.clone())
    }

    /// The batch this party trained `step` on.
    pub fn batch(&self, step: u32) -> Batch {
        self.batches.get(&step).map_or_else(|| batch(self.shape, step), |(_, b)| b.clone())
    }

    /// The tree over the examples of `step`'s batch (its record's `batch`).
    pub fn batch_tree(&self, step: u32) -> Tree {
        let ex = self.examples(step);
        let rows: Vec<(u32, &[f32])> = ex.iter().map(|(l, f)| (*l, f.as_slice())).collect();
        Tree::new(&gensyn_commitment::data::batch_leaves(&order(self.shape), step, &rows))
    }

    /// A run without a fault, a batch of its own or a lie.
    pub fn is_honest(&self) -> bool {
        self.fault.is_none() && self.batches.is_empty() && self.lies.is_empty()
    }
    /// The state hash after `step` steps.
    pub fn state(&self, step: u32) -> Hash {
        self.run.states[step as usize].commit().hash
    }
    /// Re-executes `step` (with the party's fault) for its trace and outputs.
    pub fn step_run(&self, step: u32) -> StepRun {
        let (fault, value) = (self.fault, self.value);
        let mut tamper = |node: u32, t: &mut Tensor| apply(fault, value, step, node, t);
        let mut run = run_step(&self.program, &self.run.states[step as usize], &self.batch(step), Some(&mut tamper))
            .expect("runs");
        if let Some(doctored) = self.lies.get(&step) {
            // What it committed: the lie after, the trace that ends in it.
            run.trace = Tree::new(doctored);
            run.record = self.run.records[step as usize];
            run.after = self.run.states[step as usize + 1].clone();
        }
        run
    }
    /// The task spec this run answers.
    pub fn spec(&self) -> TaskSpec {
        TaskSpec {
            spec_hash: blake2_256(b"toy task"),
            model_hash: self.state(0),
            dataset_root: dataset_tree(self.shape).root(),
            hyper_hash: blake2_256(b"toy hyper"),
            program_root: self.program.tree().root(),
            program_len: self.program.len(),
            steps: self.steps,
            checkpoint_every: self.every,
            order: order(self.shape),
            data_kind: DataKind::Classification,
            example_len: self.shape.features,
        }
    }
    /// The commitment a solver with this run posts.
    pub fn commitment(&self) -> SolverCommitment {
        SolverCommitment { checkpoint_root: self.run.checkpoints.root(), step_root: self.run.steps.root() }
    }
    /// The opening of checkpoint `i` from this run.
    pub fn opening(&self, i: u32) -> Opening {
        Opening { index: i, state: self.checkpoint(i), proof: self.run.checkpoints.proof(i).unwrap() }
    }
    /// State hash at checkpoint `i`.
    pub fn checkpoint(&self, i: u32) -> Hash {
        self.state((i * self.every).min(self.steps))
    }
}

fn apply(fault: Option<Fault>, value: Option<u32>, step: u32, node: u32, t: &mut Tensor) {
    if let Some(fl) = fault {
        if fl.step == step && fl.node == node {
            let i = fl.elem as usize % t.values.len();
            let bits = value.unwrap_or(t.values[i].to_bits() ^ (1 << (fl.bit % 32)));
            t.values[i] = f32::from_bits(bits);
        }
    }
}

/// The VRF secret key of a test account.
pub fn vrf_secret(who: u64) -> [u8; 32] {
    gensyn_vrf::dev_secret(&format!("test/{who}"))
}

/// `who`'s proof of possession of the VRF secret `sk`.
pub fn key_proof(who: u64, sk: &[u8; 32]) -> gensyn_vrf::Proof {
    gensyn_vrf::prove(sk, &crate::lifecycle::registration_alpha(&who)).expect("proves").0
}

/// Registers `who`'s keys.
pub fn register(who: u64) {
    let pk = gensyn_vrf::public_key(&vrf_secret(who)).expect("valid key");
    assert_ok!(Gensyn::register_keys(RuntimeOrigin::signed(who), pk, key_proof(who, &vrf_secret(who))));
}

/// Stakes the actors and registers their keys.
pub fn setup_roles() {
    for s in [SOLVER, SOLVER2] {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(s), Role::Solver, 1_000));
    }
    assert_ok!(Gensyn::stake(RuntimeOrigin::signed(VERIFIER), Role::Verifier, 500));
    for w in [WB1, WB2, WB3] {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(w), Role::Whistleblower, 100));
    }
    for a in [SOLVER, SOLVER2, VERIFIER, WB1, WB2, WB3] {
        register(a);
    }
}

/// Posts a task for `spec`; returns its id.
pub fn submit(spec: TaskSpec) -> TaskId {
    let id = NextTaskId::<Test>::get();
    let deadline = System::block_number() + 40;
    let manifest = manifest_for(&spec);
    assert_ok!(Gensyn::submit_task(RuntimeOrigin::signed(SUBMITTER), spec, manifest, FEE, deadline));
    id
}

/// The task.
pub fn task(id: TaskId) -> TaskOf<Test> {
    Tasks::<Test>::get(id).expect("task exists")
}

/// `who`'s VRF proof for the running draw of `id`.
pub fn proof(who: u64, id: TaskId) -> gensyn_vrf::Proof {
    let (role, seed) = match task(id).phase {
        Phase::SolverDraw { seed, .. } => (Role::Solver, seed),
        Phase::VerifierDraw { seed, .. } => (Role::Verifier, seed),
        p => panic!("no draw running: {p:?}"),
    };
    gensyn_vrf::prove(&vrf_secret(who), &selection_alpha(role, id, &seed)).expect("proves").0
}

/// Enters `who` into the running selection.
pub fn enter(who: u64, id: TaskId) {
    assert_ok!(Gensyn::enter_selection(RuntimeOrigin::signed(who), id));
}

/// Reveals `who`'s proof in the running draw.
pub fn reveal(who: u64, id: TaskId) {
    assert_ok!(Gensyn::reveal_selection(RuntimeOrigin::signed(who), id, proof(who, id)));
}

/// Advances until the task's phase is no longer the one it is in.
pub fn next_phase(id: TaskId) {
    let phase = core::mem::discriminant(&task(id).phase);
    for _ in 0..200 {
        advance(1);
        if core::mem::discriminant(&task(id).phase) != phase {
            return;
        }
    }
    panic!("task {id} stuck in {:?}", task(id).phase);
}

/// `who` enter the running selection, the draw opens, they reveal, and it closes.
pub fn select(id: TaskId, who: &[u64]) {
    for &w in who {
        enter(w, id);
    }
    next_phase(id);
    for &w in who {
        reveal(w, id);
    }
    next_phase(id);
}

/// Posts a task for `spec` and selects SOLVER: the task is training.
pub fn training(spec: TaskSpec) -> TaskId {
    let id = submit(spec);
    select(id, &[SOLVER]);
    assert_eq!(task(id).solver, Some(SOLVER));
    id
}

/// SOLVER commits `solver`'s run.
pub fn commit(id: TaskId, solver: &Party) {
    assert_ok!(Gensyn::commit(RuntimeOrigin::signed(SOLVER), id, solver.commitment(), solver.opening(0).proof));
    let all = (0..solver.spec().checkpoints()).map(|i| solver.opening(i)).collect();
    RUNS.with(|r| r.borrow_mut().insert(id, all));
}

thread_local! {
    /// The checkpoints of each task's solver run (the harness's artefact store).
    static RUNS: core::cell::RefCell<std::collections::BTreeMap<TaskId, Vec<Opening>>> = Default::default();
    /// Checks committed and not yet revealed: (task, who, ends).
    static CHECKS: core::cell::RefCell<Vec<(TaskId, u64, Vec<Hash>)>> = Default::default();
}

/// A training task whose solver commits `solver`'s run and whose verifier
/// lottery VERIFIER wins: the solver must open its checkpoints.
pub fn to_opening(solver: &Party) -> TaskId {
    let id = training(solver.spec());
    commit(id, solver);
    select(id, &[VERIFIER]);
    assert_eq!(task(id).verifier, Some(VERIFIER));
    assert!(matches!(task(id).phase, Phase::Opening { .. }));
    id
}

/// Runs a task through selection, commitment and audit draw, and opens the
/// starts: whistleblowers may commit checks.
pub fn to_verdict(solver: &Party) -> TaskId {
    let id = to_opening(solver);
    open(id, solver);
    id
}

/// The solver's openings of checkpoints `indices` in task `id`.
pub fn stored_openings(id: TaskId, indices: &[u32]) -> BoundedVec<Opening, ConstU32<MAX_OPENINGS>> {
    RUNS.with(|r| {
        let r = r.borrow();
        let all = &r[&id];
        BoundedVec::truncate_from(indices.iter().map(|&i| all[i as usize].clone()).collect::<Vec<_>>())
    })
}

/// The audited segments of `id`.
pub fn audited(id: TaskId) -> Vec<u32> {
    Audits::<Test>::get(id).unwrap().segments.iter().map(|s| s.segment).collect()
}

/// The start checkpoints of the audited runs.
pub fn starts(id: TaskId) -> Vec<u32> {
    let segs = audited(id);
    runs(&segs).iter().map(|r| segs[r.start as usize]).collect()
}

/// The end checkpoints of the audited segments and the last one, ascending.
pub fn end_indices(id: TaskId) -> Vec<u32> {
    let mut idx: Vec<u32> = audited(id).iter().map(|s| s + 1).collect();
    idx.push(task(id).spec.checkpoints() - 1);
    idx.sort();
    idx.dedup();
    idx
}

/// The openings of the audited runs' starts from `solver`'s run.
pub fn openings(id: TaskId, solver: &Party) -> BoundedVec<Opening, ConstU32<MAX_OPENINGS>> {
    BoundedVec::truncate_from(starts(id).into_iter().map(|i| solver.opening(i)).collect::<Vec<_>>())
}

/// The solver opens the audited runs' starts.
pub fn open(id: TaskId, solver: &Party) {
    assert_ok!(Gensyn::open_checkpoints(RuntimeOrigin::signed(SOLVER), id, openings(id, solver)));
}

/// The artefact store attests `commitments` available.
pub fn attest(commitments: Vec<Hash>) {
    assert_ok!(Gensyn::attest_available(RuntimeOrigin::root(), BoundedVec::truncate_from(commitments)));
}

/// The end hashes `verifier`'s run gives for the audited segments.
pub fn ends(id: TaskId, verifier: &Party) -> Vec<Hash> {
    Audits::<Test>::get(id).unwrap().segments.iter().map(|s| verifier.checkpoint(s.segment + 1)).collect()
}

/// A check's salt.
pub fn salt(who: u64) -> Hash {
    blake2_256(&(b"salt", who).encode())
}

/// `who` commits a blind check of `ends` (revealed by [`verdict`]).
pub fn check(id: TaskId, who: u64, ends: Vec<Hash>) {
    let c = check_commitment(id, &who, &ends, &salt(who));
    assert_ok!(Gensyn::commit_check(RuntimeOrigin::signed(who), id, c));
    CHECKS.with(|c| c.borrow_mut().push((id, who, ends)));
}

/// The checks closes, the verifier posts `ends`, the solver opens its
/// ends (from the run [`to_opening`] stored), and every committed check
/// is revealed: the reveal window is open.
pub fn verdict(id: TaskId, ends: Vec<Hash>) {
    if matches!(task(id).phase, Phase::Checking { .. }) {
        next_phase(id);
    }
    assert!(matches!(task(id).phase, Phase::Verdict { .. }), "{:?}", task(id).phase);
    assert_ok!(Gensyn::post_verdict(RuntimeOrigin::signed(VERIFIER), id, BoundedVec::truncate_from(ends)));
    open_ends(id);
    reveal_checks(id);
}

/// The solver opens its ends.
pub fn open_ends(id: TaskId) {
    assert_ok!(Gensyn::open_ends(RuntimeOrigin::signed(SOLVER), id, stored_openings(id, &end_indices(id))));
}

/// Every committed check of `id` is revealed.
pub fn reveal_checks(id: TaskId) {
    let mine: Vec<(TaskId, u64, Vec<Hash>)> = CHECKS.with(|c| {
        let mut c = c.borrow_mut();
        let (mine, rest) = c.drain(..).partition(|(t, _, _)| *t == id);
        *c = rest;
        mine
    });
    for (_, who, ends) in mine {
        assert_ok!(Gensyn::reveal_check(RuntimeOrigin::signed(who), id, BoundedVec::truncate_from(ends), salt(who)));
    }
}

/// Runs blocks until the task ends (its games over, any re-challenge
/// window closed), then settles every check of it.
pub fn settle(id: TaskId) {
    for _ in 0..200 {
        if matches!(task(id).phase, Phase::Finalized | Phase::Cancelled { .. }) {
            return settle_checks(id);
        }
        advance(1);
    }
    panic!("task {id} did not end: {:?}", task(id).phase);
}

/// Settles every check of a task that ended (`settle_check`, by anyone).
pub fn settle_checks(id: TaskId) {
    let who: Vec<u64> = Checks::<Test>::iter_prefix(id).map(|(w, _)| w).collect();
    for w in who {
        assert_ok!(Gensyn::settle_check(RuntimeOrigin::signed(ALICE), id, w));
    }
}

/// Lets the reveal window close: the forced-error draw, then games or settlement.
pub fn close_reveals(id: TaskId) {
    while matches!(task(id).phase, Phase::Reveal { .. }) {
        advance(1);
    }
}

/// Free balance.
pub fn free(who: u64) -> u64 {
    <Balances as Inspect<u64>>::balance(&who)
}

/// Held for `reason`.
pub fn held(who: u64, reason: HoldReason) -> u64 {
    <Balances as InspectHold<u64>>::balance_on_hold(&RuntimeHoldReason::Gensyn(reason), &who)
}

/// Every event of the pallet so far.
pub fn events() -> Vec<Event<Test>> {
    System::events()
        .into_iter()
        .filter_map(|r| if let RuntimeEvent::Gensyn(e) = r.event { Some(e) } else { None })
        .collect()
}

/// Funds reconcile: total issuance equals the sum of every account's total
/// balance, and each pallet hold equals what the pallet's records say.
pub fn assert_funds_reconcile() {
    let mut total = 0u64;
    let mut accounts: Vec<u64> = ACCOUNTS.to_vec();
    accounts.push(Gensyn::jackpot_account());
    for a in &accounts {
        total += <Balances as Inspect<u64>>::total_balance(a);
    }
    assert_eq!(total, <Balances as Inspect<u64>>::total_issuance(), "issuance = Σ balances");
    for a in ACCOUNTS {
        for role in Role::ALL {
            assert_eq!(held(a, role.into()), Gensyn::total_bonded(&a, role), "stake hold of {a} as {role:?}");
        }
        let escrow: u64 = Tasks::<Test>::iter_values()
            .filter(|t| t.submitter == a && !matches!(t.phase, Phase::Finalized | Phase::Cancelled { .. }))
            .map(|t| t.fee + t.deposit)
            .sum();
        assert_eq!(held(a, HoldReason::TaskFee), escrow, "fee escrow of {a}");
        // Bonds: every check not yet resolved and every running whistleblower game.
        let whistles: u64 =
            Checks::<Test>::iter().filter(|(_, w, _)| *w == a).map(|(_, _, c)| c.bond + c.deposit).sum();
        let games: u64 = Disputes::<Test>::iter_values()
            .filter(|d| d.challenger == a && !matches!(d.stage, Stage::Resolved { .. }))
            .map(|d| d.bond)
            .sum();
        assert_eq!(held(a, HoldReason::WhistleBond), whistles + games, "whistle bonds of {a}");
    }
    // Forced-round shares held on the pot: one per right check of a paid
    // task not yet settled.
    let owed: u64 = Checks::<Test>::iter()
        .filter(|(t, _, c)| c.right && Tasks::<Test>::get(t).is_some_and(|t| t.phase == Phase::Finalized))
        .map(|(t, _, _)| Audits::<Test>::get(t).map_or(0, |a| a.share))
        .sum();
    assert_eq!(held(Gensyn::jackpot_account(), HoldReason::ForcedShares), owed, "shares held for right checks");
}

/// What one party does when it is its turn. A party that returns without
/// moving (`silent`) lets its deadline pass.
pub struct Player<'a> {
    pub who: u64,
    pub party: &'a Party,
    pub silent: bool,
}

/// Plays dispute `id` to the end between `defender` and `challenger`, each
/// answering from its own run and reading the round from the chain (as a
/// client would); arbitration is requested with witnesses built from a
/// moving party's trace (whose prefix both agree on). Returns how the game
/// ended and the rounds played.
pub fn play(id: DisputeId, defender: Player, challenger: Player) -> (Outcome, u32) {
    let players = [&defender, &challenger];
    loop {
        let d = Disputes::<Test>::get(id).unwrap();
        if let Stage::Resolved { outcome } = d.stage {
            return (outcome, d.rounds);
        }
        for (side, p) in players.iter().enumerate() {
            if !p.silent && !matches!(Disputes::<Test>::get(id).unwrap().stage, Stage::Resolved { .. }) {
                // An honest run's every move must be accepted; a faulty run's
                // may not fit the game (e.g. a segment it replayed from its
                // own wrong start): then it cannot move.
                let r = try_move(id, p.who, p.party, side == 0);
                if p.party.is_honest() {
                    assert_ok!(r);
                }
            }
        }
        // Nobody could move the game on: let the deadline pass.
        let now = Disputes::<Test>::get(id).unwrap();
        if now.rounds == d.rounds && !matches!(now.stage, Stage::Resolved { .. }) {
            advance(WINDOW + 1);
        }
    }
}

/// `who` makes its honest move of dispute `id`'s current stage from
/// `party`'s run, if it owes one; at arbitration it requests it.
pub fn make_move(id: DisputeId, who: u64, party: &Party, defender: bool) {
    assert_ok!(try_move(id, who, party, defender));
}

/// [`make_move`], returning the call's result (a dishonest party's own run
/// may not fit the game it steered elsewhere). The move is the one every
/// client computes ([`crate::player::next_move`]).
pub fn try_move(id: DisputeId, who: u64, party: &Party, defender: bool) -> DispatchResult {
    use polkadot_sdk::frame_support::traits::UnfilteredDispatchable;
    let d = Disputes::<Test>::get(id).unwrap();
    match crate::player::next_move::<Test>(id, &d, defender, party) {
        Some(call) => call.dispatch_bypass_filter(RuntimeOrigin::signed(who)).map(|_| ()).map_err(|e| e.error),
        None => Ok(()),
    }
}

/// Who won a game, for tests that only ask that: the challenger iff the
/// solver was convicted.
pub fn winner(outcome: Outcome) -> Side {
    if outcome.solver_convicted() {
        Side::Challenger
    } else {
        Side::Defender
    }
}

/// Plays dispute `id` with both parties answering every move.
pub fn duel(id: DisputeId, defender: (u64, &Party), challenger: (u64, &Party)) -> (Side, u32) {
    let (outcome, rounds) = play(
        id,
        Player { who: defender.0, party: defender.1, silent: false },
        Player { who: challenger.0, party: challenger.1, silent: false },
    );
    (winner(outcome), rounds)
}

/// Every game of task `id`, oldest first.
pub fn games(id: TaskId) -> Vec<DisputeId> {
    let mut g: Vec<DisputeId> = Disputes::<Test>::iter().filter(|(_, d)| d.task == id).map(|(k, _)| k).collect();
    g.sort();
    g
}

/// The one game of task `id`.
pub fn only_game(id: TaskId) -> DisputeId {
    let g = games(id);
    assert_eq!(g.len(), 1, "one game expected: {g:?}");
    g[0]
}

/// `who` challenges the solver of `id` on the segment at `position` with
/// `claim`; returns the game it opened.
pub fn challenge(id: TaskId, who: u64, position: u32, claim: Hash) -> DisputeId {
    assert_ok!(Gensyn::whistle(RuntimeOrigin::signed(who), id, position, claim));
    Challenges::<Test>::get(id, (who, position)).expect("a game opened")
}

/// Audits every segment of the tasks that follow.
pub fn audit_all() {
    let mut p = Parameters::<Test>::get();
    p.audit_segments = 8;
    assert_ok!(Gensyn::set_params(RuntimeOrigin::root(), p));
}

/// The dispute.
pub fn dispute(id: DisputeId) -> DisputeOf<Test> {
    Disputes::<Test>::get(id).unwrap()
}

/// How the game ended (panics while it runs).
pub fn outcome(id: DisputeId) -> Outcome {
    match dispute(id).stage {
        Stage::Resolved { outcome } => outcome,
        s => panic!("game {id} still running: {s:?}"),
    }
}

/// Steps 8, checkpoints every 4; a fault at step 5 (segment 1: steps 4..8).
pub fn cheat(node: u32) -> Party {
    Party::new(TOY, 8, 4, Some(Fault { step: 5, node, elem: 1, bit: 21 }))
}

/// Steps 8, checkpoints every 4, no fault.
pub fn honest() -> Party {
    Party::new(TOY, 8, 4, None)
}

/// A task whose solver committed `solver`'s run, audited on every segment,
/// with `checks` committed blind (each whistleblower's ends from its own
/// run), `verdict_from`'s ends posted and everything revealed: the reveal
/// window is open.
pub fn whistle_window_with(solver: &Party, verdict_from: &Party, checks: &[(u64, &Party)]) -> TaskId {
    audit_all();
    let id = to_verdict(solver);
    for (who, p) in checks {
        check(id, *who, ends(id, p));
    }
    verdict(id, ends(id, verdict_from));
    assert!(matches!(task(id).phase, Phase::Reveal { .. }));
    id
}

/// Like [`whistle_window_with`], each whistleblower claiming `claim` for
/// `segment` (every segment is audited, so it is also the position) and
/// the solver's end elsewhere.
pub fn whistle_window_claims(solver: &Party, verdict_from: &Party, claims: &[(u64, u32, Hash)]) -> TaskId {
    audit_all();
    let id = to_verdict(solver);
    for &(who, segment, claim) in claims {
        let mut e = ends(id, solver);
        e[segment as usize] = claim;
        check(id, who, e);
    }
    verdict(id, ends(id, verdict_from));
    id
}

/// [`whistle_window_with`] without whistleblowers.
pub fn whistle_window(solver: &Party, verdict_from: &Party) -> TaskId {
    whistle_window_with(solver, verdict_from, &[])
}

/// The game `who` opened on the segment at `position` of task `id`.
pub fn game_of(id: TaskId, who: u64, position: u32) -> DisputeId {
    Challenges::<Test>::get(id, (who, position)).expect("a game opened")
}

/// Opens the game in which the verifier, replaying as `verifier`, challenges `solver`.
pub fn verifier_dispute(solver: &Party, verifier: &Party) -> (TaskId, DisputeId) {
    let id = whistle_window(solver, verifier);
    close_reveals(id);
    match task(id).phase {
        Phase::Disputed { .. } => (id, only_game(id)),
        p => panic!("expected a dispute, got {p:?}"),
    }
}

/// The position of `segment` in task `id`'s audit.
pub fn position_of(id: TaskId, segment: u32) -> u32 {
    Audits::<Test>::get(id).unwrap().segments.iter().position(|s| s.segment == segment).unwrap() as u32
}

/// The arbitration witness for `node` (or tile) at `step` from `party`'s run.
pub fn witness(party: &Party, run: &StepRun, step: u32, node: u32, tile: Option<u32>) -> WitnessOf<Test> {
    crate::player::witness::<Test>(party, run, step, node, tile)
}

/// Node `node`'s inputs at `step` in `party`'s run, each with the proof of
/// where it comes from.
pub fn node_inputs(party: &Party, run: &StepRun, step: u32, node: u32) -> Vec<(Tensor, SourceProof)> {
    crate::player::node_inputs(party, run, step, node)
}

/// `party`'s partial result over `range` of the axis of tile `tile` of
/// `node`'s output at `step`.
pub fn partial(party: &Party, step: u32, node: u32, tile: u32, range: std::ops::Range<u32>) -> Vec<f32> {
    crate::player::partial(party, step, node, tile, range)
}

/// The witness of a reduction game's final round, from `party`'s run.
pub fn leaf_witness(
    party: &Party,
    step: u32,
    node: u32,
    tile: u32,
    round: ReduceRound,
    addition: bool,
) -> WitnessOf<Test> {
    crate::player::leaf_witness::<Test>(party, step, node, tile, round, addition)
}

pub use crate::player::{opening, tile_reads};

/// Node `node`'s input shapes with their proof in the shape tree the chain
/// built for `party`'s task.
pub fn node_shape(party: &Party, node: u32) -> NodeShape {
    crate::player::node_shape(party, node)
}

impl crate::player::Run for Party {
    fn program(&self) -> &Program {
        &self.program
    }
    fn task_spec(&self) -> TaskSpec {
        self.spec()
    }
    fn state_dims(&self) -> Vec<Vec<u32>> {
        initial_state(self.shape).entries.iter().map(|(_, t)| t.dims.clone()).collect()
    }
    fn state_hash(&self, step: u32) -> Hash {
        Party::state(self, step)
    }
    fn state(&self, step: u32) -> NamedState {
        self.run.states[step as usize].clone()
    }
    fn step_run(&self, step: u32) -> StepRun {
        Party::step_run(self, step)
    }
    fn batch(&self, step: u32) -> Batch {
        Party::batch(self, step)
    }
    fn examples(&self, step: u32) -> Examples {
        Party::examples(self, step)
    }
    fn step_proof(&self, step: u32) -> Option<Proof> {
        self.run.steps.proof(step)
    }
    fn dataset_example(&self, index: u32) -> (u32, Vec<f32>, Proof) {
        let (label, features) = dataset(self.shape)[index as usize].clone();
        (label, features, dataset_tree(self.shape).proof(index).unwrap())
    }
}
