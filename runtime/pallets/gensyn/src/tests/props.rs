//! Property tests: random games always go to the honest party within the
//! move bound; random call sequences never create or lose funds and never
//! panic.

use super::harness::*;
use crate::{lifecycle::check_commitment, mock::*, *};
use codec::Encode;
use polkadot_sdk::{
    frame_support::{assert_ok, BoundedVec},
    sp_io::hashing::blake2_256,
};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// An honest and a dishonest party (either side; the fault anywhere in
    /// the run): the honest party wins, within ⌈log2 k⌉ + 1 + ⌈log2 (ops+1)⌉
    /// rounds.
    #[test]
    fn the_honest_party_always_wins(
        step in 0u32..8, node in 0u32..7, elem in 0u32..8, bit in 0u32..32, defender_cheats in any::<bool>(),
    ) {
        let fault = Fault { step, node, elem, bit };
        let honest = Party::new(TOY, 8, 4, None);
        let faulty = Party::new(TOY, 8, 4, Some(fault));
        // Some flips are absorbed by rounding and never reach a state.
        prop_assume!(faulty.state(8) != honest.state(8) || faulty.state(4) != honest.state(4));
        new_test_ext().execute_with(|| {
            setup_roles();
            audit_all();
            let (solver, verifier) = if defender_cheats { (&faulty, &honest) } else { (&honest, &faulty) };
            let id = to_verdict(solver);
            verdict(id, ends(id, verifier));
            close_reveals(id);
            let Phase::Disputed { .. } = task(id).phase else { panic!("{fault:?}: no dispute") };
            // One game per segment the verdict disagrees on. The first is
            // between the two runs from one agreed start; a later segment
            // starts at the solver's checkpoint, which the harness's
            // verifier did not replay from (its claim there is its own
            // run's), so only the first is a game between honest and faulty.
            let dispute = games(id)[0];
            let (winner, rounds) = duel(dispute, (SOLVER, solver), (VERIFIER, verifier));
            let expected = if defender_cheats { Side::Challenger } else { Side::Defender };
            assert_eq!(winner, expected, "{fault:?}");
            assert!(rounds <= crate::dispute::max_rounds(4, 7, 1, 0), "{rounds} rounds");
            assert_funds_reconcile();
        });
    }
}

/// One random action against the pallet.
#[derive(Clone, Debug)]
enum Action {
    Stake(usize, u8, u64),
    Unstake(usize, u8, u64),
    Withdraw(usize, u8),
    Submit(usize, u64),
    Enter(usize),
    Commit(bool),
    Open,
    Verdict(bool),
    Check(usize, bool),
    RevealCheck(usize),
    Whistle(usize, bool),
    Bisect(bool, u8),
    Advance(u8),
    /// The natural next move of the latest task, varied by the byte.
    Progress(u8),
}

fn action() -> impl Strategy<Value = Action> {
    let who = 0usize..ACCOUNTS.len();
    prop_oneof![
        (who.clone(), 0u8..3, 0u64..2_000).prop_map(|(a, r, x)| Action::Stake(a, r, x)),
        (who.clone(), 0u8..3, 0u64..2_000).prop_map(|(a, r, x)| Action::Unstake(a, r, x)),
        (who.clone(), 0u8..3).prop_map(|(a, r)| Action::Withdraw(a, r)),
        (who.clone(), 0u64..5_000).prop_map(|(a, f)| Action::Submit(a, f)),
        who.clone().prop_map(Action::Enter),
        any::<bool>().prop_map(Action::Commit),
        Just(Action::Open),
        any::<bool>().prop_map(Action::Verdict),
        (who.clone(), any::<bool>()).prop_map(|(a, b)| Action::Check(a, b)),
        who.clone().prop_map(Action::RevealCheck),
        (who, any::<bool>()).prop_map(|(a, b)| Action::Whistle(a, b)),
        (any::<bool>(), any::<u8>()).prop_map(|(a, b)| Action::Bisect(a, b)),
        (0u8..6).prop_map(Action::Advance),
        any::<u8>().prop_map(Action::Progress),
        any::<u8>().prop_map(Action::Progress),
        any::<u8>().prop_map(Action::Progress),
        any::<u8>().prop_map(Action::Progress),
        any::<u8>().prop_map(Action::Progress),
        any::<u8>().prop_map(Action::Progress),
        any::<u8>().prop_map(Action::Progress),
        any::<u8>().prop_map(Action::Progress),
    ]
}

