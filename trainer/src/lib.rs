//! # gensyn-trainer
//!
//! The solver's and verifier's engine: a task spec (TOML) becomes a model,
//! deterministic data and a training loop whose every operator is a
//! canonical kernel, so the same task gives the same checkpoint hashes on
//! any machine and any thread count.
//!
//! Flow: [`spec::TaskSpec`] → [`data::Dataset`] + [`model::Model`] (an MLP
//! or a [`transformer::Transformer`]) →
//! [`train::Trainer`] → [`checkpoint`] hashes (what the solver commits).
//! The kernels run on a [`backend::Backend`]: CPU threads or a CUDA GPU.

pub mod backend;
pub mod checkpoint;
pub mod data;
pub mod model;
pub mod ops;
pub mod program;
pub mod readers;
pub mod run;
pub mod spec;
pub mod train;
pub mod transformer;
