//! Causal attention with independent outputs in SIMD lanes.

use super::{lanes, par_rows, MatmulPath};
use crate::ops::AttentionShape;

/// Sequence-parallel [`crate::ops::attention`]: each sequence is computed
/// whole on one thread by [`attention_sequence`].
pub fn attention(qkv: &[f32], out: &mut [f32], s: &AttentionShape, threads: usize) {
    assert!(qkv.len() == s.qkv_len() && out.len() == s.out_len(), "attention");
    let (inp, outp) = (s.seq * 3 * s.width(), s.seq * s.width());
    par_rows(qkv, out, inp, outp, threads, |x, y| {
        for (x, y) in x.chunks_exact(inp).zip(y.chunks_exact_mut(outp)) {
            attention_sequence(x, y, s);
        }
    });
}

/// Sequence-parallel [`crate::ops::attention_backward`].
pub fn attention_backward(qkv: &[f32], dout: &[f32], dqkv: &mut [f32], s: &AttentionShape, threads: usize) {
    assert!(qkv.len() == s.qkv_len() && dout.len() == s.out_len() && dqkv.len() == qkv.len(), "attention_backward");
    let (inp, outp) = (s.seq * 3 * s.width(), s.seq * s.width());
    let per = sequences_per_job(s, threads);
    let run = |x: &[f32], dy: &[f32], dx: &mut [f32]| {
        for ((x, dy), dx) in x.chunks_exact(inp).zip(dy.chunks_exact(outp)).zip(dx.chunks_exact_mut(inp)) {
            attention_sequence_backward(x, dy, dx, s);
        }
    };
    let jobs = qkv.chunks(per * inp).zip(dout.chunks(per * outp)).zip(dqkv.chunks_mut(per * inp));
    super::par_jobs(jobs, |((x, dy), dx)| run(x, dy, dx));
}

/// [`crate::ops::attention_sequence`] with its loops turned so that SIMD
/// lanes hold independent outputs: a score row is computed for all keys at
/// once (each lane folding the head dimension in order), an output row for
/// all its columns at once (each lane folding the keys in order). Softmax
/// and its backward tree are the reference's own functions.
pub fn attention_sequence(qkv: &[f32], out: &mut [f32], s: &AttentionShape) {
    match MatmulPath::best() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `best` only returns paths this CPU has.
        MatmulPath::Avx512 => unsafe { attention_fwd_avx512(qkv, out, s) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: as above.
        MatmulPath::Avx2 => unsafe { attention_fwd_avx2(qkv, out, s) },
        _ => attention_fwd_lanes(qkv, out, s),
    }
}

/// [`crate::ops::attention_sequence_backward`], lane-friendly like
/// [`attention_sequence`].
pub fn attention_sequence_backward(qkv: &[f32], dout: &[f32], dqkv: &mut [f32], s: &AttentionShape) {
    sequence_pass(qkv, dout, Pass::Whole(dqkv), s)
}

/// One sequence's backward `pass` on the path this CPU runs.
fn sequence_pass(qkv: &[f32], dout: &[f32], pass: Pass<'_>, s: &AttentionShape) {
    match MatmulPath::best() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `best` only returns paths this CPU has.
        MatmulPath::Avx512 => unsafe { attention_bwd_avx512(qkv, dout, pass, s) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: as above.
        MatmulPath::Avx2 => unsafe { attention_bwd_avx2(qkv, dout, pass, s) },
        _ => backward_pass(qkv, dout, pass, s),
    }
}

