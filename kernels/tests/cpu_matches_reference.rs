//! The fast CPU paths return the reference operators' exact bits, for
//! randomized shapes and 1, 2 and many threads, on every SIMD path this
//! CPU has ([`every_simd_path_matches_the_reference`]).

use gensyn_kernels::{cpu, ops, ops::MatmulShape};
use rand::{rngs::SmallRng, Rng, SeedableRng};

fn random(rng: &mut SmallRng, n: usize) -> Vec<f32> {
    // Mixed magnitudes make any reordering visible in the low bits.
    (0..n).map(|_| rng.gen_range(-1.0f32..1.0) * 10f32.powi(rng.gen_range(-3..4))).collect()
}

fn bits(v: &[f32]) -> Vec<u32> {
    v.iter().map(|x| x.to_bits()).collect()
}

#[test]
fn matmul_fast_path_is_bitwise_equal_to_reference() {
    let mut rng = SmallRng::seed_from_u64(0x6e75);
    for case in 0..60 {
        let (m, k, n) = (rng.gen_range(1..70), rng.gen_range(1..90), rng.gen_range(1..150));
        let (ta, tb) = (rng.gen_bool(0.5), rng.gen_bool(0.5));
        let s = MatmulShape { m, k, n, ta, tb };
        let a = random(&mut rng, m * k);
        let b = random(&mut rng, k * n);
        let mut want = vec![0.0; m * n];
        ops::matmul(&a, &b, &mut want, s);
        for path in cpu::MatmulPath::available() {
            for threads in [1, 2, 7] {
                let mut got = vec![f32::NAN; m * n];
                cpu::matmul_with(path, &a, &b, &mut got, s, threads);
                assert_eq!(bits(&got), bits(&want), "case {case}: {s:?}, {path:?}, {threads} threads");
            }
        }
    }
    // No terms: +0 everywhere, like the reference's accumulator.
    let mut got = vec![f32::NAN; 6];
    cpu::matmul(&[], &[], &mut got, MatmulShape::nn(2, 0, 3), 2);
    assert_eq!(bits(&got), bits(&[0.0; 6]));
}

#[test]
fn a_row_alone_equals_the_same_row_in_a_batch() {
    // candle's default CPU matmul does not guarantee this; ours must.
    let mut rng = SmallRng::seed_from_u64(3);
    let (m, k, n) = (33, 257, 129);
    let a = random(&mut rng, m * k);
    let b = random(&mut rng, k * n);
    let mut batch = vec![0.0; m * n];
    cpu::matmul(&a, &b, &mut batch, MatmulShape::nn(m, k, n), 4);
    for i in [0, 5, 32] {
        let mut row = vec![0.0; n];
        cpu::matmul(&a[i * k..(i + 1) * k], &b, &mut row, MatmulShape::nn(1, k, n), 1);
        assert_eq!(bits(&row), bits(&batch[i * n..(i + 1) * n]), "row {i}");
    }
}

/// `rows × n` for the row-wise tests: small ones, then ones large enough
/// that every operator takes its multi-threaded path.
fn row_shapes(rng: &mut SmallRng) -> Vec<(usize, usize)> {
    let mut shapes: Vec<(usize, usize)> = (0..16).map(|_| (rng.gen_range(1..40), rng.gen_range(1..300))).collect();
    shapes.extend((0..4).map(|_| (rng.gen_range(100..300), rng.gen_range(128..400))));
    shapes.push((256, 256));
    shapes
}

