//! Plain data types shared by the pallet, the runtime and the CLI (which
//! decodes them from storage).

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use polkadot_sdk::{
    frame_support::{traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound},
    sp_runtime::{traits::Zero, Perbill},
};
use scale_info::TypeInfo;

/// A protocol role an account can stake for.
#[derive(
    Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug,
)]
pub enum Role {
    /// Trains models and commits to checkpoints.
    Solver,
    /// Re-executes sampled segments and posts verdicts.
    Verifier,
    /// Re-checks verifiers and challenges wrong verdicts.
    Whistleblower,
}

impl Role {
    /// Every role, in declaration order.
    pub const ALL: [Role; 3] = [Role::Solver, Role::Verifier, Role::Whistleblower];

    /// The lower-case name used on the command line and in JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Solver => "solver",
            Role::Verifier => "verifier",
            Role::Whistleblower => "whistleblower",
        }
    }
}

/// Tokens leaving a stake: withdrawable from block `unlock_at` on.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct UnbondChunk<Balance, BlockNumber> {
    /// How much unbonds.
    pub amount: Balance,
    /// First block at which `withdraw_unbonded` releases it.
    pub unlock_at: BlockNumber,
}

/// One account's stake in one role.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxChunks))]
pub struct StakeLedger<Balance, BlockNumber, MaxChunks>
where
    Balance: Clone + PartialEq + Eq + core::fmt::Debug,
    BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
    MaxChunks: Get<u32>,
{
    /// Bonded and counting towards the role.
    pub active: Balance,
    /// Leaving, oldest first.
    pub unbonding: BoundedVec<UnbondChunk<Balance, BlockNumber>, MaxChunks>,
}

impl<Balance, BlockNumber, MaxChunks> Default for StakeLedger<Balance, BlockNumber, MaxChunks>
where
    Balance: Clone + PartialEq + Eq + core::fmt::Debug + Zero,
    BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
    MaxChunks: Get<u32>,
{
    fn default() -> Self {
        Self { active: Zero::zero(), unbonding: BoundedVec::default() }
    }
}

impl<Balance, BlockNumber, MaxChunks> StakeLedger<Balance, BlockNumber, MaxChunks>
where
    Balance: Clone + PartialEq + Eq + core::fmt::Debug + Zero,
    BlockNumber: Clone + PartialEq + Eq + core::fmt::Debug,
    MaxChunks: Get<u32>,
{
    /// Nothing active and nothing unbonding: the entry can be deleted.
    pub fn is_empty(&self) -> bool {
        self.active.is_zero() && self.unbonding.is_empty()
    }
}

/// Identifies a task.
pub type TaskId = u64;

/// Identifies a dispute.
pub type DisputeId = u64;

/// A 32-byte hash (blake2b-256), as in `gensyn-commitment`.
pub type Hash = [u8; 32];

/// What a submitter commits to when posting a task. Everything is a hash
/// or a count: the task's files live off chain.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct TaskSpec {
    /// blake2b-256 of the task's TOML spec.
    pub spec_hash: Hash,
    /// Hash of the initial model (state at step 0).
    pub model_hash: Hash,
    /// Merkle root of the dataset.
    pub dataset_root: Hash,
    /// Hash of the hyper-parameters.
    pub hyper_hash: Hash,
    /// Merkle root of the per-step program (operator graph nodes).
    pub program_root: Hash,
    /// Nodes in the program.
    pub program_len: u32,
    /// Training steps.
    pub steps: u32,
    /// Checkpoint interval `k` (steps per segment).
    pub checkpoint_every: u32,
    /// The order the dataset's examples are trained in (seed, dataset
    /// size, batch size): which example each row of each step's batch is.
    pub order: gensyn_commitment::data::Order,
    /// How a batch is assembled from its examples.
    pub data_kind: gensyn_commitment::data::DataKind,
    /// Values per example (features, or tokens per sequence).
    pub example_len: u32,
}

impl TaskSpec {
    /// The dataset's availability commitment: root, size and example length
    /// ([`gensyn_commitment::data::dataset_commitment`]).
    pub fn dataset_commitment(&self) -> Hash {
        gensyn_commitment::data::dataset_commitment(&self.dataset_root, self.order.samples, self.example_len)
    }
}

impl TaskSpec {
    /// Segments of `k` steps (the last may be shorter).
    pub fn segments(&self) -> u32 {
        self.steps.div_ceil(self.checkpoint_every.max(1))
    }
    /// Checkpoints: one before each segment plus the final state.
    pub fn checkpoints(&self) -> u32 {
        self.segments().saturating_add(1)
    }
    /// The step at which checkpoint `i` is taken.
    pub fn checkpoint_step(&self, i: u32) -> u32 {
        i.saturating_mul(self.checkpoint_every).min(self.steps)
    }
}

/// What the solver commits to after training.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct SolverCommitment {
    /// Merkle root over the checkpoint leaves (`spec.checkpoints()` of them).
    pub checkpoint_root: Hash,
    /// Merkle root over the step records (`spec.steps` of them).
    pub step_root: Hash,
}

