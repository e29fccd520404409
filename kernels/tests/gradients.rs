//! Every backward pass agrees with central finite differences of its
//! forward pass (computed in f64 from the f32 forward results).

use gensyn_kernels::{ops, ops::MatmulShape, ops::RowStats, optim};
use rand::{rngs::SmallRng, Rng, SeedableRng};

fn random(rng: &mut SmallRng, n: usize) -> Vec<f32> {
    (0..n).map(|_| rng.gen_range(-1.0f32..1.0)).collect()
}

/// Checks `analytic[i] ≈ d loss / d x[i]` where `loss(x) = Σ w ⊙ f(x)`.
fn check(name: &str, x: &[f32], analytic: &[f32], loss: impl Fn(&[f32]) -> f64) {
    let h = 1e-2f32;
    for i in 0..x.len() {
        let (mut xp, mut xm) = (x.to_vec(), x.to_vec());
        xp[i] += h;
        xm[i] -= h;
        let numeric = (loss(&xp) - loss(&xm)) / (2.0 * h as f64);
        let err = (numeric - analytic[i] as f64).abs();
        assert!(err < 2e-2 * (1.0 + numeric.abs()), "{name}[{i}]: analytic {} numeric {numeric}", analytic[i]);
    }
}

fn dot(a: &[f32], w: &[f32]) -> f64 {
    a.iter().zip(w).map(|(a, w)| *a as f64 * *w as f64).sum()
}

#[test]
fn matmul_backward() {
    let mut rng = SmallRng::seed_from_u64(1);
    let (m, k, n) = (3, 4, 5);
    let (a, b, w) = (random(&mut rng, m * k), random(&mut rng, k * n), random(&mut rng, m * n));
    let (mut da, mut db) = (vec![0.0; m * k], vec![0.0; k * n]);
    ops::matmul_backward(&a, &b, &w, &mut da, &mut db, m, k, n);
    let f = |a: &[f32], b: &[f32]| {
        let mut c = vec![0.0; m * n];
        ops::matmul(a, b, &mut c, MatmulShape::nn(m, k, n));
        dot(&c, &w)
    };
    check("dA", &a, &da, |x| f(x, &b));
    check("dB", &b, &db, |x| f(&a, x));
}

#[test]
fn elementwise_backwards() {
    let mut rng = SmallRng::seed_from_u64(2);
    let n = 12;
    let (x, y, w) = (random(&mut rng, n), random(&mut rng, n), random(&mut rng, n));
    let mut dx = vec![0.0; n];
    ops::gelu_backward(&x, &w, &mut dx);
    check("gelu", &x, &dx, |x| {
        let mut o = vec![0.0; n];
        ops::gelu(x, &mut o);
        dot(&o, &w)
    });
    // Keep ReLU's inputs away from the kink.
    let xr: Vec<f32> = x.iter().map(|v| if v.abs() < 0.05 { 0.5 } else { *v }).collect();
    ops::relu_backward(&xr, &w, &mut dx);
    check("relu", &xr, &dx, |x| {
        let mut o = vec![0.0; n];
        ops::relu(x, &mut o);
        dot(&o, &w)
    });
    let (mut da, mut db) = (vec![0.0; n], vec![0.0; n]);
    ops::mul_backward(&x, &y, &w, &mut da, &mut db);
    check("mul", &x, &da, |x| {
        let mut o = vec![0.0; n];
        ops::mul(x, &y, &mut o);
        dot(&o, &w)
    });
}

#[test]
fn bias_softmax_and_cross_entropy_backwards() {
    let mut rng = SmallRng::seed_from_u64(3);
    let (rows, n) = (4, 6);
    let x = random(&mut rng, rows * n);
    let w = random(&mut rng, rows * n);
    let bias = random(&mut rng, n);
    let mut dbias = vec![0.0; n];
    ops::bias_backward(&w, &mut dbias);
    check("bias", &bias, &dbias, |b| {
        let mut o = vec![0.0; rows * n];
        ops::bias_add(&x, b, &mut o);
        dot(&o, &w)
    });

    let mut y = vec![0.0; rows * n];
    ops::softmax(&x, &mut y, n);
    let mut dx = vec![0.0; rows * n];
    ops::softmax_backward(&y, &w, &mut dx, n);
    check("softmax", &x, &dx, |x| {
        let mut o = vec![0.0; rows * n];
        ops::softmax(x, &mut o, n);
        dot(&o, &w)
    });

    let targets: Vec<u32> = (0..rows).map(|_| rng.gen_range(0..n as u32)).collect();
    let mut logp = vec![0.0; rows * n];
    ops::cross_entropy(&x, &targets, &mut logp, n);
    ops::cross_entropy_backward(&logp, &targets, 1.0, &mut dx, n);
    check("cross_entropy", &x, &dx, |x| {
        let mut lp = vec![0.0; rows * n];
        ops::cross_entropy(x, &targets, &mut lp, n) as f64
    });
}

