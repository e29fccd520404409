//! The pinpoint protocol: step bisection, trace descent, tile descent and
//! arbitration by re-execution, each stage linked to the one before.
//!
//! Invariant of every stage: both parties agree on a starting point and
//! disagree on an end point, and both points are proven to be the parent
//! stage's. The step bisection keeps `(agreed state at lo, both states at
//! lo + len)`; the records of the final step are tied to those hashes (the
//! defender's also to its committed step root); the trace descent starts at
//! the two trace roots of those records and ends at the first node whose
//! outputs differ, all earlier leaves being equal; arbitration proves each
//! input against that agreed prefix, the agreed state or the agreed batch.

use crate::{hash_of, *};
use alloc::vec::Vec;
use gensyn_commitment::{
    exec::{self, Ctx},
    merkle::{self, Descent},
    state::{self, StepRecord},
    tensor::{self, Tensor},
    trace::{node_leaf, trace_leaf, Node, Op, Source},
};
use polkadot_sdk::{
    frame_support::pallet_prelude::*,
    frame_system::{self, pallet_prelude::BlockNumberFor},
    sp_runtime::traits::Saturating,
};

/// The largest number of descent moves a tree with this many leaves allows.
pub fn max_descent_moves(leaves: u32) -> u32 {
    merkle::depth(leaves)
}

/// Rounds of a whole dispute in the worst case: `⌈log2 k⌉` step rounds, one
/// record round, `⌈log2 (ops+1)⌉` trace rounds, and for an output of more
/// than one tile the output opening plus `⌈log2 tiles⌉` tile rounds.
/// Arbitration itself is one more call.
pub fn max_rounds(steps_in_segment: u32, program_len: u32, max_tiles: u32) -> u32 {
    let tiles = if max_tiles > 1 { 1 + merkle::depth(max_tiles) } else { 0 };
    merkle::depth(steps_in_segment) + 1 + merkle::depth(program_len + 1) + tiles
}

impl<T: Config> Pallet<T> {
    fn dispute(id: DisputeId) -> Result<DisputeOf<T>, DispatchError> {
        Disputes::<T>::get(id).ok_or_else(|| Error::<T>::UnknownDispute.into())
    }

    fn side_of(d: &DisputeOf<T>, who: &T::AccountId) -> Result<Side, DispatchError> {
        if &d.defender == who {
            Ok(Side::Defender)
        } else if &d.challenger == who {
            Ok(Side::Challenger)
        } else {
            Err(Error::<T>::NotAllowed.into())
        }
    }

    /// Stores `d` with a fresh move deadline.
    fn advance(id: DisputeId, mut d: DisputeOf<T>, stage: Stage) -> DispatchResult {
        let deadline = frame_system::Pallet::<T>::block_number().saturating_add(Parameters::<T>::get().move_window);
        Self::schedule(Timer::Dispute(id), deadline.saturating_add(1u32.into()))?;
        d.stage = stage;
        d.deadline = deadline;
        d.rounds = d.rounds.saturating_add(1);
        Self::deposit_event(Event::DisputeAdvanced { dispute: id, rounds: d.rounds });
        Disputes::<T>::insert(id, d);
        Ok(())
    }

    /// Opens a dispute between the task's solver and `challenger` over the
    /// audited segment at `position`.
    pub(crate) fn open_dispute(
        task_id: TaskId,
        mut task: TaskOf<T>,
        audit: &AuditOf<T>,
        challenger: T::AccountId,
        kind: Challenger,
        position: u32,
    ) -> DispatchResult {
        let defender = task.solver.clone().ok_or(Error::<T>::WrongPhase)?;
        let seg = audit.segments.get(position as usize).ok_or(Error::<T>::WrongPhase)?;
        let (Some(start), Some(end), Some(verdict)) = (seg.start, seg.end, seg.verdict) else {
            return Err(Error::<T>::WrongPhase.into());
        };
        let challenger_end = match kind {
            Challenger::Verifier => verdict,
            Challenger::Whistleblower => audit
                .whistles
                .iter()
                .find(|w| w.who == challenger && w.position == position)
                .map(|w| w.claim)
                .ok_or(Error::<T>::WrongPhase)?,
        };
        let lo = task.spec.checkpoint_step(seg.segment);
        let len = task.spec.checkpoint_step(seg.segment + 1).saturating_sub(lo);
        let round = StepRound { lo, len, agreed: start, defender_end: end, challenger_end };
        let stage = if len <= 1 {
            Stage::Records { round, defender: None, challenger: None }
        } else {
            Stage::Steps { round: hash_of(&round), defender_mid: None, challenger_mid: None }
        };
        let id = NextDisputeId::<T>::get();
        NextDisputeId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
        let d = Dispute {
            task: task_id,
            defender: defender.clone(),
            challenger: challenger.clone(),
            challenger_kind: kind,
            segment: seg.segment,
            stage: stage.clone(),
            deadline: Zero::zero(),
            rounds: 0,
        };
        Self::advance(id, d, stage)?;
        // Opening is not a move.
        Disputes::<T>::mutate(id, |d| d.as_mut().map(|d| d.rounds = 0));
        if kind == Challenger::Whistleblower {
            Self::engage(&challenger, Role::Whistleblower);
        }
        task.phase = Phase::Disputed { dispute: id };
        Tasks::<T>::insert(task_id, task);
        Self::deposit_event(Event::DisputeOpened {
            dispute: id,
            task: task_id,
            defender,
            challenger,
            segment: seg.segment,
        });
        Ok(())
    }