fn role(r: u8) -> Role {
    Role::ALL[r as usize % 3]
}

/// A party whose replay went wrong at step 1 (segment 0) or 5 (segment 1).
fn faulty(step: u32) -> Party {
    Party::new(TOY, 8, 4, Some(Fault { step, node: 4, elem: 0, bit: 21 }))
}

/// Moves the latest task one phase on, honestly or not as `c` says.
fn progress(c: u8, run: &Party, bad: &Party) {
    let id = NextTaskId::<Test>::get().saturating_sub(1);
    let Some(t) = Tasks::<Test>::get(id) else {
        return;
    };
    let _ = match t.phase {
        Phase::SolverSelection { .. } => {
            let who = if c & 1 == 0 { SOLVER } else { SOLVER2 };
            let r = Gensyn::enter_selection(RuntimeOrigin::signed(who), id);
            advance(WINDOW + 1);
            r
        }
        Phase::SolverDraw { .. } | Phase::VerifierDraw { .. } => {
            for who in [SOLVER, SOLVER2, VERIFIER] {
                let _ = Gensyn::reveal_selection(RuntimeOrigin::signed(who), id, proof(who, id));
            }
            advance(WINDOW + 1);
            Ok(())
        }
        Phase::Training { .. } => {
            Gensyn::commit(RuntimeOrigin::signed(t.solver.unwrap()), id, run.commitment(), run.opening(0).proof)
        }
        Phase::VerifierSelection { .. } => {
            let r = Gensyn::enter_selection(RuntimeOrigin::signed(VERIFIER), id);
            advance(WINDOW + 1);
            r
        }
        Phase::Opening { .. } | Phase::EndOpening { .. } => {
            apply(Action::Open, run, bad);
            Ok(())
        }
        Phase::Checking { .. } => {
            let who = [WB1, WB2, WB3][c as usize % 3];
            let party = if c & 4 == 0 { run } else { bad };
            let e: Vec<Hash> =
                Audits::<Test>::get(id).unwrap().segments.iter().map(|s| party.checkpoint(s.segment + 1)).collect();
            let r = Gensyn::commit_check(RuntimeOrigin::signed(who), id, check_commitment(id, &who, &e, &salt(who)));
            if c & 8 != 0 {
                advance(WINDOW + 1);
            }
            r
        }
        Phase::Verdict { .. } => {
            let who = if c % 3 == 0 { bad } else { run };
            let e: Vec<Hash> =
                Audits::<Test>::get(id).unwrap().segments.iter().map(|s| who.checkpoint(s.segment + 1)).collect();
            Gensyn::post_verdict(RuntimeOrigin::signed(t.verifier.unwrap()), id, BoundedVec::truncate_from(e))
        }
        Phase::Reveal { .. } => {
            for i in 0..ACCOUNTS.len() {
                apply(Action::RevealCheck(i), run, bad);
            }
            advance(WINDOW + 1);
            Ok(())
        }
        Phase::Disputed { .. } => {
            for dispute in games(id) {
                let d = Disputes::<Test>::get(dispute).unwrap();
                // The challenger's run is whichever its claim came from.
                let challenger = if d.claim == bad.checkpoint(d.segment + 1) { bad } else { run };
                if challenger.checkpoint(d.segment + 1) == d.claim && !matches!(d.stage, Stage::Resolved { .. }) {
                    play(
                        dispute,
                        Player { who: d.defender, party: run, silent: c & 16 != 0 },
                        Player { who: d.challenger, party: challenger, silent: c & 32 != 0 },
                    );
                }
            }
            Ok(())
        }
        Phase::Finalized | Phase::Cancelled { .. } => Ok(()),
    };
}

