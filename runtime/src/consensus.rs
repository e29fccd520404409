//! The one runtime's two consensus modes, chosen by the chain spec.
//!
//! - **Instant seal** (`gensyn devnet up`): blocks come when a client or a
//!   timer asks; [`pallet_validators::SlotDuration`] is zero, so there are no
//!   slots, timestamps may repeat, and the protocol's randomness is the
//!   collective flip of recent block hashes (weak, documented as such).
//! - **Proof of stake** (`gensyn devnet up --validators N`): BABE authors a
//!   block each slot, GRANDPA finalizes; the slot is fixed at genesis, and
//!   the protocol's randomness is BABE's VRF randomness, lagged so that no
//!   party can know a draw when it makes the move the draw is for
//!   ([`ProtocolRandomness`]).
//!
//! In PoS mode every block carries a BABE pre-digest (the node's BABE
//! verifier refuses a block without one), so the runtime's checks of slot
//! against timestamp always run there.

use crate::{BlockNumber, Hash, Runtime, RuntimeCall};
use codec::Decode;
use polkadot_sdk::{
    frame_support::traits::{Contains, Get, OnTimestampSet, Randomness},
    frame_system, pallet_babe, pallet_insecure_randomness_collective_flip, sp_consensus_babe,
    sp_runtime::traits::Hash as _,
};

/// The PoS devnet's slot, in milliseconds (one block per slot, with
/// primary and secondary slots).
pub const SLOT_DURATION_MS: u64 = 1000;

/// Slots per BABE epoch, which is also a session: validator-set changes
/// and the protocol's randomness move at this pace. Short, so a draw's wait
/// (two epoch starts at most, see [`ProtocolRandomness`]) stays short.
pub const EPOCH_DURATION: u64 = 10;

/// BABE's genesis epoch configuration: a primary slot for each authority
/// with probability 1/4, and secondary VRF slots for the rest, so every
/// slot has an author and every block a VRF output.
pub const BABE_GENESIS_EPOCH_CONFIG: sp_consensus_babe::BabeEpochConfiguration =
    sp_consensus_babe::BabeEpochConfiguration {
        c: (1, 4),
        allowed_slots: sp_consensus_babe::AllowedSlots::PrimaryAndSecondaryVRFSlots,
    };

/// The timestamp's minimum period: half a slot (BABE's slot is twice it),
/// zero on instant seal, whose blocks may come within one millisecond.
pub struct MinimumPeriod;

impl Get<u64> for MinimumPeriod {
    fn get() -> u64 {
        pallet_validators::Pallet::<Runtime>::slot_duration() / 2
    }
}

/// BABE's check that the timestamp lies in the block's slot, where there
/// are slots.
pub struct CheckSlot;

impl OnTimestampSet<u64> for CheckSlot {
    fn on_timestamp_set(moment: u64) {
        if pallet_validators::Pallet::<Runtime>::has_slots() {
            <pallet_babe::Pallet<Runtime> as OnTimestampSet<u64>>::on_timestamp_set(moment)
        }
    }
}

/// The protocol's randomness beacon (`pallet_gensyn::Config::Randomness`).
///
/// On PoS it is the last finished epoch's VRF accumulator
/// (`pallet_validators::EpochBeacon`): a hash chain over the BABE VRF output
/// of every block of that epoch, primary or secondary — not BABE's own epoch
/// randomness, which takes primary outputs only, and an epoch may have
/// none. It is reported as known since the epoch's first block: the earliest
/// block at which any of its inputs was revealed. A VRF output is known to
/// its author a whole epoch ahead, to nobody else before its block.
/// `pallet_gensyn` draws with a value known only after the move a draw is
/// for, so a draw uses an epoch that began after the move: every output in
/// it came after the move, and one honest block in that epoch makes it
/// unknown to everyone else at the move. An epoch whose blocks had no output
/// is no beacon (known since genesis: never fresh). See docs/protocol.md,
/// "Which epoch a draw uses (PoS)", for the limits (withheld blocks).
///
/// On instant seal it is the collective flip of the last 81 block hashes.
pub struct ProtocolRandomness;

impl Randomness<Hash, BlockNumber> for ProtocolRandomness {
    fn random(subject: &[u8]) -> (Hash, BlockNumber) {
        if !pallet_validators::Pallet::<Runtime>::has_slots() {
            return pallet_insecure_randomness_collective_flip::Pallet::<Runtime>::random(subject);
        }
        let hash = |acc: &[u8]| <Runtime as frame_system::Config>::Hashing::hash(&[subject, acc].concat());
        match pallet_validators::Pallet::<Runtime>::last_epoch_beacon() {
            Some(b) => (hash(&b.acc), b.start),
            None => (hash(&[]), 0),
        }
    }
}

