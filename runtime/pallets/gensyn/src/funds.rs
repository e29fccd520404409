//! Money paths: escrow, payouts, slashing, the jackpot, engagements and
//! deadlines. Every amount is computed with checked arithmetic; transfers
//! move held tokens, so total issuance changes only by explicit burns.

use crate::{pallet::*, weights::WeightInfo, Role, TaskId, Timer};
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

/// Empty blocks the timer cursor may pass in one `on_initialize`.
const MAX_EMPTY_STEPS: u32 = 64;

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

    /// The collateral `role` locks for a task with `fee` (m1): a share of
    /// the fee in percent, at least the role's minimum stake.
    pub fn collateral_for(role: Role, fee: BalanceOf<T>) -> BalanceOf<T> {
        let p = Parameters::<T>::get();
        let times = match role {
            Role::Solver => p.solver_collateral,
            Role::Verifier => p.verifier_collateral,
            Role::Whistleblower => 0,
        };
        (fee.saturating_mul(times.into()) / 100u32.into()).max(Self::min_stake(role))
    }

    /// `who`'s `role` stake not locked for other tasks.
    pub fn free_stake(who: &T::AccountId, role: Role) -> BalanceOf<T> {
        let active = Stakes::<T>::get(who, role).map(|l| l.active).unwrap_or_default();
        active.saturating_sub(Locked::<T>::get(who, role))
    }

    /// Locks `amount` of `who`'s free `role` stake for a task.
    pub(crate) fn lock(who: &T::AccountId, role: Role, amount: BalanceOf<T>) -> DispatchResult {
        ensure!(Self::free_stake(who, role) >= amount, Error::<T>::InsufficientCollateral);
        Locked::<T>::mutate(who, role, |l| *l = l.saturating_add(amount));
        Ok(())
    }

    /// Unlocks collateral of a task that ended.
    pub(crate) fn unlock(who: &T::AccountId, role: Role, amount: BalanceOf<T>) {
        Locked::<T>::mutate_exists(who, role, |l| {
            let left = l.unwrap_or_default().saturating_sub(amount);
            *l = (!left.is_zero()).then_some(left);
        });
    }

    /// Schedules `timer` for block `at`. Never fails and never refuses: the
    /// queue has no per-block bound (every timer was made by a paid call,
    /// and a task's by a fee of at least `min_fee`); `on_initialize` drains
    /// it within a weight budget, so flooding can only make timers late,
    /// and every call checks its own deadline (M4).
    pub(crate) fn schedule(timer: Timer, at: BlockNumberFor<T>) {
        let at = at.max(TimerCursor::<T>::get().0);
        let index = TimerCount::<T>::get(at);
        Timers::<T>::insert(at, index, timer);
        TimerCount::<T>::insert(at, index.saturating_add(1));
    }

    /// Runs due timers in order until the block's timer budget (a quarter
    /// of a block) is spent; the rest run in the next blocks.
    pub(crate) fn run_timers(now: BlockNumberFor<T>) -> Weight {
        use polkadot_sdk::frame_support::traits::Get;
        let budget = <T as polkadot_sdk::frame_system::Config>::BlockWeights::get().max_block / 4;
        let per = T::WeightInfo::on_initialize(1).saturating_sub(T::WeightInfo::on_initialize(0));
        let db = T::DbWeight::get();
        let mut used = T::WeightInfo::on_initialize(0);
        let (mut block, mut index) = TimerCursor::<T>::get();
        if block.is_zero() {
            block = now;
        }
        let mut empty = 0u32;
        while block <= now && used.saturating_add(per).all_lte(budget) {
            let count = TimerCount::<T>::get(block);
            if index < count {
                if let Some(timer) = Timers::<T>::take(block, index) {
                    let _ = Self::try_timer(timer, now);
                }
                index += 1;
                used = used.saturating_add(per);
                continue;
            }
            TimerCount::<T>::remove(block);
            used = used.saturating_add(db.reads_writes(1, 1));
            block = block.saturating_add(1u32.into());
            index = 0;
            empty += 1;
            if empty >= MAX_EMPTY_STEPS {
                break;
            }
        }
        TimerCursor::<T>::put((block, index));
        used.saturating_add(db.reads_writes(1, 1))
    }

    /// Runs one timer atomically: if any money move in it fails, nothing
    /// of it stays (m4) and `TimerFailed` says so.
    pub(crate) fn try_timer(timer: Timer, now: BlockNumberFor<T>) -> DispatchResult {
        let r = polkadot_sdk::frame_support::storage::with_storage_layer(|| Self::on_timer(timer, now));
        if r.is_err() {
            Self::deposit_event(Event::TimerFailed { timer });
        }
        r
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

    /// Slashes the configured share of `collateral` (what `who` locked for
    /// the task) from its `role` stake: part to `winner`, part to the
    /// jackpot, the rest burned. Takes from the active stake first, then
    /// from unbonding chunks (latest first), so unbonding never escapes a
    /// pending dispute. Returns the amount slashed.
    pub(crate) fn slash(
        who: &T::AccountId,
        role: Role,
        collateral: BalanceOf<T>,
        winner: Option<&T::AccountId>,
    ) -> Result<BalanceOf<T>, DispatchError> {
        let params = Parameters::<T>::get();
        let Some(mut ledger) = Stakes::<T>::get(who, role) else {
            return Ok(Zero::zero());
        };
        let amount = params.slash.mul_floor(collateral).min(Self::total_bonded(who, role));
        if amount.is_zero() {
            return Ok(amount);
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
        if ledger.is_empty() {
            Stakes::<T>::remove(who, role);
        } else {
            Stakes::<T>::insert(who, role, ledger);
        }
        let reason: T::RuntimeHoldReason = HoldReason::from(role).into();
        let to_winner = if winner.is_some() { params.slash_to_winner.mul_floor(amount) } else { Zero::zero() };
        let to_jackpot = params.slash_to_jackpot.mul_floor(amount);
        let burn =
            amount.checked_sub(&to_winner).and_then(|b| b.checked_sub(&to_jackpot)).ok_or(Error::<T>::Overflow)?;
        // The hold always equals the ledger (both change together), so each
        // move is exact; if one failed, the caller's storage layer reverts all.
        if let Some(w) = winner {
            Self::move_held(&reason, who, w, to_winner)?;
        }
        Self::move_held(&reason, who, &Self::jackpot_account(), to_jackpot)?;
        if !burn.is_zero() {
            T::Currency::burn_held(&reason, who, burn, Precision::Exact, Fortitude::Force)?;
        }
        Self::deposit_event(Event::Slashed { who: who.clone(), role, amount });
        Ok(amount)
    }

    fn move_held(
        reason: &T::RuntimeHoldReason,
        who: &T::AccountId,
        dest: &T::AccountId,
        amount: BalanceOf<T>,
    ) -> DispatchResult {
        if !amount.is_zero() {
            T::Currency::transfer_on_hold(
                reason,
                who,
                dest,
                amount,
                Precision::Exact,
                Restriction::Free,
                Fortitude::Force,
            )?;
        }
        Ok(())
    }

    /// Each of the `k` right parties' share of a forced round of a task
    /// with `fee` whose checks paid `tickets`: `J / 2^(k−1)`. `J` is a
    /// third of the pot, so the pot outlives many rounds, and at most
    /// `(τ·F + tickets)/p`, so a round pays out in expectation no more than
    /// its task paid in (`p` the forced rate): a min-fee task cannot drain
    /// a pot that large tasks filled. No group raises its take by adding
    /// members (a sybil, or a copier of a party's ends, splits that party's
    /// share instead, and pays a ticket it gets back no more of than it paid).
    pub(crate) fn forced_share(fee: BalanceOf<T>, tickets: BalanceOf<T>, k: u32) -> BalanceOf<T> {
        let p = Parameters::<T>::get();
        let ppm = p.forced_error_ppm.max(1);
        let paid_in = p.jackpot_tax.mul_floor(fee).saturating_add(tickets);
        let cap = paid_in.saturating_mul(1_000_000u32.into()) / ppm.into();
        jackpot_share(Self::jackpot().min(cap.saturating_mul(3u32.into())), k)
    }

    /// Pays `share` from the jackpot to each of `winners`.
    pub(crate) fn pay_shares(task: TaskId, winners: &[T::AccountId], share: BalanceOf<T>) -> DispatchResult {
        if share.is_zero() {
            return Ok(());
        }
        for who in winners {
            T::Currency::transfer(&Self::jackpot_account(), who, share, Preservation::Preserve)?;
            Self::deposit_event(Event::JackpotPaid { task, who: who.clone(), amount: share });
        }
        Ok(())
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