/// Why a task ended without a result.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum CancelReason {
    /// No staked solver entered the selection.
    NoSolver,
    /// The solver did not commit before the deadline.
    SolverTimeout,
    /// The solver did not open the audited checkpoints in time.
    OpeningTimeout,
    /// No verifier could be drawn (or every drawn one failed) in
    /// `1 + max_redraws` draws: nothing was audited, so the fee goes back
    /// and the submitter's deposit compensates the solver (M2).
    NoAudit,
    /// The solver was convicted in a dispute.
    SolverConvicted,
    /// The submitter's spec or dataset was not available when the solver
    /// had to be selected, or to train.
    DataUnavailable,
}

/// Where a task is in its life.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum Phase<BlockNumber> {
    /// Staked solvers enter (no proof yet) until `closes_at`.
    SolverSelection {
        /// Last block of the entry window.
        closes_at: BlockNumber,
        /// Entrants so far.
        entrants: u32,
    },
    /// The entrants reveal VRF proofs over `seed`, randomness that became
    /// known only after the entry window closed; the lowest stake-weighted
    /// score wins.
    SolverDraw {
        /// Randomness the proofs are over.
        seed: Hash,
        /// Last block of the entry window (keys must be older).
        entries_closed: BlockNumber,
        /// Last block to reveal.
        reveal_by: BlockNumber,
    },
    /// The selected solver trains and must commit by `commit_by`.
    Training {
        /// The deadline.
        commit_by: BlockNumber,
    },
    /// Staked verifiers enter until `closes_at` (after the commitment, or
    /// again after a failed draw).
    VerifierSelection {
        /// Last block of the entry window.
        closes_at: BlockNumber,
        /// Entrants so far.
        entrants: u32,
    },
    /// The verifier entrants reveal VRF proofs over `seed`.
    VerifierDraw {
        /// Randomness the proofs are over (and the audit's segments).
        seed: Hash,
        /// Last block of the entry window.
        entries_closed: BlockNumber,
        /// Last block to reveal.
        reveal_by: BlockNumber,
    },
    /// The solver must open the start checkpoint of each run of adjacent
    /// audited segments by `open_by` (only the starts: the ends stay
    /// hidden until every check is committed).
    Opening {
        /// The deadline.
        open_by: BlockNumber,
    },
    /// Whistleblowers commit blind checks `H(task, who, ends, salt)` until
    /// `closes_at`; the verifier replays meanwhile.
    Checking {
        /// Last block of the window.
        closes_at: BlockNumber,
    },
    /// The verifier must post the end hash it computed for each audited
    /// segment by `verdict_by`.
    Verdict {
        /// The deadline.
        verdict_by: BlockNumber,
    },
    /// The solver must open every audited segment's end checkpoint and the
    /// last checkpoint (the final state) by `open_by`.
    EndOpening {
        /// The deadline.
        open_by: BlockNumber,
    },
    /// Whistleblowers reveal their checks by `reveal_by`.
    Reveal {
        /// The deadline.
        reveal_by: BlockNumber,
    },
    /// Games against the solver are running ([`Audit::games`] of them).
    /// While `now ≤ rechallenge_until`, any staked whistleblower may
    /// challenge the solver anew: a challenger gave up its game, and its
    /// claim must not go unplayed because of it.
    Disputed {
        /// Last block of the current re-challenge window (in the past when none is open).
        rechallenge_until: BlockNumber,
    },
    /// Done: the solver was paid.
    Finalized,
    /// Done without a result: the fee went back to the submitter.
    Cancelled {
        /// Why.
        reason: CancelReason,
    },
}

impl<BlockNumber: Clone> Phase<BlockNumber> {
    /// The task ended: paid, or cancelled.
    pub fn is_over(&self) -> bool {
        matches!(self, Phase::Finalized | Phase::Cancelled { .. })
    }

    /// The block at which this phase times out, if it can.
    pub fn deadline(&self) -> Option<BlockNumber> {
        match self {
            Phase::SolverSelection { closes_at, .. }
            | Phase::VerifierSelection { closes_at, .. }
            | Phase::Checking { closes_at } => Some(closes_at.clone()),
            Phase::SolverDraw { reveal_by, .. }
            | Phase::VerifierDraw { reveal_by, .. }
            | Phase::Reveal { reveal_by } => Some(reveal_by.clone()),
            Phase::Training { commit_by } => Some(commit_by.clone()),
            Phase::Verdict { verdict_by } => Some(verdict_by.clone()),
            Phase::Opening { open_by } | Phase::EndOpening { open_by } => Some(open_by.clone()),
            Phase::Disputed { rechallenge_until } => Some(rechallenge_until.clone()),
            Phase::Finalized | Phase::Cancelled { .. } => None,
        }
    }
}

