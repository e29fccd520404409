//! A task's life: submission, the two lotteries (entries, late randomness,
//! VRF reveals), commitment, the blind audit (start openings, whistleblowers'
//! committed checks, the verifier's verdict, end openings, reveals), the
//! forced-error draw and settlement. Disputes are in `dispute.rs`; money
//! paths in `funds.rs`. Why each rule is there: `docs/protocol.md`.

use crate::{hash_of, vrf::VrfVerifier, *};
use alloc::{collections::BTreeSet, vec::Vec};
use gensyn_commitment::{merkle, state::checkpoint_leaf};
use polkadot_sdk::{
    frame_support::{
        pallet_prelude::*,
        traits::{
            fungible::{Inspect, Mutate, MutateHold},
            tokens::{Precision, Preservation},
        },
    },
    frame_system::{self, pallet_prelude::BlockNumberFor},
    sp_runtime::traits::{CheckedAdd, Saturating, UniqueSaturatedInto, Zero},
};

/// Why randomness for a draw is not there yet.
pub enum Wait<BlockNumber> {
    /// Ask again at this block (and resume the beacon scan there).
    Until(BlockNumber),
    /// It never will be (its beacon was pruned, or never recorded): the
    /// draw fails closed.
    Never,
}

/// Whether a round drawn with `seed` is a forced-error round:
/// `H(seed) mod 10^6 < ppm`.
pub fn is_forced(seed: &Hash, ppm: u32) -> bool {
    let h = hash_of(&(b"gensyn/forced", seed));
    u32::from_le_bytes([h[0], h[1], h[2], h[3]]) % 1_000_000 < ppm
}

/// The message of the proof of possession `register_keys` takes.
pub fn registration_alpha<A: Encode>(who: &A) -> Vec<u8> {
    (b"gensyn/register", who).encode()
}

/// The message a selection's VRF proofs are over.
pub fn selection_alpha(role: Role, task: TaskId, seed: &Hash) -> Vec<u8> {
    (b"gensyn/select", role, task, seed).encode()
}

/// A whistleblower's blind check: `H(task, who, ends, salt)`. The checker's
/// account is inside, so nobody can post another's commitment as its own.
pub fn check_commitment<A: Encode>(task: TaskId, who: &A, ends: &[Hash], salt: &Hash) -> Hash {
    hash_of(&(b"gensyn/check", task, who, ends, salt))
}

/// `−log2(u)` in fixed point (40 fractional bits) for the fraction
/// `u = (x + 1) / 2^64`: in `(0, 64 · 2^40]`, integer-only so every node
/// computes it alike.
pub fn neg_log2(x: u64) -> u128 {
    const FRAC: u32 = 40;
    let m = x as u128 + 1;
    // floor(log2 m), 0..=64; then m as a Q1.63 mantissa in [1, 2).
    let n = 127 - m.leading_zeros();
    let mut y: u128 = if n == 64 { 1 << 63 } else { m << (63 - n) };
    let mut frac: u128 = 0;
    for i in 1..=FRAC {
        y = (y * y) >> 63;
        if y >= 1 << 64 {
            y >>= 1;
            frac |= 1 << (FRAC - i);
        }
    }
    (64u128 << FRAC) - (((n as u128) << FRAC) | frac)
}

/// A VRF output's stake-weighted score: `−log2(u) / weight` (lower wins).
/// `−ln u` of a uniform `u` is exponential with rate 1, so the score is
/// exponential with rate ∝ weight, and the lowest of several wins with
/// probability its weight's share of theirs: splitting a stake into
/// sybils, or entering with less, never raises a party's chance.
pub fn score(output: &Hash, weight: u128) -> u128 {
    let x =
        u64::from_le_bytes([output[0], output[1], output[2], output[3], output[4], output[5], output[6], output[7]]);
    (neg_log2(x) << 64) / weight.max(1)
}

/// `count` distinct segments out of `segments`, drawn from `seed`, ascending.
pub fn pick_segments(seed: &Hash, segments: u32, count: u32) -> Vec<u32> {
    let count = count.min(segments);
    let mut picked = BTreeSet::new();
    let mut i = 0u32;
    // Rejection sampling, bounded; a sequential fill finishes the rare rest.
    while (picked.len() as u32) < count && i < count.saturating_mul(16) {
        let h = hash_of(&(seed, i));
        picked.insert(u32::from_le_bytes([h[0], h[1], h[2], h[3]]) % segments);
        i += 1;
    }
    let mut j = 0;
    while (picked.len() as u32) < count {
        picked.insert(j);
        j += 1;
    }
    picked.into_iter().collect()
}

/// The runs of adjacent segments in an ascending list, as position ranges.
/// Only a run's start is opened before the checks: an audited segment's
/// start inside a run is the previous one's end, which must stay hidden.
pub fn runs(segments: &[u32]) -> Vec<core::ops::Range<u32>> {
    let mut out: Vec<core::ops::Range<u32>> = Vec::new();
    for (p, s) in segments.iter().enumerate() {
        let p = p as u32;
        match out.last_mut() {
            Some(r) if p > 0 && segments[p as usize - 1] + 1 == *s => r.end = p + 1,
            _ => out.push(p..p + 1),
        }
    }
    out
}

/// The positions at which a checker with `ends` challenges the solver,
/// whose ends are `solver`: in each run, its first disagreement. Past it
/// the checker replayed from its own start, not the solver's, so its later
/// ends in the run claim nothing about the solver's segments.
pub fn first_disagreements(segments: &[u32], solver: &[Hash], ends: &[Hash]) -> Vec<u32> {
    runs(segments)
        .into_iter()
        .filter_map(|r| r.clone().find(|&p| solver.get(p as usize) != ends.get(p as usize)))
        .collect()
}

impl<T: Config> Pallet<T> {
    fn now() -> BlockNumberFor<T> {
        frame_system::Pallet::<T>::block_number()
    }

    /// Randomness for `subject` of `task` that became known only after
    /// block `after`; `Err(at)`: not yet, ask again at block `at`. The
    /// source says since when its value was known (`Randomness::random`'s
    /// block), and a draw must not use a value anyone could see while the
    /// inputs it is combined with could still change (C4). The value is the
    /// [`Beacon`] of the first block whose value was known only after
    /// `after`, whichever block the timer runs in: a party that pokes a
    /// late timer cannot choose the block, and so the seed.
    fn fresh(subject: &[u8], task: TaskId, after: BlockNumberFor<T>) -> Result<Hash, Wait<BlockNumberFor<T>>> {
        let now = Self::now();
        let mix = |v: Hash| hash_of(&(b"gensyn", subject, task, v));
        let one: BlockNumberFor<T> = 1u32.into();
        let probe = after.saturating_add(one);
        if probe > now {
            return Err(Wait::Until(probe));
        }
        // Never the current block's value: whoever pokes a late timer would
        // choose it. No beacon (pruned, or from before the pallet kept
        // them) fails closed.
        let Some((_, known)) = Beacon::<T>::get(probe) else {
            return Err(Wait::Never);
        };
        // The source's lag, read at the first block after `after`; the scan
        // resumes where a previous call left it (a lag that grew).
        let lag = probe.saturating_sub(known);
        let target = if known > after { probe } else { after.saturating_add(lag).saturating_add(one) };
        let mut block = target.max(Waiting::<T>::get(task).unwrap_or_default());
        for _ in 0..MAX_BEACON_SCAN {
            if block > now {
                return Err(Wait::Until(block));
            }
            match Beacon::<T>::get(block) {
                Some((v, k)) if k > after => return Ok(mix(v)),
                Some(_) => block = block.saturating_add(one),
                None => return Err(Wait::Never),
            }
        }
        Err(Wait::Until(block))
    }

