//! One party's run of a task as its games ask about it: the states, step
//! executions, batches and proofs behind every move, computed on the
//! canonical program (bit for bit the trainer's, and the runtime's
//! arbitration) from the checkpoints the party holds, with its cheat, if
//! it plays one, applied the same way every time it is asked.

use crate::{cheat::RunCheat, error::CliError};
use gensyn_commitment::{
    data::Batch,
    interp::{run_step_on, NamedState, Program, StepRun},
    merkle::{Proof, Tree},
    tensor::Tensor,
    Hash,
};
use gensyn_trainer::{data::Dataset, program, train};
use pallet_gensyn::{player, SolverCommitment, TaskSpec};
use std::{cell::RefCell, collections::BTreeMap, path::Path};

/// A party's run, answering [`player::Run`].
pub struct TaskRun {
    spec: TaskSpec,
    program: Program,
    data: Dataset,
    dataset_tree: std::cell::OnceCell<Tree>,
    state_dims: Vec<Vec<u32>>,
    cheat: RunCheat,
    /// Its step tree's leaves, when it is the solver's run.
    leaves: Option<Vec<Hash>>,
    /// The tree over them, built once.
    step_tree: std::cell::OnceCell<Option<Tree>>,
    /// Known states by step: the checkpoints it holds (kept), then the
    /// states the game asked for (at most [`KEPT`], the oldest dropped): a
    /// bisection's next question starts from its last answer, so a game
    /// computes each step of its segment about once.
    states: RefCell<BTreeMap<u32, NamedState>>,
    anchors: std::collections::BTreeSet<u32>,
    asked: RefCell<std::collections::VecDeque<u32>>,
    /// The step executions the game asked for (every node's output: large),
    /// at most [`KEPT_RUNS`].
    runs: RefCell<BTreeMap<u32, StepRun>>,
    threads: u32,
}

/// States kept beside the anchors.
const KEPT: usize = 16;
/// Step executions kept.
const KEPT_RUNS: usize = 4;

fn err(what: &str) -> impl Fn(String) -> CliError + '_ {
    move |e| CliError::other(format!("{what}: {e}"))
}

impl TaskRun {
    /// A run of the task whose trainer spec is at `spec_path` (fetched and
    /// checked by the agent) and whose on-chain spec is `spec`, knowing the
    /// states in `anchors` (at least the one every question starts from).
    pub fn new(spec_path: &Path, spec: &TaskSpec, anchors: Vec<NamedState>, cheat: RunCheat) -> Result<Self, CliError> {
        Self::with_states(spec_path, spec, anchors.into_iter().map(|s| (s.step, s)).collect(), cheat)
    }

    /// [`TaskRun::new`] with each known state at the step it stands for
    /// (a skipping solver's checkpoint says another).
    fn with_states(
        spec_path: &Path,
        spec: &TaskSpec,
        anchors: Vec<(u32, NamedState)>,
        cheat: RunCheat,
    ) -> Result<Self, CliError> {
        let trainer_spec = crate::onchain::load(spec_path)?.spec;
        let data = Dataset::load(&trainer_spec).map_err(|e| CliError::other(format!("dataset: {e}")))?;
        let program = program::program(&trainer_spec, &data);
        let (_, first) = anchors.first().ok_or_else(|| CliError::other("a run needs at least one known state"))?;
        let state_dims = first.entries.iter().map(|(_, t)| t.dims.clone()).collect();
        let states: BTreeMap<u32, NamedState> = anchors.into_iter().collect();
        let anchors = states.keys().copied().collect();
        Ok(TaskRun {
            spec: spec.clone(),
            program,
            data,
            dataset_tree: Default::default(),
            state_dims,
            cheat,
            leaves: None,
            step_tree: Default::default(),
            states: RefCell::new(states),
            anchors,
            asked: Default::default(),
            runs: Default::default(),
            threads: gensyn_kernels::cpu::default_threads() as u32,
        })
    }

    /// The solver's run in `run_dir` (checkpoints and step leaves, as
    /// training or [`TaskRun::materialize`] left them).
    pub fn solver(spec_path: &Path, spec: &TaskSpec, run_dir: &Path, cheat: RunCheat) -> Result<Self, CliError> {
        let dir = run_dir.join("checkpoints");
        let mut anchors = Vec::new();
        for i in 0..spec.checkpoints() {
            let step = (i * spec.checkpoint_every).min(spec.steps);
            let state = train::load_checkpoint(&train::checkpoint_path(&dir, step))
                .map_err(|e| err("checkpoint")(e.to_string()))?;
            anchors.push((step, program::named_state(cheat.label(step, spec.checkpoint_every, spec.steps), &state)));
        }
        let mut run = Self::with_states(spec_path, spec, anchors, cheat)?;
        run.leaves = Some(gensyn_trainer::run::step_leaves(run_dir).map_err(|e| err("step leaves")(e.to_string()))?);
        Ok(run)
    }

