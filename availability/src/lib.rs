//! # gensyn-availability
//!
//! Erasure coding for the availability layer. An artefact (a spec, a
//! dataset, a checkpoint, a step record) is cut into `k` pieces and
//! extended by a Reed–Solomon code over GF(2^16) (`reed-solomon-simd`) to
//! `n` shards, one per validator, any `k = ⌊(n−1)/3⌋ + 1` of which give it
//! back. What is committed (shard leaves, the erasure root, the
//! [`ErasureCommitment`] the chain keeps) is defined once, in
//! `gensyn-commitment`'s `erasure` module, which the runtime also uses to
//! check a holder's answer to a challenge; this crate is the std side: the
//! encoder, and a [`Reader`] that takes shards from anyone, keeps those
//! that check, and reconstructs.
//!
//! Reconstruction re-encodes what it decoded and compares erasure roots: a
//! root commits to shards, not to their being one codeword, and a dishonest
//! encoder could otherwise commit shards that decode to different bytes
//! from different subsets ([`Error::BadEncoding`]).

use gensyn_commitment::{
    erasure::{self, ErasureCommitment, MAX_SHARDS},
    merkle::{self, Proof},
};
use reed_solomon_simd::{
    engine::{DefaultEngine, Engine},
    rate::{DefaultRateDecoder, DefaultRateEncoder, RateDecoder, RateEncoder},
};
use std::collections::BTreeMap;

pub use gensyn_commitment::erasure::threshold;

/// Why an artefact cannot be encoded or read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A holder count the code does not take.
    #[error("{0} shards: the availability layer takes 1 to {MAX_SHARDS}")]
    BadCount(u16),
    /// More bytes than a commitment's `u32` length can say.
    #[error("an artefact of {0} bytes is too large to encode")]
    TooLarge(usize),
    /// A commitment whose shape is not the protocol's.
    #[error("not a well-formed erasure commitment: n = {n}, k = {k} (k must be ⌊(n−1)/3⌋ + 1)")]
    Malformed {
        /// Shards in all.
        n: u16,
        /// Shards needed.
        k: u16,
    },
    /// Fewer good shards than the code needs.
    #[error("{have} good shards of the {need} needed")]
    NotEnough {
        /// Distinct shards that checked.
        have: usize,
        /// `k`.
        need: u16,
    },
    /// The committed shards are not one codeword: what they decode to does
    /// not re-encode to the root.
    #[error("the shards decode to bytes that do not re-encode to the erasure root: a bad encoding")]
    BadEncoding,
    /// The code itself refused (a shape `reed-solomon-simd` does not take).
    #[error("reed-solomon: {0}")]
    Code(String),
}

fn code(e: reed_solomon_simd::Error) -> Error {
    Error::Code(e.to_string())
}

/// An encoded artefact: what goes on chain, the shards to hand out, and
/// the tree their proofs come from.
pub struct Encoded {
    /// Root, length and shape.
    pub commitment: ErasureCommitment,
    /// Shard `i` is for holder `i`: the `k` pieces, then `n − k` parity.
    pub shards: Vec<Vec<u8>>,
    tree: merkle::Tree,
}

impl Encoded {
    /// The proof that shard `index` is under the erasure root.
    pub fn proof(&self, index: u16) -> Option<Proof> {
        self.tree.proof(u32::from(index))
    }
}

/// Encodes `data` into `n` shards with the fastest engine this CPU has.
pub fn encode(data: &[u8], n: u16) -> Result<Encoded, Error> {
    encode_with(DefaultEngine::new(), data, n)
}

/// [`encode`] with a chosen `reed-solomon-simd` engine: every engine gives
/// the same shards (tested), so the root never depends on the machine.
pub fn encode_with<E: Engine>(engine: E, data: &[u8], n: u16) -> Result<Encoded, Error> {
    if !(1..=MAX_SHARDS).contains(&n) {
        return Err(Error::BadCount(n));
    }
    let len = u32::try_from(data.len()).map_err(|_| Error::TooLarge(data.len()))?;
    let k = erasure::threshold(n);
    let size = erasure::shard_len(len, k) as usize;
    let mut shards: Vec<Vec<u8>> = (0..usize::from(k))
        .map(|i| {
            let piece = &data[(i * size).min(data.len())..((i + 1) * size).min(data.len())];
            let mut shard = piece.to_vec();
            shard.resize(size, 0);
            shard
        })
        .collect();
    if n > k {
        let mut encoder =
            DefaultRateEncoder::new(usize::from(k), usize::from(n - k), size, engine, None).map_err(code)?;
        for piece in &shards {
            encoder.add_original_shard(piece).map_err(code)?;
        }
        let parity: Vec<Vec<u8>> = encoder.encode().map_err(code)?.recovery_iter().map(<[u8]>::to_vec).collect();
        shards.extend(parity);
    }
    let leaves: Vec<_> = shards.iter().enumerate().map(|(i, s)| erasure::shard_leaf(i as u16, s)).collect();
    let tree = merkle::Tree::new(&leaves);
    Ok(Encoded { commitment: ErasureCommitment { root: tree.root(), len, k, n }, shards, tree })
}