    pub(crate) fn do_bisect(who: T::AccountId, id: DisputeId, round: StepRound, mid: Hash) -> DispatchResult {
        let mut d = Self::dispute(id)?;
        let side = Self::side_of(&d, &who)?;
        let Stage::Steps { round: stored, mut defender_mid, mut challenger_mid } = d.stage.clone() else {
            return Err(Error::<T>::WrongPhase.into());
        };
        ensure!(hash_of(&round) == stored, Error::<T>::StaleRound);
        let slot = match side {
            Side::Defender => &mut defender_mid,
            Side::Challenger => &mut challenger_mid,
        };
        ensure!(slot.is_none(), Error::<T>::AlreadyMoved);
        *slot = Some(mid);
        let (Some(dm), Some(cm)) = (defender_mid, challenger_mid) else {
            d.stage = Stage::Steps { round: stored, defender_mid, challenger_mid };
            Disputes::<T>::insert(id, d);
            return Ok(());
        };
        let half = round.len / 2;
        let m = round.lo + half;
        let next = if dm == cm {
            // Agreed at the midpoint: the fault lies after it.
            StepRound { lo: m, len: round.len - half, agreed: dm, ..round }
        } else {
            StepRound { lo: round.lo, len: half, agreed: round.agreed, defender_end: dm, challenger_end: cm }
        };
        let stage = if next.len <= 1 {
            Stage::Records { round: next, defender: None, challenger: None }
        } else {
            Stage::Steps { round: hash_of(&next), defender_mid: None, challenger_mid: None }
        };
        d.stage = stage.clone();
        Self::advance(id, d, stage)
    }

    pub(crate) fn do_open_record(who: T::AccountId, id: DisputeId, record: StepRecord, proof: Proof) -> DispatchResult {
        let d = Self::dispute(id)?;
        let side = Self::side_of(&d, &who)?;
        let Stage::Records { round, mut defender, mut challenger } = d.stage.clone() else {
            return Err(Error::<T>::WrongPhase.into());
        };
        let task = Tasks::<T>::get(d.task).ok_or(Error::<T>::UnknownTask)?;
        let expected_end = match side {
            Side::Defender => round.defender_end,
            Side::Challenger => round.challenger_end,
        };
        // The record's endpoints are the bisection's agreed and disputed points.
        ensure!(
            record.step == round.lo
                && record.before == round.agreed
                && record.after == expected_end
                && record.trace_len == task.spec.program_len.saturating_add(1),
            Error::<T>::UnlinkedRecord
        );
        match side {
            Side::Defender => {
                let c = task.commitment.as_ref().ok_or(Error::<T>::WrongPhase)?;
                ensure!(
                    merkle::verify(&c.step_root, task.spec.steps, record.step, &record.leaf(), &proof),
                    Error::<T>::UnlinkedRecord
                );
                ensure!(defender.is_none(), Error::<T>::AlreadyMoved);
                defender = Some(record);
            }
            Side::Challenger => {
                ensure!(challenger.is_none(), Error::<T>::AlreadyMoved);
                challenger = Some(record);
            }
        }
        let (Some(dr), Some(cr)) = (defender, challenger) else {
            let mut d = d;
            d.stage = Stage::Records { round, defender, challenger };
            Disputes::<T>::insert(id, d);
            return Ok(());
        };
        // The batch's provenance is the dataset's (not arbitrated on chain
        // yet): a challenger must take the committed batch.
        ensure!(dr.batch == cr.batch, Error::<T>::UnlinkedRecord);
        let at = Descent::new(dr.trace_len);
        let r = DescentRound { at, defender: dr.trace_root, challenger: cr.trace_root };
        let stage = Stage::Ops {
            step: round.lo,
            records: [dr, cr],
            round: hash_of(&r),
            defender_children: None,
            challenger_children: None,
        };
        Self::advance(id, d, stage)
    }

