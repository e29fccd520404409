//! Money paths: escrow, payouts, slashing, the jackpot, engagements and
//! deadlines. Every amount is computed with checked arithmetic; transfers
//! move held tokens, so total issuance changes only by explicit burns.

use crate::{pallet::*, Role, TaskId, Timer, MAX_TIMERS_PER_BLOCK};
use polkadot_sdk::{
    frame_support::{
        pallet_prelude::*,
        traits::{
            fungible::{Inspect, Mutate, MutateHold},
            tokens::{Fortitude, Precision, Preservation, Restriction},
        },
    },
    frame_system::pallet_prelude::BlockNumberFor,
    sp_runtime::traits::{AccountIdConversion, CheckedSub, Saturating, Zero},
};

/// Blocks after a full one that a deadline may slip to.
const TIMER_SPILL: u32 = 16;

impl<T: Config> Pallet<T> {
    /// The account that holds the jackpot.
    pub fn jackpot_account() -> T::AccountId {
        T::PalletId::get().into_account_truncating()
    }

    /// What the jackpot can pay out (its balance above the existential deposit).
    pub fn jackpot() -> BalanceOf<T> {
        T::Currency::reducible_balance(&Self::jackpot_account(), Preservation::Preserve, Fortitude::Polite)
    }

    /// `who` takes on one more engagement as `role`.
    pub(crate) fn engage(who: &T::AccountId, role: Role) {
        Engagements::<T>::mutate(who, role, |n| *n = n.saturating_add(1));
    }

    /// `who` is done with one engagement as `role`.
    pub(crate) fn disengage(who: &T::AccountId, role: Role) {
        Engagements::<T>::mutate_exists(who, role, |n| {
            let left = n.unwrap_or(0).saturating_sub(1);
            *n = (left > 0).then_some(left);
        });
    }

    /// Processes `timer` in `on_initialize` of block `at` (or, if that
    /// block is full, of one of the next few). Never fails the move that
    /// set the deadline: with every block of the spill full, the timer is
    /// left to anyone's [`Pallet::poke`] after `at` (and an event says so),
    /// so flooding the queue cannot make an honest move fail (M4).
    pub(crate) fn schedule(timer: Timer, at: BlockNumberFor<T>) {
        let mut block = at;
        for _ in 0..TIMER_SPILL {
            let pushed = Timers::<T>::mutate(block, |list| {
                if list.len() as u32 >= MAX_TIMERS_PER_BLOCK {
                    false
                } else {
                    list.try_push(timer).is_ok()
                }
            });
            if pushed {
                return;
            }
            block = block.saturating_add(1u32.into());
        }
        Self::deposit_event(Event::TimerUnscheduled { timer, at });
    }

    /// Moves `amount` of `who`'s hold `reason` into `dest`'s free balance.
    pub(crate) fn pay_from_hold(
        reason: HoldReason,
        who: &T::AccountId,
        dest: &T::AccountId,
        amount: BalanceOf<T>,
    ) -> DispatchResult {
        if amount.is_zero() {
            return Ok(());
        }
        T::Currency::transfer_on_hold(
            &reason.into(),
            who,
            dest,
            amount,
            Precision::Exact,
            Restriction::Free,
            Fortitude::Polite,
        )?;
        Ok(())
    }

