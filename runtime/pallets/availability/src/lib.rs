//! Proof of availability: the chain's record of which artefacts the
//! validators hold, erasure-coded, for how long, and who answers for them.
//!
//! An artefact (a spec, a dataset, a checkpoint, a step record) is cut into
//! `n` shards, one per holder (the validators), any `k = ⌊(n−1)/3⌋ + 1` of
//! which recover it (`gensyn_commitment::erasure`, encoded by
//! `gensyn-availability`). The protocol names an artefact by the commitment
//! it already knows (a spec hash, a dataset root, a state hash); this pallet
//! maps that commitment to its erasure commitment and tracks it:
//!
//! 1. **Register.** A holder whose node received the whole artefact and
//!    recomputed its commitment registers `(commitment, erasure root, len,
//!    k, n)` with a retention class ([`Retention`]), signed with its store
//!    key; that counts as its own attestation. The holder set is snapshot:
//!    shard `i` is owed by holder `i`. Each encoding of a name has an entry
//!    of its own ([`Artefacts`], keyed by [`ErasureCommitment::id`]): a
//!    holder registering other bytes under an honest artefact's name, first
//!    or meanwhile, blocks nobody, and one registering the honest encoding
//!    first (to shorten its window or its class) is overridden by the
//!    honest registrar's renewal.
//! 2. **Attest.** Each holder that keeps its shard and has checked the
//!    encoding (its node rebuilt the bytes from `k` shards and recomputed
//!    the commitment) attests with its store key. Once more than two thirds
//!    of the snapshot attest one encoding within [`Config::AttestWindow`]
//!    blocks the artefact is available in it ([`Chosen`],
//!    [`Pallet::is_available`]) and no other encoding can be; past that
//!    with fewer it is not, and the protocol's clock runs against the party
//!    that owed it (C7). Any honest two thirds hold at least `k` shards, so
//!    an artefact the chain calls available can be read while a third
//!    withhold, and decodes to the committed bytes unless more than a third
//!    attested bytes they never checked.
//! 3. **Sample.** Each block draws [`Config::ChallengesPerBlock`]
//!    challenges from the chain's randomness: an available artefact, one of
//!    its attesting holders, one piece of that holder's shard. The piece,
//!    with its proofs, must reach the chain within [`Config::AnswerWindow`]
//!    blocks ([`Pallet::answer`], checked in a few hashes); otherwise the
//!    holder's bond is slashed by [`Config::MissedChallengeSlash`].
//! 4. **Prune.** Every entry has an expiry block, from its retention class
//!    and extended by the protocol while a window still needs the data
//!    ([`Pallet::retain`]). `on_initialize` prunes the entries due (at
//!    most [`Config::MaxExpiriesPerBlock`] a block, the rest the next: late
//!    under a flood, never early), and the holders delete their shards.
//!
//! Registration, attestation and answers are authorized general
//! transactions (`#[pallet::authorize]`): a holder's node signs them with a
//! key of its own, so no account's nonce is shared with its users and no fee
//! is needed, and each carries a tag the pool deduplicates on.
//!
//! Storage is paid for. Whoever asks a node to store an artefact (the
//! submitter for a spec and its dataset, the solver for its checkpoints)
//! signs a payment for that one encoding ([`payment_message`]) with its
//! account key, and the registration carries it: the entry holds the
//! payer's [`Config::DepositBase`] plus [`Config::DepositPerKiB`] per KiB
//! until it is pruned or fails, and counts against the payer's quota of
//! [`Config::MaxLivePerPayer`] live entries, never the validator's. So
//! filling the chain or the holders' stores costs the filler held funds in
//! proportion to what it fills, and a validator's own puts cannot be
//! crowded out by somebody else's free ones. Chain storage stays bounded:
//! every entry is of bounded size and backed by at least the base deposit.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub mod weights;

/// The store key: the sr25519 key a holder's node signs its registrations
/// and attestations with (key type `gsto`), apart from any account.
pub mod crypto {
    mod app {
        use polkadot_sdk::sp_application_crypto::{app_crypto, sr25519, KeyTypeId};
        app_crypto!(sr25519, KeyTypeId(*b"gsto"));
    }
    polkadot_sdk::sp_application_crypto::with_pair! {
        /// A store key pair.
        pub type StorePair = app::Pair;
    }
    /// A store key's signature.
    pub type StoreSignature = app::Signature;
    /// A store key.
    pub type StoreId = app::Public;
}

/// The artefact's name in the protocol: the commitment the chain knows it by.
pub type Hash = gensyn_commitment::hash::Hash;