    /// Computes the whole run from its first known state (a cheating
    /// solver's "training", on the canonical program), writes every
    /// checkpoint and the step leaves into `run_dir` as the trainer does,
    /// and returns the commitment and each checkpoint's state.
    pub fn materialize(&mut self, run_dir: &Path) -> Result<(SolverCommitment, Vec<NamedState>), CliError> {
        let (every, steps) = (self.spec.checkpoint_every, self.spec.steps);
        if let RunCheat::Skip { step: s } = self.cheat {
            if s % every != 0 || s >= steps {
                return Err(CliError::Usage(format!(
                    "--cheat skip@{s}: the step must be a checkpoint's (a multiple of {every}) before the last ({steps})"
                )));
            }
        }
        let dir = run_dir.join("checkpoints");
        std::fs::create_dir_all(&dir)?;
        let mut leaves = Vec::with_capacity(steps as usize);
        let mut checkpoints = Vec::new();
        let mut state = self.state_at(0)?;
        let mut step = 0;
        loop {
            if step % every == 0 || step == steps {
                train::write_checkpoint(&train::checkpoint_path(&dir, step), &program::to_state(&state))
                    .map_err(|e| err("checkpoint")(e.to_string()))?;
                let label = self.cheat.label(step, every, steps);
                let written = NamedState { step: label, ..state.clone() };
                self.states.borrow_mut().insert(step, written.clone());
                checkpoints.push(written);
                if label != step {
                    // Skipped: never trained, nothing recorded, and the
                    // next checkpoint is the same state.
                    leaves.resize(label as usize, [0u8; 32]);
                    state.step = label;
                    step = label;
                    continue;
                }
            }
            if step == steps {
                break;
            }
            let r = self.compute(step, &state)?;
            leaves.push(r.record.leaf());
            state = r.after;
            step += 1;
        }
        let path = run_dir.join(gensyn_trainer::run::STEP_LEAVES);
        std::fs::write(&path, leaves.concat())?;
        let hashes: Vec<Hash> = checkpoints.iter().map(|c| c.commit().hash).collect();
        let checkpoint_root = gensyn_trainer::run::checkpoint_tree(&hashes).root();
        let step_root = gensyn_commitment::merkle::root(&leaves);
        self.leaves = Some(leaves);
        Ok((SolverCommitment { checkpoint_root, step_root }, checkpoints))
    }

    /// The state after `step` steps, computed forward from the nearest
    /// known one before it.
    fn state_at(&self, step: u32) -> Result<NamedState, CliError> {
        if let Some(s) = self.states.borrow().get(&step) {
            return Ok(s.clone());
        }
        let (from, mut state) = {
            let known = self.states.borrow();
            let (k, s) = known
                .range(..step)
                .next_back()
                .ok_or_else(|| CliError::other(format!("no known state before step {step}")))?;
            (*k, s.clone())
        };
        for s in from..step {
            // Walking forward: an execution asked for before is reused, the
            // others are not kept.
            let known = self.runs.borrow().get(&s).map(|r| r.after.clone());
            state = match known {
                Some(after) => after,
                None => self.compute(s, &state)?.after,
            };
        }
        self.keep(step, &state);
        Ok(state)
    }

    /// Keeps `state` as the one after `step`, dropping the oldest asked-for
    /// state beyond [`KEPT`] (never an anchor).
    fn keep(&self, step: u32, state: &NamedState) {
        if self.anchors.contains(&step) {
            return;
        }
        let mut asked = self.asked.borrow_mut();
        let mut states = self.states.borrow_mut();
        if states.insert(step, state.clone()).is_none() {
            asked.push_back(step);
        }
        while asked.len() > KEPT {
            if let Some(old) = asked.pop_front() {
                states.remove(&old);
            }
        }
    }

    fn step_run_at(&self, step: u32, before: &NamedState) -> Result<StepRun, CliError> {
        if let Some(r) = self.runs.borrow().get(&step) {
            return Ok(r.clone());
        }
        let r = self.compute(step, before)?;
        // A game asks about one step's execution at a time, over a few
        // rounds; the lowest step goes first.
        let mut runs = self.runs.borrow_mut();
        if runs.len() >= KEPT_RUNS {
            let lowest = *runs.keys().next().expect("not empty");
            runs.remove(&lowest);
        }
        runs.insert(step, r.clone());
        Ok(r)
    }

    /// This party's execution of `step` from `before`, its cheat applied.
    fn compute(&self, step: u32, before: &NamedState) -> Result<StepRun, CliError> {
        let batch = self.batch_of(step);
        let last = self.program.len() - 1;
        let mut tamper = |node: u32, t: &mut Tensor| {
            if self.cheat == (RunCheat::State { step }) && node == last && !t.values.is_empty() {
                // One bit of the state after the step: a mantissa bit of
                // the last state entry's first value.
                t.values[0] = f32::from_bits(t.values[0].to_bits() ^ (1 << 21));
            }
        };
        let mut r = run_step_on(&self.program, before, None, &batch, Some(&mut tamper), self.threads)
            .map_err(|e| CliError::other(format!("step {step} does not run: {e:?}")))?;
        if self.cheat == (RunCheat::After { step }) {
            // The step run honestly; another state committed after it, the
            // trace doctored to end in it.
            let mut fake = r.after.clone();
            for (_, t) in fake.entries.iter_mut() {
                t.values.iter_mut().for_each(|v| *v = *v * 2.0 + 1.0);
            }
            let fake_hash = fake.commit().hash;
            let n = r.trace.len();
            let mut leaves: Vec<Hash> = (0..n).filter_map(|i| r.trace.node(0, i)).collect();
            leaves[n as usize - 1] = gensyn_commitment::trace::trace_leaf(n - 1, &fake_hash);
            r.trace = Tree::new(&leaves);
            r.record.after = fake_hash;
            r.record.trace_root = r.trace.root();
            r.after = fake;
        }
        Ok(r)
    }

