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

use crate::{BlockNumber, Hash, Runtime};
use polkadot_sdk::{
    frame_support::traits::{Get, OnTimestampSet, Randomness},
    pallet_babe, pallet_insecure_randomness_collective_flip, sp_consensus_babe,
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
/// On PoS it is BABE's `NextRandomness` — a hash chain over the VRF output
/// of every block of the *previous* epoch — and it is reported as known
/// since the block that epoch began at. That is the earliest block at
/// which any of its inputs existed: a VRF output is known to its author
/// once the epoch's randomness is (a whole epoch ahead), to nobody else
/// before its block. `pallet_gensyn` draws with a value known only after
/// the move a draw is for, so a draw uses an epoch that began after the
/// move: every VRF output in it came after the move, and one honest author
/// among that epoch's blocks makes it unknown to everyone else at the move.
/// The last author of the epoch sees the value first and may withhold its
/// block (one bit of bias, BABE's own limit); see docs/protocol.md.
///
/// On instant seal it is the collective flip of the last 81 block hashes.
pub struct ProtocolRandomness;

impl Randomness<Hash, BlockNumber> for ProtocolRandomness {
    fn random(subject: &[u8]) -> (Hash, BlockNumber) {
        if pallet_validators::Pallet::<Runtime>::has_slots() {
            let (value, _) = pallet_babe::RandomnessFromOneEpochAgo::<Runtime>::random(subject);
            let (previous_epoch_start, _) = pallet_babe::EpochStart::<Runtime>::get();
            (value, previous_epoch_start)
        } else {
            pallet_insecure_randomness_collective_flip::Pallet::<Runtime>::random(subject)
        }
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

    /// The PoS beacon is the previous epoch's randomness, known since that
    /// epoch's first block: a move in epoch e is drawn for from epoch e+2.
    #[test]
    fn the_pos_beacon_is_known_from_the_previous_epochs_start() {
        ext(SLOT_DURATION_MS).execute_with(|| {
            pallet_babe::EpochStart::<Runtime>::put((21, 31));
            pallet_babe::NextRandomness::<Runtime>::put([7u8; 32]);
            let (a, known) = ProtocolRandomness::random(b"s");
            assert_eq!(known, 21);
            pallet_babe::NextRandomness::<Runtime>::put([8u8; 32]);
            let (b, _) = ProtocolRandomness::random(b"s");
            assert_ne!(a, b, "the value follows BABE's randomness");
            assert_eq!(MinimumPeriod::get(), SLOT_DURATION_MS / 2);
        });
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