/// A task on chain.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct TaskInfo<AccountId, Balance, BlockNumber> {
    /// Who posted it and escrowed the fee.
    pub submitter: AccountId,
    /// What is to be trained.
    pub spec: TaskSpec,
    /// The escrowed fee.
    pub fee: Balance,
    /// The submitter's deposit, escrowed beside the fee: returned when the
    /// task ends, or paid to the solver when no audit could be had (M2).
    pub deposit: Balance,
    /// Collateral locked on the solver's and the verifier's stakes for this
    /// task (m1): what a conviction slashes.
    pub collateral: (Balance, Balance),
    /// Verifier draws that failed (no entrant, or the drawn verifier missed
    /// its verdict); at most `max_redraws` are retried.
    pub redraws: u32,
    /// The final state's hash, once the solver opened the last checkpoint
    /// (M3: proven against the checkpoint root before any payment).
    pub final_hash: Option<Hash>,
    /// Last block at which the solver may commit.
    pub deadline: BlockNumber,
    /// Block of submission.
    pub created_at: BlockNumber,
    /// The selected solver.
    pub solver: Option<AccountId>,
    /// The solver's commitment.
    pub commitment: Option<SolverCommitment>,
    /// The selected verifier.
    pub verifier: Option<AccountId>,
    /// Where the task is.
    pub phase: Phase<BlockNumber>,
    /// Root of the tree of every program node's output shape
    /// ([`gensyn_commitment::shape::shape_leaf`]), built by the chain at
    /// submission from the shapes it inferred.
    pub shapes_root: Hash,
    /// Root of the tree of the state entries' names and shapes
    /// ([`gensyn_commitment::shape::entry_shape_leaf`]): every state of the
    /// task must have them.
    pub state_shapes: Hash,
    /// Entries of every state.
    pub state_entries: u32,
}

/// The best VRF entry of a selection so far.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Candidate<AccountId, Balance> {
    /// Who entered.
    pub who: AccountId,
    /// Its VRF output.
    pub output: Hash,
    /// Its stake-weighted score (lower wins): `−log2(u) / weight`, with `u`
    /// the output as a fraction, so each entrant wins with probability its
    /// weight's share (an exponential race).
    pub score: u128,
    /// Collateral locked on it while it leads.
    pub collateral: Balance,
}

/// A registered VRF key and the first block from which it counts.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct KeyRecord<Key, BlockNumber> {
    /// The VRF public key.
    pub key: Key,
    /// Registered at, plus `key_delay`: a draw may use it only if this is
    /// not after its entry window closed.
    pub since: BlockNumber,
}

/// One audited segment: its index and the solver's opened checkpoints.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct AuditedSegment {
    /// Segment index `j` (steps `j·k .. (j+1)·k`).
    pub segment: u32,
    /// The solver's state hash at the segment's start (checkpoint `j`).
    pub start: Option<Hash>,
    /// The solver's state hash at its end (checkpoint `j + 1`).
    pub end: Option<Hash>,
    /// The verifier's end hash.
    pub verdict: Option<Hash>,
}

/// A whistleblower's blind check of the audited segments: committed before
/// the verifier's verdict and the solver's ends are public, revealed after
/// (stored by task and account: there is no bound on how many may check).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxSegments))]
pub struct Check<Balance, MaxSegments>
where
    Balance: Clone + PartialEq + Eq + core::fmt::Debug,
    MaxSegments: Get<u32>,
{
    /// `H(task, who, ends, salt)` ([`crate::lifecycle::check_commitment`]).
    pub commitment: Hash,
    /// Bond put up per run of audited segments (fixed when committed).
    pub per_run: Balance,
    /// Bond still held for it: `per_run` per run until revealed, then
    /// moved into the games it opens or released.
    pub bond: Balance,
    /// Ticket it paid into the jackpot: refunded at settlement if the task
    /// ended before any forced round was drawn (nothing was diluted).
    pub ticket: Balance,
    /// Storage deposit held until the check is settled (`settle_check`),
    /// so that every check, right or wrong, forced round or not, is worth
    /// deleting to the one who made it (fixed when committed).
    pub deposit: Balance,
    /// The revealed end hashes, one per audited segment.
    pub ends: Option<BoundedVec<Hash, MaxSegments>>,
    /// Every revealed end was the solver's: a forced round pays it.
    pub right: bool,
}

