//! # gensyn-commitment
//!
//! The one definition of everything the trainer commits to and the chain
//! checks: the hash, the Merkle tree and its proofs, how tensors, training
//! states, operator-graph nodes and per-step traces become leaves, and the
//! canonical execution of a single graph node that on-chain arbitration
//! re-runs. The trainer (std) and the runtime pallet (`no_std`, wasm) both
//! depend on this crate, so a solver's commitment and the chain's check can
//! never drift apart.
//!
//! Layout of a commitment, bottom up:
//! - a **tensor** is hashed as a Merkle tree over tiles (32 × 32 blocks of
//!   its 2-D view, [`tensor::Layout`]), bound to its shape ([`tensor`]);
//!   one output tile is recomputed from the input tiles it reads ([`tile`]);
//! - a **state** (parameters + optimiser state after a step) is a Merkle tree
//!   over `(name, tensor hash)` entries in name order ([`state`]);
//! - a **step's trace** is a Merkle tree over the output hashes of the
//!   step's graph nodes in execution order; the nodes themselves form the
//!   task's **program**, committed once ([`trace`]);
//! - a run commits to a tree of **checkpoint** state hashes and a tree of
//!   **step** records `(step, state before, trace, state after)`.
//!
//! The availability layer commits to an artefact's erasure-coded shards
//! the same way: a Merkle tree over shard leaves ([`erasure`]).
//!
//! Every leaf is hashed with a leading `0x00` and a domain tag, every inner
//! node with a leading `0x01`, so no leaf can pose as a node or as a leaf of
//! another kind.

#![cfg_attr(not(feature = "std"), no_std)]
// `a = a + b` spells out each fold's order where `+=` would hide it.
#![allow(clippy::assign_op_pattern)]

extern crate alloc;

pub mod data;
pub mod erasure;
pub mod exec;
pub mod hash;
pub mod interp;
pub mod merkle;
pub mod reduction;
pub mod shape;
pub mod state;
pub mod tensor;
pub mod tile;
pub mod trace;

pub use hash::{Hash, ZERO};
