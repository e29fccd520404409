//! Weights of the pallet's calls, measured by frame-benchmarking
//! (`benchmarking.rs`) with frame-omni-bencher on a `runtime-benchmarks`
//! build of the devnet runtime (command in the README, "Weights").
//!
//! Measured 2026-11-29: STEPS 10, REPEAT 5, wasm compiled, on this
//! project's 2-core Xeon VM (`HOSTNAME: vm`). `arbitrate` is measured over
//! operators of 1..=98 million units of work (`exec::work`), the largest
//! [`crate::Config::MaxArbitrationWork`] allows; `enter_selection` keeps a
//! hand weight (see it). Regenerate after changing a call, and port the
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
        // Minimum execution time: 65_573_000 picoseconds.
        Weight::from_parts(73_887_000, 0)
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
        // Minimum execution time: 23_587_000 picoseconds.
        Weight::from_parts(27_153_000, 0)
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
        // Minimum execution time: 70_801_000 picoseconds.
        Weight::from_parts(78_118_000, 0)
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
        // Minimum execution time: 11_764_000 picoseconds.
        Weight::from_parts(15_050_000, 0)
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
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// The per-node and per-entry terms are estimates, not measurements:
    /// the manifest check (`program.rs`) came after the last measurement.
    /// Per node: two blake2b hashes (leaf, tree), shape inference and a
    /// worst-case bound, charged 20 µs; per entry: two hashes, 20 µs.
    fn submit_task(n: u32, e: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `218`
        //  Estimated: `4631`
        // Minimum execution time: 75_588_000 picoseconds.
        Weight::from_parts(83_628_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(Weight::from_parts(20_000_000, 0).saturating_mul(n.into()))
            .saturating_add(Weight::from_parts(20_000_000, 0).saturating_mul(e.into()))
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
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
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
        //  Measured:  `506`
        //  Estimated: `4631`
        // Minimum execution time: 30_193_000 picoseconds.
        Weight::from_parts(36_749_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3110), added: 5585, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
        //  Measured:  `729 + n * (7 ±0)`
        //  Estimated: `6575 + n * (7 ±0)`
        // Minimum execution time: 59_310_000 picoseconds.
        Weight::from_parts(59_860_275, 0)
            .saturating_add(Weight::from_parts(0, 6575))
            // Standard Error: 239_227
            .saturating_add(Weight::from_parts(12_500_148, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(5))
            .saturating_add(Weight::from_parts(0, 7).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3110), added: 5585, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn commit_verdict() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `800`
        //  Estimated: `6575`
        // Minimum execution time: 31_801_000 picoseconds.
        Weight::from_parts(49_727_000, 0)
            .saturating_add(Weight::from_parts(0, 6575))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3110), added: 5585, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn reveal_verdict(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `761 + n * (71 ±0)`
        //  Estimated: `6575 + n * (71 ±0)`
        // Minimum execution time: 49_663_000 picoseconds.
        Weight::from_parts(72_923_855, 0)
            .saturating_add(Weight::from_parts(0, 6575))
            // Standard Error: 7_301
            .saturating_add(Weight::from_parts(501_286, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(5))
            .saturating_add(Weight::from_parts(0, 71).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:0)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3110), added: 5585, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
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
    fn whistle() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2516`
        //  Estimated: `6575`
        // Minimum execution time: 92_789_000 picoseconds.
        Weight::from_parts(103_302_000, 0)
            .saturating_add(Weight::from_parts(0, 6575))
            .saturating_add(T::DbWeight::get().reads(10))
            .saturating_add(T::DbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3110), added: 5585, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn reveal_secret(w: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1722 + w * (249 ±0)`
        //  Estimated: `11402 + w * (2614 ±0)`
        // Minimum execution time: 201_145_000 picoseconds.
        Weight::from_parts(213_385_915, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 93_567
            .saturating_add(Weight::from_parts(90_174_488, 0).saturating_mul(w.into()))
            .saturating_add(T::DbWeight::get().reads(15))
            .saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(w.into())))
            .saturating_add(T::DbWeight::get().writes(11))
            .saturating_add(T::DbWeight::get().writes((2_u64).saturating_mul(w.into())))
            .saturating_add(Weight::from_parts(0, 2614).saturating_mul(w.into()))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(544), added: 3019, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn bisect() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `411`
        //  Estimated: `4631`
        // Minimum execution time: 27_046_000 picoseconds.
        Weight::from_parts(31_862_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(T::DbWeight::get().reads(7))
            .saturating_add(T::DbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(544), added: 3019, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn open_record() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1031`
        //  Estimated: `4631`
        // Minimum execution time: 48_728_000 picoseconds.
        Weight::from_parts(55_728_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(544), added: 3019, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn reveal_children() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `719`
        //  Estimated: `4631`
        // Minimum execution time: 28_165_000 picoseconds.
        Weight::from_parts(34_578_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(T::DbWeight::get().reads(7))
            .saturating_add(T::DbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(544), added: 3019, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn open_output() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1134`
        //  Estimated: `4631`
        // Minimum execution time: 53_085_000 picoseconds.
        Weight::from_parts(62_966_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(T::DbWeight::get().reads(8))
            .saturating_add(T::DbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(544), added: 3019, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3110), added: 5585, mode: `MaxEncodedLen`)
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
    /// Estimated, not measured (the tiled path came after the last
    /// measurement): `arbitrate`'s slope per million work units, at about
    /// 32,768 units per opened tile.
    fn arbitrate_tile(t: u32) -> Weight {
        Weight::from_parts(2_893_141_205, 11402)
            .saturating_add(Weight::from_parts(36_000_000, 0).saturating_mul(t.into()))
            .saturating_add(T::DbWeight::get().reads(9))
            .saturating_add(T::DbWeight::get().writes(9))
    }
    /// Estimated as `reveal_children`, whose storage it touches.
    fn reveal_partials() -> Weight {
        Self::reveal_children()
    }
    /// Estimated as `whistle` (two Merkle proofs, a slash, the task's
    /// settlement), not measured.
    fn prove_misshapen() -> Weight {
        Self::whistle().saturating_mul(2)
    }
    fn arbitrate(w: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2250`
        //  Estimated: `11402`
        // Minimum execution time: 1_525_765_000 picoseconds.
        Weight::from_parts(2_893_141_205, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 21_795_355
            .saturating_add(Weight::from_parts(1_090_622_665, 0).saturating_mul(w.into()))
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
        // Minimum execution time: 9_771_000 picoseconds.
        Weight::from_parts(11_729_000, 0)
            .saturating_add(Weight::from_parts(0, 1507))
            .saturating_add(T::DbWeight::get().reads(4))
            .saturating_add(T::DbWeight::get().writes(3))
    }
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:128 w:128)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Selections` (r:128 w:0)
    /// Proof: `Gensyn::Selections` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
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
    /// The range of component `n` is `[0, 128]`.
    fn on_initialize(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `608 + n * (60 ±0)`
        //  Estimated: `4631 + n * (2919 ±0)`
        // Minimum execution time: 3_319_000 picoseconds.
        Weight::from_parts(18_666_325, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            // Standard Error: 89_151
            .saturating_add(Weight::from_parts(48_150_542, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(6))
            .saturating_add(T::DbWeight::get().reads((2_u64).saturating_mul(n.into())))
            .saturating_add(T::DbWeight::get().writes(3))
            .saturating_add(T::DbWeight::get().writes((1_u64).saturating_mul(n.into())))
            .saturating_add(Weight::from_parts(0, 2919).saturating_mul(n.into()))
    }
    /// Not measured yet (a new call): estimated as `register_keys`'s base
    /// plus one 2 µs write per artefact; regenerate with the bencher.
    fn attest_available(n: u32) -> Weight {
        Weight::from_parts(15_050_000, 1507)
            .saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(n.into()))
            .saturating_add(T::DbWeight::get().reads(3))
            .saturating_add(T::DbWeight::get().writes(2))
            .saturating_add(T::DbWeight::get().writes(n.into()))
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
        // Minimum execution time: 65_573_000 picoseconds.
        Weight::from_parts(73_887_000, 0)
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
        // Minimum execution time: 23_587_000 picoseconds.
        Weight::from_parts(27_153_000, 0)
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
        // Minimum execution time: 70_801_000 picoseconds.
        Weight::from_parts(78_118_000, 0)
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
        // Minimum execution time: 11_764_000 picoseconds.
        Weight::from_parts(15_050_000, 0)
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
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// The per-node and per-entry terms are estimates, not measurements:
    /// the manifest check (`program.rs`) came after the last measurement.
    /// Per node: two blake2b hashes (leaf, tree), shape inference and a
    /// worst-case bound, charged 20 µs; per entry: two hashes, 20 µs.
    fn submit_task(n: u32, e: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `218`
        //  Estimated: `4631`
        // Minimum execution time: 75_588_000 picoseconds.
        Weight::from_parts(83_628_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(Weight::from_parts(20_000_000, 0).saturating_mul(n.into()))
            .saturating_add(Weight::from_parts(20_000_000, 0).saturating_mul(e.into()))
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
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
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
        //  Measured:  `506`
        //  Estimated: `4631`
        // Minimum execution time: 30_193_000 picoseconds.
        Weight::from_parts(36_749_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3110), added: 5585, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
        //  Measured:  `729 + n * (7 ±0)`
        //  Estimated: `6575 + n * (7 ±0)`
        // Minimum execution time: 59_310_000 picoseconds.
        Weight::from_parts(59_860_275, 0)
            .saturating_add(Weight::from_parts(0, 6575))
            // Standard Error: 239_227
            .saturating_add(Weight::from_parts(12_500_148, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(5))
            .saturating_add(Weight::from_parts(0, 7).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3110), added: 5585, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn commit_verdict() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `800`
        //  Estimated: `6575`
        // Minimum execution time: 31_801_000 picoseconds.
        Weight::from_parts(49_727_000, 0)
            .saturating_add(Weight::from_parts(0, 6575))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3110), added: 5585, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn reveal_verdict(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `761 + n * (71 ±0)`
        //  Estimated: `6575 + n * (71 ±0)`
        // Minimum execution time: 49_663_000 picoseconds.
        Weight::from_parts(72_923_855, 0)
            .saturating_add(Weight::from_parts(0, 6575))
            // Standard Error: 7_301
            .saturating_add(Weight::from_parts(501_286, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(5))
            .saturating_add(Weight::from_parts(0, 71).saturating_mul(n.into()))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Stakes` (r:1 w:0)
    /// Proof: `Gensyn::Stakes` (`max_values`: None, `max_size`: Some(394), added: 2869, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3110), added: 5585, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
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
    fn whistle() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2516`
        //  Estimated: `6575`
        // Minimum execution time: 92_789_000 picoseconds.
        Weight::from_parts(103_302_000, 0)
            .saturating_add(Weight::from_parts(0, 6575))
            .saturating_add(RocksDbWeight::get().reads(10))
            .saturating_add(RocksDbWeight::get().writes(5))
    }
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3110), added: 5585, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn reveal_secret(w: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1722 + w * (249 ±0)`
        //  Estimated: `11402 + w * (2614 ±0)`
        // Minimum execution time: 201_145_000 picoseconds.
        Weight::from_parts(213_385_915, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 93_567
            .saturating_add(Weight::from_parts(90_174_488, 0).saturating_mul(w.into()))
            .saturating_add(RocksDbWeight::get().reads(15))
            .saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(w.into())))
            .saturating_add(RocksDbWeight::get().writes(11))
            .saturating_add(RocksDbWeight::get().writes((2_u64).saturating_mul(w.into())))
            .saturating_add(Weight::from_parts(0, 2614).saturating_mul(w.into()))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(544), added: 3019, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn bisect() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `411`
        //  Estimated: `4631`
        // Minimum execution time: 27_046_000 picoseconds.
        Weight::from_parts(31_862_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(RocksDbWeight::get().reads(7))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(544), added: 3019, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn open_record() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1031`
        //  Estimated: `4631`
        // Minimum execution time: 48_728_000 picoseconds.
        Weight::from_parts(55_728_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(544), added: 3019, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn reveal_children() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `719`
        //  Estimated: `4631`
        // Minimum execution time: 28_165_000 picoseconds.
        Weight::from_parts(34_578_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(RocksDbWeight::get().reads(7))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(544), added: 3019, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:0)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `System::Number` (r:1 w:0)
    /// Proof: `System::Number` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
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
    fn open_output() -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `1134`
        //  Estimated: `4631`
        // Minimum execution time: 53_085_000 picoseconds.
        Weight::from_parts(62_966_000, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            .saturating_add(RocksDbWeight::get().reads(8))
            .saturating_add(RocksDbWeight::get().writes(4))
    }
    /// Storage: `Gensyn::Disputes` (r:1 w:1)
    /// Proof: `Gensyn::Disputes` (`max_values`: None, `max_size`: Some(544), added: 3019, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:1 w:1)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Audits` (r:1 w:1)
    /// Proof: `Gensyn::Audits` (`max_values`: None, `max_size`: Some(3110), added: 5585, mode: `MaxEncodedLen`)
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
    /// Estimated, not measured (the tiled path came after the last
    /// measurement): `arbitrate`'s slope per million work units, at about
    /// 32,768 units per opened tile.
    fn arbitrate_tile(t: u32) -> Weight {
        Weight::from_parts(2_893_141_205, 11402)
            .saturating_add(Weight::from_parts(36_000_000, 0).saturating_mul(t.into()))
            .saturating_add(RocksDbWeight::get().reads(9))
            .saturating_add(RocksDbWeight::get().writes(9))
    }
    /// Estimated as `reveal_children`, whose storage it touches.
    fn reveal_partials() -> Weight {
        Self::reveal_children()
    }
    /// Estimated as `whistle` (two Merkle proofs, a slash, the task's
    /// settlement), not measured.
    fn prove_misshapen() -> Weight {
        Self::whistle().saturating_mul(2)
    }
    fn arbitrate(w: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `2250`
        //  Estimated: `11402`
        // Minimum execution time: 1_525_765_000 picoseconds.
        Weight::from_parts(2_893_141_205, 0)
            .saturating_add(Weight::from_parts(0, 11402))
            // Standard Error: 21_795_355
            .saturating_add(Weight::from_parts(1_090_622_665, 0).saturating_mul(w.into()))
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
        // Minimum execution time: 9_771_000 picoseconds.
        Weight::from_parts(11_729_000, 0)
            .saturating_add(Weight::from_parts(0, 1507))
            .saturating_add(RocksDbWeight::get().reads(4))
            .saturating_add(RocksDbWeight::get().writes(3))
    }
    /// Storage: `Gensyn::Timers` (r:1 w:1)
    /// Proof: `Gensyn::Timers` (`max_values`: None, `max_size`: Some(1166), added: 3641, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Tasks` (r:128 w:128)
    /// Proof: `Gensyn::Tasks` (`max_values`: None, `max_size`: Some(444), added: 2919, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Parameters` (r:1 w:0)
    /// Proof: `Gensyn::Parameters` (`max_values`: Some(1), `max_size`: Some(72), added: 567, mode: `MaxEncodedLen`)
    /// Storage: `Gensyn::Selections` (r:128 w:0)
    /// Proof: `Gensyn::Selections` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
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
    /// The range of component `n` is `[0, 128]`.
    fn on_initialize(n: u32) -> Weight {
        // Proof Size summary in bytes:
        //  Measured:  `608 + n * (60 ±0)`
        //  Estimated: `4631 + n * (2919 ±0)`
        // Minimum execution time: 3_319_000 picoseconds.
        Weight::from_parts(18_666_325, 0)
            .saturating_add(Weight::from_parts(0, 4631))
            // Standard Error: 89_151
            .saturating_add(Weight::from_parts(48_150_542, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(6))
            .saturating_add(RocksDbWeight::get().reads((2_u64).saturating_mul(n.into())))
            .saturating_add(RocksDbWeight::get().writes(3))
            .saturating_add(RocksDbWeight::get().writes((1_u64).saturating_mul(n.into())))
            .saturating_add(Weight::from_parts(0, 2919).saturating_mul(n.into()))
    }
    /// Not measured yet (a new call): estimated as `register_keys`'s base
    /// plus one 2 µs write per artefact; regenerate with the bencher.
    fn attest_available(n: u32) -> Weight {
        Weight::from_parts(15_050_000, 1507)
            .saturating_add(Weight::from_parts(2_000_000, 0).saturating_mul(n.into()))
            .saturating_add(RocksDbWeight::get().reads(3))
            .saturating_add(RocksDbWeight::get().writes(2))
            .saturating_add(RocksDbWeight::get().writes(n.into()))
    }
}
