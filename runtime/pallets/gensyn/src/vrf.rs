//! VRF verification for the solver and verifier lotteries.
//!
//! The pallet is generic over the scheme ([`VrfVerifier`]); the runtime uses
//! ECVRF-P256-SHA256-TAI ([`Ecvrf`]), verified natively by the node through
//! the `gensyn-vrf` host function because its implementation needs OpenSSL,
//! which cannot run inside the wasm runtime.

use crate::Hash;
use codec::{DecodeWithMemTracking, FullCodec, MaxEncodedLen};
use scale_info::TypeInfo;

/// A verifiable random function the chain can check.
pub trait VrfVerifier {
    /// A public key.
    type PublicKey: FullCodec
        + DecodeWithMemTracking
        + MaxEncodedLen
        + TypeInfo
        + Clone
        + PartialEq
        + Eq
        + core::fmt::Debug;
    /// A proof.
    type Proof: FullCodec + DecodeWithMemTracking + TypeInfo + Clone + PartialEq + Eq + core::fmt::Debug;
    /// The VRF output for `alpha` if `proof` is valid under `key`.
    fn verify(key: &Self::PublicKey, alpha: &[u8], proof: &Self::Proof) -> Option<Hash>;
}

/// ECVRF (IETF draft-irtf-cfrg-vrf-05, P-256, SHA-256, try-and-increment),
/// through the node's host function.
pub struct Ecvrf;

impl VrfVerifier for Ecvrf {
    type PublicKey = gensyn_vrf::PublicKey;
    type Proof = gensyn_vrf::Proof;
    fn verify(key: &Self::PublicKey, alpha: &[u8], proof: &Self::Proof) -> Option<Hash> {
        gensyn_vrf::ecvrf::verify(&key[..], alpha, &proof[..])
    }
}

/// A VRF key made with `gensyn_vrf::dev_secret("bench")`, for benchmarks that
/// must verify a real proof inside the runtime (which cannot prove).
pub const BENCH_VRF_KEY: [u8; 33] = [
    3, 166, 223, 51, 203, 79, 196, 105, 2, 166, 60, 217, 121, 247, 60, 254, 133, 212, 100, 66, 160, 74, 165, 32, 133,
    210, 101, 93, 172, 213, 13, 178, 3,
];
/// Its proof for `selection_alpha(Solver, 0, BENCH_SEED)`.
pub const BENCH_VRF_PROOF: [u8; 81] = [
    2, 133, 178, 96, 43, 120, 60, 166, 160, 241, 157, 35, 248, 2, 166, 127, 33, 144, 226, 47, 14, 7, 220, 168, 109, 23,
    63, 173, 229, 121, 114, 41, 254, 154, 175, 9, 240, 191, 235, 247, 250, 174, 164, 146, 114, 208, 202, 27, 5, 117,
    223, 85, 161, 97, 86, 162, 235, 195, 208, 89, 173, 55, 53, 240, 182, 23, 123, 3, 224, 155, 236, 121, 242, 78, 55,
    114, 40, 187, 147, 167, 13,
];
/// The seed that proof is over.
pub const BENCH_SEED: Hash = [7; 32];