/// The audit of a task.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxSegments))]
pub struct Audit<Balance, MaxSegments>
where
    Balance: Clone + PartialEq + Eq + core::fmt::Debug,
    MaxSegments: Get<u32>,
{
    /// Randomness that picked the segments (drawn after the commitment
    /// and after the verifiers' entries closed).
    pub seed: Hash,
    /// The audited segments, ascending.
    pub segments: BoundedVec<AuditedSegment, MaxSegments>,
    /// Whether this was a forced-error round (drawn after every check was
    /// revealed): correct checkers share the jackpot.
    pub forced: Option<bool>,
    /// A verifier was slashed (missed its verdict or lost its game) and
    /// earns no reward.
    pub verifier_faulted: bool,
    /// Whistleblowers' checks committed ([`crate::Checks`]).
    pub checks: u32,
    /// Of them, revealed with every end right.
    pub right: u32,
    /// The reveal window opened (the ends are public): from then on an
    /// unrevealed check forfeits its bond; before, it is released.
    pub reveals_open: bool,
    /// In a forced round, what each right whistleblower claims
    /// (`settle_check`), reserved on the jackpot when the task was paid.
    pub share: Balance,
    /// Check tickets paid into the jackpot for this task: they raise this
    /// task's forced-round cap, so checkers get them back in expectation
    /// while a sybil check still costs its ticket.
    pub tickets: Balance,
    /// Games against the solver still running.
    pub games: u32,
    /// A game convicted the solver (it is slashed once, by the first).
    pub convicted: bool,
    /// The audited segments' start checkpoints proven not to be states of
    /// the task there (`prove_misshapen`). A game from such a start may
    /// have no move an honest challenger can make, so a challenger that
    /// forfeits one is not punished for it (one that loses an arbitration
    /// still is).
    pub misshapen: BoundedVec<u32, MaxSegments>,
    /// A challenger gave up its game before the task reached `Disputed`:
    /// a re-challenge window opens then.
    pub reopen: bool,
    /// Re-challenge windows opened so far: each doubles the bond of the
    /// challenges after it, so a sybil that keeps abandoning games to delay
    /// the task pays exponentially for it.
    pub windows: u32,
}

impl<Balance, MaxSegments> Audit<Balance, MaxSegments>
where
    Balance: Clone + PartialEq + Eq + core::fmt::Debug,
    MaxSegments: Get<u32>,
{
    /// The audited segments' indices, ascending.
    pub fn indices(&self) -> alloc::vec::Vec<u32> {
        self.segments.iter().map(|s| s.segment).collect()
    }

    /// The solver's opened end of each audited segment (zero where not opened yet).
    pub fn solver_ends(&self) -> alloc::vec::Vec<Hash> {
        self.segments.iter().map(|s| s.end.unwrap_or_default()).collect()
    }
}

/// Who challenges in a dispute.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum Challenger {
    /// The verifier, whose verdict disagreed with the solver.
    Verifier,
    /// A whistleblower, with its own claim about a segment's end.
    Whistleblower,
}

/// One round of the step bisection: the interval still disputed and both
/// parties' claims at its end. Each party then posts its state hash at the
/// midpoint `lo + len / 2`.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct StepRound {
    /// First step of the interval: both parties agree on the state before it.
    pub lo: u32,
    /// Steps in the interval (≥ 1).
    pub len: u32,
    /// The agreed state hash at `lo`.
    pub agreed: Hash,
    /// The defender's state hash at `lo + len`.
    pub defender_end: Hash,
    /// The challenger's state hash at `lo + len`.
    pub challenger_end: Hash,
}

/// A Merkle descent round: the current node of each party's tree.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct DescentRound {
    /// Position in the tree.
    pub at: gensyn_commitment::merkle::Descent,
    /// The defender's node hash there.
    pub defender: Hash,
    /// The challenger's node hash there.
    pub challenger: Hash,
}

/// A round of a reduction game over one output tile: the run of the axis
/// in dispute and each party's tile hash of its partial result.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct ReduceRound {
    /// First element of the run.
    pub lo: u32,
    /// Its length.
    pub len: u32,
    /// Fold: the agreed accumulator's tile hash after `0..lo` (for `lo = 0`
    /// the accumulator is zeros, and this is unused; unused for a tree).
    pub agreed: Hash,
    /// The defender's partial: the accumulator after `0..lo+len` (fold), or
    /// the tree node over `lo..lo+len`.
    pub defender: Hash,
    /// The challenger's partial.
    pub challenger: Hash,
}

/// How a disputed output tile is reduced, once the tile descent reaches
/// it: set when its operator's whole tile would not fit one arbitration.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct ReduceStart {
    /// Fold or tree.
    pub mode: gensyn_commitment::reduction::Mode,
    /// Length of the axis.
    pub len: u32,
}

/// Which side of a dispute.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum Side {
    /// The solver, defending its commitment.
    Defender,
    /// The verifier or whistleblower.
    Challenger,
}

/// A party's opening of its output tensor at the disputed node: shape and
/// tile tree, proven against its trace leaf.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct OutputOpening {
    /// Dimensions (rank ≤ 4).
    pub dims: BoundedVec<u32, polkadot_sdk::frame_support::traits::ConstU32<4>>,
    /// Tiles of the tensor.
    pub tiles: u32,
    /// Root of its tile tree.
    pub root: Hash,
}

/// How a game ended.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum Outcome {
    /// The chain re-executed the disputed operator (or tile) and compared
    /// both parties' leaves with the truth. Both may be wrong.
    Arbitrated {
        /// The solver's leaf was the truth.
        defender_right: bool,
        /// The challenger's leaf was the truth.
        challenger_right: bool,
    },
    /// `loser` lost without arbitration: it missed a move it owed
    /// (`timeout`), or its move could not stand against the committed data.
    Forfeited {
        /// Who lost.
        loser: Side,
        /// By a missed deadline.
        timeout: bool,
    },
}

