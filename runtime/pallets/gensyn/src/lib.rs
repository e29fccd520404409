//! # pallet-gensyn
//!
//! The on-chain half of the Gensyn protocol.
//!
//! - **Staking** ([`Role`]): solvers, verifiers and whistleblowers bond
//!   native tokens as balance holds; leaving is two-step (unbond, then
//!   withdraw after [`Config::UnbondingPeriod`]), and nothing unbonded can be
//!   withdrawn while its owner is engaged in a task or dispute, so a pending
//!   slash always finds the tokens.
//! - **Tasks** ([`TaskInfo`], [`Phase`]): a submitter escrows a fee and a
//!   deposit; staked solvers enter, randomness that becomes known only after
//!   the entries closed is drawn, and the entrants reveal VRF proofs over it:
//!   the lowest stake-weighted score wins (C4). Each winner locks collateral
//!   for the task (m1). The solver commits to Merkle roots of its
//!   checkpoints and step records; a verifier is drawn the same way, and the
//!   same late randomness picks the audited segments.
//! - **Blind checks** (M1): the solver opens only the starts of the audited
//!   runs; whistleblowers commit `H(task, who, ends, salt)`; then the
//!   verifier posts its ends; only then does the solver open its ends, and
//!   whistleblowers reveal. Each checker's first disagreement in each run is
//!   a game against the solver. Nobody can copy an end before committing to
//!   its own. A failed verifier draw is redrawn (M2).
//! - **Forced errors**: randomness drawn after every check is revealed makes
//!   a round "forced" at the configured rate; then every party whose ends
//!   were right (solver, verifier, whistleblowers) shares the jackpot, each
//!   of `k` getting `J/2^(k−1)` of `J` = a third of the pot, so no sybil or
//!   copier raises its group's take.
//! - **Pinpoint disputes** ([`Dispute`], [`Stage`]): every challenge of the
//!   solver (a verifier's genuine disagreement, each whistle with another
//!   end state) is a two-party game of its own over its own claim, and
//!   several run at once: bisection over the steps of the disputed segment,
//!   a Merkle descent over the two traces of the one disputed step down to
//!   one operator, a descent over that operator's output tiles, then
//!   **arbitration**: the runtime re-executes the operator with the canonical
//!   kernels (`gensyn-commitment`) and judges both parties' leaves. Each
//!   stage's starting points are proven against the previous stage's agreed
//!   and disputed points, and every move has a deadline in blocks; a party
//!   that misses one it owes loses its game. A solver convicted in any game
//!   is convicted; a challenger's bond is decided only by its own game; a
//!   claim whose challenger gave up may be taken up anew by anyone staked.
//!   The rules and why an honest party wins are in `docs/protocol.md`.
//!
//! Windows are counted in blocks, never wall-clock time (dev-seal timestamps
//! are not trustworthy). Every money path uses checked arithmetic.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use availability::{Attested, Availability};
pub use pallet::*;
pub use types::*;

pub mod availability;
pub mod dispute;
pub mod funds;
pub mod lifecycle;
#[cfg(feature = "std")]
pub mod player;
pub mod program;
pub mod types;
pub mod vrf;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
pub mod benchmarking;
/// The test harness: a toy training run, parties that play every move
/// from their own run, and helpers that walk a task through its phases.
#[cfg(any(test, feature = "sim"))]
#[path = "tests/harness.rs"]
pub mod harness;
/// The mock runtime (System + Balances + Gensyn) of the tests and the simulator.
#[cfg(any(test, feature = "sim"))]
pub mod mock;
#[cfg(test)]
mod tests;

/// Work units of one proven tile in the `arbitrate_tile` benchmark (a
/// 32-row strip of A and a 32-column strip of B per 32 of K: 16 per value
/// read, 16 multiply-adds per output element).
pub const UNITS_PER_BENCHED_TILE: u64 = 32_768;

impl<T: Config> Pallet<T> {
    /// What one `arbitrate` may cost: the largest operator the cap allows,
    /// whole or as one tile from proven tiles, whichever weighs more.
    pub fn max_arbitration_weight() -> polkadot_sdk::frame_support::weights::Weight {
        use crate::weights::WeightInfo;
        use polkadot_sdk::frame_support::traits::Get;
        let cap = T::MaxArbitrationWork::get();
        let whole = T::WeightInfo::arbitrate((cap / 1_000_000).min(u32::MAX as u64) as u32);
        let tiled = T::WeightInfo::arbitrate_tile((cap / UNITS_PER_BENCHED_TILE).min(u32::MAX as u64) as u32);
        whole.max(tiled)
    }
}

/// blake2b-256 of a SCALE-encoded value: how the pallet hashes its own records.
pub fn hash_of<E: codec::Encode>(value: &E) -> Hash {
    gensyn_commitment::hash::blake2_256(&value.encode())
}

#[polkadot_sdk::frame_support::pallet]
pub mod pallet {
    use super::*;
    use crate::{vrf::VrfVerifier, weights::WeightInfo};
    use polkadot_sdk::{
        frame_support::{
            pallet_prelude::*,
            traits::{
                fungible::{Inspect, InspectHold, Mutate, MutateHold},
                tokens::Precision,
                Randomness,
            },
            PalletId,
        },
        frame_system::{self, pallet_prelude::*},
        sp_runtime::traits::{CheckedAdd, CheckedSub, Saturating, Zero},
    };

