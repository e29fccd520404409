//! `cargo run --release --manifest-path bench/Cargo.toml [-- THREADS [--all-paths]]`
//!
//! Our reproducible CPU matmul against the `gemm` crate (candle's CPU
//! matmul backend), measured in the same run on the same inputs. Prints
//! GFLOP/s for each and the ratio ours/gemm, on the SIMD path the kernels
//! run (`GENSYN_SIMD` forces one), or with `--all-paths` on every path this
//! CPU has.

use gensyn_kernels::{cpu, ops::MatmulShape};
use rand::{rngs::SmallRng, Rng, SeedableRng};
use std::time::Instant;

fn best_of<F: FnMut()>(reps: usize, mut f: F) -> f64 {
    f(); // warm-up
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let threads: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or_else(cpu::default_threads);
    if let Err(e) = cpu::forced() {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
    let paths = if std::env::args().any(|a| a == "--all-paths") {
        cpu::MatmulPath::available()
    } else {
        vec![cpu::MatmulPath::best()]
    };
    for path in paths {
        run(path, threads);
    }
}

fn run(path: cpu::MatmulPath, threads: usize) {
    let mut rng = SmallRng::seed_from_u64(1);
    println!("threads = {threads}, path = {}", path.name());
    println!("{:>16} {:>12} {:>12} {:>8}", "m×k×n", "ours GF/s", "gemm GF/s", "ratio");
    for &(m, k, n) in &[(64, 64, 64), (256, 256, 256), (512, 512, 512), (1024, 1024, 1024), (128, 784, 256), (2048, 512, 64)] {
        let a: Vec<f32> = (0..m * k).map(|_| rng.gen_range(-1.0..1.0)).collect();
        let b: Vec<f32> = (0..k * n).map(|_| rng.gen_range(-1.0..1.0)).collect();
        let mut c = vec![0.0f32; m * n];
        let s = MatmulShape::nn(m, k, n);
        let reps = (2e9 / s.flops() as f64).clamp(3.0, 50.0) as usize;
        let ours = best_of(reps, || cpu::matmul_with(path, &a, &b, &mut c, s, threads));
        let par = if threads > 1 { gemm::Parallelism::Rayon(threads) } else { gemm::Parallelism::None };
        let theirs = best_of(reps, || unsafe {
            gemm::gemm(
                m, n, k,
                c.as_mut_ptr(), 1, n as isize,
                false,
                a.as_ptr(), 1, k as isize,
                b.as_ptr(), 1, n as isize,
                0.0f32, 1.0f32, false, false, false, par,
            )
        });
        let gf = |t: f64| s.flops() as f64 / t / 1e9;
        println!("{:>16} {:>12.1} {:>12.1} {:>8.2}", format!("{m}×{k}×{n}"), gf(ours), gf(theirs), theirs / ours);
    }
}
