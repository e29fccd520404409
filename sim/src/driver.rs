//! One task's life, driven through the pallet's own extrinsics with each
//! party's account: submission, the solver draw, the commitment, the
//! verifier draw (and redraws), the openings, the blind checks, the
//! verdict, the reveals and every game. Each party decides by its
//! [`Strategy`]; the chain's rules, deadlines and money moves are the
//! pallet's alone.

use crate::{
    config::SimConfig,
    oracle::{Committed, Oracle},
    rng::Rng,
    strategy::{ends_to_post, CheckerEnds, Role, SolverRun},
    world::World,
};
use pallet_gensyn::{
    harness::{self, manifest, Party, TOY},
    lifecycle::{check_commitment, first_disagreements, runs, selection_alpha},
    mock::{advance, Gensyn, RuntimeEvent, RuntimeOrigin, System, Test},
    Audits, CancelReason, Challenges, Checks, DisputeId, Disputes, Event, Hash, ManifestOf, NextDisputeId, NextTaskId,
    Phase, Stage, TaskId, TaskSpec, Tasks,
};
use polkadot_sdk::frame_support::BoundedVec;
use std::collections::{BTreeSet, HashMap};

/// How a task ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The solver was paid.
    Finalized,
    /// Cancelled, and why.
    Cancelled(CancelReason),
}

impl Ending {
    /// A short name for reports.
    pub fn name(self) -> String {
        match self {
            Ending::Finalized => "finalized".into(),
            Ending::Cancelled(r) => format!("cancelled: {r:?}"),
        }
    }
}

/// What one task did to each party.
#[derive(Clone, Debug)]
pub struct TaskRecord {
    /// The selected solver (index into the world's members).
    pub solver: Option<usize>,
    /// What it committed.
    pub solver_run: Option<SolverRun>,
    /// For a faulty commitment: whether the fault's segment was audited.
    pub fault_audited: bool,
    /// Members that took part: the solver, every drawn verifier, every
    /// whistleblower that committed a check or whistled.
    pub engaged: BTreeSet<usize>,
    /// Each member's money: its balance change over the task minus what it
    /// paid for compute (indexed like the world's members).
    pub net: Vec<i64>,
    /// The submitter's balance change.
    pub submitter_net: i64,
    /// Steps each member computed (trained, replayed, or re-ran in a game).
    pub steps: Vec<u64>,
    /// Members slashed, or whose bond was forfeited.
    pub caught: BTreeSet<usize>,
    /// How it ended.
    pub ending: Ending,
    /// Whether the forced-error draw made it a forced round.
    pub forced: bool,
    /// Games played.
    pub games: u32,
    /// Moves of honest parties the pallet refused (a bug in the pallet or
    /// the simulator if ever non-zero).
    pub refused: u32,
    /// Collateral still locked once it ended (should be none).
    pub leaked: u64,
    /// Money the books cannot account for once it ended (should be none).
    pub unreconciled: u64,
    /// The jackpot's balance once it ended.
    pub jackpot: u64,
    /// Steps the solver trained.
    pub trained: u64,
    /// Steps verifiers and whistleblowers replayed (checks and games).
    pub replayed: u64,
}

/// Who sits on one side of a game: the run it answers from, or nobody.
#[derive(Clone, Copy)]
struct Seat<'a> {
    party: Option<&'a Party>,
    honest: bool,
}

/// A check a whistleblower committed, until it reveals it.
struct PendingCheck {
    who: u64,
    ends: Vec<Hash>,
    salt: Hash,
    reveals: bool,
}

/// Blocks one task may take before the simulator calls it stuck.
const MAX_BLOCKS_PER_TASK: u64 = 5_000;

/// Runs tasks one after another on one chain.
pub struct Driver<'a> {
    config: &'a SimConfig,
    oracle: &'a Oracle,
    world: &'a World,
    rng: Rng,
    spec: TaskSpec,
    manifest: ManifestOf<Test>,
    /// Games already charged for (each side's replay of the segment).
    counted: BTreeSet<DisputeId>,
}

fn task_phase(id: TaskId) -> Phase<u64> {
    Tasks::<Test>::get(id).map(|t| t.phase).unwrap_or(Phase::Finalized)
}

fn same_phase(a: &Phase<u64>, b: &Phase<u64>) -> bool {
    core::mem::discriminant(a) == core::mem::discriminant(b)
}

