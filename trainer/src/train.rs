//! The training loop: deterministic batches, canonical forward/backward,
//! optimiser updates from `gensyn-kernels`, and a hashed checkpoint every
//! k steps (step 0 included, so every segment has a starting point).

use crate::program;
use crate::{
    backend::Backend,
    checkpoint::{self, Hash, Named, State},
    data::Dataset,
    model::Model,
    spec::{OptimizerSpec, TaskSpec},
};
use candle_core::{Device, Tensor, Var};
use gensyn_commitment::{
    data::{assemble, Batch, Order},
    interp::{run_step_lean, run_step_on, LeanStep, NamedState, Program, StepRun},
    state::StepRecord,
};
use gensyn_kernels::optim;
use std::{collections::HashMap, path::Path};

/// Why training failed.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// A tensor operation failed.
    #[error("tensor error: {0}")]
    Tensor(#[from] candle_core::Error),
    /// A checkpoint does not fit the task.
    #[error("bad checkpoint: {0}")]
    Checkpoint(String),
    /// The dataset could not be read.
    #[error(transparent)]
    Data(#[from] crate::readers::ReadError),
    /// The fast path left the canonical program at this step (a kernel or
    /// trainer bug: the commitment would not be provable).
    #[error("step {0}: the trained state differs from the canonical program's")]
    Diverged(u32),
    /// The canonical program (reference interpreter) failed at this step.
    #[error("the canonical program failed at step {0}: {1}")]
    Program(u32, String),
    /// A GPU kernel failed.
    #[error("{0}")]
    Gpu(#[from] gensyn_kernels::cuda::GpuError),
    /// Writing a checkpoint failed.
    #[error("cannot write {path}: {reason}")]
    Io {
        /// The path.
        path: String,
        /// Why.
        reason: String,
    },
}

/// Where the checkpoint after `step` steps lives in `dir`.
pub fn checkpoint_path(dir: &Path, step: u32) -> std::path::PathBuf {
    dir.join(format!("step-{step:08}.safetensors"))
}

/// Writes `state` as a safetensors file at `path` (creating its folder).
pub fn write_checkpoint(path: &Path, state: &State) -> Result<(), TrainError> {
    let io = |reason: String| TrainError::Io { path: path.display().to_string(), reason };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| io(e.to_string()))?;
    }
    let mut tensors = HashMap::new();
    for (name, t) in state {
        tensors.insert(name.clone(), Tensor::from_vec(t.values.clone(), t.dims.clone(), &Device::Cpu)?);
    }
    candle_core::safetensors::save(&tensors, path).map_err(|e| io(e.to_string()))
}

/// Reads a checkpoint file back into a [`State`].
pub fn load_checkpoint(path: &Path) -> Result<State, TrainError> {
    let tensors = candle_core::safetensors::load(path, &Device::Cpu)
        .map_err(|e| TrainError::Io { path: path.display().to_string(), reason: e.to_string() })?;
    let mut state = State::new();
    for (name, t) in tensors {
        state.insert(name, Named { dims: t.dims().to_vec(), values: t.flatten_all()?.to_vec1::<f32>()? });
    }
    Ok(state)
}

/// A committed checkpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Checkpoint {
    /// Steps completed.
    pub step: u32,
    /// Canonical hash of parameters and optimiser state.
    pub hash: Hash,
}

/// Progress of one step, for progress bars.
#[derive(Debug, Clone, Copy)]
pub struct StepInfo {
    /// Steps completed.
    pub step: u32,
    /// Total steps.
    pub total: u32,
    /// The batch's loss before the update.
    pub loss: f32,
}

/// What a run produced.
#[derive(Debug, Clone)]
pub struct Report {
    /// Loss of every step.
    pub losses: Vec<f32>,
    /// Checkpoints at steps 0, k, 2k, … and the last step.
    pub checkpoints: Vec<Checkpoint>,
    /// One record per step (state before, batch, trace root, state after),
    /// when tracing ([`Trainer::with_trace`]).
    pub records: Vec<StepRecord>,
}

