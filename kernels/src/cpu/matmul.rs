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
    /// 8-lane AVX2 (16 vector registers): 6×16 micro-tiles, written with
    /// intrinsics (12 accumulators, 2 operands of B and a broadcast of A).
    Avx2,
    /// 4-lane AArch64 NEON (32 vector registers): 8×8 micro-tiles, written
    /// with intrinsics (16 accumulators, 2 operands of B and a broadcast of A).
    Neon,
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
        #[cfg(target_arch = "aarch64")]
        if std::arch::is_aarch64_feature_detected!("neon") {
            paths.push(MatmulPath::Neon);
        }
        paths.push(MatmulPath::Generic);
        paths
    }

    /// The path the kernels run: `GENSYN_SIMD` where it names one this CPU
    /// has ([`forced`]), else the fastest this CPU can run.
    ///
    /// # Panics
    /// If `GENSYN_SIMD` names a path this CPU cannot run or no path at all;
    /// programs check [`forced`] first and refuse with its message.
    pub fn best() -> Self {
        match forced() {
            Ok(Some(p)) => p,
            Ok(None) => Self::available()[0],
            Err(e) => panic!("{e}"),
        }
    }

    /// The name `GENSYN_SIMD` and the benchmarks use.
    pub fn name(self) -> &'static str {
        match self {
            MatmulPath::Avx512 => "avx512",
            MatmulPath::Avx2 => "avx2",
            MatmulPath::Neon => "neon",
            MatmulPath::Generic => "generic",
        }
    }

    /// `(rows, columns)` of one micro-tile: its accumulators fill most of the
    /// vector registers, so they never leave them inside the K loop.
    fn tile(self) -> (usize, usize) {
        match self {
            MatmulPath::Avx512 => (8, 32),
            MatmulPath::Avx2 => (AVX2_MR, 16),
            MatmulPath::Neon => (NEON_MR, 8),
            MatmulPath::Generic => (4, 16),
        }
    }
}

/// The path `GENSYN_SIMD` forces (`avx512`, `avx2`, `neon` or `generic`),
/// read once: `Ok(None)` when unset, an error naming the paths this CPU has
/// when it names another (so that a machine with AVX-512 can run and test
/// the AVX2 path, and nothing runs a path the CPU lacks).
pub fn forced() -> Result<Option<MatmulPath>, String> {
    static FORCED: std::sync::OnceLock<Result<Option<MatmulPath>, String>> = std::sync::OnceLock::new();
    FORCED
        .get_or_init(|| {
            let Ok(name) = std::env::var("GENSYN_SIMD") else { return Ok(None) };
            let have: Vec<&str> = MatmulPath::available().iter().map(|p| p.name()).collect();
            match MatmulPath::available().into_iter().find(|p| p.name() == name.trim()) {
                Some(p) => Ok(Some(p)),
                None => Err(format!("GENSYN_SIMD={name}: this CPU runs {}", have.join(", "))),
            }
        })
        .clone()
}

/// Rows of the AVX2 micro-tile.
const AVX2_MR: usize = 6;

/// Rows of the NEON micro-tile.
const NEON_MR: usize = 8;

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
        pack_panel(panel, nr, b, s, jp * nr);
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
        #[cfg(target_arch = "aarch64")]
        // SAFETY: matmul_with checked that this CPU has NEON.
        MatmulPath::Neon => unsafe { rows_neon(a, bp, c, s, row0) },
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