impl<'a> Driver<'a> {
    /// A driver for `world` (already set up) answering from `oracle`.
    pub fn new(config: &'a SimConfig, oracle: &'a Oracle, world: &'a World) -> Self {
        Driver {
            config,
            oracle,
            world,
            rng: Rng::new(config.seed ^ 0x5eed),
            spec: oracle.spec(),
            manifest: manifest(TOY),
            counted: BTreeSet::new(),
        }
    }

    /// Lets blocks pass until task `id` leaves its phase.
    fn wait(&self, id: TaskId, started: u64) -> Result<(), String> {
        let phase = task_phase(id);
        while same_phase(&task_phase(id), &phase) {
            if System::block_number() - started > MAX_BLOCKS_PER_TASK {
                return Err(format!("task {id} stuck in {phase:?}"));
            }
            advance(1);
        }
        Ok(())
    }

    /// Runs one task from submission to its end.
    pub fn run_task(&mut self) -> Result<TaskRecord, String> {
        let (world, oracle) = (self.world, self.oracle);
        System::reset_events();
        world.top_up()?;
        let before = world.balances();
        let issuance = crate::world::issuance();
        let first_game = NextDisputeId::<Test>::get();
        let started = System::block_number();
        let n = self.world.members.len();
        let mut rec = TaskRecord {
            solver: None,
            solver_run: None,
            fault_audited: false,
            engaged: BTreeSet::new(),
            net: vec![0; n],
            submitter_net: 0,
            steps: vec![0; n],
            caught: BTreeSet::new(),
            ending: Ending::Finalized,
            forced: false,
            games: 0,
            refused: 0,
            leaked: 0,
            unreconciled: 0,
            jackpot: 0,
            trained: 0,
            replayed: 0,
        };
        let id = self.submit()?;
        self.select_solver(id, started)?;
        let Some(solver) = Tasks::<Test>::get(id).and_then(|t| t.solver) else {
            return self.finish(id, rec, &before, issuance, first_game);
        };
        let s = self.world.index[&solver];
        let strategy = self.world.members[s].strategy;
        let ring = self.world.members[s].ring;
        rec.solver = Some(s);
        rec.engaged.insert(s);
        let plan = strategy.solver_run(self.config.steps, &mut self.rng);
        let rng = &mut self.rng;
        let committed = oracle.commit(plan, &mut || rng.hash());
        rec.solver_run = Some(plan);
        rec.steps[s] += u64::from(plan.steps_trained(self.config.steps));
        rec.trained += u64::from(plan.steps_trained(self.config.steps));
        let mut seats: HashMap<u64, Seat> = HashMap::new();
        seats.insert(
            solver,
            Seat { party: committed.party.filter(|_| strategy.answers_games()), honest: strategy.is_honest() },
        );
        if plan == SolverRun::Nothing {
            self.wait(id, started)?;
        } else {
            let proof = committed.opening(0).proof;
            Gensyn::commit(RuntimeOrigin::signed(solver), id, committed.commitment(), proof)
                .map_err(|e| format!("commit: {e:?}"))?;
        }
        let mut checks: Vec<PendingCheck> = Vec::new();
        loop {
            if System::block_number() - started > MAX_BLOCKS_PER_TASK {
                return Err(format!("task {id} stuck in {:?}", task_phase(id)));
            }
            let phase = task_phase(id);
            match phase {
                Phase::VerifierSelection { .. } => {
                    for (_, m) in world.of(Role::Verifier) {
                        if m.strategy.takes_part(m.ring.is_some() && m.ring == ring, true) {
                            // Refused when its stake is locked elsewhere, which never happens here.
                            let _ = Gensyn::enter_selection(RuntimeOrigin::signed(m.who), id);
                        }
                    }
                }
                Phase::VerifierDraw { seed, .. } => self.reveal_all(id, Role::Verifier, &seed),
                Phase::Opening { .. } => {
                    if let Some(v) = Tasks::<Test>::get(id).and_then(|t| t.verifier) {
                        rec.engaged.insert(self.world.index[&v]);
                    }
                    let segments = audited(id);
                    if let SolverRun::Faulty { step, .. } = plan {
                        rec.fault_audited = segments.contains(&self.oracle.segment_of(step));
                    }
                    let starts =
                        runs(&segments).iter().map(|r| committed.opening(segments[r.start as usize])).collect();
                    // A guessed start has no data behind it: the chain refuses it.
                    let _ =
                        Gensyn::open_checkpoints(RuntimeOrigin::signed(solver), id, BoundedVec::truncate_from(starts));
                }
                Phase::Checking { .. } => {
                    for (i, m) in world.of(Role::Whistleblower) {
                        let checks_it = self.rng.chance(self.config.check_rate);
                        if !m.strategy.takes_part(m.ring.is_some() && m.ring == ring, checks_it) {
                            continue;
                        }
                        let plan = m.strategy.checker_ends();
                        let (ends, party) = self.ends_for(id, plan, &committed);
                        let ends = ends.unwrap_or_else(|| vec![self.rng.hash(); audited(id).len()]);
                        let salt = self.rng.hash();
                        let c = check_commitment(id, &m.who, &ends, &salt);
                        if Gensyn::commit_check(RuntimeOrigin::signed(m.who), id, c).is_ok() {
                            rec.engaged.insert(i);
                            self.charge(&mut rec, i, plan, id);
                            seats.insert(m.who, Seat { party, honest: m.strategy.is_honest() });
                            checks.push(PendingCheck {
                                who: m.who,
                                ends,
                                salt,
                                reveals: plan != CheckerEnds::Withheld,
                            });
                        }
                    }
                }
                Phase::Verdict { .. } => {
                    if let Some(v) = Tasks::<Test>::get(id).and_then(|t| t.verifier) {
                        let i = world.index[&v];
                        rec.engaged.insert(i);
                        let m = &world.members[i];
                        let plan = m.strategy.checker_ends();
                        let (ends, party) = self.ends_for(id, plan, &committed);
                        seats.insert(v, Seat { party, honest: m.strategy.is_honest() });
                        if let Some(ends) = ends {
                            self.charge(&mut rec, i, plan, id);
                            Gensyn::post_verdict(RuntimeOrigin::signed(v), id, BoundedVec::truncate_from(ends))
                                .map_err(|e| format!("verdict: {e:?}"))?;
                        }
                    }
                }
                Phase::EndOpening { .. } => {
                    let task = Tasks::<Test>::get(id).ok_or("task vanished")?;
                    let mut idx: Vec<u32> = audited(id).iter().map(|s| s + 1).collect();
                    idx.push(task.spec.checkpoints() - 1);
                    idx.sort();
                    idx.dedup();
                    let openings = idx.into_iter().map(|i| committed.opening(i)).collect();
                    let _ = Gensyn::open_ends(RuntimeOrigin::signed(solver), id, BoundedVec::truncate_from(openings));
                }
                Phase::Reveal { .. } => {
                    for c in checks.iter().filter(|c| c.reveals) {
                        Gensyn::reveal_check(
                            RuntimeOrigin::signed(c.who),
                            id,
                            BoundedVec::truncate_from(c.ends.clone()),
                            c.salt,
                        )
                        .map_err(|e| format!("reveal: {e:?}"))?;
                    }
                    checks.clear();
                }
                Phase::Disputed { .. } => {
                    self.rechallenge(id, first_game, &committed, &mut seats, &mut rec);
                    if !self.play_round(first_game, &seats, &mut rec) {
                        advance(1);
                    }
                    continue;
                }
                Phase::Finalized | Phase::Cancelled { .. } => break,
                Phase::SolverSelection { .. } | Phase::SolverDraw { .. } | Phase::Training { .. } => {
                    return Err(format!("task {id} went back to {phase:?}"));
                }
            }
            if same_phase(&task_phase(id), &phase) {
                self.wait(id, started)?;
            }
        }
        self.finish(id, rec, &before, issuance, first_game)
    }