/// One canonical step's inputs (see [`Trainer::canonical_step`]).
struct CanonicalStep {
    state: NamedState,
    before_hash: Option<Hash>,
    batch: Batch,
    threads: u32,
}

impl CanonicalStep {
    fn run(&self, program: &Program) -> Result<StepRun, TrainError> {
        run_step_on(program, &self.state, self.before_hash, &self.batch, None, self.threads)
            .map_err(|e| TrainError::Program(self.state.step, format!("{e:?}")))
    }

    /// [`Self::run`] keeping only what the trainer needs (the state after
    /// moved out of the outputs, not copied).
    fn run_lean(&self, program: &Program) -> Result<LeanStep, TrainError> {
        run_step_lean(program, &self.state, self.before_hash, &self.batch, self.threads)
            .map_err(|e| TrainError::Program(self.state.step, format!("{e:?}")))
    }
}

/// Per-parameter optimiser state.
enum OptState {
    Sgd { velocity: Vec<f32> },
    Adamw { m: Vec<f32>, v: Vec<f32> },
}

/// A model with its optimiser, data and step counter.
pub struct Trainer {
    spec: TaskSpec,
    data: Dataset,
    model: Model,
    state: Vec<OptState>,
    step: u32,
    /// The per-step program, when steps are traced.
    program: Option<Program>,
    /// Where the kernels (and the optimiser) run.
    backend: Backend,
}

fn values(var: &Var) -> candle_core::Result<Vec<f32>> {
    var.as_tensor().flatten_all()?.to_vec1::<f32>()
}

impl Trainer {
    /// A fresh run of `spec` on `backend` (the bits do not depend on it).
    pub fn new(spec: &TaskSpec, backend: Backend) -> Result<Self, TrainError> {
        let data = Dataset::load(spec)?;
        let model = Model::new(&spec.model, &data, spec.seed, backend.clone())?;
        let state = model
            .named_params()
            .iter()
            .map(|(_, v)| {
                let n = v.as_tensor().elem_count();
                match spec.train.optimizer {
                    OptimizerSpec::Sgd { .. } => OptState::Sgd { velocity: vec![0.0; n] },
                    OptimizerSpec::Adamw { .. } => OptState::Adamw { m: vec![0.0; n], v: vec![0.0; n] },
                }
            })
            .collect();
        Ok(Self { spec: spec.clone(), data, model, state, step: 0, program: None, backend })
    }

    /// Runs every step as the canonical program, so that each step gets a
    /// record for the solver's step tree (see [`Trainer::run`]: on a GPU the
    /// program checks the GPU's step, and a step that differs is an error).
    pub fn with_trace(mut self) -> Self {
        self.program = Some(self.program());
        self
    }

    /// This task's per-step program.
    pub fn program(&self) -> Program {
        program::program(&self.spec, &self.data)
    }

    /// The order this task trains its examples in.
    pub fn order(&self) -> Order {
        Order { seed: self.spec.seed, samples: self.data.len() as u32, batch: self.spec.train.batch_size as u32 }
    }

    /// The batch of `step` as the program reads it and the record commits
    /// to it ([`Batch`]: the examples the order names, assembled): for
    /// classification features `[rows × dim]` and classes; for token
    /// sequences input ids, next-token ids and positions.
    pub fn step_batch(&self, step: u32) -> Batch {
        let order = self.order();
        Batch::new(self.data.kind, &order, step, &self.examples(&order, step)).expect("a loaded dataset assembles")
    }

    /// [`Trainer::step_batch`]'s tensors, without hashing the examples (the
    /// untraced training step needs no commitment).
    pub fn batch_tensors(&self, step: u32) -> Vec<gensyn_commitment::tensor::Tensor> {
        let order = self.order();
        assemble(self.data.kind, &self.examples(&order, step)).expect("a loaded dataset assembles")
    }

