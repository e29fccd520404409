//! The reference's elementary functions and tree sums in forms a compiler
//! can vectorise, with the same bits.
//!
//! [`crate::math`] branches per value (NaN, overflow, which polynomial);
//! here every case is computed and the one the reference would take is
//! selected, so a loop over values becomes SIMD selects. Each case is the
//! reference's own arithmetic (the shared `math::*` helpers), and inputs
//! are clamped only where the clamp cannot change a selected lane.
//! The trees are [`crate::reduce`]'s, evaluated level by level.

use crate::math;

/// Runs `f` compiled for the widest SIMD this CPU has (AVX-512F, AVX2,
/// NEON, or the baseline). `f` is inlined into a function built with those target
/// features, so its loops are vectorised for them; the bits are the same on
/// every path (no FMA is enabled, and Rust never contracts `a * b + c`).
#[inline(always)]
pub(crate) fn simd<R>(f: impl FnOnce() -> R) -> R {
    // The same path as the matmul's (`GENSYN_SIMD` may force one).
    match super::MatmulPath::best() {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `best` runs only a path the CPU has.
        super::MatmulPath::Avx512 => unsafe { avx512(f) },
        #[cfg(target_arch = "x86_64")]
        // SAFETY: as above.
        super::MatmulPath::Avx2 => unsafe { avx2(f) },
        #[cfg(target_arch = "aarch64")]
        // SAFETY: as above.
        super::MatmulPath::Neon => unsafe { neon(f) },
        _ => f(),
    }
}

