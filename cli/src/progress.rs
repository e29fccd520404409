//! Spinners (indicatif) while waiting for the node or a transaction; shown
//! only to a person at a terminal.

use crate::output::Output;
use indicatif::{ProgressBar, ProgressStyle};
use std::time::Duration;

/// A spinner on stderr, or nothing when the output is not interactive.
pub struct Spinner(Option<ProgressBar>);

impl Spinner {
    /// Starts a spinner with `msg`.
    pub fn start(out: &Output, msg: impl Into<String>) -> Self {
        if !out.interactive() {
            return Spinner(None);
        }
        let pb = ProgressBar::new_spinner();
        pb.set_style(ProgressStyle::with_template("{spinner} {msg} ({elapsed})").expect("a valid template"));
        pb.set_message(msg.into());
        pb.enable_steady_tick(Duration::from_millis(80));
        Spinner(Some(pb))
    }

    /// Changes the message.
    pub fn set(&self, msg: impl Into<String>) {
        if let Some(pb) = &self.0 {
            pb.set_message(msg.into());
        }
    }
}

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}

/// A bar over the steps of a run (training or a replay): step, loss,
/// steps/s and time left; shown only to a person at a terminal.
pub struct StepBar(Option<ProgressBar>);

impl StepBar {
    /// A bar for `what` (e.g. "training", "replaying").
    pub fn start(out: &Output, what: &str) -> Self {
        if !out.interactive() {
            return StepBar(None);
        }
        let pb = ProgressBar::new(0);
        let template = format!("{what} {{bar:30}} step {{pos}}/{{len}}  loss {{msg}}  {{per_sec}}  eta {{eta}}");
        pb.set_style(ProgressStyle::with_template(&template).expect("a valid template"));
        StepBar(Some(pb))
    }

    /// At `step` of `total`, with the step's loss where known.
    pub fn update(&self, step: u32, total: u32, loss: Option<f32>) {
        if let Some(pb) = &self.0 {
            pb.set_length(total as u64);
            pb.set_position(step as u64);
            if let Some(l) = loss {
                pb.set_message(format!("{l:.4}"));
            }
        }
    }
}

impl Drop for StepBar {
    fn drop(&mut self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}

/// A bar over the bytes of a read from shards; shown only to a person at a
/// terminal, and only for large artefacts (a small one is there at once).
pub struct ByteBar(Option<ProgressBar>);

/// Reads smaller than this show no bar.
const LARGE: u64 = 4 << 20;

impl ByteBar {
    /// A bar for reading `what`.
    pub fn start(out: &Output, what: &str) -> Self {
        if !out.interactive() {
            return ByteBar(None);
        }
        let pb = ProgressBar::hidden();
        let template =
            format!("{what} {{bar:30}} {{bytes}}/{{total_bytes}} from the validators' shards  {{bytes_per_sec}}");
        pb.set_style(ProgressStyle::with_template(&template).expect("a valid template"));
        ByteBar(Some(pb))
    }

    /// `done` of `total` bytes are in.
    pub fn update(&self, done: u64, total: u64) {
        if let Some(pb) = &self.0 {
            if total >= LARGE && pb.is_hidden() {
                pb.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            pb.set_length(total);
            pb.set_position(done);
        }
    }
}

impl Drop for ByteBar {
    fn drop(&mut self) {
        if let Some(pb) = &self.0 {
            pb.finish_and_clear();
        }
    }
}
