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

#[path = "../step_bench.rs"]
mod step_bench;

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
    let threads = step_bench::threads_from_args();
    let python = step_bench::python_from_args();
    println!(
        "{:>28} {:>14} {:>14} {:>8} {:>14} {:>8}",
        "model (batch)", "ours ms/step", "candle ms/step", "ratio", "torch ms/step", "ratio"
    );
    for (hidden, batch, dim) in [("[64, 64]", 64, 16), ("[256, 256]", 128, 64), ("[512, 512]", 256, 128)] {
        let spec = spec(hidden, batch, dim);
        let mut ours = Trainer::new(&spec, Backend::cpu(threads)).unwrap();
        let mut theirs = CandleMlp::from(&ours);
        let (warmup, steps) = (3, 30);
        let batches: Vec<(Vec<f32>, Vec<u32>)> = (0..(warmup + steps) as u32).map(|s| ours.batch(s)).collect();
        let ours_ms = step_bench::ms_per_step(warmup, steps, |_| {
            ours.train_step().unwrap();
        });
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
        let theirs_ms = step_bench::ms_per_step(warmup, steps, |i| {
            theirs.step(&tensors[i].0, &tensors[i].1).unwrap();
        });
        let widths = hidden.trim_matches(|c| c == '[' || c == ']').replace(' ', "");
        let args: Vec<String> = [
            "mlp".into(),
            dim.to_string(),
            widths,
            "10".into(),
            batch.to_string(),
            threads.to_string(),
            steps.to_string(),
        ]
        .into();
        let (torch_ms, torch_ratio) = step_bench::torch_columns(python.as_deref(), &args, ours_ms, 3);
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
