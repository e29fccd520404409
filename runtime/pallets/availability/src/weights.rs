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
    /// Authorizing `register`: two signature checks and the same reads.
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
            // A step: a slot and its entry, its chosen record, the live slot
            // moved into its place (or a block's slot count).
            .saturating_add(db.reads_writes(6, 8).saturating_mul(pruned.into()))
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
        // The checks (chosen record, holders, bond, entry, quota), an
        // expiry slot taken and one freed, a replaced entry's live slot and
        // its attesters' duties (up to 32), the entry, and the registrar's
        // attestation (which may make it available); the payer's hold
        // (account, holds, count) and a replaced entry's payer's release.
        RocksDbWeight::get().reads_writes(12 + 32 + 6, 12 + 32 + 6).saturating_add(Weight::from_parts(0, 6_000))
    }
    fn authorize_register() -> Weight {
        // Two signatures (the store key's, the payer's), the same reads
        // and the payer's balance and holds.
        RocksDbWeight::get().reads(9).saturating_add(Weight::from_parts(2 * SIGNATURE, 0))
    }
    fn attest(n: u32) -> Weight {
        // Per name: the chosen record, the entry, the duty count,
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
