//! What the training-step benchmarks (`train_step`, `lm_step`, `trace_step`) share: the
//! thread argument, the timing loop, and the PyTorch CPU baseline (run as
//! `bench/torch_step.py` with the Python given after `--torch`), and the
//! allocator settings.

use std::{process::Command, time::Instant};

/// The thread count (first argument, default 2), also given to candle's
/// rayon pool so both sides use the same threads; printed.
pub fn threads_from_args() -> usize {
    keep_freed_memory();
    let threads: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(2);
    std::env::set_var("RAYON_NUM_THREADS", threads.to_string());
    println!("threads = {threads}");
    threads
}

/// Milliseconds per call of `step(i)` over calls `warmup..warmup + steps`,
/// after untimed calls `0..warmup`.
pub fn ms_per_step(warmup: usize, steps: usize, mut step: impl FnMut(usize)) -> f64 {
    for i in 0..warmup {
        step(i);
    }
    let t = Instant::now();
    for i in warmup..warmup + steps {
        step(i);
    }
    t.elapsed().as_secs_f64() * 1e3 / steps as f64
}

/// The Python interpreter given after `--torch`, if any.
pub fn python_from_args() -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == "--torch").and_then(|i| args.get(i + 1).cloned())
}

/// Milliseconds per step PyTorch takes for `model_args` (see the script),
/// or why it could not be measured.
fn torch_ms(python: &str, model_args: &[String]) -> Result<f64, String> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/torch_step.py");
    let out = Command::new(python).arg(script).args(model_args).output().map_err(|e| format!("{python}: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("failed").to_string());
    }
    String::from_utf8_lossy(&out.stdout).trim().parse().map_err(|e| format!("unreadable output: {e}"))
}

/// The PyTorch columns of a result row: its ms/step (with `decimals`) and
/// ours / torch; `-` without `--torch`, the reason when it failed.
pub fn torch_columns(python: Option<&str>, model_args: &[String], ours_ms: f64, decimals: usize) -> (String, String) {
    match python.map(|py| torch_ms(py, model_args)) {
        Some(Ok(ms)) => (format!("{ms:.decimals$}"), format!("{:.2}", ours_ms / ms)),
        Some(Err(e)) => (format!("({e})"), "-".into()),
        None => ("-".into(), "-".into()),
    }
}

/// The allocator settings the `gensyn` binary uses (see its `main.rs`):
/// freed tensors stay in the heap for reuse. Both sides of a comparison run
/// under them.
fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator parameters; called at start.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
        libc::mallopt(libc::M_TRIM_THRESHOLD, i32::MAX);
    }
}
