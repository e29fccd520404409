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
fn an_added_validator_becomes_active_two_sessions_later() {
    new_test_ext(1000).execute_with(|| {
        assert_eq!(active(), vec![1, 2]);
        assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 3));
        System::assert_last_event(Event::ValidatorAdded { who: 3 }.into());
        // Session 1 starts at block 5 with the set queued at genesis; the
        // change is queued then and enacted at session 2 (block 10).
        run_to(5);
        assert_eq!(active(), vec![1, 2]);
        run_to(10);
        assert_eq!(active(), vec![1, 2, 3]);
    });
}

#[test]
fn a_removed_validator_leaves_two_sessions_later() {
    new_test_ext(1000).execute_with(|| {
        assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 2));
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
        assert_eq!(<Validators as SessionManager<u64>>::new_session(2), Some(vec![1, 2, 3]));
        assert_eq!(<Validators as SessionManager<u64>>::new_session(3), None);
    });
}