impl Outcome {
    /// The solver lost this game: it is convicted.
    pub fn solver_convicted(&self) -> bool {
        match *self {
            Outcome::Arbitrated { defender_right, .. } => !defender_right,
            Outcome::Forfeited { loser, .. } => loser == Side::Defender,
        }
    }
    /// The challenger lost this game: its bond (or stake) is forfeited.
    pub fn challenger_lost(&self) -> bool {
        match *self {
            Outcome::Arbitrated { challenger_right, .. } => !challenger_right,
            Outcome::Forfeited { loser, .. } => loser == Side::Challenger,
        }
    }
    /// The challenger gave up (missed a move): its claim is left unplayed.
    pub fn challenger_abandoned(&self) -> bool {
        matches!(self, Outcome::Forfeited { loser: Side::Challenger, timeout: true })
    }
}

/// Where a dispute is. Every stage stores the whole current round, so a
/// party that restarts, a third party or a dashboard can compute the next
/// move from the chain alone.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum Stage {
    /// Bisection over the steps of the disputed segment.
    Steps {
        /// The current round.
        round: StepRound,
        /// Posted midpoint hashes.
        defender_mid: Option<Hash>,
        /// Posted midpoint hashes.
        challenger_mid: Option<Hash>,
    },
    /// The bisection reached one step; each party opens its record of it.
    Records {
        /// The final round (`len = 1`): agreed state and both end claims.
        round: StepRound,
        /// The defender's opened record (proven against its step root).
        defender: Option<gensyn_commitment::state::StepRecord>,
        /// The challenger's record.
        challenger: Option<gensyn_commitment::state::StepRecord>,
    },
    /// Descent over the two traces of the step, down to one operator.
    Ops {
        /// The step.
        step: u32,
        /// The two full records (roots of the traces, agreed state and batch).
        records: [gensyn_commitment::state::StepRecord; 2],
        /// The current round.
        round: DescentRound,
        /// Posted children.
        defender_children: Option<(Hash, Hash)>,
        /// Posted children.
        challenger_children: Option<(Hash, Hash)>,
    },
    /// The two records' batches differ: descent over the two example
    /// trees (one leaf per batch row) down to one row.
    Examples {
        /// The step.
        step: u32,
        /// The two records.
        records: [gensyn_commitment::state::StepRecord; 2],
        /// The current round.
        round: DescentRound,
        /// Posted children.
        defender_children: Option<(Hash, Hash)>,
        /// Posted children.
        challenger_children: Option<(Hash, Hash)>,
    },
    /// Down to one batch row: anyone may call `arbitrate` with the dataset
    /// example the order names for it, proven against `dataset_root`.
    Example {
        /// The step.
        step: u32,
        /// The two records.
        records: [gensyn_commitment::state::StepRecord; 2],
        /// The disputed row.
        row: u32,
        /// The two parties' leaves for it.
        leaves: [Hash; 2],
    },
    /// Descent over the output tiles of the disputed operator.
    Tiles {
        /// The step.
        step: u32,
        /// The two records.
        records: [gensyn_commitment::state::StepRecord; 2],
        /// The disputed node.
        node: u32,
        /// How the tile reached is reduced, if its whole tile would not fit
        /// one arbitration.
        reduce: Option<ReduceStart>,
        /// The current round.
        round: DescentRound,
        /// Posted children.
        defender_children: Option<(Hash, Hash)>,
        /// Posted children.
        challenger_children: Option<(Hash, Hash)>,
    },
    /// Down to one operator (or one output tile): anyone may call
    /// `arbitrate`. For a whole operator whose output spans several tiles,
    /// each party may instead open its output (`open_output`, a timed move
    /// of its own) to narrow the game to one tile.
    Arbitration {
        /// The step.
        step: u32,
        /// The two records.
        records: [gensyn_commitment::state::StepRecord; 2],
        /// The disputed node.
        node: u32,
        /// What is compared: the two trace leaves, or two tile leaves.
        leaves: [Hash; 2],
        /// The disputed tile, if the dispute narrowed to one.
        tile: Option<u32>,
        /// The parties' output openings (defender, challenger), while `tile` is `None`.
        outputs: [Option<OutputOpening>; 2],
    },
    /// A reduction game over one output tile: both parties reveal their
    /// partials of the current run (fold: the accumulator at its middle;
    /// tree: its two children).
    Reduce {
        /// The step.
        step: u32,
        /// The two records.
        records: [gensyn_commitment::state::StepRecord; 2],
        /// The disputed node.
        node: u32,
        /// The disputed output tile.
        tile: u32,
        /// Fold or tree.
        mode: gensyn_commitment::reduction::Mode,
        /// The current round.
        round: ReduceRound,
        /// Posted partials.
        defender_partials: Option<(Hash, Hash)>,
        /// Posted partials.
        challenger_partials: Option<(Hash, Hash)>,
    },
    /// Down to a run of at most `reduction::CHUNK` elements of the axis, or
    /// to one tree node whose children both parties agree on (`addition`):
    /// anyone may call `arbitrate`.
    ReduceLeaf {
        /// The step.
        step: u32,
        /// The two records.
        records: [gensyn_commitment::state::StepRecord; 2],
        /// The disputed node.
        node: u32,
        /// The disputed output tile.
        tile: u32,
        /// Fold or tree.
        mode: gensyn_commitment::reduction::Mode,
        /// The final round.
        round: ReduceRound,
        /// The agreed children's tile hashes, when the tree node is judged
        /// by one addition.
        addition: Option<(Hash, Hash)>,
    },
    /// Settled.
    Resolved {
        /// How.
        outcome: Outcome,
    },
}