    pub(crate) fn do_reveal_children(
        who: T::AccountId,
        id: DisputeId,
        round: DescentRound,
        children: (Hash, Hash),
    ) -> DispatchResult {
        let d = Self::dispute(id)?;
        let side = Self::side_of(&d, &who)?;
        let (step, records, node, stored, mut dc, mut cc) = match d.stage.clone() {
            Stage::Ops { step, records, round, defender_children, challenger_children } => {
                (step, records, None, round, defender_children, challenger_children)
            }
            Stage::Tiles { step, records, node, round, defender_children, challenger_children } => {
                (step, records, Some(node), round, defender_children, challenger_children)
            }
            _ => return Err(Error::<T>::WrongPhase.into()),
        };
        ensure!(hash_of(&round) == stored, Error::<T>::StaleRound);
        let own = match side {
            Side::Defender => round.defender,
            Side::Challenger => round.challenger,
        };
        ensure!(gensyn_commitment::hash::node(&children.0, &children.1) == own, Error::<T>::InvalidChildren);
        let slot = match side {
            Side::Defender => &mut dc,
            Side::Challenger => &mut cc,
        };
        ensure!(slot.is_none(), Error::<T>::AlreadyMoved);
        *slot = Some(children);
        let (Some(a), Some(b)) = (dc, cc) else {
            let mut d = d;
            d.stage = match node {
                None => Stage::Ops { step, records, round: stored, defender_children: dc, challenger_children: cc },
                Some(node) => {
                    Stage::Tiles { step, records, node, round: stored, defender_children: dc, challenger_children: cc }
                }
            };
            Disputes::<T>::insert(id, d);
            return Ok(());
        };
        let mut at = round.at;
        let right = at.step_towards_difference(a, b);
        let (nd, nc) = if right { (a.1, b.1) } else { (a.0, b.0) };
        let stage = if at.at_leaf() {
            match node {
                None => Stage::Arbitration { step, records, node: at.index, leaves: [nd, nc], tile: None },
                Some(node) => Stage::Arbitration { step, records, node, leaves: [nd, nc], tile: Some(at.index) },
            }
        } else {
            let r = hash_of(&DescentRound { at, defender: nd, challenger: nc });
            match node {
                None => Stage::Ops { step, records, round: r, defender_children: None, challenger_children: None },
                Some(node) => {
                    Stage::Tiles { step, records, node, round: r, defender_children: None, challenger_children: None }
                }
            }
        };
        Self::advance(id, d, stage)
    }

    /// Checks `node` is node `index` of the task's program.
    fn check_node(task: &TaskOf<T>, index: u32, node: &Node, proof: &Proof) -> DispatchResult {
        ensure!(
            index < task.spec.program_len
                && node.well_formed(index)
                && merkle::verify(
                    &task.spec.program_root,
                    task.spec.program_len,
                    index,
                    &node_leaf(index, node),
                    proof
                ),
            Error::<T>::InvalidWitness
        );
        Ok(())
    }

    pub(crate) fn do_open_outputs(
        id: DisputeId,
        node: Node,
        node_proof: Proof,
        dims: Vec<u32>,
        tiles: [(u32, Hash); 2],
    ) -> DispatchResult {
        let d = Self::dispute(id)?;
        let Stage::Arbitration { step, records, node: index, leaves, tile: None } = d.stage.clone() else {
            return Err(Error::<T>::WrongPhase.into());
        };
        let task = Tasks::<T>::get(d.task).ok_or(Error::<T>::UnknownTask)?;
        Self::check_node(&task, index, &node, &node_proof)?;
        // Only a matmul's output is worth narrowing: other operators cost no
        // more than reading their inputs.
        let Op::MatMul { m, n, .. } = node.op else {
            return Err(Error::<T>::InvalidWitness.into());
        };
        for (p, (count, root)) in tiles.iter().enumerate() {
            let out = tensor::hash_from_tiles(&dims, *count, root);
            ensure!(trace_leaf(index, &out) == leaves[p], Error::<T>::InvalidWitness);
        }
        // A party whose output has the wrong shape is wrong outright.
        let len = (m as usize).saturating_mul(n as usize);
        let shape_ok = dims == [m, n];
        let count_ok = |c: u32| shape_ok && c == tensor::tile_count(len);
        match (count_ok(tiles[0].0), count_ok(tiles[1].0)) {
            (true, true) => {}
            (false, _) => return Self::settle_dispute(id, Side::Challenger, false),
            (true, false) => return Self::settle_dispute(id, Side::Defender, false),
        }
        let at = Descent::new(tiles[0].0);
        if at.at_leaf() {
            // A single tile: arbitrate it directly.
            let stage =
                Stage::Arbitration { step, records, node: index, leaves: [tiles[0].1, tiles[1].1], tile: Some(0) };
            return Self::advance(id, d, stage);
        }
        let r = DescentRound { at, defender: tiles[0].1, challenger: tiles[1].1 };
        let stage = Stage::Tiles {
            step,
            records,
            node: index,
            round: hash_of(&r),
            defender_children: None,
            challenger_children: None,
        };
        Self::advance(id, d, stage)
    }