    /// Schedules a timer that waits for fresh randomness at `at`, once: a
    /// poke of a waiting task must not queue another timer each time.
    /// `at` is also where the beacon scan resumes.
    fn wait_for_randomness(id: TaskId, at: BlockNumberFor<T>) {
        if Waiting::<T>::get(id) != Some(at) {
            Waiting::<T>::insert(id, at);
            Self::schedule(Timer::Task(id), at.max(Self::now().saturating_add(1u32.into())));
        }
    }

    /// Moves `task` to `phase` and schedules its deadline; the data the
    /// phase may replay from is kept past it.
    fn set_phase(id: TaskId, task: &mut TaskOf<T>, phase: Phase<BlockNumberFor<T>>) {
        if let Some(d) = phase.deadline() {
            Self::schedule(Timer::Task(id), d.saturating_add(1u32.into()));
            Self::retain_data(id, task, d);
        }
        task.phase = phase;
    }

    /// Keeps the data a window of task `id` ending at `until` may need —
    /// its spec, its dataset and every checkpoint it opened — available
    /// until a move window past it (C7): an abandoned game's re-challenge
    /// window follows, and a game's first move replays from a checkpoint.
    pub(crate) fn retain_data(id: TaskId, task: &TaskOf<T>, until: BlockNumberFor<T>) {
        use polkadot_sdk::sp_runtime::traits::UniqueSaturatedInto;
        let until: u64 = until.saturating_add(Parameters::<T>::get().move_window).unique_saturated_into();
        T::Availability::retain(&task.spec.spec_hash, until);
        T::Availability::retain(&task.spec.dataset_commitment(), until);
        if let Some(audit) = Audits::<T>::get(id) {
            for s in audit.segments.iter() {
                for state in [s.start, s.end].into_iter().flatten() {
                    T::Availability::retain(&state, until);
                }
            }
        }
    }

    /// The task's current deadline has not passed. Timers may run late (a
    /// busy block leaves them to the next), and a call after its deadline
    /// must not escape what its timer would bring (m3).
    fn in_time(task: &TaskOf<T>) -> DispatchResult {
        ensure!(task.phase.deadline().is_none_or(|d| Self::now() <= d), Error::<T>::TooLate);
        Ok(())
    }

    /// `who` has an active `role` stake of at least the role's minimum.
    fn ensure_staked(who: &T::AccountId, role: Role) -> DispatchResult {
        let active = Stakes::<T>::get(who, role).map(|l| l.active).unwrap_or_default();
        ensure!(!active.is_zero() && active >= Self::min_stake(role), Error::<T>::NotStaked);
        Ok(())
    }

    /// `who` may check task `task` as a whistleblower: staked as one, and
    /// none of its solver, verifier or submitter.
    fn ensure_outside_checker(task: &TaskOf<T>, who: &T::AccountId) -> DispatchResult {
        ensure!(
            task.solver.as_ref() != Some(who) && task.verifier.as_ref() != Some(who) && task.submitter != *who,
            Error::<T>::NotAllowed
        );
        Self::ensure_staked(who, Role::Whistleblower)
    }

    fn task(id: TaskId) -> Result<TaskOf<T>, DispatchError> {
        Tasks::<T>::get(id).ok_or_else(|| Error::<T>::UnknownTask.into())
    }

