//! # gensyn-kernels
//!
//! Reproducible `f32` operators for training whose every bit is provable.
//!
//! A dispute in the Gensyn protocol ends with the chain re-executing one
//! operator and comparing hashes, so the solver's GPU, the verifier's CPU and
//! the runtime's wasm must agree bit for bit. This crate holds the one
//! canonical definition of each operator ([`ops`], [`optim`]): plain `no_std`
//! code whose floating-point operation order is part of the definition, with
//! elementary functions built from IEEE arithmetic only ([`math`]) and one
//! fixed reduction tree ([`reduce`]). The fast CPU paths ([`cpu`], with the
//! `std` feature) only move work across threads and SIMD lanes; tests prove
//! they return the reference's bits.

#![cfg_attr(not(feature = "std"), no_std)]
// `a = a + b` spells out each fold's order where `+=` would hide it.
#![allow(clippy::assign_op_pattern)]

extern crate alloc;

pub mod math;
pub mod ops;
pub mod optim;
pub mod reduce;

#[cfg(feature = "std")]
pub mod cpu;

#[cfg(feature = "cuda")]
pub mod cuda;