    /// Proves one input tensor's hash from its source.
    fn check_input(
        source: &Source,
        hash: &Hash,
        proof: &SourceProof,
        step: u32,
        record: &StepRecord,
    ) -> DispatchResult {
        let ok = match (source, proof) {
            (Source::Node(j), SourceProof::Node { proof }) => {
                merkle::verify(&record.trace_root, record.trace_len, *j, &trace_leaf(*j, hash), proof)
            }
            (Source::State(e), SourceProof::State { name, entries_root, entries, proof }) => {
                state::hash_from_root(step, *entries, entries_root) == record.before
                    && merkle::verify(entries_root, *entries, *e, &state::entry_leaf(name, hash), proof)
            }
            (Source::Batch(b), SourceProof::Batch { tensors }) => {
                state::batch_hash(tensors) == record.batch && tensors.get(*b as usize) == Some(hash)
            }
            _ => false,
        };
        ensure!(ok, Error::<T>::InvalidWitness);
        Ok(())
    }

    pub(crate) fn do_arbitrate(id: DisputeId, witness: WitnessOf<T>) -> DispatchResult {
        let d = Self::dispute(id)?;
        let Stage::Arbitration { step, records, node: index, leaves, tile } = d.stage.clone() else {
            return Err(Error::<T>::WrongPhase.into());
        };
        let task = Tasks::<T>::get(d.task).ok_or(Error::<T>::UnknownTask)?;
        // Earlier leaves are equal in both traces; the defender's record
        // serves for proofs of the agreed prefix, state and batch.
        let record = &records[0];
        let program_len = task.spec.program_len;
        let truth = match witness {
            Witness::Node { node, node_proof, inputs } => {
                Self::check_node(&task, index, &node, &node_proof)?;
                ensure!(inputs.len() == node.op.arity(), Error::<T>::InvalidWitness);
                let mut tensors: Vec<Tensor> = Vec::with_capacity(inputs.len());
                for (input, source) in inputs.iter().zip(node.inputs.as_slice()) {
                    let t = input.tensor.to_tensor().ok_or(Error::<T>::InvalidWitness)?;
                    Self::check_input(source, &t.hash(), &input.proof, step, record)?;
                    tensors.push(t);
                }
                let dims: Vec<&[u32]> = tensors.iter().map(|t| t.dims.as_slice()).collect();
                ensure!(
                    exec::work(&node.op, &dims, tile.is_some()) <= T::MaxArbitrationWork::get(),
                    Error::<T>::TooMuchWork
                );
                let refs: Vec<&Tensor> = tensors.iter().collect();
                let ctx = Ctx::at(step);
                match tile {
                    Some(t) => {
                        let values = exec::execute_tile(&node.op, &ctx, &refs, node.output, t)
                            .map_err(|_| Error::<T>::InvalidWitness)?;
                        tensor::tile_leaf(&values)
                    }
                    None => {
                        let outs = exec::execute(&node.op, &ctx, &refs).map_err(|_| Error::<T>::InvalidWitness)?;
                        let out = outs.get(node.output as usize).ok_or(Error::<T>::InvalidWitness)?;
                        trace_leaf(index, &out.hash())
                    }
                }
            }
            Witness::Assembly { entries_root, entries } => {
                // The trace's last leaf is the state after the step, assembled
                // from the outputs of the program's last `entries` nodes.
                ensure!(index == program_len && tile.is_none(), Error::<T>::InvalidWitness);
                let e = entries.len() as u32;
                ensure!(e >= 1 && e <= program_len, Error::<T>::InvalidWitness);
                ensure!(state::hash_from_root(step, e, &entries_root) == record.before, Error::<T>::InvalidWitness);
                let mut after_leaves = Vec::with_capacity(entries.len());
                for (i, w) in entries.iter().enumerate() {
                    let i = i as u32;
                    let producer = program_len - e + i;
                    ensure!(
                        merkle::verify(&entries_root, e, i, &state::entry_leaf(&w.name, &w.before), &w.before_proof)
                            && merkle::verify(
                                &record.trace_root,
                                record.trace_len,
                                producer,
                                &trace_leaf(producer, &w.after),
                                &w.after_proof
                            ),
                        Error::<T>::InvalidWitness
                    );
                    after_leaves.push(state::entry_leaf(&w.name, &w.after));
                }
                let after = state::hash_from_root(step.saturating_add(1), e, &merkle::root(&after_leaves));
                trace_leaf(program_len, &after)
            }
        };
        // The defender committed; if its leaf is not the truth it loses.
        let winner = if truth == leaves[0] { Side::Defender } else { Side::Challenger };
        Self::settle_dispute(id, winner, false)
    }

