//! The pinpoint protocol: step bisection, trace descent, tile descent and
//! arbitration by re-execution, each stage linked to the one before.
//!
//! Every challenge of the solver is a game of its own over its own claim
//! (the end state of one audited segment), and any number run at once: a
//! game decides its challenger's bond and, if the solver loses it, convicts
//! the solver; it never decides anything for another game.
//!
//! Invariant of every stage: both parties agree on a starting point and
//! disagree on an end point, and both points are proven to be the parent
//! stage's. The step bisection keeps `(agreed state at lo, both states at
//! lo + len)`; the records of the final step are tied to those hashes (the
//! defender's also to its committed step root); the trace descent starts at
//! the two trace roots of those records (each record's state after proven
//! to be its own trace's last leaf) and ends at the first node whose
//! outputs differ, all earlier leaves being equal; arbitration proves each
//! input against that agreed prefix, the agreed state or the agreed batch,
//! and judges each party's leaf against the truth.
//!
//! Every move is owed by a party and has a deadline; a party that misses a
//! move it owes loses the game. When neither moved, the challenger, who
//! carries the burden of proof, loses, but its claim stays open to others.

use crate::*;
use alloc::vec::Vec;
use gensyn_commitment::{
    data,
    exec::{self, Ctx},
    merkle::{self, Descent},
    reduction::{self, Mode},
    shape::{output_dims, shape_leaf},
    state::{self, StepRecord},
    tensor::{self, Tensor},
    tile::{self, Partial},
    trace::{node_leaf, trace_leaf, Node, Source},
};
use polkadot_sdk::{
    frame_support::pallet_prelude::*,
    frame_system::{self, pallet_prelude::BlockNumberFor},
    sp_runtime::traits::Saturating,
};

/// Work (in [`exec::work`]'s units) of one row of a batch proof: the
/// order's cycle-walked Feistel evaluation (fewer than four passes of four
/// blake2b calls expected) and the row's leaf and tree hashes.
pub const BATCH_ROW_WORK: u64 = 8_000;

/// The work of checking `proof` if it is a batch proof: a row cost per
/// example and hashing (16 per value) of its features.
pub fn batch_proof_work(proof: &SourceProof) -> u64 {
    match proof {
        SourceProof::Batch { examples } => examples.iter().fold(0u64, |w, e| {
            w.saturating_add(BATCH_ROW_WORK).saturating_add((e.features.len() as u64).saturating_mul(16))
        }),
        _ => 0,
    }
}

/// The largest number of descent moves a tree with this many leaves allows.
pub fn max_descent_moves(leaves: u32) -> u32 {
    merkle::depth(leaves)
}

/// Rounds of a whole dispute in the worst case: `⌈log2 k⌉` step rounds, one
/// record round, `⌈log2 (ops+1)⌉` trace rounds, for an output of more than
/// one tile the output opening plus `⌈log2 tiles⌉` tile rounds, and for a
/// reduction over an axis of `reduce_len` (0: none) the opening and a
/// round per halving of the axis down to `reduction::CHUNK`. Arbitration
/// itself is one more call.
pub fn max_rounds(steps_in_segment: u32, program_len: u32, max_tiles: u32, reduce_len: u32) -> u32 {
    let opening = u32::from(max_tiles > 1 || reduce_len > reduction::CHUNK);
    let tiles = if max_tiles > 1 { merkle::depth(max_tiles) } else { 0 };
    // A run halves each round (a tree's left child is the larger half's
    // power of two, so no run outlasts the fold's bisection).
    let mut halvings = 0;
    let mut len = reduce_len;
    while len > reduction::CHUNK {
        len = len.div_ceil(2);
        halvings += 1;
    }
    merkle::depth(steps_in_segment) + 1 + merkle::depth(program_len + 1) + opening + tiles + halvings
}

impl<T: Config> Pallet<T> {
    fn dispute(id: DisputeId) -> Result<DisputeOf<T>, DispatchError> {
        Disputes::<T>::get(id).ok_or_else(|| Error::<T>::UnknownDispute.into())
    }