    /// The examples this party trains `step` on, as dataset indices.
    fn indices(&self, step: u32) -> Vec<u32> {
        let mut idx = self.spec.order.batch_indices(step);
        let n = self.data.len() as u32;
        match self.cheat {
            RunCheat::Batch { step: s } if s == step => {
                // One row replaced by another example of the dataset.
                if let Some(other) = (0..n).find(|i| !idx.contains(i)) {
                    idx[0] = other;
                }
            }
            RunCheat::Data => idx.iter_mut().for_each(|i| *i = (*i + 1) % n),
            _ => {}
        }
        idx
    }

    fn batch_of(&self, step: u32) -> Batch {
        let rows: Vec<(u32, &[f32])> = self.indices(step).iter().map(|&i| self.data.example(i as usize)).collect();
        Batch::new(self.spec.data_kind, &self.spec.order, step, &rows).expect("a loaded dataset assembles")
    }
}

impl player::Run for TaskRun {
    fn program(&self) -> &Program {
        &self.program
    }
    fn task_spec(&self) -> TaskSpec {
        self.spec.clone()
    }
    fn state_dims(&self) -> Vec<Vec<u32>> {
        self.state_dims.clone()
    }
    fn state_hash(&self, step: u32) -> Hash {
        self.state(step).commit().hash
    }
    fn state(&self, step: u32) -> NamedState {
        // The trait answers from a run that exists: a step the game names
        // lies inside the task, after a state this party holds.
        self.state_at(step).unwrap_or_else(|e| panic!("{e}"))
    }
    fn step_run(&self, step: u32) -> StepRun {
        let before = self.state(step);
        self.step_run_at(step, &before).unwrap_or_else(|e| panic!("{e}"))
    }
    fn batch(&self, step: u32) -> Batch {
        self.batch_of(step)
    }
    fn examples(&self, step: u32) -> player::Examples {
        self.indices(step)
            .iter()
            .map(|&i| {
                let (l, f) = self.data.example(i as usize);
                (l, f.to_vec())
            })
            .collect()
    }
    fn step_proof(&self, step: u32) -> Option<Proof> {
        self.step_tree.get_or_init(|| self.leaves.as_ref().map(|l| Tree::new(l))).as_ref()?.proof(step)
    }
    fn dataset_example(&self, index: u32) -> (u32, Vec<f32>, Proof) {
        let tree = self.dataset_tree.get_or_init(|| self.data.tree());
        let (l, f) = self.data.example(index as usize);
        (l, f.to_vec(), tree.proof(index).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use player::Run as _;

    fn tiny() -> (std::path::PathBuf, TaskSpec, NamedState) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/blobs-tiny.toml");
        let loaded = crate::onchain::load(&path).unwrap();
        let (spec, _) = crate::onchain::task_of(&loaded).unwrap();
        let backend = gensyn_trainer::backend::Backend::cpu(1);
        let model = gensyn_trainer::train::Trainer::new(&loaded.spec, backend).unwrap().state().unwrap();
        (path, spec, program::named_state(0, &model))
    }

    #[test]
    fn a_run_answers_any_order_of_questions_alike_and_keeps_a_bounded_cache() {
        let (path, spec, start) = tiny();
        let walked = TaskRun::new(&path, &spec, vec![start.clone()], RunCheat::Honest).unwrap();
        // Forward, one step at a time: the reference.
        let forward: Vec<Hash> = (0..=spec.steps).map(|s| walked.state_hash(s)).collect();
        // A bisection's order and then every step backwards, on a fresh run.
        let asked = TaskRun::new(&path, &spec, vec![start], RunCheat::Honest).unwrap();
        for s in [10, 15, 12, 13, 14].into_iter().chain((0..=spec.steps).rev()) {
            assert_eq!(asked.state_hash(s), forward[s as usize], "step {s}");
            assert!(asked.states.borrow().len() <= 1 + KEPT, "states kept: {}", asked.states.borrow().len());
        }
        for s in 0..spec.steps {
            assert_eq!(asked.step_run(s).after.commit().hash, forward[s as usize + 1]);
            assert!(asked.runs.borrow().len() <= KEPT_RUNS);
        }
        // The anchor is never dropped.
        assert!(asked.states.borrow().contains_key(&0));
    }
}
