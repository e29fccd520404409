//! The packed, register-tiled matmul.

use crate::ops::MatmulShape;

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
    // Handing work to other threads costs microseconds: small products run
    // on one (the bits are the same either way).
    let threads = if s.m * s.k * s.n < PARALLEL_MIN_WORK { 1 } else { threads.clamp(1, s.m.div_ceil(mr).max(1)) };
    let rows_per = s.m.div_ceil(threads).next_multiple_of(mr);
    if threads == 1 {
        return rows_kernel(simd, a, &bp, c, s, 0);
    }
    let bp = &bp;
    super::par_jobs(c.chunks_mut(rows_per * s.n).enumerate(), |(t, chunk)| {
        rows_kernel(simd, a, bp, chunk, s, t * rows_per)
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
