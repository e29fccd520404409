//! A reproducible transformer training step against the same step on
//! candle's default CPU ops, measured in the same run.
//!
//! `cargo run --release --manifest-path bench/Cargo.toml --bin lm_step -- THREADS [--torch PYTHON]`
//!
//! Both sides train the same pre-norm GPT (same widths, batch, tokens,
//! AdamW) from the same initial weights. Ours runs every operator on the
//! canonical kernels (fixed-order reductions, recomputing attention
//! backward); candle's side is built from its stock tensor ops and autograd
//! (`gemm` matmuls, batched attention with a mask, tanh GELU). The ratio is
//! ours / candle's time per step. With `--torch PYTHON` the same GPT on
//! PyTorch's CPU ops (`bench/torch_step.py`, fused SDPA attention) is timed
//! too, with ours / torch.

use candle_core::{DType, Device, Tensor, Var, D};
use gensyn_trainer::{backend::Backend, train::Trainer};
use std::collections::HashMap;

#[path = "../step_bench.rs"]
mod step_bench;

#[path = "../lm_shapes.rs"]
mod lm_shapes;

use lm_shapes::{spec, Shape, SHAPES};

/// The same model on candle's default ops, initialised from our trainer's state.
struct CandleLm {
    s: Shape,
    params: HashMap<String, Var>,
    moments: HashMap<String, (Tensor, Tensor)>,
    mask: Tensor,
    step: i32,
}

impl CandleLm {
    fn from(tr: &Trainer, s: Shape) -> Self {
        let state = tr.state().unwrap();
        let mut params = HashMap::new();
        let mut moments = HashMap::new();
        for (name, t) in state.iter().filter(|(k, _)| !k.starts_with("optim.")) {
            let v =
                Var::from_tensor(&Tensor::from_vec(t.values.clone(), t.dims.clone(), &Device::Cpu).unwrap()).unwrap();
            let z = v.as_tensor().zeros_like().unwrap();
            moments.insert(name.clone(), (z.clone(), z));
            params.insert(name.clone(), v);
        }
        let mask: Vec<f32> =
            (0..s.seq * s.seq).map(|i| if i % s.seq > i / s.seq { f32::NEG_INFINITY } else { 0.0 }).collect();
        let mask = Tensor::from_vec(mask, (s.seq, s.seq), &Device::Cpu).unwrap();
        CandleLm { s, params, moments, mask, step: 0 }
    }

    fn p(&self, name: &str) -> &Tensor {
        self.params[name].as_tensor()
    }

    fn linear(&self, x: &Tensor, name: &str) -> candle_core::Result<Tensor> {
        x.matmul(self.p(&format!("{name}.weight")))?.broadcast_add(self.p(&format!("{name}.bias")))
    }

    fn norm(&self, x: &Tensor, name: &str) -> candle_core::Result<Tensor> {
        let mean = x.mean_keepdim(D::Minus1)?;
        let c = x.broadcast_sub(&mean)?;
        let var = c.sqr()?.mean_keepdim(D::Minus1)?;
        let y = c.broadcast_div(&(var + 1e-5)?.sqrt()?)?;
        y.broadcast_mul(self.p(&format!("{name}.weight")))?.broadcast_add(self.p(&format!("{name}.bias")))
    }

    fn softmax(x: &Tensor) -> candle_core::Result<Tensor> {
        let e = x.broadcast_sub(&x.max_keepdim(D::Minus1)?)?.exp()?;
        e.broadcast_div(&e.sum_keepdim(D::Minus1)?)
    }

    fn attention(&self, qkv: &Tensor) -> candle_core::Result<Tensor> {
        let Shape { dim, heads, seq, .. } = self.s;
        let (rows, hd) = (qkv.dim(0)?, dim / heads);
        let b = rows / seq;
        // [B, T, 3, H, hd] → three [B, H, T, hd].
        let qkv = qkv.reshape((b, seq, 3, heads, hd))?;
        let part = |i: usize| qkv.narrow(2, i, 1)?.squeeze(2)?.transpose(1, 2)?.contiguous();
        let (q, k, v) = (part(0)?, part(1)?, part(2)?);
        let scores = (q.matmul(&k.transpose(2, 3)?.contiguous()?)? * (1.0 / (hd as f64).sqrt()))?;
        let p = Self::softmax(&scores.broadcast_add(&self.mask)?)?;
        p.matmul(&v)?.transpose(1, 2)?.contiguous()?.reshape((rows, dim))
    }

