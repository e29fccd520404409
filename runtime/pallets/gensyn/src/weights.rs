//! Weights of the pallet's calls.
//!
//! Hand estimates until frame-benchmarking measures them: each call is
//! charged its storage reads and writes plus a compute allowance; calls that
//! verify Merkle proofs or VRF proofs add their cost; arbitration is charged
//! for the largest operator it may re-execute ([`crate::Config::MaxArbitrationWork`])
//! and the largest witness it may hash.

use polkadot_sdk::frame_support::weights::{constants::RocksDbWeight as Db, Weight};

/// Weight functions needed by the pallet.
pub trait WeightInfo {
    /// `stake`.
    fn stake() -> Weight;
    /// `unstake`.
    fn unstake() -> Weight;
    /// `withdraw_unbonded`.
    fn withdraw_unbonded() -> Weight;
    /// `register_keys`.
    fn register_keys() -> Weight;
    /// `submit_task`.
    fn submit_task() -> Weight;
    /// `enter_selection` (one VRF verification).
    fn enter_selection() -> Weight;
    /// `commit`.
    fn commit() -> Weight;
    /// `open_checkpoints` with `n` openings.
    fn open_checkpoints(n: u32) -> Weight;
    /// `commit_verdict`.
    fn commit_verdict() -> Weight;
    /// `reveal_verdict` with `n` segments.
    fn reveal_verdict(n: u32) -> Weight;
    /// `whistle`.
    fn whistle() -> Weight;
    /// `reveal_secret` with `w` whistles paid from the jackpot (then the task settles).
    fn reveal_secret(w: u32) -> Weight;
    /// `bisect`.
    fn bisect() -> Weight;
    /// `open_record`.
    fn open_record() -> Weight;
    /// `reveal_children`.
    fn reveal_children() -> Weight;
    /// `open_outputs`.
    fn open_outputs() -> Weight;
    /// `arbitrate` of an operator of `w` million units of work (`exec::work`).
    fn arbitrate(w: u32) -> Weight;
    /// `set_params`.
    fn set_params() -> Weight;
    /// `on_initialize` processing `n` deadlines (each may settle a task).
    fn on_initialize(n: u32) -> Weight;
}

/// A call that touches `r` and writes `w` items and computes for `us` µs.
fn w(us: u64, r: u64, wr: u64) -> Weight {
    Weight::from_parts(us * 1_000_000, 8_000).saturating_add(Db::get().reads_writes(r, wr))
}

/// A settlement (finalize / cancel / slash a few parties).
fn settle() -> Weight {
    w(150, 12, 12)
}

/// Estimates for a ParityDB-backed node.
pub struct EstimatedWeight;

impl WeightInfo for EstimatedWeight {
    fn stake() -> Weight {
        w(50, 3, 3)
    }
    fn unstake() -> Weight {
        w(30, 1, 1)
    }
    fn withdraw_unbonded() -> Weight {
        w(50, 4, 3)
    }
    fn register_keys() -> Weight {
        w(20, 0, 1)
    }
    fn submit_task() -> Weight {
        w(60, 6, 5)
    }
    fn enter_selection() -> Weight {
        // ECVRF-P256 verification natively: about 0.4 ms.
        w(600, 4, 1)
    }
    fn commit() -> Weight {
        w(40, 3, 2)
    }
    fn open_checkpoints(n: u32) -> Weight {
        w(40 + 30 * n as u64, 3, 3)
    }
    fn commit_verdict() -> Weight {
        w(30, 3, 2)
    }
    fn reveal_verdict(n: u32) -> Weight {
        w(40 + 5 * n as u64, 3, 3)
    }
    fn whistle() -> Weight {
        w(60, 5, 3)
    }
    fn reveal_secret(n: u32) -> Weight {
        w(60, 4, 4).saturating_add(settle()).saturating_add(w(40, 2, 2).saturating_mul(n as u64))
    }
    fn bisect() -> Weight {
        w(40, 2, 2)
    }
    fn open_record() -> Weight {
        w(80, 3, 2)
    }
    fn reveal_children() -> Weight {
        w(40, 2, 2)
    }
    fn open_outputs() -> Weight {
        w(100, 3, 2).saturating_add(settle())
    }
    fn arbitrate(n: u32) -> Weight {
        // Re-execution in wasm: ~2 ns per unit of work; plus settlement.
        Weight::from_parts(n as u64 * 2_000_000_000, 1_100_000).saturating_add(w(200, 4, 2)).saturating_add(settle())
    }
    fn set_params() -> Weight {
        w(20, 0, 1)
    }
    fn on_initialize(n: u32) -> Weight {
        w(10, 1, 1).saturating_add(settle().saturating_mul(n as u64))
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
    fn register_keys() -> Weight {
        EstimatedWeight::register_keys()
    }
    fn submit_task() -> Weight {
        EstimatedWeight::submit_task()
    }
    fn enter_selection() -> Weight {
        EstimatedWeight::enter_selection()
    }
    fn commit() -> Weight {
        EstimatedWeight::commit()
    }
    fn open_checkpoints(n: u32) -> Weight {
        EstimatedWeight::open_checkpoints(n)
    }
    fn commit_verdict() -> Weight {
        EstimatedWeight::commit_verdict()
    }
    fn reveal_verdict(n: u32) -> Weight {
        EstimatedWeight::reveal_verdict(n)
    }
    fn whistle() -> Weight {
        EstimatedWeight::whistle()
    }
    fn reveal_secret(n: u32) -> Weight {
        EstimatedWeight::reveal_secret(n)
    }
    fn bisect() -> Weight {
        EstimatedWeight::bisect()
    }
    fn open_record() -> Weight {
        EstimatedWeight::open_record()
    }
    fn reveal_children() -> Weight {
        EstimatedWeight::reveal_children()
    }
    fn open_outputs() -> Weight {
        EstimatedWeight::open_outputs()
    }
    fn arbitrate(n: u32) -> Weight {
        EstimatedWeight::arbitrate(n)
    }
    fn set_params() -> Weight {
        EstimatedWeight::set_params()
    }
    fn on_initialize(n: u32) -> Weight {
        EstimatedWeight::on_initialize(n)
    }
}
