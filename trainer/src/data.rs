//! Deterministic data: generators driven by a ChaCha stream from the task's
//! seed. The order examples are trained in is the commitment scheme's
//! ([`gensyn_commitment::data::Order`]), so the chain can check it.
//!
//! Only integer draws and IEEE arithmetic are used (no platform `ln`/`cos`),
//! so every machine generates the same bytes.

use crate::{
    readers::{self, ReadError},
    spec::{DatasetSpec, TaskSpec},
};
use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};

/// Purposes of the seed, so each stream is independent.
#[derive(Clone, Copy)]
pub enum Stream {
    /// Model initialisation.
    Init = 1,
    /// Dataset generation.
    Data = 2,
}

/// The ChaCha20 stream for `purpose` under `seed`.
pub fn rng(seed: u64, purpose: Stream) -> ChaCha20Rng {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8] = purpose as u8;
    ChaCha20Rng::from_seed(key)
}

/// A uniform f32 in [0, 1) from the top 24 bits of a draw (exact).
pub fn unit(rng: &mut ChaCha20Rng) -> f32 {
    (rng.next_u32() >> 8) as f32 * (1.0 / 16_777_216.0)
}

/// A uniform f32 in [-1, 1).
pub fn symmetric(rng: &mut ChaCha20Rng) -> f32 {
    unit(rng) * 2.0 - 1.0
}

/// What a dataset's examples are: the commitment scheme's one definition
/// (token sequences keep ids exactly as `f32` in `features`, labels all 0,
/// `classes` = vocabulary size).
pub use gensyn_commitment::data::DataKind;

/// An in-memory dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// Row-major `samples × dim` features.
    pub features: Vec<f32>,
    /// Class of each sample.
    pub labels: Vec<u32>,
    /// Feature dimension.
    pub dim: usize,
    /// Number of classes.
    pub classes: usize,
    /// What the examples are.
    pub kind: DataKind,
}

impl Dataset {
    /// Samples.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no samples.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Generates the dataset a spec describes.
    /// The task's data: generated, or read from its file(s). Files must hold
    /// at least two classes and at least `batch_size` examples.
    pub fn load(spec: &TaskSpec) -> Result<Self, ReadError> {
        let (table, what) = match &spec.dataset {
            DatasetSpec::Blobs { .. } => return Ok(Self::generate(&spec.dataset, spec.seed)),
            DatasetSpec::Markov { vocab, sequences } => {
                let len = match spec.model {
                    crate::spec::ModelSpec::Transformer { seq, .. } => seq + 1,
                    // Validation pairs token data with a transformer.
                    crate::spec::ModelSpec::Mlp { .. } => 2,
                };
                return Ok(Self::markov(*vocab, *sequences, len, spec.seed));
            }
            DatasetSpec::Csv { path, header, label_column } => {
                (readers::csv(&spec.data_path(path), *header, *label_column)?, spec.data_path(path))
            }
            DatasetSpec::Idx { images, labels } => {
                (readers::idx(&spec.data_path(images), &spec.data_path(labels))?, spec.data_path(images))
            }
            DatasetSpec::Safetensors { path, features, labels } => {
                (readers::safetensors(&spec.data_path(path), features, labels)?, spec.data_path(path))
            }
        };
        let bad = |reason: String| ReadError { path: what.display().to_string(), reason };
        let classes = table.labels.iter().max().map_or(0, |m| *m as usize + 1);
        if classes < 2 || classes > 1024 {
            return Err(bad(format!("{classes} classes; a task needs 2 to 1024")));
        }
        if table.dim == 0 || table.dim > 65_536 {
            return Err(bad(format!("{} features per example; expected 1 to 65536", table.dim)));
        }
        if table.labels.len() < spec.train.batch_size {
            return Err(bad(format!("{} examples, fewer than train.batch_size", table.labels.len())));
        }
        Ok(Dataset {
            features: table.features,
            labels: table.labels,
            dim: table.dim,
            classes,
            kind: DataKind::Classification,
        })
    }

    /// Example `i`: its label and features.
    pub fn example(&self, i: usize) -> (u32, &[f32]) {
        (self.labels[i], &self.features[i * self.dim..(i + 1) * self.dim])
    }

    /// The leaves of the dataset's commitment: one per example, in order
    /// (`gensyn_commitment::state::example_leaf`).
    fn leaves(&self) -> Vec<[u8; 32]> {
        (0..self.len())
            .map(|i| {
                let (label, features) = self.example(i);
                gensyn_commitment::state::example_leaf(i as u32, label, features)
            })
            .collect()
    }