/// Applies `a` to the latest task; errors are fine, panics are not.
fn apply(a: Action, run: &Party, bad: &Party) {
    let id = NextTaskId::<Test>::get().saturating_sub(1);
    let s = |i: usize| RuntimeOrigin::signed(ACCOUNTS[i]);
    let _ = match a {
        Action::Stake(i, r, x) => Gensyn::stake(s(i), role(r), x),
        Action::Unstake(i, r, x) => Gensyn::unstake(s(i), role(r), x),
        Action::Withdraw(i, r) => Gensyn::withdraw_unbonded(s(i), role(r)),
        Action::Submit(i, f) => {
            Gensyn::submit_task(s(i), run.spec(), manifest_for(&run.spec()), f, System::block_number() + 12)
        }
        Action::Enter(i) => match Tasks::<Test>::get(id).map(|t| t.phase) {
            Some(Phase::SolverSelection { .. } | Phase::VerifierSelection { .. }) => {
                register(ACCOUNTS[i]);
                Gensyn::enter_selection(s(i), id)
            }
            Some(Phase::SolverDraw { .. } | Phase::VerifierDraw { .. }) => {
                Gensyn::reveal_selection(s(i), id, proof(ACCOUNTS[i], id))
            }
            _ => Ok(()),
        },
        Action::Commit(honest) => match Tasks::<Test>::get(id).and_then(|t| t.solver) {
            Some(solver) => {
                let mut c = run.commitment();
                if !honest {
                    c.step_root = [1; 32];
                }
                Gensyn::commit(RuntimeOrigin::signed(solver), id, c, run.opening(0).proof)
            }
            None => Ok(()),
        },
        Action::Open => match (Tasks::<Test>::get(id), Audits::<Test>::get(id)) {
            (Some(t), Some(audit)) if t.solver.is_some() => {
                let segs: Vec<u32> = audit.segments.iter().map(|s| s.segment).collect();
                let mut idx: Vec<u32> = if matches!(t.phase, Phase::EndOpening { .. }) {
                    let mut e: Vec<u32> = segs.iter().map(|s| s + 1).collect();
                    e.push(t.spec.checkpoints() - 1);
                    e
                } else {
                    crate::lifecycle::runs(&segs).iter().map(|r| segs[r.start as usize]).collect()
                };
                idx.sort();
                idx.dedup();
                let openings: Vec<Opening> = idx.into_iter().map(|i| run.opening(i)).collect();
                let _ = bad;
                let (solver, o) = (RuntimeOrigin::signed(t.solver.unwrap()), BoundedVec::truncate_from(openings));
                if matches!(t.phase, Phase::EndOpening { .. }) {
                    Gensyn::open_ends(solver, id, o)
                } else {
                    Gensyn::open_checkpoints(solver, id, o)
                }
            }
            _ => Ok(()),
        },
        Action::Verdict(agree) => match (Tasks::<Test>::get(id).and_then(|t| t.verifier), Audits::<Test>::get(id)) {
            (Some(v), Some(audit)) => {
                let mut e: Vec<Hash> = audit.segments.iter().map(|s| run.checkpoint(s.segment + 1)).collect();
                if !agree {
                    e[0] = [2; 32];
                }
                Gensyn::post_verdict(RuntimeOrigin::signed(v), id, BoundedVec::truncate_from(e))
            }
            _ => Ok(()),
        },
        Action::Check(i, right) => match Audits::<Test>::get(id) {
            Some(audit) => {
                let party = if right { run } else { bad };
                let e: Vec<Hash> = audit.segments.iter().map(|s| party.checkpoint(s.segment + 1)).collect();
                Gensyn::commit_check(s(i), id, check_commitment(id, &ACCOUNTS[i], &e, &salt(ACCOUNTS[i])))
            }
            None => Ok(()),
        },
        Action::RevealCheck(i) => match Audits::<Test>::get(id) {
            Some(audit) => {
                for party in [run, bad] {
                    let e: Vec<Hash> = audit.segments.iter().map(|s| party.checkpoint(s.segment + 1)).collect();
                    let _ = Gensyn::reveal_check(s(i), id, BoundedVec::truncate_from(e), salt(ACCOUNTS[i]));
                }
                Ok(())
            }
            None => Ok(()),
        },
        Action::Whistle(i, right) => {
            let claim = if right { run.checkpoint(1) } else { [3; 32] };
            Gensyn::whistle(s(i), id, 0, claim)
        }
        Action::Bisect(defender, x) => {
            let did = NextDisputeId::<Test>::get().saturating_sub(1);
            match Disputes::<Test>::get(did) {
                Some(d) => {
                    let who = if defender { d.defender } else { d.challenger };
                    let r = StepRound {
                        lo: 0,
                        len: 4,
                        agreed: run.state(0),
                        defender_end: run.state(4),
                        challenger_end: [x; 32],
                    };
                    Gensyn::bisect(RuntimeOrigin::signed(who), did, r, [x; 32])
                }
                None => Ok(()),
            }
        }
        Action::Advance(n) => {
            advance(n as u64);
            Ok(())
        }
        Action::Progress(c) => {
            progress(c, run, bad);
            Ok(())
        }
    };
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Whatever is called in whatever order, total issuance equals the sum
    /// of all balances and every hold matches the pallet's records.
    #[test]
    fn random_calls_never_create_or_lose_funds(actions in prop::collection::vec(action(), 1..60)) {
        let run = Party::new(TOY, 8, 4, None);
        let bad = faulty(5);
        new_test_ext().execute_with(|| {
            setup_roles();
            let mut p = Parameters::<Test>::get();
            p.audit_segments = 8;
            p.forced_error_ppm = 300_000;
            assert_ok!(Gensyn::set_params(RuntimeOrigin::root(), p));
            for a in actions {
                apply(a, &run, &bad);
                assert_funds_reconcile();
            }
            // Let every deadline pass and check again.
            advance(60);
            assert_funds_reconcile();
            if std::env::var("GENSYN_PROP_STATS").is_ok() {
                let phases: Vec<_> = Tasks::<Test>::iter_values().map(|t| t.phase).collect();
                eprintln!("tasks {:?} disputes {}", phases, Disputes::<Test>::iter().count());
            }
        });
    }
}

