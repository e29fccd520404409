//! Timing shared by the bench binaries that need no warm-up.

use std::time::Instant;

/// Best of `n` runs of `f`, in seconds.
pub fn best(n: usize, mut f: impl FnMut()) -> f64 {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}