    /// The examples `order` names for `step`'s batch, in row order.
    fn examples(&self, order: &Order, step: u32) -> Vec<(u32, &[f32])> {
        order.batch_indices(step).into_iter().map(|i| self.data.example(i as usize)).collect()
    }

    /// The batch of `step` for the model: its inputs (features, or input
    /// token ids as `f32`) and its targets (classes, or next-token ids).
    pub fn batch(&self, step: u32) -> (Vec<f32>, Vec<u32>) {
        let mut t = self.batch_tensors(step);
        let y = t[1].values.iter().map(|v| *v as u32).collect();
        (t.swap_remove(0).values, y)
    }

    /// Runs the next step on the canonical program from the current state,
    /// without changing the trainer: its outputs, trace and record.
    pub fn canonical_step(&self, program: &Program) -> Result<StepRun, TrainError> {
        self.canonical_inputs(None, self.backend.threads())?.run(program)
    }

    /// Everything the next canonical step needs, owned, so that it can run
    /// on another thread while the trainer takes the same step itself.
    /// `carried` is the previous canonical step's state after and its hash,
    /// which `run` has checked equal to the trainer's state bit for bit: it
    /// serves as this step's state before, neither copied out of candle nor
    /// hashed again.
    fn canonical_inputs(
        &self,
        carried: Option<(NamedState, Hash)>,
        threads: usize,
    ) -> Result<CanonicalStep, TrainError> {
        let (state, before_hash) = match carried {
            Some((state, hash)) if state.step == self.step => (state, Some(hash)),
            _ => (program::named_state(self.step, &self.state()?), None),
        };
        Ok(CanonicalStep { state, before_hash, batch: self.step_batch(self.step), threads: threads as u32 })
    }

    /// The training data.
    pub fn data(&self) -> &Dataset {
        &self.data
    }

    /// Steps completed.
    pub fn step(&self) -> u32 {
        self.step
    }

    /// A run resumed from a checkpoint's `state` after `step` steps.
    pub fn restore(spec: &TaskSpec, backend: Backend, step: u32, state: &State) -> Result<Self, TrainError> {
        let mut t = Self::new(spec, backend)?;
        t.load_state(state)?;
        t.step = step;
        Ok(t)
    }

    /// Sets the parameters and optimiser state to `state` (checked against
    /// the model: every tensor present, of its size, and nothing else).
    fn load_state(&mut self, state: &State) -> Result<(), TrainError> {
        let missing = |n: &str| TrainError::Checkpoint(format!("missing tensor `{n}`"));
        let take = |n: &str, len: usize| -> Result<Vec<f32>, TrainError> {
            let v = state.get(n).ok_or_else(|| missing(n))?;
            if v.values.len() != len {
                return Err(TrainError::Checkpoint(format!(
                    "tensor `{n}` has {} values, expected {len}",
                    v.values.len()
                )));
            }
            Ok(v.values.clone())
        };
        let names: Vec<(String, Var)> = self.model.named_params().into_iter().map(|(n, v)| (n, v.clone())).collect();
        let slots = match self.spec.train.optimizer {
            OptimizerSpec::Sgd { .. } => 2,
            OptimizerSpec::Adamw { .. } => 3,
        };
        for ((name, var), opt) in names.iter().zip(self.state.iter_mut()) {
            let len = var.as_tensor().elem_count();
            var.set(&Tensor::from_vec(take(name, len)?, var.as_tensor().dims(), &Device::Cpu)?)?;
            match opt {
                OptState::Sgd { velocity } => *velocity = take(&format!("optim.{name}.velocity"), len)?,
                OptState::Adamw { m, v } => {
                    *m = take(&format!("optim.{name}.m"), len)?;
                    *v = take(&format!("optim.{name}.v"), len)?;
                }
            }
        }
        if state.len() != names.len() * slots {
            return Err(TrainError::Checkpoint("unexpected extra tensors".into()));
        }
        Ok(())
    }

