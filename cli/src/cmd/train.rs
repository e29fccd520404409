//! `gensyn train` and `gensyn replay`: the solver's run and the verifier's
//! re-execution of one segment.

use crate::{
    args::{ComputeArgs, Device, ReplayArgs, TrainArgs},
    error::CliError,
    output::Output,
};
use gensyn_trainer::{backend::Backend, run, run::RunError, train::TrainError};
use serde_json::json;
use std::time::Instant;

/// The backend `--device` and `--threads` ask for, or why it is unavailable.
pub fn backend(c: ComputeArgs) -> Result<Backend, CliError> {
    let (device, threads) = (c.device, c.threads);
    match device {
        Device::Cpu => {
            Ok(Backend::cpu(threads.map(|n| n as usize).unwrap_or_else(gensyn_kernels::cpu::default_threads)))
        }
        Device::Cuda => Backend::cuda().map_err(|e| CliError::Device(e.to_string())),
    }
}

/// Spec problems are the user's input (exit 2); the rest are run-time failures.
fn run_err(e: RunError) -> CliError {
    match e {
        RunError::Spec(e) => CliError::Usage(format!("task spec: {e}")),
        RunError::Invalid(m) => CliError::Usage(m),
        RunError::Train(TrainError::Checkpoint(m)) => CliError::other(format!("bad checkpoint: {m}")),
        other => CliError::other(other.to_string()),
    }
}

/// `gensyn train`
pub fn train(args: TrainArgs, out: &Output) -> Result<(), CliError> {
    if !args.spec.is_file() {
        return Err(CliError::Usage(format!("task spec {} not found", args.spec.display())));
    }
    let dir = args.out.clone().unwrap_or_else(|| run::default_out(&args.spec));
    let backend = backend(args.compute)?;
    let (device, threads) = (backend.describe(), backend.threads());
    let bar = crate::progress::StepBar::start(out, "training");
    let started = Instant::now();
    let manifest = run::train(&args.spec, &dir, backend, |s| bar.update(s.step, s.total, Some(s.loss))).map_err(run_err)?;
    drop(bar);
    let secs = started.elapsed().as_secs_f64();
    let first = manifest.losses.first().copied().unwrap_or(f32::NAN);
    let last = manifest.losses.last().copied().unwrap_or(f32::NAN);
    out.emit(
        json!({
            "task": manifest.task, "out": dir, "spec_hash": manifest.spec_hash,
            "steps": manifest.steps, "checkpoint_every": manifest.checkpoint_every,
            "checkpoint_root": manifest.checkpoint_root, "step_root": manifest.step_root,
            "dataset_root": manifest.dataset_root,
            "program_root": manifest.program_root, "program_len": manifest.program_len,
            "checkpoints": manifest.checkpoints.iter().map(|c| json!({"step": c.step, "hash": c.hash})).collect::<Vec<_>>(),
            "first_loss": first, "final_loss": last, "threads": threads, "device": device,
            "seconds": secs, "steps_per_second": manifest.steps as f64 / secs,
        }),
        || {
            format!(
                "trained {} for {} steps on {} in {:.2}s ({:.0} steps/s): loss {:.4} → {:.4}\n  {} checkpoints, last {} at step {}\n  run folder {}",
                manifest.task,
                manifest.steps,
                device,
                secs,
                manifest.steps as f64 / secs,
                first,
                last,
                manifest.checkpoints.len(),
                manifest.checkpoints.last().map(|c| c.hash.as_str()).unwrap_or("-"),
                manifest.steps,
                dir.display()
            )
        },
    );
    Ok(())
}

/// `gensyn replay`
pub fn replay(args: ReplayArgs, out: &Output) -> Result<(), CliError> {
    let r = run::replay(&args.run, args.segment, backend(args.compute)?).map_err(run_err)?;
    if !r.ok() {
        return Err(CliError::Mismatch(if r.start_matches {
            format!(
                "segment {} (steps {}→{}) ends at {} but {} was committed",
                r.segment, r.start_step, r.end_step, r.got, r.expected
            )
        } else {
            format!(
                "segment {}'s start checkpoint (step {}) does not hash to its committed value",
                r.segment, r.start_step
            )
        }));
    }
    let doc = json!({
        "segment": r.segment, "start_step": r.start_step, "end_step": r.end_step,
        "start_matches": r.start_matches, "expected": r.expected, "got": r.got, "ok": true,
    });
    out.emit(doc, || format!("segment {} (steps {}→{}) reproduces {}", r.segment, r.start_step, r.end_step, r.got));
    Ok(())
}
