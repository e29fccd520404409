//! Task specs: the TOML a submitter posts (its hash goes on chain).
//!
//! Unknown fields are rejected and every validation error names its field,
//! so a typo never silently trains something else.

use serde::Deserialize;
use std::path::Path;

/// A training task.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskSpec {
    /// A label for people.
    pub name: String,
    /// Seeds weight initialisation and data order.
    pub seed: u64,
    /// The model.
    pub model: ModelSpec,
    /// The data.
    pub dataset: DatasetSpec,
    /// The optimisation.
    pub train: TrainSpec,
    /// The folder dataset paths are relative to (the spec file's; set by
    /// [`TaskSpec::from_file`], not part of the TOML).
    #[serde(skip)]
    pub base_dir: Option<std::path::PathBuf>,
}

/// The model architecture.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ModelSpec {
    /// A multi-layer perceptron classifier.
    Mlp {
        /// Widths of the hidden layers.
        hidden: Vec<usize>,
        /// Hidden activation.
        #[serde(default)]
        activation: Activation,
    },
    /// A decoder-only (GPT-style, pre-norm) transformer language model over a
    /// token dataset: token + position embeddings, `layers` blocks of causal
    /// multi-head self-attention and a GELU MLP with residuals, a final layer
    /// norm and a linear head; trained on next-token cross-entropy.
    Transformer {
        /// Model width.
        dim: usize,
        /// Attention heads (they split `dim`).
        heads: usize,
        /// Blocks.
        layers: usize,
        /// Context length: tokens per training sequence.
        seq: usize,
        /// MLP hidden width as a multiple of `dim`.
        #[serde(default = "mlp_ratio")]
        mlp_ratio: usize,
    },
}

fn mlp_ratio() -> usize {
    4
}

/// A hidden-layer activation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activation {
    /// `max(x, 0)`.
    #[default]
    Relu,
    /// GELU, tanh approximation.
    Gelu,
}

/// The training data: a generator shipped with the code, or a file. File
/// paths are relative to the spec file's folder.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum DatasetSpec {
    /// A CSV file of numbers, one example per line, the class index in one column.
    Csv {
        /// The file.
        path: String,
        /// Whether the first line is a header to skip.
        #[serde(default)]
        header: bool,
        /// The 0-based column of the class index (default: the last).
        label_column: Option<usize>,
    },
    /// An IDX pair (the MNIST format): `u8` or `f32` images, `u8` labels.
    Idx {
        /// The images file (`[n, …]`).
        images: String,
        /// The labels file (`[n]`).
        labels: String,
    },
    /// A safetensors file with a features tensor `[n, dim]` and a labels tensor `[n]`.
    Safetensors {
        /// The file.
        path: String,
        /// Name of the features tensor.
        #[serde(default = "features_name")]
        features: String,
        /// Name of the labels tensor.
        #[serde(default = "labels_name")]
        labels: String,
    },
    /// Token sequences from a random second-order Markov chain (for language
    /// models): every pair of previous tokens allows two next tokens, drawn
    /// 3:1. Sequences are `model.seq + 1` tokens long (inputs and shifted
    /// targets); the best achievable loss is about 0.56 nats per token.
    Markov {
        /// Distinct tokens.
        vocab: usize,
        /// Number of sequences.
        sequences: usize,
    },
    /// Gaussian-ish blobs around random class centres, generated from the seed.
    Blobs {
        /// Number of classes.
        classes: usize,
        /// Input dimension.
        dim: usize,
        /// Number of samples.
        samples: usize,
        /// Spread of each blob relative to the distance between centres.
        noise: f32,
    },
}

/// Optimiser, schedule and checkpoints.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainSpec {
    /// Optimiser steps.
    pub steps: u32,
    /// Samples per step.
    pub batch_size: usize,
    /// Checkpoint every k steps (the protocol's audit granularity).
    pub checkpoint_every: u32,
    /// The optimiser.
    pub optimizer: OptimizerSpec,
    /// How the learning rate changes over the steps (constant if absent).
    #[serde(default)]
    pub schedule: ScheduleSpec,
}