#[test]
fn layer_norm_backward() {
    let mut rng = SmallRng::seed_from_u64(4);
    let (rows, n) = (3, 8);
    let x = random(&mut rng, rows * n);
    let (gamma, beta, w) = (random(&mut rng, n), random(&mut rng, n), random(&mut rng, rows * n));
    let mut out = vec![0.0; rows * n];
    let mut stats = vec![RowStats::default(); rows];
    ops::layer_norm(&x, &gamma, &beta, 1e-5, &mut out, &mut stats);
    let (mut dx, mut dg, mut db) = (vec![0.0; rows * n], vec![0.0; n], vec![0.0; n]);
    ops::layer_norm_backward(&x, &gamma, &stats, &w, &mut dx, &mut dg, &mut db);
    let f = |x: &[f32], g: &[f32], b: &[f32]| {
        let mut o = vec![0.0; rows * n];
        let mut st = vec![RowStats::default(); rows];
        ops::layer_norm(x, g, b, 1e-5, &mut o, &mut st);
        dot(&o, &w)
    };
    check("ln.dx", &x, &dx, |x| f(x, &gamma, &beta));
    check("ln.dgamma", &gamma, &dg, |g| f(&x, g, &beta));
    check("ln.dbeta", &beta, &db, |b| f(&x, &gamma, b));
}

#[test]
fn embedding_backward_accumulates_repeats() {
    let ids = [2u32, 0, 2];
    let dim = 2;
    let table: Vec<f32> = (0..6).map(|v| v as f32).collect();
    let mut out = vec![0.0; 6];
    ops::embedding(&ids, &table, dim, &mut out);
    assert_eq!(out, [4.0, 5.0, 0.0, 1.0, 4.0, 5.0]);
    let dy = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
    let mut dt = vec![9.0; 6];
    ops::embedding_backward(&ids, &dy, dim, &mut dt);
    assert_eq!(dt, [3.0, 4.0, 0.0, 0.0, 6.0, 8.0]);
}

#[test]
fn optimizers_descend_a_quadratic() {
    // Minimise Σ (p − 3)²: gradient 2(p − 3).
    let mut p = vec![0.0f32; 4];
    let mut v = vec![0.0f32; 4];
    for _ in 0..200 {
        let g: Vec<f32> = p.iter().map(|p| 2.0 * (p - 3.0)).collect();
        optim::sgd_momentum(&mut p, &g, &mut v, 0.05, 0.9, 0.0);
    }
    assert!(p.iter().all(|p| (p - 3.0).abs() < 1e-3), "{p:?}");

    let adam = optim::AdamW { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.0 };
    let (mut p, mut m, mut v) = (vec![0.0f32; 4], vec![0.0f32; 4], vec![0.0f32; 4]);
    for t in 1..=500 {
        let g: Vec<f32> = p.iter().map(|p| 2.0 * (p - 3.0)).collect();
        adam.step(&mut p, &g, &mut m, &mut v, t);
    }
    assert!(p.iter().all(|p| (p - 3.0).abs() < 1e-2), "{p:?}");
    // Square-and-multiply, low bit first: 10 = 0b1010.
    let b1 = 0.9f32 * 0.9;
    let b2 = b1 * b1;
    let b3 = b2 * b2;
    assert_eq!(optim::powi(0.9, 10).to_bits(), (b1 * b3).to_bits());
}

#[test]
fn attention_backward() {
    let mut rng = SmallRng::seed_from_u64(9);
    let s = ops::AttentionShape { batch: 2, seq: 5, heads: 2, head_dim: 3 };
    let (qkv, w) = (random(&mut rng, s.qkv_len()), random(&mut rng, s.out_len()));
    let mut dqkv = vec![0.0; s.qkv_len()];
    ops::attention_backward(&qkv, &w, &mut dqkv, &s);
    check("dqkv", &qkv, &dqkv, |x| {
        let mut o = vec![0.0; s.out_len()];
        ops::attention(x, &mut o, &s);
        dot(&o, &w)
    });
}

#[test]
fn accumulate_is_autograds_zero_started_sum() {
    let (a, b) = ([-0.0f32, -0.0, 1.5, -0.0], [-0.0f32, 0.0, 2.0, 3.0]);
    let mut out = [9.0f32; 4];
    ops::accumulate(&a, &b, &mut out);
    // A store that starts at +0 never yields −0 from two −0 contributions.
    assert_eq!(out.map(f32::to_bits), [0.0f32, 0.0, 3.5, 3.0].map(f32::to_bits));
}