/// What the dishonest party of a game does on its turn.
#[derive(Clone, Copy, Debug)]
enum Adv {
    /// The honest move of its own (wrong) run.
    Own,
    /// A made-up move: any hash, children, record or opening.
    Garbage(u8),
    /// The honest party's move of this round, made from its own seat.
    Copy,
    /// Nothing: the deadline passes.
    Silent,
    /// Its own move at the last block of the window.
    Late,
    /// A record of another step, or children from another node.
    Replay,
    /// Its own move, then a made-up one in the same round.
    Equivocate(u8),
}

fn adv() -> impl Strategy<Value = Adv> {
    // Mostly its own moves, so that games go deep before the adversary
    // tries something else.
    prop_oneof![
        8 => Just(Adv::Own),
        2 => any::<u8>().prop_map(Adv::Garbage),
        2 => Just(Adv::Copy),
        1 => Just(Adv::Silent),
        2 => Just(Adv::Late),
        1 => Just(Adv::Replay),
        1 => any::<u8>().prop_map(Adv::Equivocate),
    ]
}

/// A made-up move of `who` in dispute `id` (most fail; some, like a
/// bisection with any hash, are legal and steer the game).
fn garbage(id: DisputeId, who: u64, x: u8, party: &Party) {
    let o = || RuntimeOrigin::signed(who);
    let h = [x; 32];
    let _ = match Disputes::<Test>::get(id).unwrap().stage {
        Stage::Steps { round, .. } => Gensyn::bisect(o(), id, round, h),
        Stage::Records { round, .. } => {
            // A whole made-up trace that ends in the party's claimed end.
            let d = Disputes::<Test>::get(id).unwrap();
            let end = if d.defender == who { round.defender_end } else { round.challenger_end };
            let n = party.program.len() + 1;
            let mut leaves: Vec<Hash> = (0..n).map(|i| blake2_256(&(x, i).encode())).collect();
            leaves[n as usize - 1] = gensyn_commitment::trace::trace_leaf(n - 1, &end);
            let tree = gensyn_commitment::merkle::Tree::new(&leaves);
            let rec = gensyn_commitment::state::StepRecord {
                step: round.lo,
                before: round.agreed,
                batch: party.step_run(round.lo).record.batch,
                trace_root: tree.root(),
                trace_len: n,
                after: end,
            };
            Gensyn::open_record(o(), id, rec, Proof::default(), tree.proof(n - 1).unwrap())
        }
        Stage::Ops { round, .. } | Stage::Tiles { round, .. } | Stage::Examples { round, .. } => {
            Gensyn::reveal_children(o(), id, round, (h, h))
        }
        // Made-up partials: any accumulator, any children.
        Stage::Reduce { round, .. } => Gensyn::reveal_partials(o(), id, round, (h, [x ^ 0x5a; 32])),
        Stage::Arbitration { node, .. } if node < party.program.len() => {
            let opening = OutputOpening { dims: BoundedVec::truncate_from(vec![1, 1]), tiles: 2, root: h };
            let proof = party.program.tree().proof(node).unwrap();
            let shape = node_shape(party, node);
            Gensyn::open_output(o(), id, party.program.nodes[node as usize].clone(), proof, shape, opening)
        }
        _ => Ok(()),
    };
}