    pub(crate) fn do_submit(
        who: T::AccountId,
        spec: TaskSpec,
        manifest: ManifestOf<T>,
        fee: BalanceOf<T>,
        deadline: BlockNumberFor<T>,
    ) -> DispatchResult {
        let params = Parameters::<T>::get();
        let now = Self::now();
        ensure!(!fee.is_zero(), Error::<T>::ZeroAmount);
        ensure!(fee >= params.min_fee, Error::<T>::FeeTooLow);
        // Entries, the source's lag (read from the last beacon), the draw,
        // and the `selection_window` blocks a draw must leave to train.
        let lag = Beacon::<T>::get(now).map(|(_, known)| now.saturating_sub(known)).unwrap_or_default();
        let selection = params
            .selection_window
            .saturating_mul(2u32.into())
            .saturating_add(params.draw_window)
            .saturating_add(lag)
            .saturating_add(1u32.into());
        ensure!(
            spec.steps >= 1
                && spec.steps <= T::MaxSteps::get()
                && spec.checkpoint_every >= 1
                && spec.checkpoint_every <= spec.steps
                && spec.program_len >= 1
                && spec.program_len <= T::MaxProgramLen::get()
                && spec.order.samples >= 1
                && spec.order.batch >= 1
                && spec.order.batch <= spec.order.samples.min(MAX_BATCH)
                // A batch input must fit one arbitration witness.
                && spec.example_len >= 1
                && (spec.order.batch as u64).saturating_mul(spec.example_len as u64) <= T::MaxTensorLen::get() as u64
                && deadline > now.saturating_add(selection),
            Error::<T>::InvalidTask
        );
        let (shapes_root, state_shapes, state_entries) = Self::check_program(&spec, &manifest)?;
        let escrow = fee.checked_add(&params.deposit).ok_or(Error::<T>::Overflow)?;
        T::Currency::hold(&HoldReason::TaskFee.into(), &who, escrow).map_err(|_| Error::<T>::InsufficientBalance)?;
        let id = NextTaskId::<T>::get();
        NextTaskId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
        let closes_at = now.saturating_add(params.selection_window);
        let mut task = TaskInfo {
            submitter: who.clone(),
            spec,
            fee,
            deposit: params.deposit,
            collateral: (Zero::zero(), Zero::zero()),
            redraws: 0,
            final_hash: None,
            deadline,
            created_at: now,
            solver: None,
            commitment: None,
            verifier: None,
            phase: Phase::Finalized,
            shapes_root,
            state_shapes,
            state_entries,
        };
        Self::set_phase(id, &mut task, Phase::SolverSelection { closes_at, entrants: 0 });
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::TaskSubmitted { task: id, submitter: who, fee, closes_at });
        Ok(())
    }

    /// The role whose selection is open, or whose draw is.
    fn selection_role(task: &TaskOf<T>) -> Option<Role> {
        match task.phase {
            Phase::SolverSelection { .. } | Phase::SolverDraw { .. } => Some(Role::Solver),
            Phase::VerifierSelection { .. } | Phase::VerifierDraw { .. } => Some(Role::Verifier),
            _ => None,
        }
    }

    pub(crate) fn do_enter(who: T::AccountId, id: TaskId) -> DispatchResult {
        let mut task = Self::task(id)?;
        let role = match task.phase {
            Phase::SolverSelection { .. } => Role::Solver,
            Phase::VerifierSelection { .. } => Role::Verifier,
            _ => return Err(Error::<T>::WrongPhase.into()),
        };
        Self::in_time(&task)?;
        ensure!(task.solver.as_ref() != Some(&who) && task.submitter != who, Error::<T>::NotAllowed);
        // A redrawn verifier must not be one of the task's checkers.
        ensure!(!Checks::<T>::contains_key(id, &who), Error::<T>::NotAllowed);
        Self::ensure_staked(&who, role)?;
        let key = Keys::<T>::get(&who).ok_or(Error::<T>::NoKeys)?;
        ensure!(key.since <= Self::now(), Error::<T>::KeyTooNew);
        ensure!(!Entries::<T>::contains_key(id, &who), Error::<T>::AlreadyEntered);
        let weight = Self::free_stake(&who, role);
        ensure!(weight >= Self::collateral_for(role, task.fee), Error::<T>::InsufficientCollateral);
        Entries::<T>::insert(id, &who, weight);
        if let Phase::SolverSelection { entrants, .. } | Phase::VerifierSelection { entrants, .. } = &mut task.phase {
            *entrants = entrants.saturating_add(1);
        }
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::SelectionEntered { task: id, who, role, weight });
        Ok(())
    }

    pub(crate) fn do_reveal_selection(who: T::AccountId, id: TaskId, proof: VrfProofOf<T>) -> DispatchResult {
        let task = Self::task(id)?;
        let (Phase::SolverDraw { seed, entries_closed, .. } | Phase::VerifierDraw { seed, entries_closed, .. }) =
            task.phase.clone()
        else {
            return Err(Error::<T>::WrongPhase.into());
        };
        let role = Self::selection_role(&task).ok_or(Error::<T>::WrongPhase)?;
        Self::in_time(&task)?;
        let weight = Entries::<T>::get(id, &who).ok_or(Error::<T>::NotAllowed)?;
        let key = Keys::<T>::get(&who).ok_or(Error::<T>::NoKeys)?;
        // A key replaced after the entries closed could have been chosen
        // knowing the seed.
        ensure!(key.since <= entries_closed, Error::<T>::KeyTooNew);
        let output =
            T::Vrf::verify(&key.key, &selection_alpha(role, id, &seed), &proof).ok_or(Error::<T>::InvalidVrfProof)?;
        // Weight never exceeds what is still free to lock when it wins.
        let weight = weight.min(Self::free_stake(&who, role));
        ensure!(weight >= Self::collateral_for(role, task.fee), Error::<T>::InsufficientCollateral);
        let score = score(&output, weight.unique_saturated_into());
        let best = Selections::<T>::get(id);
        if best.as_ref().is_none_or(|b| (score, output) < (b.score, b.output)) {
            // The leader's collateral is locked while it leads, so that it
            // cannot unstake from under the draw it is winning.
            let collateral = Self::collateral_for(role, task.fee);
            Self::lock(&who, role, collateral)?;
            if let Some(b) = best {
                Self::unlock(&b.who, role, b.collateral);
            }
            Selections::<T>::insert(id, Candidate { who: who.clone(), output, score, collateral });
        }
        Self::deposit_event(Event::SelectionRevealed { task: id, who, role, score });
        Ok(())
    }

    pub(crate) fn do_commit(
        who: T::AccountId,
        id: TaskId,
        commitment: SolverCommitment,
        model_proof: Proof,
    ) -> DispatchResult {
        let mut task = Self::task(id)?;
        ensure!(matches!(task.phase, Phase::Training { .. }), Error::<T>::WrongPhase);
        Self::in_time(&task)?;
        ensure!(task.solver.as_ref() == Some(&who), Error::<T>::NotAllowed);
        // M3: the chain of checkpoints starts at the submitted model.
        let n = task.spec.checkpoints();
        ensure!(
            merkle::verify(&commitment.checkpoint_root, n, 0, &checkpoint_leaf(0, &task.spec.model_hash), &model_proof),
            Error::<T>::InvalidOpening
        );
        let closes_at = Self::now().saturating_add(Parameters::<T>::get().selection_window);
        Self::set_phase(id, &mut task, Phase::VerifierSelection { closes_at, entrants: 0 });
        task.commitment = Some(commitment.clone());
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::Committed { task: id, commitment });
        Ok(())
    }

    /// Checks each opening's proof and availability, and returns the states by index.
    fn check_openings(
        task: &TaskOf<T>,
        openings: &[Opening],
        needed: &BTreeSet<u32>,
    ) -> Result<Vec<(u32, Hash)>, DispatchError> {
        let c = task.commitment.clone().ok_or(Error::<T>::WrongPhase)?;
        let n = task.spec.checkpoints();
        let given: BTreeSet<u32> = openings.iter().map(|o| o.index).collect();
        ensure!(given == *needed && given.len() == openings.len(), Error::<T>::InvalidOpening);
        for o in openings {
            ensure!(
                merkle::verify(&c.checkpoint_root, n, o.index, &checkpoint_leaf(o.index, &o.state), &o.proof),
                Error::<T>::InvalidOpening
            );
            // Checkers replay from these states: the next window opens only
            // once they can be fetched (C7), and until then the clock runs
            // against the solver.
            ensure!(T::Availability::is_available(&o.state), Error::<T>::Unavailable);
        }
        Ok(openings.iter().map(|o| (o.index, o.state)).collect())
    }

    pub(crate) fn do_open(who: T::AccountId, id: TaskId, openings: Vec<Opening>) -> DispatchResult {
        let mut task = Self::task(id)?;
        ensure!(matches!(task.phase, Phase::Opening { .. }), Error::<T>::WrongPhase);
        Self::in_time(&task)?;
        ensure!(task.solver.as_ref() == Some(&who), Error::<T>::NotAllowed);
        let mut audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        let indices = audit.indices();
        // Only each run's start: the others are earlier segments' ends.
        let needed: BTreeSet<u32> = runs(&indices).iter().map(|r| indices[r.start as usize]).collect();
        let states = Self::check_openings(&task, &openings, &needed)?;
        for (index, state) in states {
            ensure!(index != 0 || state == task.spec.model_hash, Error::<T>::InvalidOpening);
            if let Some(s) = audit.segments.iter_mut().find(|s| s.segment == index) {
                s.start = Some(state);
            }
        }
        let closes_at = Self::now().saturating_add(Parameters::<T>::get().whistle_window);
        Self::set_phase(id, &mut task, Phase::Checking { closes_at });
        Audits::<T>::insert(id, audit);
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::CheckpointsOpened { task: id });
        Ok(())
    }

    pub(crate) fn do_commit_check(who: T::AccountId, id: TaskId, commitment: Hash) -> DispatchResult {
        let task = Self::task(id)?;
        ensure!(matches!(task.phase, Phase::Checking { .. }), Error::<T>::WrongPhase);
        Self::in_time(&task)?;
        Self::ensure_outside_checker(&task, &who)?;
        let mut audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        // No bound on checkers: a full list would let a solver's sybils,
        // who need not replay, keep every honest checker out.
        ensure!(!Checks::<T>::contains_key(id, &who), Error::<T>::AlreadyEntered);
        let indices = audit.indices();
        let params = Parameters::<T>::get();
        let per_run = params.whistle_bond;
        let bond = per_run.saturating_mul((runs(&indices).len() as u32).into());
        let deposit = params.check_deposit;
        T::Currency::hold(&HoldReason::WhistleBond.into(), &who, bond.saturating_add(deposit))
            .map_err(|_| Error::<T>::InsufficientBalance)?;
        // The ticket: a right check dilutes every other right party's
        // forced-round share, so adding one is never free; it goes to the
        // jackpot and raises this task's forced-round cap.
        let ticket = params.check_ticket.mul_floor(task.fee);
        if !ticket.is_zero() {
            T::Currency::transfer(&who, &Self::jackpot_account(), ticket, Preservation::Preserve)
                .map_err(|_| Error::<T>::InsufficientBalance)?;
            audit.tickets = audit.tickets.saturating_add(ticket);
        }
        Checks::<T>::insert(id, &who, Check { commitment, per_run, bond, ticket, deposit, ends: None, right: false });
        audit.checks = audit.checks.saturating_add(1);
        Audits::<T>::insert(id, audit);
        Self::deposit_event(Event::CheckCommitted { task: id, who });
        Ok(())
    }

    pub(crate) fn do_post_verdict(who: T::AccountId, id: TaskId, ends: Vec<Hash>) -> DispatchResult {
        let mut task = Self::task(id)?;
        ensure!(matches!(task.phase, Phase::Verdict { .. }), Error::<T>::WrongPhase);
        Self::in_time(&task)?;
        ensure!(task.verifier.as_ref() == Some(&who), Error::<T>::NotAllowed);
        let mut audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        ensure!(ends.len() == audit.segments.len(), Error::<T>::InvalidReveal);
        for (s, e) in audit.segments.iter_mut().zip(ends) {
            s.verdict = Some(e);
        }
        let open_by = Self::now().saturating_add(Parameters::<T>::get().opening_window);
        Self::set_phase(id, &mut task, Phase::EndOpening { open_by });
        Audits::<T>::insert(id, audit);
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::VerdictPosted { task: id, verifier: who });
        Ok(())
    }

    pub(crate) fn do_open_ends(who: T::AccountId, id: TaskId, openings: Vec<Opening>) -> DispatchResult {
        let mut task = Self::task(id)?;
        ensure!(matches!(task.phase, Phase::EndOpening { .. }), Error::<T>::WrongPhase);
        Self::in_time(&task)?;
        ensure!(task.solver.as_ref() == Some(&who), Error::<T>::NotAllowed);
        let mut audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        let last = task.spec.checkpoints() - 1;
        let mut needed: BTreeSet<u32> = audit.segments.iter().map(|s| s.segment + 1).collect();
        needed.insert(last);
        let states = Self::check_openings(&task, &openings, &needed)?;
        let state_at = |i: u32| states.iter().find(|(j, _)| *j == i).map(|(_, s)| *s);
        let final_hash = state_at(last).ok_or(Error::<T>::InvalidOpening)?;
        for s in audit.segments.iter_mut() {
            s.end = state_at(s.segment + 1);
            // Inside a run, a start is the previous segment's end.
            if s.start.is_none() {
                s.start = state_at(s.segment);
            }
        }
        ensure!(audit.segments.iter().all(|s| s.start.is_some() && s.end.is_some()), Error::<T>::InvalidOpening);
        task.final_hash = Some(final_hash);
        audit.reveals_open = true;
        let reveal_by = Self::now().saturating_add(Parameters::<T>::get().reveal_window);
        Self::set_phase(id, &mut task, Phase::Reveal { reveal_by });
        Audits::<T>::insert(id, audit);
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::EndsOpened { task: id, final_hash });
        Ok(())
    }

    pub(crate) fn do_reveal_check(who: T::AccountId, id: TaskId, ends: Vec<Hash>, salt: Hash) -> DispatchResult {
        let task = Self::task(id)?;
        ensure!(matches!(task.phase, Phase::Reveal { .. }), Error::<T>::WrongPhase);
        Self::in_time(&task)?;
        let mut audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        let n = audit.segments.len();
        let mut check = Checks::<T>::get(id, &who).ok_or(Error::<T>::NotAllowed)?;
        ensure!(
            check.ends.is_none() && ends.len() == n && check.commitment == check_commitment(id, &who, &ends, &salt),
            Error::<T>::InvalidReveal
        );
        // The solver's ends are public now: the check's games open at once
        // (its first disagreement in each run), each with one run's bond;
        // the bond of every run it agreed on comes back.
        let indices = audit.indices();
        let solver_ends = audit.solver_ends();
        let games = if audit.convicted { Vec::new() } else { first_disagreements(&indices, &solver_ends, &ends) };
        for &p in &games {
            let claim = ends[p as usize];
            let game = Self::open_game(
                id,
                &task,
                &mut audit,
                who.clone(),
                Challenger::Whistleblower,
                p,
                claim,
                check.per_run,
            )?;
            Challenges::<T>::insert(id, (who.clone(), p), game);
        }
        let in_games = check.per_run.saturating_mul((games.len() as u32).into());
        Self::release_bond(&who, check.bond.saturating_sub(in_games))?;
        check.bond = Zero::zero();
        check.right = ends == solver_ends;
        if check.right {
            audit.right = audit.right.saturating_add(1);
        }
        check.ends = Some(BoundedVec::truncate_from(ends));
        Checks::<T>::insert(id, &who, check);
        Audits::<T>::insert(id, audit);
        Self::deposit_event(Event::CheckRevealed { task: id, who });
        Ok(())
    }

    pub(crate) fn do_whistle(who: T::AccountId, id: TaskId, position: u32, claim: Hash) -> DispatchResult {
        let task = Self::task(id)?;
        ensure!(
            matches!(task.phase, Phase::Disputed { rechallenge_until } if Self::now() <= rechallenge_until),
            Error::<T>::WrongPhase
        );
        Self::ensure_outside_checker(&task, &who)?;
        let mut audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        // Once convicted, there is nothing left to challenge.
        ensure!(!audit.convicted, Error::<T>::WrongPhase);
        ensure!(!Challenges::<T>::contains_key(id, (&who, position)), Error::<T>::InvalidWhistle);
        let bond =
            Parameters::<T>::get().whistle_bond.saturating_mul(2u32.saturating_pow(audit.windows.min(16)).into());
        T::Currency::hold(&HoldReason::WhistleBond.into(), &who, bond).map_err(|_| Error::<T>::InsufficientBalance)?;
        let game =
            Self::open_game(id, &task, &mut audit, who.clone(), Challenger::Whistleblower, position, claim, bond)?;
        Challenges::<T>::insert(id, (who.clone(), position), game);
        Audits::<T>::insert(id, audit);
        Self::deposit_event(Event::Whistled { task: id, who, position });
        Ok(())
    }

    /// After the reveals: draw the forced-error round and open a game for
    /// the verifier's first disagreement in each run (with its collateral
    /// at stake; whistleblowers' games opened at their reveals); then wait
    /// for every game to end. Unrevealed checks are settled one by one
    /// (`settle_check`).
    fn resolve(id: TaskId, mut task: TaskOf<T>, mut audit: AuditOf<T>, seed: Option<Hash>) -> DispatchResult {
        let forced = seed.is_some_and(|seed| is_forced(&seed, Parameters::<T>::get().forced_error_ppm));
        audit.forced = Some(forced);
        Self::deposit_event(Event::ForcedDrawn { task: id, forced });
        let indices = audit.indices();
        let solver_ends = audit.solver_ends();
        if !audit.convicted {
            if let Some(v) = task.verifier.clone() {
                let verdict: Vec<Hash> = audit.segments.iter().map(|s| s.verdict.unwrap_or_default()).collect();
                for p in first_disagreements(&indices, &solver_ends, &verdict) {
                    let claim = verdict[p as usize];
                    Self::open_game(id, &task, &mut audit, v.clone(), Challenger::Verifier, p, claim, Zero::zero())?;
                }
            }
        }
        let now = Self::now();
        let reopen = audit.reopen && !audit.convicted;
        audit.reopen = false;
        if audit.games == 0 && !reopen {
            return Self::conclude(id, task, audit);
        }
        if reopen {
            Self::open_rechallenge(id, &mut task, &mut audit, now);
        } else {
            // No window: it closed a block ago, and the last game's end concludes the task.
            task.phase = Phase::Disputed { rechallenge_until: now.saturating_sub(1u32.into()) };
        }
        Audits::<T>::insert(id, audit);
        Tasks::<T>::insert(id, task);
        Ok(())
    }

    /// After a game ended: open a re-challenge window if its challenger gave
    /// up, and end the task once no game runs and no window is open.
    pub(crate) fn after_game(id: TaskId, mut task: TaskOf<T>, mut audit: AuditOf<T>, reopen: bool) -> DispatchResult {
        let now = Self::now();
        let Phase::Disputed { rechallenge_until } = task.phase else {
            // Before the games: `resolve` takes it from here.
            audit.reopen |= reopen;
            Audits::<T>::insert(id, audit);
            return Ok(());
        };
        if reopen {
            Self::open_rechallenge(id, &mut task, &mut audit, rechallenge_until);
            Audits::<T>::insert(id, audit);
            Tasks::<T>::insert(id, task);
            return Ok(());
        }
        if audit.games == 0 && (audit.convicted || now > rechallenge_until) {
            return Self::conclude(id, task, audit);
        }
        Audits::<T>::insert(id, audit);
        Ok(())
    }

    /// Opens (or extends) a re-challenge window to `whistle_window` blocks
    /// from now, never ending before `until`; counts it, so the next
    /// challenges post a doubled bond.
    fn open_rechallenge(id: TaskId, task: &mut TaskOf<T>, audit: &mut AuditOf<T>, until: BlockNumberFor<T>) {
        let until = Self::now().saturating_add(Parameters::<T>::get().whistle_window).max(until);
        audit.windows = audit.windows.saturating_add(1);
        Self::set_phase(id, task, Phase::Disputed { rechallenge_until: until });
        Self::deposit_event(Event::RechallengeOpened { task: id, until });
    }

    /// Ends an audited task: refunds the submitter (solver convicted) or
    /// pays, and in a forced round pays every party whose ends were right.
    fn conclude(id: TaskId, task: TaskOf<T>, mut audit: AuditOf<T>) -> DispatchResult {
        let convicted = audit.convicted;
        let verifier_paid = !audit.verifier_faulted && audit.segments.iter().all(|s| s.verdict.is_some());
        if convicted {
            Audits::<T>::insert(id, audit);
            return Self::cancel(id, task, CancelReason::SolverConvicted);
        }
        if audit.forced == Some(true) {
            let verifier_right =
                verifier_paid && audit.segments.iter().all(|s| s.verdict.is_some() && s.verdict == s.end);
            let mut now_paid: Vec<T::AccountId> = task.solver.iter().cloned().collect();
            if verifier_right {
                now_paid.extend(task.verifier.clone());
            }
            let k = (now_paid.len() as u32).saturating_add(audit.right);
            let share = Self::forced_share(task.fee, audit.tickets, k);
            Self::pay_shares(id, &now_paid, share)?;
            // The right whistleblowers claim theirs (`settle_check`): held
            // on the jackpot now, so no later round can spend it.
            let reserved = share.saturating_mul(audit.right.into());
            if !reserved.is_zero() {
                T::Currency::hold(&HoldReason::ForcedShares.into(), &Self::jackpot_account(), reserved)?;
                audit.share = share;
            }
        }
        Audits::<T>::insert(id, audit);
        Self::finalize(id, task, verifier_paid)
    }

    /// Settles one check after its reveal window (see [`Pallet::settle_check`]).
    pub(crate) fn do_settle_check(id: TaskId, who: T::AccountId) -> DispatchResult {
        let task = Self::task(id)?;
        let check = Checks::<T>::get(id, &who).ok_or(Error::<T>::NotAllowed)?;
        let audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        let over = match task.phase {
            Phase::Finalized | Phase::Cancelled { .. } => true,
            Phase::Disputed { .. } => check.ends.is_none(),
            _ => false,
        };
        ensure!(over, Error::<T>::WrongPhase);
        let (mut paid, mut forfeited) = (Zero::zero(), Zero::zero());
        // The share first, while the deposit still keeps the account alive.
        if check.right && task.phase == Phase::Finalized && !audit.share.is_zero() {
            paid = Self::pay_held_share(id, &who, audit.share)?;
        }
        if check.ends.is_none() {
            if audit.reveals_open {
                // Committed and never revealed once the ends were public: a
                // probe that cannot cost nothing, or every wrong guess could hide.
                Self::forfeit_bond(id, &who, check.bond, None)?;
                forfeited = check.bond;
            } else {
                // The task ended before anyone could reveal.
                Self::release_bond(&who, check.bond)?;
            }
        }
        // No forced round was drawn (the task ended before the reveals
        // closed): the ticket priced a dilution that never happened.
        if audit.forced.is_none() && !check.ticket.is_zero() {
            T::Currency::transfer(&Self::jackpot_account(), &who, check.ticket, Preservation::Preserve)?;
        }
        Self::release_bond(&who, check.deposit)?;
        Checks::<T>::remove(id, &who);
        Self::deposit_event(Event::CheckSettled { task: id, who, paid, forfeited });
        Ok(())
    }

    /// Pays a right check its forced-round share from the jackpot's
    /// reserve; returns what was paid. A share below the existential
    /// deposit owed to an account that no longer exists (reaped, with no
    /// deposit held) cannot be paid: it goes back to the pot rather than
    /// stay held for ever.
    fn pay_held_share(id: TaskId, who: &T::AccountId, share: BalanceOf<T>) -> Result<BalanceOf<T>, DispatchError> {
        let reason = HoldReason::ForcedShares.into();
        let jackpot = Self::jackpot_account();
        // Holds do not count toward what an account needs to receive: ask
        // the currency whether the deposit can land.
        let lands =
            T::Currency::can_deposit(who, share, polkadot_sdk::frame_support::traits::tokens::Provenance::Extant);
        if lands != polkadot_sdk::frame_support::traits::tokens::DepositConsequence::Success {
            T::Currency::release(&reason, &jackpot, share, Precision::Exact)?;
            return Ok(Zero::zero());
        }
        T::Currency::transfer_on_hold(
            &reason,
            &jackpot,
            who,
            share,
            Precision::Exact,
            polkadot_sdk::frame_support::traits::tokens::Restriction::Free,
            polkadot_sdk::frame_support::traits::tokens::Fortitude::Polite,
        )?;
        Self::deposit_event(Event::JackpotPaid { task: id, who: who.clone(), amount: share });
        Ok(share)
    }

    pub(crate) fn release_bond(who: &T::AccountId, bond: BalanceOf<T>) -> DispatchResult {
        if !bond.is_zero() {
            T::Currency::release(&HoldReason::WhistleBond.into(), who, bond, Precision::Exact)?;
        }
        Ok(())
    }

    /// Forfeits a whistle bond: the `slash_to_winner` share to `to` (the
    /// other side, for its costs), the rest to the jackpot.
    pub(crate) fn forfeit_bond(
        task: TaskId,
        who: &T::AccountId,
        bond: BalanceOf<T>,
        to: Option<&T::AccountId>,
    ) -> DispatchResult {
        if bond.is_zero() {
            return Ok(());
        }
        let mut rest = bond;
        if let Some(to) = to {
            let share = Parameters::<T>::get().slash_to_winner.mul_floor(bond);
            Self::pay_from_hold(HoldReason::WhistleBond, who, to, share)?;
            rest = bond.saturating_sub(share);
        }
        Self::pay_from_hold(HoldReason::WhistleBond, who, &Self::jackpot_account(), rest)?;
        Self::deposit_event(Event::BondForfeited { task, who: who.clone(), amount: bond });
        Ok(())
    }

    /// Pays the solver (and the verifier, unless it faulted) from the
    /// escrowed fee, taxes the jackpot, returns the deposit, and ends the task.
    pub(crate) fn finalize(id: TaskId, mut task: TaskOf<T>, verifier_paid: bool) -> DispatchResult {
        let solver = task.solver.clone().ok_or(Error::<T>::WrongPhase)?;
        let verifier = task.verifier.clone().filter(|_| verifier_paid);
        let (to_solver, to_verifier, tax) = Self::split_fee(task.fee, verifier.is_some())?;
        let from = task.submitter.clone();
        Self::pay_from_hold(HoldReason::TaskFee, &from, &solver, to_solver)?;
        if let Some(v) = &verifier {
            Self::pay_from_hold(HoldReason::TaskFee, &from, v, to_verifier)?;
        }
        Self::pay_from_hold(HoldReason::TaskFee, &from, &Self::jackpot_account(), tax)?;
        T::Currency::release(&HoldReason::TaskFee.into(), &from, task.deposit, Precision::Exact)?;
        Self::deposit_event(Event::TaskFinalized { task: id, solver, paid: to_solver });
        Self::end_engagements(&task);
        task.phase = Phase::Finalized;
        Tasks::<T>::insert(id, task);
        Ok(())
    }

    /// Returns the escrow to the submitter (the deposit to the solver when
    /// no audit could be had) and ends the task; its checks are settled one
    /// by one (`settle_check`).
    pub(crate) fn cancel(id: TaskId, mut task: TaskOf<T>, reason: CancelReason) -> DispatchResult {
        let sub = task.submitter.clone();
        let mut deposit = task.deposit;
        if let (CancelReason::NoAudit, Some(s)) = (reason, task.solver.clone()) {
            Self::pay_from_hold(HoldReason::TaskFee, &sub, &s, deposit)?;
            Self::deposit_event(Event::DepositPaid { task: id, to: s, amount: deposit });
            deposit = Zero::zero();
        }
        let escrow = task.fee.checked_add(&deposit).ok_or(Error::<T>::Overflow)?;
        T::Currency::release(&HoldReason::TaskFee.into(), &sub, escrow, Precision::Exact)?;
        Waiting::<T>::remove(id);
        Self::end_engagements(&task);
        task.phase = Phase::Cancelled { reason };
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::TaskCancelled { task: id, reason });
        Ok(())
    }

    fn end_engagements(task: &TaskOf<T>) {
        if let Some(s) = &task.solver {
            Self::disengage(s, Role::Solver);
            Self::unlock(s, Role::Solver, task.collateral.0);
        }
        if let Some(v) = &task.verifier {
            Self::disengage(v, Role::Verifier);
            Self::unlock(v, Role::Verifier, task.collateral.1);
        }
    }

    /// Slashes the solver's collateral for this task.
    pub(crate) fn slash_solver(task: &TaskOf<T>, winner: Option<&T::AccountId>) -> DispatchResult {
        if let Some(s) = &task.solver {
            Self::slash(s, Role::Solver, task.collateral.0, winner)?;
        }
        Ok(())
    }

    /// Slashes the verifier's collateral for this task.
    pub(crate) fn slash_verifier(task: &TaskOf<T>, winner: Option<&T::AccountId>) -> DispatchResult {
        if let Some(v) = &task.verifier {
            Self::slash(v, Role::Verifier, task.collateral.1, winner)?;
        }
        Ok(())
    }

    /// A verifier draw failed: draw again, at most `max_redraws` times;
    /// then the task ends unaudited (M2): nothing is paid for an unaudited
    /// result, and the submitter's deposit compensates the solver.
    fn failed_draw(id: TaskId, mut task: TaskOf<T>) -> DispatchResult {
        let params = Parameters::<T>::get();
        task.redraws = task.redraws.saturating_add(1);
        Self::deposit_event(Event::Redraw { task: id, redraws: task.redraws });
        if task.redraws > params.max_redraws {
            return Self::cancel(id, task, CancelReason::NoAudit);
        }
        let closes_at = Self::now().saturating_add(params.selection_window);
        Self::set_phase(id, &mut task, Phase::VerifierSelection { closes_at, entrants: 0 });
        Tasks::<T>::insert(id, task);
        Ok(())
    }

    /// The best revealed entrant of a draw, whose collateral is locked
    /// since it took the lead; clears the draw's entries.
    fn draw_winner(id: TaskId, role: Role) -> Option<(T::AccountId, BalanceOf<T>)> {
        // Each entry paid for its own removal when it was made.
        let _ = Entries::<T>::clear_prefix(id, u32::MAX, None);
        let best = Selections::<T>::take(id)?;
        Self::engage(&best.who, role);
        Some((best.who, best.collateral))
    }

    /// A task's deadline passed: whoever had to act did not.
    pub(crate) fn on_task_timer(id: TaskId, now: BlockNumberFor<T>) -> DispatchResult {
        let Some(mut task) = Tasks::<T>::get(id) else {
            return Ok(());
        };
        // Stale timers (the phase moved on in time) are ignored.
        if task.phase.deadline().map_or(true, |d| d >= now) {
            return Ok(());
        }
        let params = Parameters::<T>::get();
        match task.phase.clone() {
            // The submitter's data must be there before anyone is asked to train on it (C7).
            Phase::SolverSelection { .. } if !Self::data_available(&task) => {
                let _ = Entries::<T>::clear_prefix(id, u32::MAX, None);
                Self::cancel(id, task, CancelReason::DataUnavailable)
            }
            Phase::SolverSelection { entrants: 0, .. } => Self::cancel(id, task, CancelReason::NoSolver),
            Phase::SolverSelection { closes_at, .. } => Self::open_draw(id, task, Role::Solver, closes_at),
            Phase::SolverDraw { .. } => match Self::draw_winner(id, Role::Solver) {
                // At least `selection_window` blocks left to train: a draw
                // delayed past that (a lagging queue, slow randomness) must
                // not hand the winner a deadline it cannot meet.
                Some((solver, collateral)) if task.deadline > now.saturating_add(params.selection_window) => {
                    task.solver = Some(solver.clone());
                    task.collateral.0 = collateral;
                    let commit_by = task.deadline;
                    Self::set_phase(id, &mut task, Phase::Training { commit_by });
                    Tasks::<T>::insert(id, task);
                    Self::deposit_event(Event::SolverSelected { task: id, solver, commit_by });
                    Ok(())
                }
                Some((solver, collateral)) => {
                    // The draw ran past the task's deadline.
                    Self::disengage(&solver, Role::Solver);
                    Self::unlock(&solver, Role::Solver, collateral);
                    Self::cancel(id, task, CancelReason::NoSolver)
                }
                None => Self::cancel(id, task, CancelReason::NoSolver),
            },
            // The data went away while the solver trained: the clock ran
            // against the submitter, whose fee pays the solver's time.
            Phase::Training { .. } if !Self::data_available(&task) => {
                if let Some(s) = task.solver.clone() {
                    Self::pay_from_hold(HoldReason::TaskFee, &task.submitter, &s, task.fee)?;
                    task.fee = Zero::zero();
                }
                Self::cancel(id, task, CancelReason::DataUnavailable)
            }
            Phase::Training { .. } => {
                Self::slash_solver(&task, None)?;
                Self::cancel(id, task, CancelReason::SolverTimeout)
            }
            Phase::VerifierSelection { entrants: 0, .. } => Self::failed_draw(id, task),
            Phase::VerifierSelection { closes_at, .. } => Self::open_draw(id, task, Role::Verifier, closes_at),
            Phase::VerifierDraw { seed, .. } => match Self::draw_winner(id, Role::Verifier) {
                Some((verifier, collateral)) => {
                    task.verifier = Some(verifier.clone());
                    task.collateral.1 = collateral;
                    if let Some(mut audit) = Audits::<T>::get(id) {
                        // A redraw after a verifier missed its verdict: the
                        // ends are still hidden, so the new one checks blind too.
                        audit.verifier_faulted = false;
                        // As long to replay as the first verifier had.
                        let verdict_by =
                            now.saturating_add(params.whistle_window).saturating_add(params.verdict_window);
                        Self::set_phase(id, &mut task, Phase::Verdict { verdict_by });
                        let segments = audit.indices();
                        Audits::<T>::insert(id, audit);
                        Tasks::<T>::insert(id, task);
                        Self::deposit_event(Event::AuditDrawn { task: id, verifier, segments });
                        return Ok(());
                    }
                    let picks = pick_segments(&hash_of(&(b"audit", seed)), task.spec.segments(), params.audit_segments);
                    let segments: BoundedVec<_, _> = BoundedVec::truncate_from(
                        picks
                            .iter()
                            .map(|&segment| AuditedSegment { segment, start: None, end: None, verdict: None })
                            .collect::<Vec<_>>(),
                    );
                    let open_by = now.saturating_add(params.opening_window);
                    Self::set_phase(id, &mut task, Phase::Opening { open_by });
                    Audits::<T>::insert(
                        id,
                        Audit {
                            seed,
                            segments,
                            forced: None,
                            verifier_faulted: false,
                            checks: 0,
                            right: 0,
                            reveals_open: false,
                            share: Zero::zero(),
                            tickets: Zero::zero(),
                            games: 0,
                            convicted: false,
                            misshapen: Default::default(),
                            reopen: false,
                            windows: 0,
                        },
                    );
                    Tasks::<T>::insert(id, task);
                    Self::deposit_event(Event::AuditDrawn { task: id, verifier, segments: picks });
                    Ok(())
                }
                None => Self::failed_draw(id, task),
            },
            Phase::Opening { .. } | Phase::EndOpening { .. } => {
                Self::slash_solver(&task, None)?;
                Self::cancel(id, task, CancelReason::OpeningTimeout)
            }
            Phase::Checking { .. } => {
                let verdict_by = now.saturating_add(params.verdict_window);
                Self::set_phase(id, &mut task, Phase::Verdict { verdict_by });
                Tasks::<T>::insert(id, task);
                Ok(())
            }
            Phase::Verdict { .. } => {
                // The verifier missed its verdict: slashed, and another is
                // drawn (M2); the ends are still hidden.
                Self::slash_verifier(&task, None)?;
                if let Some(v) = task.verifier.take() {
                    Self::disengage(&v, Role::Verifier);
                    Self::unlock(&v, Role::Verifier, task.collateral.1);
                }
                task.collateral.1 = Zero::zero();
                Self::failed_draw(id, task)
            }
            Phase::Reveal { reveal_by } => match Self::fresh(b"forced", id, reveal_by) {
                Ok(seed) => {
                    Waiting::<T>::remove(id);
                    let audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
                    Self::resolve(id, task, audit, Some(seed))
                }
                Err(Wait::Until(at)) => {
                    Self::wait_for_randomness(id, at);
                    Ok(())
                }
                // No usable randomness: the round is not forced.
                Err(Wait::Never) => {
                    Waiting::<T>::remove(id);
                    let audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
                    Self::resolve(id, task, audit, None)
                }
            },
            Phase::Disputed { .. } => {
                // The re-challenge window closed; the task ends once its games have.
                match Audits::<T>::get(id).filter(|a| a.games == 0) {
                    Some(a) => Self::conclude(id, task, a),
                    None => Ok(()),
                }
            }
            Phase::Finalized | Phase::Cancelled { .. } => Ok(()),
        }
    }

    /// The entries of a selection closed: draw the seed, once randomness
    /// known only after `closes_at` exists, and open the reveals.
    fn open_draw(id: TaskId, mut task: TaskOf<T>, role: Role, closes_at: BlockNumberFor<T>) -> DispatchResult {
        let subject: &[u8] = if role == Role::Solver { b"solver" } else { b"verifier" };
        match Self::fresh(subject, id, closes_at) {
            Ok(seed) => {
                Waiting::<T>::remove(id);
                let reveal_by = Self::now().saturating_add(Parameters::<T>::get().draw_window);
                let phase = if role == Role::Solver {
                    Phase::SolverDraw { seed, entries_closed: closes_at, reveal_by }
                } else {
                    Phase::VerifierDraw { seed, entries_closed: closes_at, reveal_by }
                };
                Self::set_phase(id, &mut task, phase);
                Tasks::<T>::insert(id, task);
                Self::deposit_event(Event::DrawOpened { task: id, role, seed, reveal_by });
            }
            Err(Wait::Until(at)) => Self::wait_for_randomness(id, at),
            // No usable randomness: this draw fails closed.
            Err(Wait::Never) => {
                Waiting::<T>::remove(id);
                let _ = Entries::<T>::clear_prefix(id, u32::MAX, None);
                return if role == Role::Solver {
                    Self::cancel(id, task, CancelReason::NoSolver)
                } else {
                    Self::failed_draw(id, task)
                };
            }
        }
        Ok(())
    }

    /// The submitter's spec and dataset are attested available.
    fn data_available(task: &TaskOf<T>) -> bool {
        T::Availability::is_available(&task.spec.spec_hash)
            && T::Availability::is_available(&task.spec.dataset_commitment())
    }

    pub(crate) fn on_timer(timer: Timer, now: BlockNumberFor<T>) -> DispatchResult {
        match timer {
            Timer::Task(id) => Self::on_task_timer(id, now),
            Timer::Dispute(id) => Self::on_dispute_timer(id, now),
        }
    }
}