/// The AVX2 micro-kernel, with intrinsics: auto-vectorised code kept the
/// tile's accumulators in memory (6 GFLOP/s on a Zen 3 core). Each output
/// still folds p = 0, 1, …, k−1 from +0 with a separate multiply and add
/// (`_mm256_mul_ps`, then `_mm256_add_ps`): the reference's bits, whatever
/// the tile's height. The last rows, when fewer than MR, take a shorter
/// tile instead of computing padded rows.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn rows_avx2(a: &[f32], bp: &[f32], c: &mut [f32], s: MatmulShape, row0: usize) {
    const MR: usize = AVX2_MR;
    let rows = c.len() / s.n;
    let mut ap = vec![0.0f32; s.k * MR];
    let mut i = 0;
    while i < rows {
        let r = (rows - i).min(MR);
        // SAFETY: this function's own target feature (AVX2) is enabled.
        unsafe {
            match r {
                1 | 2 => tile_avx2::<2>(&mut ap, a, bp, c, s, row0, i, r),
                3 | 4 => tile_avx2::<4>(&mut ap, a, bp, c, s, row0, i, r),
                _ => tile_avx2::<MR>(&mut ap, a, bp, c, s, row0, i, r),
            }
        }
        i += r;
    }
}

/// Output rows `i .. i + r` (r ≤ MR) of [`rows_avx2`], every column panel.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[allow(clippy::too_many_arguments)]
unsafe fn tile_avx2<const MR: usize>(
    ap: &mut [f32],
    a: &[f32],
    bp: &[f32],
    c: &mut [f32],
    s: MatmulShape,
    row0: usize,
    i: usize,
    r: usize,
) {
    use std::arch::x86_64::*;
    const NR: usize = 16;
    let (n, k) = (s.n, s.k);
    let ap = &mut ap[..k * MR];
    pack_rows(ap, MR, a, s, row0 + i, r);
    let mut out = [0.0f32; NR];
    for (jp, panel) in bp.chunks_exact(k * NR).enumerate() {
        let mut acc = [[_mm256_setzero_ps(); 2]; MR];
        for (bv, av) in panel.chunks_exact(NR).zip(ap.chunks_exact(MR)) {
            // SAFETY: `bv` holds NR = 16 values, two 8-lane loads.
            let (b0, b1) = unsafe { (_mm256_loadu_ps(bv.as_ptr()), _mm256_loadu_ps(bv.as_ptr().add(8))) };
            for rr in 0..MR {
                let x = _mm256_set1_ps(av[rr]);
                acc[rr][0] = _mm256_add_ps(acc[rr][0], _mm256_mul_ps(x, b0));
                acc[rr][1] = _mm256_add_ps(acc[rr][1], _mm256_mul_ps(x, b1));
            }
        }
        let (j0, w) = (jp * NR, (n - jp * NR).min(NR));
        for (rr, acc_r) in acc.iter().enumerate().take(r) {
            let dst = &mut c[(i + rr) * n + j0..(i + rr) * n + j0 + w];
            if w == NR {
                // SAFETY: `dst` holds 16 values, two 8-lane stores.
                unsafe {
                    _mm256_storeu_ps(dst.as_mut_ptr(), acc_r[0]);
                    _mm256_storeu_ps(dst.as_mut_ptr().add(8), acc_r[1]);
                }
            } else {
                // SAFETY: `out` holds 16 values, two 8-lane stores.
                unsafe {
                    _mm256_storeu_ps(out.as_mut_ptr(), acc_r[0]);
                    _mm256_storeu_ps(out.as_mut_ptr().add(8), acc_r[1]);
                }
                dst.copy_from_slice(&out[..w]);
            }
        }
    }
}

