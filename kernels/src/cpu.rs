//! Fast CPU paths that return exactly the reference operators' bits.
//!
//! Speed comes only from *where* work runs, never from reordering it:
//! threads split the output rows, and SIMD lanes compute independent output
//! columns, each lane still folding K sequentially (`acc = acc + a·b`, a
//! separate multiply and add; Rust never contracts them into an FMA).

use crate::ops::{AttentionShape, MatmulShape};

/// Worker threads to use: `GENSYN_THREADS`, else the machine's parallelism.
pub fn default_threads() -> usize {
    std::env::var("GENSYN_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1))
}

/// Multiply-adds below which a matmul runs on one thread.
const PARALLEL_MIN_WORK: usize = 1 << 19;

/// A compiled variant of the fast matmul. Every one returns the
/// reference's bits; they differ only in SIMD width and tile shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatmulPath {
    /// 16-lane AVX-512 (32 vector registers): 8×32 micro-tiles.
    Avx512,
    /// 8-lane AVX2 (16 vector registers): 4×16 micro-tiles.
    Avx2,
    /// Whatever the baseline target has: 4×16 micro-tiles.
    Generic,
}

impl MatmulPath {
    /// Every path this CPU can run, fastest first.
    pub fn available() -> Vec<Self> {
        let mut paths = Vec::new();
        #[cfg(target_arch = "x86_64")]
        {
            if std::is_x86_feature_detected!("avx512f") {
                paths.push(MatmulPath::Avx512);
            }
            if std::is_x86_feature_detected!("avx2") {
                paths.push(MatmulPath::Avx2);
            }
        }
        paths.push(MatmulPath::Generic);
        paths
    }

    /// The fastest path this CPU can run.
    pub fn best() -> Self {
        Self::available()[0]
    }

    /// `(rows, columns)` of one micro-tile: its accumulators fill most of the
    /// vector registers, so they never leave them inside the K loop.
    fn tile(self) -> (usize, usize) {
        match self {
            MatmulPath::Avx512 => (8, 32),
            MatmulPath::Avx2 | MatmulPath::Generic => (4, 16),
        }
    }
}

/// `C = op(A)·op(B)`, bit-identical to [`crate::ops::matmul`], on `threads` threads.
///
/// op(B) is packed into column panels `[k × NR]` (zero-padded) and each
/// thread packs MR rows of op(A) at a time as `[k × MR]`; an MR×NR tile of
/// accumulators then folds p = 0, 1, …, k−1 in order for every output. The
/// packing only moves values, and padded lanes are computed and dropped.
pub fn matmul(a: &[f32], b: &[f32], c: &mut [f32], s: MatmulShape, threads: usize) {
    matmul_with(MatmulPath::best(), a, b, c, s, threads)
}

/// [`matmul`] on a chosen path (tests run every path the CPU has).
///
/// # Panics
/// If this CPU cannot run `path` (see [`MatmulPath::available`]).
pub fn matmul_with(path: MatmulPath, a: &[f32], b: &[f32], c: &mut [f32], s: MatmulShape, threads: usize) {
    assert!(MatmulPath::available().contains(&path), "this CPU cannot run {path:?}");
    assert_eq!(a.len(), s.m * s.k, "matmul: A");
    assert_eq!(b.len(), s.k * s.n, "matmul: B");
    assert_eq!(c.len(), s.m * s.n, "matmul: C");
    if s.m == 0 || s.n == 0 {
        return;
    }
    if s.k == 0 {
        // Empty sums: the reference's +0 accumulator.
        return c.fill(0.0);
    }
    let simd = path;
    let (mr, nr) = simd.tile();
    let panels = s.n.div_ceil(nr);
    let mut bp = vec![0.0f32; panels * s.k * nr];
    for (jp, panel) in bp.chunks_exact_mut(s.k * nr).enumerate() {
        let (j0, w) = (jp * nr, (s.n - jp * nr).min(nr));
        for (p, row) in panel.chunks_exact_mut(nr).enumerate() {
            for (jj, v) in row[..w].iter_mut().enumerate() {
                *v = b[s.b_idx(p, j0 + jj)];
            }
        }
    }
    // Spawning threads costs tens of microseconds: small products run on
    // one (the bits are the same either way).
    let threads = if s.m * s.k * s.n < PARALLEL_MIN_WORK { 1 } else { threads.clamp(1, s.m.div_ceil(mr).max(1)) };
    let rows_per = s.m.div_ceil(threads).next_multiple_of(mr);
    if threads == 1 {
        return rows_kernel(simd, a, &bp, c, s, 0);
    }
    let bp = &bp;
    std::thread::scope(|scope| {
        for (t, chunk) in c.chunks_mut(rows_per * s.n).enumerate() {
            scope.spawn(move || rows_kernel(simd, a, bp, chunk, s, t * rows_per));
        }
    });
}