    /// Parameters and optimiser state by canonical name.
    pub fn state(&self) -> Result<State, TrainError> {
        let mut s = State::new();
        for ((name, var), opt) in self.model.named_params().into_iter().zip(&self.state) {
            let dims = var.as_tensor().dims().to_vec();
            s.insert(name.clone(), Named { dims: dims.clone(), values: values(var)? });
            match opt {
                OptState::Sgd { velocity } => {
                    s.insert(format!("optim.{name}.velocity"), Named { dims, values: velocity.clone() });
                }
                OptState::Adamw { m, v } => {
                    s.insert(format!("optim.{name}.m"), Named { dims: dims.clone(), values: m.clone() });
                    s.insert(format!("optim.{name}.v"), Named { dims, values: v.clone() });
                }
            }
        }
        Ok(s)
    }

    /// The canonical hash of the current state.
    pub fn hash(&self) -> Result<Hash, TrainError> {
        Ok(checkpoint::hash(self.step, &self.state()?))
    }

    /// One optimiser step; returns the batch loss before the update.
    pub fn train_step(&mut self) -> Result<f32, TrainError> {
        let t = &self.spec.train;
        let (x, y) = self.batch(self.step);
        let loss = self.model.loss(x, y)?;
        let loss_value = loss.to_scalar::<f32>()?;
        let grads = loss.backward()?;
        // The schedule counts steps from 0, as the program's nodes do.
        let lr = t.schedule().rate(self.step);
        self.step += 1;
        for ((_, var), opt) in self.model.named_params().into_iter().zip(self.state.iter_mut()) {
            let grad = match grads.get(var.as_tensor()) {
                Some(g) => g.flatten_all()?.to_vec1::<f32>()?,
                None => vec![0.0; var.as_tensor().elem_count()],
            };
            let mut p = values(var)?;
            match (opt, t.optimizer, &self.backend) {
                (
                    OptState::Sgd { velocity },
                    OptimizerSpec::Sgd { momentum, weight_decay, .. },
                    Backend::Cpu { .. },
                ) => optim::sgd_momentum(&mut p, &grad, velocity, lr, momentum, weight_decay),
                (OptState::Sgd { velocity }, OptimizerSpec::Sgd { momentum, weight_decay, .. }, Backend::Cuda(gpu)) => {
                    gpu.sgd_momentum(&mut p, &grad, velocity, lr, momentum, weight_decay)?
                }
                (OptState::Adamw { m, v }, OptimizerSpec::Adamw { beta1, beta2, eps, weight_decay, .. }, backend) => {
                    let h = optim::AdamW { lr, beta1, beta2, eps, weight_decay };
                    match backend {
                        Backend::Cpu { .. } => h.step(&mut p, &grad, m, v, self.step),
                        Backend::Cuda(gpu) => gpu.adamw(&h, &mut p, &grad, m, v, self.step)?,
                    }
                }
                _ => unreachable!("optimiser state matches the spec"),
            }
            var.set(&Tensor::from_vec(p, var.as_tensor().dims(), &Device::Cpu)?)?;
        }
        Ok(loss_value)
    }

    /// Runs until `step` steps are completed (for replaying a segment).
    pub fn run_to(&mut self, step: u32) -> Result<(), TrainError> {
        while self.step < step {
            self.train_step()?;
        }
        Ok(())
    }

    /// Trains to the end, checkpointing every k steps (and at 0 and the end);
    /// `out`, if given, receives the safetensors files.
    ///
    /// A traced run on the CPU takes each step once, on the canonical
    /// program: its state after is the next state, and the loss is read from
    /// its log-probabilities ([`program::loss`]). On a GPU the step runs on
    /// the GPU kernels and the program beside it on the CPU checks it bit
    /// for bit (a step that differs is [`TrainError::Diverged`]).
    pub fn run(&mut self, out: Option<&Path>, on_step: impl FnMut(StepInfo)) -> Result<Report, TrainError> {
        let mut carried: Option<(NamedState, Hash)> = None;
        let report = self.run_steps(out, on_step, &mut carried);
        // One-pass steps left the model behind: it takes the last state.
        if let (Some((state, _)), true) = (&carried, self.one_pass()) {
            self.load_state(&program::to_state(state))?;
        }
        report
    }