/// A learning-rate schedule over the optimiser's `lr`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Default)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ScheduleSpec {
    /// `lr` on every step.
    #[default]
    Constant,
    /// Linear warm-up over `warmup` steps, then linear decay to 0 at the last step.
    WarmupLinear {
        /// Warm-up steps.
        warmup: u32,
    },
    /// `lr · gamma^⌊step/every⌋`.
    StepDecay {
        /// Factor per decay.
        gamma: f32,
        /// Steps between decays.
        every: u32,
    },
}

impl TrainSpec {
    /// The learning rate of the optimiser.
    pub fn lr(&self) -> f32 {
        match self.optimizer {
            OptimizerSpec::Sgd { lr, .. } | OptimizerSpec::Adamw { lr, .. } => lr,
        }
    }

    /// The schedule in the commitment scheme's form, which both the trainer
    /// and the chain's arbitration evaluate.
    pub fn schedule(&self) -> gensyn_commitment::trace::Schedule {
        use gensyn_commitment::trace::Schedule;
        let lr = self.lr().to_bits();
        match self.schedule {
            ScheduleSpec::Constant => Schedule::Constant { lr },
            ScheduleSpec::WarmupLinear { warmup } => Schedule::WarmupLinear { lr, warmup, total: self.steps },
            ScheduleSpec::StepDecay { gamma, every } => Schedule::StepDecay { lr, gamma: gamma.to_bits(), every },
        }
    }
}

/// An optimiser and its hyper-parameters.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum OptimizerSpec {
    /// SGD with momentum.
    Sgd {
        /// Learning rate.
        lr: f32,
        /// Momentum.
        #[serde(default)]
        momentum: f32,
        /// Coupled weight decay.
        #[serde(default)]
        weight_decay: f32,
    },
    /// AdamW.
    Adamw {
        /// Learning rate.
        lr: f32,
        /// β₁.
        #[serde(default = "beta1")]
        beta1: f32,
        /// β₂.
        #[serde(default = "beta2")]
        beta2: f32,
        /// ε.
        #[serde(default = "eps")]
        eps: f32,
        /// Decoupled weight decay.
        #[serde(default)]
        weight_decay: f32,
    },
}

fn features_name() -> String {
    "features".into()
}
fn labels_name() -> String {
    "labels".into()
}

fn beta1() -> f32 {
    0.9
}
fn beta2() -> f32 {
    0.999
}
fn eps() -> f32 {
    1e-8
}

/// A spec that cannot be used, with the field at fault.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SpecError {
    /// The file could not be read.
    #[error("cannot read {path}: {reason}")]
    Read {
        /// The path.
        path: String,
        /// Why.
        reason: String,
    },
    /// Not valid TOML, or a field has the wrong type or name.
    #[error("{0}")]
    Parse(String),
    /// A field's value is out of range.
    #[error("invalid `{field}`: {reason}")]
    Invalid {
        /// Dotted path of the field.
        field: &'static str,
        /// What is wrong.
        reason: String,
    },
}

fn invalid(field: &'static str, reason: impl Into<String>) -> SpecError {
    SpecError::Invalid { field, reason: reason.into() }
}

impl TaskSpec {
    /// Parses and validates a spec.
    pub fn from_toml(text: &str) -> Result<Self, SpecError> {
        let spec: TaskSpec = toml::from_str(text).map_err(|e| SpecError::Parse(e.to_string().trim().to_string()))?;
        spec.validate()?;
        Ok(spec)
    }