#[test]
fn row_parallel_ops_are_bitwise_equal_to_reference() {
    let mut rng = SmallRng::seed_from_u64(11);
    for (rows, n) in row_shapes(&mut rng) {
        let x = random(&mut rng, rows * n);
        let dy = random(&mut rng, rows * n);
        let bias = random(&mut rng, n);
        let targets: Vec<u32> = (0..rows).map(|_| rng.gen_range(0..n as u32)).collect();
        let len = rows * n;
        let (mut want, mut got) = (vec![0.0; len], vec![0.0; len]);
        let (mut nwant, mut ngot) = (vec![0.0; n], vec![0.0; n]);
        for threads in [1, 2, 7] {
            let at = format!("{rows}×{n}, {threads} threads");
            ops::softmax(&x, &mut want, n);
            cpu::softmax(&x, &mut got, n, threads);
            assert_eq!(bits(&got), bits(&want), "softmax {at}");
            let y = want.clone();
            ops::softmax_backward(&y, &dy, &mut want, n);
            cpu::softmax_backward(&y, &dy, &mut got, n, threads);
            assert_eq!(bits(&got), bits(&want), "softmax_backward {at}");
            ops::log_softmax(&x, &mut want, n);
            cpu::log_softmax(&x, &mut got, n, threads);
            assert_eq!(bits(&got), bits(&want), "log_softmax {at}");
            let loss = ops::cross_entropy(&x, &targets, &mut want, n);
            assert_eq!(cpu::cross_entropy(&x, &targets, &mut got, n, threads).to_bits(), loss.to_bits());
            assert_eq!(bits(&got), bits(&want), "cross_entropy {at}");
            let logp = want.clone();
            ops::cross_entropy_backward(&logp, &targets, 0.7, &mut want, n);
            cpu::cross_entropy_backward(&logp, &targets, 0.7, &mut got, n, threads);
            assert_eq!(bits(&got), bits(&want), "cross_entropy_backward {at}");
            ops::gelu(&x, &mut want);
            cpu::gelu(&x, &mut got, threads);
            assert_eq!(bits(&got), bits(&want), "gelu {at}");
            ops::gelu_backward(&x, &dy, &mut want);
            cpu::gelu_backward(&x, &dy, &mut got, threads);
            assert_eq!(bits(&got), bits(&want), "gelu_backward {at}");
            ops::bias_add(&x, &bias, &mut want);
            cpu::bias_add(&x, &bias, &mut got, threads);
            assert_eq!(bits(&got), bits(&want), "bias_add {at}");
            ops::bias_backward(&dy, &mut nwant);
            cpu::bias_backward(&dy, &mut ngot, threads);
            assert_eq!(bits(&ngot), bits(&nwant), "bias_backward {at}");
        }
    }
}

#[test]
fn layer_norm_fast_paths_are_bitwise_equal_to_reference() {
    let mut rng = SmallRng::seed_from_u64(14);
    for (rows, n) in row_shapes(&mut rng) {
        let x = random(&mut rng, rows * n);
        let dy = random(&mut rng, rows * n);
        let (gamma, beta) = (random(&mut rng, n), random(&mut rng, n));
        let (mut want, mut got) = (vec![0.0; rows * n], vec![0.0; rows * n]);
        let (mut swant, mut sgot) = (vec![ops::RowStats::default(); rows], vec![ops::RowStats::default(); rows]);
        ops::layer_norm(&x, &gamma, &beta, 1e-5, &mut want, &mut swant);
        let (mut dxw, mut dgw, mut dbw) = (vec![0.0; rows * n], vec![0.0; n], vec![0.0; n]);
        ops::layer_norm_backward(&x, &gamma, &swant, &dy, &mut dxw, &mut dgw, &mut dbw);
        for threads in [1, 2, 7] {
            let at = format!("{rows}×{n}, {threads} threads");
            cpu::layer_norm(&x, &gamma, &beta, 1e-5, &mut got, &mut sgot, threads);
            assert_eq!(bits(&got), bits(&want), "layer_norm {at}");
            assert_eq!(sgot, swant, "layer_norm stats {at}");
            let (mut dx, mut dg, mut db) = (vec![0.0; rows * n], vec![0.0; n], vec![0.0; n]);
            cpu::layer_norm_backward(&x, &gamma, &sgot, &dy, &mut dx, &mut dg, &mut db, threads);
            assert_eq!(bits(&dx), bits(&dxw), "layer_norm_backward dx {at}");
            assert_eq!(bits(&dg), bits(&dgw), "layer_norm_backward dγ {at}");
            assert_eq!(bits(&db), bits(&dbw), "layer_norm_backward dβ {at}");
        }
    }
}

