//! Optimizer updates. Their state (velocity, moments, step) is plain data so
//! the trainer can put it in checkpoints.

use crate::math;

/// SGD with momentum and (coupled) weight decay, PyTorch's formulation:
/// `g = (0 + grad) + wd·p`, `v = μ·v + g`, `p = p − lr·v`.
///
/// The `0 +` maps a `−0` gradient to `+0`: a gradient that went through
/// autograd's zero-initialised accumulation and one taken straight from
/// its operator then update to the same bits.
pub fn sgd_momentum(param: &mut [f32], grad: &[f32], velocity: &mut [f32], lr: f32, momentum: f32, weight_decay: f32) {
    assert!(param.len() == grad.len() && grad.len() == velocity.len(), "sgd_momentum");
    for i in 0..param.len() {
        let g = (0.0 + grad[i]) + weight_decay * param[i];
        velocity[i] = momentum * velocity[i] + g;
        param[i] = param[i] - lr * velocity[i];
    }
}

/// `base^exp` by square-and-multiply over the bits of `exp`, low bit first.
pub fn powi(base: f32, mut exp: u32) -> f32 {
    let (mut result, mut b) = (1.0f32, base);
    while exp > 0 {
        if exp & 1 == 1 {
            result = result * b;
        }
        b = b * b;
        exp >>= 1;
    }
    result
}

/// AdamW hyper-parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AdamW {
    /// Learning rate.
    pub lr: f32,
    /// First-moment decay.
    pub beta1: f32,
    /// Second-moment decay.
    pub beta2: f32,
    /// Denominator guard.
    pub eps: f32,
    /// Decoupled weight decay.
    pub weight_decay: f32,
}

impl AdamW {
    /// One AdamW step (`step` counts from 1), with `g = 0 + grad` as in
    /// [`sgd_momentum`]:
    /// `p = p − lr·wd·p`; `m = β₁m + (1−β₁)g`; `v = β₂v + (1−β₂)g²`;
    /// `p = p − lr · (m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + eps)`.
    pub fn step(&self, param: &mut [f32], grad: &[f32], m: &mut [f32], v: &mut [f32], step: u32) {
        assert!(param.len() == grad.len() && grad.len() == m.len() && m.len() == v.len(), "adamw");
        assert!(step >= 1, "adamw: steps count from 1");
        let bc1 = 1.0 - powi(self.beta1, step);
        let bc2 = 1.0 - powi(self.beta2, step);
        let decay = self.lr * self.weight_decay;
        for i in 0..param.len() {
            let g = 0.0 + grad[i];
            param[i] = param[i] - decay * param[i];
            m[i] = self.beta1 * m[i] + (1.0 - self.beta1) * g;
            v[i] = self.beta2 * v[i] + (1.0 - self.beta2) * (g * g);
            let mhat = m[i] / bc1;
            let vhat = v[i] / bc2;
            param[i] = param[i] - self.lr * (mhat / (math::sqrt(vhat) + self.eps));
        }
    }
}
