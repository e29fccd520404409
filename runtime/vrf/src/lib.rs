//! # gensyn-vrf
//!
//! ECVRF proofs for the protocol's solver and verifier lotteries.
//!
//! The `vrf` crate implements ECVRF-P256-SHA256-TAI of IETF
//! draft-irtf-cfrg-vrf-05 on top of OpenSSL. OpenSSL cannot run inside the
//! wasm runtime, so the runtime calls out to the node's native verifier
//! through a host function ([`ecvrf::verify`], declared with
//! `sp-runtime-interface`). Every node must register [`HostFunctions`] with
//! its executor, or the runtime cannot be instantiated; a node that does
//! computes the same answer as any other, since verification is
//! deterministic.
//!
//! With `std`, [`public_key`], [`prove`] and [`dev_secret`] serve clients
//! (the CLI, tests) that enter selections.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;
#[allow(unused_imports)]
use alloc::vec::Vec;

use sp_runtime_interface::{
    pass_by::{AllocateAndReturnByCodec, PassFatPointerAndRead},
    runtime_interface,
};

/// A compressed P-256 public key.
pub type PublicKey = [u8; 33];
/// An ECVRF proof: Γ (33 bytes), c (16), s (32).
pub type Proof = [u8; 81];
/// The VRF output β.
pub type Output = [u8; 32];

/// The host function the runtime calls.
#[runtime_interface]
pub trait Ecvrf {
    /// The VRF output for `alpha` if `proof` verifies under `public_key`;
    /// `None` for any malformed input or invalid proof. Never panics.
    fn verify(
        public_key: PassFatPointerAndRead<&[u8]>,
        alpha: PassFatPointerAndRead<&[u8]>,
        proof: PassFatPointerAndRead<&[u8]>,
    ) -> AllocateAndReturnByCodec<Option<[u8; 32]>> {
        #[cfg(feature = "std")]
        {
            native::verify(public_key, alpha, proof)
        }
        // A native build without `std` has no verifier (the `vrf` crate is
        // std-only). Nodes always build with `std`; fail closed otherwise.
        #[cfg(not(feature = "std"))]
        {
            let _ = (public_key, alpha, proof);
            None
        }
    }
}

/// The host functions a node registers with its executor.
#[cfg(feature = "std")]
pub type HostFunctions = ecvrf::HostFunctions;

#[cfg(feature = "std")]
pub use native::{dev_secret, prove, public_key, Error};

#[cfg(feature = "std")]
mod native {
    use super::{Output, Proof, PublicKey};
    use vrf::{
        openssl::{CipherSuite, ECVRF},
        VRF,
    };

    /// Why a key or proof could not be made.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Error {
        /// The secret is not a valid P-256 scalar.
        InvalidSecret,
        /// OpenSSL failed.
        Backend(String),
    }

    impl std::fmt::Display for Error {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            match self {
                Error::InvalidSecret => write!(f, "the VRF secret key is not a valid P-256 scalar"),
                Error::Backend(e) => write!(f, "ECVRF backend error: {e}"),
            }
        }
    }

    impl std::error::Error for Error {}

    fn suite() -> Result<ECVRF, Error> {
        ECVRF::from_suite(CipherSuite::P256_SHA256_TAI).map_err(|e| Error::Backend(e.to_string()))
    }

    /// Verification: lengths and the range of `s` first, then OpenSSL, with
    /// any panic of the backend turned into `None` (a host function must not
    /// bring the node down).
    pub(crate) fn verify(public_key: &[u8], alpha: &[u8], proof: &[u8]) -> Option<[u8; 32]> {
        if public_key.len() != 33 || proof.len() != 81 {
            return None;
        }
        // Draft-05 does not bound s; RFC 9381 (section 5.4.4) rejects s >= n,
        // which makes a valid proof's encoding unique. Honest proofs always
        // have s < n, so this only removes malleated encodings.
        if proof[49..] >= ORDER[..] {
            return None;
        }
        std::panic::catch_unwind(|| {
            let mut v = suite().ok()?;
            let beta = v.verify(public_key, proof, alpha).ok()?;
            beta.try_into().ok()
        })
        .ok()
        .flatten()
    }

    /// The order n of the P-256 group, big-endian.
    const ORDER: [u8; 32] = [
        0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xbc, 0xe6,
        0xfa, 0xad, 0xa7, 0x17, 0x9e, 0x84, 0xf3, 0xb9, 0xca, 0xc2, 0xfc, 0x63, 0x25, 0x51,
    ];

    /// The compressed public key of `secret`, which must be a scalar in
    /// `1..n` (the backend would silently reduce a larger one).
    pub fn public_key(secret: &[u8; 32]) -> Result<PublicKey, Error> {
        if secret.iter().all(|b| *b == 0) || secret.as_slice() >= ORDER.as_slice() {
            return Err(Error::InvalidSecret);
        }
        let mut v = suite()?;
        let pk = v.derive_public_key(secret).map_err(|_| Error::InvalidSecret)?;
        pk.try_into().map_err(|_| Error::InvalidSecret)
    }

    /// A proof and output for `alpha` under `secret`.
    pub fn prove(secret: &[u8; 32], alpha: &[u8]) -> Result<(Proof, Output), Error> {
        let mut v = suite()?;
        // Reject secrets that are no scalar before proving (the backend
        // would otherwise prove with a reduced key).
        public_key(secret)?;
        let pi = v.prove(secret, alpha).map_err(|e| Error::Backend(e.to_string()))?;
        let beta = v.proof_to_hash(&pi).map_err(|e| Error::Backend(e.to_string()))?;
        Ok((
            pi.try_into().map_err(|_| Error::Backend("proof length".into()))?,
            beta.try_into().map_err(|_| Error::Backend("output length".into()))?,
        ))
    }

    /// A deterministic development key for `name` (e.g. "alice"):
    /// blake2b-256 of `"gensyn-vrf-dev/" ‖ name ‖ counter`, the first
    /// counter that gives a valid scalar. Never for real funds.
    pub fn dev_secret(name: &str) -> [u8; 32] {
        use blake2::{digest::consts::U32, Blake2b, Digest};
        for counter in 0u32.. {
            let mut h = Blake2b::<U32>::new();
            h.update(b"gensyn-vrf-dev/");
            h.update(name.as_bytes());
            h.update(counter.to_le_bytes());
            let secret: [u8; 32] = h.finalize().into();
            if public_key(&secret).is_ok() {
                return secret;
            }
        }
        unreachable!("a valid scalar is found within a few tries")
    }
}