/// Recovers the artefact of `c` from `shards` (index, bytes) that were
/// checked against it ([`Reader::offer`] does): any `k` distinct indices.
/// Extra shards are ignored; the result is re-encoded and must give `c`'s
/// root back.
pub fn reconstruct(c: &ErasureCommitment, shards: &BTreeMap<u16, Vec<u8>>) -> Result<Vec<u8>, Error> {
    if !c.is_well_formed() {
        return Err(Error::Malformed { n: c.n, k: c.k });
    }
    let size = c.shard_len() as usize;
    let usable: BTreeMap<u16, &[u8]> =
        shards.iter().filter(|(i, s)| **i < c.n && s.len() == size).map(|(i, s)| (*i, s.as_slice())).collect();
    if usable.len() < usize::from(c.k) {
        return Err(Error::NotEnough { have: usable.len(), need: c.k });
    }
    let mut pieces: Vec<Option<Vec<u8>>> = (0..c.k).map(|i| usable.get(&i).map(|s| s.to_vec())).collect();
    if pieces.iter().any(Option::is_none) {
        let mut decoder =
            DefaultRateDecoder::new(usize::from(c.k), usize::from(c.n - c.k), size, DefaultEngine::new(), None)
                .map_err(code)?;
        // Exactly k shards: more would only be checked again by the re-encoding.
        for (&i, s) in usable.iter().take(usize::from(c.k)) {
            if i < c.k {
                decoder.add_original_shard(usize::from(i), s).map_err(code)?;
            } else {
                decoder.add_recovery_shard(usize::from(i - c.k), s).map_err(code)?;
            }
        }
        let restored = decoder.decode().map_err(code)?;
        for (i, s) in restored.restored_original_iter() {
            pieces[i] = Some(s.to_vec());
        }
    }
    let mut data: Vec<u8> = Vec::with_capacity(size * usize::from(c.k));
    for piece in pieces {
        data.extend(piece.ok_or(Error::NotEnough { have: usable.len(), need: c.k })?);
    }
    data.truncate(c.len as usize);
    if encode(&data, c.n)?.commitment != *c {
        return Err(Error::BadEncoding);
    }
    Ok(data)
}

/// Why a reader set an offered shard aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Rejection {
    /// Its index is past the last shard.
    #[error("no shard has this index")]
    OutOfRange,
    /// Not the committed shard length.
    #[error("the wrong length")]
    WrongLength,
    /// Its proof does not lead to the root (tampered bytes, another index, a forged proof).
    #[error("it is not under the erasure root")]
    BadProof,
    /// This index is already held.
    #[error("already held")]
    Duplicate,
}

/// Collects shards of one artefact from whoever offers them, keeps those
/// that check against its commitment, and reconstructs once it has `k`.
pub struct Reader {
    commitment: ErasureCommitment,
    good: BTreeMap<u16, Vec<u8>>,
    rejected: Vec<(u16, Rejection)>,
}

impl Reader {
    /// A reader for the artefact `c` commits to.
    pub fn new(c: ErasureCommitment) -> Result<Self, Error> {
        if !c.is_well_formed() {
            return Err(Error::Malformed { n: c.n, k: c.k });
        }
        Ok(Reader { commitment: c, good: BTreeMap::new(), rejected: Vec::new() })
    }

    /// Checks shard `index` with its proof; keeps it if it checks.
    pub fn offer(&mut self, index: u16, shard: Vec<u8>, proof: &Proof) -> Result<(), Rejection> {
        let c = &self.commitment;
        let verdict = if index >= c.n {
            Err(Rejection::OutOfRange)
        } else if self.good.contains_key(&index) {
            Err(Rejection::Duplicate)
        } else if shard.len() as u64 != u64::from(c.shard_len()) {
            Err(Rejection::WrongLength)
        } else if !c.check_shard(index, &shard, proof) {
            Err(Rejection::BadProof)
        } else {
            Ok(())
        };
        match verdict {
            Ok(()) => {
                self.good.insert(index, shard);
            }
            Err(r) => self.rejected.push((index, r)),
        }
        verdict
    }

