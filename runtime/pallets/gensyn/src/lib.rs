//! # pallet-gensyn
//!
//! The on-chain half of the Gensyn protocol. This first slice covers **role
//! staking**: an account bonds native tokens as a [`Role::Solver`],
//! [`Role::Verifier`] or [`Role::Whistleblower`]. Stakes are *balance holds*
//! (`fungible::MutateHold`), so the tokens stay in the staker's account, are
//! visible as "held", and can later be slashed by the protocol.
//!
//! Leaving is two-step, as in every bonded-staking design: `unstake` moves part
//! of the active stake into an unbonding chunk that unlocks after
//! [`Config::UnbondingPeriod`] blocks, and `withdraw_unbonded` releases every
//! chunk whose period has passed. Periods are counted in blocks, never in
//! wall-clock time, because dev-seal timestamps are not trustworthy.
//!
//! Every money path uses checked arithmetic.

#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;
pub use types::*;

pub mod types;
pub mod weights;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
    use super::*;
    use crate::weights::WeightInfo;
    use polkadot_sdk::{
        frame_support::{
            pallet_prelude::*,
            traits::{
                fungible::{Inspect, InspectHold, Mutate, MutateHold},
                tokens::Precision,
            },
        },
        frame_system::{self, pallet_prelude::*},
        sp_runtime::traits::{CheckedAdd, CheckedSub, Saturating, Zero},
    };

    /// The balance type of the configured currency.
    pub type BalanceOf<T> =
        <<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

    /// The ledger type stored per (account, role).
    pub type LedgerOf<T> =
        StakeLedger<BalanceOf<T>, BlockNumberFor<T>, <T as Config>::MaxUnbondingChunks>;

    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Why this pallet holds funds. One reason per role, so a wallet or explorer
    /// can tell a solver's bond from a verifier's.
    #[pallet::composite_enum]
    pub enum HoldReason {
        /// Bonded as a solver.
        SolverStake,
        /// Bonded as a verifier.
        VerifierStake,
        /// Bonded as a whistleblower.
        WhistleblowerStake,
    }

    impl From<Role> for HoldReason {
        fn from(role: Role) -> Self {
            match role {
                Role::Solver => HoldReason::SolverStake,
                Role::Verifier => HoldReason::VerifierStake,
                Role::Whistleblower => HoldReason::WhistleblowerStake,
            }
        }
    }

    #[pallet::config]
    pub trait Config: polkadot_sdk::frame_system::Config {
        /// The native token; stakes are holds on it.
        type Currency: Inspect<Self::AccountId>
            + Mutate<Self::AccountId>
            + InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
            + MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

        /// The runtime's aggregated hold reason.
        type RuntimeHoldReason: From<HoldReason>;

        /// Minimum active stake of a solver.
        #[pallet::constant]
        type MinSolverStake: Get<BalanceOf<Self>>;

        /// Minimum active stake of a verifier.
        #[pallet::constant]
        type MinVerifierStake: Get<BalanceOf<Self>>;

        /// Minimum active stake of a whistleblower.
        #[pallet::constant]
        type MinWhistleblowerStake: Get<BalanceOf<Self>>;

        /// Blocks between `unstake` and the moment the tokens can be withdrawn.
        #[pallet::constant]
        type UnbondingPeriod: Get<BlockNumberFor<Self>>;

        /// Most unbonding chunks one (account, role) may have in flight.
        #[pallet::constant]
        type MaxUnbondingChunks: Get<u32>;

        /// Weights of this pallet's calls.
        type WeightInfo: WeightInfo;
    }

    /// The stake ledger of each (account, role). Absent means "not staked".
    #[pallet::storage]
    pub type Stakes<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, Role, LedgerOf<T>>;

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// `who` bonded `amount` more as `role`; its active stake is now `active`.
        Staked { who: T::AccountId, role: Role, amount: BalanceOf<T>, active: BalanceOf<T> },
        /// `who` started unbonding `amount` of its `role` stake; withdrawable at `unlock_at`.
        Unbonding {
            who: T::AccountId,
            role: Role,
            amount: BalanceOf<T>,
            unlock_at: BlockNumberFor<T>,
        },
        /// `who` withdrew `amount` of unbonded `role` stake back to its free balance.
        Withdrawn { who: T::AccountId, role: Role, amount: BalanceOf<T> },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// The amount must be greater than zero.
        ZeroAmount,
        /// The resulting active stake would be below the role's minimum (and not zero).
        BelowMinimumStake,
        /// The account's free balance cannot cover the stake.
        InsufficientBalance,
        /// The account has no stake for this role.
        NotStaked,
        /// The amount exceeds the account's active stake for this role.
        InsufficientActiveStake,
        /// Too many unbonding chunks in flight; withdraw some first.
        TooManyUnbondingChunks,
        /// Nothing is unbonding for this role.
        NothingToWithdraw,
        /// Unbonding chunks exist, but none has reached its unlock block yet.
        WithdrawTooEarly,
        /// An arithmetic overflow on a money path.
        Overflow,
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Bond `amount` more tokens as `role`.
        ///
        /// The resulting active stake must reach the role's minimum.
        #[pallet::call_index(0)]
        #[pallet::weight(T::WeightInfo::stake())]
        pub fn stake(
            origin: OriginFor<T>,
            role: Role,
            #[pallet::compact] amount: BalanceOf<T>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
            let mut ledger = Stakes::<T>::get(&who, role).unwrap_or_default();
            let active = ledger.active.checked_add(&amount).ok_or(Error::<T>::Overflow)?;
            ensure!(active >= Self::min_stake(role), Error::<T>::BelowMinimumStake);
            T::Currency::hold(&HoldReason::from(role).into(), &who, amount)
                .map_err(|_| Error::<T>::InsufficientBalance)?;
            ledger.active = active;
            Stakes::<T>::insert(&who, role, ledger);
            Self::deposit_event(Event::Staked { who, role, amount, active });
            Ok(())
        }

        /// Start unbonding `amount` of the `role` stake.
        ///
        /// What stays active must be zero or at least the role's minimum. The
        /// tokens stay held until `withdraw_unbonded` after the unbonding period.
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::unstake())]
        pub fn unstake(
            origin: OriginFor<T>,
            role: Role,
            #[pallet::compact] amount: BalanceOf<T>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
            let mut ledger = Stakes::<T>::get(&who, role).ok_or(Error::<T>::NotStaked)?;
            let remaining =
                ledger.active.checked_sub(&amount).ok_or(Error::<T>::InsufficientActiveStake)?;
            ensure!(
                remaining.is_zero() || remaining >= Self::min_stake(role),
                Error::<T>::BelowMinimumStake
            );
            let now = frame_system::Pallet::<T>::block_number();
            let unlock_at =
                now.checked_add(&T::UnbondingPeriod::get()).ok_or(Error::<T>::Overflow)?;
            // Two unstakes in one block share a chunk, so the bound is on blocks, not calls.
            match ledger.unbonding.iter_mut().find(|c| c.unlock_at == unlock_at) {
                Some(chunk) =>
                    chunk.amount = chunk.amount.checked_add(&amount).ok_or(Error::<T>::Overflow)?,
                None => ledger
                    .unbonding
                    .try_push(UnbondChunk { amount, unlock_at })
                    .map_err(|_| Error::<T>::TooManyUnbondingChunks)?,
            }
            ledger.active = remaining;
            Stakes::<T>::insert(&who, role, ledger);
            Self::deposit_event(Event::Unbonding { who, role, amount, unlock_at });
            Ok(())
        }

        /// Release every unbonding chunk of `role` whose unlock block has passed.
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::withdraw_unbonded())]
        pub fn withdraw_unbonded(origin: OriginFor<T>, role: Role) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let mut ledger = Stakes::<T>::get(&who, role).ok_or(Error::<T>::NotStaked)?;
            ensure!(!ledger.unbonding.is_empty(), Error::<T>::NothingToWithdraw);
            let now = frame_system::Pallet::<T>::block_number();
            let mut amount = BalanceOf::<T>::zero();
            for chunk in ledger.unbonding.iter().filter(|c| c.unlock_at <= now) {
                amount = amount.checked_add(&chunk.amount).ok_or(Error::<T>::Overflow)?;
            }
            ensure!(!amount.is_zero(), Error::<T>::WithdrawTooEarly);
            ledger.unbonding.retain(|c| c.unlock_at > now);
            T::Currency::release(&HoldReason::from(role).into(), &who, amount, Precision::Exact)?;
            if ledger.is_empty() {
                Stakes::<T>::remove(&who, role);
            } else {
                Stakes::<T>::insert(&who, role, ledger);
            }
            Self::deposit_event(Event::Withdrawn { who, role, amount });
            Ok(())
        }
    }

    impl<T: Config> Pallet<T> {
        /// The minimum active stake of `role`.
        pub fn min_stake(role: Role) -> BalanceOf<T> {
            match role {
                Role::Solver => T::MinSolverStake::get(),
                Role::Verifier => T::MinVerifierStake::get(),
                Role::Whistleblower => T::MinWhistleblowerStake::get(),
            }
        }

        /// Total tokens `who` has bonded as `role` (active + unbonding).
        pub fn total_bonded(who: &T::AccountId, role: Role) -> BalanceOf<T> {
            Stakes::<T>::get(who, role)
                .map(|l| {
                    l.unbonding.iter().fold(l.active, |acc, c| acc.saturating_add(c.amount))
                })
                .unwrap_or_default()
        }
    }
}
