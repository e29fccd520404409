//! Weights of the pallet's calls, measured by frame-benchmarking
//! (`benchmarking.rs`) with frame-omni-bencher on a `runtime-benchmarks`
//! build of the devnet runtime (command in the README, "Weights").
//!
//! Measured 2026-12-01: STEPS 10, REPEAT 5, wasm compiled, on this
//! project's 2-core AMD EPYC VM (`HOSTNAME: vm`), frame-omni-bencher 0.28.
//! `arbitrate` is measured over whole operators of 1..=98 million units of
//! work (`exec::work`), the largest [`crate::Config::MaxArbitrationWork`]
//! allows, and `arbitrate_tile` over one output tile read from 2..=800
//! proven tiles (32,768 units each); `reveal_selection` keeps a hand weight
//! (see it), and `on_initialize` is measured per timer as the heaviest timer
//! (a verifier disagreeing on every one of the most runs), on an otherwise
//! idle machine. Regenerate after changing a call, and port the numbers
//! into both impls below.

#![allow(unused_parens)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
    traits::Get,
    weights::{constants::RocksDbWeight, Weight},
};

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
    /// `submit_task` with a manifest of `n` nodes and `e` state entries.
    fn submit_task(n: u32, e: u32) -> Weight;
    /// `enter_selection`.
    fn enter_selection() -> Weight;
    /// `reveal_selection` (one VRF verification).
    fn reveal_selection() -> Weight;
    /// `commit`.
    fn commit() -> Weight;
    /// `open_checkpoints` with `n` openings.
    fn open_checkpoints(n: u32) -> Weight;
    /// `open_ends` with `n` audited ends (and the last checkpoint).
    fn open_ends(n: u32) -> Weight;
    /// `commit_check`.
    fn commit_check() -> Weight;
    /// `post_verdict` with `n` segments.
    fn post_verdict(n: u32) -> Weight;
    /// `whistle`.
    fn whistle() -> Weight;
    /// `reveal_check` of `w` ends.
    fn reveal_check(w: u32) -> Weight;
    /// `settle_check`.
    fn settle_check() -> Weight;
    /// `bisect`.
    fn bisect() -> Weight;
    /// `open_record`.
    fn open_record() -> Weight;
    /// `reveal_children`.
    fn reveal_children() -> Weight;
    /// `open_output`.
    fn open_output() -> Weight;
    /// `arbitrate` of an operator of `w` million units of work (`exec::work`).
    fn arbitrate(w: u32) -> Weight;
    /// `arbitrate` of one output tile read from `t` proven input tiles.
    fn arbitrate_tile(t: u32) -> Weight;
    /// `reveal_partials`.
    fn reveal_partials() -> Weight;
    /// `prove_misshapen`.
    fn prove_misshapen() -> Weight;
    /// `set_params`.
    fn set_params() -> Weight;
    /// `on_initialize` processing `n` deadlines, each the heaviest timer.
    fn on_initialize(n: u32) -> Weight;
    /// `attest_available` of `n` artefacts.
    fn attest_available(n: u32) -> Weight;
}

/// Measured weights, charged with the runtime's own database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);

impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn stake() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `174`
        //  Estimated: `3859`
        // Minimum execution time: 86_402_000 picoseconds.
        Weight::from_parts(89_187_000, 0)
            .saturating_add(Weight::from_parts(0, 3859))
            .saturating_add(T::DbWeight::get().reads(7))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Locked` (r:1 w:0)
    /// Proof: `Gensyn::Locked` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn unstake() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1310`
        //  Estimated: `3859`
        // Minimum execution time: 35_376_000 picoseconds.
        Weight::from_parts(37_591_000, 0)
            .saturating_add(Weight::from_parts(0, 3859))
            .saturating_add(T::DbWeight::get().reads(6))
            .saturating_add(T::DbWeight::get().writes(3))
    }
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:1 w:0)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn withdraw_unbonded() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1622`
        //  Estimated: `3859`
        // Minimum execution time: 87_755_000 picoseconds.
        Weight::from_parts(91_011_000, 0)
            .saturating_add(Weight::from_parts(0, 3859))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Not measured by frame-omni-bencher: the proof of possession is a
    /// VRF check through a node host function the bencher does not
    /// provide. Hand weight: 0.6 ms (twice the native verification)
    /// plus its storage (the key's owner and the old key read, both
    /// written, the parameters read).
    fn register_keys() -> Weight {
        Weight::from_parts(600_000_000, 6_000)
            .saturating_add(T::DbWeight::get().reads(4))
            .saturating_add(T::DbWeight::get().writes(3))
    }
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Beacon` (r:1 w:0)
    /// Proof: `Gensyn::Beacon` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::NextTaskId` (r:1 w:1)
    /// Proof: `Gensyn::NextTaskId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:0 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 1024]`.
    /// The range of component `e` is `[1, 64]`.
    fn submit_task(n: u32, e: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `212`
        //  Estimated: `3622`
        // Minimum execution time: 1_294_910_000 picoseconds.
        Weight::from_parts(408_312_548, 0)
            .saturating_add(Weight::from_parts(0, 3622))
            // Standard Error: 25_065
            .saturating_add(Weight::from_parts(9_738_080, 0).saturating_mul(n.into()))
            // Standard Error: 407_160
            .saturating_add(Weight::from_parts(7_483_833, 0).saturating_mul(e.into()))
            .saturating_add(T::DbWeight::get().reads(11))
            .saturating_add(T::DbWeight::get().writes(8))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Checks` (r:1 w:0)
    /// Proof: `Gensyn::Checks` (`max_values`: None, `max_size`: Some(643), added: 3118, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:0)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Keys` (r:1 w:0)
    /// Proof: `Gensyn::Keys` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Entries` (r:1 w:1)
    /// Proof: `Gensyn::Entries` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Locked` (r:1 w:0)
    /// Proof: `Gensyn::Locked` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn enter_selection() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `689`
        //  Estimated: `4108`
        // Minimum execution time: 60_754_000 picoseconds.
        Weight::from_parts(63_830_000, 0)
            .saturating_add(Weight::from_parts(0, 4108))
            .saturating_add(T::DbWeight::get().reads(11))
            .saturating_add(T::DbWeight::get().writes(4))
    }
    /// Not measured by frame-omni-bencher: the VRF check is a node host
    /// function the bencher does not provide. Hand weight: the native ECVRF
    /// verification measures 0.30–0.32 ms (`vrf` benchmark); charged 0.6 ms
    /// plus its storage (task, entry, key, stake, two locks, the leader,
    /// the parameters; the lock, the old leader's lock and the leader written).
    fn reveal_selection() -> Weight {
        Weight::from_parts(600_000_000, 12_000)
            .saturating_add(T::DbWeight::get().reads(9))
            .saturating_add(T::DbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn commit() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `579`
        //  Estimated: `4055`
        // Minimum execution time: 68_880_000 picoseconds.
        Weight::from_parts(79_990_000, 0)
            .saturating_add(Weight::from_parts(0, 4055))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Available` (r:16 w:0)
    /// Proof: `Gensyn::Available` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 16]`.
    fn open_checkpoints(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `806 + n * (48 ±0)`
        //  Estimated: `5200 + n * (2511 ±0)`
        // Minimum execution time: 91_391_000 picoseconds.
        Weight::from_parts(73_532_128, 0)
            .saturating_add(Weight::from_parts(0, 5200))
            // Standard Error: 81_854
            .saturating_add(Weight::from_parts(20_556_880, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(9))
            .saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
            .saturating_add(T::DbWeight::get().writes(6))
            .saturating_add(Weight::from_parts(0, 2511).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Available` (r:17 w:0)
    /// Proof: `Gensyn::Available` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 16]`.
    fn open_ends(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `847 + n * (112 ±0)`
        //  Estimated: `5200 + n * (2511 ±0)`
        // Minimum execution time: 111_730_000 picoseconds.
        Weight::from_parts(92_971_612, 0)
            .saturating_add(Weight::from_parts(0, 5200))
            // Standard Error: 83_903
            .saturating_add(Weight::from_parts(20_311_252, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(10))
            .saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
            .saturating_add(T::DbWeight::get().writes(6))
            .saturating_add(Weight::from_parts(0, 2511).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:0)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1751), added: 4226, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Checks` (r:1 w:1)
    /// Proof: `Gensyn::Checks` (`max_values`: None, `max_size`: Some(659), added: 3134, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(140), added: 635, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:2 w:2)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:0)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    fn commit_check() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2046`
        //  Estimated: `6196`
        // Minimum execution time: 161_283_000 picoseconds.
        Weight::from_parts(166_211_000, 0)
            .saturating_add(Weight::from_parts(0, 6196))
            .saturating_add(T::DbWeight::get().reads(13))
            .saturating_add(T::DbWeight::get().writes(7))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 16]`.
    fn post_verdict(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `785 + n * (39 ±0)`
        //  Estimated: `5200 + n * (39 ±0)`
        // Minimum execution time: 46_598_000 picoseconds.
        Weight::from_parts(48_804_644, 0)
            .saturating_add(Weight::from_parts(0, 5200))
            // Standard Error: 4_774
            .saturating_add(Weight::from_parts(183_330, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(9))
            .saturating_add(T::DbWeight::get().writes(6))
            .saturating_add(Weight::from_parts(0, 39).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:0)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Challenges` (r:1 w:1)
    /// Proof: `Gensyn::Challenges` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::NextDisputeId` (r:1 w:1)
    /// Proof: `Gensyn::NextDisputeId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:1 w:1)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Disputes` (r:0 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn whistle() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1421`
        //  Estimated: `5200`
        // Minimum execution time: 141_345_000 picoseconds.
        Weight::from_parts(146_996_000, 0)
            .saturating_add(Weight::from_parts(0, 5200))
            .saturating_add(T::DbWeight::get().reads(15))
            .saturating_add(T::DbWeight::get().writes(11))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Checks` (r:1 w:1)
    /// Proof: `Gensyn::Checks` (`max_values`: None, `max_size`: Some(659), added: 3134, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:0)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1751), added: 4226, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:2 w:2)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:2 w:2)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn settle_check() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1550`
        //  Estimated: `6254`
        // Minimum execution time: 143_660_000 picoseconds.
        Weight::from_parts(147_808_000, 0)
            .saturating_add(Weight::from_parts(0, 6254))
            .saturating_add(T::DbWeight::get().reads(11))
            .saturating_add(T::DbWeight::get().writes(7))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1751), added: 4226, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Checks` (r:1 w:1)
    /// Proof: `Gensyn::Checks` (`max_values`: None, `max_size`: Some(659), added: 3134, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::NextDisputeId` (r:1 w:1)
    /// Proof: `Gensyn::NextDisputeId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(140), added: 635, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:1 w:1)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Disputes` (r:0 w:16)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:16)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Challenges` (r:0 w:16)
    /// Proof: `Gensyn::Challenges` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 16]`.
    fn reveal_check(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1026 + n * (71 ±0)`
        //  Estimated: `5216 + n * (71 ±0)`
        // Minimum execution time: 70_312_000 picoseconds.
        Weight::from_parts(57_114_596, 0)
            .saturating_add(Weight::from_parts(0, 5216))
            // Standard Error: 19_695
            .saturating_add(Weight::from_parts(18_220_433, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(12))
            .saturating_add(T::DbWeight::get().writes(7))
            .saturating_add(T::DbWeight::get().writes((3_u64).saturating_mul(n.into())))
            .saturating_add(Weight::from_parts(0, 71).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn bisect() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `791`
        //  Estimated: `4138`
        // Minimum execution time: 46_287_000 picoseconds.
        Weight::from_parts(48_641_000, 0)
            .saturating_add(Weight::from_parts(0, 4138))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn open_record() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1405`
        //  Estimated: `4138`
        // Minimum execution time: 88_586_000 picoseconds.
        Weight::from_parts(93_616_000, 0)
            .saturating_add(Weight::from_parts(0, 4138))
            .saturating_add(T::DbWeight::get().reads(9))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn reveal_children() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1071`
        //  Estimated: `4138`
        // Minimum execution time: 48_962_000 picoseconds.
        Weight::from_parts(51_096_000, 0)
            .saturating_add(Weight::from_parts(0, 4138))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn open_output() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1555`
        //  Estimated: `4138`
        // Minimum execution time: 102_562_000 picoseconds.
        Weight::from_parts(113_553_000, 0)
            .saturating_add(Weight::from_parts(0, 4138))
            .saturating_add(T::DbWeight::get().reads(9))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:2 w:2)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:4 w:4)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:1)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:2 w:2)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Locked` (r:2 w:2)
    /// Proof: `Gensyn::Locked` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
    /// The range of component `t` is `[2, 800]`.
    fn arbitrate_tile(t: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2868`
        //  Estimated: `11402`
        // Minimum execution time: 548_529_000 picoseconds.
        Weight::from_parts(562_475_000, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 378_692
            .saturating_add(Weight::from_parts(76_077_363, 0).saturating_mul(t.into()))
            .saturating_add(T::DbWeight::get().reads(20))
            .saturating_add(T::DbWeight::get().writes(17))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn reveal_partials() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1108`
        //  Estimated: `4138`
        // Minimum execution time: 46_898_000 picoseconds.
        Weight::from_parts(48_932_000, 0)
            .saturating_add(Weight::from_parts(0, 4138))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:2 w:2)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:4 w:4)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:1)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:2 w:2)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Locked` (r:2 w:2)
    /// Proof: `Gensyn::Locked` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Waiting` (r:0 w:1)
    /// Proof: `Gensyn::Waiting` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
    fn prove_misshapen() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2045`
        //  Estimated: `11402`
        // Minimum execution time: 296_296_000 picoseconds.
        Weight::from_parts(307_848_000, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            .saturating_add(T::DbWeight::get().reads(19))
            .saturating_add(T::DbWeight::get().writes(17))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:2 w:2)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:4 w:4)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:1)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:2 w:2)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Locked` (r:2 w:2)
    /// Proof: `Gensyn::Locked` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
    /// The range of component `w` is `[1, 98]`.
    fn arbitrate(w: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2864`
        //  Estimated: `11402`
        // Minimum execution time: 3_130_205_000 picoseconds.
        Weight::from_parts(3_147_547_000, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 17_673_161
            .saturating_add(Weight::from_parts(1_612_213_392, 0).saturating_mul(w.into()))
            .saturating_add(T::DbWeight::get().reads(20))
            .saturating_add(T::DbWeight::get().writes(17))
    }
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:0 w:1)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(140), added: 635, mode: `MaxEncodedLen`)
    fn set_params() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `22`
        //  Estimated: `1507`
        // Minimum execution time: 14_256_000 picoseconds.
        Weight::from_parts(15_209_000, 0)
            .saturating_add(Weight::from_parts(0, 1507))
            .saturating_add(T::DbWeight::get().reads(4))
            .saturating_add(T::DbWeight::get().writes(3))
    }
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `RandomnessCollectiveFlip::RandomMaterial` (r:1 w:0)
    /// Proof: `RandomnessCollectiveFlip::RandomMaterial` (`max_values`: Some(1), `max_size`: Some(2594), added: 3089, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:1)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:2 w:2)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:32 w:544)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:32 w:32)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(140), added: 635, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Beacon` (r:1 w:2)
    /// Proof: `Gensyn::Beacon` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:32 w:32)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1751), added: 4226, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::NextDisputeId` (r:1 w:1)
    /// Proof: `Gensyn::NextDisputeId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Disputes` (r:0 w:512)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Waiting` (r:0 w:32)
    /// Proof: `Gensyn::Waiting` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[0, 32]`.
    fn on_initialize(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `3095 + n * (288 ±0)`
        //  Estimated: `5137 + n * (4226 ±0)`
        // Minimum execution time: 22_432_000 picoseconds.
        Weight::from_parts(23_214_000, 0)
            .saturating_add(Weight::from_parts(0, 5137))
            // Standard Error: 117_648
            .saturating_add(Weight::from_parts(245_099_370, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(9))
            .saturating_add(T::DbWeight::get().reads((3_u64).saturating_mul(n.into())))
            .saturating_add(T::DbWeight::get().writes(7))
            .saturating_add(T::DbWeight::get().writes((36_u64).saturating_mul(n.into())))
            .saturating_add(Weight::from_parts(0, 4226).saturating_mul(n.into()))
    }
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Available` (r:0 w:64)
    /// Proof: `Gensyn::Available` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 64]`.
    fn attest_available(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `22`
        //  Estimated: `1507`
        // Minimum execution time: 15_639_000 picoseconds.
        Weight::from_parts(14_883_510, 0)
            .saturating_add(Weight::from_parts(0, 1507))
            // Standard Error: 655
            .saturating_add(Weight::from_parts(1_568_619, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(4))
            .saturating_add(T::DbWeight::get().writes(2))
            .saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
    }
}

/// The same measurements with RocksDB weights, for tests and mocks.
impl WeightInfo for () {
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn stake() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `174`
        //  Estimated: `3859`
        // Minimum execution time: 86_402_000 picoseconds.
        Weight::from_parts(89_187_000, 0)
            .saturating_add(Weight::from_parts(0, 3859))
            .saturating_add(RocksDbWeight::get().reads(7))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Locked` (r:1 w:0)
    /// Proof: `Gensyn::Locked` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn unstake() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1310`
        //  Estimated: `3859`
        // Minimum execution time: 35_376_000 picoseconds.
        Weight::from_parts(37_591_000, 0)
            .saturating_add(Weight::from_parts(0, 3859))
            .saturating_add(RocksDbWeight::get().reads(6))
            .saturating_add(RocksDbWeight::get().writes(3))
    }
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:1 w:0)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn withdraw_unbonded() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1622`
        //  Estimated: `3859`
        // Minimum execution time: 87_755_000 picoseconds.
        Weight::from_parts(91_011_000, 0)
            .saturating_add(Weight::from_parts(0, 3859))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Not measured by frame-omni-bencher: the proof of possession is a
    /// VRF check through a node host function the bencher does not
    /// provide. Hand weight: 0.6 ms (twice the native verification)
    /// plus its storage (the key's owner and the old key read, both
    /// written, the parameters read).
    fn register_keys() -> Weight {
        Weight::from_parts(600_000_000, 6_000)
            .saturating_add(RocksDbWeight::get().reads(4))
            .saturating_add(RocksDbWeight::get().writes(3))
    }
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Beacon` (r:1 w:0)
    /// Proof: `Gensyn::Beacon` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::NextTaskId` (r:1 w:1)
    /// Proof: `Gensyn::NextTaskId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:0 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 1024]`.
    /// The range of component `e` is `[1, 64]`.
    fn submit_task(n: u32, e: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `212`
        //  Estimated: `3622`
        // Minimum execution time: 1_294_910_000 picoseconds.
        Weight::from_parts(408_312_548, 0)
            .saturating_add(Weight::from_parts(0, 3622))
            // Standard Error: 25_065
            .saturating_add(Weight::from_parts(9_738_080, 0).saturating_mul(n.into()))
            // Standard Error: 407_160
            .saturating_add(Weight::from_parts(7_483_833, 0).saturating_mul(e.into()))
            .saturating_add(RocksDbWeight::get().reads(11))
            .saturating_add(RocksDbWeight::get().writes(8))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Checks` (r:1 w:0)
    /// Proof: `Gensyn::Checks` (`max_values`: None, `max_size`: Some(643), added: 3118, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:0)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Keys` (r:1 w:0)
    /// Proof: `Gensyn::Keys` (`max_values`: None, `max_size`: Some(85), added: 2560, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Entries` (r:1 w:1)
    /// Proof: `Gensyn::Entries` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Locked` (r:1 w:0)
    /// Proof: `Gensyn::Locked` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn enter_selection() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `689`
        //  Estimated: `4108`
        // Minimum execution time: 60_754_000 picoseconds.
        Weight::from_parts(63_830_000, 0)
            .saturating_add(Weight::from_parts(0, 4108))
            .saturating_add(RocksDbWeight::get().reads(11))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
    /// Not measured by frame-omni-bencher: the VRF check is a node host
    /// function the bencher does not provide. Hand weight: the native ECVRF
    /// verification measures 0.30–0.32 ms (`vrf` benchmark); charged 0.6 ms
    /// plus its storage (task, entry, key, stake, two locks, the leader,
    /// the parameters; the lock, the old leader's lock and the leader written).
    fn reveal_selection() -> Weight {
        Weight::from_parts(600_000_000, 12_000)
            .saturating_add(RocksDbWeight::get().reads(9))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn commit() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `579`
        //  Estimated: `4055`
        // Minimum execution time: 68_880_000 picoseconds.
        Weight::from_parts(79_990_000, 0)
            .saturating_add(Weight::from_parts(0, 4055))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Available` (r:16 w:0)
    /// Proof: `Gensyn::Available` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 16]`.
    fn open_checkpoints(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `806 + n * (48 ±0)`
        //  Estimated: `5200 + n * (2511 ±0)`
        // Minimum execution time: 91_391_000 picoseconds.
        Weight::from_parts(73_532_128, 0)
            .saturating_add(Weight::from_parts(0, 5200))
            // Standard Error: 81_854
            .saturating_add(Weight::from_parts(20_556_880, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(9))
            .saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
            .saturating_add(RocksDbWeight::get().writes(6))
            .saturating_add(Weight::from_parts(0, 2511).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Available` (r:17 w:0)
    /// Proof: `Gensyn::Available` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 16]`.
    fn open_ends(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `847 + n * (112 ±0)`
        //  Estimated: `5200 + n * (2511 ±0)`
        // Minimum execution time: 111_730_000 picoseconds.
        Weight::from_parts(92_971_612, 0)
            .saturating_add(Weight::from_parts(0, 5200))
            // Standard Error: 83_903
            .saturating_add(Weight::from_parts(20_311_252, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(10))
            .saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
            .saturating_add(RocksDbWeight::get().writes(6))
            .saturating_add(Weight::from_parts(0, 2511).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:0)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1751), added: 4226, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Checks` (r:1 w:1)
    /// Proof: `Gensyn::Checks` (`max_values`: None, `max_size`: Some(659), added: 3134, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(140), added: 635, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:2 w:2)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:0)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    fn commit_check() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2046`
        //  Estimated: `6196`
        // Minimum execution time: 161_283_000 picoseconds.
        Weight::from_parts(166_211_000, 0)
            .saturating_add(Weight::from_parts(0, 6196))
            .saturating_add(RocksDbWeight::get().reads(13))
            .saturating_add(RocksDbWeight::get().writes(7))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 16]`.
    fn post_verdict(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `785 + n * (39 ±0)`
        //  Estimated: `5200 + n * (39 ±0)`
        // Minimum execution time: 46_598_000 picoseconds.
        Weight::from_parts(48_804_644, 0)
            .saturating_add(Weight::from_parts(0, 5200))
            // Standard Error: 4_774
            .saturating_add(Weight::from_parts(183_330, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(9))
            .saturating_add(RocksDbWeight::get().writes(6))
            .saturating_add(Weight::from_parts(0, 39).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:0)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Challenges` (r:1 w:1)
    /// Proof: `Gensyn::Challenges` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::NextDisputeId` (r:1 w:1)
    /// Proof: `Gensyn::NextDisputeId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:1 w:1)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Disputes` (r:0 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn whistle() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1421`
        //  Estimated: `5200`
        // Minimum execution time: 141_345_000 picoseconds.
        Weight::from_parts(146_996_000, 0)
            .saturating_add(Weight::from_parts(0, 5200))
            .saturating_add(RocksDbWeight::get().reads(15))
            .saturating_add(RocksDbWeight::get().writes(11))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Checks` (r:1 w:1)
    /// Proof: `Gensyn::Checks` (`max_values`: None, `max_size`: Some(659), added: 3134, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:0)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1751), added: 4226, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:2 w:2)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:2 w:2)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn settle_check() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1550`
        //  Estimated: `6254`
        // Minimum execution time: 143_660_000 picoseconds.
        Weight::from_parts(147_808_000, 0)
            .saturating_add(Weight::from_parts(0, 6254))
            .saturating_add(RocksDbWeight::get().reads(11))
            .saturating_add(RocksDbWeight::get().writes(7))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1751), added: 4226, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Checks` (r:1 w:1)
    /// Proof: `Gensyn::Checks` (`max_values`: None, `max_size`: Some(659), added: 3134, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::NextDisputeId` (r:1 w:1)
    /// Proof: `Gensyn::NextDisputeId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(140), added: 635, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:1 w:1)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Disputes` (r:0 w:16)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:16)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Challenges` (r:0 w:16)
    /// Proof: `Gensyn::Challenges` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 16]`.
    fn reveal_check(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1026 + n * (71 ±0)`
        //  Estimated: `5216 + n * (71 ±0)`
        // Minimum execution time: 70_312_000 picoseconds.
        Weight::from_parts(57_114_596, 0)
            .saturating_add(Weight::from_parts(0, 5216))
            // Standard Error: 19_695
            .saturating_add(Weight::from_parts(18_220_433, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(12))
            .saturating_add(RocksDbWeight::get().writes(7))
            .saturating_add(RocksDbWeight::get().writes((3_u64).saturating_mul(n.into())))
            .saturating_add(Weight::from_parts(0, 71).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn bisect() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `791`
        //  Estimated: `4138`
        // Minimum execution time: 46_287_000 picoseconds.
        Weight::from_parts(48_641_000, 0)
            .saturating_add(Weight::from_parts(0, 4138))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn open_record() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1405`
        //  Estimated: `4138`
        // Minimum execution time: 88_586_000 picoseconds.
        Weight::from_parts(93_616_000, 0)
            .saturating_add(Weight::from_parts(0, 4138))
            .saturating_add(RocksDbWeight::get().reads(9))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn reveal_children() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1071`
        //  Estimated: `4138`
        // Minimum execution time: 48_962_000 picoseconds.
        Weight::from_parts(51_096_000, 0)
            .saturating_add(Weight::from_parts(0, 4138))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn open_output() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1555`
        //  Estimated: `4138`
        // Minimum execution time: 102_562_000 picoseconds.
        Weight::from_parts(113_553_000, 0)
            .saturating_add(Weight::from_parts(0, 4138))
            .saturating_add(RocksDbWeight::get().reads(9))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:2 w:2)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:4 w:4)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:1)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:2 w:2)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Locked` (r:2 w:2)
    /// Proof: `Gensyn::Locked` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
    /// The range of component `t` is `[2, 800]`.
    fn arbitrate_tile(t: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2868`
        //  Estimated: `11402`
        // Minimum execution time: 548_529_000 picoseconds.
        Weight::from_parts(562_475_000, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 378_692
            .saturating_add(Weight::from_parts(76_077_363, 0).saturating_mul(t.into()))
            .saturating_add(RocksDbWeight::get().reads(20))
            .saturating_add(RocksDbWeight::get().writes(17))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:0)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:1 w:1)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:0 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    fn reveal_partials() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1108`
        //  Estimated: `4138`
        // Minimum execution time: 46_898_000 picoseconds.
        Weight::from_parts(48_932_000, 0)
            .saturating_add(Weight::from_parts(0, 4138))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:2 w:2)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:4 w:4)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:1)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:2 w:2)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Locked` (r:2 w:2)
    /// Proof: `Gensyn::Locked` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Waiting` (r:0 w:1)
    /// Proof: `Gensyn::Waiting` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
    fn prove_misshapen() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2045`
        //  Estimated: `11402`
        // Minimum execution time: 296_296_000 picoseconds.
        Weight::from_parts(307_848_000, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            .saturating_add(RocksDbWeight::get().reads(19))
            .saturating_add(RocksDbWeight::get().writes(17))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1735), added: 4210, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(120), added: 615, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:2 w:2)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(157), added: 2632, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:4 w:4)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:1)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:2 w:2)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Locked` (r:2 w:2)
    /// Proof: `Gensyn::Locked` (`max_values`: None, `max_size`: Some(73), added: 2548, mode: `MaxEncodedLen`)
    /// The range of component `w` is `[1, 98]`.
    fn arbitrate(w: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2864`
        //  Estimated: `11402`
        // Minimum execution time: 3_130_205_000 picoseconds.
        Weight::from_parts(3_147_547_000, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 17_673_161
            .saturating_add(Weight::from_parts(1_612_213_392, 0).saturating_mul(w.into()))
            .saturating_add(RocksDbWeight::get().reads(20))
            .saturating_add(RocksDbWeight::get().writes(17))
    }
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:0 w:1)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(140), added: 635, mode: `MaxEncodedLen`)
    fn set_params() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `22`
        //  Estimated: `1507`
        // Minimum execution time: 14_256_000 picoseconds.
        Weight::from_parts(15_209_000, 0)
            .saturating_add(Weight::from_parts(0, 1507))
            .saturating_add(RocksDbWeight::get().reads(4))
            .saturating_add(RocksDbWeight::get().writes(3))
    }
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `RandomnessCollectiveFlip::RandomMaterial` (r:1 w:0)
    /// Proof: `RandomnessCollectiveFlip::RandomMaterial` (`max_values`: Some(1), `max_size`: Some(2594), added: 3089, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCursor` (r:1 w:1)
    /// Proof: `Gensyn::TimerCursor` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::TimerCount` (r:2 w:2)
    /// Proof: `Gensyn::TimerCount` (`max_values`: None, `max_size`: Some(16), added: 2491, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:32 w:544)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(33), added: 2508, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:32 w:32)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(590), added: 3065, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(140), added: 635, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Beacon` (r:1 w:2)
    /// Proof: `Gensyn::Beacon` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:32 w:32)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(1751), added: 4226, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::NextDisputeId` (r:1 w:1)
    /// Proof: `Gensyn::NextDisputeId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Disputes` (r:0 w:512)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Waiting` (r:0 w:32)
    /// Proof: `Gensyn::Waiting` (`max_values`: None, `max_size`: Some(20), added: 2495, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[0, 32]`.
    fn on_initialize(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `3095 + n * (288 ±0)`
        //  Estimated: `5137 + n * (4226 ±0)`
        // Minimum execution time: 22_432_000 picoseconds.
        Weight::from_parts(23_214_000, 0)
            .saturating_add(Weight::from_parts(0, 5137))
            // Standard Error: 117_648
            .saturating_add(Weight::from_parts(245_099_370, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(9))
            .saturating_add(RocksDbWeight::get().reads((3_u64).saturating_mul(n.into())))
            .saturating_add(RocksDbWeight::get().writes(7))
            .saturating_add(RocksDbWeight::get().writes((36_u64).saturating_mul(n.into())))
            .saturating_add(Weight::from_parts(0, 4226).saturating_mul(n.into()))
    }
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Available` (r:0 w:64)
    /// Proof: `Gensyn::Available` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 64]`.
    fn attest_available(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `22`
        //  Estimated: `1507`
        // Minimum execution time: 15_639_000 picoseconds.
        Weight::from_parts(14_883_510, 0)
            .saturating_add(Weight::from_parts(0, 1507))
            // Standard Error: 655
            .saturating_add(Weight::from_parts(1_568_619, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(4))
            .saturating_add(RocksDbWeight::get().writes(2))
            .saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
    }
}