/// A replayed move: the record of a neighbouring step, or the children of
/// the root instead of the current node.
fn replay(id: DisputeId, who: u64, party: &Party, defender: bool) {
    let o = RuntimeOrigin::signed(who);
    let _ = match Disputes::<Test>::get(id).unwrap().stage {
        Stage::Records { round, .. } => {
            let step = if round.lo + 1 < party.steps { round.lo + 1 } else { round.lo.saturating_sub(1) };
            let run = party.step_run(step);
            let proof = if defender { party.run.steps.proof(step).unwrap() } else { Proof::default() };
            Gensyn::open_record(o, id, run.record, proof, run.trace.proof(run.trace.len() - 1).unwrap())
        }
        Stage::Ops { step, round, .. } => {
            let trace = party.step_run(step).trace;
            let root = gensyn_commitment::merkle::Descent::new(trace.len());
            Gensyn::reveal_children(o, id, round, trace.children(root.level, root.index).unwrap_or_default())
        }
        _ => try_move(id, who, party, defender),
    };
}

/// The honest party won `outcome` (as defender: the solver is not
/// convicted; as challenger: it is, and the challenger did not lose), and
/// once everything settles the funds reconcile.
fn honest_won(outcome: Outcome, honest_defends: bool, moves: &[Adv]) -> Result<(), TestCaseError> {
    if honest_defends {
        prop_assert!(!outcome.solver_convicted(), "{outcome:?} with {moves:?}");
    } else {
        prop_assert!(outcome.solver_convicted() && !outcome.challenger_lost(), "{outcome:?} with {moves:?}");
    }
    advance(60);
    assert_funds_reconcile();
    Ok(())
}

/// Plays game `id` between the honest party and an adversary that makes
/// the moves `moves` (cycled) from its own run `adv`; `order` says, per
/// round, whether the honest party moves first. Returns the outcome.
fn adversarial_game(
    id: DisputeId,
    honest: (u64, &Party),
    adversary: (u64, &Party),
    honest_defends: bool,
    moves: &[Adv],
    order: &[bool],
) -> Outcome {
    let resolved = || matches!(Disputes::<Test>::get(id).unwrap().stage, Stage::Resolved { .. });
    let honest_move = || {
        if !resolved() {
            // Every honest move must be accepted, whatever the adversary did.
            assert_ok!(try_move(id, honest.0, honest.1, honest_defends));
        }
    };
    for turn in 0..400usize {
        let d = Disputes::<Test>::get(id).unwrap();
        if let Stage::Resolved { outcome } = d.stage {
            return outcome;
        }
        let first = order[turn % order.len()];
        if first {
            honest_move();
        }
        let (who, party, seat) = (adversary.0, adversary.1, !honest_defends);
        if !resolved() {
            match moves[turn % moves.len()] {
                Adv::Own => {
                    let _ = try_move(id, who, party, seat);
                }
                Adv::Garbage(x) => garbage(id, who, x, party),
                Adv::Copy => {
                    let _ = try_move(id, who, honest.1, seat);
                }
                Adv::Silent => {}
                Adv::Late => {
                    run_to_block(Disputes::<Test>::get(id).unwrap().deadline);
                    if !resolved() {
                        let _ = try_move(id, who, party, seat);
                    }
                }
                Adv::Replay => replay(id, who, party, seat),
                Adv::Equivocate(x) => {
                    let _ = try_move(id, who, party, seat);
                    garbage(id, who, x, party);
                }
            }
        }
        if !first {
            honest_move();
        }
        let now = Disputes::<Test>::get(id).unwrap();
        if now.rounds == d.rounds && !matches!(now.stage, Stage::Resolved { .. }) {
            advance(WINDOW + 1);
        }
    }
    panic!("game {id} did not end in 400 turns");
}

