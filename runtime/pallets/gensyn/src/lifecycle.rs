//! A task's life: submission, VRF selections, commitment, audit draw,
//! checkpoint opening, verdict commit-reveal, whistles, forced errors and
//! settlement. Disputes are in `dispute.rs`; money paths in `funds.rs`.

use crate::{hash_of, vrf::VrfVerifier, *};
use alloc::{collections::BTreeSet, vec::Vec};
use gensyn_commitment::{merkle, state::checkpoint_leaf};
use polkadot_sdk::{
    frame_support::{
        pallet_prelude::*,
        traits::{fungible::MutateHold, tokens::Precision, Randomness},
    },
    frame_system::{self, pallet_prelude::BlockNumberFor},
    sp_runtime::traits::{Saturating, Zero},
};

/// The forced-error commitment a verifier registers for its secret `r`.
pub fn secret_commitment(secret: &Hash) -> Hash {
    hash_of(&(b"gensyn/secret", secret))
}

/// Whether secret `r` forces an error for an audit drawn with `seed`:
/// `H(r ‖ seed) mod 10^6 < ppm`.
pub fn is_forced(secret: &Hash, seed: &Hash, ppm: u32) -> bool {
    let h = hash_of(&(b"gensyn/forced", secret, seed));
    u32::from_le_bytes([h[0], h[1], h[2], h[3]]) % 1_000_000 < ppm
}

/// The message a selection's VRF proofs are over.
pub fn selection_alpha(role: Role, task: TaskId, seed: &Hash) -> Vec<u8> {
    (b"gensyn/select", role, task, seed).encode()
}