    fn step(&mut self, ids: &Tensor, targets: &Tensor, positions: &Tensor) -> candle_core::Result<f32> {
        let mut h = (self.p("tok_emb").index_select(ids, 0)? + self.p("pos_emb").index_select(positions, 0)?)?;
        for i in 0..self.s.layers {
            let b = |s: &str| format!("blocks.{i}.{s}");
            let att = self.attention(&self.linear(&self.norm(&h, &b("ln1"))?, &b("attn.qkv"))?)?;
            h = (h + self.linear(&att, &b("attn.proj"))?)?;
            let f = self.linear(&self.norm(&h, &b("ln2"))?, &b("mlp.fc1"))?.gelu()?;
            h = (h + self.linear(&f, &b("mlp.fc2"))?)?;
        }
        let logits = self.linear(&self.norm(&h, "ln_f")?, "head")?;
        let shifted = logits.broadcast_sub(&logits.max_keepdim(D::Minus1)?)?;
        let logp = shifted.broadcast_sub(&shifted.exp()?.sum_keepdim(D::Minus1)?.log()?)?;
        let loss = logp.gather(targets, D::Minus1)?.mean_all()?.neg()?;
        let grads = loss.backward()?;
        self.step += 1;
        let (lr, b1, b2, eps, wd) = (1e-3, 0.9, 0.999, 1e-8, 0.01);
        let (c1, c2) = (1.0 - f64::powi(b1, self.step), 1.0 - f64::powi(b2, self.step));
        for (name, p) in &self.params {
            let g = grads.get(p.as_tensor()).expect("grad");
            let (m, v) = self.moments.get_mut(name).unwrap();
            *m = ((&*m * b1)? + (g * (1.0 - b1))?)?;
            *v = ((&*v * b2)? + (g.sqr()? * (1.0 - b2))?)?;
            let update = ((&*m / c1)? / ((&*v / c2)?.sqrt()? + eps)?)?;
            p.set(&((p.as_tensor() * (1.0 - lr * wd))? - (update * lr)?)?)?;
        }
        loss.to_scalar::<f32>()
    }
}

fn main() {
    let threads = step_bench::threads_from_args();
    let python = step_bench::python_from_args();
    println!(
        "{:>36} {:>14} {:>14} {:>8} {:>14} {:>8}",
        "d/heads/layers/seq/vocab (batch)", "ours ms/step", "candle ms/step", "ratio", "torch ms/step", "ratio"
    );
    for s in SHAPES {
        let mut ours = Trainer::new(&spec(s, 1000), Backend::cpu(threads)).unwrap();
        let mut theirs = CandleLm::from(&ours, s);
        let (warmup, steps) = (2, 10);
        let batches: Vec<(Vec<f32>, Vec<u32>)> = (0..(warmup + steps) as u32).map(|i| ours.batch(i)).collect();
        let ours_ms = step_bench::ms_per_step(warmup, steps, |_| {
            ours.train_step().unwrap();
        });
        let tensors: Vec<(Tensor, Tensor, Tensor)> = batches
            .iter()
            .map(|(x, y)| {
                let rows = y.len();
                let ids: Vec<u32> = x.iter().map(|t| *t as u32).collect();
                let pos: Vec<u32> = (0..rows).map(|i| (i % s.seq) as u32).collect();
                let t = |v: Vec<u32>, shape: (usize, usize)| {
                    Tensor::from_vec(v, shape, &Device::Cpu).unwrap().to_dtype(DType::U32).unwrap()
                };
                (
                    t(ids, (rows, 1)).flatten_all().unwrap(),
                    t(y.clone(), (rows, 1)),
                    t(pos, (rows, 1)).flatten_all().unwrap(),
                )
            })
            .collect();
        let theirs_ms = step_bench::ms_per_step(warmup, steps, |i| {
            let (x, y, p) = &tensors[i];
            theirs.step(x, y, p).unwrap();
        });
        let args: Vec<String> = std::iter::once("lm".to_string())
            .chain([s.dim, s.heads, s.layers, s.seq, s.vocab, s.batch, threads, steps].iter().map(|v| v.to_string()))
            .collect();
        let (torch_ms, torch_ratio) = step_bench::torch_columns(python.as_deref(), &args, ours_ms, 2);
        println!(
            "{:>36} {:>14.2} {:>14.2} {:>8.2} {:>14} {:>8}",
            format!("{}/{}/{}/{}/{} ({})", s.dim, s.heads, s.layers, s.seq, s.vocab, s.batch),
            ours_ms,
            theirs_ms,
            ours_ms / theirs_ms,
            torch_ms,
            torch_ratio
        );
    }
}