/// A pinpoint game between a task's solver and one challenger over the
/// challenger's own claim: the end state of one audited segment. Several
/// run at once; each settles its challenger's bond by itself.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Dispute<AccountId, Balance, BlockNumber> {
    /// The task.
    pub task: TaskId,
    /// The solver.
    pub defender: AccountId,
    /// The challenger.
    pub challenger: AccountId,
    /// Its role.
    pub challenger_kind: Challenger,
    /// The disputed segment.
    pub segment: u32,
    /// Its position in the audit's segment list.
    pub position: u32,
    /// The challenger's claimed state at the segment's end.
    pub claim: Hash,
    /// The challenger's bond (zero for the verifier, whose stake answers).
    pub bond: Balance,
    /// Where the game is.
    pub stage: Stage,
    /// The block by which the pending moves must be made.
    pub deadline: BlockNumber,
    /// Rounds played so far.
    pub rounds: u32,
}

/// Protocol parameters: windows in blocks, rates and shares. Sudo can
/// change them ([`crate::Pallet::set_params`]); the runtime supplies defaults.
#[derive(Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Params<Balance, BlockNumber> {
    /// Blocks a selection's entry window stays open.
    pub selection_window: BlockNumber,
    /// Blocks the entrants of a selection have to reveal their VRF proofs.
    pub draw_window: BlockNumber,
    /// Blocks a newly registered VRF key waits before it can enter a draw.
    pub key_delay: BlockNumber,
    /// Blocks the solver has to open the audited checkpoints (starts, and
    /// later the ends).
    pub opening_window: BlockNumber,
    /// Blocks whistleblowers have to commit blind checks (the verifier
    /// replays meanwhile).
    pub whistle_window: BlockNumber,
    /// Blocks the verifier has to post its verdict once checks are closed.
    pub verdict_window: BlockNumber,
    /// Blocks whistleblowers have to reveal their checks.
    pub reveal_window: BlockNumber,
    /// Blocks each dispute move may take.
    pub move_window: BlockNumber,
    /// Segments audited per task (capped by the task's segment count).
    pub audit_segments: u32,
    /// Verifier draws retried after one fails (M2) before the task ends unaudited.
    pub max_redraws: u32,
    /// Forced-error rounds per million audits: correct checkers share the jackpot.
    pub forced_error_ppm: u32,
    /// Share of each paid fee that funds the jackpot.
    pub jackpot_tax: Perbill,
    /// Share of each paid fee that goes to the verifier.
    pub verifier_reward: Perbill,
    /// Bond a whistleblower puts up per run of audited segments it checks.
    pub whistle_bond: Balance,
    /// Share of the task's fee a check pays into the jackpot, never
    /// refunded: what one more right check dilutes the others' forced-round
    /// shares by, so diluting honest watchers is not free.
    pub check_ticket: Perbill,
    /// Storage deposit a check holds until it is settled.
    pub check_deposit: Balance,
    /// Smallest fee a task may offer (M4: timers are not free to create).
    pub min_fee: Balance,
    /// Deposit a submitter escrows beside the fee (M2, M4).
    pub deposit: Balance,
    /// Solver collateral locked per task, in percent of the fee (at least
    /// the minimum solver stake).
    pub solver_collateral: u32,
    /// Verifier collateral locked per task, in percent of the fee (at
    /// least the minimum verifier stake).
    pub verifier_collateral: u32,
    /// Share of the task's locked collateral a convicted party loses.
    pub slash: Perbill,
    /// Share of a slash paid to the winner of the dispute.
    pub slash_to_winner: Perbill,
    /// Share of a slash paid into the jackpot (the rest is burned).
    pub slash_to_jackpot: Perbill,
}

/// An opened checkpoint: its index, state hash and Merkle proof.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Opening {
    /// Checkpoint index.
    pub index: u32,
    /// The state hash.
    pub state: Hash,
    /// Proof of `checkpoint_leaf(index, state)` against the checkpoint root.
    pub proof: Proof,
}

/// A Merkle proof (bounded: trees are at most 2^32 leaves).
pub type Proof = gensyn_commitment::merkle::Proof;

/// Most tiles of one input an arbitration opens (8 MiB of values: more
/// than a block holds, so the block's length is the binding limit).
pub const MAX_OPENED_TILES: u32 = 2048;

/// One opened tile of an arbitrated input.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct OpenedTile {
    /// Its index in the input's tile tree.
    pub index: u32,
    /// `f32::to_bits` of its values, row-major within the tile.
    pub bits:
        BoundedVec<u32, polkadot_sdk::frame_support::traits::ConstU32<{ gensyn_commitment::tensor::TILE as u32 }>>,
    /// Proof of its tile leaf against the input's tile root (empty when
    /// every tile of the input is opened: the root is then recomputed).
    pub proof: Proof,
}