    /// Posts the task.
    fn submit(&self) -> Result<TaskId, String> {
        let id = NextTaskId::<Test>::get();
        let w = self.config.params.window;
        // The entries, the draw, the timer that ends it, and one block to train.
        let deadline = System::block_number() + 3 * w + 3;
        Gensyn::submit_task(
            RuntimeOrigin::signed(self.world.submitter),
            self.spec.clone(),
            self.manifest.clone(),
            self.config.fee,
            deadline,
        )
        .map_err(|e| format!("submit_task: {e:?}"))?;
        Ok(id)
    }

    /// Every solver enters, every entrant reveals; the draw picks one.
    fn select_solver(&self, id: TaskId, started: u64) -> Result<(), String> {
        for (_, m) in self.world.of(Role::Solver) {
            let _ = Gensyn::enter_selection(RuntimeOrigin::signed(m.who), id);
        }
        self.wait(id, started)?;
        if let Phase::SolverDraw { seed, .. } = task_phase(id) {
            self.reveal_all(id, Role::Solver, &seed);
            self.wait(id, started)?;
        }
        Ok(())
    }

    /// Every entrant of the running draw reveals its proof.
    fn reveal_all(&self, id: TaskId, role: Role, seed: &Hash) {
        let alpha = selection_alpha(role, id, seed);
        for (_, m) in self.world.of(role) {
            if pallet_gensyn::Entries::<Test>::contains_key(id, m.who) {
                if let Some(proof) = self.world.prove(m.who, &alpha) {
                    let _ = Gensyn::reveal_selection(RuntimeOrigin::signed(m.who), id, proof);
                }
            }
        }
    }