    /// Good shards held.
    pub fn have(&self) -> usize {
        self.good.len()
    }

    /// Shards needed (`k`).
    pub fn need(&self) -> u16 {
        self.commitment.k
    }

    /// Whether it holds enough to reconstruct.
    pub fn is_ready(&self) -> bool {
        self.have() >= usize::from(self.need())
    }

    /// The shards set aside so far, with why.
    pub fn rejected(&self) -> &[(u16, Rejection)] {
        &self.rejected
    }

    /// The artefact.
    pub fn finish(&self) -> Result<Vec<u8>, Error> {
        reconstruct(&self.commitment, &self.good)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use reed_solomon_simd::engine::{Naive, NoSimd};

    fn bytes(len: usize, seed: u8) -> Vec<u8> {
        (0..len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed) ^ (i >> 8) as u8).collect()
    }

    fn read(e: &Encoded, indices: &[u16]) -> Result<Vec<u8>, Error> {
        let mut r = Reader::new(e.commitment)?;
        for &i in indices {
            r.offer(i, e.shards[usize::from(i)].clone(), &e.proof(i).unwrap()).unwrap();
        }
        r.finish()
    }

    /// All `k`-subsets of `0..n` (n small).
    fn subsets(n: u16, k: u16) -> Vec<Vec<u16>> {
        (0u32..1 << n)
            .filter(|m| m.count_ones() == u32::from(k))
            .map(|m| (0..n).filter(|i| m >> i & 1 == 1).collect())
            .collect()
    }

