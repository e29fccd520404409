//! `cargo run --release --manifest-path bench/Cargo.toml --bin sgemm_gpu`
//!
//! Our reproducible CUDA matmul (sequential K per output, no FMA) against
//! cuBLAS SGEMM (FP32, TF32 off) on the same device buffers in the same
//! run: GFLOP/s of each and the ratio ours/cuBLAS. Also checks that our
//! result equals the CPU reference bit for bit on the smallest shape.
//! Prints why and exits 0 where there is no GPU.

use cudarc::cublas::{sys::cublasOperation_t, CudaBlas, Gemm, GemmConfig};
use gensyn_kernels::{cuda::Gpu, ops, ops::MatmulShape};
use rand::{rngs::SmallRng, Rng, SeedableRng};
use std::time::Instant;

/// Seconds per call: the best of `reps` timed batches of `inner` calls.
fn time(reps: usize, inner: usize, sync: &dyn Fn(), mut f: impl FnMut()) -> f64 {
    f();
    sync();
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..inner {
                f();
            }
            sync();
            t.elapsed().as_secs_f64() / inner as f64
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let gpu = match Gpu::new() {
        Ok(g) => g,
        Err(e) => {
            println!("skipped: {e}");
            return;
        }
    };
    println!("GPU: {}", gpu.name());
    let stream = gpu.stream().clone();
    let blas = CudaBlas::new(stream.clone()).expect("cuBLAS loads");
    let sync = || stream.synchronize().expect("stream synchronises");
    let mut rng = SmallRng::seed_from_u64(1);
    println!("{:>18} {:>12} {:>12} {:>8}", "m×k×n", "ours GF/s", "cuBLAS GF/s", "ratio");
    for &(m, k, n) in &[(256, 256, 256), (1024, 1024, 1024), (2048, 2048, 2048), (4096, 4096, 4096), (8192, 1024, 768)]
    {
        let a: Vec<f32> = (0..m * k).map(|_| rng.gen_range(-1.0..1.0)).collect();
        let b: Vec<f32> = (0..k * n).map(|_| rng.gen_range(-1.0..1.0)).collect();
        let s = MatmulShape::nn(m, k, n);
        let (da, db) = (stream.clone_htod(&a).unwrap(), stream.clone_htod(&b).unwrap());
        let mut dc = stream.alloc_zeros::<f32>(m * n).unwrap();
        let inner = (2e11 / s.flops() as f64).clamp(1.0, 100.0) as usize;
        let ours = time(5, inner, &sync, || gpu.matmul_on_device(&da, &db, &mut dc, s).unwrap());
        if m == 256 {
            let mut want = vec![0.0f32; m * n];
            ops::matmul(&a, &b, &mut want, s);
            let got = stream.clone_dtoh(&dc).unwrap();
            assert!(
                got.iter().zip(&want).all(|(x, y)| x.to_bits() == y.to_bits()),
                "GPU matmul differs from the reference"
            );
        }
        // Row-major C = A·B is column-major Cᵀ = Bᵀ·Aᵀ: swap the operands.
        let cfg = GemmConfig {
            transa: cublasOperation_t::CUBLAS_OP_N,
            transb: cublasOperation_t::CUBLAS_OP_N,
            m: n as i32,
            n: m as i32,
            k: k as i32,
            alpha: 1.0f32,
            lda: n as i32,
            ldb: k as i32,
            beta: 0.0f32,
            ldc: n as i32,
        };
        // SAFETY: buffer sizes match the configuration above.
        let theirs = time(5, inner, &sync, || unsafe { blas.gemm(cfg, &db, &da, &mut dc) }.unwrap());
        let gf = |t: f64| s.flops() as f64 / t / 1e9;
        println!("{:>18} {:>12.0} {:>12.0} {:>8.2}", format!("{m}×{k}×{n}"), gf(ours), gf(theirs), theirs / ours);
    }
}
