//! The canonical reduction order.
//!
//! A sum is the in-place pairwise tree with power-of-two strides that a GPU
//! block reduction computes: at stride s = 1, 2, 4, … every element i with
//! i ≡ 0 (mod 2s) and i + s < n becomes x[i] + x[i+s]; the sum is x[0].
//! Equivalently, the sum of n ≥ 2 values is sum(first P) + sum(rest), where
//! P is the largest power of two below n. Matmul does *not* use it: its
//! K-accumulation is a sequential fold (see [`crate::ops::matmul`]).

/// The largest power of two strictly below `n` (`n ≥ 2`).
#[inline(always)]
pub(crate) fn split(n: usize) -> usize {
    1 << (usize::BITS - 1 - (n - 1).leading_zeros())
}

/// Tree sum of `f(0), f(1), …, f(len−1)`.
#[inline]
pub fn tree_sum_by(len: usize, f: &impl Fn(usize) -> f32) -> f32 {
    tree_sum_range(0, len, f)
}

/// The subtree of the canonical tree over `f(start..start+len)`: the value
/// of that node when `start..start+len` is a node of a larger tree (the
/// root, or a child of a node by [`left_len`]). A dispute over a tree sum
/// descends through these nodes.
pub fn tree_sum_range(start: usize, len: usize, f: &impl Fn(usize) -> f32) -> f32 {
    match len {
        0 => 0.0,
        1 => f(start),
        2 => f(start) + f(start + 1),
        n => {
            let p = split(n);
            tree_sum_range(start, p, f) + tree_sum_range(start + p, n - p, f)
        }
    }
}

/// Length of the left child of a tree node over `len ≥ 2` values.
pub fn left_len(len: usize) -> usize {
    split(len)
}

/// The same tree, computed in one streaming pass with O(log n) state: a
/// binary counter of partial sums (merge equal-sized neighbours, then fold
/// what is left right to left). This is how one CUDA thread sums a strided
/// column; the tests prove it equals [`tree_sum_by`].
pub fn tree_sum_streaming(len: usize, f: impl Fn(usize) -> f32) -> f32 {
    let mut sums = [0.0f32; usize::BITS as usize + 1];
    let mut sizes = [0usize; usize::BITS as usize + 1];
    let mut top = 0;
    for i in 0..len {
        sums[top] = f(i);
        sizes[top] = 1;
        top += 1;
        while top >= 2 && sizes[top - 1] == sizes[top - 2] {
            sums[top - 2] = sums[top - 2] + sums[top - 1];
            sizes[top - 2] *= 2;
            top -= 1;
        }
    }
    if top == 0 {
        return 0.0;
    }
    let mut acc = sums[top - 1];
    for i in (0..top - 1).rev() {
        acc = sums[i] + acc;
    }
    acc
}

/// Tree sum of a slice.
#[inline]
pub fn tree_sum(xs: &[f32]) -> f32 {
    tree_sum_by(xs.len(), &|i| xs[i])
}

/// Mean as `sum × (1/n)`: one correctly rounded reciprocal, then a multiply,
/// the form every backend computes identically.
#[inline]
pub fn mean(xs: &[f32]) -> f32 {
    tree_sum(xs) * recip(xs.len())
}

/// `1/n` in f32 (`n` converted exactly for n < 2²⁴).
#[inline(always)]
pub fn recip(n: usize) -> f32 {
    1.0 / n as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stride formulation, literally, as a GPU block would run it.
    fn stride_tree(xs: &[f32]) -> f32 {
        let mut v = xs.to_vec();
        if v.is_empty() {
            return 0.0;
        }
        let mut s = 1;
        while s < v.len() {
            let mut i = 0;
            while i + s < v.len() {
                v[i] = v[i] + v[i + s];
                i += 2 * s;
            }
            s *= 2;
        }
        v[0]
    }

    #[test]
    fn recursive_and_stride_trees_agree_bitwise() {
        use rand::{rngs::SmallRng, Rng, SeedableRng};
        let mut rng = SmallRng::seed_from_u64(7);
        for n in 0..300 {
            let xs: Vec<f32> = (0..n).map(|_| rng.gen_range(-1e3f32..1e3) * rng.gen::<f32>()).collect();
            assert_eq!(tree_sum(&xs).to_bits(), stride_tree(&xs).to_bits(), "n = {n}");
        }
    }

    #[test]
    fn streaming_counter_equals_the_tree() {
        use rand::{rngs::SmallRng, Rng, SeedableRng};
        let mut rng = SmallRng::seed_from_u64(9);
        for n in 0..600 {
            let xs: Vec<f32> = (0..n).map(|_| rng.gen_range(-1e4f32..1e4) * rng.gen::<f32>()).collect();
            assert_eq!(tree_sum_streaming(n, |i| xs[i]).to_bits(), tree_sum(&xs).to_bits(), "n = {n}");
        }
    }

    #[test]
    fn order_is_the_tree_not_left_to_right() {
        // 1e8 + 1 + (−1e8) + 1: left to right gives 1 (the first 1 is lost
        // in 1e8); the tree gives (1e8 + 1) + (−1e8 + 1) = 0.
        let xs = [1e8f32, 1.0, -1e8, 1.0];
        assert_eq!(tree_sum(&xs), 0.0);
        assert_eq!(xs.iter().fold(0.0f32, |a, b| a + b), 1.0);
    }

    #[test]
    fn a_node_is_its_two_children_summed() {
        use rand::{rngs::SmallRng, Rng, SeedableRng};
        let mut rng = SmallRng::seed_from_u64(3);
        let xs: Vec<f32> = (0..1000).map(|_| rng.gen_range(-1e3f32..1e3)).collect();
        let f = |i: usize| xs[i];
        // Walk a random path from the root: every node is its children's sum.
        let (mut start, mut len) = (0, xs.len());
        while len >= 2 {
            let l = left_len(len);
            let parent = tree_sum_range(start, len, &f);
            assert_eq!(parent, tree_sum_range(start, l, &f) + tree_sum_range(start + l, len - l, &f));
            if rng.gen() {
                len = l;
            } else {
                start += l;
                len -= l;
            }
        }
        assert_eq!(tree_sum_range(0, xs.len(), &f).to_bits(), tree_sum(&xs).to_bits());
    }

    #[test]
    fn mean_is_sum_times_reciprocal() {
        let xs = [1.0f32, 2.0, 4.0];
        assert_eq!(mean(&xs), 7.0 * (1.0 / 3.0));
        assert_eq!(split(5), 4);
        assert_eq!(split(4), 2);
        assert_eq!(split(2), 1);
    }
}