    /// Ends a dispute: slashes the loser, pays the winner, and settles the task.
    pub(crate) fn settle_dispute(id: DisputeId, winner: Side, by_timeout: bool) -> DispatchResult {
        let mut d = Self::dispute(id)?;
        ensure!(!matches!(d.stage, Stage::Resolved { .. }), Error::<T>::WrongPhase);
        let task = Tasks::<T>::get(d.task).ok_or(Error::<T>::UnknownTask)?;
        let mut audit = Audits::<T>::get(d.task).ok_or(Error::<T>::WrongPhase)?;
        d.stage = Stage::Resolved { winner, by_timeout };
        Disputes::<T>::insert(id, d.clone());
        Self::deposit_event(Event::DisputeResolved { dispute: id, winner, by_timeout });
        if d.challenger_kind == Challenger::Whistleblower {
            Self::disengage(&d.challenger, Role::Whistleblower);
        }
        match winner {
            Side::Challenger => {
                Self::slash(&d.defender, Role::Solver, Some(&d.challenger));
                if d.challenger_kind == Challenger::Whistleblower && !audit.verifier_faulted {
                    // The verdict agreed with a wrong result: a genuine verifier error.
                    if let Some(v) = &task.verifier {
                        Self::slash(v, Role::Verifier, Some(&d.challenger));
                    }
                    audit.verifier_faulted = true;
                    Audits::<T>::insert(d.task, audit.clone());
                }
                Self::settle_whistles(d.task, &audit, false);
                Self::cancel(d.task, task, CancelReason::SolverConvicted);
            }
            Side::Defender => {
                if d.challenger_kind == Challenger::Verifier {
                    Self::slash(&d.challenger, Role::Verifier, Some(&d.defender));
                    audit.verifier_faulted = true;
                    Audits::<T>::insert(d.task, audit.clone());
                }
                Self::settle_whistles(d.task, &audit, true);
                Self::finalize(d.task, task, !audit.verifier_faulted);
            }
        }
        Ok(())
    }

    /// A dispute's move deadline passed: the party that did not move loses;
    /// if neither moved (or nobody arbitrated), the challenger, who carries
    /// the burden of proof, loses.
    pub(crate) fn on_dispute_timer(id: DisputeId, now: BlockNumberFor<T>) {
        let Some(d) = Disputes::<T>::get(id) else {
            return;
        };
        if d.deadline >= now {
            return;
        }
        let (defender_moved, challenger_moved) = match &d.stage {
            Stage::Steps { defender_mid, challenger_mid, .. } => (defender_mid.is_some(), challenger_mid.is_some()),
            Stage::Records { defender, challenger, .. } => (defender.is_some(), challenger.is_some()),
            Stage::Ops { defender_children, challenger_children, .. }
            | Stage::Tiles { defender_children, challenger_children, .. } => {
                (defender_children.is_some(), challenger_children.is_some())
            }
            Stage::Arbitration { .. } => (true, false),
            Stage::Resolved { .. } => return,
        };
        let winner = if defender_moved && !challenger_moved {
            Side::Defender
        } else if challenger_moved && !defender_moved {
            Side::Challenger
        } else {
            Side::Defender
        };
        let _ = Self::settle_dispute(id, winner, true);
    }
}

use polkadot_sdk::sp_runtime::traits::Zero;
