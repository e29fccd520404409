//! The PyTorch CPU baseline: runs `bench/torch_step.py` with the given
//! Python (one that has `torch`) and reads its milliseconds per step.

use std::process::Command;

/// The Python interpreter given after `--torch`, if any.
pub fn python_from_args() -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == "--torch").and_then(|i| args.get(i + 1).cloned())
}

/// Milliseconds per step PyTorch takes for `model_args` (see the script),
/// or why it could not be measured.
pub fn ms_per_step(python: &str, model_args: &[String]) -> Result<f64, String> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/torch_step.py");
    let out = Command::new(python).arg(script).args(model_args).output().map_err(|e| format!("{python}: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("failed").to_string());
    }
    String::from_utf8_lossy(&out.stdout).trim().parse().map_err(|e| format!("unreadable output: {e}"))
}