    #[test]
    fn every_k_subset_recovers_and_k_minus_one_does_not() {
        for n in 1..=7u16 {
            for len in [0, 1, 2, 63, 64, 1000, 4097] {
                let data = bytes(len, n as u8);
                let e = encode(&data, n).unwrap();
                let k = e.commitment.k;
                assert_eq!(e.shards.len(), usize::from(n));
                for set in subsets(n, k) {
                    assert_eq!(read(&e, &set).unwrap(), data, "n {n} len {len} from {set:?}");
                }
                if k > 1 {
                    for set in subsets(n, k - 1) {
                        assert_eq!(read(&e, &set), Err(Error::NotEnough { have: usize::from(k) - 1, need: k }));
                    }
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_k_shards_recover_parity_only_included(
            data in proptest::collection::vec(any::<u8>(), 0..5000),
            n in 1u16..40,
            pick in any::<u64>(),
            parity_only in any::<bool>(),
        ) {
            let e = encode(&data, n).unwrap();
            let k = e.commitment.k;
            // A deterministic pseudo-random choice of k indices, or the
            // last k (all parity when n ≥ 2k).
            let mut order: Vec<u16> = (0..n).collect();
            let mut x = pick | 1;
            for i in (1..order.len()).rev() {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                order.swap(i, (x % (i as u64 + 1)) as usize);
            }
            let chosen: Vec<u16> =
                if parity_only { (n - k..n).collect() } else { order[..usize::from(k)].to_vec() };
            prop_assert_eq!(read(&e, &chosen).unwrap(), data);
        }
    }

    #[test]
    fn the_same_artefact_always_gives_the_same_root() {
        let data = bytes(10_000, 7);
        let a = encode(&data, 4).unwrap();
        assert_eq!(a.commitment, encode(&data, 4).unwrap().commitment);
        assert_eq!(a.commitment.root, erasure::root(&a.shards), "the root is the one erasure::root defines");
        assert_ne!(a.commitment.root, encode(&bytes(10_000, 8), 4).unwrap().commitment.root);
        assert_ne!(a.commitment, encode(&data, 5).unwrap().commitment, "another shape, another commitment");
    }

    #[test]
    fn every_engine_gives_the_same_shards() {
        let data = bytes(100_000, 3);
        for n in [2u16, 4, 7, 16] {
            let reference = encode_with(Naive::new(), &data, n).unwrap();
            let mut engines: Vec<(&str, Encoded)> =
                vec![("nosimd", encode_with(NoSimd::new(), &data, n).unwrap()), ("default", encode(&data, n).unwrap())];
            #[cfg(any(target_arch = "x86", target_arch = "x86_64"))]
            {
                use reed_solomon_simd::engine::{Avx2, Ssse3};
                if std::is_x86_feature_detected!("ssse3") {
                    engines.push(("ssse3", encode_with(Ssse3::new(), &data, n).unwrap()));
                }
                if std::is_x86_feature_detected!("avx2") {
                    engines.push(("avx2", encode_with(Avx2::new(), &data, n).unwrap()));
                }
            }
            #[cfg(target_arch = "aarch64")]
            if std::arch::is_aarch64_feature_detected!("neon") {
                engines.push(("neon", encode_with(reed_solomon_simd::engine::Neon::new(), &data, n).unwrap()));
            }
            for (name, e) in engines {
                assert_eq!(e.shards, reference.shards, "{name}, n = {n}");
                assert_eq!(e.commitment, reference.commitment);
            }
        }
    }

    #[test]
    fn a_tampered_shard_a_wrong_index_or_a_wrong_proof_is_set_aside_and_reported() {
        let data = bytes(3000, 1);
        let e = encode(&data, 4).unwrap();
        let mut r = Reader::new(e.commitment).unwrap();
        let mut bad = e.shards[0].clone();
        bad[5] ^= 0x40;
        assert_eq!(r.offer(0, bad, &e.proof(0).unwrap()), Err(Rejection::BadProof));
        assert_eq!(r.offer(2, e.shards[1].clone(), &e.proof(1).unwrap()), Err(Rejection::BadProof), "wrong index");
        assert_eq!(r.offer(1, e.shards[1].clone(), &e.proof(3).unwrap()), Err(Rejection::BadProof), "wrong proof");
        assert_eq!(r.offer(9, e.shards[1].clone(), &e.proof(1).unwrap()), Err(Rejection::OutOfRange));
        assert_eq!(r.offer(1, e.shards[1][1..].to_vec(), &e.proof(1).unwrap()), Err(Rejection::WrongLength));
        assert!(!r.is_ready());
        assert_eq!(r.finish(), Err(Error::NotEnough { have: 0, need: 2 }));
        // The good ones from the others still make it.
        r.offer(3, e.shards[3].clone(), &e.proof(3).unwrap()).unwrap();
        assert_eq!(r.offer(3, e.shards[3].clone(), &e.proof(3).unwrap()), Err(Rejection::Duplicate));
        r.offer(1, e.shards[1].clone(), &e.proof(1).unwrap()).unwrap();
        assert!(r.is_ready());
        assert_eq!(r.finish().unwrap(), data);
        let why: Vec<Rejection> = r.rejected().iter().map(|(_, w)| *w).collect();
        assert_eq!(why.len(), 6, "every set-aside shard is reported: {why:?}");
    }

    #[test]
    fn shards_that_are_not_one_codeword_are_a_bad_encoding() {
        // A dishonest encoder: honest pieces, one parity shard replaced, all
        // committed under a root of its own making.
        let data = bytes(2000, 9);
        let honest = encode(&data, 4).unwrap();
        let mut shards = honest.shards.clone();
        shards[3][0] ^= 1;
        let leaves: Vec<_> = shards.iter().enumerate().map(|(i, s)| erasure::shard_leaf(i as u16, s)).collect();
        let tree = merkle::Tree::new(&leaves);
        let forged = ErasureCommitment { root: tree.root(), ..honest.commitment };
        let offer = |set: &[u16]| {
            let mut r = Reader::new(forged).unwrap();
            for &i in set {
                r.offer(i, shards[usize::from(i)].clone(), &tree.proof(u32::from(i)).unwrap()).unwrap();
            }
            r.finish()
        };
        // Every subset, with the bad shard or without, is refused: the bytes
        // never re-encode to the forged root.
        for set in subsets(4, 2) {
            assert_eq!(offer(&set), Err(Error::BadEncoding), "{set:?}");
        }
        // Non-zero padding is caught the same way.
        let short = bytes(3, 2);
        let e = encode(&short, 1).unwrap();
        let mut padded = e.shards[0].clone();
        padded[3] = 0xff;
        let c = ErasureCommitment { root: erasure::root(&[padded.clone()]), ..e.commitment };
        let mut r = Reader::new(c).unwrap();
        r.offer(0, padded, &Proof::default()).unwrap();
        assert_eq!(r.finish(), Err(Error::BadEncoding));
    }

    #[test]
    fn bad_shapes_are_refused() {
        assert_eq!(encode(b"x", 0).err(), Some(Error::BadCount(0)));
        assert_eq!(encode(b"x", MAX_SHARDS + 1).err(), Some(Error::BadCount(MAX_SHARDS + 1)));
        let e = encode(b"abcdef", 4).unwrap();
        let greedy = ErasureCommitment { k: 4, ..e.commitment };
        assert_eq!(Reader::new(greedy).err(), Some(Error::Malformed { n: 4, k: 4 }));
    }
}
