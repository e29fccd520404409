//! Staking: every call and every failure.

use crate::{mock::*, Engagements, Error, Event, HoldReason, Role, Stakes, UnbondChunk};
use polkadot_sdk::{
    frame_support::{
        assert_noop, assert_ok,
        traits::fungible::{Inspect, InspectHold},
    },
    sp_runtime::{traits::BadOrigin, DispatchError},
};

fn held(who: u64, role: Role) -> u64 {
    <Balances as InspectHold<u64>>::balance_on_hold(&RuntimeHoldReason::Gensyn(role.into()), &who)
}

fn free(who: u64) -> u64 {
    <Balances as Inspect<u64>>::balance(&who)
}

fn last_event() -> RuntimeEvent {
    System::events().pop().expect("an event").event
}

#[test]
fn stake_holds_funds_and_records_ledger() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 1_000));
        assert_eq!(held(ALICE, Role::Solver), 1_000);
        assert_eq!(free(ALICE), 9_000);
        let ledger = Stakes::<Test>::get(ALICE, Role::Solver).unwrap();
        assert_eq!(ledger.active, 1_000);
        assert!(ledger.unbonding.is_empty());
        assert_eq!(
            last_event(),
            RuntimeEvent::Gensyn(Event::Staked { who: ALICE, role: Role::Solver, amount: 1_000, active: 1_000 })
        );
        // Topping up only needs the total to reach the minimum.
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 1));
        assert_eq!(Stakes::<Test>::get(ALICE, Role::Solver).unwrap().active, 1_001);
    });
}

#[test]
fn roles_are_independent() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 100));
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Verifier, 50));
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Whistleblower, 10));
        assert_eq!(held(ALICE, Role::Solver), 100);
        assert_eq!(held(ALICE, Role::Verifier), 50);
        assert_eq!(held(ALICE, Role::Whistleblower), 10);
        assert_eq!(Gensyn::total_bonded(&ALICE, Role::Verifier), 50);
        assert_eq!(Gensyn::total_bonded(&BOB, Role::Verifier), 0);
    });
}

#[test]
fn stake_rejects_unsigned_origin() {
    new_test_ext().execute_with(|| {
        assert_noop!(Gensyn::stake(RuntimeOrigin::none(), Role::Solver, 100), BadOrigin);
    });
}

#[test]
fn stake_rejects_zero() {
    new_test_ext().execute_with(|| {
        assert_noop!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 0), Error::<Test>::ZeroAmount);
    });
}

#[test]
fn stake_below_minimum_fails() {
    new_test_ext().execute_with(|| {
        assert_noop!(
            Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, MIN_SOLVER - 1),
            Error::<Test>::BelowMinimumStake
        );
        assert_noop!(
            Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Verifier, MIN_VERIFIER - 1),
            Error::<Test>::BelowMinimumStake
        );
        assert_noop!(
            Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Whistleblower, MIN_WHISTLEBLOWER - 1),
            Error::<Test>::BelowMinimumStake
        );
    });
}

#[test]
fn stake_with_insufficient_balance_fails() {
    new_test_ext().execute_with(|| {
        assert_noop!(
            Gensyn::stake(RuntimeOrigin::signed(POOR), Role::Solver, MIN_SOLVER),
            Error::<Test>::InsufficientBalance
        );
        // An account that does not exist has nothing to hold either.
        assert_noop!(
            Gensyn::stake(RuntimeOrigin::signed(4), Role::Whistleblower, MIN_WHISTLEBLOWER),
            Error::<Test>::InsufficientBalance
        );
    });
}

#[test]
fn stake_overflow_is_caught() {
    new_test_ext().execute_with(|| {
        Stakes::<Test>::insert(
            ALICE,
            Role::Solver,
            crate::LedgerOf::<Test> { active: u64::MAX, unbonding: Default::default() },
        );
        assert_noop!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 1), Error::<Test>::Overflow);
    });
}

#[test]
fn unstake_starts_unbonding_and_keeps_funds_held() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 500));
        assert_ok!(Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Solver, 200));
        let ledger = Stakes::<Test>::get(ALICE, Role::Solver).unwrap();
        assert_eq!(ledger.active, 300);
        assert_eq!(ledger.unbonding.to_vec(), vec![UnbondChunk { amount: 200, unlock_at: 1 + UNBONDING }]);
        assert_eq!(held(ALICE, Role::Solver), 500, "unbonding tokens stay held");
        assert_eq!(
            last_event(),
            RuntimeEvent::Gensyn(Event::Unbonding {
                who: ALICE,
                role: Role::Solver,
                amount: 200,
                unlock_at: 1 + UNBONDING
            })
        );
        // Same block: merged into the same chunk.
        assert_ok!(Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Solver, 100));
        let ledger = Stakes::<Test>::get(ALICE, Role::Solver).unwrap();
        assert_eq!(ledger.unbonding.len(), 1);
        assert_eq!(ledger.unbonding[0].amount, 300);
    });
}

#[test]
fn unstake_everything_is_allowed() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Verifier, 60));
        assert_ok!(Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Verifier, 60));
        assert_eq!(Stakes::<Test>::get(ALICE, Role::Verifier).unwrap().active, 0);
    });
}