    /// Reads, parses and validates a spec file.
    pub fn from_file(path: &Path) -> Result<Self, SpecError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| SpecError::Read { path: path.display().to_string(), reason: e.to_string() })?;
        let mut spec = Self::from_toml(&text)?;
        spec.base_dir = path.parent().map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p }.to_path_buf());
        Ok(spec)
    }

    /// A dataset file path, resolved against the spec file's folder.
    pub fn data_path(&self, file: &str) -> std::path::PathBuf {
        match &self.base_dir {
            Some(dir) if Path::new(file).is_relative() => dir.join(file),
            _ => Path::new(file).to_path_buf(),
        }
    }

    /// Checks every range the types cannot express.
    pub fn validate(&self) -> Result<(), SpecError> {
        match self.model {
            ModelSpec::Mlp { ref hidden, .. } => {
                if hidden.iter().any(|&h| h == 0 || h > 65_536) {
                    return Err(invalid("model.hidden", "every width must be in 1..=65536"));
                }
                if matches!(self.dataset, DatasetSpec::Markov { .. }) {
                    return Err(invalid("dataset.kind", "an MLP trains on examples with classes, not token sequences"));
                }
            }
            ModelSpec::Transformer { dim, heads, layers, seq, mlp_ratio } => {
                if !(1..=4096).contains(&dim) {
                    return Err(invalid("model.dim", "must be in 1..=4096"));
                }
                if heads == 0 || dim % heads != 0 {
                    return Err(invalid("model.heads", "must be at least 1 and divide model.dim"));
                }
                if !(1..=64).contains(&layers) {
                    return Err(invalid("model.layers", "must be in 1..=64"));
                }
                if !(1..=1024).contains(&seq) {
                    return Err(invalid("model.seq", "must be in 1..=1024"));
                }
                if !(1..=16).contains(&mlp_ratio) {
                    return Err(invalid("model.mlp_ratio", "must be in 1..=16"));
                }
                if !matches!(self.dataset, DatasetSpec::Markov { .. }) {
                    return Err(invalid("dataset.kind", "a transformer trains on token sequences (`markov`)"));
                }
            }
        }
        let samples = match &self.dataset {
            DatasetSpec::Markov { vocab, sequences } => {
                if !(2..=65_536).contains(vocab) {
                    return Err(invalid("dataset.vocab", "must be in 2..=65536"));
                }
                if !(1..=1_000_000).contains(sequences) {
                    return Err(invalid("dataset.sequences", "must be in 1..=1,000,000"));
                }
                Some(*sequences)
            }
            DatasetSpec::Blobs { classes, dim, samples, noise } => {
                if !(2..=1024).contains(classes) {
                    return Err(invalid("dataset.classes", "must be in 2..=1024"));
                }
                if !(1..=65_536).contains(dim) {
                    return Err(invalid("dataset.dim", "must be in 1..=65536"));
                }
                if *samples < *classes || *samples > 10_000_000 {
                    return Err(invalid("dataset.samples", "must be at least `classes` and at most 10,000,000"));
                }
                if !(noise.is_finite() && *noise >= 0.0) {
                    return Err(invalid("dataset.noise", "must be a finite number ≥ 0"));
                }
                Some(*samples)
            }
            DatasetSpec::Csv { path, .. } | DatasetSpec::Safetensors { path, .. } => {
                if path.is_empty() {
                    return Err(invalid("dataset.path", "must name a file"));
                }
                None
            }
            DatasetSpec::Idx { images, labels } => {
                if images.is_empty() || labels.is_empty() {
                    return Err(invalid("dataset.images", "images and labels must name files"));
                }
                None
            }
        };
        let t = &self.train;
        if t.steps == 0 {
            return Err(invalid("train.steps", "must be at least 1"));
        }
        if t.batch_size == 0 || samples.is_some_and(|n| t.batch_size > n) {
            return Err(invalid("train.batch_size", "must be in 1..=dataset.samples (or dataset.sequences)"));
        }
        if t.checkpoint_every == 0 || t.checkpoint_every > t.steps {
            return Err(invalid("train.checkpoint_every", "must be in 1..=train.steps"));
        }
        let lr = match t.optimizer {
            OptimizerSpec::Sgd { lr, momentum, weight_decay } => {
                if !(0.0..1.0).contains(&momentum) {
                    return Err(invalid("train.optimizer.momentum", "must be in [0, 1)"));
                }
                if !(weight_decay.is_finite() && weight_decay >= 0.0) {
                    return Err(invalid("train.optimizer.weight_decay", "must be ≥ 0"));
                }
                lr
            }
            OptimizerSpec::Adamw { lr, beta1, beta2, eps, weight_decay } => {
                if !(0.0..1.0).contains(&beta1) {
                    return Err(invalid("train.optimizer.beta1", "must be in [0, 1)"));
                }
                if !(0.0..1.0).contains(&beta2) {
                    return Err(invalid("train.optimizer.beta2", "must be in [0, 1)"));
                }
                if !(eps.is_finite() && eps > 0.0) {
                    return Err(invalid("train.optimizer.eps", "must be > 0"));
                }
                if !(weight_decay.is_finite() && weight_decay >= 0.0) {
                    return Err(invalid("train.optimizer.weight_decay", "must be ≥ 0"));
                }
                lr
            }
        };
        if !(lr.is_finite() && lr > 0.0) {
            return Err(invalid("train.optimizer.lr", "must be a finite number > 0"));
        }
        match t.schedule {
            ScheduleSpec::Constant => {}
            ScheduleSpec::WarmupLinear { warmup } => {
                if warmup == 0 || warmup >= t.steps {
                    return Err(invalid("train.schedule.warmup", "must be in 1..train.steps"));
                }
            }
            ScheduleSpec::StepDecay { gamma, every } => {
                if !(gamma.is_finite() && gamma > 0.0 && gamma <= 1.0) {
                    return Err(invalid("train.schedule.gamma", "must be in (0, 1]"));
                }
                if every == 0 {
                    return Err(invalid("train.schedule.every", "must be at least 1"));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
name = "blobs"
seed = 7
[model]
kind = "mlp"
hidden = [32]
[dataset]
kind = "blobs"
classes = 4
dim = 8
samples = 512
noise = 0.3
[train]
steps = 50
batch_size = 32
checkpoint_every = 10
[train.optimizer]
kind = "sgd"
lr = 0.1
momentum = 0.9
"#;

    #[test]
    fn parses_a_good_spec() {
        let s = TaskSpec::from_toml(GOOD).unwrap();
        assert_eq!(s.model, ModelSpec::Mlp { hidden: vec![32], activation: Activation::Relu });
        assert_eq!(s.train.checkpoint_every, 10);
    }

    #[test]
    fn errors_name_the_field() {
        let cases = [
            ("steps = 50", "steps = 0", "train.steps"),
            ("batch_size = 32", "batch_size = 0", "train.batch_size"),
            ("checkpoint_every = 10", "checkpoint_every = 51", "train.checkpoint_every"),
            ("lr = 0.1", "lr = -1.0", "train.optimizer.lr"),
            ("momentum = 0.9", "momentum = 1.5", "train.optimizer.momentum"),
            ("classes = 4", "classes = 1", "dataset.classes"),
            ("hidden = [32]", "hidden = [0]", "model.hidden"),
            ("noise = 0.3", "noise = -0.3", "dataset.noise"),
        ];
        for (from, to, field) in cases {
            let err = TaskSpec::from_toml(&GOOD.replace(from, to)).unwrap_err();
            assert!(err.to_string().contains(field), "{to}: {err}");
        }
    }

    #[test]
    fn schedules_parse_and_are_checked() {
        let with = |table: &str| TaskSpec::from_toml(&format!("{GOOD}\n[train.schedule]\n{table}\n"));
        let s = with("kind = \"warmup_linear\"\nwarmup = 10").unwrap();
        assert_eq!(s.train.schedule, ScheduleSpec::WarmupLinear { warmup: 10 });
        let r = s.train.schedule();
        assert!(r.rate(0) < r.rate(9) && r.rate(49) < r.rate(10) && r.rate(50) == 0.0);
        let s = with("kind = \"step_decay\"\ngamma = 0.5\nevery = 10").unwrap();
        assert_eq!(s.train.schedule().rate(25), 0.1 * 0.25);
        assert_eq!(TaskSpec::from_toml(GOOD).unwrap().train.schedule, ScheduleSpec::Constant);
        for (table, field) in [
            ("kind = \"warmup_linear\"\nwarmup = 0", "train.schedule.warmup"),
            ("kind = \"warmup_linear\"\nwarmup = 50", "train.schedule.warmup"),
            ("kind = \"step_decay\"\ngamma = 1.5\nevery = 10", "train.schedule.gamma"),
            ("kind = \"step_decay\"\ngamma = 0.5\nevery = 0", "train.schedule.every"),
        ] {
            let err = with(table).unwrap_err().to_string();
            assert!(err.contains(field), "{table}: {err}");
        }
        assert!(with("kind = \"cosine\"").unwrap_err().to_string().contains("cosine"));
    }

    const TRANSFORMER: &str = r#"
name = "lm"
seed = 3
[model]
kind = "transformer"
dim = 16
heads = 4
layers = 1
seq = 8
[dataset]
kind = "markov"
vocab = 12
sequences = 64
[train]
steps = 10
batch_size = 4
checkpoint_every = 5
[train.optimizer]
kind = "adamw"
lr = 0.01
"#;

    #[test]
    fn transformer_specs_parse_and_are_checked() {
        let s = TaskSpec::from_toml(TRANSFORMER).unwrap();
        assert_eq!(s.model, ModelSpec::Transformer { dim: 16, heads: 4, layers: 1, seq: 8, mlp_ratio: 4 });
        assert_eq!(s.dataset, DatasetSpec::Markov { vocab: 12, sequences: 64 });
        let cases = [
            ("heads = 4", "heads = 3", "model.heads"),
            ("heads = 4", "heads = 0", "model.heads"),
            ("dim = 16", "dim = 0", "model.dim"),
            ("layers = 1", "layers = 0", "model.layers"),
            ("seq = 8", "seq = 0", "model.seq"),
            ("seq = 8", "seq = 8\nmlp_ratio = 0", "model.mlp_ratio"),
            ("vocab = 12", "vocab = 1", "dataset.vocab"),
            ("sequences = 64", "sequences = 0", "dataset.sequences"),
        ];
        for (from, to, field) in cases {
            let err = TaskSpec::from_toml(&TRANSFORMER.replace(from, to)).unwrap_err();
            assert!(err.to_string().contains(field), "{to}: {err}");
        }
        // A model and a dataset that do not fit each other.
        let err = TaskSpec::from_toml(&GOOD.replace(
            "kind = \"mlp\"\nhidden = [32]",
            "kind = \"transformer\"\ndim = 8\nheads = 2\nlayers = 1\nseq = 4",
        ))
        .unwrap_err();
        assert!(err.to_string().contains("dataset.kind"), "{err}");
        let err = TaskSpec::from_toml(&TRANSFORMER.replace(
            "kind = \"transformer\"\ndim = 16\nheads = 4\nlayers = 1\nseq = 8",
            "kind = \"mlp\"\nhidden = [8]",
        ))
        .unwrap_err();
        assert!(err.to_string().contains("dataset.kind"), "{err}");
    }

    #[test]
    fn parse_errors_point_at_the_key() {
        let err = TaskSpec::from_toml(&GOOD.replace("steps = 50", "stepz = 50")).unwrap_err().to_string();
        assert!(err.contains("stepz"), "{err}");
        // Inside a tagged table, toml points at the table.
        let err = TaskSpec::from_toml(&GOOD.replace("lr = 0.1", "lr = \"fast\"")).unwrap_err().to_string();
        assert!(err.contains("[train.optimizer]") && err.contains("expected f32"), "{err}");
        let err = TaskSpec::from_toml(&GOOD.replace("kind = \"mlp\"", "kind = \"rnn\"")).unwrap_err().to_string();
        assert!(err.contains("rnn"), "{err}");
    }
}