/// Dimensions of a tensor, rank ≤ 4.
pub type Dims = BoundedVec<u32, polkadot_sdk::frame_support::traits::ConstU32<4>>;

/// A node's input shapes as the chain inferred them at submission, proven
/// (with the output's) against the task's shape tree.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct NodeShape {
    /// Each input's dimensions.
    pub inputs: BoundedVec<Dims, polkadot_sdk::frame_support::traits::ConstU32<4>>,
    /// Proof of `shape_leaf(node, inputs, output)` against `shapes_root`.
    pub proof: Proof,
}

/// One entry of an opened checkpoint's state, with its proof.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct EntryOpening {
    /// Its index in the state's entry tree.
    pub index: u32,
    /// Its name.
    pub name: BoundedVec<u8, polkadot_sdk::frame_support::traits::ConstU32<128>>,
    /// Its dimensions.
    pub dims: Dims,
    /// Its tile root.
    pub tiles_root: Hash,
    /// Proof of its entry leaf against the state's entry root.
    pub proof: Proof,
}

/// That an opened checkpoint's state is not a state of the task at that
/// checkpoint: it says another step than the checkpoint's, its entry tree
/// has another size, or one entry another name or shape than the
/// manifest's.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct MisshapenProof {
    /// The step written in the state (the state hash commits to it).
    pub step: u32,
    /// Root of the state's entry tree.
    pub entries_root: Hash,
    /// Entries in it.
    pub entries: u32,
    /// With as many entries as the task's states: the misshapen entry, and
    /// the manifest's name and shape of that index with their proof.
    pub entry: Option<(EntryOpening, BoundedVec<u8, polkadot_sdk::frame_support::traits::ConstU32<128>>, Dims, Proof)>,
}

/// The shape and tile root of one state entry of a task's initial model.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct EntryShape {
    /// The entry's name.
    pub name: BoundedVec<u8, polkadot_sdk::frame_support::traits::ConstU32<128>>,
    /// Its dimensions (rank ≤ 4).
    pub dims: BoundedVec<u32, polkadot_sdk::frame_support::traits::ConstU32<4>>,
    /// The root of its tile tree.
    pub tiles_root: Hash,
}

/// What a task's submitter shows the chain so that it can check, before
/// anyone trains, that every node of the program can be arbitrated: the
/// program's nodes (proven by `program_root`) and the initial state's
/// shapes (proven by `model_hash`). The chain infers every other shape.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxNodes, MaxEntries))]
pub struct Manifest<MaxNodes: Get<u32>, MaxEntries: Get<u32>> {
    /// The program, in execution order.
    pub nodes: BoundedVec<gensyn_commitment::trace::Node, MaxNodes>,
    /// The initial state's entries, in name order.
    pub state: BoundedVec<EntryShape, MaxEntries>,
}

/// Where an arbitrated input comes from, with its proof.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub enum SourceProof {
    /// Output of an earlier node: proof of its trace leaf in the defender's trace.
    Node {
        /// Proof of `trace_leaf(j, hash)`.
        proof: Proof,
    },
    /// A tensor of the agreed state before the step.
    State {
        /// The entry's name.
        name: BoundedVec<u8, polkadot_sdk::frame_support::traits::ConstU32<128>>,
        /// Root of the state's entry tree.
        entries_root: Hash,
        /// Number of entries.
        entries: u32,
        /// Proof of the entry leaf.
        proof: Proof,
    },
    /// A tensor of the step's batch: the batch's examples in row order,
    /// which hash to the agreed batch root and assemble into the tensor.
    Batch {
        /// `(label, f32 bits of the features)` of each row.
        examples: BoundedVec<ExampleWitness, polkadot_sdk::frame_support::traits::ConstU32<MAX_BATCH>>,
    },
}

impl SourceProof {
    /// Entry `index`, named `name`, of a state whose entry tree is `entries`.
    pub fn state(name: &[u8], entries: &gensyn_commitment::merkle::Tree, index: u32) -> Self {
        SourceProof::State {
            name: BoundedVec::truncate_from(name.to_vec()),
            entries_root: entries.root(),
            entries: entries.len(),
            proof: entries.proof(index).unwrap_or_default(),
        }
    }
}

/// Most rows of a batch arbitration reads.
pub const MAX_BATCH: u32 = 4096;

/// One dataset example in a witness.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ExampleWitness {
    /// Its label.
    pub label: u32,
    /// `f32::to_bits` of its features.
    pub features: BoundedVec<u32, polkadot_sdk::frame_support::traits::ConstU32<65_536>>,
}

impl ExampleWitness {
    /// Its features as `f32`.
    pub fn values(&self) -> alloc::vec::Vec<f32> {
        self.features.iter().map(|b| f32::from_bits(*b)).collect()
    }
}