/// The verdict commitment: `H(task, end hashes, salt)`.
pub fn verdict_commitment(task: TaskId, ends: &[Hash], salt: &Hash) -> Hash {
    hash_of(&(task, ends, salt))
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

impl<T: Config> Pallet<T> {
    fn now() -> BlockNumberFor<T> {
        frame_system::Pallet::<T>::block_number()
    }

    /// Fresh randomness for `subject` of `task`, hashed to 32 bytes.
    fn draw(subject: &[u8], task: TaskId) -> Hash {
        let (random, _) = T::Randomness::random(&(b"gensyn", subject, task).encode());
        hash_of(&random)
    }

    /// Moves `task` to `phase` and schedules its deadline (never fails:
    /// see [`Pallet::schedule`]).
    fn set_phase(id: TaskId, task: &mut TaskOf<T>, phase: Phase<BlockNumberFor<T>>) {
        if let Some(d) = phase.deadline() {
            Self::schedule(Timer::Task(id), d.saturating_add(1u32.into()));
        }
        task.phase = phase;
    }

    /// The task's current deadline has not passed. Timers may run late (a
    /// full block spills them), and a call after its deadline must not
    /// escape the slash its timer would bring.
    fn in_time(task: &TaskOf<T>) -> DispatchResult {
        ensure!(task.phase.deadline().is_none_or(|d| Self::now() <= d), Error::<T>::TooLate);
        Ok(())
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
                && deadline > now.saturating_add(params.selection_window),
            Error::<T>::InvalidTask
        );
        let (shapes_root, state_shapes, state_entries) = Self::check_program(&spec, &manifest)?;
        T::Currency::hold(&HoldReason::TaskFee.into(), &who, fee).map_err(|_| Error::<T>::InsufficientBalance)?;
        let id = NextTaskId::<T>::get();
        NextTaskId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
        let closes_at = now.saturating_add(params.selection_window);
        let mut task = TaskInfo {
            submitter: who.clone(),
            spec,
            fee,
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
        Self::set_phase(id, &mut task, Phase::SolverSelection { seed: Self::draw(b"solver", id), closes_at });
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::TaskSubmitted { task: id, submitter: who, fee, closes_at });
        Ok(())
    }

    pub(crate) fn do_enter(who: T::AccountId, id: TaskId, proof: VrfProofOf<T>) -> DispatchResult {
        let task = Self::task(id)?;
        let (role, seed) = match task.phase {
            Phase::SolverSelection { seed, .. } => (Role::Solver, seed),
            Phase::VerifierSelection { seed, .. } => (Role::Verifier, seed),
            _ => return Err(Error::<T>::WrongPhase.into()),
        };
        Self::in_time(&task)?;
        ensure!(task.solver.as_ref() != Some(&who) && task.submitter != who, Error::<T>::NotAllowed);
        let active = Stakes::<T>::get(&who, role).map(|l| l.active).unwrap_or_default();
        ensure!(!active.is_zero() && active >= Self::min_stake(role), Error::<T>::NotStaked);
        let (key, _) = Keys::<T>::get(&who).ok_or(Error::<T>::NoKeys)?;
        let output =
            T::Vrf::verify(&key, &selection_alpha(role, id, &seed), &proof).ok_or(Error::<T>::InvalidVrfProof)?;
        Selections::<T>::mutate(id, |best| match best {
            Some(b) if b.output <= output => {}
            _ => *best = Some(Candidate { who: who.clone(), output }),
        });
        Self::deposit_event(Event::SelectionEntered { task: id, who, role, output });
        Ok(())
    }

    pub(crate) fn do_commit(who: T::AccountId, id: TaskId, commitment: SolverCommitment) -> DispatchResult {
        let mut task = Self::task(id)?;
        ensure!(matches!(task.phase, Phase::Training { .. }), Error::<T>::WrongPhase);
        Self::in_time(&task)?;
        ensure!(task.solver.as_ref() == Some(&who), Error::<T>::NotAllowed);
        let closes_at = Self::now().saturating_add(Parameters::<T>::get().selection_window);
        Self::set_phase(id, &mut task, Phase::VerifierSelection { seed: Self::draw(b"verifier", id), closes_at });
        task.commitment = Some(commitment.clone());
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::Committed { task: id, commitment });
        Ok(())
    }

    pub(crate) fn do_open(who: T::AccountId, id: TaskId, openings: Vec<Opening>) -> DispatchResult {
        let mut task = Self::task(id)?;
        ensure!(matches!(task.phase, Phase::Opening { .. }), Error::<T>::WrongPhase);
        Self::in_time(&task)?;
        ensure!(task.solver.as_ref() == Some(&who), Error::<T>::NotAllowed);
        let mut audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        let c = task.commitment.clone().ok_or(Error::<T>::WrongPhase)?;
        let n = task.spec.checkpoints();
        let needed: BTreeSet<u32> = audit.segments.iter().flat_map(|s| [s.segment, s.segment + 1]).collect();
        let given: BTreeSet<u32> = openings.iter().map(|o| o.index).collect();
        ensure!(given == needed && given.len() == openings.len(), Error::<T>::InvalidOpening);
        for o in &openings {
            ensure!(
                merkle::verify(&c.checkpoint_root, n, o.index, &checkpoint_leaf(o.index, &o.state), &o.proof),
                Error::<T>::InvalidOpening
            );
            // The verifier and whistleblowers replay from these states: the
            // verdict window opens only once they can be fetched (C7), and
            // until then the opening clock runs against the solver.
            ensure!(T::Availability::is_available(&o.state), Error::<T>::Unavailable);
            // The chain of checkpoints starts at the submitted model and ends
            // at the committed final state.
            ensure!(o.index != 0 || o.state == task.spec.model_hash, Error::<T>::InvalidOpening);
            ensure!(o.index + 1 != n || o.state == c.final_hash, Error::<T>::InvalidOpening);
        }
        let state_at = |i: u32| openings.iter().find(|o| o.index == i).map(|o| o.state);
        for s in audit.segments.iter_mut() {
            s.start = state_at(s.segment);
            s.end = state_at(s.segment + 1);
        }
        let commit_by = Self::now().saturating_add(Parameters::<T>::get().verdict_window);
        Self::set_phase(id, &mut task, Phase::VerdictCommit { commit_by });
        Audits::<T>::insert(id, audit);
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::CheckpointsOpened { task: id });
        Ok(())
    }

    pub(crate) fn do_commit_verdict(who: T::AccountId, id: TaskId, commitment: Hash) -> DispatchResult {
        let mut task = Self::task(id)?;
        ensure!(matches!(task.phase, Phase::VerdictCommit { .. }), Error::<T>::WrongPhase);
        Self::in_time(&task)?;
        ensure!(task.verifier.as_ref() == Some(&who), Error::<T>::NotAllowed);
        Audits::<T>::try_mutate(id, |a| -> DispatchResult {
            a.as_mut().ok_or(Error::<T>::WrongPhase)?.verdict_commitment = Some(commitment);
            Ok(())
        })?;
        let reveal_by = Self::now().saturating_add(Parameters::<T>::get().reveal_window);
        Self::set_phase(id, &mut task, Phase::VerdictReveal { reveal_by });
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::VerdictCommitted { task: id });
        Ok(())
    }

    pub(crate) fn do_reveal_verdict(who: T::AccountId, id: TaskId, ends: Vec<Hash>, salt: Hash) -> DispatchResult {
        let mut task = Self::task(id)?;
        ensure!(matches!(task.phase, Phase::VerdictReveal { .. }), Error::<T>::WrongPhase);
        Self::in_time(&task)?;
        ensure!(task.verifier.as_ref() == Some(&who), Error::<T>::NotAllowed);
        let mut audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        ensure!(
            ends.len() == audit.segments.len()
                && audit.verdict_commitment == Some(verdict_commitment(id, &ends, &salt)),
            Error::<T>::InvalidReveal
        );
        let mut disagreements = 0;
        for (s, e) in audit.segments.iter_mut().zip(ends) {
            disagreements += (s.end != Some(e)) as u32;
            s.verdict = Some(e);
        }
        let closes_at = Self::now().saturating_add(Parameters::<T>::get().whistle_window);
        Self::set_phase(id, &mut task, Phase::Whistle { closes_at });
        Audits::<T>::insert(id, audit);
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::VerdictRevealed { task: id, disagreements });
        Ok(())
    }

    pub(crate) fn do_whistle(who: T::AccountId, id: TaskId, position: u32, claim: Hash) -> DispatchResult {
        let task = Self::task(id)?;
        let in_window = matches!(task.phase, Phase::Whistle { .. });
        let rechallenge =
            matches!(task.phase, Phase::Disputed { rechallenge_until } if Self::now() <= rechallenge_until);
        ensure!(in_window || rechallenge, Error::<T>::WrongPhase);
        ensure!(
            task.solver.as_ref() != Some(&who) && task.verifier.as_ref() != Some(&who) && task.submitter != who,
            Error::<T>::NotAllowed
        );
        let active = Stakes::<T>::get(&who, Role::Whistleblower).map(|l| l.active).unwrap_or_default();
        ensure!(!active.is_zero() && active >= Self::min_stake(Role::Whistleblower), Error::<T>::NotStaked);
        if in_window {
            Self::in_time(&task)?;
        }
        let mut audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        let seg = audit.segments.get(position as usize).ok_or(Error::<T>::InvalidWhistle)?;
        let end = seg.end.ok_or(Error::<T>::WrongPhase)?;
        let verdict = seg.verdict;
        let bond = Parameters::<T>::get().whistle_bond;
        if claim != end {
            let bond = bond.saturating_mul(2u32.saturating_pow(audit.windows.min(16)).into());
            // A challenge of the solver: a game of its own, whatever the
            // verdict said, so no earlier challenger's silence decides it.
            // Once convicted, there is nothing left to challenge.
            ensure!(!audit.convicted, Error::<T>::WrongPhase);
            ensure!(!Challenges::<T>::contains_key(id, (&who, position)), Error::<T>::InvalidWhistle);
            T::Currency::hold(&HoldReason::WhistleBond.into(), &who, bond)
                .map_err(|_| Error::<T>::InsufficientBalance)?;
            let game =
                Self::open_game(id, &task, &mut audit, who.clone(), Challenger::Whistleblower, position, claim, bond)?;
            Challenges::<T>::insert(id, (who, position), game);
            Audits::<T>::insert(id, audit);
            return Ok(());
        }
        // Siding with the solver against a verdict that disagreed with it.
        ensure!(in_window && verdict != Some(end), Error::<T>::InvalidWhistle);
        ensure!(!audit.whistles.iter().any(|w| w.who == who && w.position == position), Error::<T>::InvalidWhistle);
        audit
            .whistles
            .try_push(Whistle { who: who.clone(), position, claim, bond, settled: false })
            .map_err(|_| Error::<T>::InvalidWhistle)?;
        T::Currency::hold(&HoldReason::WhistleBond.into(), &who, bond).map_err(|_| Error::<T>::InsufficientBalance)?;
        Audits::<T>::insert(id, audit);
        Self::deposit_event(Event::Whistled { task: id, who, position });
        Ok(())
    }

    pub(crate) fn do_reveal_secret(who: T::AccountId, id: TaskId, secret: Hash) -> DispatchResult {
        let task = Self::task(id)?;
        ensure!(matches!(task.phase, Phase::SecretReveal { .. }), Error::<T>::WrongPhase);
        Self::in_time(&task)?;
        ensure!(task.verifier.as_ref() == Some(&who), Error::<T>::NotAllowed);
        let mut audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        ensure!(secret_commitment(&secret) == audit.secret_commitment, Error::<T>::InvalidSecret);
        let forced = is_forced(&secret, &audit.seed, Parameters::<T>::get().forced_error_ppm);
        audit.forced = Some(forced);
        Self::deposit_event(Event::SecretRevealed { task: id, forced });
        Self::resolve(id, task, audit);
        Ok(())
    }

    /// After the secret (or its deadline): pay forced-error catches, punish
    /// an ignored forced error, open a game for each genuine disagreement,
    /// then wait for every game (and any re-challenge window) to end.
    fn resolve(id: TaskId, mut task: TaskOf<T>, mut audit: AuditOf<T>) {
        let forced = audit.forced == Some(true);
        // (position, verdict) of each segment whose verdict is not the solver's end.
        let disagreements: Vec<(u32, Hash)> = audit
            .segments
            .iter()
            .enumerate()
            .filter_map(|(p, s)| s.verdict.filter(|v| Some(*v) != s.end).map(|v| (p as u32, v)))
            .collect();
        let verifier = task.verifier.clone();
        if forced {
            if disagreements.is_empty() {
                // It agreed although forced to err: it did not follow the protocol.
                if let Some(v) = verifier.as_ref().filter(|_| !audit.verifier_faulted) {
                    Self::slash(v, Role::Verifier, None);
                }
                audit.verifier_faulted = true;
            } else {
                let positions: Vec<u32> = disagreements.iter().map(|(p, _)| *p).collect();
                let mut catchers = Vec::new();
                for w in audit.whistles.iter_mut().filter(|w| !w.settled && positions.contains(&w.position)) {
                    Self::release_bond(&w.who, w.bond);
                    w.settled = true;
                    catchers.push(w.who.clone());
                }
                Self::pay_jackpot(id, &catchers);
            }
        } else if !audit.convicted {
            // Each disagreement is the verifier's claim: a game of its own.
            if let Some(v) = verifier {
                for (position, claim) in disagreements {
                    // Cannot fail: the segment is opened and the claim is not the solver's end.
                    let _ = Self::open_game(
                        id,
                        &task,
                        &mut audit,
                        v.clone(),
                        Challenger::Verifier,
                        position,
                        claim,
                        Zero::zero(),
                    );
                }
            }
        }
        let now = Self::now();
        // A challenger gave up during the whistle window: its claim gets a window of its own.
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
    }

    /// After a game ended: open a re-challenge window if its challenger gave
    /// up, and end the task once no game runs and no window is open.
    pub(crate) fn after_game(id: TaskId, mut task: TaskOf<T>, mut audit: AuditOf<T>, reopen: bool) {
        let now = Self::now();
        let Phase::Disputed { rechallenge_until } = task.phase else {
            // Still in the whistle window or waiting for the secret: `resolve` takes it from here.
            audit.reopen |= reopen;
            return Audits::<T>::insert(id, audit);
        };
        if reopen {
            Self::open_rechallenge(id, &mut task, &mut audit, rechallenge_until);
            Audits::<T>::insert(id, audit);
            return Tasks::<T>::insert(id, task);
        }
        if audit.games == 0 && (audit.convicted || now > rechallenge_until) {
            return Self::conclude(id, task, audit);
        }
        Audits::<T>::insert(id, audit);
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

    /// Ends an audited task: settles the whistles that sided with the
    /// solver, then refunds the submitter (solver convicted) or pays.
    fn conclude(id: TaskId, task: TaskOf<T>, mut audit: AuditOf<T>) {
        Self::settle_whistles(&mut audit);
        let (convicted, verifier_paid) = (audit.convicted, !audit.verifier_faulted);
        Audits::<T>::insert(id, audit);
        if convicted {
            Self::cancel(id, task, CancelReason::SolverConvicted);
        } else {
            Self::finalize(id, task, verifier_paid);
        }
    }

    pub(crate) fn release_bond(who: &T::AccountId, bond: BalanceOf<T>) {
        let _ = T::Currency::release(&HoldReason::WhistleBond.into(), who, bond, Precision::BestEffort);
    }

    /// Forfeits a whistle bond: the `slash_to_winner` share to `to` (the
    /// other side, for its costs), the rest to the jackpot.
    pub(crate) fn forfeit_bond(task: TaskId, who: &T::AccountId, bond: BalanceOf<T>, to: Option<&T::AccountId>) {
        let mut rest = bond;
        if let Some(to) = to {
            let share = Parameters::<T>::get().slash_to_winner.mul_floor(bond);
            let _ = Self::pay_from_hold(HoldReason::WhistleBond, who, to, share);
            rest = bond.saturating_sub(share);
        }
        if Self::pay_from_hold(HoldReason::WhistleBond, who, &Self::jackpot_account(), rest).is_ok() {
            Self::deposit_event(Event::BondForfeited { task, who: who.clone(), amount: bond });
        }
    }

    /// Returns the bonds of the whistles that sided with the solver and
    /// were not paid from the jackpot. Nothing on chain proves one wrong: a
    /// game that convicts the solver proves one of its step records wrong,
    /// not the segment end they backed. (That such a whistle costs nothing
    /// in expectation is the incentives issue's M1.)
    pub(crate) fn settle_whistles(audit: &mut AuditOf<T>) {
        for w in audit.whistles.iter_mut().filter(|w| !w.settled) {
            w.settled = true;
            Self::release_bond(&w.who, w.bond);
        }
    }

    /// Pays the solver (and the verifier, unless it faulted) from the
    /// escrowed fee, taxes the jackpot, and ends the task.
    pub(crate) fn finalize(id: TaskId, mut task: TaskOf<T>, verifier_paid: bool) {
        let Some(solver) = task.solver.clone() else {
            return;
        };
        let verifier = task.verifier.clone().filter(|_| verifier_paid);
        if let Ok((to_solver, to_verifier, tax)) = Self::split_fee(task.fee, verifier.is_some()) {
            let from = task.submitter.clone();
            let _ = Self::pay_from_hold(HoldReason::TaskFee, &from, &solver, to_solver);
            if let Some(v) = &verifier {
                let _ = Self::pay_from_hold(HoldReason::TaskFee, &from, v, to_verifier);
            }
            let _ = Self::pay_from_hold(HoldReason::TaskFee, &from, &Self::jackpot_account(), tax);
            Self::deposit_event(Event::TaskFinalized { task: id, solver: solver.clone(), paid: to_solver });
        }
        Self::end_engagements(&task);
        task.phase = Phase::Finalized;
        Tasks::<T>::insert(id, task);
    }

    /// Returns the fee to the submitter and ends the task.
    pub(crate) fn cancel(id: TaskId, mut task: TaskOf<T>, reason: CancelReason) {
        let _ = T::Currency::release(&HoldReason::TaskFee.into(), &task.submitter, task.fee, Precision::BestEffort);
        Self::end_engagements(&task);
        task.phase = Phase::Cancelled { reason };
        Tasks::<T>::insert(id, task);
        Self::deposit_event(Event::TaskCancelled { task: id, reason });
    }

    fn end_engagements(task: &TaskOf<T>) {
        if let Some(s) = &task.solver {
            Self::disengage(s, Role::Solver);
        }
        if let Some(v) = &task.verifier {
            Self::disengage(v, Role::Verifier);
        }
    }

    /// A task's deadline passed: whoever had to act did not.
    pub(crate) fn on_task_timer(id: TaskId, now: BlockNumberFor<T>) {
        let Some(mut task) = Tasks::<T>::get(id) else {
            return;
        };
        // Stale timers (the phase moved on in time) are ignored.
        if task.phase.deadline().map_or(true, |d| d >= now) {
            return;
        }
        let params = Parameters::<T>::get();
        match task.phase.clone() {
            // The submitter's data must be there before anyone is asked to train on it (C7).
            Phase::SolverSelection { .. } if !Self::data_available(&task) => {
                Selections::<T>::remove(id);
                Self::cancel(id, task, CancelReason::DataUnavailable)
            }
            Phase::SolverSelection { .. } => match Selections::<T>::take(id) {
                Some(best) => {
                    Self::engage(&best.who, Role::Solver);
                    task.solver = Some(best.who.clone());
                    let commit_by = task.deadline;
                    Self::set_phase(id, &mut task, Phase::Training { commit_by });
                    Tasks::<T>::insert(id, task);
                    Self::deposit_event(Event::SolverSelected { task: id, solver: best.who, commit_by });
                }
                None => Self::cancel(id, task, CancelReason::NoSolver),
            },
            // The data went away while the solver trained: the clock ran
            // against the submitter, whose fee pays the solver's time.
            Phase::Training { .. } if !Self::data_available(&task) => {
                if let Some(s) = task.solver.clone() {
                    if Self::pay_from_hold(HoldReason::TaskFee, &task.submitter, &s, task.fee).is_ok() {
                        task.fee = Zero::zero();
                    }
                }
                Self::cancel(id, task, CancelReason::DataUnavailable);
            }
            Phase::Training { .. } => {
                if let Some(s) = &task.solver {
                    Self::slash(s, Role::Solver, None);
                }
                Self::cancel(id, task, CancelReason::SolverTimeout);
            }
            Phase::VerifierSelection { .. } => match Selections::<T>::take(id) {
                Some(best) => {
                    let seed = Self::draw(b"audit", id);
                    let picks = pick_segments(&seed, task.spec.segments(), params.audit_segments);
                    let segments: BoundedVec<_, _> = picks
                        .iter()
                        .map(|&segment| AuditedSegment { segment, start: None, end: None, verdict: None })
                        .take(T::MaxAuditSegments::get() as usize)
                        .collect::<Vec<_>>()
                        .try_into()
                        .unwrap_or_default();
                    let secret_commitment = Keys::<T>::get(&best.who).map(|k| k.1).unwrap_or_default();
                    Self::engage(&best.who, Role::Verifier);
                    task.verifier = Some(best.who.clone());
                    let open_by = now.saturating_add(params.opening_window);
                    Self::set_phase(id, &mut task, Phase::Opening { open_by });
                    Audits::<T>::insert(
                        id,
                        Audit {
                            seed,
                            segments,
                            secret_commitment,
                            verdict_commitment: None,
                            forced: None,
                            verifier_faulted: false,
                            whistles: BoundedVec::default(),
                            games: 0,
                            convicted: false,
                            reopen: false,
                            windows: 0,
                        },
                    );
                    Tasks::<T>::insert(id, task);
                    Self::deposit_event(Event::AuditDrawn { task: id, verifier: best.who, segments: picks });
                }
                // Nobody volunteered to verify: the commitment stands unaudited.
                None => Self::finalize(id, task, false),
            },
            Phase::Opening { .. } => {
                if let Some(s) = &task.solver {
                    Self::slash(s, Role::Solver, None);
                }
                Self::cancel(id, task, CancelReason::OpeningTimeout);
            }
            Phase::VerdictCommit { .. } | Phase::VerdictReveal { .. } => {
                if let Some(v) = &task.verifier {
                    Self::slash(v, Role::Verifier, None);
                }
                if let Some(mut a) = Audits::<T>::get(id) {
                    a.verifier_faulted = true;
                    Audits::<T>::insert(id, a);
                }
                Self::finalize(id, task, false);
            }
            Phase::Whistle { .. } => {
                let reveal_by = now.saturating_add(params.secret_window);
                Self::set_phase(id, &mut task, Phase::SecretReveal { reveal_by });
                Tasks::<T>::insert(id, task);
            }
            Phase::SecretReveal { .. } => {
                // No secret: the verifier is slashed (once per task) and the
                // verdict is taken at face value (a genuine disagreement
                // still goes to a game).
                if let Some(mut a) = Audits::<T>::get(id) {
                    if let Some(v) = task.verifier.as_ref().filter(|_| !a.verifier_faulted) {
                        Self::slash(v, Role::Verifier, None);
                    }
                    a.verifier_faulted = true;
                    a.forced = Some(false);
                    Self::resolve(id, task, a);
                }
            }
            Phase::Disputed { .. } => {
                // The re-challenge window closed; the task ends once its games have.
                if let Some(a) = Audits::<T>::get(id).filter(|a| a.games == 0) {
                    Self::conclude(id, task, a);
                }
            }
            Phase::Finalized | Phase::Cancelled { .. } => {}
        }
    }

    /// The submitter's spec and dataset are attested available.
    fn data_available(task: &TaskOf<T>) -> bool {
        T::Availability::is_available(&task.spec.spec_hash)
            && T::Availability::is_available(&task.spec.dataset_commitment())
    }

    pub(crate) fn on_timer(timer: Timer, now: BlockNumberFor<T>) {
        match timer {
            Timer::Task(id) => Self::on_task_timer(id, now),
            Timer::Dispute(id) => Self::on_dispute_timer(id, now),
        }
    }
}