#[test]
fn unstake_without_stake_fails() {
    new_test_ext().execute_with(|| {
        assert_noop!(Gensyn::unstake(RuntimeOrigin::signed(BOB), Role::Solver, 10), Error::<Test>::NotStaked);
        // Staked in another role is still "not staked" for this one.
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(BOB), Role::Verifier, 50));
        assert_noop!(Gensyn::unstake(RuntimeOrigin::signed(BOB), Role::Solver, 10), Error::<Test>::NotStaked);
    });
}

#[test]
fn unstake_zero_fails() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 500));
        assert_noop!(Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Solver, 0), Error::<Test>::ZeroAmount);
    });
}

#[test]
fn unstake_more_than_active_fails() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 500));
        assert_noop!(
            Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Solver, 501),
            Error::<Test>::InsufficientActiveStake
        );
    });
}

#[test]
fn unstake_leaving_dust_below_minimum_fails() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 150));
        assert_noop!(Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Solver, 51), Error::<Test>::BelowMinimumStake);
    });
}

#[test]
fn unbonding_chunks_are_bounded() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Whistleblower, 1_000));
        for block in 1..=u64::from(MAX_CHUNKS) {
            run_to_block(block);
            assert_ok!(Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Whistleblower, 10));
        }
        run_to_block(u64::from(MAX_CHUNKS) + 1);
        assert_noop!(
            Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Whistleblower, 10),
            Error::<Test>::TooManyUnbondingChunks
        );
    });
}

#[test]
fn withdraw_too_early_fails() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 500));
        assert_ok!(Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Solver, 200));
        run_to_block(UNBONDING); // one block short of 1 + UNBONDING
        assert_noop!(
            Gensyn::withdraw_unbonded(RuntimeOrigin::signed(ALICE), Role::Solver),
            Error::<Test>::WithdrawTooEarly
        );
    });
}

#[test]
fn withdraw_without_unbonding_fails() {
    new_test_ext().execute_with(|| {
        assert_noop!(Gensyn::withdraw_unbonded(RuntimeOrigin::signed(ALICE), Role::Solver), Error::<Test>::NotStaked);
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 500));
        assert_noop!(
            Gensyn::withdraw_unbonded(RuntimeOrigin::signed(ALICE), Role::Solver),
            Error::<Test>::NothingToWithdraw
        );
    });
}

#[test]
fn withdraw_releases_only_unlocked_chunks() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 500));
        assert_ok!(Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Solver, 100));
        run_to_block(3);
        assert_ok!(Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Solver, 100));
        run_to_block(1 + UNBONDING);
        assert_ok!(Gensyn::withdraw_unbonded(RuntimeOrigin::signed(ALICE), Role::Solver));
        assert_eq!(
            last_event(),
            RuntimeEvent::Gensyn(Event::Withdrawn { who: ALICE, role: Role::Solver, amount: 100 })
        );
        assert_eq!(held(ALICE, Role::Solver), 400);
        assert_eq!(free(ALICE), 9_600);
        let ledger = Stakes::<Test>::get(ALICE, Role::Solver).unwrap();
        assert_eq!(ledger.active, 300);
        assert_eq!(ledger.unbonding.to_vec(), vec![UnbondChunk { amount: 100, unlock_at: 3 + UNBONDING }]);
    });
}

#[test]
fn full_exit_removes_the_ledger() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(BOB), Role::Verifier, 70));
        assert_ok!(Gensyn::unstake(RuntimeOrigin::signed(BOB), Role::Verifier, 70));
        run_to_block(1 + UNBONDING);
        assert_ok!(Gensyn::withdraw_unbonded(RuntimeOrigin::signed(BOB), Role::Verifier));
        assert!(Stakes::<Test>::get(BOB, Role::Verifier).is_none());
        assert_eq!(held(BOB, Role::Verifier), 0);
        assert_eq!(free(BOB), 10_000);
        // Fully exited: the role is unknown again.
        assert_noop!(Gensyn::withdraw_unbonded(RuntimeOrigin::signed(BOB), Role::Verifier), Error::<Test>::NotStaked);
    });
}

#[test]
fn holds_reconcile_with_ledgers() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 400));
        assert_ok!(Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Solver, 250));
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Verifier, 80));
        for role in Role::ALL {
            assert_eq!(held(ALICE, role), Gensyn::total_bonded(&ALICE, role));
        }
        let total_held: u64 = Role::ALL.iter().map(|r| held(ALICE, *r)).sum();
        assert_eq!(free(ALICE) + total_held, 10_000, "no tokens created or lost");
        let _ = HoldReason::from(Role::Solver);
    });
}

#[test]
fn dispatch_error_names_are_stable() {
    // The CLI prints these names; renaming one is a breaking change.
    let err: DispatchError = Error::<Test>::BelowMinimumStake.into();
    match err {
        DispatchError::Module(m) => assert_eq!(m.message, Some("BelowMinimumStake")),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn withdraw_waits_for_engagements() {
    new_test_ext().execute_with(|| {
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 1_000));
        assert_ok!(Gensyn::unstake(RuntimeOrigin::signed(ALICE), Role::Solver, 1_000));
        Engagements::<Test>::insert(ALICE, Role::Solver, 1);
        run_to_block(1 + UNBONDING);
        assert_noop!(Gensyn::withdraw_unbonded(RuntimeOrigin::signed(ALICE), Role::Solver), Error::<Test>::Engaged);
        Engagements::<Test>::remove(ALICE, Role::Solver);
        assert_ok!(Gensyn::withdraw_unbonded(RuntimeOrigin::signed(ALICE), Role::Solver));
    });
}