proptest! {
    // About a minute in release on one core (15,000 games).
    #![proptest_config(ProptestConfig { cases: 15_000, ..ProptestConfig::default() })]

    /// An adversary that may make any move the calls allow — any hash,
    /// made-up traces, copies of the honest party's moves, other steps'
    /// records, silence, moving late, equivocation — on either side,
    /// against an honest party on the other: the honest party wins every
    /// game, and funds (whistle bonds included) reconcile to the unit.
    #[test]
    fn the_honest_party_wins_against_any_moves(
        step in 0u32..8, node in 0u32..7, elem in 0u32..8, bit in 0u32..32,
        honest_defends in any::<bool>(),
        whistle in any::<bool>(),
        moves in prop::collection::vec(adv(), 1..12),
        order in prop::collection::vec(any::<bool>(), 1..6),
    ) {
        let honest = Party::new(TOY, 8, 4, None);
        let faulty = Party::new(TOY, 8, 4, Some(Fault { step, node, elem, bit }));
        // Some flips are absorbed by rounding and never reach a checkpoint.
        prop_assume!(faulty.state(8) != honest.state(8) || faulty.state(4) != honest.state(4));
        new_test_ext().execute_with(|| {
            setup_roles();
            audit_all();
            let (solver, other) = if honest_defends { (&honest, &faulty) } else { (&faulty, &honest) };
            let id = to_verdict(solver);
            // The challenger is the verifier or, beside an agreeing verdict, a whistleblower.
            let seg = if faulty.state(4) != honest.state(4) { 0 } else { 1 };
            let (game, challenger) = if whistle {
                let pos = position_of(id, seg);
                let mut e = ends(id, solver);
                e[pos as usize] = other.checkpoint(seg + 1);
                check(id, WB1, e);
                verdict(id, ends(id, solver));
                close_reveals(id);
                (game_of(id, WB1, pos), WB1)
            } else {
                verdict(id, ends(id, other));
                close_reveals(id);
                (games(id)[0], VERIFIER)
            };
            let (h, a) = if honest_defends { ((SOLVER, &honest), (challenger, &faulty)) } else { ((challenger, &honest), (SOLVER, &faulty)) };
            let outcome = adversarial_game(game, h, a, honest_defends, &moves, &order);
            if std::env::var("GENSYN_PROP_STATS").is_ok() {
                let accepted = events()
                    .iter()
                    .filter(|e| match e {
                        Event::Bisected { dispute, side, .. }
                        | Event::RecordOpened { dispute, side, .. }
                        | Event::ChildrenRevealed { dispute, side, .. }
                        | Event::OutputOpened { dispute, side, .. } => {
                            *dispute == game && (*side == Side::Defender) != honest_defends
                        }
                        _ => false,
                    })
                    .count();
                eprintln!("adversary moves accepted {accepted}, outcome {outcome:?}, moves {moves:?}");
            }
            honest_won(outcome, honest_defends, &moves)
        })?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The same adversary in the reduction games (a matmul's fold over K,
    /// a bias gradient's tree over rows), with made-up partials among its
    /// moves: the honest party wins every game.
    #[test]
    fn the_honest_party_wins_reduction_games_against_any_moves(
        which in 0usize..2, elem in 0u32..40, bit in 0u32..32,
        honest_defends in any::<bool>(),
        moves in prop::collection::vec(adv(), 1..12),
        order in prop::collection::vec(any::<bool>(), 1..6),
    ) {
        let (shape, node) = super::attacks::REDUCTIONS[which];
        let honest = Party::new(shape, 4, 2, None);
        let faulty = Party::new(shape, 4, 2, Some(Fault { step: 3, node, elem, bit }));
        prop_assume!(faulty.state(4) != honest.state(4));
        new_test_ext().execute_with(|| {
            setup_roles();
            let (solver, other) = if honest_defends { (&honest, &faulty) } else { (&faulty, &honest) };
            let (_, game) = super::attacks::reduction_game(solver, other, node);
            let (h, a) = if honest_defends { ((SOLVER, &honest), (VERIFIER, &faulty)) } else { ((VERIFIER, &honest), (SOLVER, &faulty)) };
            let outcome = adversarial_game(game, h, a, honest_defends, &moves, &order);
            honest_won(outcome, honest_defends, &moves)
        })?;
    }
}
