//! CUDA kernels against the reference operators. Each test prints why it
//! skips when this machine has no libnvrtc or no GPU, and passes then: CI
//! and most developer machines have neither.

#![cfg(feature = "cuda")]

use gensyn_kernels::{
    cuda, math, ops,
    ops::{AttentionShape, MatmulShape},
};
use rand::{rngs::SmallRng, Rng, SeedableRng};

fn bits(v: &[f32]) -> Vec<u32> {
    v.iter().map(|x| x.to_bits()).collect()
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
    let gpu = match cuda::Gpu::new() {
        Ok(g) => g,
        Err(cuda::GpuError::Unavailable(why)) => return eprintln!("skipped: {why}"),
        Err(e) => panic!("{e}"),
    };
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
    let gpu = match cuda::Gpu::new() {
        Ok(g) => g,
        Err(cuda::GpuError::Unavailable(why)) => return eprintln!("skipped: {why}"),
        Err(e) => panic!("{e}"),
    };
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
    let gpu = match cuda::Gpu::new() {
        Ok(g) => g,
        Err(cuda::GpuError::Unavailable(why)) => return eprintln!("skipped: {why}"),
        Err(e) => panic!("{e}"),
    };
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
