//! A reproducible training step against the same step on candle's default
//! CPU ops, measured in the same run.
//!
//! `cargo run --release --manifest-path bench/Cargo.toml --bin train_step -- THREADS [--torch PYTHON]`
//!
//! Both sides train the same MLP (same widths, batch, data, SGD with
//! momentum) from the same initial weights; ours runs every operator on the
//! canonical kernels, candle's uses its own matmul (the `gemm` crate),
//! elementwise ops and autograd. The ratio is ours / candle's time per step.
//! With `--torch PYTHON` (an interpreter that has `torch`), the same MLP on
//! PyTorch's CPU ops is timed too (`bench/torch_step.py`), with ours / torch.

use candle_core::{DType, Device, Tensor, Var, D};
use gensyn_trainer::{backend::Backend, spec::TaskSpec, train::Trainer};
use std::time::Instant;

#[path = "../torch.rs"]
mod torch;

fn spec(hidden: &str, batch: usize, dim: usize) -> TaskSpec {
    TaskSpec::from_toml(&format!(
        r#"
name = "bench"
seed = 7
[model]
kind = "mlp"
hidden = {hidden}
activation = "relu"
[dataset]
kind = "blobs"
classes = 10
dim = {dim}
samples = 8192
noise = 0.9
[train]
steps = 1000
batch_size = {batch}
checkpoint_every = 1000
[train.optimizer]
kind = "sgd"
lr = 0.05
momentum = 0.9
weight_decay = 0.0
"#
    ))
    .expect("bench spec")
}

/// The same MLP on candle's default ops, initialised from our trainer's state.
struct CandleMlp {
    params: Vec<(Var, Var)>,
    velocity: Vec<(Tensor, Tensor)>,
}

impl CandleMlp {
    fn from(tr: &Trainer) -> Self {
        let state = tr.state().unwrap();
        let layers = state.keys().filter(|k| k.starts_with("layers.") && k.ends_with(".weight")).count();
        let t = |name: &str| {
            let n = &state[name];
            Var::from_tensor(&Tensor::from_vec(n.values.clone(), n.dims.clone(), &Device::Cpu).unwrap()).unwrap()
        };
        let params: Vec<(Var, Var)> =
            (0..layers).map(|i| (t(&format!("layers.{i}.weight")), t(&format!("layers.{i}.bias")))).collect();
        let velocity = params
            .iter()
            .map(|(w, b)| (w.as_tensor().zeros_like().unwrap(), b.as_tensor().zeros_like().unwrap()))
            .collect();
        CandleMlp { params, velocity }
    }

    fn step(&mut self, x: &Tensor, y: &Tensor) -> candle_core::Result<f32> {
        let mut h = x.clone();
        for (i, (w, b)) in self.params.iter().enumerate() {
            h = h.matmul(w.as_tensor())?.broadcast_add(b.as_tensor())?;
            if i + 1 < self.params.len() {
                h = h.relu()?;
            }
        }
        let max = h.max_keepdim(D::Minus1)?;
        let shifted = h.broadcast_sub(&max)?;
        let lse = shifted.exp()?.sum_keepdim(D::Minus1)?.log()?;
        let logp = shifted.broadcast_sub(&lse)?;
        let loss = logp.gather(y, D::Minus1)?.mean_all()?.neg()?;
        let grads = loss.backward()?;
        for ((w, b), (vw, vb)) in self.params.iter().zip(self.velocity.iter_mut()) {
            for (p, v) in [(w, vw), (b, vb)] {
                let g = grads.get(p.as_tensor()).expect("grad");
                *v = ((&*v * 0.9)? + g)?;
                p.set(&(p.as_tensor() - (&*v * 0.05)?)?)?;
            }
        }
        loss.to_scalar::<f32>()
    }
}

fn main() {
    let threads: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(2);
    // candle's CPU ops parallelise with rayon; give it the same threads.
    std::env::set_var("RAYON_NUM_THREADS", threads.to_string());
    println!("threads = {threads}");
    let python = torch::python_from_args();
    println!(
        "{:>28} {:>14} {:>14} {:>8} {:>14} {:>8}",
        "model (batch)", "ours ms/step", "candle ms/step", "ratio", "torch ms/step", "ratio"
    );
    for (hidden, batch, dim) in [("[64, 64]", 64, 16), ("[256, 256]", 128, 64), ("[512, 512]", 256, 128)] {
        let spec = spec(hidden, batch, dim);
        let mut ours = Trainer::new(&spec, Backend::cpu(threads)).unwrap();
        let mut theirs = CandleMlp::from(&ours);
        let steps = 30;
        let batches: Vec<(Vec<f32>, Vec<u32>)> = (0..steps + 3).map(|s| ours.batch(s)).collect();
        // Warm up both.
        for _ in 0..3 {
            ours.train_step().unwrap();
        }
        let t = Instant::now();
        for _ in 0..steps {
            ours.train_step().unwrap();
        }
        let ours_ms = t.elapsed().as_secs_f64() * 1e3 / steps as f64;
        let tensors: Vec<(Tensor, Tensor)> = batches
            .iter()
            .map(|(x, y)| {
                let rows = y.len();
                (
                    Tensor::from_vec(x.clone(), (rows, dim), &Device::Cpu).unwrap(),
                    Tensor::from_vec(y.clone(), (rows, 1), &Device::Cpu).unwrap().to_dtype(DType::U32).unwrap(),
                )
            })
            .collect();
        for (x, y) in &tensors[..3] {
            theirs.step(x, y).unwrap();
        }
        let t = Instant::now();
        for (x, y) in &tensors[3..] {
            theirs.step(x, y).unwrap();
        }
        let theirs_ms = t.elapsed().as_secs_f64() * 1e3 / steps as f64;
        let torch = python.as_deref().map(|py| {
            let widths = hidden.trim_matches(|c| c == '[' || c == ']').replace(' ', "");
            let args = [dim.to_string(), widths, "10".into(), batch.to_string(), threads.to_string(), steps.to_string()];
            torch::ms_per_step(py, &[&["mlp".to_string()][..], &args].concat())
        });
        let (torch_ms, torch_ratio) = match torch {
            Some(Ok(ms)) => (format!("{ms:.3}"), format!("{:.2}", ours_ms / ms)),
            Some(Err(e)) => (format!("({e})"), "-".into()),
            None => ("-".into(), "-".into()),
        };
        println!(
            "{:>28} {:>14.3} {:>14.3} {:>8.2} {:>14} {:>8}",
            format!("{dim}-{hidden}-10 ({batch})"),
            ours_ms,
            theirs_ms,
            ours_ms / theirs_ms,
            torch_ms,
            torch_ratio
        );
    }
}