    /// The ends a checker with `plan` posts in task `id` and the run it
    /// defends them with (`None`: it cannot answer a game).
    fn ends_for(
        &mut self,
        id: TaskId,
        plan: CheckerEnds,
        solver: &Committed<'a>,
    ) -> (Option<Vec<Hash>>, Option<&'a Party>) {
        let oracle: &'a Oracle = self.oracle;
        let segments = audited(id);
        let replayed = oracle.replayed_ends(&segments, solver);
        let audit = Audits::<Test>::get(id);
        let opened = |p: usize| audit.as_ref().and_then(|a| a.segments.get(p)).and_then(|s| s.start);
        let mut starts = vec![[0u8; 32]; segments.len()];
        for r in runs(&segments) {
            for p in r.clone() {
                starts[p as usize] = opened(r.start as usize).unwrap_or_default();
            }
        }
        let partner: Vec<Hash> = segments.iter().map(|s| solver.checkpoint(s + 1)).collect();
        let mut liar = None;
        let lie = (plan == CheckerEnds::Lie).then(|| {
            // A wrong end for the first segment of one audited run, defended
            // by a run whose fault lies in that segment.
            let all = runs(&segments);
            let r = all[self.rng.below(all.len() as u32) as usize].clone();
            let party = oracle.liar(segments[r.start as usize], self.rng.below(self.config.checkpoint_every));
            liar = Some(party);
            let mut ends = replayed.clone();
            for p in r {
                ends[p as usize] = party.checkpoint(segments[p as usize] + 1);
            }
            ends
        });
        let ends = ends_to_post(plan, &replayed, &starts, lie.as_deref(), Some(&partner));
        let party = match plan {
            CheckerEnds::Replayed => Some(&oracle.honest),
            CheckerEnds::Lie => liar,
            CheckerEnds::Guessed | CheckerEnds::Partner | CheckerEnds::Withheld => None,
        };
        (ends, party)
    }

    /// Charges member `i` for replaying the audited segments, if `plan` needs it.
    fn charge(&self, rec: &mut TaskRecord, i: usize, plan: CheckerEnds, id: TaskId) {
        if plan.replays() {
            let steps: u64 = audited(id).iter().map(|s| u64::from(self.oracle.segment_len(*s))).sum();
            rec.steps[i] += steps;
            rec.replayed += steps;
        }
    }

    /// In an open re-challenge window, an honest whistleblower takes up
    /// each claim the solver is wrong on that no running game plays.
    fn rechallenge(
        &mut self,
        id: TaskId,
        first_game: DisputeId,
        solver: &Committed<'a>,
        seats: &mut HashMap<u64, Seat<'a>>,
        rec: &mut TaskRecord,
    ) {
        let (world, oracle): (&'a World, &'a Oracle) = (self.world, self.oracle);
        let Phase::Disputed { rechallenge_until } = task_phase(id) else { return };
        let Some(audit) = Audits::<Test>::get(id) else { return };
        if System::block_number() > rechallenge_until || audit.convicted {
            return;
        }
        let segments: Vec<u32> = audit.segments.iter().map(|s| s.segment).collect();
        let theirs: Vec<Hash> = audit.segments.iter().map(|s| s.end.unwrap_or_default()).collect();
        let truth = oracle.replayed_ends(&segments, solver);
        for p in first_disagreements(&segments, &theirs, &truth) {
            let running = (first_game..NextDisputeId::<Test>::get()).any(|g| {
                Disputes::<Test>::get(g).is_some_and(|d| d.position == p && !matches!(d.stage, Stage::Resolved { .. }))
            });
            if running {
                continue;
            }
            let taker = world
                .of(Role::Whistleblower)
                .find(|(_, m)| m.strategy.is_honest() && !Challenges::<Test>::contains_key(id, (m.who, p)));
            if let Some((i, m)) = taker {
                if Gensyn::whistle(RuntimeOrigin::signed(m.who), id, p, truth[p as usize]).is_ok() {
                    rec.engaged.insert(i);
                    let steps = u64::from(oracle.segment_len(segments[p as usize]));
                    rec.steps[i] += steps;
                    rec.replayed += steps;
                    seats.insert(m.who, Seat { party: Some(&oracle.honest), honest: true });
                }
            }
        }
    }

