//! The devnet's validator registry and consensus mode.
//!
//! - **Mode.** [`SlotDuration`] is fixed at genesis: zero for the
//!   instant-seal devnet (no slots; blocks come when a client or a timer
//!   asks), non-zero for the proof-of-stake devnet, whose BABE slot it is.
//!   One runtime serves both; the runtime reads the mode to pick its
//!   timestamp rule and its randomness.
//! - **Registry.** The validator set is a list that an origin (root on the
//!   devnet: sudo) edits. It is a `pallet_session::SessionManager`. A member's
//!   session keys are frozen: keys are set and purged through this pallet
//!   ([`Pallet::set_keys`], [`Pallet::purge_keys`]), which refuses members
//!   (the runtime filters the session pallet's own calls), so a validator
//!   cannot swap in a key ground against randomness it has seen, nor purge
//!   its way to an empty set. An account added in session `s` is handed to
//!   the session pallet at the rotation into `s + 2` and validates from
//!   `s + 3`: the first BABE randomness its key is used with is made of VRF
//!   outputs all revealed after the key was frozen. A removal is handed on at
//!   the next rotation. This is deliberately not `pallet-staking`'s
//!   elections: the devnet wants a set it can change in a test, not an
//!   economy.
//! - **Epoch beacon.** BABE folds only *primary* VRF outputs into its epoch
//!   randomness, and an epoch may have none. The pallet hashes every block's
//!   VRF output, primary or secondary, into a per-epoch accumulator
//!   ([`EpochBeacon`]); the protocol's randomness is the last finished epoch's
//!   ([`Pallet::last_epoch_beacon`]), so one honest block in an epoch makes it
//!   unknown to everyone else until that block appears.

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
        sp_runtime::traits::{BlakeTwo256, Hash as _, Zero},
    };

    /// Where the block's VRF output comes from (BABE in the runtime).
    pub trait BlockVrf {
        /// This block's VRF output (primary or secondary slot), if it has one.
        /// Read in `on_finalize`.
        fn output() -> Option<[u8; 32]>;
        /// The consensus epoch this block belongs to.
        fn epoch() -> u64;
    }

    /// The VRF outputs of one epoch's blocks, hashed in block order.
    #[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
    pub struct Accumulator<BlockNumber> {
        /// The epoch.
        pub epoch: u64,
        /// The first block of the epoch on this chain.
        pub start: BlockNumber,
        /// `blake2(… blake2(0 ‖ v₁) … ‖ vₙ)` over the epoch's outputs.
        pub acc: [u8; 32],
        /// How many outputs went in.
        pub outputs: u32,
    }

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
        /// The block's VRF output and epoch.
        type BlockVrf: BlockVrf;
    }

    /// The validator set the next session change hands to the session pallet.
    #[pallet::storage]
    pub type Validators<T: Config> = StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

    /// The session in which an account was added (absent: a genesis validator).
    #[pallet::storage]
    pub type AddedAt<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, u32>;

    /// The set last handed to the session pallet.
    #[pallet::storage]
    pub type Handed<T: Config> = StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

    /// The current epoch's VRF accumulator.
    #[pallet::storage]
    pub type EpochBeacon<T: Config> = StorageValue<_, Accumulator<BlockNumberFor<T>>>;

    /// The last finished epoch's VRF accumulator.
    #[pallet::storage]
    pub type LastEpochBeacon<T: Config> = StorageValue<_, Accumulator<BlockNumberFor<T>>>;

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
            // BABE's slot is twice the timestamp's minimum period: an odd
            // slot would round, and a slot of 1 ms would be zero.
            assert!(
                self.slot_duration == 0 || (self.slot_duration >= 2 && self.slot_duration % 2 == 0),
                "the slot duration is 0 (instant seal) or an even number of milliseconds"
            );
            let set: BoundedVec<_, T::MaxValidators> =
                self.validators.clone().try_into().expect("more genesis validators than MaxValidators");
            Validators::<T>::put(set.clone());
            Handed::<T>::put(set);
            SlotDuration::<T>::put(self.slot_duration);
        }
    }

    /// Events.
    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// `who` joins the set; it validates from session `from`.
        ValidatorAdded { who: T::AccountId, from: u32 },
        /// `who` leaves the set at the session after next.
        ValidatorRemoved { who: T::AccountId },
        /// `who` set its session keys (they count once it is added).
        KeysSet { who: T::AccountId },
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
        /// A validator's keys are frozen: leave the set (`remove_validator`)
        /// before changing them.
        KeysFrozen,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn on_finalize(now: BlockNumberFor<T>) {
            if Self::has_slots() {
                Self::accumulate(now, T::BlockVrf::epoch(), T::BlockVrf::output());
            }
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Adds `who`, whose keys are set, to the validator set: it
        /// validates from the third session after this one, and its keys are
        /// frozen from now.
        #[pallet::call_index(0)]
        #[pallet::weight(T::DbWeight::get().reads_writes(4, 3))]
        pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
            T::ManageOrigin::ensure_origin(origin)?;
            ensure!(!SlotDuration::<T>::get().is_zero(), Error::<T>::NoSlots);
            ensure!(pallet_session::NextKeys::<T>::contains_key(&who), Error::<T>::NoSessionKeys);
            Validators::<T>::try_mutate(|set| {
                ensure!(!set.contains(&who), Error::<T>::AlreadyValidator);
                set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)
            })?;
            let now = pallet_session::CurrentIndex::<T>::get();
            AddedAt::<T>::insert(&who, now);
            Self::deposit_event(Event::ValidatorAdded { who, from: now.saturating_add(ACTIVATION_DELAY) });
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
            AddedAt::<T>::remove(&who);
            Self::deposit_event(Event::ValidatorRemoved { who });
            Ok(())
        }

        /// Sets the caller's session keys, as `session.set_keys` does, unless
        /// the caller is in the set (its keys are frozen there).
        #[pallet::call_index(2)]
        #[pallet::weight(T::DbWeight::get().reads_writes(4, 4))]
        pub fn set_keys(origin: OriginFor<T>, keys: T::Keys, proof: Vec<u8>) -> DispatchResult {
            let who = ensure_signed(origin.clone())?;
            ensure!(!Validators::<T>::get().contains(&who), Error::<T>::KeysFrozen);
            pallet_session::Pallet::<T>::set_keys(origin, keys, proof)?;
            Self::deposit_event(Event::KeysSet { who });
            Ok(())
        }

        /// Purges the caller's session keys, unless the caller is in the set.
        #[pallet::call_index(3)]
        #[pallet::weight(T::DbWeight::get().reads_writes(3, 3))]
        pub fn purge_keys(origin: OriginFor<T>) -> DispatchResult {
            let who = ensure_signed(origin.clone())?;
            ensure!(!Validators::<T>::get().contains(&who), Error::<T>::KeysFrozen);
            pallet_session::Pallet::<T>::purge_keys(origin)
        }
    }

    /// Sessions from `add_validator` to the first the account validates in.
    pub const ACTIVATION_DELAY: u32 = 3;

    impl<T: Config> Pallet<T> {
        /// The BABE slot in milliseconds; zero on an instant-seal chain.
        pub fn slot_duration() -> u64 {
            SlotDuration::<T>::get()
        }

        /// The chain runs BABE slots (the proof-of-stake devnet).
        pub fn has_slots() -> bool {
            !SlotDuration::<T>::get().is_zero()
        }

        /// The last finished epoch's accumulator, if it holds an output.
        pub fn last_epoch_beacon() -> Option<Accumulator<BlockNumberFor<T>>> {
            LastEpochBeacon::<T>::get().filter(|b| b.outputs > 0)
        }

        /// Folds block `now`'s VRF `output` (of `epoch`) into the epoch's
        /// accumulator, closing the previous epoch's at its first block.
        pub fn accumulate(now: BlockNumberFor<T>, epoch: u64, output: Option<[u8; 32]>) {
            let mut acc = match EpochBeacon::<T>::get() {
                Some(a) if a.epoch == epoch => a,
                previous => {
                    if let Some(p) = previous {
                        LastEpochBeacon::<T>::put(p);
                    }
                    Accumulator { epoch, start: now, acc: [0; 32], outputs: 0 }
                }
            };
            if let Some(v) = output {
                acc.acc = BlakeTwo256::hash(&[acc.acc, v].concat()).0;
                acc.outputs = acc.outputs.saturating_add(1);
            }
            EpochBeacon::<T>::put(acc);
        }
    }

    impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
        fn new_session(new_index: u32) -> Option<Vec<T::AccountId>> {
            // `new_index` is planned now and starts at the next rotation: an
            // account added in session `s` is first in the set planned for
            // `s + ACTIVATION_DELAY`.
            let eligible: Vec<T::AccountId> = Validators::<T>::get()
                .into_iter()
                .filter(|v| AddedAt::<T>::get(v).is_none_or(|s| s.saturating_add(ACTIVATION_DELAY) <= new_index))
                .collect();
            // Only a change is handed on: an unchanged set keeps GRANDPA's
            // authority set id, so no needless set change is signalled.
            if eligible.is_empty() || eligible == Handed::<T>::get().into_inner() {
                return None;
            }
            Handed::<T>::put(BoundedVec::truncate_from(eligible.clone()));
            Some(eligible)
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
