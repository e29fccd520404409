use crate::{mock::*, Error, Event};
use polkadot_sdk::{
    frame_support::{assert_noop, assert_ok},
    pallet_session,
    sp_runtime::DispatchError,
};

fn active() -> Vec<u64> {
    pallet_session::Validators::<Test>::get()
}

#[test]
fn an_added_validator_validates_from_the_third_session_after() {
    new_test_ext(1000).execute_with(|| {
        assert_eq!(active(), vec![1, 2]);
        assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 3));
        System::assert_last_event(Event::ValidatorAdded { who: 3, from: 3 }.into());
        // Sessions start every 5 blocks; added in session 0, it is planned
        // at the rotation into session 2 (block 10) and active in session 3.
        run_to(14);
        assert_eq!(active(), vec![1, 2]);
        run_to(15);
        assert_eq!(active(), vec![1, 2, 3]);
    });
}

#[test]
fn a_members_keys_are_frozen_and_a_candidates_are_not() {
    use polkadot_sdk::sp_runtime::testing::UintAuthorityId;
    new_test_ext(1000).execute_with(|| {
        // A member cannot swap in a key ground against randomness it has
        // seen, nor purge its keys to drop out of (and empty) the set.
        assert_noop!(
            Validators::set_keys(RuntimeOrigin::signed(1), UintAuthorityId(11), vec![]),
            Error::<Test>::KeysFrozen
        );
        assert_noop!(Validators::purge_keys(RuntimeOrigin::signed(2)), Error::<Test>::KeysFrozen);
        // A candidate sets its keys, and once added they are frozen too.
        assert_ok!(Validators::set_keys(RuntimeOrigin::signed(4), UintAuthorityId(4), vec![]));
        assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 4));
        assert_noop!(
            Validators::set_keys(RuntimeOrigin::signed(4), UintAuthorityId(44), vec![]),
            Error::<Test>::KeysFrozen
        );
        // Removed, it may change them again.
        assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 4));
        assert_ok!(Validators::set_keys(RuntimeOrigin::signed(4), UintAuthorityId(44), vec![]));
    });
}

#[test]
fn the_epoch_beacon_hashes_every_blocks_output_and_closes_at_the_next_epoch() {
    new_test_ext(1000).execute_with(|| {
        use crate::Pallet as V;
        V::<Test>::accumulate(1, 0, Some([1; 32]));
        V::<Test>::accumulate(2, 0, Some([2; 32]));
        assert_eq!(V::<Test>::last_epoch_beacon(), None, "epoch 0 is not finished");
        // A block without an output (none on the chain) adds nothing.
        V::<Test>::accumulate(3, 0, None);
        V::<Test>::accumulate(4, 1, Some([3; 32]));
        let last = V::<Test>::last_epoch_beacon().unwrap();
        assert_eq!((last.epoch, last.start, last.outputs), (0, 1, 2));
        use polkadot_sdk::sp_io::hashing::blake2_256;
        let expect = blake2_256(&[blake2_256(&[[0; 32], [1; 32]].concat()), [2; 32]].concat());
        assert_eq!(last.acc, expect);
        // Epoch 2 was skipped (no blocks): the last finished epoch is 1.
        V::<Test>::accumulate(5, 3, None);
        assert_eq!(V::<Test>::last_epoch_beacon().unwrap().epoch, 1);
        // An epoch whose blocks had no VRF output is no beacon: anyone
        // could compute it.
        V::<Test>::accumulate(6, 4, None);
        assert_eq!(V::<Test>::last_epoch_beacon(), None);
    });
}

#[test]
fn the_beacon_follows_the_blocks_vrf_in_on_finalize_only_with_slots() {
    use polkadot_sdk::frame_support::traits::Hooks;
    new_test_ext(0).execute_with(|| {
        TestVrf::set(0, Some([9; 32]));
        Validators::on_finalize(1);
        assert_eq!(crate::EpochBeacon::<Test>::get(), None, "instant seal keeps no beacon");
    });
    new_test_ext(1000).execute_with(|| {
        TestVrf::set(0, Some([9; 32]));
        Validators::on_finalize(1);
        assert_eq!(crate::EpochBeacon::<Test>::get().unwrap().outputs, 1);
    });
}

#[test]
#[should_panic(expected = "an even number of milliseconds")]
fn an_odd_slot_is_refused_at_genesis() {
    new_test_ext(1001);
}

#[test]
fn a_removed_validator_leaves_two_sessions_later() {
    new_test_ext(1000).execute_with(|| {
        assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 2));
        // Planned at the next rotation (block 5), active from session 2.
        run_to(9);
        assert_eq!(active(), vec![1, 2]);
        run_to(10);
        assert_eq!(active(), vec![1]);
    });
}

#[test]
fn only_the_manager_edits_the_set_and_never_to_empty() {
    new_test_ext(1000).execute_with(|| {
        assert_noop!(Validators::add_validator(RuntimeOrigin::signed(3), 3), DispatchError::BadOrigin);
        assert_noop!(Validators::remove_validator(RuntimeOrigin::signed(1), 2), DispatchError::BadOrigin);
        assert_noop!(Validators::add_validator(RuntimeOrigin::root(), 1), Error::<Test>::AlreadyValidator);
        assert_noop!(Validators::remove_validator(RuntimeOrigin::root(), 3), Error::<Test>::NotValidator);
        assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 2));
        assert_noop!(Validators::remove_validator(RuntimeOrigin::root(), 1), Error::<Test>::LastValidator);
    });
}

#[test]
fn a_validator_without_session_keys_is_refused() {
    new_test_ext(1000).execute_with(|| {
        // Account 4 never called `session.set_keys`: the session pallet
        // would silently leave it out of the set.
        assert_noop!(Validators::add_validator(RuntimeOrigin::root(), 4), Error::<Test>::NoSessionKeys);
    });
}

#[test]
fn an_instant_seal_chain_has_no_validators_to_add() {
    new_test_ext(0).execute_with(|| {
        assert!(!Validators::has_slots());
        assert_noop!(Validators::add_validator(RuntimeOrigin::root(), 3), Error::<Test>::NoSlots);
    });
}

#[test]
fn an_unchanged_set_is_not_handed_on() {
    new_test_ext(1000).execute_with(|| {
        use pallet_session::SessionManager;
        assert_eq!(<Validators as SessionManager<u64>>::new_session(1), None);
        assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 3));
        assert_eq!(<Validators as SessionManager<u64>>::new_session(2), None, "not yet: keys count from session 3");
        assert_eq!(<Validators as SessionManager<u64>>::new_session(3), Some(vec![1, 2, 3]));
        assert_eq!(<Validators as SessionManager<u64>>::new_session(4), None);
    });
}
