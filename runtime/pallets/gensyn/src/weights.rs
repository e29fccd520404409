//! Weights of the pallet's calls, measured by frame-benchmarking
//! (`benchmarking.rs`) with frame-omni-bencher on a `runtime-benchmarks`
//! build of the devnet runtime (command in the README, "Weights").
//!
//! Measured 2026-12-01: STEPS 10, REPEAT 5, wasm compiled, on this
//! project's 2-core AMD EPYC VM (`HOSTNAME: vm`), frame-omni-bencher 0.28.
//! `arbitrate` is measured over whole operators of 1..=98 million units of
//! work (`exec::work`), the largest [`crate::Config::MaxArbitrationWork`]
//! allows, and `arbitrate_tile` over one output tile read from 2..=800
//! proven tiles (32,768 units each); `enter_selection` keeps a hand weight
//! (see it). Regenerate after changing a call, and port the
//! numbers into both impls below.

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
    /// `enter_selection` (one VRF verification).
    fn enter_selection() -> Weight;
    fn reveal_selection() -> Weight;
    /// `commit`.
    fn commit() -> Weight;
    /// `open_checkpoints` with `n` openings.
    fn open_checkpoints(n: u32) -> Weight;
    fn open_ends(n: u32) -> Weight;
    /// `commit_verdict`.
    fn commit_check() -> Weight;
    /// `reveal_verdict` with `n` segments.
    fn post_verdict(n: u32) -> Weight;
    /// `whistle`.
    fn whistle() -> Weight;
    /// `reveal_secret` with `w` whistles paid from the jackpot (then the task settles).
    fn reveal_check(w: u32) -> Weight;
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
    /// `on_initialize` processing `n` deadlines (each may settle a task).
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
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
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
        // Minimum execution time: 75_853_000 picoseconds.
        Weight::from_parts(78_517_000, 0)
            .saturating_add(Weight::from_parts(0, 3859))
            .saturating_add(T::DbWeight::get().reads(7))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
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
        // Minimum execution time: 28_764_000 picoseconds.
        Weight::from_parts(30_498_000, 0)
            .saturating_add(Weight::from_parts(0, 3859))
            .saturating_add(T::DbWeight::get().reads(5))
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
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
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
        // Minimum execution time: 79_058_000 picoseconds.
        Weight::from_parts(81_983_000, 0)
            .saturating_add(Weight::from_parts(0, 3859))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Keys` (r:0 w:1)
    /// Proof: `Gensyn::Keys` (`max_values`: None, `max_size`: Some(113), added: 2588, mode: `MaxEncodedLen`)
    fn register_keys() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `22`
        //  Estimated: `1507`
        // Minimum execution time: 15_489_000 picoseconds.
        Weight::from_parts(16_691_000, 0)
            .saturating_add(Weight::from_parts(0, 1507))
            .saturating_add(T::DbWeight::get().reads(4))
            .saturating_add(T::DbWeight::get().writes(3))
    }
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::NextTaskId` (r:1 w:1)
    /// Proof: `Gensyn::NextTaskId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `RandomnessCollectiveFlip::RandomMaterial` (r:1 w:0)
    /// Proof: `RandomnessCollectiveFlip::RandomMaterial` (`max_values`: Some(1), `max_size`: Some(2594), added: 3089, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:0 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 1024]`.
    /// The range of component `e` is `[1, 64]`.
    fn submit_task(n: u32, e: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `218`
        //  Estimated: `4631`
        // Minimum execution time: 1_264_744_000 picoseconds.
        Weight::from_parts(442_605_409, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            // Standard Error: 24_487
            .saturating_add(Weight::from_parts(9_276_081, 0).saturating_mul(n.into()))
            // Standard Error: 397_767
            .saturating_add(Weight::from_parts(6_699_342, 0).saturating_mul(e.into()))
            .saturating_add(T::DbWeight::get().reads(10))
            .saturating_add(T::DbWeight::get().writes(7))
    }
    /// Not measured by frame-omni-bencher: the VRF check is a node host
    /// function the bencher does not provide. Hand weight: the native ECVRF
    /// verification measures 0.30–0.32 ms (`vrf` benchmark); charged 0.6 ms
    /// plus its storage.
    fn enter_selection() -> Weight {
        Weight::from_parts(600_000_000, 8_000)
            .saturating_add(T::DbWeight::get().reads(4))
            .saturating_add(T::DbWeight::get().writes(1))
    }
    fn reveal_selection() -> Weight {
        Weight::from_parts(600_000_000, 8_000)
            .saturating_add(T::DbWeight::get().reads(4))
            .saturating_add(T::DbWeight::get().writes(1))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `RandomnessCollectiveFlip::RandomMaterial` (r:1 w:0)
    /// Proof: `RandomnessCollectiveFlip::RandomMaterial` (`max_values`: Some(1), `max_size`: Some(2594), added: 3089, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn commit() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `595`
        //  Estimated: `4631`
        // Minimum execution time: 37_080_000 picoseconds.
        Weight::from_parts(39_114_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Available` (r:32 w:0)
    /// Proof: `Gensyn::Available` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// The range of component `n` is `[1, 16]`.
    fn open_checkpoints(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `849 + n * (89 ±0)`
        //  Estimated: `6601 + n * (5022 ±0)`
        // Minimum execution time: 87_404_000 picoseconds.
        Weight::from_parts(59_654_493, 0)
            .saturating_add(Weight::from_parts(0, 6601))
            // Standard Error: 98_177
            .saturating_add(Weight::from_parts(39_336_527, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
            .saturating_add(T::DbWeight::get().writes(5))
            .saturating_add(Weight::from_parts(0, 5022).saturating_mul(n.into()))
    }
    fn open_ends(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `849 + n * (89 ±0)`
        //  Estimated: `6601 + n * (5022 ±0)`
        // Minimum execution time: 87_404_000 picoseconds.
        Weight::from_parts(59_654_493, 0)
            .saturating_add(Weight::from_parts(0, 6601))
            // Standard Error: 98_177
            .saturating_add(Weight::from_parts(39_336_527, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
            .saturating_add(T::DbWeight::get().writes(5))
            .saturating_add(Weight::from_parts(0, 5022).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn commit_check() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `899`
        //  Estimated: `6601`
        // Minimum execution time: 39_373_000 picoseconds.
        Weight::from_parts(41_478_000, 0)
            .saturating_add(Weight::from_parts(0, 6601))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// The range of component `n` is `[1, 16]`.
    fn post_verdict(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `860 + n * (71 ±0)`
        //  Estimated: `6601 + n * (71 ±0)`
        // Minimum execution time: 43_331_000 picoseconds.
        Weight::from_parts(45_397_991, 0)
            .saturating_add(Weight::from_parts(0, 6601))
            // Standard Error: 3_540
            .saturating_add(Weight::from_parts(408_328, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(5))
            .saturating_add(Weight::from_parts(0, 71).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:0)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Challenges` (r:1 w:1)
    /// Proof: `Gensyn::Challenges` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::NextDisputeId` (r:1 w:1)
    /// Proof: `Gensyn::NextDisputeId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:1 w:1)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Disputes` (r:0 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    fn whistle() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2684`
        //  Estimated: `6601`
        // Minimum execution time: 125_787_000 picoseconds.
        Weight::from_parts(129_293_000, 0)
            .saturating_add(Weight::from_parts(0, 6601))
            .saturating_add(T::DbWeight::get().reads(14))
            .saturating_add(T::DbWeight::get().writes(10))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `System::Account` (r:20 w:20)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:17 w:17)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:0)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:2 w:2)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// The range of component `w` is `[0, 16]`.
    fn reveal_check(w: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1821 + w * (250 ±0)`
        //  Estimated: `11402 + w * (2614 ±0)`
        // Minimum execution time: 216_096_000 picoseconds.
        Weight::from_parts(227_530_204, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 29_885
            .saturating_add(Weight::from_parts(93_480_217, 0).saturating_mul(w.into()))
            .saturating_add(T::DbWeight::get().reads(15))
            .saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(w.into())))
            .saturating_add(T::DbWeight::get().writes(11))
            .saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(w.into())))
            .saturating_add(Weight::from_parts(0, 2614).saturating_mul(w.into()))
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
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    fn bisect() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `806`
        //  Estimated: `4631`
        // Minimum execution time: 39_684_000 picoseconds.
        Weight::from_parts(41_648_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(T::DbWeight::get().reads(7))
            .saturating_add(T::DbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    fn open_record() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1439`
        //  Estimated: `4631`
        // Minimum execution time: 85_611_000 picoseconds.
        Weight::from_parts(99_436_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(4))
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
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    fn reveal_children() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1086`
        //  Estimated: `4631`
        // Minimum execution time: 42_560_000 picoseconds.
        Weight::from_parts(44_744_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(T::DbWeight::get().reads(7))
            .saturating_add(T::DbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    fn open_output() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1589`
        //  Estimated: `4631`
        // Minimum execution time: 104_185_000 picoseconds.
        Weight::from_parts(127_770_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:2 w:2)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:4 w:4)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:1)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:2 w:2)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// The range of component `t` is `[2, 800]`.
    fn arbitrate_tile(t: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2674`
        //  Estimated: `11402`
        // Minimum execution time: 502_723_000 picoseconds.
        Weight::from_parts(505_680_000, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 423_639
            .saturating_add(Weight::from_parts(79_012_097, 0).saturating_mul(t.into()))
            .saturating_add(T::DbWeight::get().reads(18))
            .saturating_add(T::DbWeight::get().writes(15))
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
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    fn reveal_partials() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1123`
        //  Estimated: `4631`
        // Minimum execution time: 40_867_000 picoseconds.
        Weight::from_parts(42_861_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(T::DbWeight::get().reads(7))
            .saturating_add(T::DbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:18 w:18)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:20 w:20)
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
    fn prove_misshapen() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `5529`
        //  Estimated: `53050`
        // Minimum execution time: 993_765_000 picoseconds.
        Weight::from_parts(1_006_249_000, 0)
            .saturating_add(Weight::from_parts(0, 53050))
            .saturating_add(T::DbWeight::get().reads(49))
            .saturating_add(T::DbWeight::get().writes(46))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:2 w:2)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:4 w:4)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:1)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:2 w:2)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// The range of component `w` is `[1, 98]`.
    fn arbitrate(w: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2670`
        //  Estimated: `11402`
        // Minimum execution time: 3_079_800_000 picoseconds.
        Weight::from_parts(3_081_964_000, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 17_592_552
            .saturating_add(Weight::from_parts(1_610_091_319, 0).saturating_mul(w.into()))
            .saturating_add(T::DbWeight::get().reads(18))
            .saturating_add(T::DbWeight::get().writes(15))
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
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    fn set_params() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `22`
        //  Estimated: `1507`
        // Minimum execution time: 13_365_000 picoseconds.
        Weight::from_parts(14_337_000, 0)
            .saturating_add(Weight::from_parts(0, 1507))
            .saturating_add(T::DbWeight::get().reads(4))
            .saturating_add(T::DbWeight::get().writes(3))
    }
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:128 w:128)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Available` (r:1 w:0)
    /// Proof: `Gensyn::Available` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Selections` (r:0 w:128)
    /// Proof: `Gensyn::Selections` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[0, 128]`.
    fn on_initialize(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `697 + n * (60 ±0)`
        //  Estimated: `4631 + n * (3008 ±0)`
        // Minimum execution time: 3_717_000 picoseconds.
        Weight::from_parts(14_706_046, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            // Standard Error: 12_722
            .saturating_add(Weight::from_parts(51_347_233, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(6))
            .saturating_add(T::DbWeight::get().reads((1_u64).saturating_mul(n.into())))
            .saturating_add(T::DbWeight::get().writes(3))
            .saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(n.into())))
            .saturating_add(Weight::from_parts(0, 3008).saturating_mul(n.into()))
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
        // Minimum execution time: 15_269_000 picoseconds.
        Weight::from_parts(14_681_800, 0)
            .saturating_add(Weight::from_parts(0, 1507))
            // Standard Error: 605
            .saturating_add(Weight::from_parts(1_543_143, 0).saturating_mul(n.into()))
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
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
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
        // Minimum execution time: 75_853_000 picoseconds.
        Weight::from_parts(78_517_000, 0)
            .saturating_add(Weight::from_parts(0, 3859))
            .saturating_add(RocksDbWeight::get().reads(7))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
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
        // Minimum execution time: 28_764_000 picoseconds.
        Weight::from_parts(30_498_000, 0)
            .saturating_add(Weight::from_parts(0, 3859))
            .saturating_add(RocksDbWeight::get().reads(5))
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
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
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
        // Minimum execution time: 79_058_000 picoseconds.
        Weight::from_parts(81_983_000, 0)
            .saturating_add(Weight::from_parts(0, 3859))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Keys` (r:0 w:1)
    /// Proof: `Gensyn::Keys` (`max_values`: None, `max_size`: Some(113), added: 2588, mode: `MaxEncodedLen`)
    fn register_keys() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `22`
        //  Estimated: `1507`
        // Minimum execution time: 15_489_000 picoseconds.
        Weight::from_parts(16_691_000, 0)
            .saturating_add(Weight::from_parts(0, 1507))
            .saturating_add(RocksDbWeight::get().reads(4))
            .saturating_add(RocksDbWeight::get().writes(3))
    }
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::NextTaskId` (r:1 w:1)
    /// Proof: `Gensyn::NextTaskId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `RandomnessCollectiveFlip::RandomMaterial` (r:1 w:0)
    /// Proof: `RandomnessCollectiveFlip::RandomMaterial` (`max_values`: Some(1), `max_size`: Some(2594), added: 3089, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:0 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[1, 1024]`.
    /// The range of component `e` is `[1, 64]`.
    fn submit_task(n: u32, e: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `218`
        //  Estimated: `4631`
        // Minimum execution time: 1_264_744_000 picoseconds.
        Weight::from_parts(442_605_409, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            // Standard Error: 24_487
            .saturating_add(Weight::from_parts(9_276_081, 0).saturating_mul(n.into()))
            // Standard Error: 397_767
            .saturating_add(Weight::from_parts(6_699_342, 0).saturating_mul(e.into()))
            .saturating_add(RocksDbWeight::get().reads(10))
            .saturating_add(RocksDbWeight::get().writes(7))
    }
    /// Not measured by frame-omni-bencher: the VRF check is a node host
    /// function the bencher does not provide. Hand weight: the native ECVRF
    /// verification measures 0.30–0.32 ms (`vrf` benchmark); charged 0.6 ms
    /// plus its storage.
    fn enter_selection() -> Weight {
        Weight::from_parts(600_000_000, 8_000)
            .saturating_add(RocksDbWeight::get().reads(4))
            .saturating_add(RocksDbWeight::get().writes(1))
    }
    fn reveal_selection() -> Weight {
        Weight::from_parts(600_000_000, 8_000)
            .saturating_add(RocksDbWeight::get().reads(4))
            .saturating_add(RocksDbWeight::get().writes(1))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `RandomnessCollectiveFlip::RandomMaterial` (r:1 w:0)
    /// Proof: `RandomnessCollectiveFlip::RandomMaterial` (`max_values`: Some(1), `max_size`: Some(2594), added: 3089, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn commit() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `595`
        //  Estimated: `4631`
        // Minimum execution time: 37_080_000 picoseconds.
        Weight::from_parts(39_114_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Available` (r:32 w:0)
    /// Proof: `Gensyn::Available` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// The range of component `n` is `[1, 16]`.
    fn open_checkpoints(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `849 + n * (89 ±0)`
        //  Estimated: `6601 + n * (5022 ±0)`
        // Minimum execution time: 87_404_000 picoseconds.
        Weight::from_parts(59_654_493, 0)
            .saturating_add(Weight::from_parts(0, 6601))
            // Standard Error: 98_177
            .saturating_add(Weight::from_parts(39_336_527, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
            .saturating_add(RocksDbWeight::get().writes(5))
            .saturating_add(Weight::from_parts(0, 5022).saturating_mul(n.into()))
    }
    fn open_ends(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `849 + n * (89 ±0)`
        //  Estimated: `6601 + n * (5022 ±0)`
        // Minimum execution time: 87_404_000 picoseconds.
        Weight::from_parts(59_654_493, 0)
            .saturating_add(Weight::from_parts(0, 6601))
            // Standard Error: 98_177
            .saturating_add(Weight::from_parts(39_336_527, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
            .saturating_add(RocksDbWeight::get().writes(5))
            .saturating_add(Weight::from_parts(0, 5022).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    fn commit_check() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `899`
        //  Estimated: `6601`
        // Minimum execution time: 39_373_000 picoseconds.
        Weight::from_parts(41_478_000, 0)
            .saturating_add(Weight::from_parts(0, 6601))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// The range of component `n` is `[1, 16]`.
    fn post_verdict(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `860 + n * (71 ±0)`
        //  Estimated: `6601 + n * (71 ±0)`
        // Minimum execution time: 43_331_000 picoseconds.
        Weight::from_parts(45_397_991, 0)
            .saturating_add(Weight::from_parts(0, 6601))
            // Standard Error: 3_540
            .saturating_add(Weight::from_parts(408_328, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(5))
            .saturating_add(Weight::from_parts(0, 71).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:0)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Challenges` (r:1 w:1)
    /// Proof: `Gensyn::Challenges` (`max_values`: None, `max_size`: Some(76), added: 2551, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::NextDisputeId` (r:1 w:1)
    /// Proof: `Gensyn::NextDisputeId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:1 w:1)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Disputes` (r:0 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    fn whistle() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2684`
        //  Estimated: `6601`
        // Minimum execution time: 125_787_000 picoseconds.
        Weight::from_parts(129_293_000, 0)
            .saturating_add(Weight::from_parts(0, 6601))
            .saturating_add(RocksDbWeight::get().reads(14))
            .saturating_add(RocksDbWeight::get().writes(10))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `System::Account` (r:20 w:20)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:17 w:17)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:0)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:2 w:2)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// The range of component `w` is `[0, 16]`.
    fn reveal_check(w: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1821 + w * (250 ±0)`
        //  Estimated: `11402 + w * (2614 ±0)`
        // Minimum execution time: 216_096_000 picoseconds.
        Weight::from_parts(227_530_204, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 29_885
            .saturating_add(Weight::from_parts(93_480_217, 0).saturating_mul(w.into()))
            .saturating_add(RocksDbWeight::get().reads(15))
            .saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(w.into())))
            .saturating_add(RocksDbWeight::get().writes(11))
            .saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(w.into())))
            .saturating_add(Weight::from_parts(0, 2614).saturating_mul(w.into()))
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
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    fn bisect() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `806`
        //  Estimated: `4631`
        // Minimum execution time: 39_684_000 picoseconds.
        Weight::from_parts(41_648_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(RocksDbWeight::get().reads(7))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    fn open_record() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1439`
        //  Estimated: `4631`
        // Minimum execution time: 85_611_000 picoseconds.
        Weight::from_parts(99_436_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(4))
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
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    fn reveal_children() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1086`
        //  Estimated: `4631`
        // Minimum execution time: 42_560_000 picoseconds.
        Weight::from_parts(44_744_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(RocksDbWeight::get().reads(7))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    fn open_output() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1589`
        //  Estimated: `4631`
        // Minimum execution time: 104_185_000 picoseconds.
        Weight::from_parts(127_770_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:2 w:2)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:4 w:4)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:1)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:2 w:2)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// The range of component `t` is `[2, 800]`.
    fn arbitrate_tile(t: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2674`
        //  Estimated: `11402`
        // Minimum execution time: 502_723_000 picoseconds.
        Weight::from_parts(505_680_000, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 423_639
            .saturating_add(Weight::from_parts(79_012_097, 0).saturating_mul(t.into()))
            .saturating_add(RocksDbWeight::get().reads(18))
            .saturating_add(RocksDbWeight::get().writes(15))
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
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    fn reveal_partials() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1123`
        //  Estimated: `4631`
        // Minimum execution time: 40_867_000 picoseconds.
        Weight::from_parts(42_861_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(RocksDbWeight::get().reads(7))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:18 w:18)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:20 w:20)
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
    fn prove_misshapen() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `5529`
        //  Estimated: `53050`
        // Minimum execution time: 993_765_000 picoseconds.
        Weight::from_parts(1_006_249_000, 0)
            .saturating_add(Weight::from_parts(0, 53050))
            .saturating_add(RocksDbWeight::get().reads(49))
            .saturating_add(RocksDbWeight::get().writes(46))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(673), added: 3148, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3136), added: 5611, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:1)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:2 w:2)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:4 w:4)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::TotalIssuance` (r:1 w:1)
    /// Proof: `Balances::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Engagements` (r:2 w:2)
    /// Proof: `Gensyn::Engagements` (`max_values`: None, `max_size`: Some(61), added: 2536, mode: `MaxEncodedLen`)
    /// The range of component `w` is `[1, 98]`.
    fn arbitrate(w: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2670`
        //  Estimated: `11402`
        // Minimum execution time: 3_079_800_000 picoseconds.
        Weight::from_parts(3_081_964_000, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 17_592_552
            .saturating_add(Weight::from_parts(1_610_091_319, 0).saturating_mul(w.into()))
            .saturating_add(RocksDbWeight::get().reads(18))
            .saturating_add(RocksDbWeight::get().writes(15))
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
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    fn set_params() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `22`
        //  Estimated: `1507`
        // Minimum execution time: 13_365_000 picoseconds.
        Weight::from_parts(14_337_000, 0)
            .saturating_add(Weight::from_parts(0, 1507))
            .saturating_add(RocksDbWeight::get().reads(4))
            .saturating_add(RocksDbWeight::get().writes(3))
    }
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:128 w:128)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(533), added: 3008, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Available` (r:1 w:0)
    /// Proof: `Gensyn::Available` (`max_values`: None, `max_size`: Some(36), added: 2511, mode: `MaxEncodedLen`)
    /// Storage: `System::Account` (r:1 w:1)
    /// Proof: `System::Account` (`max_values`: None, `max_size`: Some(128), added: 2603, mode: `MaxEncodedLen`)
    /// Storage: `Balances::Holds` (r:1 w:1)
    /// Proof: `Balances::Holds` (`max_values`: None, `max_size`: Some(139), added: 2614, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::ExecutionPhase` (r:1 w:0)
    /// Proof: `System::ExecutionPhase` (`max_values`: Some(1), `max_size`: Some(5), added: 500, mode: `MaxEncodedLen`)
    /// Storage: `System::EventCount` (r:1 w:1)
    /// Proof: `System::EventCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
    /// Storage: `System::Events` (r:1 w:1)
    /// Proof: `System::Events` (`max_values`: Some(1), `max_size`: None, mode: `Measured`)
    /// Storage: `Gensyn::Selections` (r:0 w:128)
    /// Proof: `Gensyn::Selections` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
    /// The range of component `n` is `[0, 128]`.
    fn on_initialize(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `697 + n * (60 ±0)`
        //  Estimated: `4631 + n * (3008 ±0)`
        // Minimum execution time: 3_717_000 picoseconds.
        Weight::from_parts(14_706_046, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            // Standard Error: 12_722
            .saturating_add(Weight::from_parts(51_347_233, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(6))
            .saturating_add(RocksDbWeight::get().reads((1_u64).saturating_mul(n.into())))
            .saturating_add(RocksDbWeight::get().writes(3))
            .saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(n.into())))
            .saturating_add(Weight::from_parts(0, 3008).saturating_mul(n.into()))
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
        // Minimum execution time: 15_269_000 picoseconds.
        Weight::from_parts(14_681_800, 0)
            .saturating_add(Weight::from_parts(0, 1507))
            // Standard Error: 605
            .saturating_add(Weight::from_parts(1_543_143, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(4))
            .saturating_add(RocksDbWeight::get().writes(2))
            .saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
    }
}