    /// The dataset's commitment: a Merkle root over its examples in order.
    pub fn root(&self) -> [u8; 32] {
        gensyn_commitment::merkle::root(&self.leaves())
    }

    /// The tree behind [`Dataset::root`], for proving an example (a dispute
    /// over a batch row ends in one).
    pub fn tree(&self) -> gensyn_commitment::merkle::Tree {
        gensyn_commitment::merkle::Tree::new(&self.leaves())
    }

    /// Generates a synthetic dataset (the file kinds go through [`Dataset::load`]).
    pub fn generate(spec: &DatasetSpec, seed: u64) -> Self {
        match *spec {
            DatasetSpec::Blobs { classes, dim, samples, noise } => {
                let mut r = rng(seed, Stream::Data);
                let centres: Vec<f32> = (0..classes * dim).map(|_| symmetric(&mut r)).collect();
                let mut features = Vec::with_capacity(samples * dim);
                let mut labels = Vec::with_capacity(samples);
                for i in 0..samples {
                    let c = i % classes;
                    for d in 0..dim {
                        // Sum of three uniforms: a bell-shaped spread from arithmetic only.
                        let u = symmetric(&mut r) + symmetric(&mut r) + symmetric(&mut r);
                        features.push(centres[c * dim + d] + noise * u * (1.0 / 3.0));
                    }
                    labels.push(c as u32);
                }
                Dataset { features, labels, dim, classes, kind: DataKind::Classification }
            }
            _ => panic!("Dataset::generate is for generated datasets; files go through Dataset::load"),
        }
    }
}

impl Dataset {
    /// `sequences` sequences of `len` tokens from a second-order Markov
    /// chain over `vocab` tokens drawn from the seed: each context (the two
    /// previous tokens) has two successors, the first taken with
    /// probability 3/4. The first two tokens are uniform. Integer draws only.
    pub fn markov(vocab: usize, sequences: usize, len: usize, seed: u64) -> Self {
        let mut r = rng(seed, Stream::Data);
        // The chain's table is a keyed hash of the context (a table of
        // vocab² entries would not fit large vocabularies).
        let key = r.next_u64();
        let successors = |p2: usize, p1: usize| {
            let h = splitmix64(key ^ ((p2 as u64) << 32 | p1 as u64));
            let a = (h % vocab as u64) as usize;
            // A distinct second successor.
            let b = (a + 1 + ((h >> 32) % (vocab as u64 - 1)) as usize) % vocab;
            [a, b]
        };
        let mut pick = |n: usize| (r.next_u64() % n as u64) as usize;
        let mut features = Vec::with_capacity(sequences * len);
        for _ in 0..sequences {
            let (mut p2, mut p1) = (pick(vocab), pick(vocab));
            for i in 0..len {
                let tok = match i {
                    0 => p2,
                    1 => p1,
                    _ => {
                        let [a, b] = successors(p2, p1);
                        let t = if pick(4) == 0 { b } else { a };
                        (p2, p1) = (p1, t);
                        t
                    }
                };
                features.push(tok as f32);
            }
        }
        Dataset { features, labels: vec![0; sequences], dim: len, classes: vocab, kind: DataKind::Sequences }
    }
}

/// SplitMix64's finaliser: a fixed integer mixing function.
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic() {
        let spec = DatasetSpec::Blobs { classes: 3, dim: 4, samples: 30, noise: 0.5 };
        assert_eq!(Dataset::generate(&spec, 1), Dataset::generate(&spec, 1));
        assert_ne!(Dataset::generate(&spec, 1), Dataset::generate(&spec, 2));
    }

    #[test]
    fn markov_sequences_are_deterministic_and_second_order() {
        let a = Dataset::markov(10, 200, 12, 5);
        assert_eq!(a, Dataset::markov(10, 200, 12, 5));
        assert_ne!(a, Dataset::markov(10, 200, 12, 6));
        assert_eq!((a.dim, a.classes, a.kind, a.features.len()), (12, 10, DataKind::Sequences, 2400));
        assert!(a.features.iter().all(|&t| t >= 0.0 && t < 10.0 && t.fract() == 0.0));
        // Every context (two previous tokens) is followed by at most two tokens.
        let mut next = std::collections::HashMap::<(u32, u32), std::collections::BTreeSet<u32>>::new();
        for s in a.features.chunks(12) {
            for w in s.windows(3) {
                next.entry((w[0] as u32, w[1] as u32)).or_default().insert(w[2] as u32);
            }
        }
        assert!(next.values().all(|n| n.len() <= 2));
        assert!(next.values().any(|n| n.len() == 2));
    }
}