/// Sequence-parallel [`crate::ops::attention_stats`]: every query row's
/// `[m, S, Σ P·dP]` per head, laid out `[heads × batch·seq × 3]`.
pub fn attention_stats(qkv: &[f32], dout: &[f32], stats: &mut [f32], s: &AttentionShape, threads: usize) {
    let (inp, outp, local) = (s.seq * 3 * s.width(), s.seq * s.width(), s.heads * s.seq * 3);
    assert!(qkv.len() == s.qkv_len() && dout.len() == s.out_len() && stats.len() == s.batch * local, "attention_stats");
    // Sequence by sequence into `[batch × heads × seq × 3]`, then each
    // head's rows moved to the operator's head-major layout.
    let mut by_seq = vec![0.0f32; s.batch * local];
    let per = sequences_per_job(s, threads);
    let jobs = qkv.chunks(per * inp).zip(dout.chunks(per * outp)).zip(by_seq.chunks_mut(per * local));
    super::par_jobs(jobs, |((x, dy), st)| {
        for ((x, dy), st) in x.chunks_exact(inp).zip(dy.chunks_exact(outp)).zip(st.chunks_exact_mut(local)) {
            sequence_pass(x, dy, Pass::Stats(st), s);
        }
    });
    crate::ops::stats_to_heads(&by_seq, stats, s);
}

/// Sequence-parallel [`crate::ops::attention_grad_from`]: `dqkv` from the
/// statistics [`attention_stats`] lays out.
pub fn attention_grad_from(
    qkv: &[f32],
    dout: &[f32],
    stats: &[f32],
    dqkv: &mut [f32],
    s: &AttentionShape,
    threads: usize,
) {
    let (inp, outp, local) = (s.seq * 3 * s.width(), s.seq * s.width(), s.heads * s.seq * 3);
    assert!(
        qkv.len() == s.qkv_len() && dout.len() == s.out_len() && stats.len() == s.batch * local && dqkv.len() == qkv.len(),
        "attention_grad_from"
    );
    let mut by_seq = vec![0.0f32; s.batch * local];
    crate::ops::stats_to_sequences(stats, &mut by_seq, s);
    let per = sequences_per_job(s, threads);
    let jobs = qkv.chunks(per * inp).zip(dout.chunks(per * outp)).zip(by_seq.chunks(per * local));
    super::par_jobs(jobs.zip(dqkv.chunks_mut(per * inp)), |(((x, dy), st), dx)| {
        for (((x, dy), st), dx) in
            x.chunks_exact(inp).zip(dy.chunks_exact(outp)).zip(st.chunks_exact(local)).zip(dx.chunks_exact_mut(inp))
        {
            sequence_pass(x, dy, Pass::GradFrom(st, dx), s);
        }
    });
}