// NEON is in AArch64's baseline, so this is the generic code there; it is
// its own path so that `GENSYN_SIMD=neon` names what an ARM CPU runs.
#[cfg(target_arch = "aarch64")]
#[target_feature(enable = "neon")]
unsafe fn neon<R>(f: impl FnOnce() -> R) -> R {
    f()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn avx512<R>(f: impl FnOnce() -> R) -> R {
    f()
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn avx2<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// `2^n` for `n` clamped into the normal range (lanes whose `n` was out of
/// range are never selected).
#[inline(always)]
fn pow2(n: i32) -> f32 {
    f32::from_bits(((n.clamp(-126, 127) + 127) as u32) << 23)
}

/// The integer `n` of `k = math::exp_round(y)`, read from its mantissa:
/// equal to `(k − ROUND_MAGIC) as i32` for |n| < 2²², without a float→int
/// conversion.
#[inline(always)]
fn round_int(k: f32) -> i32 {
    (k.to_bits() as i32).wrapping_sub(math::ROUND_MAGIC.to_bits() as i32)
}

/// [`math::exp`], branch-free.
#[inline(always)]
pub(crate) fn exp(x: f32) -> f32 {
    // Identity on [-103.97, 88.72], the only inputs whose lanes use it.
    let y = x.clamp(-104.0, 89.0);
    let k = math::exp_round(y);
    let p = math::exp_poly(math::exp_reduce(y, k - math::ROUND_MAGIC));
    let n = round_int(k);
    let normal = p * pow2(n);
    let high = p * math::pow2(127) * pow2(n.wrapping_sub(127));
    let low = p * pow2(n.wrapping_add(100)) * math::pow2(-100);
    let v = if n > 127 {
        high
    } else if n < -126 {
        low
    } else {
        normal
    };
    let v = if x < -103.972_08 { 0.0 } else { v };
    let v = if x > 88.722_84 { f32::INFINITY } else { v };
    if x.is_nan() {
        x
    } else {
        v
    }
}

/// [`math::exp`] for `y` in [-18, -0.5] (tanh's middle range), where the
/// reference takes its plain `p · 2ⁿ` case.
#[inline(always)]
fn exp_mid(y: f32) -> f32 {
    let k = math::exp_round(y);
    math::exp_poly(math::exp_reduce(y, k - math::ROUND_MAGIC)) * pow2(round_int(k))
}

/// [`math::tanh`], branch-free.
#[inline(always)]
pub(crate) fn tanh(x: f32) -> f32 {
    let a = math::abs(x);
    // Identity on [0.25, 9], the lanes that select the middle case.
    let am = a.clamp(0.25, 9.0);
    let mid = math::tanh_from_exp(exp_mid(-(am + am)));
    let t = if a < 0.25 {
        math::tanh_series(a)
    } else if a > 9.0 {
        1.0
    } else {
        mid
    };
    let t = if x < 0.0 { -t } else { t };
    if x.is_nan() {
        x
    } else {
        t
    }
}

/// [`math::gelu`], branch-free.
#[inline(always)]
pub(crate) fn gelu(x: f32) -> f32 {
    math::gelu_from_tanh(x, tanh(math::gelu_arg(x)))
}

/// [`math::gelu_grad`], branch-free.
#[inline(always)]
pub(crate) fn gelu_grad(x: f32) -> f32 {
    math::gelu_grad_from_tanh(x, tanh(math::gelu_arg(x)))
}

/// Values per block whose subtree [`tree_sum`] computes with fixed arrays.
const BLOCK: usize = 64;

/// [`crate::reduce::tree_sum`] of `xs`, breadth-first and branch-free.
///
/// Padding the values with −0.0 up to a power of two leaves the tree's
/// value unchanged: `x + (−0) = x` for every `x` (±0 included), and the
/// reference splits at the largest power of two below the length, which is
/// exactly the padded tree's midpoint; by induction each padded half is the
/// reference's subtree or all −0. A power-of-two tree is then computed
/// level by level, `s[i] = s[2i] + s[2i+1]`, which vectorises.
#[inline(always)]
pub(crate) fn tree_sum(xs: &[f32]) -> f32 {
    let n = xs.len();
    if n < 16 {
        // Too short for the padding to pay off (and `n = 0` gives +0).
        return crate::reduce::tree_sum(xs);
    }
    let block = |c: &[f32]| {
        if c.len() == BLOCK {
            block_sum(c)
        } else {
            let mut b = [-0.0f32; BLOCK];
            b[..c.len()].copy_from_slice(c);
            block_sum(&b)
        }
    };
    if n <= BLOCK {
        return block(xs);
    }
    let mut sums: Vec<f32> = xs.chunks(BLOCK).map(block).collect();
    sums.resize(sums.len().next_power_of_two(), -0.0);
    while sums.len() > 1 {
        let half = sums.len() / 2;
        for i in 0..half {
            sums[i] = sums[2 * i] + sums[2 * i + 1];
        }
        sums.truncate(half);
    }
    sums[0]
}

/// The tree of one [`BLOCK`]: pairwise levels in fixed arrays.
#[inline(always)]
fn block_sum(b: &[f32]) -> f32 {
    let mut l1 = [0.0f32; 32];
    for i in 0..32 {
        l1[i] = b[2 * i] + b[2 * i + 1];
    }
    let mut l2 = [0.0f32; 16];
    for i in 0..16 {
        l2[i] = l1[2 * i] + l1[2 * i + 1];
    }
    let mut l3 = [0.0f32; 8];
    for i in 0..8 {
        l3[i] = l2[2 * i] + l2[2 * i + 1];
    }
    let l4 = [l3[0] + l3[1], l3[2] + l3[3], l3[4] + l3[5], l3[6] + l3[7]];
    (l4[0] + l4[1]) + (l4[2] + l4[3])
}

/// Column sums of `m[rows × n]` restricted to columns `cols`: for each
/// column the reference's tree over rows, computed with the columns in
/// lanes (`out = left + right` row-vector adds). `scratch` holds one row
/// per tree level.
pub(crate) fn column_tree_sums(m: &[f32], n: usize, cols: core::ops::Range<usize>, out: &mut [f32]) {
    let rows = m.len() / n;
    let w = cols.len();
    assert_eq!(out.len(), w, "column_tree_sums");
    if rows == 0 {
        return out.fill(0.0);
    }
    let depth = (usize::BITS - rows.leading_zeros()) as usize;
    let mut scratch = vec![0.0f32; depth * w];
    simd(|| column_tree(m, n, cols.start, 0, rows, out, &mut scratch));
}

#[inline(always)]
fn column_tree(m: &[f32], n: usize, c0: usize, start: usize, len: usize, out: &mut [f32], scratch: &mut [f32]) {
    let w = out.len();
    let row = |i: usize| &m[i * n + c0..i * n + c0 + w];
    match len {
        1 => out.copy_from_slice(row(start)),
        2 => {
            for ((o, a), b) in out.iter_mut().zip(row(start)).zip(row(start + 1)) {
                *o = *a + *b;
            }
        }
        _ => {
            let p = crate::reduce::split(len);
            let (left, rest) = scratch.split_at_mut(w);
            column_tree(m, n, c0, start, p, left, rest);
            column_tree(m, n, c0, start + p, len - p, out, rest);
            for (o, l) in out.iter_mut().zip(left.iter()) {
                *o = *l + *o;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{rngs::SmallRng, Rng, SeedableRng};

    fn same(a: f32, b: f32) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    /// Every function on a stride through all 2³² bit patterns, plus the
    /// edges of each case.
    #[test]
    fn branch_free_functions_equal_the_reference() {
        let mut xs: Vec<f32> = (0..(1u64 << 32)).step_by(997).map(|b| f32::from_bits(b as u32)).collect();
        for e in [0.0f32, 0.25, 9.0, 88.722_84, -103.972_08, 87.5, -87.5, -100.0, 89.0, -104.0] {
            for d in -3i32..=3 {
                for s in [e, -e] {
                    xs.push(f32::from_bits(s.to_bits().wrapping_add(d as u32)));
                }
            }
        }
        xs.extend([f32::INFINITY, f32::NEG_INFINITY, f32::NAN, f32::MIN_POSITIVE, -0.0]);
        let check = || {
            for &x in &xs {
                assert!(same(exp(x), math::exp(x)), "exp({x:e})");
                assert!(same(tanh(x), math::tanh(x)), "tanh({x:e})");
                assert!(same(gelu(x), math::gelu(x)), "gelu({x:e})");
                assert!(same(gelu_grad(x), math::gelu_grad(x)), "gelu_grad({x:e})");
            }
        };
        // Compiled for this CPU's widest SIMD, and for the baseline target.
        simd(check);
        check();
    }

    #[test]
    fn trees_equal_the_reference() {
        let mut rng = SmallRng::seed_from_u64(3);
        for n in (0..300).chain([511, 512, 513, 1024, 1500, 4096, 5000]) {
            let xs: Vec<f32> = (0..n).map(|_| rng.gen_range(-1e4f32..1e4) * rng.gen::<f32>()).collect();
            assert_eq!(tree_sum(&xs).to_bits(), crate::reduce::tree_sum(&xs).to_bits(), "n = {n}");
            // Signed zeros, where padding with the wrong zero would show.
            let zs: Vec<f32> = (0..n).map(|_| if rng.gen_bool(0.5) { -0.0 } else { 0.0 }).collect();
            assert_eq!(tree_sum(&zs).to_bits(), crate::reduce::tree_sum(&zs).to_bits(), "zeros, n = {n}");
            let all_neg = vec![-0.0f32; n];
            assert_eq!(tree_sum(&all_neg).to_bits(), crate::reduce::tree_sum(&all_neg).to_bits(), "−0s, n = {n}");
        }
        for (rows, n) in [(1, 5), (2, 3), (3, 7), (37, 19), (128, 64), (129, 33)] {
            let m: Vec<f32> = (0..rows * n).map(|_| rng.gen_range(-1e3f32..1e3)).collect();
            for cols in [0..n, 1..n, n / 2..n] {
                let mut got = vec![0.0; cols.len()];
                column_tree_sums(&m, n, cols.clone(), &mut got);
                for (j, g) in cols.clone().zip(&got) {
                    let want = crate::reduce::tree_sum_by(rows, &|i| m[i * n + j]);
                    assert_eq!(g.to_bits(), want.to_bits(), "{rows}×{n}, column {j}");
                }
            }
        }
    }
}