/// The NEON micro-kernel, with intrinsics, as the AVX2 one: each output
/// folds p = 0, 1, …, k−1 from +0 with a separate multiply and add
/// (`vmulq_f32`, then `vaddq_f32`; never `vfmaq_f32`): the reference's bits.
#[cfg(target_arch = "aarch64")]
#[target_feature(enable = "neon")]
unsafe fn rows_neon(a: &[f32], bp: &[f32], c: &mut [f32], s: MatmulShape, row0: usize) {
    use std::arch::aarch64::*;
    const MR: usize = NEON_MR;
    const NR: usize = 8;
    let (n, k) = (s.n, s.k);
    let rows = c.len() / n;
    let mut ap = vec![0.0f32; k * MR];
    let mut out = [0.0f32; NR];
    let mut i = 0;
    while i < rows {
        let r = (rows - i).min(MR);
        pack_rows(&mut ap, MR, a, s, row0 + i, r);
        for (jp, panel) in bp.chunks_exact(k * NR).enumerate() {
            let mut acc = [vdupq_n_f32(0.0); 2 * MR];
            for (bv, av) in panel.chunks_exact(NR).zip(ap.chunks_exact(MR)) {
                // SAFETY: `bv` holds NR = 8 values, two 4-lane loads.
                let (b0, b1) = unsafe { (vld1q_f32(bv.as_ptr()), vld1q_f32(bv.as_ptr().add(4))) };
                for rr in 0..MR {
                    let x = vdupq_n_f32(av[rr]);
                    acc[2 * rr] = vaddq_f32(acc[2 * rr], vmulq_f32(x, b0));
                    acc[2 * rr + 1] = vaddq_f32(acc[2 * rr + 1], vmulq_f32(x, b1));
                }
            }
            let (j0, w) = (jp * NR, (n - jp * NR).min(NR));
            for rr in 0..r {
                // SAFETY: `out` holds 8 values, two 4-lane stores.
                unsafe {
                    vst1q_f32(out.as_mut_ptr(), acc[2 * rr]);
                    vst1q_f32(out.as_mut_ptr().add(4), acc[2 * rr + 1]);
                }
                c[(i + rr) * n + j0..(i + rr) * n + j0 + w].copy_from_slice(&out[..w]);
            }
        }
        i += r;
    }
}

/// Packs columns `j0 .. j0 + nr` of op(B) into `panel` as `[k × nr]` (the
/// columns past `n` stay zero). Each layout is read along its contiguous
/// rows: at small shapes an index computed per value cost as much as the
/// products (64³).
fn pack_panel(panel: &mut [f32], nr: usize, b: &[f32], s: MatmulShape, j0: usize) {
    let w = (s.n - j0).min(nr);
    if s.tb {
        // B is [n × k]: column j of op(B) is row j of B.
        for jj in 0..w {
            let col = &b[(j0 + jj) * s.k..(j0 + jj + 1) * s.k];
            for (row, &v) in panel.chunks_exact_mut(nr).zip(col) {
                row[jj] = v;
            }
        }
    } else {
        for (p, row) in panel.chunks_exact_mut(nr).enumerate() {
            row[..w].copy_from_slice(&b[p * s.n + j0..p * s.n + j0 + w]);
        }
    }
}

/// Packs `r` rows of op(A) from `first` into `ap` as `[k × mr]`, the rows
/// past `r` zero (computed and dropped).
#[inline(always)]
fn pack_rows(ap: &mut [f32], mr: usize, a: &[f32], s: MatmulShape, first: usize, r: usize) {
    if s.ta {
        // A is [k × m]: row p of it holds op(A)[first.., p] side by side.
        for (p, dst) in ap[..s.k * mr].chunks_exact_mut(mr).enumerate() {
            dst[..r].copy_from_slice(&a[p * s.m + first..p * s.m + first + r]);
            dst[r..].fill(0.0);
        }
    } else {
        for rr in 0..mr {
            if rr < r {
                let row = &a[(first + rr) * s.k..(first + rr + 1) * s.k];
                for (dst, &v) in ap.chunks_exact_mut(mr).zip(row) {
                    dst[rr] = v;
                }
            } else {
                for dst in ap.chunks_exact_mut(mr) {
                    dst[rr] = 0.0;
                }
            }
        }
    }
}

#[inline(always)]
fn tiles<const MR: usize, const NR: usize>(a: &[f32], bp: &[f32], c: &mut [f32], s: MatmulShape, row0: usize) {
    let (n, k) = (s.n, s.k);
    let rows = c.len() / n;
    let mut ap = vec![0.0f32; k * MR];
    let mut i = 0;
    while i < rows {
        let r = (rows - i).min(MR);
        pack_rows(&mut ap, MR, a, s, row0 + i, r);
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