/// Sequences per job for `threads` threads over `s.batch` sequences.
fn sequences_per_job(s: &AttentionShape, threads: usize) -> usize {
    s.batch.div_ceil(threads.clamp(1, s.batch.max(1))).max(1)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn attention_fwd_avx512(qkv: &[f32], out: &mut [f32], s: &AttentionShape) {
    attention_fwd_lanes(qkv, out, s)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn attention_fwd_avx2(qkv: &[f32], out: &mut [f32], s: &AttentionShape) {
    attention_fwd_lanes(qkv, out, s)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn attention_bwd_avx512(qkv: &[f32], dout: &[f32], pass: Pass<'_>, s: &AttentionShape) {
    backward_pass(qkv, dout, pass, s)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn attention_bwd_avx2(qkv: &[f32], dout: &[f32], pass: Pass<'_>, s: &AttentionShape) {
    backward_pass(qkv, dout, pass, s)
}

/// `acc[j] = acc[j] + x·row[j]` over the whole slice: one fold step for
/// every lane.
#[inline(always)]
fn axpy(acc: &mut [f32], x: f32, row: &[f32]) {
    for (a, &r) in acc.iter_mut().zip(row) {
        *a = *a + x * r;
    }
}

/// One head's columns `col..col + hd` of `src` rows (stride `stride`),
/// packed as `[n × hd]`, and, where a transposed copy is wanted, as `[hd × n]`.
#[inline(always)]
fn pack_head(src: &[f32], stride: usize, col: usize, n: usize, hd: usize, rows: &mut [f32], cols: Option<&mut [f32]>) {
    for t in 0..n {
        rows[t * hd..(t + 1) * hd].copy_from_slice(&src[t * stride + col..t * stride + col + hd]);
    }
    if let Some(cols) = cols {
        for t in 0..n {
            for c in 0..hd {
                cols[c * n + t] = rows[t * hd + c];
            }
        }
    }
}

/// Row `t` of one head's scaled scores into `scores[..=t]`: every key
/// `j ≤ t` in lanes (`kt` is `Kᵀ`, `[hd × n]`), each folding the head
/// dimension in order, then times `scale`.
#[inline(always)]
#[allow(clippy::too_many_arguments)] // the hot loop's operands, named
fn scaled_scores(q: &[f32], kt: &[f32], t: usize, n: usize, hd: usize, scale: f32, scores: &mut [f32]) {
    let acc = &mut scores[..=t];
    acc.fill(0.0);
    for c in 0..hd {
        axpy(acc, q[t * hd + c], &kt[c * n..c * n + t + 1]);
    }
    for v in acc.iter_mut() {
        *v = *v * scale;
    }
}

/// Row `t` of one head's probabilities into `row[..=t]`: the scores
/// ([`scaled_scores`]), then the softmax (in lanes too). Returns the row's
/// maximum score and sum of exponentials.
#[inline(always)]
#[allow(clippy::too_many_arguments)] // the hot loop's operands, named
fn probabilities(
    q: &[f32],
    kt: &[f32],
    t: usize,
    n: usize,
    hd: usize,
    scale: f32,
    scores: &mut [f32],
    row: &mut [f32],
) -> (f32, f32) {
    scaled_scores(q, kt, t, n, hd, scale, scores);
    super::rows::softmax_row(&scores[..=t], &mut row[..=t])
}

#[inline(always)]
fn attention_fwd_lanes(qkv: &[f32], out: &mut [f32], s: &AttentionShape) {
    let (stride, d, n, hd) = (3 * s.width(), s.width(), s.seq, s.head_dim);
    assert!(qkv.len() == n * stride && out.len() == n * d, "attention_sequence");
    let scale = s.scale();
    let (mut q, mut k, mut kt, mut v) =
        (vec![0.0f32; n * hd], vec![0.0f32; n * hd], vec![0.0f32; n * hd], vec![0.0f32; n * hd]);
    let (mut scores, mut row, mut acc) = (vec![0.0f32; n], vec![0.0f32; n], vec![0.0f32; hd]);
    for h in 0..s.heads {
        pack_head(qkv, stride, h * hd, n, hd, &mut q, None);
        pack_head(qkv, stride, d + h * hd, n, hd, &mut k, Some(&mut kt));
        pack_head(qkv, stride, 2 * d + h * hd, n, hd, &mut v, None);
        for t in 0..n {
            probabilities(&q, &kt, t, n, hd, scale, &mut scores, &mut row);
            acc.fill(0.0);
            for j in 0..=t {
                axpy(&mut acc, row[j], &v[j * hd..(j + 1) * hd]);
            }
            out[t * d + h * hd..t * d + (h + 1) * hd].copy_from_slice(&acc);
        }
    }
}

/// What one backward pass over a sequence computes: the whole gradient,
/// only each query row's statistics `[m, S, Σ P·dP]` (head-major,
/// `[heads × seq × 3]`), or the gradient from given statistics — the
/// program's two nodes ([`crate::ops::attention_stats_rows`],
/// [`crate::ops::attention_backward_rows`]), whose composition is the whole.
enum Pass<'a> {
    Whole(&'a mut [f32]),
    Stats(&'a mut [f32]),
    GradFrom(&'a [f32], &'a mut [f32]),
}

#[inline(always)]
fn backward_pass(qkv: &[f32], dout: &[f32], mut pass: Pass<'_>, s: &AttentionShape) {
    let (stride, d, n, hd) = (3 * s.width(), s.width(), s.seq, s.head_dim);
    let want = match &pass {
        Pass::Whole(dqkv) | Pass::GradFrom(_, dqkv) => dqkv.len() == qkv.len(),
        Pass::Stats(stats) => stats.len() == s.heads * n * 3,
    };
    let given = match &pass {
        Pass::GradFrom(stats, _) => stats.len() == s.heads * n * 3,
        _ => true,
    };
    assert!(qkv.len() == n * stride && dout.len() == n * d && want && given, "attention_backward");
    let scale = s.scale();
    let (mut q, mut k, mut kt) = (vec![0.0f32; n * hd], vec![0.0f32; n * hd], vec![0.0f32; n * hd]);
    let (mut v, mut vt, mut g) = (vec![0.0f32; n * hd], vec![0.0f32; n * hd], vec![0.0f32; n * hd]);
    // Lower-triangular P and dS of one head, row-major `[n × n]`.
    let (mut p, mut ds) = (vec![0.0f32; n * n], vec![0.0f32; n * n]);
    let (mut scores, mut dp, mut acc) = (vec![0.0f32; n], vec![0.0f32; n], vec![0.0f32; hd]);
    let mut prod = vec![0.0f32; n];
    for h in 0..s.heads {
        let (qc, kc, vc) = (h * hd, d + h * hd, 2 * d + h * hd);
        pack_head(qkv, stride, qc, n, hd, &mut q, None);
        pack_head(qkv, stride, kc, n, hd, &mut k, Some(&mut kt));
        pack_head(qkv, stride, vc, n, hd, &mut v, Some(&mut vt));
        pack_head(dout, d, h * hd, n, hd, &mut g, None);
        for t in 0..n {
            let at = (h * n + t) * 3;
            let row = &mut p[t * n..(t + 1) * n];
            // P[t, ..]: the softmax of the scores, or from the given m and S.
            let (m, sum) = match &pass {
                Pass::GradFrom(stats, _) => {
                    let (m, sum) = (stats[at], stats[at + 1]);
                    scaled_scores(&q, &kt, t, n, hd, scale, &mut scores);
                    for (y, &x) in row[..=t].iter_mut().zip(&scores[..=t]) {
                        *y = lanes::exp(x - m) / sum;
                    }
                    (m, sum)
                }
                _ => probabilities(&q, &kt, t, n, hd, scale, &mut scores, row),
            };
            // dP[t, j] = dout_t · v_j for every j ≤ t, in lanes.
            let dpt = &mut dp[..=t];
            dpt.fill(0.0);
            for c in 0..hd {
                axpy(dpt, g[t * hd + c], &vt[c * n..c * n + t + 1]);
            }
            let pr = &p[t * n..t * n + t + 1];
            let dot = match &pass {
                Pass::GradFrom(stats, _) => stats[at + 2],
                _ => {
                    for ((q, &a), &b) in prod.iter_mut().zip(pr).zip(dpt.iter()) {
                        *q = a * b;
                    }
                    lanes::tree_sum(&prod[..=t])
                }
            };
            if let Pass::Stats(stats) = &mut pass {
                stats[at..at + 3].copy_from_slice(&[m, sum, dot]);
                continue;
            }
            for j in 0..=t {
                ds[t * n + j] = (pr[j] * (dpt[j] - dot)) * scale;
            }
        }
        let dqkv = match &mut pass {
            Pass::Whole(dqkv) | Pass::GradFrom(_, dqkv) => &mut **dqkv,
            Pass::Stats(_) => continue,
        };
        for t in 0..n {
            acc.fill(0.0);
            for j in 0..=t {
                axpy(&mut acc, ds[t * n + j], &k[j * hd..(j + 1) * hd]);
            }
            dqkv[t * stride + qc..t * stride + qc + hd].copy_from_slice(&acc);
            // Row `t` as a key/value: the queries at or after it.
            acc.fill(0.0);
            for i in t..n {
                axpy(&mut acc, ds[i * n + t], &q[i * hd..(i + 1) * hd]);
            }
            dqkv[t * stride + kc..t * stride + kc + hd].copy_from_slice(&acc);
            acc.fill(0.0);
            for i in t..n {
                axpy(&mut acc, p[i * n + t], &g[i * hd..(i + 1) * hd]);
            }
            dqkv[t * stride + vc..t * stride + vc + hd].copy_from_slice(&acc);
        }
    }
}
