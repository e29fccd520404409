//! Fast CPU paths that return exactly the reference operators' bits.
//!
//! Speed comes only from *where* work runs, never from reordering it:
//! threads split the output rows, and SIMD lanes compute independent output
//! columns, each lane still folding K sequentially (`acc = acc + a·b`, a
//! separate multiply and add; Rust never contracts them into an FMA).
//! Reductions keep the reference's tree ([`crate::reduce`]), evaluated
//! level by level with independent sums in lanes.

/// Worker threads to use: `GENSYN_THREADS`, else the machine's parallelism.
pub fn default_threads() -> usize {
    std::env::var("GENSYN_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1))
}

mod attention;
mod lanes;
mod matmul;
mod rows;

pub use attention::{
    attention, attention_backward, attention_grad_from, attention_sequence, attention_sequence_backward,
    attention_stats,
};
pub use matmul::{forced, matmul, matmul_with, MatmulPath};
pub use rows::{
    bias_add, bias_backward, cross_entropy, cross_entropy_backward, gelu, gelu_backward, layer_norm,
    layer_norm_backward, log_softmax, softmax, softmax_backward,
};

/// Runs `f` on every job, in parallel on the worker pool, and waits for all
/// of them; a single job runs inline. The pool is rayon's global one (which
/// candle's CPU ops use too), so an operator costs a task hand-off, not a
/// thread spawn. Callers split work into jobs by their `threads` argument;
/// which worker runs a job never changes its bits.
pub fn par_jobs<J: Send>(jobs: impl Iterator<Item = J>, f: impl Fn(J) + Sync) {
    let mut jobs: Vec<J> = jobs.collect();
    if jobs.len() <= 1 {
        return jobs.pop().into_iter().for_each(f);
    }
    let f = &f;
    rayon::scope(|scope| {
        for j in jobs {
            scope.spawn(move |_| f(j));
        }
    });
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
    par_jobs(input.chunks(per * n_in).zip(output.chunks_mut(per * n_out)), |(xin, xout)| f(xin, xout));
}