    /// Whether traced steps run on the canonical program alone.
    fn one_pass(&self) -> bool {
        self.program.is_some() && matches!(self.backend, Backend::Cpu { .. })
    }

    /// [`Trainer::run`]'s loop. `carried` is the last canonical state after
    /// and its hash: the next step's state before, and, in one-pass runs,
    /// the trainer's state (the model is not updated until the run ends).
    fn run_steps(
        &mut self,
        out: Option<&Path>,
        mut on_step: impl FnMut(StepInfo),
        carried: &mut Option<(NamedState, Hash)>,
    ) -> Result<Report, TrainError> {
        let (total, k) = (self.spec.train.steps, self.spec.train.checkpoint_every);
        let mut report = Report { losses: Vec::new(), checkpoints: Vec::new(), records: Vec::new() };
        // One snapshot of the state serves both the file and the hash.
        // `known`: the state and its hash where the canonical program has them.
        let commit = |tr: &Self, report: &mut Report, known: Option<&(NamedState, Hash)>| -> Result<(), TrainError> {
            let state = match known {
                Some((named, _)) if tr.one_pass() => program::to_state(named),
                _ => tr.state()?,
            };
            if let Some(dir) = out {
                write_checkpoint(&checkpoint_path(dir, tr.step), &state)?;
            }
            let hash = match known {
                Some((_, hash)) => *hash,
                None => checkpoint::commit_on(tr.step, &state, tr.backend.threads()).hash,
            };
            report.checkpoints.push(Checkpoint { step: tr.step, hash });
            Ok(())
        };
        commit(self, &mut report, None)?;
        let program = self.program.clone();
        let loss_node = program.as_ref().and_then(program::loss_node);
        while self.step < total {
            let (canonical, loss) = match &program {
                Some(p) if self.one_pass() => {
                    let job = self.canonical_inputs(carried.take(), self.backend.threads())?;
                    let ran = job.run_lean(p).and_then(|run| {
                        let logp = loss_node.and_then(|i| run.outputs.get(i));
                        let no_loss =
                            || TrainError::Program(self.step, "no log-probabilities to read the loss from".into());
                        Ok((program::loss(logp, &job.batch).ok_or_else(no_loss)?, run))
                    });
                    let (loss, run) = match ran {
                        Ok(ran) => ran,
                        Err(e) => {
                            // The state before stays the trainer's state.
                            if let Some(hash) = job.before_hash {
                                *carried = Some((job.state, hash));
                            }
                            return Err(e);
                        }
                    };
                    self.step += 1;
                    (Some(run), loss)
                }
                // The two computations of a step are independent: the
                // canonical program runs on a thread of its own meanwhile.
                Some(p) => {
                    // Half the threads each.
                    let job = self.canonical_inputs(carried.take(), (self.backend.threads() / 2).max(1))?;
                    let (canonical, loss) = std::thread::scope(|scope| {
                        let canonical = scope.spawn(|| job.run_lean(p));
                        let loss = self.train_step();
                        (canonical.join().expect("the canonical step does not panic"), loss)
                    });
                    let canonical = canonical?;
                    if !checkpoint::same_bits(&program::to_state(&canonical.after), &self.state()?) {
                        return Err(TrainError::Diverged(self.step - 1));
                    }
                    (Some(canonical), loss?)
                }
                None => (None, self.train_step()?),
            };
            if let Some(LeanStep { after, record, .. }) = canonical {
                *carried = Some((after, record.after));
                report.records.push(record);
            }
            report.losses.push(loss);
            on_step(StepInfo { step: self.step, total, loss });
            if self.step % k == 0 || self.step == total {
                commit(self, &mut report, carried.as_ref())?;
            }
        }
        Ok(report)
    }
}