/// One input of an arbitrated node: its shape and tile root, which hash to
/// the tensor hash its source proves, and exactly the tiles of it that the
/// disputed output reads ([`gensyn_commitment::tile::reads`]; all of them
/// for a whole operator).
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct InputWitness {
    /// Dimensions (rank ≤ 4).
    pub dims: BoundedVec<u32, polkadot_sdk::frame_support::traits::ConstU32<4>>,
    /// The root of its tile tree.
    pub tiles_root: Hash,
    /// The opened tiles, ascending by index.
    pub tiles: BoundedVec<OpenedTile, polkadot_sdk::frame_support::traits::ConstU32<MAX_OPENED_TILES>>,
    /// Its provenance.
    pub proof: SourceProof,
}

impl InputWitness {
    /// The opening of tiles `which` (ascending) of `t`, each with its proof
    /// (none when every tile is opened), from `source`: what a party that
    /// holds the tensor posts.
    pub fn open(t: &gensyn_commitment::tensor::Tensor, which: &[u32], source: SourceProof) -> Self {
        use gensyn_commitment::tensor::{tile_tree, Layout};
        let layout = Layout::of(&t.dims).unwrap_or(Layout { rows: 0, cols: 0, bh: 1, bw: 1 });
        let tree = tile_tree(&t.dims, &t.values);
        let whole = which.len() as u32 == layout.tiles();
        let tiles = which
            .iter()
            .map(|&i| OpenedTile {
                index: i,
                bits: BoundedVec::truncate_from(layout.gather(&t.values, i).iter().map(|v| v.to_bits()).collect()),
                proof: if whole { Proof::default() } else { tree.proof(i).unwrap_or_default() },
            })
            .collect::<alloc::vec::Vec<_>>();
        InputWitness {
            dims: BoundedVec::truncate_from(t.dims.clone()),
            tiles_root: tree.root(),
            tiles: BoundedVec::truncate_from(tiles),
            proof: source,
        }
    }
    /// Every tile of `t`: the input of a whole-operator arbitration.
    pub fn whole(t: &gensyn_commitment::tensor::Tensor, source: SourceProof) -> Self {
        let tiles = gensyn_commitment::tensor::tile_count(&t.dims);
        Self::open(t, &(0..tiles).collect::<alloc::vec::Vec<_>>(), source)
    }
}

/// One entry of the state after the step, for arbitrating the trace's
/// final leaf (the assembly of the new state from the last nodes' outputs).
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct EntryWitness {
    /// The entry's name.
    pub name: BoundedVec<u8, polkadot_sdk::frame_support::traits::ConstU32<128>>,
    /// Its tensor hash before the step.
    pub before: Hash,
    /// Proof of the entry in the state before the step.
    pub before_proof: Proof,
    /// Its tensor hash after the step (an output of the program's tail).
    pub after: Hash,
    /// Proof of that output's trace leaf in the defender's trace.
    pub after_proof: Proof,
}

/// What `arbitrate` is given.
#[derive(Encode, Decode, DecodeWithMemTracking, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound)]
#[scale_info(skip_type_params(MaxLen, MaxEntries))]
pub enum Witness<MaxLen: Get<u32>, MaxEntries: Get<u32>> {
    /// Re-execute one operator node.
    Node {
        /// The node.
        node: gensyn_commitment::trace::Node,
        /// Proof of its leaf in the task's program tree.
        node_proof: Proof,
        /// Its inputs.
        inputs: BoundedVec<InputWitness, polkadot_sdk::frame_support::traits::ConstU32<4>>,
    },
    /// The dataset example of a disputed batch row, with its proof
    /// against the task's `dataset_root`.
    Example {
        /// Its label.
        label: u32,
        /// `f32::to_bits` of its features.
        features: BoundedVec<u32, MaxLen>,
        /// Proof of its leaf at the index the order names.
        proof: Proof,
    },
    /// Recompute a reduction's leaf: the node, the input tiles the run
    /// reads (`reduction::leaf_reads`) and, for a fold, the agreed
    /// accumulator it continues from.
    Leaf {
        /// The node.
        node: gensyn_commitment::trace::Node,
        /// Proof of its leaf in the task's program tree.
        node_proof: Proof,
        /// Its inputs.
        inputs: BoundedVec<InputWitness, polkadot_sdk::frame_support::traits::ConstU32<4>>,
        /// `f32::to_bits` of the accumulator after `0..lo` (empty for a tree).
        acc: BoundedVec<u32, polkadot_sdk::frame_support::traits::ConstU32<{ gensyn_commitment::tensor::TILE as u32 }>>,
    },
    /// Add a tree node's two agreed children.
    Addition {
        /// `f32::to_bits` of the left child.
        left:
            BoundedVec<u32, polkadot_sdk::frame_support::traits::ConstU32<{ gensyn_commitment::tensor::TILE as u32 }>>,
        /// `f32::to_bits` of the right child.
        right:
            BoundedVec<u32, polkadot_sdk::frame_support::traits::ConstU32<{ gensyn_commitment::tensor::TILE as u32 }>>,
    },
    /// Recompute the state after the step from the program's last nodes.
    Assembly {
        /// Root of the entry tree of the state before the step.
        entries_root: Hash,
        /// All entries, in name order.
        entries: BoundedVec<EntryWitness, MaxEntries>,
    },
}
