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

/// Output rows a register block computes together (shares each B load).
const ROWS: usize = 4;
/// Output columns a block keeps in accumulators.
const COLS: usize = 64;

/// `C = op(A)·op(B)`, bit-identical to [`crate::ops::matmul`], on `threads` threads.
pub fn matmul(a: &[f32], b: &[f32], c: &mut [f32], s: MatmulShape, threads: usize) {
    assert_eq!(a.len(), s.m * s.k, "matmul: A");
    assert_eq!(b.len(), s.k * s.n, "matmul: B");
    assert_eq!(c.len(), s.m * s.n, "matmul: C");
    if s.m == 0 || s.n == 0 {
        return;
    }
    // Pack op(B) as [k×n] rows so the column loop is contiguous.
    let packed;
    let b_rows: &[f32] = if s.tb {
        let mut t = vec![0.0f32; s.k * s.n];
        for j in 0..s.n {
            for p in 0..s.k {
                t[p * s.n + j] = b[j * s.k + p];
            }
        }
        packed = t;
        &packed
    } else {
        b
    };
    let threads = threads.clamp(1, s.m.div_ceil(ROWS).max(1));
    let rows_per = s.m.div_ceil(threads).next_multiple_of(ROWS).min(s.m.next_multiple_of(ROWS));
    if threads == 1 {
        rows_kernel(a, b_rows, c, s, 0);
        return;
    }
    std::thread::scope(|scope| {
        for (t, chunk) in c.chunks_mut(rows_per * s.n).enumerate() {
            scope.spawn(move || rows_kernel(a, b_rows, chunk, s, t * rows_per));
        }
    });
}

/// Computes output rows `row0 ..` into `c` (a whole number of rows).
fn rows_kernel(a: &[f32], b: &[f32], c: &mut [f32], s: MatmulShape, row0: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2 (checked above).
            return unsafe { rows_kernel_avx2(a, b, c, s, row0) };
        }
    }
    rows_kernel_generic(a, b, c, s, row0)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn rows_kernel_avx2(a: &[f32], b: &[f32], c: &mut [f32], s: MatmulShape, row0: usize) {
    // The same code, compiled for 8-wide lanes. Still no FMA: "fma" is not enabled.
    rows_kernel_generic(a, b, c, s, row0)
}

#[inline(always)]
fn rows_kernel_generic(a: &[f32], b: &[f32], c: &mut [f32], s: MatmulShape, row0: usize) {
    let n = s.n;
    let rows = c.len() / n;
    let mut i = 0;
    while i < rows {
        let r = (rows - i).min(ROWS);
        let mut j0 = 0;
        while j0 < n {
            let w = (n - j0).min(COLS);
            let mut acc = [[0.0f32; COLS]; ROWS];
            for p in 0..s.k {
                let brow = &b[p * n + j0..p * n + j0 + w];
                for (rr, acc_r) in acc.iter_mut().enumerate().take(r) {
                    let av = a[s.a_idx(row0 + i + rr, p)];
                    for (acc_v, &bv) in acc_r[..w].iter_mut().zip(brow) {
                        *acc_v = *acc_v + av * bv;
                    }
                }
            }
            for (rr, acc_r) in acc.iter().enumerate().take(r) {
                c[(i + rr) * n + j0..(i + rr) * n + j0 + w].copy_from_slice(&acc_r[..w]);
            }
            j0 += w;
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
/// whole by [`crate::ops::attention_sequence`] on one thread.
pub fn attention(qkv: &[f32], out: &mut [f32], s: &AttentionShape, threads: usize) {
    assert!(qkv.len() == s.qkv_len() && out.len() == s.out_len(), "attention");
    let (inp, outp) = (s.seq * 3 * s.width(), s.seq * s.width());
    par_rows(qkv, out, inp, outp, threads, |x, y| {
        for (x, y) in x.chunks_exact(inp).zip(y.chunks_exact_mut(outp)) {
            crate::ops::attention_sequence(x, y, s);
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
            crate::ops::attention_sequence_backward(x, dy, dx, s);
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