/// The block's BABE VRF output, for the epoch beacon: only a block whose
/// BABE pre-digest carries a VRF signature has one (BABE keeps the last
/// output in storage across blocks that have none).
pub struct BabeVrf;

impl pallet_validators::BlockVrf for BabeVrf {
    fn output() -> Option<[u8; 32]> {
        let digest = frame_system::Pallet::<Runtime>::digest();
        let pre = digest.logs.iter().find_map(|log| {
            let (id, mut data) = log.as_pre_runtime()?;
            (id == sp_consensus_babe::BABE_ENGINE_ID)
                .then(|| sp_consensus_babe::digests::PreDigest::decode(&mut data).ok())
                .flatten()
        })?;
        pre.vrf_signature()?;
        pallet_babe::AuthorVrfRandomness::<Runtime>::get()
    }
    fn epoch() -> u64 {
        pallet_babe::EpochIndex::<Runtime>::get()
    }
}

/// The runtime's call filter: session keys are set and purged through
/// `pallet_validators`, which freezes a validator's keys; the session
/// pallet's own calls would let a validator swap in a key ground against
/// randomness it has seen, or purge its keys until the set is empty.
pub struct NoDirectSessionCalls;

impl Contains<RuntimeCall> for NoDirectSessionCalls {
    fn contains(call: &RuntimeCall) -> bool {
        !matches!(call, RuntimeCall::Session(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polkadot_sdk::{sp_io::TestExternalities, sp_runtime::BuildStorage};

    fn ext(slot_duration: u64) -> TestExternalities {
        let mut storage = frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap();
        pallet_validators::GenesisConfig::<Runtime> { validators: Vec::new(), slot_duration }
            .assimilate_storage(&mut storage)
            .unwrap();
        TestExternalities::new(storage)
    }
    use polkadot_sdk::frame_system;

    /// The PoS beacon is the last finished epoch's accumulator, known since
    /// that epoch's first block: a move in epoch e is drawn for from e + 1's
    /// outputs, read in epoch e + 2.
    #[test]
    fn the_pos_beacon_is_the_last_epochs_outputs_known_from_its_start() {
        ext(SLOT_DURATION_MS).execute_with(|| {
            type V = pallet_validators::Pallet<Runtime>;
            // Nothing finished yet: a value nobody may draw with.
            assert_eq!(ProtocolRandomness::random(b"s").1, 0);
            V::accumulate(21, 2, Some([7; 32]));
            V::accumulate(22, 2, Some([8; 32]));
            V::accumulate(31, 3, Some([9; 32]));
            let (a, known) = ProtocolRandomness::random(b"s");
            assert_eq!(known, 21);
            // A different output in that epoch, a different value.
            pallet_validators::LastEpochBeacon::<Runtime>::kill();
            pallet_validators::EpochBeacon::<Runtime>::kill();
            V::accumulate(21, 2, Some([7; 32]));
            V::accumulate(22, 2, Some([1; 32]));
            V::accumulate(31, 3, None);
            let (b, _) = ProtocolRandomness::random(b"s");
            assert_ne!(a, b, "every block's output counts");
            assert_eq!(MinimumPeriod::get(), SLOT_DURATION_MS / 2);
        });
    }

    /// The session pallet's calls are filtered; everything else passes.
    #[test]
    fn session_keys_change_only_through_the_registry() {
        use polkadot_sdk::pallet_session;
        let call = RuntimeCall::Session(pallet_session::Call::purge_keys {});
        assert!(!NoDirectSessionCalls::contains(&call));
        let call = RuntimeCall::Validators(pallet_validators::Call::purge_keys {});
        assert!(NoDirectSessionCalls::contains(&call));
    }

    /// Instant seal has no slots: the timestamp may repeat and no slot is
    /// checked against it (a BABE check would panic without a pre-digest).
    #[test]
    fn instant_seal_has_no_slots() {
        ext(0).execute_with(|| {
            assert_eq!(MinimumPeriod::get(), 0);
            CheckSlot::on_timestamp_set(123_456);
            let (_, known) = ProtocolRandomness::random(b"s");
            assert_eq!(known, 0);
        });
    }

    /// With slots, a timestamp outside the block's slot is refused.
    #[test]
    #[should_panic(expected = "Timestamp slot must match")]
    fn pos_checks_the_timestamp_against_the_slot() {
        ext(SLOT_DURATION_MS).execute_with(|| {
            pallet_babe::CurrentSlot::<Runtime>::put(sp_consensus_babe::Slot::from(5));
            CheckSlot::on_timestamp_set(9 * SLOT_DURATION_MS);
        });
    }
}
