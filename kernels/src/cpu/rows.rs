//! Elementwise and row-wise operators: threads over rows (or chunks),
//! SIMD lanes over the values of a row, trees summed by
//! [`super::lanes`]. Each computes what its `crate::ops` namesake does, in
//! the same order per value.

use super::{lanes, par_jobs, par_rows};
use crate::{math, ops::RowStats, reduce::recip};

/// Elements below which an operator runs on one thread (a thread costs
/// more than it saves).
const PARALLEL_MIN_ELEMENTS: usize = 1 << 15;

/// Threads worth using for `elements` values of work.
fn workers(elements: usize, threads: usize) -> usize {
    if elements < PARALLEL_MIN_ELEMENTS {
        1
    } else {
        threads.max(1)
    }
}

/// Rows per thread's block when `rows` rows of `elements` values in all
/// are split over `threads` (all of them when small).
fn rows_per(rows: usize, elements: usize, threads: usize) -> usize {
    rows.div_ceil(workers(elements, threads)).max(1)
}

/// Chunk-parallel [`crate::ops::gelu`].
pub fn gelu(x: &[f32], out: &mut [f32], threads: usize) {
    assert_eq!(x.len(), out.len(), "gelu");
    par_rows(x, out, 1, 1, workers(x.len(), threads), |x, y| {
        lanes::simd(|| {
            for (y, &x) in y.iter_mut().zip(x) {
                *y = lanes::gelu(x);
            }
        })
    });
}

/// Chunk-parallel [`crate::ops::gelu_backward`].
pub fn gelu_backward(x: &[f32], dy: &[f32], dx: &mut [f32], threads: usize) {
    assert!(x.len() == dy.len() && dy.len() == dx.len(), "gelu_backward");
    let t = workers(x.len(), threads);
    let per = x.len().div_ceil(t).max(1);
    let run = |x: &[f32], dy: &[f32], dx: &mut [f32]| {
        lanes::simd(|| {
            for ((d, &x), &g) in dx.iter_mut().zip(x).zip(dy) {
                *d = g * lanes::gelu_grad(x);
            }
        })
    };
    par_jobs(x.chunks(per).zip(dy.chunks(per)).zip(dx.chunks_mut(per)), |((x, dy), dx)| run(x, dy, dx));
}

/// Row-parallel [`crate::ops::bias_add`].
pub fn bias_add(x: &[f32], bias: &[f32], out: &mut [f32], threads: usize) {
    let n = bias.len();
    assert!(n > 0 && x.len() % n == 0 && out.len() == x.len(), "bias_add");
    par_rows(x, out, n, n, workers(x.len(), threads), |x, y| {
        for (xr, yr) in x.chunks_exact(n).zip(y.chunks_exact_mut(n)) {
            for ((y, &x), &b) in yr.iter_mut().zip(xr).zip(bias) {
                *y = x + b;
            }
        }
    });
}

/// Column-parallel [`crate::ops::bias_backward`].
pub fn bias_backward(dy: &[f32], dbias: &mut [f32], threads: usize) {
    let n = dbias.len();
    assert!(n > 0 && dy.len() % n == 0, "bias_backward");
    column_sums(dy, n, dbias, threads);
}

/// The reference's tree over rows of every column of `m[rows × n]`, the
/// columns split in blocks across threads.
fn column_sums(m: &[f32], n: usize, out: &mut [f32], threads: usize) {
    let t = workers(m.len(), threads).min(n.div_ceil(16));
    if t <= 1 {
        return lanes::column_tree_sums(m, n, 0..n, out);
    }
    // Blocks of whole 16-column groups keep every thread's lanes full.
    let per = n.div_ceil(t).next_multiple_of(16);
    par_jobs(out.chunks_mut(per).enumerate(), |(b, chunk)| {
        lanes::column_tree_sums(m, n, b * per..b * per + chunk.len(), chunk)
    });
}

/// One row of [`crate::ops::softmax`] (inlined into SIMD-compiled callers);
/// returns the row's maximum and sum of exponentials.
#[inline(always)]
pub(super) fn softmax_row(x: &[f32], y: &mut [f32]) -> (f32, f32) {
    let m = crate::ops::row_max(x);
    for (y, &x) in y.iter_mut().zip(x) {
        *y = lanes::exp(x - m);
    }
    let s = lanes::tree_sum(y);
    for y in y.iter_mut() {
        *y = *y / s;
    }
    (m, s)
}