pub use gensyn_commitment::erasure::ErasureCommitment;

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
    use super::*;
    use crate::weights::WeightInfo;
    use alloc::vec::Vec;
    use gensyn_commitment::{
        erasure::{self, PIECE_LEN},
        merkle::Proof,
    };
    use polkadot_sdk::{
        frame_support::{
            pallet_prelude::*,
            traits::{
                fungible::{Inspect, InspectHold, Mutate, MutateHold},
                tokens::{Fortitude, Precision},
                Randomness,
            },
        },
        frame_system::{self, pallet_prelude::*},
        sp_runtime::{
            traits::{IdentifyAccount, Saturating, Verify, Zero},
            RuntimeAppPublic,
        },
    };

    /// The balance type of the configured currency.
    pub type BalanceOf<T> = <<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

    /// A stored entry.
    pub type EntryOf<T> =
        Entry<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>, <T as Config>::MaxHolders>;

    /// A signed registration.
    pub type RegistrationOf<T> = Registration<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

    /// A signed attestation.
    pub type AttestationOf<T> = Attestation<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

    /// A store key's signature.
    pub type SignatureOf<T> = <<T as Config>::StoreId as RuntimeAppPublic>::Signature;

    /// Most commitments one attestation names.
    pub const MAX_ATTEST: u32 = 64;

    /// How long the chain keeps an artefact, before the protocol extends it.
    #[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo)]
    pub enum Retention {
        /// A task's spec and dataset: [`Config::TrainingDataWindow`].
        TrainingData,
        /// Checkpoints and step records a verdict or dispute replays from:
        /// [`Config::ProofDataWindow`], a few blocks past the window that
        /// needs them once the protocol says which ([`Pallet::retain`]).
        ProofData,
    }

    /// What a registering holder signs.
    #[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
    pub struct Registration<AccountId, BlockNumber> {
        /// The protocol's commitment to the artefact.
        pub commitment: Hash,
        /// Its erasure commitment, for the current holder set.
        pub erasure: ErasureCommitment,
        /// How long to keep it.
        pub retention: Retention,
        /// The registering holder (whose store key signs).
        pub holder: AccountId,
        /// [`holders_hash`] of the holder list the shards were cut for, in
        /// its order: at a session change that reorders a same-size set
        /// between the encoding and the registration's block, the holders'
        /// indices would no longer be their shards' (the registrar would
        /// attest a shard it does not keep, and be slashed for it), so the
        /// registration is refused instead.
        pub holders: Hash,
        /// A recent block, so an old registration cannot be replayed.
        pub at: BlockNumber,
        /// The account that pays the storage deposit: its signature of
        /// [`payment_message`] comes with the call.
        pub payer: AccountId,
        /// The recent block its payment names: a payment is spent on one
        /// entry, and is stale before that entry can fail or be pruned, so
        /// it is never spent twice.
        pub paid_at: BlockNumber,
    }

    /// A payment as a client hands it to a holder's node with its artefact
    /// (`gensyn_storePut`): the node puts `payer` and `at` in its
    /// registration and the signature beside it.
    #[derive(Clone, PartialEq, Eq, Debug, Encode, Decode)]
    pub struct Payment<AccountId, BlockNumber, Signature> {
        /// Who pays the deposit.
        pub payer: AccountId,
        /// The recent block it was signed at.
        pub at: BlockNumber,
        /// The payer's signature of [`payment_message`].
        pub signature: Signature,
    }

    /// A payment for this runtime.
    pub type PaymentOf<T> =
        Payment<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, <T as Config>::PayerSignature>;

    /// What an attesting holder signs: it keeps its shard of each.
    #[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
    pub struct Attestation<AccountId, BlockNumber> {
        /// The attesting holder.
        pub holder: AccountId,
        /// The artefacts whose shard it keeps, each with the encoding its
        /// shard checks against ([`ErasureCommitment::id`]): an
        /// attestation counts only for that encoding, never for another
        /// registered under the same name.
        pub commitments: BoundedVec<(Hash, Hash), ConstU32<MAX_ATTEST>>,
        /// A recent block.
        pub at: BlockNumber,
    }

    /// Where an entry stands.
    #[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
    pub enum Status {
        /// Collecting attestations until `deadline`.
        Pending,
        /// More than two thirds attested: `live` is its place in [`Live`].
        Available { live: u32 },
    }

    /// One registered artefact.
    #[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
    #[scale_info(skip_type_params(MaxHolders))]
    pub struct Entry<AccountId, Balance, BlockNumber, MaxHolders: Get<u32>> {
        /// Root, length and shape.
        pub erasure: ErasureCommitment,
        /// Its retention class.
        pub retention: Retention,
        /// Who registered it.
        pub registrar: AccountId,
        /// Who pays for it: its deposit is held from this account, and the
        /// entry counts against its quota.
        pub payer: AccountId,
        /// The deposit held (released when the entry is pruned or replaced).
        pub deposit: Balance,
        /// The holder set at registration: holder `i` owes shard `i`.
        pub holders: BoundedVec<AccountId, MaxHolders>,
        /// One bit per holder (bit `i % 8` of byte `i / 8`): it attested.
        pub attested: BoundedVec<u8, ConstU32<{ erasure::MAX_SHARDS as u32 / 8 }>>,
        /// How many attested.
        pub count: u16,
        /// The block it was first registered at: renewals keep it no longer
        /// than its class's window from here.
        pub since: BlockNumber,
        /// The last block an attestation counts in.
        pub deadline: BlockNumber,
        /// The block it is pruned at (or soon after, under a flood).
        pub expires: BlockNumber,
        /// Its slot in that block's [`Expiring`] queue.
        pub slot: u32,
        /// Pending or available.
        pub status: Status,
    }

    impl<A, V, B, M: Get<u32>> Entry<A, V, B, M> {
        /// Whether holder `i` attested.
        pub fn has_attested(&self, i: usize) -> bool {
            self.attested.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0)
        }
        /// The holders that attested, with their shard index.
        pub fn attesters(&self) -> impl Iterator<Item = (u16, &A)> {
            self.holders.iter().enumerate().filter(|(i, _)| self.has_attested(*i)).map(|(i, a)| (i as u16, a))
        }
    }

    /// An open challenge: `holder` owes piece `piece` of shard `shard`.
    #[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
    pub struct Challenge<AccountId, BlockNumber> {
        /// The challenged holder.
        pub holder: AccountId,
        /// The piece it must produce.
        pub piece: u32,
        /// The block it is settled at, before that block's transactions: an
        /// answer counts up to the block before.
        pub due: BlockNumber,
        /// The artefact's erasure commitment (kept, so an answer still
        /// checks if the entry is pruned meanwhile).
        pub erasure: ErasureCommitment,
    }

    /// What a registration does.
    pub(crate) enum Plan<AccountId, Entry> {
        /// A new entry for the encoding, for these holders (replacing one
        /// that missed its deadline).
        New(Vec<AccountId>),
        /// The encoding's pending entry, renewed by a holder that had not
        /// attested it.
        Renew(Entry),
    }

    /// A stored challenge.
    pub type ChallengeOf<T> = Challenge<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

    /// Where the pallet reads the holders from: the validator set.
    pub trait HolderSet<AccountId> {
        /// The current holders, in a fixed order (shard `i` for holder `i`).
        fn holders() -> Vec<AccountId>;
    }

    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Why this pallet holds funds.
    #[pallet::composite_enum]
    pub enum HoldReason {
        /// A holder's bond, slashed on a missed challenge.
        HolderBond,
        /// A payer's deposit for an entry it asked to be stored.
        StorageDeposit,
    }

    #[pallet::config]
    pub trait Config: polkadot_sdk::frame_system::Config {
        /// The native token; bonds are holds on it.
        type Currency: Inspect<Self::AccountId>
            + Mutate<Self::AccountId>
            + InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
            + MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
        /// The runtime's aggregated hold reason.
        type RuntimeHoldReason: From<HoldReason>;
        /// The challenges' randomness: BABE's epoch beacon on the PoS chain.
        type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;
        /// The holders: the validators.
        type Holders: HolderSet<Self::AccountId>;
        /// A holder's store key.
        type StoreId: Member + Parameter + RuntimeAppPublic + Ord + MaxEncodedLen + MaybeSerializeDeserialize;
        /// A payer's signature of [`payment_message`], by its account key.
        type PayerSignature: Verify<Signer: IdentifyAccount<AccountId = Self::AccountId>> + Member + Parameter;
        /// The largest holder set (at most `erasure::MAX_SHARDS`).
        #[pallet::constant]
        type MaxHolders: Get<u32>;
        /// Entries one payer may have stored and not yet pruned.
        #[pallet::constant]
        type MaxLivePerPayer: Get<u32>;
        /// The deposit every entry holds from its payer (its chain storage).
        #[pallet::constant]
        type DepositBase: Get<BalanceOf<Self>>;
        /// The deposit per KiB of the artefact (the holders' disks), on top.
        #[pallet::constant]
        type DepositPerKiB: Get<BalanceOf<Self>>;
        /// The longest artefact, in bytes (what a node's store takes whole):
        /// a registrar naming more would have holders keep and check
        /// shards of bytes nobody could put.
        #[pallet::constant]
        type MaxArtefactLen: Get<u32>;
        /// Entries that may expire at one block.
        #[pallet::constant]
        type MaxExpiriesPerBlock: Get<u32>;
        /// Blocks from registration to the last attestation that counts (D).
        #[pallet::constant]
        type AttestWindow: Get<BlockNumberFor<Self>>;
        /// Blocks a challenged holder has to answer (C).
        #[pallet::constant]
        type AnswerWindow: Get<BlockNumberFor<Self>>;
        /// Challenges drawn each block.
        #[pallet::constant]
        type ChallengesPerBlock: Get<u32>;
        /// Retention of training data, in blocks from registration.
        #[pallet::constant]
        type TrainingDataWindow: Get<BlockNumberFor<Self>>;
        /// Retention of proof data, in blocks from registration.
        #[pallet::constant]
        type ProofDataWindow: Get<BlockNumberFor<Self>>;
        /// The bond a holder must hold for its attestations to count.
        #[pallet::constant]
        type HolderBond: Get<BalanceOf<Self>>;
        /// What one missed challenge burns of the holder's bond.
        #[pallet::constant]
        type MissedChallengeSlash: Get<BalanceOf<Self>>;
        /// Weights.
        type WeightInfo: WeightInfo;
    }

    /// Registered encodings, by the protocol's commitment and the encoding's
    /// id ([`ErasureCommitment::id`]: root, length and shape). One name may have several side by side: a holder that
    /// registers other bytes under an honest artefact's name (or first)
    /// gets an entry of its own and blocks nobody; the first encoding past
    /// two thirds is the artefact's ([`Chosen`]).
    #[pallet::storage]
    pub type Artefacts<T: Config> = StorageDoubleMap<_, Identity, Hash, Identity, Hash, EntryOf<T>>;

    /// The encoding (its id) of each available artefact: the first that
    /// reached two thirds. Reads, challenges and retention use it.
    #[pallet::storage]
    pub type Chosen<T: Config> = StorageMap<_, Identity, Hash, Hash>;

    /// The entries `(commitment, encoding id)` expiring at each block, by
    /// slot. Never full: a block may have any number (they are bounded by
    /// the registrars' quotas), and pruning works through them at most
    /// [`Config::MaxExpiriesPerBlock`] a block, late under a flood but
    /// never early — a full queue must not make the protocol's `retain`
    /// fail, or a flood of registrations could prune a checkpoint a
    /// dispute still needs.
    #[pallet::storage]
    pub type Expiring<T: Config> =
        StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, u32, (Hash, Hash)>;

    /// Slots taken at each block of [`Expiring`] (freed ones included).
    #[pallet::storage]
    pub type ExpiringLen<T: Config> = StorageMap<_, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

    /// Where pruning stands: the block and slot of [`Expiring`] it looks at
    /// next (never past the current block).
    #[pallet::storage]
    pub type PruneCursor<T: Config> = StorageValue<_, (BlockNumberFor<T>, u32), ValueQuery>;

    /// Available artefacts (their encoding is [`Chosen`]), densely numbered
    /// so a challenge draws one in O(1).
    #[pallet::storage]
    pub type Live<T: Config> = StorageMap<_, Twox64Concat, u32, Hash>;

    /// How many artefacts are in [`Live`].
    #[pallet::storage]
    pub type LiveCount<T: Config> = StorageValue<_, u32, ValueQuery>;

    /// Open challenges, by artefact and shard.
    #[pallet::storage]
    pub type Challenges<T: Config> = StorageDoubleMap<_, Identity, Hash, Twox64Concat, u16, ChallengeOf<T>>;

    /// The challenges falling due at each block.
    #[pallet::storage]
    pub type Due<T: Config> =
        StorageMap<_, Twox64Concat, BlockNumberFor<T>, BoundedVec<(Hash, u16), T::ChallengesPerBlock>, ValueQuery>;

    /// Each holder's store key.
    #[pallet::storage]
    pub type StoreKeys<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, T::StoreId>;

    /// Whose store key each is: a key serves one holder.
    #[pallet::storage]
    pub type KeyOwner<T: Config> = StorageMap<_, Twox64Concat, T::StoreId, T::AccountId>;

    /// What each holder holds as its bond.
    #[pallet::storage]
    pub type Bonds<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, BalanceOf<T>, ValueQuery>;

    /// What each holder still answers for: entries it attested and that are
    /// not pruned, and challenges it has open. Its bond stays until zero.
    #[pallet::storage]
    pub type Duties<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, u32, ValueQuery>;

    /// Entries each payer paid for and that are not pruned.
    #[pallet::storage]
    pub type Registered<T: Config> = StorageMap<_, Twox64Concat, T::AccountId, u32, ValueQuery>;

    /// Genesis: store keys beside the validators' session keys, and the
    /// first holders' bonds.
    #[pallet::genesis_config]
    #[derive(polkadot_sdk::frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// `(holder, store key)` for holders that are not session validators
        /// (the instant-seal devnet's store).
        pub keys: Vec<(T::AccountId, T::StoreId)>,
        /// Accounts that bond [`Config::HolderBond`] at genesis.
        pub bonded: Vec<T::AccountId>,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            for (who, key) in &self.keys {
                assert!(
                    KeyOwner::<T>::get(key).is_none_or(|owner| &owner == who),
                    "a store key is given to two holders"
                );
                StoreKeys::<T>::insert(who, key);
                KeyOwner::<T>::insert(key, who);
            }
            for who in &self.bonded {
                Pallet::<T>::do_bond(who).expect("a genesis holder cannot pay its bond");
            }
        }
    }

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// `holder` registered `commitment`; attestations count until
        /// `deadline`, and it is pruned at `expires`.
        Registered {
            commitment: Hash,
            erasure: ErasureCommitment,
            holder: T::AccountId,
            deadline: BlockNumberFor<T>,
            expires: BlockNumberFor<T>,
        },
        /// `holder` attested it keeps its shard of `count` artefacts.
        Attested { holder: T::AccountId, count: u32 },
        /// More than two thirds of its holders attested `commitment` in the
        /// encoding `encoding` (its id), which is now the artefact's.
        Available { commitment: Hash, encoding: Hash },
        /// `commitment` is kept until `expires` (a window still needs it).
        Retained { commitment: Hash, expires: BlockNumberFor<T> },
        /// The entry of `commitment` in the encoding `encoding` expired: the
        /// chain forgot it, holders drop its shards.
        Pruned { commitment: Hash, encoding: Hash },
        /// `holder` must produce piece `piece` of shard `shard` of
        /// `commitment` by block `due`.
        Challenged { commitment: Hash, shard: u16, piece: u32, holder: T::AccountId, due: BlockNumberFor<T> },
        /// The challenge was answered.
        Answered { commitment: Hash, shard: u16 },
        /// `holder` missed its challenge and lost `amount` of its bond.
        Slashed { commitment: Hash, shard: u16, holder: T::AccountId, amount: BalanceOf<T> },
        /// `who` set its store key.
        KeySet { who: T::AccountId },
        /// `who` holds `amount` as its bond.
        Bonded { who: T::AccountId, amount: BalanceOf<T> },
        /// `who` got its bond back.
        Unbonded { who: T::AccountId, amount: BalanceOf<T> },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// Another encoding of the commitment is available, or this one is
        /// registered and the registrar attested it already.
        AlreadyRegistered,
        /// No such artefact (never registered, or pruned).
        UnknownArtefact,
        /// The erasure commitment is not of the shape the protocol uses, or
        /// not for the current holder set (its size and its order).
        WrongShape,
        /// The signer is not a current holder.
        NotHolder,
        /// The payer has as many entries stored as it may.
        TooManyRegistered,
        /// The payer cannot hold the entry's deposit.
        DepositUnavailable,
        /// The store key serves another holder.
        KeyInUse,
        /// The key's proof of possession is not its signature of the
        /// caller's key message.
        BadKeyProof,
        /// The holder still answers for artefacts or challenges, or is one.
        StillHolding,
        /// Nothing is bonded.
        NotBonded,
        /// No such open challenge.
        NoChallenge,
        /// The piece does not check against the artefact's root.
        BadPiece,
    }

    /// Authorization failures, as `InvalidTransaction::Custom` codes.
    pub mod invalid {
        /// The holder has no store key, or the signature is not its key's.
        pub const BAD_SIGNATURE: u8 = 1;
        /// The payload's block is not recent.
        pub const STALE: u8 = 2;
        /// Nothing in the attestation is left to attest.
        pub const NOTHING_NEW: u8 = 3;
        /// The payment is not the payer's signature of this registration's
        /// encoding and class, or its block is not recent.
        pub const BAD_PAYMENT: u8 = 4;
        /// The payer cannot hold the entry's deposit.
        pub const DEPOSIT: u8 = 5;
        /// The payer has as many entries stored as it may.
        pub const QUOTA: u8 = 6;

        /// What a refusal with custom code `code` means, in a few words.
        pub fn describe(code: u8) -> &'static str {
            match code {
                BAD_SIGNATURE => "not signed by the holder's store key",
                STALE => "signed at a block that is no longer recent",
                NOTHING_NEW => "nothing left to attest",
                BAD_PAYMENT => "the payment is not the payer's signature of this encoding and class at a recent block",
                DEPOSIT => "the payer cannot hold the storage deposit",
                QUOTA => "the payer has as many artefacts stored as it may",
                _ => "refused",
            }
        }
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn on_initialize(now: BlockNumberFor<T>) -> Weight {
            let settled = Self::settle_due(now);
            let pruned = Self::prune(now);
            let drawn = Self::draw_challenges(now);
            T::WeightInfo::on_initialize(settled, pruned, drawn)
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Sets the caller's store key (its node's `gsto` key). `proof` is the
        /// key's signature of [`key_proof_message`]`(caller)`: nobody can claim
        /// a key it does not hold, so nobody can squat a holder's key.
        #[pallet::call_index(0)]
        #[pallet::weight(T::WeightInfo::set_key())]
        pub fn set_key(origin: OriginFor<T>, key: T::StoreId, proof: SignatureOf<T>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            ensure!(key.verify(&key_proof_message(&who), &proof), Error::<T>::BadKeyProof);
            if let Some(owner) = KeyOwner::<T>::get(&key) {
                ensure!(owner == who, Error::<T>::KeyInUse);
            }
            if let Some(old) = StoreKeys::<T>::get(&who) {
                KeyOwner::<T>::remove(old);
            }
            StoreKeys::<T>::insert(&who, &key);
            KeyOwner::<T>::insert(&key, &who);
            Self::deposit_event(Event::KeySet { who });
            Ok(())
        }

        /// Holds [`Config::HolderBond`] (topping up what a slash took), so
        /// the caller's attestations count.
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::bond())]
        pub fn bond(origin: OriginFor<T>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_bond(&who)
        }

        /// Releases the caller's bond: only once it is no holder and answers
        /// for nothing (every artefact it attested is pruned, every
        /// challenge to it settled).
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::unbond())]
        pub fn unbond(origin: OriginFor<T>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            ensure!(!T::Holders::holders().contains(&who), Error::<T>::StillHolding);
            ensure!(Duties::<T>::get(&who) == 0, Error::<T>::StillHolding);
            let amount = Bonds::<T>::take(&who);
            ensure!(!amount.is_zero(), Error::<T>::NotBonded);
            T::Currency::release(&HoldReason::HolderBond.into(), &who, amount, Precision::BestEffort)?;
            Self::deposit_event(Event::Unbonded { who, amount });
            Ok(())
        }

        /// Registers an artefact a holder's node received whole and checked
        /// against its commitment, for the current holder set.
        #[pallet::call_index(3)]
        #[pallet::weight(T::WeightInfo::register())]
        #[pallet::weight_of_authorize(T::WeightInfo::authorize_register())]
        #[pallet::authorize(|_source, registration, signature, payer_signature| {
            Pallet::<T>::authorize_register(registration, signature, payer_signature)
        })]
        pub fn register(
            origin: OriginFor<T>,
            registration: RegistrationOf<T>,
            // Both checked in `authorize`.
            _signature: SignatureOf<T>,
            _payer_signature: T::PayerSignature,
        ) -> DispatchResult {
            frame_system::ensure_authorized(origin)?;
            Self::do_register(registration)
        }

        /// A holder attests that it keeps its shard of each artefact named.
        /// Names it cannot attest (unknown, past the deadline, not its own,
        /// attested already) are skipped.
        #[pallet::call_index(4)]
        #[pallet::weight(T::WeightInfo::attest(attestation.commitments.len() as u32))]
        #[pallet::weight_of_authorize(T::WeightInfo::authorize_attest(attestation.commitments.len() as u32))]
        #[pallet::authorize(|_source, attestation, signature| Pallet::<T>::authorize_attest(attestation, signature))]
        pub fn attest(
            origin: OriginFor<T>,
            attestation: AttestationOf<T>,
            _signature: SignatureOf<T>,
        ) -> DispatchResult {
            frame_system::ensure_authorized(origin)?;
            Self::do_attest(attestation);
            Ok(())
        }

        /// Answers the open challenge to shard `shard` of `commitment`, due
        /// at block `due`, with its piece and proofs. Anyone may send it:
        /// what counts is that the piece reached the chain. `due` names the
        /// challenge and `at` (a recent block) the attempt, so a later
        /// challenge of the same piece, or a retry, is another transaction:
        /// the pool bans the hash of one it included or refused.
        #[pallet::call_index(5)]
        #[pallet::weight(T::WeightInfo::answer())]
        #[pallet::weight_of_authorize(T::WeightInfo::answer())]
        #[pallet::authorize(|_source, commitment, shard, due, at, piece, piece_proof, shard_proof| {
            Pallet::<T>::fresh(*at)?;
            Pallet::<T>::authorize_answer(commitment, *shard, *due, piece, piece_proof, shard_proof)
        })]
        #[allow(clippy::too_many_arguments)]
        pub fn answer(
            origin: OriginFor<T>,
            commitment: Hash,
            shard: u16,
            due: BlockNumberFor<T>,
            at: BlockNumberFor<T>,
            piece: BoundedVec<u8, ConstU32<PIECE_LEN>>,
            piece_proof: Proof,
            shard_proof: Proof,
        ) -> DispatchResult {
            frame_system::ensure_authorized(origin)?;
            let _ = at;
            Self::check_answer(&commitment, shard, due, &piece, &piece_proof, &shard_proof)?;
            let challenge = Challenges::<T>::take(commitment, shard).ok_or(Error::<T>::NoChallenge)?;
            Duties::<T>::mutate(&challenge.holder, |d| *d = d.saturating_sub(1));
            Self::deposit_event(Event::Answered { commitment, shard });
            Ok(())
        }
    }

    impl<T: Config> Pallet<T> {
        /// Whether more than two thirds of the artefact's holders attested it
        /// in one encoding (and it is not pruned).
        pub fn is_available(commitment: &Hash) -> bool {
            Chosen::<T>::contains_key(commitment)
        }

        /// Keeps the available artefact until at least block `until` (the
        /// protocol calls this when a window opens that needs the data).
        /// Returns whether it is available. An expiry never moves earlier.
        /// An encoding not yet available is not kept longer: the protocol
        /// opens no window on data that is not available (C7), and a
        /// competing encoding must not be kept alive on an honest one's
        /// account.
        pub fn retain(commitment: &Hash, until: BlockNumberFor<T>) -> bool {
            let Some(encoding) = Chosen::<T>::get(commitment) else { return false };
            let Some(mut entry) = Artefacts::<T>::get(commitment, encoding) else { return false };
            if until <= entry.expires {
                return true;
            }
            Self::move_expiry(&(*commitment, encoding), &mut entry, until);
            Artefacts::<T>::insert(commitment, encoding, entry);
            Self::deposit_event(Event::Retained { commitment: *commitment, expires: until });
            true
        }

        /// The entry of the available encoding of `commitment`.
        pub fn entry(commitment: &Hash) -> Option<EntryOf<T>> {
            Artefacts::<T>::get(commitment, Chosen::<T>::get(commitment)?)
        }

        /// Every encoding registered under `commitment`, by id (off chain:
        /// its length is bounded only by the registrars' quotas).
        pub fn entries(commitment: &Hash) -> Vec<(Hash, EntryOf<T>)> {
            Artefacts::<T>::iter_prefix(commitment).collect()
        }

        fn do_bond(who: &T::AccountId) -> DispatchResult {
            let have = Bonds::<T>::get(who);
            let top_up = T::HolderBond::get().saturating_sub(have);
            if !top_up.is_zero() {
                T::Currency::hold(&HoldReason::HolderBond.into(), who, top_up)?;
                Bonds::<T>::insert(who, have.saturating_add(top_up));
            }
            Self::deposit_event(Event::Bonded { who: who.clone(), amount: have.saturating_add(top_up) });
            Ok(())
        }

        fn valid(tag: impl Encode) -> TransactionValidityWithRefund {
            let validity = ValidTransaction::with_tag_prefix("gensyn-availability")
                .and_provides(tag)
                .longevity(T::AttestWindow::get().try_into().unwrap_or(64).max(1))
                .priority(TransactionPriority::MAX / 2)
                .build()?;
            Ok((validity, Weight::zero()))
        }

        /// The payload's block lies within the attestation window back from
        /// now, and not ahead of it.
        fn fresh(at: BlockNumberFor<T>) -> Result<(), TransactionValidityError> {
            let now = frame_system::Pallet::<T>::block_number();
            if at > now || now.saturating_sub(at) > T::AttestWindow::get() {
                return Err(InvalidTransaction::Custom(invalid::STALE).into());
            }
            Ok(())
        }

        fn check_signature(
            holder: &T::AccountId,
            payload: &impl Encode,
            signature: &SignatureOf<T>,
        ) -> Result<(), TransactionValidityError> {
            let key = StoreKeys::<T>::get(holder).ok_or(InvalidTransaction::Custom(invalid::BAD_SIGNATURE))?;
            // This chain's genesis hash, as `CheckGenesis` reads it.
            let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
            if !key.verify(&signed_message(&genesis, payload), signature) {
                return Err(InvalidTransaction::Custom(invalid::BAD_SIGNATURE).into());
            }
            Ok(())
        }

        fn authorize_register(
            registration: &RegistrationOf<T>,
            signature: &SignatureOf<T>,
            payer_signature: &T::PayerSignature,
        ) -> TransactionValidityWithRefund {
            Self::fresh(registration.at)?;
            Self::check_register(registration).map_err(|e| match e {
                Error::<T>::DepositUnavailable => InvalidTransaction::Custom(invalid::DEPOSIT),
                Error::<T>::TooManyRegistered => InvalidTransaction::Custom(invalid::QUOTA),
                _ => InvalidTransaction::Call,
            })?;
            Self::check_signature(&registration.holder, registration, signature)?;
            Self::check_payment(registration, payer_signature)?;
            // Per encoding, class and holder: another holder's registration
            // of the same name (other bytes, a shorter class, or the same
            // one meant to fail when included) must not push this one out
            // of the pool.
            Self::valid((
                "register",
                registration.commitment,
                registration.erasure.id(),
                registration.retention,
                &registration.holder,
            ))
        }

        /// The payment is the payer's, for this encoding and class, signed
        /// at a recent block.
        fn check_payment(
            r: &RegistrationOf<T>,
            payer_signature: &T::PayerSignature,
        ) -> Result<(), TransactionValidityError> {
            let bad = InvalidTransaction::Custom(invalid::BAD_PAYMENT);
            Self::fresh(r.paid_at).map_err(|_| bad)?;
            let genesis = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
            let message = payment_message(&genesis, &r.payer, &r.commitment, &r.erasure.id(), r.retention, &r.paid_at);
            if !payer_signature.verify(&message[..], &r.payer) {
                return Err(bad.into());
            }
            Ok(())
        }

        /// The deposit an artefact of `len` bytes holds from its payer.
        pub fn deposit_for(len: u32) -> BalanceOf<T> {
            let kib: BalanceOf<T> = len.div_ceil(1024).into();
            T::DepositBase::get().saturating_add(T::DepositPerKiB::get().saturating_mul(kib))
        }

        fn authorize_attest(
            attestation: &AttestationOf<T>,
            signature: &SignatureOf<T>,
        ) -> TransactionValidityWithRefund {
            Self::fresh(attestation.at)?;
            let now = frame_system::Pallet::<T>::block_number();
            let useful = Self::bonded(&attestation.holder)
                && attestation
                    .commitments
                    .iter()
                    .any(|(c, root)| Self::attestable(c, root, &attestation.holder, now, attestation.at).is_some());
            if !useful {
                return Err(InvalidTransaction::Custom(invalid::NOTHING_NEW).into());
            }
            Self::check_signature(&attestation.holder, attestation, signature)?;
            Self::valid(("attest", &attestation.holder, &attestation.commitments, attestation.at))
        }

        fn authorize_answer(
            commitment: &Hash,
            shard: u16,
            due: BlockNumberFor<T>,
            piece: &[u8],
            piece_proof: &Proof,
            shard_proof: &Proof,
        ) -> TransactionValidityWithRefund {
            match Self::check_answer(commitment, shard, due, piece, piece_proof, shard_proof) {
                Ok(()) => Self::valid(("answer", commitment, shard, due)),
                // Answered already, or never asked: stale, not a lie.
                Err(Error::<T>::NoChallenge) => Err(InvalidTransaction::Stale.into()),
                Err(_) => Err(InvalidTransaction::BadProof.into()),
            }
        }

        fn bonded(who: &T::AccountId) -> bool {
            Bonds::<T>::get(who) >= T::HolderBond::get()
        }

        /// The blocks an entry of `retention` is kept from its registration.
        fn window(retention: Retention) -> BlockNumberFor<T> {
            match retention {
                Retention::TrainingData => T::TrainingDataWindow::get(),
                Retention::ProofData => T::ProofDataWindow::get(),
            }
        }

        /// What registering would do, or why it is refused; checked before
        /// the signature.
        fn check_register(r: &RegistrationOf<T>) -> Result<Plan<T::AccountId, EntryOf<T>>, Error<T>> {
            let now = frame_system::Pallet::<T>::block_number();
            let (c, root) = (&r.commitment, &r.erasure.id());
            if let Some(chosen) = Chosen::<T>::get(c) {
                ensure!(&chosen == root, Error::<T>::AlreadyRegistered);
            }
            let holders = T::Holders::holders();
            ensure!(holders.contains(&r.holder), Error::<T>::NotHolder);
            // Its registration is its attestation, which counts only bonded.
            ensure!(Self::bonded(&r.holder), Error::<T>::NotBonded);
            if let Some(old) = Artefacts::<T>::get(c, root) {
                // Short of its attestations past its deadline, the encoding
                // may be registered afresh (below). Available, it is done.
                // Pending, the same bytes were registered first by another
                // holder — perhaps one racing the honest registrar to
                // shorten its deadline or its class: a holder that has not
                // attested yet renews it and attests, once each, so nobody
                // is left a window it cannot meet and the longest class
                // claimed wins (kept from the first registration, never
                // from the renewal: renewing cannot prolong an entry).
                ensure!(old.status == Status::Pending, Error::<T>::AlreadyRegistered);
                if now <= old.deadline {
                    ensure!(holders_hash(&old.holders) == r.holders, Error::<T>::WrongShape);
                    let i = old.holders.iter().position(|h| h == &r.holder).ok_or(Error::<T>::AlreadyRegistered)?;
                    ensure!(!old.has_attested(i), Error::<T>::AlreadyRegistered);
                    // A renewal that keeps the class keeps the first
                    // payer's deposit (the entry lives no longer for it). One
                    // that asks the longer class moves the charge to its own
                    // payer, which must afford it: else anyone could lock
                    // the first payer's deposit and quota twelve times as
                    // long with a key that holds nothing.
                    if Self::upgrades(r, &old) && r.payer != old.payer {
                        ensure!(
                            Registered::<T>::get(&r.payer) < T::MaxLivePerPayer::get(),
                            Error::<T>::TooManyRegistered
                        );
                        T::Currency::ensure_can_hold(&HoldReason::StorageDeposit.into(), &r.payer, old.deposit)
                            .map_err(|_| Error::<T>::DepositUnavailable)?;
                    }
                    return Ok(Plan::Renew(old));
                }
            }
            ensure!(
                r.erasure.is_well_formed()
                    && r.erasure.len <= T::MaxArtefactLen::get()
                    && usize::from(r.erasure.n) == holders.len()
                    && holders_hash(&holders) == r.holders
                    && holders.len() as u32 <= T::MaxHolders::get(),
                Error::<T>::WrongShape
            );
            // A failed entry of the payer's own, replaced, gives its place
            // and its deposit back first.
            let back = Artefacts::<T>::get(c, root).filter(|old| old.payer == r.payer).map(|old| old.deposit);
            let live = Registered::<T>::get(&r.payer).saturating_sub(u32::from(back.is_some()));
            ensure!(live < T::MaxLivePerPayer::get(), Error::<T>::TooManyRegistered);
            let owed = Self::deposit_for(r.erasure.len).saturating_sub(back.unwrap_or_default());
            if !owed.is_zero() {
                T::Currency::ensure_can_hold(&HoldReason::StorageDeposit.into(), &r.payer, owed)
                    .map_err(|_| Error::<T>::DepositUnavailable)?;
            }
            Ok(Plan::New(holders))
        }

        /// Whether registration `r` asks a longer class than entry `e` has.
        fn upgrades(r: &RegistrationOf<T>, e: &EntryOf<T>) -> bool {
            r.retention == Retention::TrainingData && e.retention == Retention::ProofData
        }

        /// Moves entry `e` of `key` to expire at `until` (its queue slot
        /// with it).
        fn move_expiry(key: &(Hash, Hash), e: &mut EntryOf<T>, until: BlockNumberFor<T>) {
            Expiring::<T>::remove(e.expires, e.slot);
            e.slot = Self::queue_expiry(key, until);
            e.expires = until;
        }

        fn do_register(r: RegistrationOf<T>) -> DispatchResult {
            let plan = Self::check_register(&r)?;
            let now = frame_system::Pallet::<T>::block_number();
            let (c, root) = (r.commitment, r.erasure.id());
            let key = (c, root);
            let deadline = now.saturating_add(T::AttestWindow::get());
            let (deadline, expires) = match plan {
                Plan::Renew(mut e) => {
                    e.deadline = e.deadline.max(deadline);
                    if Self::upgrades(&r, &e) {
                        e.retention = Retention::TrainingData;
                        e.registrar = r.holder.clone();
                        if r.payer != e.payer {
                            let reason = HoldReason::StorageDeposit.into();
                            T::Currency::hold(&reason, &r.payer, e.deposit)
                                .map_err(|_| Error::<T>::DepositUnavailable)?;
                            let _ = T::Currency::release(&reason, &e.payer, e.deposit, Precision::BestEffort);
                            Registered::<T>::mutate(&e.payer, |n| *n = n.saturating_sub(1));
                            Registered::<T>::mutate(&r.payer, |n| *n = n.saturating_add(1));
                            e.payer = r.payer.clone();
                        }
                    }
                    let keep_until = e.since.saturating_add(Self::window(e.retention)).max(e.deadline);
                    if keep_until > e.expires {
                        Self::move_expiry(&key, &mut e, keep_until);
                    }
                    let times = (e.deadline, e.expires);
                    Artefacts::<T>::insert(c, root, e);
                    times
                }
                Plan::New(holders) => {
                    if let Some(old) = Artefacts::<T>::take(c, root) {
                        // Its expiry slot too, or pruning it would prune the new entry.
                        Expiring::<T>::remove(old.expires, old.slot);
                        Self::forget(&old);
                    }
                    // Never pruned before its attestations are counted.
                    let expires = now.saturating_add(Self::window(r.retention)).max(deadline);
                    let deposit = Self::deposit_for(r.erasure.len);
                    T::Currency::hold(&HoldReason::StorageDeposit.into(), &r.payer, deposit)
                        .map_err(|_| Error::<T>::DepositUnavailable)?;
                    let slot = Self::queue_expiry(&key, expires);
                    let bytes = (holders.len()).div_ceil(8);
                    let entry = Entry {
                        erasure: r.erasure,
                        retention: r.retention,
                        registrar: r.holder.clone(),
                        payer: r.payer.clone(),
                        deposit,
                        holders: BoundedVec::truncate_from(holders),
                        attested: BoundedVec::truncate_from(alloc::vec![0u8; bytes]),
                        count: 0,
                        since: now,
                        deadline,
                        expires,
                        slot,
                        status: Status::Pending,
                    };
                    Artefacts::<T>::insert(c, root, entry);
                    Registered::<T>::mutate(&r.payer, |n| *n = n.saturating_add(1));
                    (deadline, expires)
                }
            };
            Self::deposit_event(Event::Registered {
                commitment: c,
                erasure: r.erasure,
                holder: r.holder.clone(),
                deadline,
                expires,
            });
            // The registrar had the whole artefact, so it holds its shard:
            // its registration is its attestation (on a one-validator chain
            // the artefact is available at once).
            Self::do_attest(Attestation {
                holder: r.holder,
                commitments: BoundedVec::truncate_from(alloc::vec![(c, root)]),
                at: now,
            });
            Ok(())
        }

        /// Puts entry `key` in block `at`'s expiry queue; its slot there.
        fn queue_expiry(key: &(Hash, Hash), at: BlockNumberFor<T>) -> u32 {
            let slot = ExpiringLen::<T>::mutate(at, |n| {
                let slot = *n;
                *n = n.saturating_add(1);
                slot
            });
            Expiring::<T>::insert(at, slot, key);
            slot
        }

        /// Holder `holder`'s shard index in the entry of `c` in the encoding
        /// `root` (its id), with the entry, if it may attest it now with a
        /// payload signed at block `at`: not once another encoding of `c` is
        /// available, and not with a payload older than the registration
        /// (signed for an earlier one, short of attestations, whose shard
        /// the holder has since dropped: replayed, it would vote for a
        /// shard the holder no longer keeps).
        fn attestable(
            c: &Hash,
            root: &Hash,
            holder: &T::AccountId,
            now: BlockNumberFor<T>,
            at: BlockNumberFor<T>,
        ) -> Option<(usize, EntryOf<T>)> {
            if Chosen::<T>::get(c).is_some_and(|chosen| &chosen != root) {
                return None;
            }
            let e = Artefacts::<T>::get(c, root)?;
            if at < e.since {
                return None;
            }
            // Past two thirds a holder still attests within the window: it
            // is then one more source, and one more that challenges sample.
            if now > e.deadline {
                return None;
            }
            let i = e.holders.iter().position(|h| h == holder)?;
            (!e.has_attested(i)).then_some((i, e))
        }

        fn do_attest(a: AttestationOf<T>) {
            let now = frame_system::Pallet::<T>::block_number();
            if !Self::bonded(&a.holder) {
                return;
            }
            let mut count = 0u32;
            for (c, root) in a.commitments.iter() {
                let Some((i, mut e)) = Self::attestable(c, root, &a.holder, now, a.at) else { continue };
                if let Some(byte) = e.attested.get_mut(i / 8) {
                    *byte |= 1 << (i % 8);
                }
                e.count = e.count.saturating_add(1);
                count += 1;
                Duties::<T>::mutate(&a.holder, |d| *d = d.saturating_add(1));
                // More than two thirds: 3·count > 2·n. No other encoding of
                // `c` is chosen (`attestable`), and none can be after this.
                if e.status == Status::Pending && 3 * u32::from(e.count) > 2 * e.holders.len() as u32 {
                    let live = LiveCount::<T>::get();
                    Live::<T>::insert(live, c);
                    LiveCount::<T>::put(live.saturating_add(1));
                    Chosen::<T>::insert(c, root);
                    e.status = Status::Available { live };
                    Self::deposit_event(Event::Available { commitment: *c, encoding: *root });
                }
                Artefacts::<T>::insert(c, root, e);
            }
            if count > 0 {
                Self::deposit_event(Event::Attested { holder: a.holder, count });
            }
        }

        fn check_answer(
            commitment: &Hash,
            shard: u16,
            due: BlockNumberFor<T>,
            piece: &[u8],
            piece_proof: &Proof,
            shard_proof: &Proof,
        ) -> Result<(), Error<T>> {
            let challenge =
                Challenges::<T>::get(commitment, shard).filter(|c| c.due == due).ok_or(Error::<T>::NoChallenge)?;
            ensure!(
                challenge.erasure.check_piece(shard, challenge.piece, piece, piece_proof, shard_proof),
                Error::<T>::BadPiece
            );
            Ok(())
        }

        /// Slashes every challenge due now and unanswered; how many it
        /// looked at.
        fn settle_due(now: BlockNumberFor<T>) -> u32 {
            let due = Due::<T>::take(now);
            for (c, shard) in due.iter() {
                // Answered, or answered and drawn again since (a later
                // challenge of the same shard, not due yet): nothing to settle.
                let Some(ch) = Challenges::<T>::get(c, shard).filter(|ch| ch.due == now) else { continue };
                Challenges::<T>::remove(c, shard);
                let amount = T::MissedChallengeSlash::get().min(Bonds::<T>::get(&ch.holder));
                let burnt = T::Currency::burn_held(
                    &HoldReason::HolderBond.into(),
                    &ch.holder,
                    amount,
                    Precision::BestEffort,
                    Fortitude::Force,
                )
                .unwrap_or_default();
                Bonds::<T>::mutate(&ch.holder, |b| *b = b.saturating_sub(burnt));
                Duties::<T>::mutate(&ch.holder, |d| *d = d.saturating_sub(1));
                Self::deposit_event(Event::Slashed { commitment: *c, shard: *shard, holder: ch.holder, amount: burnt });
            }
            due.len() as u32
        }

        /// Works through the expiry queues from where it stopped up to
        /// now: at most [`Config::MaxExpiriesPerBlock`] slots, and as many
        /// blocks' ends; how many steps it took.
        fn prune(now: BlockNumberFor<T>) -> u32 {
            let (mut block, mut slot) = PruneCursor::<T>::get();
            let max = T::MaxExpiriesPerBlock::get();
            let (mut slots, mut ends) = (0, 0);
            let mut len = ExpiringLen::<T>::get(block);
            while block <= now && slots < max && ends < max {
                if slot >= len {
                    ExpiringLen::<T>::remove(block);
                    (block, slot) = (block.saturating_add(1u32.into()), 0);
                    len = ExpiringLen::<T>::get(block);
                    ends += 1;
                    continue;
                }
                slots += 1;
                if let Some((c, encoding)) = Expiring::<T>::take(block, slot) {
                    if let Some(e) = Artefacts::<T>::take(c, encoding) {
                        Self::forget(&e);
                        if Chosen::<T>::get(c) == Some(encoding) {
                            Chosen::<T>::remove(c);
                        }
                        Self::deposit_event(Event::Pruned { commitment: c, encoding });
                    }
                }
                slot += 1;
            }
            PruneCursor::<T>::put((block, slot));
            slots + ends
        }

        /// Undoes what an entry counted: its place in [`Live`], its payer's
        /// count and deposit, its attesters' duties. (Not its expiry queue
        /// place: the caller took or replaces it.)
        fn forget(e: &EntryOf<T>) {
            if let Status::Available { live } = e.status {
                // Swap-remove: the last live entry takes the freed place.
                let last = LiveCount::<T>::get().saturating_sub(1);
                if live != last {
                    if let Some(moved) = Live::<T>::get(last) {
                        Live::<T>::insert(live, moved);
                        let encoding = Chosen::<T>::get(moved).unwrap_or_default();
                        Artefacts::<T>::mutate(moved, encoding, |m| {
                            if let Some(m) = m {
                                m.status = Status::Available { live };
                            }
                        });
                    }
                }
                Live::<T>::remove(last);
                LiveCount::<T>::put(last);
            }
            Registered::<T>::mutate(&e.payer, |n| *n = n.saturating_sub(1));
            let _ =
                T::Currency::release(&HoldReason::StorageDeposit.into(), &e.payer, e.deposit, Precision::BestEffort);
            for (_, h) in e.attesters() {
                Duties::<T>::mutate(h, |d| *d = d.saturating_sub(1));
            }
        }

        /// Draws this block's challenges; how many it drew.
        fn draw_challenges(now: BlockNumberFor<T>) -> u32 {
            let live = LiveCount::<T>::get();
            if live == 0 {
                return 0;
            }
            let (seed, _) = T::Randomness::random(b"gensyn/availability");
            let due = now.saturating_add(T::AnswerWindow::get());
            let mut drawn = 0;
            for round in 0..T::ChallengesPerBlock::get() {
                let r = gensyn_commitment::hash::blake2_256(&(seed.as_ref(), now, round).encode());
                let word = |i: usize| u32::from_le_bytes([r[i], r[i + 1], r[i + 2], r[i + 3]]);
                let Some(c) = Live::<T>::get(word(0) % live) else { continue };
                let Some(e) = Self::entry(&c) else { continue };
                let attesters: Vec<(u16, &T::AccountId)> = e.attesters().collect();
                if attesters.is_empty() {
                    continue;
                }
                let (shard, holder) = attesters[word(4) as usize % attesters.len()];
                if Challenges::<T>::contains_key(c, shard) {
                    continue;
                }
                let piece = word(8) % e.erasure.pieces();
                if Due::<T>::try_mutate(due, |q| q.try_push((c, shard))).is_err() {
                    break;
                }
                Challenges::<T>::insert(c, shard, Challenge { holder: holder.clone(), piece, due, erasure: e.erasure });
                Duties::<T>::mutate(holder, |d| *d = d.saturating_add(1));
                Self::deposit_event(Event::Challenged { commitment: c, shard, piece, holder: holder.clone(), due });
                drawn += 1;
            }
            drawn
        }
    }

    impl<T: Config> polkadot_sdk::sp_runtime::BoundToRuntimeAppPublic for Pallet<T> {
        type Public = T::StoreId;
    }

    /// A validator's store key is one of its session keys: the session
    /// pallet hands each session's keys here, so a validator's node signs
    /// with the key its `rotate_keys` made, and a key frozen with the
    /// others (`pallet-validators`) cannot be swapped mid-duty.
    impl<T: Config> polkadot_sdk::frame_support::traits::OneSessionHandler<T::AccountId> for Pallet<T> {
        type Key = T::StoreId;

        fn on_genesis_session<'a, I: 'a>(validators: I)
        where
            I: Iterator<Item = (&'a T::AccountId, T::StoreId)>,
        {
            Self::take_session_keys(validators);
        }

        fn on_new_session<'a, I: 'a>(_changed: bool, validators: I, queued: I)
        where
            I: Iterator<Item = (&'a T::AccountId, T::StoreId)>,
        {
            Self::take_session_keys(validators.chain(queued));
        }

        fn on_disabled(_: u32) {}
    }

    impl<T: Config> Pallet<T> {
        fn take_session_keys<'a>(keys: impl Iterator<Item = (&'a T::AccountId, T::StoreId)>)
        where
            T::AccountId: 'a,
        {
            for (who, key) in keys {
                match KeyOwner::<T>::get(&key) {
                    Some(owner) if &owner == who => continue,
                    // A key another holder has is never taken over.
                    Some(_) => continue,
                    None => {}
                }
                if let Some(old) = StoreKeys::<T>::get(who) {
                    KeyOwner::<T>::remove(old);
                }
                StoreKeys::<T>::insert(who, &key);
                KeyOwner::<T>::insert(&key, who);
            }
        }
    }

    /// What a store key signs for a registration or an attestation
    /// `payload` on the chain with genesis hash `genesis`: a signature made
    /// for another chain (a devnet restarted with the same keys) is not
    /// one for this chain, within or after the payload's freshness window.
    pub fn signed_message<H: Encode, P: Encode>(genesis: &H, payload: &P) -> Vec<u8> {
        (b"gensyn/store", genesis, payload).encode()
    }

    /// What a payer signs (with its account key) to pay the deposit of one
    /// encoding `encoding` ([`ErasureCommitment::id`]) of `commitment` in
    /// class `retention`, at block `at`, on the chain with genesis hash
    /// `genesis`. Bound to the encoding, so a holder cannot spend it on
    /// other bytes under the same name (holding the payer's funds for junk,
    /// or leaving the honest encoding unpaid); to the class, so it cannot
    /// be spent on a shorter one.
    pub fn payment_message<H: Encode, A: Encode, B: Encode>(
        genesis: &H,
        payer: &A,
        commitment: &Hash,
        encoding: &Hash,
        retention: Retention,
        at: &B,
    ) -> Vec<u8> {
        (b"gensyn/store-payment", genesis, payer, commitment, encoding, retention, at).encode()
    }

    /// The hash a registration names its holder list by (order included).
    pub fn holders_hash<A: Encode>(holders: &[A]) -> Hash {
        gensyn_commitment::hash::blake2_256(&(b"gensyn/holders", holders).encode())
    }

    /// What a store key signs to show it belongs to `who`'s node.
    pub fn key_proof_message<A: Encode>(who: &A) -> Vec<u8> {
        (b"gensyn/store-key", who).encode()
    }
}