impl<T: Config> Pallet<T> {
    /// An opened checkpoint whose state is not a state of the task at that
    /// checkpoint (another step written in it, other shapes) convicts the
    /// solver: an honest solver's every state is one, and another could
    /// leave no game an honest challenger can finish (no record of the
    /// checkpoint's step starts from it, a node's leaf cannot be read, a
    /// step does not run). `position` names an audited segment (its start,
    /// or with `end` its end), or, past the last, the final checkpoint.
    ///
    /// The winner's share of the slash goes to the prover only if it
    /// committed blind before the ends were public (the verifier, or a
    /// checker of the task): the solver's own sybil, racing the honest
    /// checkers to the proof, takes nothing back. A misshapen start of an
    /// audited segment is recorded even after a game convicted the solver,
    /// so that the challengers its games leave without a move are not
    /// punished ([`Audit::misshapen`]).
    pub(crate) fn do_prove_misshapen(
        who: T::AccountId,
        id: TaskId,
        position: u32,
        end: bool,
        proof: MisshapenProof,
    ) -> DispatchResult {
        let task = Self::task(id)?;
        // Once every audited checkpoint is open.
        ensure!(matches!(task.phase, Phase::Reveal { .. } | Phase::Disputed { .. }), Error::<T>::WrongPhase);
        let mut audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        let (index, state) = match audit.segments.get(position as usize) {
            Some(seg) if end => (seg.segment + 1, seg.end),
            Some(seg) => (seg.segment, seg.start),
            None if position as usize == audit.segments.len() => {
                (task.spec.checkpoints().saturating_sub(1), task.final_hash)
            }
            None => return Err(Error::<T>::InvalidWitness.into()),
        };
        // A game starts from it: the start of an audited segment.
        let starts_games = audit.segments.iter().any(|s| s.segment == index);
        ensure!(
            !audit.misshapen.contains(&index) && (!audit.convicted || starts_games),
            Error::<T>::WrongPhase
        );
        let state = state.ok_or(Error::<T>::InvalidWitness)?;
        ensure!(
            gensyn_commitment::state::hash_from_root(proof.step, proof.entries, &proof.entries_root) == state,
            Error::<T>::InvalidWitness
        );
        // A state that says another step: no record of the checkpoint's
        // step can start from it, so no honest challenger could replay.
        let misshapen = proof.step != task.spec.checkpoint_step(index) || proof.entries != task.state_entries || {
            let Some((e, name, dims, shape_proof)) = &proof.entry else {
                return Err(Error::<T>::InvalidWitness.into());
            };
            let hash = gensyn_commitment::tensor::hash_from_tile_root(&e.dims, &e.tiles_root);
            let entry = gensyn_commitment::state::entry_leaf(&e.name, &hash);
            let expected = gensyn_commitment::shape::entry_shape_leaf(e.index, name, dims);
            ensure!(
                merkle::verify(&proof.entries_root, proof.entries, e.index, &entry, &e.proof)
                    && merkle::verify(&task.state_shapes, task.state_entries, e.index, &expected, shape_proof),
                Error::<T>::InvalidWitness
            );
            e.name != *name || e.dims != *dims
        };
        ensure!(misshapen, Error::<T>::InvalidWitness);
        if starts_games {
            audit.misshapen.try_push(index).map_err(|_| Error::<T>::Overflow)?;
        }
        if !audit.convicted {
            audit.convicted = true;
            let blind = task.verifier.as_ref() == Some(&who) || Checks::<T>::contains_key(id, &who);
            Self::slash_solver(&task, blind.then_some(&who))?;
        }
        Self::deposit_event(Event::MisshapenCheckpoint { task: id, checkpoint: index, by: who });
        Self::after_game(id, task, audit, false)
    }
}
