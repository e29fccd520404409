//! CUDA kernels against the reference operators. Each test prints why it
//! skips when this machine has no libnvrtc or no GPU, and passes then: CI
//! and most developer machines have neither.

#![cfg(feature = "cuda")]

use gensyn_kernels::{
    cuda, math, ops,
    ops::{AttentionShape, MatmulShape},
    optim,
};
use rand::{rngs::SmallRng, Rng, SeedableRng};

fn bits(v: &[f32]) -> Vec<u32> {
    v.iter().map(|x| x.to_bits()).collect()
}

/// GPU 0, or `None` after printing why the test skips (no libcuda, no
/// libnvrtc or no device); any other failure is a bug.
fn gpu() -> Option<cuda::Gpu> {
    match cuda::Gpu::new() {
        Ok(g) => Some(g),
        Err(cuda::GpuError::Unavailable(why)) => {
            eprintln!("skipped: {why}");
            None
        }
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn kernels_compile_with_nvrtc() {
    match cuda::compile() {
        Ok(ptx) => {
            let src = ptx.to_src();
            for entry in [
                "matmul",
                "softmax_rows",
                "attention_fwd",
                "attention_bwd_rows",
                "attention_bwd_grads",
                "layer_norm_fwd",
                "layer_norm_bwd_rows",
                "layer_norm_bwd_params",
                "embedding_bwd",
                "binary",
                "bias_add",
                "embedding_fwd",
                "softmax_bwd_rows",
                "cross_entropy_loss",
                "cross_entropy_bwd",
                "sgd_momentum",
                "adamw",
            ] {
                assert!(src.contains(&format!(".entry {entry}")), "{entry}");
            }
            // The flags took: no contraction into FMA, IEEE division.
            assert!(!src.contains("fma.rn.f32"), "PTX contains FMA");
            assert!(!src.contains("div.approx") && !src.contains("div.full"), "PTX has approximate division");
        }
        Err(cuda::GpuError::Unavailable(why)) => eprintln!("skipped: {why}"),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn gpu_matches_reference_bitwise() {
    let Some(gpu) = gpu() else { return };
    eprintln!("GPU: {}", gpu.name());
    let mut rng = SmallRng::seed_from_u64(42);
    let mut random = |n: usize| -> Vec<f32> {
        (0..n).map(|_| rng.gen_range(-1.0f32..1.0) * 10f32.powi(rng.gen_range(-3..3))).collect()
    };
    for &(m, k, n) in &[(1, 1, 1), (7, 33, 5), (64, 64, 64), (100, 257, 31), (3, 1000, 70)] {
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let s = MatmulShape { m, k, n, ta, tb };
            let (a, b) = (random(m * k), random(k * n));
            let mut want = vec![0.0; m * n];
            ops::matmul(&a, &b, &mut want, s);
            assert_eq!(bits(&gpu.matmul(&a, &b, s).unwrap()), bits(&want), "{s:?}");
        }
    }
    let x = random(10_000);
    let pos: Vec<f32> = x.iter().map(|v| v.abs() + 1e-30).collect();
    for (op, f, input) in [
        (cuda::Unary::Relu, (|v: f32| if v > 0.0 { v } else { 0.0 }) as fn(f32) -> f32, &x),
        (cuda::Unary::Gelu, math::gelu, &x),
        (cuda::Unary::Exp, math::exp, &x),
        (cuda::Unary::Ln, math::ln, &pos),
        (cuda::Unary::Tanh, math::tanh, &x),
    ] {
        let want: Vec<f32> = input.iter().map(|v| f(*v)).collect();
        assert_eq!(bits(&gpu.unary(input, op).unwrap()), bits(&want), "{op:?}");
    }
    for &(rows, n) in &[(1, 1), (5, 3), (17, 1000), (4, 4096)] {
        let x = random(rows * n);
        let mut want = vec![0.0; rows * n];
        ops::softmax(&x, &mut want, n);
        assert_eq!(bits(&gpu.softmax(&x, n, false).unwrap()), bits(&want), "softmax {rows}×{n}");
        ops::log_softmax(&x, &mut want, n);
        assert_eq!(bits(&gpu.softmax(&x, n, true).unwrap()), bits(&want), "log_softmax {rows}×{n}");
        let mut db = vec![0.0; n];
        ops::bias_backward(&x, &mut db);
        assert_eq!(bits(&gpu.bias_backward(&x, n).unwrap()), bits(&db), "bias_backward {rows}×{n}");
    }
}

#[test]
fn gpu_attention_matches_reference_bitwise() {
    let Some(gpu) = gpu() else { return };
    let mut rng = SmallRng::seed_from_u64(7);
    let mut random = |n: usize| -> Vec<f32> { (0..n).map(|_| rng.gen_range(-2.0f32..2.0)).collect() };
    for s in [
        AttentionShape { batch: 1, seq: 1, heads: 1, head_dim: 1 },
        AttentionShape { batch: 3, seq: 7, heads: 2, head_dim: 5 },
        AttentionShape { batch: 2, seq: 64, heads: 4, head_dim: 16 },
        AttentionShape { batch: 1, seq: 300, heads: 3, head_dim: 8 },
    ] {
        let (qkv, dout) = (random(s.qkv_len()), random(s.out_len()));
        let mut want = vec![0.0; s.out_len()];
        ops::attention(&qkv, &mut want, &s);
        assert_eq!(bits(&gpu.attention(&qkv, s).unwrap()), bits(&want), "attention {s:?}");
        let mut want = vec![0.0; s.qkv_len()];
        ops::attention_backward(&qkv, &dout, &mut want, &s);
        assert_eq!(bits(&gpu.attention_backward(&qkv, &dout, s).unwrap()), bits(&want), "attention_backward {s:?}");
    }
    let too_long = AttentionShape { batch: 1, seq: 1025, heads: 1, head_dim: 1 };
    assert!(matches!(gpu.attention(&vec![0.0; too_long.qkv_len()], too_long), Err(cuda::GpuError::Shape(_))));
}

#[test]
fn gpu_layer_norm_and_embedding_match_reference_bitwise() {
    let Some(gpu) = gpu() else { return };
    let mut rng = SmallRng::seed_from_u64(9);
    let mut random = |n: usize| -> Vec<f32> { (0..n).map(|_| rng.gen_range(-3.0f32..3.0)).collect() };
    for &(rows, n) in &[(1, 1), (5, 3), (33, 100), (256, 768)] {
        let (x, gamma, beta, dy) = (random(rows * n), random(n), random(n), random(rows * n));
        let mut want = vec![0.0; rows * n];
        let mut stats = vec![ops::RowStats::default(); rows];
        ops::layer_norm(&x, &gamma, &beta, 1e-5, &mut want, &mut stats);
        let (got, got_stats) = gpu.layer_norm(&x, &gamma, &beta, 1e-5).unwrap();
        assert_eq!(bits(&got), bits(&want), "layer_norm {rows}×{n}");
        assert_eq!(got_stats, stats);
        let (mut dx, mut dg, mut db) = (vec![0.0; rows * n], vec![0.0; n], vec![0.0; n]);
        ops::layer_norm_backward(&x, &gamma, &stats, &dy, &mut dx, &mut dg, &mut db);
        let (gx, gg, gb) = gpu.layer_norm_backward(&x, &gamma, &stats, &dy).unwrap();
        assert_eq!(
            (bits(&gx), bits(&gg), bits(&gb)),
            (bits(&dx), bits(&dg), bits(&db)),
            "layer_norm_backward {rows}×{n}"
        );
    }
    let (vocab, dim, rows) = (50, 24, 300);
    let ids: Vec<u32> = (0..rows).map(|i| ((i * 7919) % 37) as u32).collect();
    let dy = random(rows * dim);
    let mut want = vec![0.0; vocab * dim];
    ops::embedding_backward(&ids, &dy, dim, &mut want);
    assert_eq!(bits(&gpu.embedding_backward(&ids, &dy, dim, vocab).unwrap()), bits(&want));
    assert!(matches!(gpu.embedding_backward(&[50], &dy[..dim], dim, vocab), Err(cuda::GpuError::Shape(_))));
}

#[test]
fn gpu_training_ops_match_reference_bitwise() {
    let Some(gpu) = gpu() else { return };
    let mut rng = SmallRng::seed_from_u64(11);
    let mut random = |n: usize| -> Vec<f32> {
        (0..n).map(|_| rng.gen_range(-1.0f32..1.0) * 10f32.powi(rng.gen_range(-2..2))).collect()
    };
    // Elementwise pairs, including signed zeros.
    let (mut a, b) = (random(5000), random(5000));
    a[0] = -0.0;
    a[1] = 0.0;
    type Reference = fn(&[f32], &[f32], &mut [f32]);
    let cases: [(cuda::Binary, Reference); 5] = [
        (cuda::Binary::Add, ops::add),
        (cuda::Binary::Mul, ops::mul),
        (cuda::Binary::ReluBackward, ops::relu_backward),
        (cuda::Binary::GeluBackward, ops::gelu_backward),
        (cuda::Binary::Accumulate, ops::accumulate),
    ];
    for (op, reference) in cases {
        let mut want = vec![0.0; a.len()];
        reference(&a, &b, &mut want);
        assert_eq!(bits(&gpu.binary(&a, &b, op).unwrap()), bits(&want), "{op:?}");
    }
    for &(rows, n) in &[(1, 1), (9, 7), (64, 1000)] {
        let (x, bias, dy) = (random(rows * n), random(n), random(rows * n));
        let mut want = vec![0.0; rows * n];
        ops::bias_add(&x, &bias, &mut want);
        assert_eq!(bits(&gpu.bias_add(&x, &bias).unwrap()), bits(&want), "bias_add {rows}×{n}");
        let mut y = vec![0.0; rows * n];
        ops::softmax(&x, &mut y, n);
        ops::softmax_backward(&y, &dy, &mut want, n);
        assert_eq!(bits(&gpu.softmax_backward(&y, &dy, n).unwrap()), bits(&want), "softmax_backward {rows}×{n}");
        let targets: Vec<u32> = (0..rows).map(|i| ((i * 31) % n) as u32).collect();
        let mut logp = vec![0.0; rows * n];
        let loss = ops::cross_entropy(&x, &targets, &mut logp, n);
        let (got_loss, got_logp) = gpu.cross_entropy(&x, &targets, n).unwrap();
        assert_eq!((got_loss.to_bits(), bits(&got_logp)), (loss.to_bits(), bits(&logp)), "cross_entropy {rows}×{n}");
        ops::cross_entropy_backward(&logp, &targets, 0.75, &mut want, n);
        assert_eq!(
            bits(&gpu.cross_entropy_backward(&logp, &targets, 0.75, n).unwrap()),
            bits(&want),
            "cross_entropy_backward {rows}×{n}"
        );
    }
    assert!(matches!(gpu.cross_entropy(&[0.0; 4], &[2, 0], 2), Err(cuda::GpuError::Shape(_))));
    let (vocab, dim) = (40, 12);
    let table = random(vocab * dim);
    let ids: Vec<u32> = (0..100).map(|i| ((i * 13) % vocab) as u32).collect();
    let mut want = vec![0.0; ids.len() * dim];
    ops::embedding(&ids, &table, dim, &mut want);
    assert_eq!(bits(&gpu.embedding(&ids, &table, dim).unwrap()), bits(&want));
    assert!(matches!(gpu.embedding(&[40], &table, dim), Err(cuda::GpuError::Shape(_))));
    // Optimisers over a few steps, so their state feeds back.
    let n = 3000;
    let (mut p, mut vel) = (random(n), vec![0.0; n]);
    let (mut gp, mut gvel) = (p.clone(), vel.clone());
    for _ in 0..3 {
        let g = random(n);
        optim::sgd_momentum(&mut p, &g, &mut vel, 0.05, 0.9, 1e-4);
        gpu.sgd_momentum(&mut gp, &g, &mut gvel, 0.05, 0.9, 1e-4).unwrap();
        assert_eq!((bits(&gp), bits(&gvel)), (bits(&p), bits(&vel)), "sgd_momentum");
    }
    let h = optim::AdamW { lr: 3e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.01 };
    let (mut p, mut m, mut v) = (random(n), vec![0.0; n], vec![0.0; n]);
    let (mut gp, mut gm, mut gv) = (p.clone(), m.clone(), v.clone());
    for step in 1..=3 {
        let g = random(n);
        h.step(&mut p, &g, &mut m, &mut v, step);
        gpu.adamw(&h, &mut gp, &g, &mut gm, &mut gv, step).unwrap();
        assert_eq!((bits(&gp), bits(&gm), bits(&gv)), (bits(&p), bits(&m), bits(&v)), "adamw step {step}");
    }
}
