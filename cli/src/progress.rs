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