    /// Slashes `who`'s `role` stake by the configured share: part to
    /// `winner`, part to the jackpot, the rest burned. Takes from the active
    /// stake first, then from unbonding chunks (latest first), so unbonding
    /// never escapes a pending dispute. Returns the amount slashed.
    pub(crate) fn slash(who: &T::AccountId, role: Role, winner: Option<&T::AccountId>) -> BalanceOf<T> {
        let params = Parameters::<T>::get();
        let Some(mut ledger) = Stakes::<T>::get(who, role) else {
            return Zero::zero();
        };
        let amount = params.slash.mul_floor(Self::total_bonded(who, role));
        if amount.is_zero() {
            return amount;
        }
        let mut left = amount;
        let from_active = left.min(ledger.active);
        ledger.active = ledger.active.saturating_sub(from_active);
        left = left.saturating_sub(from_active);
        while !left.is_zero() {
            let Some(chunk) = ledger.unbonding.last_mut() else {
                break;
            };
            let take = left.min(chunk.amount);
            chunk.amount = chunk.amount.saturating_sub(take);
            left = left.saturating_sub(take);
            if chunk.amount.is_zero() {
                ledger.unbonding.pop();
            }
        }
        let amount = amount.saturating_sub(left);
        if ledger.is_empty() {
            Stakes::<T>::remove(who, role);
        } else {
            Stakes::<T>::insert(who, role, ledger);
        }
        let reason: T::RuntimeHoldReason = HoldReason::from(role).into();
        let to_winner = if winner.is_some() { params.slash_to_winner.mul_floor(amount) } else { Zero::zero() };
        let to_jackpot = params.slash_to_jackpot.mul_floor(amount);
        let burn = amount.saturating_sub(to_winner).saturating_sub(to_jackpot);
        // Best effort: the hold always covers the ledger (both change together),
        // and a slash must never fail the settlement it is part of.
        if let Some(w) = winner {
            let _ = T::Currency::transfer_on_hold(
                &reason,
                who,
                w,
                to_winner,
                Precision::BestEffort,
                Restriction::Free,
                Fortitude::Force,
            );
        }
        let _ = T::Currency::transfer_on_hold(
            &reason,
            who,
            &Self::jackpot_account(),
            to_jackpot,
            Precision::BestEffort,
            Restriction::Free,
            Fortitude::Force,
        );
        let _ = T::Currency::burn_held(&reason, who, burn, Precision::BestEffort, Fortitude::Force);
        Self::deposit_event(Event::Slashed { who: who.clone(), role, amount });
        amount
    }

    /// Pays `k` whistleblowers who caught a forced error: one forced error
    /// pays out at most `J` = a third of the pot (so the pot outlives many),
    /// and each of the `k` gets `J / 2^(k−1)` (so splitting into sybils
    /// never pays more than challenging once).
    pub(crate) fn pay_jackpot(task: TaskId, winners: &[T::AccountId]) {
        let k = winners.len() as u32;
        if k == 0 {
            return;
        }
        let pot = Self::jackpot();
        let share = jackpot_share(pot, k);
        for who in winners {
            if T::Currency::transfer(&Self::jackpot_account(), who, share, Preservation::Preserve).is_ok() {
                Self::deposit_event(Event::JackpotPaid { task, who: who.clone(), amount: share });
            }
        }
    }

    /// Splits a paid fee: `(solver, verifier, jackpot tax)`.
    pub(crate) fn split_fee(
        fee: BalanceOf<T>,
        verifier_paid: bool,
    ) -> Result<(BalanceOf<T>, BalanceOf<T>, BalanceOf<T>), DispatchError> {
        let p = Parameters::<T>::get();
        let tax = p.jackpot_tax.mul_floor(fee);
        let reward = if verifier_paid { p.verifier_reward.mul_floor(fee) } else { Zero::zero() };
        let solver = fee.checked_sub(&tax).and_then(|f| f.checked_sub(&reward)).ok_or(Error::<T>::Overflow)?;
        Ok((solver, reward, tax))
    }
}

/// One whistleblower's share when `k` catch the same forced error:
/// `J / 2^(k−1)` with `J = pot / 3`.
pub fn jackpot_share<B: polkadot_sdk::sp_runtime::traits::AtLeast32BitUnsigned + Copy>(pot: B, k: u32) -> B {
    if k == 0 || k > 64 {
        return Zero::zero();
    }
    (pot / 3u32.into()) / pow2::<B>(k - 1)
}

fn pow2<B: polkadot_sdk::sp_runtime::traits::AtLeast32BitUnsigned + Copy>(e: u32) -> B {
    let mut r: B = 1u32.into();
    for _ in 0..e {
        r = r.saturating_mul(2u32.into());
    }
    r
}