/// Computes output rows `row0 ..` into `c` (a whole number of rows) with
/// the micro-tile `simd` packed `bp` for.
fn rows_kernel(simd: MatmulPath, a: &[f32], bp: &[f32], c: &mut [f32], s: MatmulShape, row0: usize) {
    match simd {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: matmul_with checked that this CPU has AVX-512F.
        MatmulPath::Avx512 => unsafe { rows_avx512(a, bp, c, s, row0) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: matmul_with checked that this CPU has AVX2.
        MatmulPath::Avx2 => unsafe { rows_avx2(a, bp, c, s, row0) },
        _ => tiles::<4, 16>(a, bp, c, s, row0),
    }
}

// The same code compiled for wider lanes. Still no FMA: "fma" is not
// enabled, and Rust never contracts a separate multiply and add.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn rows_avx512(a: &[f32], bp: &[f32], c: &mut [f32], s: MatmulShape, row0: usize) {
    tiles::<8, 32>(a, bp, c, s, row0)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn rows_avx2(a: &[f32], bp: &[f32], c: &mut [f32], s: MatmulShape, row0: usize) {
    tiles::<4, 16>(a, bp, c, s, row0)
}

#[inline(always)]
fn tiles<const MR: usize, const NR: usize>(a: &[f32], bp: &[f32], c: &mut [f32], s: MatmulShape, row0: usize) {
    let (n, k) = (s.n, s.k);
    let rows = c.len() / n;
    let mut ap = vec![0.0f32; k * MR];
    let mut i = 0;
    while i < rows {
        let r = (rows - i).min(MR);
        for rr in 0..MR {
            for p in 0..k {
                ap[p * MR + rr] = if rr < r { a[s.a_idx(row0 + i + rr, p)] } else { 0.0 };
            }
        }
        for (jp, panel) in bp.chunks_exact(k * NR).enumerate() {
            let mut acc = [[0.0f32; NR]; MR];
            for (bv, av) in panel.chunks_exact(NR).zip(ap.chunks_exact(MR)) {
                for rr in 0..MR {
                    for jj in 0..NR {
                        acc[rr][jj] = acc[rr][jj] + av[rr] * bv[jj];
                    }
                }
            }
            let (j0, w) = (jp * NR, (n - jp * NR).min(NR));
            for (rr, acc_r) in acc.iter().enumerate().take(r) {
                c[(i + rr) * n + j0..(i + rr) * n + j0 + w].copy_from_slice(&acc_r[..w]);
            }
        }
        i += r;
    }
}

/// Runs a row-wise operator over `rows` rows of width `n_in` → `n_out` on
/// `threads` threads; `f(in_rows, out_rows)` is the reference operator applied
/// to a block of whole rows, so the bits cannot change.
pub fn par_rows(
    input: &[f32],
    output: &mut [f32],
    n_in: usize,
    n_out: usize,
    threads: usize,
    f: impl Fn(&[f32], &mut [f32]) + Sync,
) {
    let rows = input.len() / n_in;
    assert_eq!(output.len(), rows * n_out, "par_rows");
    let threads = threads.clamp(1, rows.max(1));
    let per = rows.div_ceil(threads).max(1);
    if threads == 1 {
        return f(input, output);
    }
    std::thread::scope(|scope| {
        for (xin, xout) in input.chunks(per * n_in).zip(output.chunks_mut(per * n_out)) {
            let f = &f;
            scope.spawn(move || f(xin, xout));
        }
    });
}

/// Row-parallel [`crate::ops::softmax`].
pub fn softmax(x: &[f32], out: &mut [f32], n: usize, threads: usize) {
    par_rows(x, out, n, n, threads, |xi, yo| crate::ops::softmax(xi, yo, n));
}

/// Row-parallel [`crate::ops::log_softmax`].
pub fn log_softmax(x: &[f32], out: &mut [f32], n: usize, threads: usize) {
    par_rows(x, out, n, n, threads, |xi, yo| crate::ops::log_softmax(xi, yo, n));
}

/// Chunk-parallel elementwise map (`f` is the scalar definition).
pub fn map(x: &[f32], out: &mut [f32], threads: usize, f: impl Fn(f32) -> f32 + Sync) {
    assert_eq!(x.len(), out.len(), "map");
    let chunk = x.len().div_ceil(threads.max(1)).max(1024);
    std::thread::scope(|scope| {
        for (xi, yo) in x.chunks(chunk).zip(out.chunks_mut(chunk)) {
            let f = &f;
            scope.spawn(move || {
                for (y, &v) in yo.iter_mut().zip(xi) {
                    *y = f(v);
                }
            });
        }
    });
}

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
    let threads = threads.clamp(1, s.batch.max(1));
    let per = s.batch.div_ceil(threads).max(1);
    let run = |x: &[f32], dy: &[f32], dx: &mut [f32]| {
        for ((x, dy), dx) in x.chunks_exact(inp).zip(dy.chunks_exact(outp)).zip(dx.chunks_exact_mut(inp)) {
            attention_sequence_backward(x, dy, dx, s);
        }
    };
    if threads == 1 {
        return run(qkv, dout, dqkv);
    }
    std::thread::scope(|scope| {
        for ((x, dy), dx) in qkv.chunks(per * inp).zip(dout.chunks(per * outp)).zip(dqkv.chunks_mut(per * inp)) {
            let run = &run;
            scope.spawn(move || run(x, dy, dx));
        }
    });
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
    match MatmulPath::best() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `best` only returns paths this CPU has.
        MatmulPath::Avx512 => unsafe { attention_bwd_avx512(qkv, dout, dqkv, s) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: as above.
        MatmulPath::Avx2 => unsafe { attention_bwd_avx2(qkv, dout, dqkv, s) },
        _ => attention_bwd_lanes(qkv, dout, dqkv, s),
    }
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
unsafe fn attention_bwd_avx512(qkv: &[f32], dout: &[f32], dqkv: &mut [f32], s: &AttentionShape) {
    attention_bwd_lanes(qkv, dout, dqkv, s)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn attention_bwd_avx2(qkv: &[f32], dout: &[f32], dqkv: &mut [f32], s: &AttentionShape) {
    attention_bwd_lanes(qkv, dout, dqkv, s)
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

/// Row `t` of one head's probabilities into `row[..=t]`: scores for every
/// key `j ≤ t` in lanes (`kt` is `Kᵀ`, `[hd × n]`), then the reference softmax.
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
) {
    let acc = &mut scores[..=t];
    acc.fill(0.0);
    for c in 0..hd {
        axpy(acc, q[t * hd + c], &kt[c * n..c * n + t + 1]);
    }
    for v in acc.iter_mut() {
        *v = *v * scale;
    }
    crate::ops::softmax(acc, &mut row[..=t], t + 1);
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

#[inline(always)]
fn attention_bwd_lanes(qkv: &[f32], dout: &[f32], dqkv: &mut [f32], s: &AttentionShape) {
    let (stride, d, n, hd) = (3 * s.width(), s.width(), s.seq, s.head_dim);
    assert!(qkv.len() == n * stride && dout.len() == n * d && dqkv.len() == qkv.len(), "attention_backward");
    let scale = s.scale();
    let (mut q, mut k, mut kt) = (vec![0.0f32; n * hd], vec![0.0f32; n * hd], vec![0.0f32; n * hd]);
    let (mut v, mut vt, mut g) = (vec![0.0f32; n * hd], vec![0.0f32; n * hd], vec![0.0f32; n * hd]);
    // Lower-triangular P and dS of one head, row-major `[n × n]`.
    let (mut p, mut ds) = (vec![0.0f32; n * n], vec![0.0f32; n * n]);
    let (mut scores, mut dp, mut acc) = (vec![0.0f32; n], vec![0.0f32; n], vec![0.0f32; hd]);
    for h in 0..s.heads {
        let (qc, kc, vc) = (h * hd, d + h * hd, 2 * d + h * hd);
        pack_head(qkv, stride, qc, n, hd, &mut q, None);
        pack_head(qkv, stride, kc, n, hd, &mut k, Some(&mut kt));
        pack_head(qkv, stride, vc, n, hd, &mut v, Some(&mut vt));
        pack_head(dout, d, h * hd, n, hd, &mut g, None);
        for t in 0..n {
            probabilities(&q, &kt, t, n, hd, scale, &mut scores, &mut p[t * n..(t + 1) * n]);
            // dP[t, j] = dout_t · v_j for every j ≤ t, in lanes.
            let dpt = &mut dp[..=t];
            dpt.fill(0.0);
            for c in 0..hd {
                axpy(dpt, g[t * hd + c], &vt[c * n..c * n + t + 1]);
            }
            let pr = &p[t * n..t * n + t + 1];
            let dot = crate::reduce::tree_sum_by(t + 1, &|j| pr[j] * dpt[j]);
            for j in 0..=t {
                ds[t * n + j] = (pr[j] * (dpt[j] - dot)) * scale;
            }
        }
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