    /// The balance type of the configured currency.
    pub type BalanceOf<T> = <<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

    /// The ledger type stored per (account, role).
    pub type LedgerOf<T> = StakeLedger<BalanceOf<T>, BlockNumberFor<T>, <T as Config>::MaxUnbondingChunks>;

    /// Stored task type.
    pub type TaskOf<T> = TaskInfo<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

    /// Stored audit type.
    pub type AuditOf<T> = Audit<BalanceOf<T>, <T as Config>::MaxAuditSegments>;

    /// Stored check type.
    pub type CheckOf<T> = Check<BalanceOf<T>, <T as Config>::MaxAuditSegments>;

    /// Stored dispute type.
    pub type DisputeOf<T> = Dispute<<T as frame_system::Config>::AccountId, BalanceOf<T>, BlockNumberFor<T>>;

    /// Protocol parameters type.
    pub type ParamsOf<T> = Params<BalanceOf<T>, BlockNumberFor<T>>;

    /// Arbitration witness type.
    pub type WitnessOf<T> = Witness<<T as Config>::MaxTensorLen, <T as Config>::MaxStateEntries>;

    /// What `submit_task` carries of the program, bounded by the config.
    pub type ManifestOf<T> = Manifest<<T as Config>::MaxProgramLen, <T as Config>::MaxStateEntries>;

    /// A VRF public key of the configured scheme.
    pub type VrfKeyOf<T> = <<T as Config>::Vrf as VrfVerifier>::PublicKey;

    /// A VRF proof of the configured scheme.
    pub type VrfProofOf<T> = <<T as Config>::Vrf as VrfVerifier>::Proof;

    #[pallet::pallet]
    pub struct Pallet<T>(_);

    /// Why this pallet holds funds.
    #[pallet::composite_enum]
    pub enum HoldReason {
        /// Bonded as a solver.
        SolverStake,
        /// Bonded as a verifier.
        VerifierStake,
        /// Bonded as a whistleblower.
        WhistleblowerStake,
        /// A task's escrowed fee, held on the submitter.
        TaskFee,
        /// A whistleblower's bond on one challenge.
        WhistleBond,
        /// Forced-round shares reserved on the jackpot for whistleblowers to claim.
        ForcedShares,
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
        /// The native token; stakes, fees and bonds are holds on it.
        type Currency: Inspect<Self::AccountId>
            + Mutate<Self::AccountId>
            + InspectHold<Self::AccountId, Reason = Self::RuntimeHoldReason>
            + MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

        /// The runtime's aggregated hold reason.
        type RuntimeHoldReason: From<HoldReason>;

        /// On-chain randomness: a documented weak source on the devnet,
        /// BABE's on a PoS chain.
        type Randomness: Randomness<Self::Hash, BlockNumberFor<Self>>;

        /// Verifies the VRF proofs of selections.
        type Vrf: VrfVerifier;

        /// Derives the jackpot's account.
        #[pallet::constant]
        type PalletId: Get<PalletId>;

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

        /// Most segments one audit covers.
        #[pallet::constant]
        type MaxAuditSegments: Get<u32>;

        /// Most whistles on one task.
        #[pallet::constant]
        type MaxWhistles: Get<u32>;

        /// Most steps a task may have.
        #[pallet::constant]
        type MaxSteps: Get<u32>;

        /// Most nodes in a task's per-step program.
        #[pallet::constant]
        type MaxProgramLen: Get<u32>;

        /// Most elements of one tensor handed to arbitration.
        #[pallet::constant]
        type MaxTensorLen: Get<u32>;

        /// Most entries in a training state.
        #[pallet::constant]
        type MaxStateEntries: Get<u32>;

        /// Most work (multiply-adds) one arbitration may re-execute; sized so
        /// the largest arbitration fits comfortably in a block.
        #[pallet::constant]
        type MaxArbitrationWork: Get<u64>;

        /// Parameters until sudo sets others.
        type DefaultParams: Get<ParamsOf<Self>>;

        /// Whether the data a window needs (spec, dataset, audited
        /// checkpoints) is retrievable; [`Attested`] reads this pallet's
        /// own attestations.
        type Availability: Availability;

        /// Who may attest availability (`attest_available`): the artefact
        /// store's origin.
        type AttestOrigin: EnsureOrigin<Self::RuntimeOrigin>;

        /// Weights of this pallet's calls.
        type WeightInfo: WeightInfo;
    }

    /// The stake ledger of each (account, role). Absent means "not staked".
    #[pallet::storage]
    pub type Stakes<T: Config> = StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, Role, LedgerOf<T>>;

    /// Open engagements (tasks, audits, disputes) of each (account, role):
    /// unbonded stake cannot be withdrawn while this is non-zero.
    #[pallet::storage]
    pub type Engagements<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, Role, u32, ValueQuery>;

    /// Each account's VRF public key and the block from which it counts.
    #[pallet::storage]
    pub type Keys<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, KeyRecord<VrfKeyOf<T>, BlockNumberFor<T>>>;

    /// Who holds each registered VRF key: a key belongs to one account, so
    /// nobody can register another's key and replay its proofs.
    #[pallet::storage]
    pub type KeyOwner<T: Config> = StorageMap<_, Blake2_128Concat, VrfKeyOf<T>, T::AccountId>;