    /// Every running game of this task moves once on each side that
    /// answers; `false` if none moved (then time must pass). The games run
    /// side by side, as on a chain: playing one to its end first would let
    /// the others' deadlines pass unanswered.
    fn play_round(&mut self, first: DisputeId, seats: &HashMap<u64, Seat<'a>>, rec: &mut TaskRecord) -> bool {
        let mut moved = false;
        for g in first..NextDisputeId::<Test>::get() {
            let Some(d) = Disputes::<Test>::get(g) else { continue };
            if matches!(d.stage, Stage::Resolved { .. }) {
                continue;
            }
            if self.counted.insert(g) {
                // A game makes each side that plays it replay the disputed segment.
                let steps = u64::from(self.oracle.segment_len(d.segment));
                for who in [d.defender, d.challenger] {
                    if let (Some(seat), Some(&i)) = (seats.get(&who), self.world.index.get(&who)) {
                        if seat.party.is_some() {
                            rec.steps[i] += steps;
                            if who == d.challenger {
                                rec.replayed += steps;
                            }
                        }
                    }
                }
            }
            for (who, defender) in [(d.defender, true), (d.challenger, false)] {
                let Some(seat) = seats.get(&who) else { continue };
                let Some(party) = seat.party else { continue };
                let before = Disputes::<Test>::get(g);
                let r = harness::try_move(g, who, party, defender);
                if Disputes::<Test>::get(g) != before {
                    moved = true;
                }
                if r.is_err() && seat.honest {
                    rec.refused += 1;
                }
            }
        }
        moved
    }

    /// Settles the books once the task ended.
    fn finish(
        &self,
        id: TaskId,
        mut rec: TaskRecord,
        before: &[u64],
        issuance: u64,
        first_game: DisputeId,
    ) -> Result<TaskRecord, String> {
        rec.games = (NextDisputeId::<Test>::get() - first_game) as u32;
        rec.ending = match task_phase(id) {
            Phase::Finalized => Ending::Finalized,
            Phase::Cancelled { reason } => Ending::Cancelled(reason),
            p => return Err(format!("task {id} did not end: {p:?}")),
        };
        // Checks are settled one by one once the task is over (anyone may:
        // the submitter does here): right ones are paid a forced round's
        // share, unrevealed ones forfeit their bonds.
        let checkers: Vec<u64> = Checks::<Test>::iter_prefix(id).map(|(w, _)| w).collect();
        for w in checkers {
            Gensyn::settle_check(RuntimeOrigin::signed(self.world.submitter), id, w)
                .map_err(|e| format!("settle_check: {e:?}"))?;
        }
        for r in System::events() {
            let RuntimeEvent::Gensyn(e) = r.event else { continue };
            match e {
                Event::Slashed { who, .. } | Event::BondForfeited { who, .. } => {
                    if let Some(&i) = self.world.index.get(&who) {
                        rec.caught.insert(i);
                    }
                }
                Event::ForcedDrawn { forced, .. } => rec.forced = forced,
                _ => {}
            }
        }
        let after = self.world.balances();
        let price = self.config.step_price as i64;
        for (i, net) in rec.net.iter_mut().enumerate() {
            *net = after[i] as i64 - before[i] as i64 - rec.steps[i] as i64 * price;
        }
        let n = self.world.members.len();
        rec.submitter_net = after[n] as i64 - before[n] as i64;
        rec.jackpot = pallet_gensyn::Pallet::<Test>::jackpot();
        rec.leaked = self.world.locked();
        rec.unreconciled = self.world.unreconciled(before, &after, issuance);
        Ok(rec)
    }
}

/// The audited segments of task `id` (none before the audit is drawn).
fn audited(id: TaskId) -> Vec<u32> {
    Audits::<Test>::get(id).map(|a| a.segments.iter().map(|s| s.segment).collect()).unwrap_or_default()
}