/// Row-parallel [`crate::ops::softmax`].
pub fn softmax(x: &[f32], out: &mut [f32], n: usize, threads: usize) {
    assert!(n > 0 && x.len() % n == 0 && out.len() == x.len(), "softmax");
    par_rows(x, out, n, n, workers(x.len(), threads), |x, y| {
        lanes::simd(|| {
            for (xr, yr) in x.chunks_exact(n).zip(y.chunks_exact_mut(n)) {
                softmax_row(xr, yr);
            }
        })
    });
}

/// Row-parallel [`crate::ops::log_softmax`].
pub fn log_softmax(x: &[f32], out: &mut [f32], n: usize, threads: usize) {
    assert!(n > 0 && x.len() % n == 0 && out.len() == x.len(), "log_softmax");
    par_rows(x, out, n, n, workers(x.len(), threads), |x, y| {
        lanes::simd(|| {
            for (xr, yr) in x.chunks_exact(n).zip(y.chunks_exact_mut(n)) {
                let m = crate::ops::row_max(xr);
                // The exponentials go through the output row, then are replaced.
                for (y, &x) in yr.iter_mut().zip(xr) {
                    *y = lanes::exp(x - m);
                }
                let lse = math::ln(lanes::tree_sum(yr));
                for (y, &x) in yr.iter_mut().zip(xr) {
                    *y = (x - m) - lse;
                }
            }
        })
    });
}

/// Row-parallel [`crate::ops::softmax_backward`].
pub fn softmax_backward(y: &[f32], dy: &[f32], dx: &mut [f32], n: usize, threads: usize) {
    assert!(n > 0 && y.len() % n == 0 && dy.len() == y.len() && dx.len() == y.len(), "softmax_backward");
    let per = rows_per(y.len() / n, y.len(), threads) * n;
    par_jobs(y.chunks(per).zip(dy.chunks(per)).zip(dx.chunks_mut(per)), |((y, dy), dx)| {
        lanes::simd(|| {
            for ((yr, dyr), dxr) in y.chunks_exact(n).zip(dy.chunks_exact(n)).zip(dx.chunks_exact_mut(n)) {
                for ((d, &a), &b) in dxr.iter_mut().zip(yr).zip(dyr) {
                    *d = a * b;
                }
                let dot = lanes::tree_sum(dxr);
                for ((d, &a), &b) in dxr.iter_mut().zip(yr).zip(dyr) {
                    *d = a * (b - dot);
                }
            }
        })
    });
}

/// [`crate::ops::cross_entropy`], its log-softmax row-parallel.
pub fn cross_entropy(logits: &[f32], targets: &[u32], logp: &mut [f32], n: usize, threads: usize) -> f32 {
    let rows = targets.len();
    assert!(rows > 0 && logits.len() == rows * n, "cross_entropy");
    log_softmax(logits, logp, n, threads);
    crate::ops::cross_entropy_loss(logp, targets, n)
}

/// Row-parallel [`crate::ops::cross_entropy_backward`].
pub fn cross_entropy_backward(logp: &[f32], targets: &[u32], g: f32, dlogits: &mut [f32], n: usize, threads: usize) {
    let rows = targets.len();
    assert!(rows > 0 && logp.len() == rows * n && dlogits.len() == logp.len(), "cross_entropy_backward");
    let scale = g * recip(rows);
    let per = rows_per(rows, logp.len(), threads);
    let jobs = logp.chunks(per * n).zip(targets.chunks(per)).zip(dlogits.chunks_mut(per * n));
    par_jobs(jobs, |((logp, targets), d)| {
        lanes::simd(|| {
            for ((lr, dr), &t) in logp.chunks_exact(n).zip(d.chunks_exact_mut(n)).zip(targets) {
                for (j, (d, &l)) in dr.iter_mut().zip(lr).enumerate() {
                    let onehot = if j == t as usize { 1.0 } else { 0.0 };
                    *d = (lanes::exp(l) - onehot) * scale;
                }
            }
        })
    });
}