    /// Entrants of a task's running selection, with their weight (the
    /// stake free for collateral when they entered).
    #[pallet::storage]
    pub type Entries<T: Config> =
        StorageDoubleMap<_, Twox64Concat, TaskId, Blake2_128Concat, T::AccountId, BalanceOf<T>>;

    /// Collateral locked on each (account, role) for the tasks it is engaged
    /// in (m1): stake that cannot back another task or be unstaked.
    #[pallet::storage]
    pub type Locked<T: Config> =
        StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, Role, BalanceOf<T>, ValueQuery>;

    /// Protocol parameters.
    #[pallet::storage]
    pub type Parameters<T: Config> = StorageValue<_, ParamsOf<T>, ValueQuery, T::DefaultParams>;

    /// The id the next task gets.
    #[pallet::storage]
    pub type NextTaskId<T: Config> = StorageValue<_, TaskId, ValueQuery>;

    /// Every task, by id.
    #[pallet::storage]
    pub type Tasks<T: Config> = StorageMap<_, Twox64Concat, TaskId, TaskOf<T>>;

    /// The best entry of a task's running selection.
    #[pallet::storage]
    pub type Selections<T: Config> = StorageMap<_, Twox64Concat, TaskId, Candidate<T::AccountId, BalanceOf<T>>>;

    /// Each audited task's audit.
    #[pallet::storage]
    pub type Audits<T: Config> = StorageMap<_, Twox64Concat, TaskId, AuditOf<T>>;

    /// The id the next dispute gets.
    #[pallet::storage]
    pub type NextDisputeId<T: Config> = StorageValue<_, DisputeId, ValueQuery>;

    /// Running and settled disputes, by id.
    #[pallet::storage]
    pub type Disputes<T: Config> = StorageMap<_, Twox64Concat, DisputeId, DisputeOf<T>>;

    /// Each whistleblower's check of a task.
    #[pallet::storage]
    pub type Checks<T: Config> = StorageDoubleMap<_, Twox64Concat, TaskId, Blake2_128Concat, T::AccountId, CheckOf<T>>;

    /// The game each (whistleblower, segment position) of a task opened:
    /// one game per claimant and segment, so a claimant cannot play the
    /// same claim twice.
    #[pallet::storage]
    pub type Challenges<T: Config> =
        StorageDoubleMap<_, Twox64Concat, TaskId, Blake2_128Concat, (T::AccountId, u32), DisputeId>;

    /// Artefacts attested available, by commitment, with the block of the
    /// attestation ([`Attested`] reads it).
    #[pallet::storage]
    pub type Available<T: Config> = StorageMap<_, Identity, Hash, BlockNumberFor<T>>;

    /// Deadlines due at a block, by arrival: unbounded per block (each was
    /// created by a paid call), drained in order by `on_initialize` within a
    /// weight budget (M4), so no move is refused for others' timers.
    #[pallet::storage]
    pub type Timers<T: Config> = StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, u32, Timer>;

    /// Each block's randomness and the block since which it was known,
    /// recorded by `on_initialize` (the last [`BEACON_KEEP`] blocks): a
    /// draw uses the value of a fixed block, not of whichever block its
    /// timer happens to run in.
    #[pallet::storage]
    pub type Beacon<T: Config> = StorageMap<_, Twox64Concat, BlockNumberFor<T>, (Hash, BlockNumberFor<T>)>;

    /// The block at which a task waiting for fresh randomness has its timer.
    #[pallet::storage]
    pub type Waiting<T: Config> = StorageMap<_, Twox64Concat, TaskId, BlockNumberFor<T>>;

    /// Timers scheduled at each block.
    #[pallet::storage]
    pub type TimerCount<T: Config> = StorageMap<_, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

    /// The next timer to run: (block, index). Trails the chain when a block's
    /// budget ran out; late timers are harmless because every call checks
    /// its own deadline.
    #[pallet::storage]
    pub type TimerCursor<T: Config> = StorageValue<_, (BlockNumberFor<T>, u32), ValueQuery>;

    #[pallet::genesis_config]
    #[derive(polkadot_sdk::frame_support::DefaultNoBound)]
    pub struct GenesisConfig<T: Config> {
        /// Funds the jackpot account starts with (at least the existential deposit).
        pub jackpot: BalanceOf<T>,
    }

