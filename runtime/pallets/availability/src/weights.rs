//! Weights of the availability pallet's calls and hook.
//!
//! Estimated from the storage each touches (RocksDB weights) and the hashing
//! each does, not yet benchmarked: a registration or attestation reads and
//! writes one entry per artefact named; an answer hashes one 4 KiB piece
//! and two Merkle paths; the hook's work is bounded by the per-block caps.

use polkadot_sdk::frame_support::weights::{constants::RocksDbWeight, Weight};

/// The pallet's weights.
pub trait WeightInfo {
    /// The hook: `settled` challenges due, `pruned` entries, `drawn` challenges.
    fn on_initialize(settled: u32, pruned: u32, drawn: u32) -> Weight;
    /// `set_key`.
    fn set_key() -> Weight;
    /// `bond`.
    fn bond() -> Weight;
    /// `unbond`.
    fn unbond() -> Weight;
    /// `register`.
    fn register() -> Weight;
    /// Authorizing `register`: a signature check and the same reads.
    fn authorize_register() -> Weight;
    /// `attest` of `n` artefacts.
    fn attest(n: u32) -> Weight;
    /// Authorizing `attest` of `n`.
    fn authorize_attest(n: u32) -> Weight;
    /// `answer` (also its authorization: the same proof check).
    fn answer() -> Weight;
}

/// An sr25519 verification, a blake2 of a few KiB, in reference time.
const SIGNATURE: u64 = 50_000_000;
const PIECE_HASH: u64 = 20_000_000;

impl WeightInfo for () {
    fn on_initialize(settled: u32, pruned: u32, drawn: u32) -> Weight {
        let db = RocksDbWeight::get();
        db.reads_writes(4, 3)
            .saturating_add(db.reads_writes(3, 4).saturating_mul(settled.into()))
            // An entry, its chosen record, the live slot moved into its place.
            .saturating_add(db.reads_writes(5, 7).saturating_mul(pruned.into()))
            .saturating_add(db.reads_writes(4, 3).saturating_mul(drawn.into()))
    }
    fn set_key() -> Weight {
        RocksDbWeight::get().reads_writes(2, 3).saturating_add(Weight::from_parts(SIGNATURE, 0))
    }
    fn bond() -> Weight {
        RocksDbWeight::get().reads_writes(3, 3)
    }
    fn unbond() -> Weight {
        RocksDbWeight::get().reads_writes(4, 3)
    }
    fn register() -> Weight {
        // The checks (chosen record, holders, bond, entry, quota), the
        // expiry queues it may try (`EXPIRY_SPREAD`, each up to 64 keys)
        // and the slot it leaves, a replaced entry's live slot, the entry,
        // and the registrar's attestation (which may make it available).
        let spread = u64::from(crate::EXPIRY_SPREAD);
        RocksDbWeight::get()
            .reads_writes(12 + spread, 10 + spread)
            .saturating_add(Weight::from_parts(0, 2_000 + (spread + 1) * 64 * 64))
    }
    fn authorize_register() -> Weight {
        RocksDbWeight::get().reads(6).saturating_add(Weight::from_parts(SIGNATURE, 0))
    }
    fn attest(n: u32) -> Weight {
        // Per name: the chosen record (twice), the entry, the duty count,
        // and if it becomes available the live slot, count and record.
        RocksDbWeight::get()
            .reads_writes(2, 1)
            .saturating_add(RocksDbWeight::get().reads_writes(5, 6).saturating_mul(n.into()))
    }
    fn authorize_attest(n: u32) -> Weight {
        RocksDbWeight::get()
            .reads(2)
            .saturating_add(RocksDbWeight::get().reads(2).saturating_mul(n.into()))
            .saturating_add(Weight::from_parts(SIGNATURE, 0))
    }
    fn answer() -> Weight {
        RocksDbWeight::get().reads_writes(2, 2).saturating_add(Weight::from_parts(PIECE_HASH, 0))
    }
}
