//! The fast CPU paths return the reference operators' exact bits, for
//! randomized shapes and 1, 2 and many threads.

use gensyn_kernels::{cpu, math, ops, ops::MatmulShape};
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

#[test]
fn row_parallel_ops_are_bitwise_equal_to_reference() {
    let mut rng = SmallRng::seed_from_u64(11);
    for _ in 0..20 {
        let (rows, n) = (rng.gen_range(1..40), rng.gen_range(1..300));
        let x = random(&mut rng, rows * n);
        let (mut want, mut got) = (vec![0.0; rows * n], vec![0.0; rows * n]);
        ops::softmax(&x, &mut want, n);
        for threads in [1, 2, 7] {
            cpu::softmax(&x, &mut got, n, threads);
            assert_eq!(bits(&got), bits(&want));
        }
        ops::log_softmax(&x, &mut want, n);
        for threads in [1, 2, 7] {
            cpu::log_softmax(&x, &mut got, n, threads);
            assert_eq!(bits(&got), bits(&want));
        }
        ops::gelu(&x, &mut want);
        cpu::map(&x, &mut got, 3, math::gelu);
        assert_eq!(bits(&got), bits(&want));
    }
}

#[test]
fn sequence_parallel_attention_is_bitwise_equal_to_reference() {
    let mut rng = SmallRng::seed_from_u64(12);
    for case in 0..14 {
        // Small shapes, then a few wider than a SIMD register in both the
        // key and the head dimension.
        let (seq, head_dim) = if case < 10 { (1..20, 1..9) } else { (17..90, 9..48) };
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
        for threads in [1, 2, 7] {
            cpu::attention(&qkv, &mut got, &s, threads);
            assert_eq!(bits(&got), bits(&want), "{s:?}, {threads} threads");
            cpu::attention_backward(&qkv, &dout, &mut dgot, &s, threads);
            assert_eq!(bits(&dgot), bits(&dwant), "{s:?}, {threads} threads");
        }
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
