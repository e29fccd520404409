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
    type PublicKey: FullCodec + DecodeWithMemTracking + MaxEncodedLen + TypeInfo + Clone + PartialEq + Eq + core::fmt::Debug;
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