impl<T: Config> Pallet<T> {
    /// An opened checkpoint whose state does not have the task's shapes
    /// convicts the solver: an honest solver's every state has them, and a
    /// misshapen one could leave no game an honest challenger can finish
    /// (a node whose leaf cannot be read, a step that does not run).
    pub(crate) fn do_prove_misshapen(
        who: T::AccountId,
        id: TaskId,
        position: u32,
        end: bool,
        proof: MisshapenProof,
    ) -> DispatchResult {
        let task = Self::task(id)?;
        // After the verdict: the verifier replays (or fails to) first.
        ensure!(
            matches!(task.phase, Phase::Whistle { .. } | Phase::SecretReveal { .. } | Phase::Disputed { .. }),
            Error::<T>::WrongPhase
        );
        let mut audit = Audits::<T>::get(id).ok_or(Error::<T>::WrongPhase)?;
        ensure!(!audit.convicted, Error::<T>::WrongPhase);
        let seg = audit.segments.get(position as usize).ok_or(Error::<T>::InvalidWitness)?;
        let (index, state) = if end { (seg.segment + 1, seg.end) } else { (seg.segment, seg.start) };
        let state = state.ok_or(Error::<T>::InvalidWitness)?;
        let step = task.spec.checkpoint_step(index);
        ensure!(
            gensyn_commitment::state::hash_from_root(step, proof.entries, &proof.entries_root) == state,
            Error::<T>::InvalidWitness
        );
        let misshapen = proof.entries != task.state_entries || {
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
        let solver = task.solver.clone().ok_or(Error::<T>::WrongPhase)?;
        audit.convicted = true;
        Self::slash(&solver, Role::Solver, Some(&who));
        Self::deposit_event(Event::MisshapenCheckpoint { task: id, checkpoint: index, by: who });
        Self::after_game(id, task, audit, false);
        Ok(())
    }
}
