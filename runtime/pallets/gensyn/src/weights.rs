//! Weights of the pallet's calls.
//!
//! Until frame-benchmarking measures them (the protocol-pallet issue), these
//! are conservative hand estimates: each call reads and writes its ledger, the
//! account, and the holds list, plus a fixed compute allowance.

use polkadot_sdk::frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions needed by the pallet.
pub trait WeightInfo {
    /// `stake`.
    fn stake() -> Weight;
    /// `unstake`.
    fn unstake() -> Weight;
    /// `withdraw_unbonded`.
    fn withdraw_unbonded() -> Weight;
}

/// Estimates for a RocksDB/ParityDB-backed node.
pub struct EstimatedWeight;

impl WeightInfo for EstimatedWeight {
    fn stake() -> Weight {
        Weight::from_parts(50_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(3, 3))
    }
    fn unstake() -> Weight {
        Weight::from_parts(30_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(1, 1))
    }
    fn withdraw_unbonded() -> Weight {
        Weight::from_parts(50_000_000, 4_000).saturating_add(RocksDbWeight::get().reads_writes(3, 3))
    }
}

impl WeightInfo for () {
    fn stake() -> Weight {
        EstimatedWeight::stake()
    }
    fn unstake() -> Weight {
        EstimatedWeight::unstake()
    }
    fn withdraw_unbonded() -> Weight {
        EstimatedWeight::withdraw_unbonded()
    }
}