    #[pallet::genesis_build]
    impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
        fn build(&self) {
            let amount = self.jackpot.max(T::Currency::minimum_balance());
            let _ = T::Currency::mint_into(&Pallet::<T>::jackpot_account(), amount);
        }
    }

    #[pallet::event]
    #[pallet::generate_deposit(pub(super) fn deposit_event)]
    pub enum Event<T: Config> {
        /// `who` bonded `amount` more as `role`; its active stake is now `active`.
        Staked { who: T::AccountId, role: Role, amount: BalanceOf<T>, active: BalanceOf<T> },
        /// `who` started unbonding `amount` of its `role` stake; withdrawable at `unlock_at`.
        Unbonding { who: T::AccountId, role: Role, amount: BalanceOf<T>, unlock_at: BlockNumberFor<T> },
        /// `who` withdrew `amount` of unbonded `role` stake back to its free balance.
        Withdrawn { who: T::AccountId, role: Role, amount: BalanceOf<T> },
        /// `who` registered its VRF key; it counts from block `since`.
        KeysRegistered { who: T::AccountId, since: BlockNumberFor<T> },
        /// A task was posted and its fee escrowed; solver selection is open.
        TaskSubmitted { task: TaskId, submitter: T::AccountId, fee: BalanceOf<T>, closes_at: BlockNumberFor<T> },
        /// `who` entered the selection of `task` as `role` with weight `weight`.
        SelectionEntered { task: TaskId, who: T::AccountId, role: Role, weight: BalanceOf<T> },
        /// The entries of `task` closed; entrants reveal proofs over `seed` until `reveal_by`.
        DrawOpened { task: TaskId, role: Role, seed: Hash, reveal_by: BlockNumberFor<T> },
        /// `who` revealed its VRF proof; `score` is its stake-weighted score (lower wins).
        SelectionRevealed { task: TaskId, who: T::AccountId, role: Role, score: u128 },
        /// The solver of `task` was selected; it must commit by `commit_by`.
        SolverSelected { task: TaskId, solver: T::AccountId, commit_by: BlockNumberFor<T> },
        /// The solver committed; verifier selection is open.
        Committed { task: TaskId, commitment: SolverCommitment },
        /// The verifier was selected and the segments to audit drawn.
        AuditDrawn { task: TaskId, verifier: T::AccountId, segments: alloc::vec::Vec<u32> },
        /// A verifier draw failed (`redraws` so far); another opens unless the bound is reached.
        Redraw { task: TaskId, redraws: u32 },
        /// The solver opened the start checkpoints of the audited runs.
        CheckpointsOpened { task: TaskId },
        /// `who` committed a blind check of `task`.
        CheckCommitted { task: TaskId, who: T::AccountId },
        /// The verifier posted its verdict; `disagreements` segments differ from the solver's (once opened).
        VerdictPosted { task: TaskId, verifier: T::AccountId },
        /// The solver opened the ends; `final_hash` is the last checkpoint's state.
        EndsOpened { task: TaskId, final_hash: Hash },
        /// `who` revealed its check.
        CheckRevealed { task: TaskId, who: T::AccountId },
        /// The round's forced-error draw: if `forced`, correct checkers share the jackpot.
        ForcedDrawn { task: TaskId, forced: bool },
        /// A whistle opened a game anew in a re-challenge window.
        Whistled { task: TaskId, who: T::AccountId, position: u32 },
        /// A correct checker (or solver) was paid from the jackpot in a forced round.
        JackpotPaid { task: TaskId, who: T::AccountId, amount: BalanceOf<T> },
        /// `who`'s check of `task` was settled: `paid` from the jackpot (a
        /// forced round's share), `forfeited` of its bond (never revealed).
        CheckSettled { task: TaskId, who: T::AccountId, paid: BalanceOf<T>, forfeited: BalanceOf<T> },
        /// A whistle bond was forfeited to the jackpot.
        BondForfeited { task: TaskId, who: T::AccountId, amount: BalanceOf<T> },
        /// A game against the solver opened over `challenger`'s claim that
        /// `segment` ends at `claim`; `round` is its first (the steps, the
        /// agreed start, both ends).
        DisputeOpened {
            dispute: DisputeId,
            task: TaskId,
            defender: T::AccountId,
            challenger: T::AccountId,
            kind: Challenger,
            segment: u32,
            claim: Hash,
            round: StepRound,
        },
        /// `side` posted its state hash `mid` at the midpoint of the step round.
        Bisected { dispute: DisputeId, side: Side, mid: Hash },
        /// `side` opened its record of the disputed step.
        RecordOpened { dispute: DisputeId, side: Side, record: gensyn_commitment::state::StepRecord },
        /// `side` revealed the children of its node in the trace or tile descent.
        ChildrenRevealed { dispute: DisputeId, side: Side, children: (Hash, Hash) },
        /// `side` opened its output tensor at the disputed node.
        OutputOpened { dispute: DisputeId, side: Side, opening: OutputOpening },
        /// `by` proved opened checkpoint `checkpoint` of `task` misshapen:
        /// the solver is convicted.
        MisshapenCheckpoint { task: TaskId, checkpoint: u32, by: T::AccountId },
        /// `side` revealed its partials in a reduction game (fold: the
        /// accumulator at the run's middle, and zero; tree: the two children).
        PartialsRevealed { dispute: DisputeId, side: Side, partials: (Hash, Hash) },
        /// Both parties moved: the game is at a new round (`rounds` played so far).
        DisputeAdvanced { dispute: DisputeId, rounds: u32 },
        /// A game ended.
        DisputeResolved { dispute: DisputeId, outcome: Outcome },
        /// A challenger gave up its game: until `until`, anyone staked may challenge the solver anew.
        RechallengeOpened { task: TaskId, until: BlockNumberFor<T> },
        /// `who` lost `amount` of its `role` stake.
        Slashed { who: T::AccountId, role: Role, amount: BalanceOf<T> },
        /// The task ended and its solver was paid.
        TaskFinalized { task: TaskId, solver: T::AccountId, paid: BalanceOf<T> },
        /// The task ended without a result; the fee went back.
        TaskCancelled { task: TaskId, reason: CancelReason },
        /// Sudo changed the protocol parameters.
        ParamsSet,
        /// The artefact store attested `count` artefacts available.
        AvailabilityAttested { count: u32 },
        /// Running `timer` failed (a money move could not be made) and was
        /// rolled back whole; anyone may `poke` it again.
        TimerFailed { timer: Timer },
        /// A submitter's deposit went to `to`.
        DepositPaid { task: TaskId, to: T::AccountId, amount: BalanceOf<T> },
    }

    #[pallet::error]
    pub enum Error<T> {
        /// The amount must be greater than zero.
        ZeroAmount,
        /// The resulting active stake would be below the role's minimum (and not zero).
        BelowMinimumStake,
        /// The account's free balance cannot cover the amount.
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
        /// The account is engaged in a task or dispute; withdraw later.
        Engaged,
        /// An arithmetic overflow on a money path.
        Overflow,
        /// Steps, interval, program size or deadline are out of bounds.
        InvalidTask,
        /// No such task.
        UnknownTask,
        /// The task is not in the phase this call belongs to.
        WrongPhase,
        /// The caller has not registered keys.
        NoKeys,
        /// The VRF proof does not verify.
        InvalidVrfProof,
        /// The caller may not act in this task (wrong account or role).
        NotAllowed,
        /// The openings do not match the audited checkpoints or their proofs.
        InvalidOpening,
        /// The revealed check does not match its commitment or the audit.
        InvalidReveal,
        /// The key was registered too recently for this draw (or replaced after its entries closed).
        KeyTooNew,
        /// The stake free of other tasks' collateral cannot cover this task's.
        InsufficientCollateral,
        /// The caller already entered (or checked).
        AlreadyEntered,
        /// The fee is below the minimum.
        FeeTooLow,
        /// Another account registered this VRF key.
        KeyTaken,
        /// The whistle is malformed (position, claim) or the window is full.
        InvalidWhistle,
        /// No such dispute.
        UnknownDispute,
        /// The supplied round does not match the stored one.
        StaleRound,
        /// The caller already moved this round.
        AlreadyMoved,
        /// The record does not link to the game's agreed and disputed points.
        UnlinkedRecord,
        /// Children do not hash to the party's node.
        InvalidChildren,
        /// The arbitration witness is malformed or does not verify.
        InvalidWitness,
        /// The operator is too large to arbitrate in one block.
        TooMuchWork,
        /// Parameters are inconsistent (shares over 100 %, zero windows…).
        InvalidParams,
        /// The move's deadline has passed (its timer may not have run yet).
        TooLate,
        /// Data this call makes others depend on is not attested available yet.
        Unavailable,
        /// The manifest does not match the task's program or model, or its
        /// shapes do not fit the operators.
        InvalidManifest,
        /// A node of the program could not be arbitrated within one block.
        Unarbitrable,
    }

    #[pallet::hooks]
    impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
        fn on_initialize(now: BlockNumberFor<T>) -> Weight {
            let (random, known) = T::Randomness::random(b"gensyn/beacon");
            Beacon::<T>::insert(now, (hash_of(&random), known));
            Beacon::<T>::remove(now.saturating_sub(BEACON_KEEP.into()));
            Self::run_timers(now).saturating_add(T::DbWeight::get().reads_writes(1, 2))
        }

        fn integrity_test() {
            // Every audited segment's end, and the last checkpoint, open in one call.
            assert!(T::MaxAuditSegments::get() < MAX_OPENINGS, "MaxAuditSegments must be below MAX_OPENINGS");
            assert!(T::MaxAuditSegments::get() >= 1 && T::MaxWhistles::get() >= 1);
        }
    }

    #[pallet::call]
    impl<T: Config> Pallet<T> {
        /// Bond `amount` more tokens as `role`.
        ///
        /// The resulting active stake must reach the role's minimum.
        #[pallet::call_index(0)]
        #[pallet::weight(T::WeightInfo::stake())]
        pub fn stake(origin: OriginFor<T>, role: Role, #[pallet::compact] amount: BalanceOf<T>) -> DispatchResult {
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
        /// tokens stay held (and slashable) until `withdraw_unbonded`.
        #[pallet::call_index(1)]
        #[pallet::weight(T::WeightInfo::unstake())]
        pub fn unstake(origin: OriginFor<T>, role: Role, #[pallet::compact] amount: BalanceOf<T>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
            let mut ledger = Stakes::<T>::get(&who, role).ok_or(Error::<T>::NotStaked)?;
            let remaining = ledger.active.checked_sub(&amount).ok_or(Error::<T>::InsufficientActiveStake)?;
            ensure!(remaining.is_zero() || remaining >= Self::min_stake(role), Error::<T>::BelowMinimumStake);
            // Collateral locked for running tasks stays active (m1).
            ensure!(remaining >= Locked::<T>::get(&who, role), Error::<T>::InsufficientCollateral);
            let now = frame_system::Pallet::<T>::block_number();
            let unlock_at = now.checked_add(&T::UnbondingPeriod::get()).ok_or(Error::<T>::Overflow)?;
            // Two unstakes in one block share a chunk, so the bound is on blocks, not calls.
            match ledger.unbonding.iter_mut().find(|c| c.unlock_at == unlock_at) {
                Some(chunk) => chunk.amount = chunk.amount.checked_add(&amount).ok_or(Error::<T>::Overflow)?,
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

        /// Release every unbonding chunk of `role` whose unlock block has
        /// passed, unless the account is engaged in a task or dispute.
        #[pallet::call_index(2)]
        #[pallet::weight(T::WeightInfo::withdraw_unbonded())]
        pub fn withdraw_unbonded(origin: OriginFor<T>, role: Role) -> DispatchResult {
            let who = ensure_signed(origin)?;
            let mut ledger = Stakes::<T>::get(&who, role).ok_or(Error::<T>::NotStaked)?;
            ensure!(!ledger.unbonding.is_empty(), Error::<T>::NothingToWithdraw);
            ensure!(Engagements::<T>::get(&who, role) == 0, Error::<T>::Engaged);
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

        /// Register (or replace) the caller's VRF public key, with a proof
        /// of its secret over the caller's account. It counts from
        /// `key_delay` blocks on, and a draw accepts only a key that counted
        /// before its entries closed, so no key can be chosen after the
        /// randomness it is combined with is known (C4).
        #[pallet::call_index(3)]
        #[pallet::weight(T::WeightInfo::register_keys())]
        pub fn register_keys(origin: OriginFor<T>, vrf_key: VrfKeyOf<T>, proof: VrfProofOf<T>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            // Possession: a VRF proof over the registering account, so
            // nobody can squat a key it saw before its owner registered it.
            ensure!(
                T::Vrf::verify(&vrf_key, &lifecycle::registration_alpha(&who), &proof).is_some(),
                Error::<T>::InvalidVrfProof
            );
            // The VRF message does not name the account, so a copied key
            // would replay its owner's proofs with a larger stake.
            ensure!(KeyOwner::<T>::get(&vrf_key).is_none_or(|o| o == who), Error::<T>::KeyTaken);
            if let Some(old) = Keys::<T>::get(&who) {
                KeyOwner::<T>::remove(&old.key);
            }
            let now = frame_system::Pallet::<T>::block_number();
            let since = now.saturating_add(Parameters::<T>::get().key_delay);
            KeyOwner::<T>::insert(&vrf_key, &who);
            Keys::<T>::insert(&who, KeyRecord { key: vrf_key, since });
            Self::deposit_event(Event::KeysRegistered { who, since });
            Ok(())
        }

        /// Post a training task and escrow `fee` (at least `min_fee`) and the
        /// `deposit`. The solver must commit by
        /// block `deadline`, which must leave the selection window and at
        /// least one block to train. `manifest` shows the program's nodes
        /// and the initial state's shapes: the chain refuses a program with
        /// a node it could not arbitrate (`program.rs`).
        #[pallet::call_index(4)]
        #[pallet::weight(T::WeightInfo::submit_task(manifest.nodes.len() as u32, manifest.state.len() as u32))]
        pub fn submit_task(
            origin: OriginFor<T>,
            spec: TaskSpec,
            manifest: ManifestOf<T>,
            #[pallet::compact] fee: BalanceOf<T>,
            deadline: BlockNumberFor<T>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_submit(who, spec, manifest, fee, deadline)
        }

        /// Enter the running selection of `task` (solver or verifier,
        /// whichever is open). The entrant's weight is its stake free of
        /// other tasks' collateral, which must cover this task's.
        #[pallet::call_index(5)]
        #[pallet::weight(T::WeightInfo::enter_selection())]
        pub fn enter_selection(origin: OriginFor<T>, task: TaskId) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_enter(who, task)
        }

        /// Reveal the caller's VRF proof over the seed of the draw that
        /// followed the entries it made.
        #[pallet::call_index(22)]
        #[pallet::weight(T::WeightInfo::reveal_selection())]
        pub fn reveal_selection(origin: OriginFor<T>, task: TaskId, proof: VrfProofOf<T>) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_reveal_selection(who, task, proof)
        }

        /// The solver commits to its checkpoints and step records, proving
        /// that checkpoint 0 is the submitted model (M3).
        #[pallet::call_index(6)]
        #[pallet::weight(T::WeightInfo::commit())]
        pub fn commit(
            origin: OriginFor<T>,
            task: TaskId,
            commitment: SolverCommitment,
            model_proof: Proof,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_commit(who, task, commitment, model_proof)
        }

        /// The solver opens the start checkpoint of each run of adjacent
        /// audited segments.
        #[pallet::call_index(7)]
        #[pallet::weight(T::WeightInfo::open_checkpoints(openings.len() as u32))]
        pub fn open_checkpoints(
            origin: OriginFor<T>,
            task: TaskId,
            openings: BoundedVec<Opening, ConstU32<MAX_OPENINGS>>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_open(who, task, openings.into_inner())
        }

        /// A staked whistleblower commits a blind check
        /// `H(task, who, ends, salt)` ([`lifecycle::check_commitment`]),
        /// bonding `whistle_bond` per audited run.
        #[pallet::call_index(8)]
        #[pallet::weight(T::WeightInfo::commit_check())]
        pub fn commit_check(origin: OriginFor<T>, task: TaskId, commitment: Hash) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_commit_check(who, task, commitment)
        }

        /// The verifier posts the end hash it computed for each audited
        /// segment (after the whistleblowers' checks closed, before the
        /// solver's ends are opened).
        #[pallet::call_index(9)]
        #[pallet::weight(T::WeightInfo::post_verdict(ends.len() as u32))]
        pub fn post_verdict(
            origin: OriginFor<T>,
            task: TaskId,
            ends: BoundedVec<Hash, T::MaxAuditSegments>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_post_verdict(who, task, ends.into_inner())
        }

        /// The solver opens every audited segment's end checkpoint and the
        /// last checkpoint, whose state becomes the task's final hash (M3).
        #[pallet::call_index(11)]
        #[pallet::weight(T::WeightInfo::open_ends(openings.len() as u32))]
        pub fn open_ends(
            origin: OriginFor<T>,
            task: TaskId,
            openings: BoundedVec<Opening, ConstU32<MAX_OPENINGS>>,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_open_ends(who, task, openings.into_inner())
        }

        /// A whistleblower reveals its check: the ends it computed and the salt.
        #[pallet::call_index(23)]
        #[pallet::weight(T::WeightInfo::reveal_check(ends.len() as u32))]
        pub fn reveal_check(
            origin: OriginFor<T>,
            task: TaskId,
            ends: BoundedVec<Hash, T::MaxAuditSegments>,
            salt: Hash,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_reveal_check(who, task, ends.into_inner(), salt)
        }

        /// Settles `who`'s check of `task` once its reveal window is over:
        /// pays a right check its share of a forced round (once the task
        /// was paid), forfeits an unrevealed one's bond to the jackpot (or
        /// releases it, if the task ended before the ends were opened), and
        /// deletes the check. Anyone may call.
        #[pallet::call_index(24)]
        #[pallet::weight(T::WeightInfo::settle_check())]
        pub fn settle_check(origin: OriginFor<T>, task: TaskId, who: T::AccountId) -> DispatchResult {
            ensure_signed(origin)?;
            Self::do_settle_check(task, who)
        }

        /// In a re-challenge window (a challenger gave up its game), a
        /// staked whistleblower challenges the solver anew: `claim` is the
        /// end it computed for the audited segment at `position`, bonding
        /// `whistle_bond` doubled per window opened so far.
        #[pallet::call_index(10)]
        #[pallet::weight(T::WeightInfo::whistle())]
        pub fn whistle(origin: OriginFor<T>, task: TaskId, position: u32, claim: Hash) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_whistle(who, task, position, claim)
        }

        /// A party posts its state hash at the midpoint of the current step interval.
        #[pallet::call_index(12)]
        #[pallet::weight(T::WeightInfo::bisect())]
        pub fn bisect(origin: OriginFor<T>, dispute: DisputeId, round: StepRound, mid: Hash) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_bisect(who, dispute, round, mid)
        }

        /// A party opens its record of the disputed step. Its state after
        /// must be the last leaf of its own trace (`after_proof`); the
        /// defender's record must also be proven against its committed step
        /// root (`proof`).
        #[pallet::call_index(13)]
        #[pallet::weight(T::WeightInfo::open_record())]
        pub fn open_record(
            origin: OriginFor<T>,
            dispute: DisputeId,
            record: gensyn_commitment::state::StepRecord,
            proof: Proof,
            after_proof: Proof,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_open_record(who, dispute, record, proof, after_proof)
        }

        /// A party reveals the two children of its current node in the
        /// trace (or output-tile) descent.
        #[pallet::call_index(14)]
        #[pallet::weight(T::WeightInfo::reveal_children())]
        pub fn reveal_children(
            origin: OriginFor<T>,
            dispute: DisputeId,
            round: DescentRound,
            children: (Hash, Hash),
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_reveal_children(who, dispute, round, children)
        }

        /// Once a descent reached one operator whose output spans several
        /// tiles, a party opens its own output tensor (shape and tile root,
        /// proven against its trace leaf; the shape against the shapes the
        /// chain inferred at submission, `shape_proof`). Only a party can:
        /// only it knows its root. Once both opened, the game descends over
        /// the tiles; a party that leaves the other's opening unanswered
        /// loses.
        #[pallet::call_index(15)]
        #[pallet::weight(T::WeightInfo::open_output())]
        pub fn open_output(
            origin: OriginFor<T>,
            dispute: DisputeId,
            node: gensyn_commitment::trace::Node,
            node_proof: Proof,
            shape: NodeShape,
            opening: OutputOpening,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_open_output(who, dispute, node, node_proof, shape, opening)
        }

        /// A party reveals its partials of the current run of a reduction
        /// game over one output tile: for a fold, the tile hash of its
        /// accumulator after the run's first half (and zero); for a tree,
        /// the tile hashes of the run's two children.
        #[pallet::call_index(20)]
        #[pallet::weight(T::WeightInfo::reveal_partials())]
        pub fn reveal_partials(
            origin: OriginFor<T>,
            dispute: DisputeId,
            round: ReduceRound,
            partials: (Hash, Hash),
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_reveal_partials(who, dispute, round, partials)
        }

        /// Prove that an opened checkpoint (the start or, with `end`, the
        /// end of the audited segment at `position`; the final checkpoint
        /// at the position past the last) is not a state of the task
        /// there: it says another step, or has other entries or shapes. The
        /// solver is convicted; the caller gets the winner's share of the
        /// slash if it committed blind (the verifier, or a checker). Anyone
        /// may call, once the ends are open.
        #[pallet::call_index(21)]
        #[pallet::weight(T::WeightInfo::prove_misshapen())]
        pub fn prove_misshapen(
            origin: OriginFor<T>,
            task: TaskId,
            position: u32,
            end: bool,
            proof: MisshapenProof,
        ) -> DispatchResult {
            let who = ensure_signed(origin)?;
            Self::do_prove_misshapen(who, task, position, end, proof)
        }

        /// Re-execute the disputed operator (or tile) and settle. Anyone may
        /// call; the weight is charged for the largest operator allowed, on
        /// whichever path (whole, or one tile from proven tiles, which
        /// costs more per unit of work) is dearer.
        #[pallet::call_index(16)]
        #[pallet::weight(Pallet::<T>::max_arbitration_weight())]
        pub fn arbitrate(origin: OriginFor<T>, dispute: DisputeId, witness: WitnessOf<T>) -> DispatchResult {
            ensure_signed(origin)?;
            Self::do_arbitrate(dispute, witness)
        }

        /// Sudo: replace the protocol parameters.
        #[pallet::call_index(17)]
        #[pallet::weight(T::WeightInfo::set_params())]
        pub fn set_params(origin: OriginFor<T>, params: ParamsOf<T>) -> DispatchResult {
            ensure_root(origin)?;
            let windows = [
                params.selection_window,
                params.draw_window,
                params.opening_window,
                params.whistle_window,
                params.verdict_window,
                params.reveal_window,
                params.move_window,
            ];
            ensure!(windows.iter().all(|w| !w.is_zero()), Error::<T>::InvalidParams);
            ensure!(
                params.audit_segments >= 1
                    && params.audit_segments <= T::MaxAuditSegments::get()
                    && params.forced_error_ppm <= 1_000_000
                    && !params.min_fee.is_zero()
                    && params.solver_collateral >= 1
                    && params.verifier_collateral >= 1,
                Error::<T>::InvalidParams
            );
            ensure!(
                params.jackpot_tax.saturating_add(params.verifier_reward).deconstruct()
                    < polkadot_sdk::sp_runtime::Perbill::one().deconstruct()
                    && params.slash_to_winner.deconstruct().saturating_add(params.slash_to_jackpot.deconstruct())
                        <= polkadot_sdk::sp_runtime::Perbill::one().deconstruct(),
                Error::<T>::InvalidParams
            );
            // A ticket above a quarter of the tax leaves an honest watcher
            // beside the solver and the verifier nothing from forced rounds
            // ((τ·F + t)/4 − t ≤ 0 once t ≥ τ·F/3; docs/protocol.md, "Dilution").
            ensure!(
                params.check_ticket.deconstruct() <= params.jackpot_tax.deconstruct() / 4,
                Error::<T>::InvalidParams
            );
            Parameters::<T>::put(params);
            Self::deposit_event(Event::ParamsSet);
            Ok(())
        }

        /// Runs a deadline whose time has passed, as `on_initialize` would
        /// have: for one the queue has not reached yet, or one that failed
        /// (`TimerFailed`). Anyone may call; a deadline not yet passed, or
        /// already handled, changes nothing.
        #[pallet::call_index(19)]
        #[pallet::weight(T::WeightInfo::on_initialize(1))]
        pub fn poke(origin: OriginFor<T>, timer: Timer) -> DispatchResult {
            ensure_signed(origin)?;
            Self::try_timer(timer, frame_system::Pallet::<T>::block_number())
        }

        /// The artefact store attests that the artefacts committed to by
        /// `commitments` are retrievable.
        #[pallet::call_index(18)]
        #[pallet::weight(T::WeightInfo::attest_available(commitments.len() as u32))]
        pub fn attest_available(
            origin: OriginFor<T>,
            commitments: BoundedVec<Hash, ConstU32<MAX_ATTESTATIONS>>,
        ) -> DispatchResult {
            T::AttestOrigin::ensure_origin(origin)?;
            let now = frame_system::Pallet::<T>::block_number();
            for c in commitments.iter() {
                Available::<T>::insert(c, now);
            }
            Self::deposit_event(Event::AvailabilityAttested { count: commitments.len() as u32 });
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
                .map(|l| l.unbonding.iter().fold(l.active, |acc, c| acc.saturating_add(c.amount)))
                .unwrap_or_default()
        }
    }
}

/// Blocks of randomness the pallet keeps ([`Beacon`]).
pub const BEACON_KEEP: u32 = 4096;

/// Most beacons a draw looks through for one known late enough.
pub const MAX_BEACON_SCAN: u32 = 64;

/// Most artefacts one `attest_available` call attests.
pub const MAX_ATTESTATIONS: u32 = 64;

/// Most checkpoints one `open_checkpoints` call opens (two per audited segment).
pub const MAX_OPENINGS: u32 = 64;

/// What a deadline belongs to.
#[derive(
    codec::Encode,
    codec::Decode,
    codec::DecodeWithMemTracking,
    codec::MaxEncodedLen,
    scale_info::TypeInfo,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Debug,
)]
pub enum Timer {
    /// A task's phase.
    Task(TaskId),
    /// A dispute's pending moves.
    Dispute(DisputeId),
}