#[test]
fn sequence_parallel_attention_is_bitwise_equal_to_reference() {
    let mut rng = SmallRng::seed_from_u64(12);
    for case in 0..14 {
        // Small shapes, then a few wider than a SIMD register in both the
        // key and the head dimension.
        let (seq, head_dim) = if case < 10 { (1..20, 1..9) } else { (17..200, 9..48) };
        let s = ops::AttentionShape {
            batch: rng.gen_range(1..6),
            seq: rng.gen_range(seq),
            heads: rng.gen_range(1..4),
            head_dim: rng.gen_range(head_dim),
        };
        let qkv: Vec<f32> = random(&mut rng, s.qkv_len()).iter().map(|v| v * 0.01).collect();
        let dout = random(&mut rng, s.out_len());
        let (mut want, mut got) = (vec![0.0; s.out_len()], vec![0.0; s.out_len()]);
        ops::attention(&qkv, &mut want, &s);
        let (mut dwant, mut dgot) = (vec![0.0; s.qkv_len()], vec![0.0; s.qkv_len()]);
        ops::attention_backward(&qkv, &dout, &mut dwant, &s);
        // The program's two halves of the backward: statistics, then the
        // gradient from them; and from statistics nobody honest computed
        // (a cheater's node output), which the fast path must also follow.
        let mut stats = vec![0.0; s.heads * s.batch * s.seq * 3];
        ops::attention_stats(&qkv, &dout, &mut stats, &s);
        let mut from = vec![0.0; s.qkv_len()];
        ops::attention_grad_from(&qkv, &dout, &stats, &mut from, &s);
        assert_eq!(bits(&from), bits(&dwant), "{s:?}: the halves compose to the whole");
        let forged: Vec<f32> = stats.iter().map(|v| v * rng.gen_range(0.5f32..2.0)).collect();
        let mut forged_want = vec![0.0; s.qkv_len()];
        ops::attention_grad_from(&qkv, &dout, &forged, &mut forged_want, &s);
        for threads in [1, 2, 7] {
            cpu::attention(&qkv, &mut got, &s, threads);
            assert_eq!(bits(&got), bits(&want), "{s:?}, {threads} threads");
            cpu::attention_backward(&qkv, &dout, &mut dgot, &s, threads);
            assert_eq!(bits(&dgot), bits(&dwant), "{s:?}, {threads} threads");
            let mut sgot = vec![0.0; stats.len()];
            cpu::attention_stats(&qkv, &dout, &mut sgot, &s, threads);
            assert_eq!(bits(&sgot), bits(&stats), "stats {s:?}, {threads} threads");
            cpu::attention_grad_from(&qkv, &dout, &stats, &mut dgot, &s, threads);
            assert_eq!(bits(&dgot), bits(&dwant), "grad from stats {s:?}, {threads} threads");
            cpu::attention_grad_from(&qkv, &dout, &forged, &mut dgot, &s, threads);
            assert_eq!(bits(&dgot), bits(&forged_want), "grad from forged stats {s:?}, {threads} threads");
        }
    }
}

/// The row operators and attention read their SIMD path from `GENSYN_SIMD`
/// once per process, so this file's tests run again in a child process per
/// path the CPU has (the matmul tests above also take every path in-process).
#[test]
fn every_simd_path_matches_the_reference() {
    if let Ok(path) = std::env::var("GENSYN_SIMD") {
        // A child of this test, or a run forced onto one path by its caller.
        return eprintln!("only the forced path GENSYN_SIMD={path} here");
    }
    let me = std::env::current_exe().expect("the test binary");
    // Under an emulator (the aarch64 cross test), the child goes through it too.
    let runner = std::env::var("GENSYN_TEST_RUNNER").unwrap_or_default();
    let runner = runner.split_whitespace();
    for path in cpu::MatmulPath::available() {
        let mut child = match runner.clone().next() {
            Some(emulator) => {
                let mut c = std::process::Command::new(emulator);
                c.args(runner.clone().skip(1)).arg(&me);
                c
            }
            None => std::process::Command::new(&me),
        };
        let out = child
            .env("GENSYN_SIMD", path.name())
            .args(["--skip", "every_simd_path_matches_the_reference"])
            .output()
            .expect("the test binary runs again");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "path {}:\n{stdout}\n{}", path.name(), String::from_utf8_lossy(&out.stderr));
        // The child ran the tests (a filter typo would pass with none).
        let ran = stdout.lines().find(|l| l.starts_with("test result: ok.")).unwrap_or_default();
        assert!(!ran.contains(" 0 passed"), "path {}: {ran}", path.name());
        eprintln!("path {}: {ran}", path.name());
    }
}

#[test]
fn attention_is_causal() {
    let mut rng = SmallRng::seed_from_u64(13);
    let s = ops::AttentionShape { batch: 1, seq: 9, heads: 2, head_dim: 4 };
    let qkv = random(&mut rng, s.qkv_len());
    let mut later = qkv.clone();
    // Change every input of the last token: no earlier output may move.
    let row = 3 * s.width();
    for v in &mut later[(s.seq - 1) * row..] {
        *v = -*v + 1.0;
    }
    let (mut a, mut b) = (vec![0.0; s.out_len()], vec![0.0; s.out_len()]);
    ops::attention(&qkv, &mut a, &s);
    ops::attention(&later, &mut b, &s);
    let keep = (s.seq - 1) * s.width();
    assert_eq!(bits(&a[..keep]), bits(&b[..keep]));
    assert_ne!(bits(&a[keep..]), bits(&b[keep..]));
}
