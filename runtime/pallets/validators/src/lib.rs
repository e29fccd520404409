//! The devnet's validator registry and consensus mode.
//!
//! - **Mode.** [`SlotDuration`] is fixed at genesis: zero for the
//!   instant-seal devnet (no slots; blocks come when a client or a timer
//!   asks), non-zero for the proof-of-stake devnet, whose BABE slot it is.
//!   One runtime serves both; the runtime reads the mode to pick its
//!   timestamp rule and its randomness.
//! - **Registry.** The validator set is a list that an origin (root on the
//!   devnet: sudo) edits. It is a `pallet_session::SessionManager`: a change
//!   is handed to the session pallet at the next session boundary, and
//!   becomes the active set one session later, as session keys do (so no
//!   key counts before the epoch randomness it will be drawn against is
//!   fixed). This is deliberately not `pallet-staking`'s elections: the
//!   devnet wants a set it can change in a test, not an economy.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
    use alloc::vec::Vec;
    use polkadot_sdk::{
        frame_support::{pallet_prelude::*, BoundedVec},
        frame_system::pallet_prelude::*,
        pallet_session,
        sp_runtime::traits::Zero,
    };

    /// The pallet.
    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Configuration.
    #[pallet::config]
    pub trait Config:
        polkadot_sdk::frame_system::Config
        + pallet_session::Config<ValidatorId = <Self as polkadot_sdk::frame_system::Config>::AccountId>
    {
        /// Who may add and remove validators.
        type ManageOrigin: EnsureOrigin<Self::RuntimeOrigin>;
        /// The largest validator set.
        #[pallet::constant]
        type MaxValidators: Get<u32>;
    }

    /// The validator set the next session change hands to the session pallet.
    #[pallet::storage]
    pub type Validators<T: Config> = StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

    /// The set changed since the last session change.
    #[pallet::storage]
    pub type Changed<T> = StorageValue<_, bool, ValueQuery>;

    /// The BABE slot in milliseconds; zero on an instant-seal chain.
    #[pallet::storage]
    pub type SlotDuration<T> = StorageValue<_, u64, ValueQuery>;

    /// Genesis: the first validators and the chain's mode.
    #[pallet::genesis_config]
    #[derive(polkadot_sdk::frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// The validators of session 0 (their keys go in the session pallet's
        /// genesis).
        pub validators: Vec<T::AccountId>,
        /// The BABE slot in milliseconds; zero for instant seal.
        pub slot_duration: u64,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            let mut seen = Vec::new();
            for v in &self.validators {
                assert!(!seen.contains(v), "a genesis validator is listed twice");
                seen.push(v.clone());
            }
            let set: BoundedVec<_, T::MaxValidators> =
                self.validators.clone().try_into().expect("more genesis validators than MaxValidators");
            Validators::<T>::put(set);
            SlotDuration::<T>::put(self.slot_duration);
        }
    }

    /// Events.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// `who` joins the set at the session after next.
        ValidatorAdded { who: T::AccountId },
        /// `who` leaves the set at the session after next.
        ValidatorRemoved { who: T::AccountId },
    }

    /// Errors.
    #[pallet::error]
    pub enum Error<T> {
        /// The account is a validator already.
        AlreadyValidator,
        /// The account is not a validator.
        NotValidator,
        /// The set is full.
        TooManyValidators,
        /// The set may not become empty: nobody would author or finalize.
        LastValidator,
        /// The account has no session keys (`session.set_keys` first): the
        /// session pallet would skip it.
        NoSessionKeys,
        /// The chain seals instantly: it has no validators to change.
        NoSlots,
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Adds `who` to the validator set from the session after next.
        #[pallet::call_index(0)]
        #[pallet::weight(T::DbWeight::get().reads_writes(3, 2))]
        pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
            T::ManageOrigin::ensure_origin(origin)?;
            ensure!(!SlotDuration::<T>::get().is_zero(), Error::<T>::NoSlots);
            ensure!(pallet_session::NextKeys::<T>::contains_key(&who), Error::<T>::NoSessionKeys);
            Validators::<T>::try_mutate(|set| {
                ensure!(!set.contains(&who), Error::<T>::AlreadyValidator);
                set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)
            })?;
            Changed::<T>::put(true);
            Self::deposit_event(Event::ValidatorAdded { who });
            Ok(())
        }

        /// Removes `who` from the validator set from the session after next.
        #[pallet::call_index(1)]
        #[pallet::weight(T::DbWeight::get().reads_writes(2, 2))]
        pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
            T::ManageOrigin::ensure_origin(origin)?;
            Validators::<T>::try_mutate(|set| {
                let at = set.iter().position(|v| v == &who).ok_or(Error::<T>::NotValidator)?;
                ensure!(set.len() > 1, Error::<T>::LastValidator);
                set.remove(at);
                Ok::<_, Error<T>>(())
            })?;
            Changed::<T>::put(true);
            Self::deposit_event(Event::ValidatorRemoved { who });
            Ok(())
        }
    }

    impl<T: Config> Pallet<T> {
        /// The BABE slot in milliseconds; zero on an instant-seal chain.
        pub fn slot_duration() -> u64 {
            SlotDuration::<T>::get()
        }

        /// The chain runs BABE slots (the proof-of-stake devnet).
        pub fn has_slots() -> bool {
            !SlotDuration::<T>::get().is_zero()
        }
    }

    impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
        fn new_session(_: u32) -> Option<Vec<T::AccountId>> {
            // Only a change is handed on: an unchanged set keeps GRANDPA's
            // authority set id, so no needless set change is signalled.
            Changed::<T>::take().then(|| Validators::<T>::get().into_inner())
        }
        fn new_session_genesis(_: u32) -> Option<Vec<T::AccountId>> {
            // An empty list falls back to the session pallet's genesis keys.
            let set = Validators::<T>::get();
            (!set.is_empty()).then(|| set.into_inner())
        }
        fn end_session(_: u32) {}
        fn start_session(_: u32) {}
    }
}