    /// A running game whose move deadline has not passed: timers may run
    /// late (a full block spills them), and a move after its deadline must
    /// not win a game that its timer would have ended.
    fn live(id: DisputeId) -> Result<DisputeOf<T>, DispatchError> {
        let d = Self::dispute(id)?;
        ensure!(frame_system::Pallet::<T>::block_number() <= d.deadline, Error::<T>::TooLate);
        Ok(d)
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

    /// The deadline of a move of game `id` owed from now on, with its timer scheduled.
    fn move_deadline(id: DisputeId) -> BlockNumberFor<T> {
        let deadline = frame_system::Pallet::<T>::block_number().saturating_add(Parameters::<T>::get().move_window);
        Self::schedule(Timer::Dispute(id), deadline.saturating_add(1u32.into()));
        deadline
    }

    /// Stores `d` at a new round `stage` with a fresh move deadline, its
    /// task's data kept past it.
    fn advance(id: DisputeId, mut d: DisputeOf<T>, stage: Stage) -> DispatchResult {
        let deadline = Self::move_deadline(id);
        if let Some(task) = Tasks::<T>::get(d.task) {
            Self::retain_data(d.task, &task, deadline);
        }
        d.stage = stage;
        d.deadline = deadline;
        d.rounds = d.rounds.saturating_add(1);
        Self::deposit_event(Event::DisputeAdvanced { dispute: id, rounds: d.rounds });
        Disputes::<T>::insert(id, d);
        Ok(())
    }

    /// Opens a game between the task's solver and `challenger` over its
    /// claim that the audited segment at `position` ends at `claim`; counts
    /// it in `audit.games` (the caller stores the audit).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn open_game(
        task_id: TaskId,
        task: &TaskOf<T>,
        audit: &mut AuditOf<T>,
        challenger: T::AccountId,
        kind: Challenger,
        position: u32,
        claim: Hash,
        bond: BalanceOf<T>,
    ) -> Result<DisputeId, DispatchError> {
        let defender = task.solver.clone().ok_or(Error::<T>::WrongPhase)?;
        let seg = audit.segments.get(position as usize).ok_or(Error::<T>::InvalidWhistle)?;
        let (Some(start), Some(end)) = (seg.start, seg.end) else {
            return Err(Error::<T>::WrongPhase.into());
        };
        // A claim equal to the solver's is no challenge of it.
        ensure!(claim != end, Error::<T>::InvalidWhistle);
        let lo = task.spec.checkpoint_step(seg.segment);
        let len = task.spec.checkpoint_step(seg.segment + 1).saturating_sub(lo);
        let round = StepRound { lo, len, agreed: start, defender_end: end, challenger_end: claim };
        let stage = if len <= 1 {
            Stage::Records { round, defender: None, challenger: None }
        } else {
            Stage::Steps { round, defender_mid: None, challenger_mid: None }
        };
        let id = NextDisputeId::<T>::get();
        NextDisputeId::<T>::put(id.checked_add(1).ok_or(Error::<T>::Overflow)?);
        // A game opened by a reveal starts when the reveal window closes:
        // its first move is not due while other checkers still reveal.
        let deadline = match task.phase {
            Phase::Reveal { reveal_by } => {
                let start = reveal_by.max(frame_system::Pallet::<T>::block_number());
                let d = start.saturating_add(Parameters::<T>::get().move_window);
                Self::schedule(Timer::Dispute(id), d.saturating_add(1u32.into()));
                d
            }
            _ => Self::move_deadline(id),
        };
        let segment = seg.segment;
        Self::retain_data(task_id, task, deadline);
        Disputes::<T>::insert(
            id,
            Dispute {
                task: task_id,
                defender: defender.clone(),
                challenger: challenger.clone(),
                challenger_kind: kind,
                segment,
                position,
                claim,
                bond,
                stage,
                deadline,
                rounds: 0,
            },
        );
        if kind == Challenger::Whistleblower {
            Self::engage(&challenger, Role::Whistleblower);
        }
        audit.games = audit.games.saturating_add(1);
        Self::deposit_event(Event::DisputeOpened {
            dispute: id,
            task: task_id,
            defender,
            challenger,
            kind,
            segment,
            claim,
            round,
        });
        Ok(id)
    }