/// Row-parallel [`crate::ops::layer_norm`].
pub fn layer_norm(
    x: &[f32],
    gamma: &[f32],
    beta: &[f32],
    eps: f32,
    out: &mut [f32],
    stats: &mut [RowStats],
    threads: usize,
) {
    let n = gamma.len();
    assert!(n > 0 && beta.len() == n && x.len() % n == 0 && out.len() == x.len(), "layer_norm");
    let rows = x.len() / n;
    assert_eq!(stats.len(), rows, "layer_norm: stats");
    let inv_n = recip(n);
    let per = rows_per(rows, x.len(), threads);
    let jobs = x.chunks(per * n).zip(out.chunks_mut(per * n)).zip(stats.chunks_mut(per));
    par_jobs(jobs, |((x, out), stats)| {
        let mut sq = vec![0.0f32; n];
        lanes::simd(|| {
            for ((xr, yr), st) in x.chunks_exact(n).zip(out.chunks_exact_mut(n)).zip(stats.iter_mut()) {
                let mu = lanes::tree_sum(xr) * inv_n;
                for (s, &v) in sq.iter_mut().zip(xr) {
                    *s = (v - mu) * (v - mu);
                }
                let var = lanes::tree_sum(&sq) * inv_n;
                let rstd = 1.0 / math::sqrt(var + eps);
                for (((y, &v), &g), &b) in yr.iter_mut().zip(xr).zip(gamma).zip(beta) {
                    *y = ((v - mu) * rstd) * g + b;
                }
                *st = RowStats { mean: mu, rstd };
            }
        })
    });
}

/// Row-parallel [`crate::ops::layer_norm_backward`] (dγ and dβ column-parallel).
#[allow(clippy::too_many_arguments)] // the reference's operands plus threads
pub fn layer_norm_backward(
    x: &[f32],
    gamma: &[f32],
    stats: &[RowStats],
    dy: &[f32],
    dx: &mut [f32],
    dgamma: &mut [f32],
    dbeta: &mut [f32],
    threads: usize,
) {
    let n = gamma.len();
    let rows = stats.len();
    assert!(x.len() == rows * n && dy.len() == x.len() && dx.len() == x.len(), "layer_norm_backward");
    assert!(dgamma.len() == n && dbeta.len() == n, "layer_norm_backward: params");
    let inv_n = recip(n);
    // dy·x̂ for every element: the values dγ's column trees sum.
    let mut dyx = vec![0.0f32; x.len()];
    let per = rows_per(rows, x.len(), threads);
    let inputs = x.chunks(per * n).zip(dy.chunks(per * n)).zip(stats.chunks(per));
    let jobs = inputs.zip(dx.chunks_mut(per * n)).zip(dyx.chunks_mut(per * n));
    par_jobs(jobs, |((((x, dy), stats), dx), dyx)| {
        let (mut g, mut xhat, mut gx) = (vec![0.0f32; n], vec![0.0f32; n], vec![0.0f32; n]);
        lanes::simd(|| {
            let rows = x.chunks_exact(n).zip(dy.chunks_exact(n)).zip(stats).zip(dx.chunks_exact_mut(n));
            for ((((xr, dyr), st), dxr), dyxr) in rows.zip(dyx.chunks_exact_mut(n)) {
                for ((((g, h), &v), &d), &gm) in g.iter_mut().zip(xhat.iter_mut()).zip(xr).zip(dyr).zip(gamma) {
                    *g = d * gm;
                    *h = (v - st.mean) * st.rstd;
                }
                let mean_g = lanes::tree_sum(&g) * inv_n;
                for ((p, &a), &h) in gx.iter_mut().zip(&g).zip(&xhat) {
                    *p = a * h;
                }
                let mean_gx = lanes::tree_sum(&gx) * inv_n;
                for ((((o, p), &a), &h), &d) in dxr.iter_mut().zip(dyxr.iter_mut()).zip(&g).zip(&xhat).zip(dyr) {
                    *o = st.rstd * ((a - mean_g) - h * mean_gx);
                    *p = d * h;
                }
            }
        })
    });
    column_sums(&dyx, n, dgamma, threads);
    column_sums(dy, n, dbeta, threads);
}