    pub(crate) fn do_bisect(who: T::AccountId, id: DisputeId, round: StepRound, mid: Hash) -> DispatchResult {
        let mut d = Self::live(id)?;
        let side = Self::side_of(&d, &who)?;
        let Stage::Steps { round: stored, mut defender_mid, mut challenger_mid } = d.stage.clone() else {
            return Err(Error::<T>::WrongPhase.into());
        };
        // The caller names the round it answers, so a late move never lands in the next one.
        ensure!(round == stored, Error::<T>::StaleRound);
        let slot = match side {
            Side::Defender => &mut defender_mid,
            Side::Challenger => &mut challenger_mid,
        };
        ensure!(slot.is_none(), Error::<T>::AlreadyMoved);
        *slot = Some(mid);
        Self::deposit_event(Event::Bisected { dispute: id, side, mid });
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
            Stage::Steps { round: next, defender_mid: None, challenger_mid: None }
        };
        Self::advance(id, d, stage)
    }

    pub(crate) fn do_open_record(
        who: T::AccountId,
        id: DisputeId,
        record: StepRecord,
        proof: Proof,
        after_proof: Proof,
    ) -> DispatchResult {
        let d = Self::live(id)?;
        let side = Self::side_of(&d, &who)?;
        let Stage::Records { round, mut defender, mut challenger } = d.stage.clone() else {
            return Err(Error::<T>::WrongPhase.into());
        };
        let task = Tasks::<T>::get(d.task).ok_or(Error::<T>::UnknownTask)?;
        let expected_end = match side {
            Side::Defender => round.defender_end,
            Side::Challenger => round.challenger_end,
        };
        // The record's endpoints are the bisection's agreed and disputed
        // points, and its state after is what its own trace ends in: a party
        // cannot pair an honest trace with another result (C1).
        let last = task.spec.program_len;
        ensure!(
            record.step == round.lo
                && record.before == round.agreed
                && record.after == expected_end
                && record.trace_len == last.saturating_add(1)
                && merkle::verify(
                    &record.trace_root,
                    record.trace_len,
                    last,
                    &trace_leaf(last, &record.after),
                    &after_proof
                ),
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
        Self::deposit_event(Event::RecordOpened { dispute: id, side, record });
        let (Some(dr), Some(cr)) = (defender, challenger) else {
            let mut d = d;
            d.stage = Stage::Records { round, defender, challenger };
            Disputes::<T>::insert(id, d);
            return Ok(());
        };
        // Different batches (C2): descend over the two example trees to one
        // row, then the dataset decides it. Compared once both are in, so
        // the order of arrival decides nothing.
        if dr.batch != cr.batch {
            let at = Descent::new(task.spec.order.batch);
            let stage = if at.at_leaf() {
                Stage::Example { step: round.lo, records: [dr, cr], row: 0, leaves: [dr.batch, cr.batch] }
            } else {
                let r = DescentRound { at, defender: dr.batch, challenger: cr.batch };
                Stage::Examples {
                    step: round.lo,
                    records: [dr, cr],
                    round: r,
                    defender_children: None,
                    challenger_children: None,
                }
            };
            return Self::advance(id, d, stage);
        }
        let at = Descent::new(dr.trace_len);
        let r = DescentRound { at, defender: dr.trace_root, challenger: cr.trace_root };
        let stage = Stage::Ops {
            step: round.lo,
            records: [dr, cr],
            round: r,
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
        /// Which tree a descent walks.
        #[derive(Clone, Copy)]
        enum Tree {
            Trace,
            Tiles(u32, Option<ReduceStart>),
            Examples,
        }
        let d = Self::live(id)?;
        let side = Self::side_of(&d, &who)?;
        let (tree, step, records, stored, mut dc, mut cc) = match d.stage.clone() {
            Stage::Ops { step, records, round, defender_children, challenger_children } => {
                (Tree::Trace, step, records, round, defender_children, challenger_children)
            }
            Stage::Tiles { step, records, node, reduce, round, defender_children, challenger_children } => {
                (Tree::Tiles(node, reduce), step, records, round, defender_children, challenger_children)
            }
            Stage::Examples { step, records, round, defender_children, challenger_children } => {
                (Tree::Examples, step, records, round, defender_children, challenger_children)
            }
            _ => return Err(Error::<T>::WrongPhase.into()),
        };
        ensure!(round == stored, Error::<T>::StaleRound);
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
        Self::deposit_event(Event::ChildrenRevealed { dispute: id, side, children });
        let stage_at = |round: DescentRound, dc, cc| match tree {
            Tree::Trace => Stage::Ops { step, records, round, defender_children: dc, challenger_children: cc },
            Tree::Tiles(node, reduce) => {
                Stage::Tiles { step, records, node, reduce, round, defender_children: dc, challenger_children: cc }
            }
            Tree::Examples => Stage::Examples { step, records, round, defender_children: dc, challenger_children: cc },
        };
        let (Some(a), Some(b)) = (dc, cc) else {
            let mut d = d;
            d.stage = stage_at(stored, dc, cc);
            Disputes::<T>::insert(id, d);
            return Ok(());
        };
        let mut at = round.at;
        let right = at.step_towards_difference(a, b);
        let (nd, nc) = if right { (a.1, b.1) } else { (a.0, b.0) };
        let stage = if at.at_leaf() {
            let leaves = [nd, nc];
            match tree {
                Tree::Trace => {
                    Stage::Arbitration { step, records, node: at.index, leaves, tile: None, outputs: [None, None] }
                }
                Tree::Tiles(node, Some(start)) => Self::reduce_stage(step, records, node, at.index, start, leaves),
                Tree::Tiles(node, None) => {
                    Stage::Arbitration { step, records, node, leaves, tile: Some(at.index), outputs: [None, None] }
                }
                Tree::Examples => Stage::Example { step, records, row: at.index, leaves },
            }
        } else {
            stage_at(DescentRound { at, defender: nd, challenger: nc }, None, None)
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

    pub(crate) fn do_open_output(
        who: T::AccountId,
        id: DisputeId,
        node: Node,
        node_proof: Proof,
        shape: NodeShape,
        opening: OutputOpening,
    ) -> DispatchResult {
        let d = Self::live(id)?;
        let side = Self::side_of(&d, &who)?;
        let Stage::Arbitration { step, records, node: index, leaves, tile: None, mut outputs } = d.stage.clone() else {
            return Err(Error::<T>::WrongPhase.into());
        };
        let task = Tasks::<T>::get(d.task).ok_or(Error::<T>::UnknownTask)?;
        Self::check_node(&task, index, &node, &node_proof)?;
        let tiles = tensor::tile_count(&opening.dims);
        let p = side as usize;
        // The output's shape is the one the chain inferred at submission,
        // so both parties' tile trees have the same leaves; an opening of
        // another shape, or not of the party's own leaf, cannot be posted:
        // a party whose output is malformed cannot move. An output of one
        // tile is arbitrated whole, unless it is a reduction too long for
        // that: then its one tile is reduced.
        let inputs: Vec<Vec<u32>> = shape.inputs.iter().map(|d| d.to_vec()).collect();
        let leaf = shape_leaf(index, &inputs, &opening.dims);
        ensure!(
            merkle::verify(&task.shapes_root, task.spec.program_len, index, &leaf, &shape.proof),
            Error::<T>::InvalidWitness
        );
        let reduce = Self::reduce_game(&node, &inputs, task.spec.order.batch, task.spec.example_len)
            .map_err(|_| Error::<T>::InvalidWitness)?
            .map(|r| ReduceStart { mode: r.mode, len: r.len });
        ensure!(
            opening.tiles == tiles
                && (tiles > 1 || reduce.is_some())
                && trace_leaf(index, &tensor::hash_from_tiles(&opening.dims, opening.tiles, &opening.root))
                    == leaves[p],
            Error::<T>::InvalidWitness
        );
        ensure!(outputs[p].is_none(), Error::<T>::AlreadyMoved);
        outputs[p] = Some(opening.clone());
        Self::deposit_event(Event::OutputOpened { dispute: id, side, opening });
        let [Some(a), Some(b)] = outputs.clone() else {
            let mut d = d;
            d.stage = Stage::Arbitration { step, records, node: index, leaves, tile: None, outputs };
            Disputes::<T>::insert(id, d);
            return Ok(());
        };
        // Different leaves of one shape: the tile roots differ (the root
        // of one tile is that tile's leaf).
        let stage = match reduce {
            Some(start) if tiles == 1 => Self::reduce_stage(step, records, index, 0, start, [a.root, b.root]),
            _ => {
                let r = DescentRound { at: Descent::new(tiles), defender: a.root, challenger: b.root };
                Stage::Tiles {
                    step,
                    records,
                    node: index,
                    reduce,
                    round: r,
                    defender_children: None,
                    challenger_children: None,
                }
            }
        };
        Self::advance(id, d, stage)
    }

    /// The first round of the reduction game over tile `tile` of `node`,
    /// from the parties' tile leaves.
    fn reduce_stage(
        step: u32,
        records: [StepRecord; 2],
        node: u32,
        tile: u32,
        start: ReduceStart,
        leaves: [Hash; 2],
    ) -> Stage {
        let round = ReduceRound { lo: 0, len: start.len, agreed: [0; 32], defender: leaves[0], challenger: leaves[1] };
        Stage::Reduce {
            step,
            records,
            node,
            tile,
            mode: start.mode,
            round,
            defender_partials: None,
            challenger_partials: None,
        }
    }

    pub(crate) fn do_reveal_partials(
        who: T::AccountId,
        id: DisputeId,
        round: ReduceRound,
        partials: (Hash, Hash),
    ) -> DispatchResult {
        let d = Self::live(id)?;
        let side = Self::side_of(&d, &who)?;
        let Stage::Reduce { step, records, node, tile, mode, round: stored, defender_partials, challenger_partials } =
            d.stage.clone()
        else {
            return Err(Error::<T>::WrongPhase.into());
        };
        ensure!(round == stored, Error::<T>::StaleRound);
        let mut posted = [defender_partials, challenger_partials];
        let p = side as usize;
        ensure!(posted[p].is_none(), Error::<T>::AlreadyMoved);
        posted[p] = Some(partials);
        Self::deposit_event(Event::PartialsRevealed { dispute: id, side, partials });
        let [Some(a), Some(b)] = posted else {
            let mut d = d;
            let [defender_partials, challenger_partials] = posted;
            d.stage = Stage::Reduce { step, records, node, tile, mode, round, defender_partials, challenger_partials };
            Disputes::<T>::insert(id, d);
            return Ok(());
        };
        let mut next = round;
        let mut addition = None;
        match mode {
            // Bisection: agreeing on the middle moves the agreed point there.
            Mode::Fold => {
                let half = round.len / 2;
                if a.0 == b.0 {
                    next.lo = round.lo + half;
                    next.len = round.len - half;
                    next.agreed = a.0;
                } else {
                    next.len = half;
                    (next.defender, next.challenger) = (a.0, b.0);
                }
            }
            // Descent: into the first child they disagree on; where they
            // agree on both, the chain adds the children itself.
            Mode::Tree => {
                let left = reduction::left_len(round.len);
                if a.0 != b.0 {
                    next.len = left;
                    (next.defender, next.challenger) = (a.0, b.0);
                } else if a.1 != b.1 {
                    next.lo = round.lo + left;
                    next.len = round.len - left;
                    (next.defender, next.challenger) = (a.1, b.1);
                } else {
                    addition = Some(a);
                }
            }
        }
        let stage = if addition.is_some() || next.len <= reduction::CHUNK {
            Stage::ReduceLeaf { step, records, node, tile, mode, round: next, addition }
        } else {
            Stage::Reduce {
                step,
                records,
                node,
                tile,
                mode,
                round: next,
                defender_partials: None,
                challenger_partials: None,
            }
        };
        Self::advance(id, d, stage)
    }

    /// A reduction's leaf, or one addition of agreed children: judges both
    /// parties' partials of the final round.
    fn arbitrate_leaf(id: DisputeId, task: &TaskOf<T>, stage: Stage, witness: WitnessOf<T>) -> DispatchResult {
        let Stage::ReduceLeaf { step, records, node: index, tile, mode, round, addition } = stage else {
            return Err(Error::<T>::WrongPhase.into());
        };
        let bits = |b: &[u32]| b.iter().map(|v| f32::from_bits(*v)).collect::<Vec<f32>>();
        let truth = match (addition, witness) {
            (Some((l, r)), Witness::Addition { left, right }) => {
                let (left, right) = (bits(&left), bits(&right));
                ensure!(tensor::tile_leaf(&left) == l && tensor::tile_leaf(&right) == r, Error::<T>::InvalidWitness);
                tensor::tile_leaf(&reduction::combine(&left, &right).ok_or(Error::<T>::InvalidWitness)?)
            }
            (None, Witness::Leaf { node, node_proof, inputs, acc }) => {
                Self::check_node(task, index, &node, &node_proof)?;
                ensure!(inputs.len() == node.op.arity(), Error::<T>::InvalidWitness);
                let dims: Vec<&[u32]> = inputs.iter().map(|i| i.dims.as_slice()).collect();
                let owned: Vec<Vec<u32>> = dims.iter().map(|d| d.to_vec()).collect();
                let cost = crate::program::leaf_cost(&node, &owned, task.spec.order.batch, task.spec.example_len)
                    .map_err(|_| Error::<T>::InvalidWitness)?;
                ensure!(cost.work <= T::MaxArbitrationWork::get(), Error::<T>::TooMuchWork);
                let range = round.lo..round.lo.saturating_add(round.len);
                let want = |i: usize, _: &[Partial]| {
                    reduction::leaf_reads(&node.op, &dims, node.output, tile, range.clone(), i)
                        .map_err(|_| DispatchError::from(Error::<T>::InvalidWitness))
                };
                let opened = Self::open_tiles(&inputs, want)?;
                for ((_, hash), (input, source)) in opened.iter().zip(inputs.iter().zip(node.inputs.as_slice())) {
                    Self::check_input(source, hash, &input.proof, step, &records, &task.spec)?;
                }
                let acc = bits(&acc);
                // The fold continues from the agreed accumulator: at the start,
                // the fold's own start value (zeros; a maximum's −∞).
                if mode == Mode::Fold {
                    let start = reduction::start(&node.op).to_bits();
                    let fresh = round.lo == 0 && acc.iter().all(|v| v.to_bits() == start);
                    ensure!(
                        fresh || (round.lo > 0 && tensor::tile_leaf(&acc) == round.agreed),
                        Error::<T>::InvalidWitness
                    );
                }
                let parts: Vec<&Partial> = opened.iter().map(|(p, _)| p).collect();
                let values = reduction::leaf(&node.op, &parts, node.output, tile, range, &acc)
                    .map_err(|_| Error::<T>::InvalidWitness)?;
                tensor::tile_leaf(&values)
            }
            _ => return Err(Error::<T>::InvalidWitness.into()),
        };
        let outcome = Outcome::Arbitrated {
            defender_right: truth == round.defender,
            challenger_right: truth == round.challenger,
        };
        Self::settle_game(id, outcome, truth == round.defender)
    }

    /// Checks each input's opened tiles against its tile root, and returns
    /// the inputs as partial tensors with their tensor hashes. `tile`: the
    /// output tile recomputed, whose reads each input must open exactly;
    /// `None`: the whole operator, for which every tile is opened.
    fn open_inputs(
        node: &Node,
        inputs: &[InputWitness],
        tile: Option<u32>,
    ) -> Result<Vec<(Partial, Hash)>, DispatchError> {
        Self::open_tiles(inputs, |i, parts| match tile {
            Some(t) => {
                let refs: Vec<&Partial> = parts.iter().collect();
                tile::reads(&node.op, &refs, node.output, t, i).map_err(|_| Error::<T>::InvalidWitness.into())
            }
            None => Ok((0..parts[i].layout().tiles()).collect()),
        })
    }

    /// Checks that input `i` opens exactly the tiles `want(i, inputs so
    /// far)` names, each against its tile root (the root recomputed when
    /// every tile is opened), and returns the inputs as partial tensors
    /// with their tensor hashes.
    fn open_tiles(
        inputs: &[InputWitness],
        want: impl Fn(usize, &[Partial]) -> Result<Vec<u32>, DispatchError>,
    ) -> Result<Vec<(Partial, Hash)>, DispatchError> {
        let bad = || DispatchError::from(Error::<T>::InvalidWitness);
        let mut parts: Vec<Partial> =
            inputs.iter().map(|w| Partial::new(w.dims.to_vec()).ok_or_else(bad)).collect::<Result<_, _>>()?;
        let mut hashes = Vec::with_capacity(inputs.len());
        for (i, w) in inputs.iter().enumerate() {
            let layout = *parts[i].layout();
            let want = want(i, &parts)?;
            ensure!(w.tiles.iter().map(|t| t.index).eq(want.iter().copied()), Error::<T>::InvalidWitness);
            let whole = want.len() as u32 == layout.tiles();
            let mut leaves = Vec::with_capacity(w.tiles.len());
            for t in w.tiles.iter() {
                let values: Vec<f32> = t.bits.iter().map(|b| f32::from_bits(*b)).collect();
                let leaf = tensor::tile_leaf(&values);
                ensure!(
                    whole || merkle::verify(&w.tiles_root, layout.tiles(), t.index, &leaf, &t.proof),
                    Error::<T>::InvalidWitness
                );
                ensure!(parts[i].insert(t.index, values), Error::<T>::InvalidWitness);
                leaves.push(leaf);
            }
            // Every tile opened: the root is recomputed (no proofs needed).
            ensure!(!whole || merkle::root(&leaves) == w.tiles_root, Error::<T>::InvalidWitness);
            hashes.push(tensor::hash_from_tile_root(&w.dims, &w.tiles_root));
        }
        Ok(parts.into_iter().zip(hashes).collect())
    }

    /// Whether `leaf` is leaf `j` of the agreed prefix of the two traces.
    /// Every leaf before the disputed one is equal in both (the descent
    /// moved right only past equal left subtrees), so a proof against
    /// either party's trace root proves it: the honest party always has
    /// one from its own trace, and never needs the other's tree.
    fn in_agreed_prefix(records: &[StepRecord; 2], j: u32, leaf: &Hash, proof: &Proof) -> bool {
        records.iter().any(|r| merkle::verify(&r.trace_root, r.trace_len, j, leaf, proof))
    }

    /// Proves one input tensor's hash from its source.
    fn check_input(
        source: &Source,
        hash: &Hash,
        proof: &SourceProof,
        step: u32,
        records: &[StepRecord; 2],
        spec: &TaskSpec,
    ) -> DispatchResult {
        // The agreed state and batch are the same in both records.
        let record = &records[0];
        let ok = match (source, proof) {
            (Source::Node(j), SourceProof::Node { proof }) => {
                Self::in_agreed_prefix(records, *j, &trace_leaf(*j, hash), proof)
            }
            (Source::State(e), SourceProof::State { name, entries_root, entries, proof }) => {
                state::hash_from_root(step, *entries, entries_root) == record.before
                    && merkle::verify(entries_root, *entries, *e, &state::entry_leaf(name, hash), proof)
            }
            (Source::Batch(b), SourceProof::Batch { examples }) => {
                // The examples hash to the agreed batch root under the rows'
                // dataset indices, and assemble into the input.
                let values: Vec<Vec<f32>> = examples.iter().map(ExampleWitness::values).collect();
                let rows: Vec<(u32, &[f32])> = examples.iter().zip(&values).map(|(e, v)| (e.label, &v[..])).collect();
                examples.len() as u32 == spec.order.batch
                    && values.iter().all(|v| v.len() == spec.example_len as usize)
                    && data::batch_root(&spec.order, step, &rows) == record.batch
                    && data::assemble(spec.data_kind, &rows)
                        .and_then(|t| t.get(*b as usize).map(Tensor::hash))
                        .is_some_and(|h| h == *hash)
            }
            _ => false,
        };
        ensure!(ok, Error::<T>::InvalidWitness);
        Ok(())
    }

    /// A disputed batch row: the dataset example the order names for it,
    /// proven against `dataset_root`, judges both parties' leaves.
    fn arbitrate_example(
        id: DisputeId,
        task: &TaskOf<T>,
        step: u32,
        row: u32,
        leaves: [Hash; 2],
        witness: WitnessOf<T>,
    ) -> DispatchResult {
        let Witness::Example { label, features, proof } = witness else {
            return Err(Error::<T>::InvalidWitness.into());
        };
        let order = &task.spec.order;
        let index = order.row(step, row);
        let values: Vec<f32> = features.iter().map(|b| f32::from_bits(*b)).collect();
        let leaf = state::example_leaf(index, label, &values);
        ensure!(
            row < order.batch && merkle::verify(&task.spec.dataset_root, order.samples, index, &leaf, &proof),
            Error::<T>::InvalidWitness
        );
        let outcome = Outcome::Arbitrated { defender_right: leaf == leaves[0], challenger_right: leaf == leaves[1] };
        Self::settle_game(id, outcome, leaf == leaves[0])
    }

    pub(crate) fn do_arbitrate(id: DisputeId, witness: WitnessOf<T>) -> DispatchResult {
        let d = Self::live(id)?;
        let task = Tasks::<T>::get(d.task).ok_or(Error::<T>::UnknownTask)?;
        if let Stage::Example { step, row, leaves, .. } = d.stage {
            return Self::arbitrate_example(id, &task, step, row, leaves, witness);
        }
        if let Stage::ReduceLeaf { .. } = d.stage {
            return Self::arbitrate_leaf(id, &task, d.stage, witness);
        }
        let Stage::Arbitration { step, records, node: index, leaves, tile, .. } = d.stage.clone() else {
            return Err(Error::<T>::WrongPhase.into());
        };
        // The agreed state (and batch) are the same in both records.
        let record = &records[0];
        let program_len = task.spec.program_len;
        let truth = match witness {
            Witness::Node { node, node_proof, inputs } => {
                Self::check_node(&task, index, &node, &node_proof)?;
                ensure!(inputs.len() == node.op.arity(), Error::<T>::InvalidWitness);
                // A batch proof hashes every example and evaluates the order
                // once per row: counted against the cap before it is done.
                let batch_work = inputs.iter().map(|i| batch_proof_work(&i.proof)).fold(0u64, u64::saturating_add);
                ensure!(batch_work <= T::MaxArbitrationWork::get(), Error::<T>::TooMuchWork);
                let dims: Vec<&[u32]> = inputs.iter().map(|i| i.dims.as_slice()).collect();
                let outs = output_dims(&node.op, &dims).map_err(|_| Error::<T>::InvalidWitness)?;
                let out_dims = outs.get(node.output as usize).ok_or(Error::<T>::InvalidWitness)?;
                let out_tiles = tensor::tile_count(out_dims);
                // An output of one tile is recomputed as that tile, from the
                // inputs it reads; a larger one whole, or as its disputed tile.
                let at = tile.or((out_tiles == 1).then_some(0));
                let work = match at {
                    Some(_) => tile::worst_case(&node.op, &dims, node.output).map(|b| b.work),
                    None => Ok(exec::work(&node.op, &dims, false)),
                }
                .map_err(|_| Error::<T>::InvalidWitness)?;
                ensure!(work.saturating_add(batch_work) <= T::MaxArbitrationWork::get(), Error::<T>::TooMuchWork);
                let opened = Self::open_inputs(&node, &inputs, at)?;
                for ((_, hash), (input, source)) in opened.iter().zip(inputs.iter().zip(node.inputs.as_slice())) {
                    Self::check_input(source, hash, &input.proof, step, &records, &task.spec)?;
                }
                let parts: Vec<&Partial> = opened.iter().map(|(p, _)| p).collect();
                let ctx = Ctx::at(step);
                let computed = |t: u32| {
                    tile::execute_tile(&node.op, &ctx, &parts, node.output, t).map_err(|_| Error::<T>::InvalidWitness)
                };
                match (tile, at) {
                    (Some(t), _) => tensor::tile_leaf(&computed(t)?),
                    // The one tile is the whole output, in row-major order.
                    (None, Some(t)) => trace_leaf(index, &tensor::hash(out_dims, &computed(t)?)),
                    (None, None) => {
                        let whole: Vec<Tensor> = parts
                            .iter()
                            .map(|p| p.tensor())
                            .collect::<Result<_, _>>()
                            .map_err(|_| Error::<T>::InvalidWitness)?;
                        let refs: Vec<&Tensor> = whole.iter().collect();
                        let outs = exec::execute(&node.op, &ctx, &refs).map_err(|_| Error::<T>::InvalidWitness)?;
                        let out = outs.get(node.output as usize).ok_or(Error::<T>::InvalidWitness)?;
                        trace_leaf(index, &out.hash())
                    }
                }
            }
            Witness::Example { .. } | Witness::Leaf { .. } | Witness::Addition { .. } => {
                return Err(Error::<T>::InvalidWitness.into())
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
                            && Self::in_agreed_prefix(
                                &records,
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
        // Each party is judged against the truth; both may be wrong.
        let outcome = Outcome::Arbitrated { defender_right: truth == leaves[0], challenger_right: truth == leaves[1] };
        Self::settle_game(id, outcome, truth == leaves[0])
    }

    /// Ends a game: convicts the solver if it lost (its collateral slashed
    /// once, by the first game that convicts it), settles the challenger's
    /// bond or collateral by this game alone, and opens a re-challenge
    /// window when the challenger gave up a claim the solver was not
    /// convicted on. `defender_earned`: the solver made every move it owed
    /// (or was proven right), so a lost bond or stake compensates it.
    ///
    /// Nothing outside the game is judged by it: a conviction proves one
    /// committed step record wrong, not that the segment's end is, so a
    /// checker whose ends agreed with that end is not punished for it (its
    /// ends were committed blind, before the solver's were public).
    pub(crate) fn settle_game(id: DisputeId, outcome: Outcome, defender_earned: bool) -> DispatchResult {
        let mut d = Self::dispute(id)?;
        ensure!(!matches!(d.stage, Stage::Resolved { .. }), Error::<T>::WrongPhase);
        let task = Tasks::<T>::get(d.task).ok_or(Error::<T>::UnknownTask)?;
        let mut audit = Audits::<T>::get(d.task).ok_or(Error::<T>::WrongPhase)?;
        d.stage = Stage::Resolved { outcome };
        Disputes::<T>::insert(id, d.clone());
        Self::deposit_event(Event::DisputeResolved { dispute: id, outcome });
        audit.games = audit.games.saturating_sub(1);
        let rewarded = (!outcome.challenger_lost()).then_some(&d.challenger);
        if outcome.solver_convicted() && !audit.convicted {
            audit.convicted = true;
            Self::slash_solver(&task, rewarded)?;
        }
        // The other side is paid from a lost bond or stake when it earned
        // it: proven right, or it made every move it owed while the
        // challenger quit (a colluding quitter then still loses the rest).
        let to_defender = (defender_earned && !outcome.solver_convicted()).then_some(&d.defender);
        // From a start proven misshapen an honest challenger may have had
        // no move to make: forfeiting is not punished there.
        let spared = matches!(outcome, Outcome::Forfeited { loser: Side::Challenger, .. })
            && audit.misshapen.contains(&d.segment);
        let punished = outcome.challenger_lost() && !spared;
        match (d.challenger_kind, punished) {
            (Challenger::Whistleblower, true) => Self::forfeit_bond(d.task, &d.challenger, d.bond, to_defender)?,
            (Challenger::Whistleblower, false) => Self::release_bond(&d.challenger, d.bond)?,
            (Challenger::Verifier, true)
                if !audit.verifier_faulted && task.verifier.as_ref() == Some(&d.challenger) =>
            {
                Self::slash_verifier(&task, to_defender)?;
                audit.verifier_faulted = true;
            }
            (Challenger::Verifier, _) => {}
        }
        if d.challenger_kind == Challenger::Whistleblower {
            Self::disengage(&d.challenger, Role::Whistleblower);
        }
        let reopen = outcome.challenger_abandoned() && !audit.convicted;
        Self::after_game(d.task, task, audit, reopen)
    }

    /// A dispute's move deadline passed: a party that owed a move and did
    /// not make it loses. If neither moved (or nobody arbitrated a reached
    /// operator), the challenger, who carries the burden of proof, loses;
    /// its claim then goes back to a re-challenge window.
    pub(crate) fn on_dispute_timer(id: DisputeId, now: BlockNumberFor<T>) -> DispatchResult {
        let Some(d) = Disputes::<T>::get(id) else {
            return Ok(());
        };
        if d.deadline >= now {
            return Ok(());
        }
        let (defender_moved, challenger_moved) = match &d.stage {
            Stage::Steps { defender_mid, challenger_mid, .. } => (defender_mid.is_some(), challenger_mid.is_some()),
            Stage::Records { defender, challenger, .. } => (defender.is_some(), challenger.is_some()),
            Stage::Ops { defender_children, challenger_children, .. }
            | Stage::Tiles { defender_children, challenger_children, .. }
            | Stage::Examples { defender_children, challenger_children, .. } => {
                (defender_children.is_some(), challenger_children.is_some())
            }
            Stage::Reduce { defender_partials, challenger_partials, .. } => {
                (defender_partials.is_some(), challenger_partials.is_some())
            }
            // An opened output owes the other party's opening (C6).
            Stage::Arbitration { tile: None, outputs, .. } => (outputs[0].is_some(), outputs[1].is_some()),
            Stage::Arbitration { .. } | Stage::Example { .. } | Stage::ReduceLeaf { .. } => (false, false),
            Stage::Resolved { .. } => return Ok(()),
        };
        let loser = if challenger_moved && !defender_moved { Side::Defender } else { Side::Challenger };
        Self::settle_game(id, Outcome::Forfeited { loser, timeout: true }, defender_moved)
    }
}
