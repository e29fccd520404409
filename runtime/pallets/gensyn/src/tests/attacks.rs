//! Attacks a dishonest party may try, each against an honest party that
//! plays the protocol: every test names the attack's id (the dispute-game
//! soundness issue, `docs/protocol.md`), plays the attacker's best move
//! and checks that it loses.

use super::harness::*;
use crate::lifecycle::selection_alpha;
use crate::{mock::*, *};
use codec::Encode;
use gensyn_commitment::state::checkpoint_leaf;
use gensyn_commitment::{
    merkle::Tree,
    state::{self, StepRecord},
    tensor::Tensor,
    trace::{trace_leaf, Node, Op, Source},
};
use polkadot_sdk::frame_support::traits::fungible::Inspect;
use polkadot_sdk::frame_support::{assert_noop, assert_ok};
use polkadot_sdk::frame_support::{dispatch::DispatchResult, BoundedVec};
use polkadot_sdk::sp_io::hashing::blake2_256;
use polkadot_sdk::sp_runtime::Perbill;

/// A solver that trains honestly but commits another state after step 7
/// (its last): the honest state with every weight changed. With
/// `own_trace`, its record of step 7 carries a trace doctored to end in
/// that state; without, the honest trace.
fn lying_after(own_trace: bool) -> (Party, Tree) {
    let mut p = honest();
    let step = 7usize;
    let mut fake = p.run.states[step + 1].clone();
    for (_, t) in fake.entries.iter_mut() {
        t.values.iter_mut().for_each(|v| *v = *v * 2.0 + 1.0);
    }
    let fake_hash = fake.commit().hash;
    p.run.states[step + 1] = fake;
    let run = p.step_run(step as u32);
    let n = run.trace.len();
    let mut leaves: Vec<Hash> = (0..n).map(|i| run.trace.node(0, i).unwrap()).collect();
    leaves[n as usize - 1] = trace_leaf(n - 1, &fake_hash);
    let doctored = Tree::new(&leaves);
    let mut rec = p.run.records[step];
    rec.after = fake_hash;
    if own_trace {
        rec.trace_root = doctored.root();
    }
    p.run.records[step] = rec;
    let step_leaves: Vec<Hash> = p.run.records.iter().map(|r| r.leaf()).collect();
    p.run.steps = Tree::new(&step_leaves);
    let cps: Vec<Hash> = (0..=2u32)
        .map(|i| gensyn_commitment::state::checkpoint_leaf(i, &p.run.states[(i * 4) as usize].commit().hash))
        .collect();
    p.run.checkpoints = Tree::new(&cps);
    (p, doctored)
}

/// Both parties answer until the game of `d` reaches the records of one step.
fn bisect_to_records(d: DisputeId, solver: &Party, challenger: (u64, &Party)) -> StepRound {
    while !matches!(dispute(d).stage, Stage::Records { .. }) {
        make_move(d, SOLVER, solver, true);
        make_move(d, challenger.0, challenger.1, false);
    }
    let Stage::Records { round, .. } = dispute(d).stage else { unreachable!() };
    round
}

#[test]
fn c1_after_not_in_trace() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (liar, _) = lying_after(false);
        let truth = honest();
        assert_eq!(liar.state(7), truth.state(7));
        assert_ne!(liar.state(8), truth.state(8));
        let (id, d) = verifier_dispute(&liar, &truth);
        let round = bisect_to_records(d, &liar, (VERIFIER, &truth));
        assert_eq!(round.lo, 7, "both agree on every state before the lie");
        // The liar's committed record: the honest trace, another state after.
        let lie: StepRecord = liar.run.records[7];
        let run = liar.step_run(7);
        assert_eq!(lie.trace_root, run.record.trace_root);
        assert_ne!(lie.after, run.record.after);
        let proof = liar.run.steps.proof(7).unwrap();
        // Its best proofs of that state as the trace's last leaf: the real
        // last leaf's, an empty one. The honest record is not committed.
        for after_proof in [run.trace.proof(run.trace.len() - 1).unwrap(), Proof::default()] {
            assert_noop!(
                Gensyn::open_record(RuntimeOrigin::signed(SOLVER), d, lie, proof.clone(), after_proof),
                Error::<Test>::UnlinkedRecord
            );
        }
        assert_noop!(
            Gensyn::open_record(
                RuntimeOrigin::signed(SOLVER),
                d,
                run.record,
                proof,
                run.trace.proof(run.trace.len() - 1).unwrap()
            ),
            Error::<Test>::UnlinkedRecord
        );
        make_move(d, VERIFIER, &truth, false);
        advance(WINDOW + 1);
        assert_eq!(outcome(d), Outcome::Forfeited { loser: Side::Defender, timeout: true });
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 500);
        assert_funds_reconcile();
    });
}

#[test]
fn c1_a_trace_doctored_to_end_in_the_lie_loses_at_its_last_leaf() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (liar, doctored) = lying_after(true);
        let truth = honest();
        let (_, d) = verifier_dispute(&liar, &truth);
        bisect_to_records(d, &liar, (VERIFIER, &truth));
        let lie = liar.run.records[7];
        let (proof, after_proof) = (liar.run.steps.proof(7).unwrap(), doctored.proof(doctored.len() - 1).unwrap());
        assert_ok!(Gensyn::open_record(RuntimeOrigin::signed(SOLVER), d, lie, proof, after_proof));
        make_move(d, VERIFIER, &truth, false);
        // The descent goes to the one leaf that differs: the state after.
        while let Stage::Ops { round, .. } = dispute(d).stage {
            let kids = doctored.children(round.at.level, round.at.index).unwrap();
            assert_ok!(Gensyn::reveal_children(RuntimeOrigin::signed(SOLVER), d, round, kids));
            make_move(d, VERIFIER, &truth, false);
        }
        let Stage::Arbitration { node, .. } = dispute(d).stage else { panic!("{:?}", dispute(d).stage) };
        assert_eq!(node, truth.program.len(), "the trace's last leaf");
        make_move(d, VERIFIER, &truth, false);
        assert_eq!(outcome(d), Outcome::Arbitrated { defender_right: false, challenger_right: true });
        assert_funds_reconcile();
    });
}

#[test]
fn c3_sybil_whistles_first_then_goes_silent() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (solver, truth) = (cheat(4), honest());
        // A colluding verifier posts the cheating solver's ends: only whistles can catch it.
        let (w1, w2) = (free(WB1), free(WB2));
        // The solver's sybil checks first, with a claim it will never defend.
        let id = whistle_window_claims(&solver, &solver, &[(WB1, 1, [9; 32]), (WB2, 1, truth.checkpoint(2))]);
        close_reveals(id);
        let (sybil, honest_game) = (game_of(id, WB1, 1), game_of(id, WB2, 1));
        assert_ne!(sybil, honest_game);
        let (winner, _) = duel(honest_game, (SOLVER, &solver), (WB2, &truth));
        assert_eq!(winner, Side::Challenger);
        advance(WINDOW + 1);
        assert_eq!(outcome(sybil), Outcome::Forfeited { loser: Side::Challenger, timeout: true });
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        // Slashed once (500), half of it to the game's winner.
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 500);
        assert_eq!(free(WB2), w2 + 250, "bond back and the slash's winner share");
        assert_eq!(free(WB1), w1 - 20, "the sybil's bond is lost, and none of it to the convicted solver");
        assert_funds_reconcile();
    });
}

#[test]
fn c3_colluding_verifier_disagrees_then_goes_silent() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (solver, truth) = (cheat(4), honest());
        // The verifier disagrees (rightly) but means to abandon its game, so
        // that the solver is paid; no whistleblower challenged in the window.
        let id = whistle_window(&solver, &truth);
        close_reveals(id);
        let game = only_game(id);
        assert_eq!(dispute(game).challenger_kind, Challenger::Verifier);
        let s0 = free(SOLVER);
        advance(WINDOW + 1);
        assert_eq!(outcome(game), Outcome::Forfeited { loser: Side::Challenger, timeout: true });
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), 250, "the quitter is slashed");
        // The claim is open again: anyone staked may take it up, from the start.
        let Phase::Disputed { rechallenge_until } = task(id).phase else { panic!("{:?}", task(id).phase) };
        assert!(events().contains(&Event::RechallengeOpened { task: id, until: rechallenge_until }));
        let pos = position_of(id, 1);
        let retry = challenge(id, WB3, pos, truth.checkpoint(2));
        let Stage::Steps { round, defender_mid: None, challenger_mid: None } = dispute(retry).stage else {
            panic!("a fresh game")
        };
        assert_eq!((round.lo, round.len, round.agreed), (4, 4, truth.state(4)));
        assert_eq!(dispute(retry).rounds, 0, "no move inherited");
        let (winner, _) = duel(retry, (SOLVER, &solver), (WB3, &truth));
        assert_eq!(winner, Side::Challenger);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert_eq!(free(SOLVER), s0, "not paid");
        assert_funds_reconcile();
    });
}

#[test]
fn c3_a_whistle_may_challenge_the_solver_beside_a_disagreeing_verdict() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (solver, truth) = (cheat(4), honest());
        let id = whistle_window_claims(&solver, &truth, &[(WB1, 1, truth.checkpoint(2))]);
        // One check per whistleblower and task.
        assert_noop!(Gensyn::commit_check(RuntimeOrigin::signed(WB1), id, [7; 32]), Error::<Test>::WrongPhase);
        close_reveals(id);
        let pos = position_of(id, 1);
        let wb = game_of(id, WB1, pos);
        let mine = games(id).into_iter().find(|g| *g != wb).expect("the verifier's game");
        assert_eq!(dispute(mine).challenger_kind, Challenger::Verifier);
        let (winner, _) = duel(wb, (SOLVER, &solver), (WB1, &truth));
        assert_eq!(winner, Side::Challenger);
        // Once convicted there is nothing left to challenge.
        assert_noop!(
            Gensyn::whistle(RuntimeOrigin::signed(WB2), id, pos, truth.checkpoint(2)),
            Error::<Test>::WrongPhase
        );
        // The convicted solver stops playing; the verifier's game is won by default.
        let (o, _) = play(
            mine,
            Player { who: SOLVER, party: &solver, silent: true },
            Player { who: VERIFIER, party: &truth, silent: false },
        );
        assert!(!o.challenger_lost());
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), 500, "a right verdict is no fault");
        assert_funds_reconcile();
    });
}

/// A solver whose checkpoints are right but whose record of step 7 (the
/// last of segment 1) carries a wrong inner trace leaf `j`, the last leaf
/// still the right state after.
fn doctored_record(j: u32) -> Party {
    let mut p = honest();
    let run = p.step_run(7);
    let n = run.trace.len();
    let mut leaves: Vec<Hash> = (0..n).map(|i| run.trace.node(0, i).unwrap()).collect();
    leaves[j as usize][0] ^= 1;
    p.run.records[7].trace_root = Tree::new(&leaves).root();
    p.run.steps = Tree::new(&p.run.records.iter().map(|r| r.leaf()).collect::<Vec<_>>());
    p
}

#[test]
fn c3_a_doctored_record_does_not_make_a_right_verdict_wrong() {
    // The review's attack: the solver's sybil whistles a made-up end, the
    // game finds the doctored record, and the solver is convicted — which
    // must not slash the verifier whose verdict (the right end) agreed.
    new_test_ext().execute_with(|| {
        setup_roles();
        let solver = doctored_record(2);
        let truth = honest();
        assert_eq!(solver.checkpoint(2), truth.checkpoint(2), "the checkpoints are right");
        let (v0, s0, w0) = (free(VERIFIER), Gensyn::total_bonded(&SOLVER, Role::Solver), free(WB1));
        let fake = [9; 32];
        let id = whistle_window_claims(&solver, &truth, &[(WB1, 1, fake)]);
        close_reveals(id);
        let d = game_of(id, WB1, 1);
        bisect_to_records(d, &truth, (WB1, &truth));
        // Both open step 7: the solver its committed (doctored) record, the
        // sybil the honest trace with its made-up end as the last leaf.
        let run = truth.step_run(7);
        let n = run.trace.len();
        let mut leaves: Vec<Hash> = (0..n).map(|i| run.trace.node(0, i).unwrap()).collect();
        leaves[n as usize - 1] = trace_leaf(n - 1, &fake);
        let sybil_tree = Tree::new(&leaves);
        let sybil_rec = StepRecord { trace_root: sybil_tree.root(), after: fake, ..run.record };
        let mut doctored = leaves.clone();
        doctored[n as usize - 1] = run.trace.node(0, n - 1).unwrap();
        doctored[2][0] ^= 1;
        let solver_tree = Tree::new(&doctored);
        assert_ok!(Gensyn::open_record(
            RuntimeOrigin::signed(SOLVER),
            d,
            solver.run.records[7],
            solver.run.steps.proof(7).unwrap(),
            solver_tree.proof(n - 1).unwrap()
        ));
        let after = sybil_tree.proof(n - 1).unwrap();
        assert_ok!(Gensyn::open_record(RuntimeOrigin::signed(WB1), d, sybil_rec, Proof::default(), after));
        while let Stage::Ops { round, .. } = dispute(d).stage {
            for (who, tree) in [(SOLVER, &solver_tree), (WB1, &sybil_tree)] {
                let kids = tree.children(round.at.level, round.at.index).unwrap();
                assert_ok!(Gensyn::reveal_children(RuntimeOrigin::signed(who), d, round, kids));
            }
        }
        make_move(d, WB1, &truth, false);
        assert_eq!(outcome(d), Outcome::Arbitrated { defender_right: false, challenger_right: true });
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), 500, "a right verdict is never slashed");
        assert!(free(VERIFIER) >= v0);
        // The coalition (solver + sybil) lost: the slash, less the winner share.
        let solver_loss = s0 - Gensyn::total_bonded(&SOLVER, Role::Solver);
        let sybil_gain = free(WB1) - w0;
        assert_eq!((solver_loss, sybil_gain), (500, 250));
        assert_funds_reconcile();
    });
}

#[test]
fn c3_both_parties_wrong() {
    new_test_ext().execute_with(|| {
        setup_roles();
        // The solver and the whistleblower both err at the same operator.
        let solver = cheat(4);
        let wrong = Party::new(TOY, 8, 4, Some(Fault { step: 5, node: 4, elem: 1, bit: 19 }));
        assert_ne!(wrong.checkpoint(2), solver.checkpoint(2));
        let w1 = free(WB1);
        let id = whistle_window_claims(&solver, &solver, &[(WB1, 1, wrong.checkpoint(2))]);
        close_reveals(id);
        let pot = Gensyn::jackpot();
        let d = game_of(id, WB1, 1);
        let (outcome, _) = play(
            d,
            Player { who: SOLVER, party: &solver, silent: false },
            Player { who: WB1, party: &wrong, silent: false },
        );
        assert_eq!(outcome, Outcome::Arbitrated { defender_right: false, challenger_right: false });
        // The solver is convicted, with no reward to a challenger that was
        // wrong too; its bond goes to the jackpot, none to the solver.
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 500);
        assert_eq!(free(WB1), w1 - 20);
        // Slash 500: 25 % to the jackpot, 0 to the winner, the rest burned; plus the bond.
        assert_eq!(Gensyn::jackpot(), pot + 125 + 20);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert_funds_reconcile();
    });
}

#[test]
fn c3_the_solver_is_slashed_once_when_several_games_convict_it() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (solver, truth) = (cheat(4), honest());
        let (w1, w2) = (free(WB1), free(WB2));
        let claim = truth.checkpoint(2);
        let id = whistle_window_claims(&solver, &solver, &[(WB1, 1, claim), (WB2, 1, claim)]);
        close_reveals(id);
        let (first, second) = (game_of(id, WB1, 1), game_of(id, WB2, 1));
        let (winner, _) = duel(first, (SOLVER, &solver), (WB1, &truth));
        assert_eq!(winner, Side::Challenger);
        // The convicted solver stops playing the second game.
        let (o, _) = play(
            second,
            Player { who: SOLVER, party: &solver, silent: true },
            Player { who: WB2, party: &truth, silent: false },
        );
        assert!(o.solver_convicted() && !o.challenger_lost());
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 500, "one slash");
        assert_eq!(free(WB1), w1 + 250, "the first conviction's winner share");
        assert_eq!(free(WB2), w2, "its bond back: its game was won");
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert_funds_reconcile();
    });
}

/// A solver whose step 5 trained on batch `examples` (rows of its own
/// choosing) instead of the ones the order names.
fn other_data(rows: impl Fn(&[(u32, Vec<f32>)]) -> Vec<(u32, Vec<f32>)>) -> Party {
    let mut p = honest();
    let ex = rows(&examples(TOY, 5));
    let rows: Vec<(u32, &[f32])> = ex.iter().map(|(l, f)| (*l, f.as_slice())).collect();
    let batch =
        gensyn_commitment::data::Batch::new(gensyn_commitment::data::DataKind::Classification, &order(TOY), 5, &rows)
            .unwrap();
    // Its run from step 5 on, on that batch at step 5.
    let mut states = p.run.states[..=5].to_vec();
    let mut records = p.run.records[..5].to_vec();
    for s in 5..8u32 {
        let b = if s == 5 { batch.clone() } else { crate::tests::harness::batch(TOY, s) };
        let r = gensyn_commitment::interp::run_step(&p.program, &states[s as usize], &b, None).unwrap();
        records.push(r.record);
        states.push(r.after);
    }
    p.run.states = states;
    p.run.records = records;
    p.run.steps = Tree::new(&p.run.records.iter().map(|r| r.leaf()).collect::<Vec<_>>());
    let cps: Vec<Hash> = (0..=2u32)
        .map(|i| gensyn_commitment::state::checkpoint_leaf(i, &p.run.states[(i * 4) as usize].commit().hash))
        .collect();
    p.run.checkpoints = Tree::new(&cps);
    p.batches.insert(5, (ex, batch));
    p
}

/// Plays a verifier's game against a solver that trained on other data at step 5.
fn batch_game(solver: &Party) -> (TaskId, DisputeId, Outcome) {
    let truth = honest();
    assert_ne!(solver.checkpoint(2), truth.checkpoint(2));
    let (id, d) = verifier_dispute(solver, &truth);
    let (o, _) = play(
        d,
        Player { who: SOLVER, party: solver, silent: false },
        Player { who: VERIFIER, party: &truth, silent: false },
    );
    (id, d, o)
}

#[test]
fn c1_c2_every_cheat_the_simulator_plays_loses_its_game() {
    // The harness's general cheats (what `gensyn sim` commits), each
    // played move by move against an honest verifier.
    for solver in [Party::lying_after(TOY, 8, 4, 5), Party::other_batch(TOY, 8, 4, 5), cheat(5)] {
        new_test_ext().execute_with(|| {
            setup_roles();
            let truth = honest();
            assert!(!solver.is_honest());
            assert_eq!(solver.state(5), truth.state(5));
            assert_ne!(solver.state(6), truth.state(6));
            let (id, d) = verifier_dispute(&solver, &truth);
            let (o, _) = play(
                d,
                Player { who: SOLVER, party: &solver, silent: false },
                Player { who: VERIFIER, party: &truth, silent: false },
            );
            assert!(o.solver_convicted(), "{o:?}");
            assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
            assert_funds_reconcile();
        });
    }
}

#[test]
fn c2_solver_trains_on_other_data() {
    new_test_ext().execute_with(|| {
        setup_roles();
        // Row 2 is an example of the dataset, but not the one the order names.
        let solver = other_data(|ex| {
            let mut ex = ex.to_vec();
            ex[2] = dataset(TOY).into_iter().find(|e| !ex.contains(e)).unwrap();
            ex
        });
        let (id, d, o) = batch_game(&solver);
        assert!(matches!(dispute(d).stage, Stage::Resolved { .. }));
        assert_eq!(o, Outcome::Arbitrated { defender_right: false, challenger_right: true });
        assert!(events().iter().any(|e| matches!(e, Event::ChildrenRevealed { dispute, .. } if *dispute == d)));
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert_funds_reconcile();
    });
}

#[test]
fn c2_solver_reorders_the_data() {
    new_test_ext().execute_with(|| {
        setup_roles();
        // The right examples, two rows swapped.
        let solver = other_data(|ex| {
            let mut ex = ex.to_vec();
            ex.swap(0, 3);
            ex
        });
        let (_, _, o) = batch_game(&solver);
        assert_eq!(o, Outcome::Arbitrated { defender_right: false, challenger_right: true });
    });
}

#[test]
fn c2_solver_makes_up_an_example() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let solver = other_data(|ex| {
            let mut ex = ex.to_vec();
            ex[1].1[0] += 0.5;
            ex
        });
        let (_, _, o) = batch_game(&solver);
        assert_eq!(o, Outcome::Arbitrated { defender_right: false, challenger_right: true });
    });
}

#[test]
fn c2_a_challenger_with_a_made_up_batch_loses() {
    new_test_ext().execute_with(|| {
        setup_roles();
        // An honest solver; a challenger that opens its record first, with
        // a batch root of nothing.
        let (solver, wrong) = (honest(), cheat(4));
        let (_, d) = verifier_dispute(&solver, &wrong);
        let round = bisect_to_records(d, &solver, (VERIFIER, &wrong));
        let run = wrong.step_run(round.lo);
        let mut rec = run.record;
        rec.batch = [5; 32];
        let after = run.trace.proof(run.trace.len() - 1).unwrap();
        assert_ok!(Gensyn::open_record(RuntimeOrigin::signed(VERIFIER), d, rec, Proof::default(), after));
        // The honest solver still opens its committed record: the batches
        // are compared once both are in, and descended.
        make_move(d, SOLVER, &solver, true);
        assert!(matches!(dispute(d).stage, Stage::Examples { .. }));
        make_move(d, SOLVER, &solver, true);
        // The challenger has no tree under its root: it cannot answer.
        advance(WINDOW + 1);
        assert_eq!(outcome(d), Outcome::Forfeited { loser: Side::Challenger, timeout: true });
        assert_funds_reconcile();
    });
}

#[test]
fn a_move_after_its_deadline_is_refused_even_if_its_timer_is_late() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (solver, truth) = (cheat(4), honest());
        let (_, d) = verifier_dispute(&solver, &truth);
        make_move(d, VERIFIER, &truth, false);
        // The timer spilled (a full block): the deadline passes unprocessed.
        let deadline = dispute(d).deadline;
        let _ = Timers::<Test>::clear_prefix(deadline + 1, u32::MAX, None);
        run_to_block(deadline + 1);
        let Stage::Steps { round, .. } = dispute(d).stage else { panic!("still running") };
        let m = round.lo + round.len / 2;
        assert_noop!(Gensyn::bisect(RuntimeOrigin::signed(SOLVER), d, round, solver.state(m)), Error::<Test>::TooLate);
    });
}

#[test]
fn c7_solver_withholds_an_audited_checkpoint() {
    new_test_ext().execute_with(|| {
        setup_roles();
        RequireAttestation::set(true);
        let solver = honest();
        attest(vec![solver.spec().spec_hash, solver.spec().dataset_commitment()]);
        audit_all();
        let id = to_opening(&solver);
        // The solver's store holds every checkpoint but the start it must open first.
        attest(vec![solver.checkpoint(1), solver.checkpoint(2)]);
        let v0 = Gensyn::total_bonded(&VERIFIER, Role::Verifier);
        // Its hashes verify, but nobody could replay from what it withholds.
        assert_noop!(
            Gensyn::open_checkpoints(RuntimeOrigin::signed(SOLVER), id, openings(id, &solver)),
            Error::<Test>::Unavailable
        );
        advance(WINDOW + 1);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::OpeningTimeout });
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 500, "the clock ran against the solver");
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), v0, "never asked to judge what it cannot fetch");
        assert_funds_reconcile();
    });
}

#[test]
fn c7_once_attested_the_checkpoints_open() {
    new_test_ext().execute_with(|| {
        setup_roles();
        RequireAttestation::set(true);
        let solver = honest();
        attest(vec![solver.spec().spec_hash, solver.spec().dataset_commitment()]);
        let id = to_opening(&solver);
        attest((0..=2).map(|i| solver.checkpoint(i)).collect());
        assert_noop!(
            Gensyn::attest_available(RuntimeOrigin::signed(SOLVER), Default::default()),
            polkadot_sdk::sp_runtime::traits::BadOrigin
        );
        open(id, &solver);
        assert!(matches!(task(id).phase, Phase::Checking { .. }));
    });
}

#[test]
fn c7_the_data_a_window_replays_from_is_kept_past_it() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (solver, verifier) = (cheat(3), Party::new(TOY, 8, 4, None));
        let (id, d) = verifier_dispute(&solver, &verifier);
        let t = task(id);
        let move_window = Parameters::<Test>::get().move_window;
        // The game's first move replays from the segment's opened start.
        let seg = Audits::<Test>::get(id).unwrap().segments[dispute(d).position as usize].clone();
        for c in [t.spec.spec_hash, t.spec.dataset_commitment(), seg.start.unwrap(), seg.end.unwrap()] {
            assert!(retained(&c) >= dispute(d).deadline + move_window, "kept past the first move");
        }
        // Every round moves the clock, and the data with it.
        run_to_block(System::block_number() + 1);
        let now = System::block_number();
        assert!(retained(&seg.start.unwrap()) < now + 2 * move_window);
        let (winner, _) = duel(d, (SOLVER, &solver), (VERIFIER, &verifier));
        assert_eq!(winner, Side::Challenger);
        assert!(retained(&seg.start.unwrap()) >= now + 2 * move_window, "its rounds kept it longer");
    });
}

#[test]
fn c7_submitter_withholds_its_data() {
    new_test_ext().execute_with(|| {
        setup_roles();
        RequireAttestation::set(true);
        let run = honest();
        // Never attested: the selection closes without anyone asked to train.
        let id = submit(run.spec());
        enter(SOLVER, id);
        advance(WINDOW + 1);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::DataUnavailable });
        assert_eq!(Engagements::<Test>::get(SOLVER, Role::Solver), 0);
        // Attested at selection, withdrawn while the solver trains: the
        // solver cannot be slashed for it, and the fee pays its time.
        attest(vec![run.spec().spec_hash, run.spec().dataset_commitment()]);
        let id = training(run.spec());
        Available::<Test>::remove(run.spec().dataset_commitment());
        let (s0, sub0) = (free(SOLVER), free(SUBMITTER));
        run_to_block(task(id).deadline + 1);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::DataUnavailable });
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 1_000, "not slashed");
        assert_eq!(free(SOLVER), s0 + FEE);
        assert_eq!(free(SUBMITTER), sub0, "the withholder gets nothing back");
        assert_funds_reconcile();
    });
}

/// A game over the wide model's logits (node 0, a 64 × 40 matmul: 4 tiles
/// of 32 × 32) with the arbitration cap lowered, once the task is accepted,
/// so that the whole operator is too large to re-execute and only a tile
/// fits.
fn wide_game(solver: &Party, challenger: &Party) -> (TaskId, DisputeId) {
    audit_all();
    let id = to_verdict(solver);
    // Between one tile's cost and the whole operator's, each with the
    // proof of its 64-row batch input.
    let (op, dims): (Op, [&[u32]; 2]) = (solver.program.nodes[0].op, [&[64, 8], &[8, 40]]);
    let tile = crate::program::tile_cost(&solver.program.nodes[0], &[vec![64, 8], vec![8, 40]], 64, 8).unwrap().work;
    let proof_work = tile - gensyn_commitment::tile::worst_case(&op, &dims, 0).unwrap().work;
    let whole = gensyn_commitment::exec::work(&op, &dims, false) + proof_work;
    assert!(tile < whole);
    MaxWork::set((tile + whole) / 2);
    verdict(id, ends(id, challenger));
    close_reveals(id);
    let d = only_game(id);
    while !matches!(dispute(d).stage, Stage::Arbitration { .. }) {
        make_move(d, SOLVER, solver, true);
        make_move(d, VERIFIER, challenger, false);
    }
    let Stage::Arbitration { node: 0, tile: None, .. } = dispute(d).stage else { panic!("{:?}", dispute(d).stage) };
    (id, d)
}

fn wide_honest() -> Party {
    Party::new(WIDE, 4, 2, None)
}

fn wide_cheat() -> Party {
    Party::new(WIDE, 4, 2, Some(Fault { step: 3, node: 0, elem: 2100, bit: 22 }))
}

fn opening_of(p: &Party, step: u32) -> OutputOpening {
    opening(&p.step_run(step).outputs[0])
}

#[test]
fn c6_defender_withholds_its_output_opening() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (solver, truth) = (wide_cheat(), wide_honest());
        let (id, d) = wide_game(&solver, &truth);
        let node = truth.program.nodes[0].clone();
        let node_proof = truth.program.tree().proof(0).unwrap();
        // Too large to arbitrate whole.
        let run = truth.step_run(3);
        assert_noop!(
            Gensyn::arbitrate(RuntimeOrigin::signed(VERIFIER), d, witness(&truth, &run, 3, 0, None)),
            Error::<Test>::TooMuchWork
        );
        // Nobody may open another party's output, nor a root that is not its own leaf.
        assert_noop!(
            Gensyn::open_output(
                RuntimeOrigin::signed(ALICE),
                d,
                node.clone(),
                node_proof.clone(),
                node_shape(&truth, 0),
                opening_of(&truth, 3)
            ),
            Error::<Test>::NotAllowed
        );
        assert_noop!(
            Gensyn::open_output(
                RuntimeOrigin::signed(SOLVER),
                d,
                node.clone(),
                node_proof.clone(),
                node_shape(&truth, 0),
                opening_of(&truth, 3)
            ),
            Error::<Test>::InvalidWitness
        );
        assert_ok!(Gensyn::open_output(
            RuntimeOrigin::signed(VERIFIER),
            d,
            node,
            node_proof,
            node_shape(&truth, 0),
            opening_of(&truth, 3)
        ));
        // The cheating defender never opens its own.
        advance(WINDOW + 1);
        assert_eq!(outcome(d), Outcome::Forfeited { loser: Side::Defender, timeout: true });
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert_funds_reconcile();
    });
}

#[test]
fn c6_challenger_withholds_its_output_opening() {
    new_test_ext().execute_with(|| {
        setup_roles();
        // An honest solver against a challenger whose replay went wrong.
        let (solver, wrong) = (wide_honest(), wide_cheat());
        let (id, d) = wide_game(&solver, &wrong);
        let node = solver.program.nodes[0].clone();
        let proof = solver.program.tree().proof(0).unwrap();
        assert_ok!(Gensyn::open_output(
            RuntimeOrigin::signed(SOLVER),
            d,
            node,
            proof,
            node_shape(&solver, 0),
            opening_of(&solver, 3)
        ));
        advance(WINDOW + 1);
        assert_eq!(outcome(d), Outcome::Forfeited { loser: Side::Challenger, timeout: true });
        // Its claim is open to others for a window; nobody takes it up.
        let Phase::Disputed { rechallenge_until } = task(id).phase else { panic!("{:?}", task(id).phase) };
        run_to_block(rechallenge_until + 1);
        assert_eq!(task(id).phase, Phase::Finalized);
        assert_funds_reconcile();
    });
}

#[test]
fn c6_both_open_and_the_tile_is_arbitrated() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (solver, truth) = (wide_cheat(), wide_honest());
        let (_, d) = wide_game(&solver, &truth);
        let (o, _) = play(
            d,
            Player { who: SOLVER, party: &solver, silent: false },
            Player { who: VERIFIER, party: &truth, silent: false },
        );
        assert_eq!(o, Outcome::Arbitrated { defender_right: false, challenger_right: true });
        assert!(events()
            .iter()
            .any(|e| matches!(e, Event::OutputOpened { dispute, side: Side::Defender, .. } if *dispute == d)));
    });
}

#[test]
fn r1_nan_payloads_do_not_split_honest_parties() {
    // Two honest machines whose hardware produces different NaNs for the
    // same operation (x86's negative default NaN vs ARM's positive one):
    // node 0 emits a NaN at element 1 of step 2 on both, with other bits.
    let nan = |bits: u32| Party::with_value(TOY, 8, 4, Fault { step: 2, node: 0, elem: 1, bit: 0 }, bits);
    let (x86, arm) = (nan(0xffc0_0000), nan(0x7fc0_0000));
    assert_eq!(x86.state(8), arm.state(8), "the same commitments");
    new_test_ext().execute_with(|| {
        setup_roles();
        let id = whistle_window(&x86, &arm);
        let audit = Audits::<Test>::get(id).unwrap();
        assert!(audit.segments.iter().all(|s| s.verdict == s.end), "the verdict agrees");
        close_reveals(id);
        assert_eq!(task(id).phase, Phase::Finalized);
    });
}

#[test]
fn the_game_can_be_followed_from_events_alone() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (solver, truth) = (cheat(4), honest());
        let (_, d) = verifier_dispute(&solver, &truth);
        duel(d, (SOLVER, &solver), (VERIFIER, &truth));
        // A third party replays the bisection from the events: the opening
        // round, then both midpoints of each round.
        let evs = events();
        let Some(Event::DisputeOpened { mut round, .. }) =
            evs.iter().find(|e| matches!(e, Event::DisputeOpened { dispute, .. } if *dispute == d)).cloned()
        else {
            panic!("opened")
        };
        let mids: Vec<(Side, Hash)> = evs
            .iter()
            .filter_map(|e| match e {
                Event::Bisected { dispute, side, mid } if *dispute == d => Some((*side, *mid)),
                _ => None,
            })
            .collect();
        for pair in mids.chunks(2) {
            let get = |s: Side| pair.iter().find(|(x, _)| *x == s).unwrap().1;
            let (dm, cm) = (get(Side::Defender), get(Side::Challenger));
            let half = round.len / 2;
            round = if dm == cm {
                StepRound { lo: round.lo + half, len: round.len - half, agreed: dm, ..round }
            } else {
                StepRound { len: half, defender_end: dm, challenger_end: cm, ..round }
            };
        }
        // …which is the step whose records were opened, with their contents.
        let records: Vec<StepRecord> = evs
            .iter()
            .filter_map(|e| match e {
                Event::RecordOpened { dispute, record, .. } if *dispute == d => Some(*record),
                _ => None,
            })
            .collect();
        assert_eq!(round.len, 1);
        assert_eq!(records.len(), 2);
        assert!(records.iter().all(|r| r.step == round.lo && r.before == round.agreed));
        let children = evs.iter().filter(|e| matches!(e, Event::ChildrenRevealed { dispute, .. } if *dispute == d));
        assert_eq!(children.count() as u32 % 2, 0, "both sides' children, every round");
    });
}

/// Queues `n` timers at block `at`, as a flood of other tasks' deadlines would.
fn flood_timers(at: u64, n: u32) {
    for i in 0..n {
        Gensyn::schedule(Timer::Task(10_000 + i as u64), at);
    }
}

#[test]
fn m4_a_flooded_timer_queue_refuses_no_move_and_drains_by_weight() {
    new_test_ext().execute_with(|| {
        setup_roles();
        // One-planck tasks are refused: every timer costs a real fee.
        let spec = honest().spec();
        let deadline = System::block_number() + 40;
        assert_noop!(
            Gensyn::submit_task(RuntimeOrigin::signed(SUBMITTER), spec, manifest(TOY), 1, deadline),
            Error::<Test>::FeeTooLow
        );
        let (solver, truth) = (cheat(4), honest());
        let (_, d) = verifier_dispute(&solver, &truth);
        // The attacker moves first, then (a block later, so that no earlier
        // timer covers the next deadline) floods the block the next round's timer uses.
        make_move(d, SOLVER, &solver, true);
        advance(1);
        // Three blocks' worth of timers.
        let budget =
            <<Test as polkadot_sdk::frame_system::Config>::BlockWeights as polkadot_sdk::frame_support::traits::Get<
                polkadot_sdk::frame_system::limits::BlockWeights,
            >>::get()
            .max_block
            .ref_time()
                / 4;
        let per = <() as crate::weights::WeightInfo>::on_initialize(1).ref_time()
            - <() as crate::weights::WeightInfo>::on_initialize(0).ref_time();
        let flood = (3 * budget / per) as u32;
        flood_timers(System::block_number() + WINDOW + 1, flood);
        // The honest move that completes the round still lands: scheduling never refuses.
        make_move(d, VERIFIER, &truth, false);
        let next = dispute(d).deadline;
        // The honest side's next move too; the attacker stays silent.
        make_move(d, VERIFIER, &truth, false);
        // The queue drains a budget per block, so the flood delays the
        // timer but cannot drop it.
        run_to_block(next + 1);
        let (block, done) = TimerCursor::<Test>::get();
        assert!(block == next + 1 && done < flood, "a block runs only its budget: {done} of {flood}");
        // A late timer changes nothing for the honest side: the silent one
        // cannot move after its deadline, and anyone may poke the game.
        let Stage::Steps { round, .. } = dispute(d).stage else { panic!("still running: {:?}", dispute(d).stage) };
        let m = round.lo + round.len / 2;
        assert_noop!(Gensyn::bisect(RuntimeOrigin::signed(SOLVER), d, round, solver.state(m)), Error::<Test>::TooLate);
        assert_ok!(Gensyn::poke(RuntimeOrigin::signed(ALICE), Timer::Dispute(d)));
        assert_eq!(outcome(d), Outcome::Forfeited { loser: Side::Defender, timeout: true });
        // And left alone, the queue reaches every timer.
        for _ in 0..200 {
            advance(1);
            if TimerCount::<Test>::get(next + 1) == 0 {
                break;
            }
        }
        assert_eq!(TimerCount::<Test>::get(next + 1), 0, "drained");
        assert_funds_reconcile();
    });
}

#[test]
fn m3_task_calls_check_their_own_deadline() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let run = honest();
        let id = training(run.spec());
        // The training deadline's timer spilled: the commit after it is refused.
        let deadline = task(id).deadline;
        let _ = Timers::<Test>::clear_prefix(deadline + 1, u32::MAX, None);
        run_to_block(deadline + 1);
        assert_noop!(
            Gensyn::commit(RuntimeOrigin::signed(SOLVER), id, run.commitment(), run.opening(0).proof),
            Error::<Test>::TooLate
        );
        // …and the late timer, whenever it runs, slashes the solver.
        assert_ok!(Gensyn::poke(RuntimeOrigin::signed(ALICE), Timer::Task(id)));
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverTimeout });
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 500);
    });
}

#[test]
fn c2_a_spec_that_does_not_fit_its_dataset_is_never_trained_on() {
    new_test_ext().execute_with(|| {
        setup_roles();
        RequireAttestation::set(true);
        let run = honest();
        // The store attests the dataset as it is: its root, size and example length.
        attest(vec![run.spec().spec_hash, run.spec().dataset_commitment()]);
        // A spec that claims one example more (so that no proof of a row
        // could ever fit the tree, and no batch game could be won) is not
        // that commitment: nobody is asked to train on it.
        let mut lying = run.spec();
        lying.order.samples += 1;
        let id = submit(lying);
        enter(SOLVER, id);
        advance(WINDOW + 1);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::DataUnavailable });
        // A batch input that could never fit one arbitration witness is refused at once.
        let mut huge = run.spec();
        huge.example_len = 65_536;
        assert_noop!(
            Gensyn::submit_task(
                RuntimeOrigin::signed(SUBMITTER),
                huge,
                manifest(TOY),
                FEE,
                System::block_number() + 20
            ),
            Error::<Test>::InvalidTask
        );
        // The spec as it is trains.
        let id = training(run.spec());
        assert_eq!(task(id).solver, Some(SOLVER));
    });
}

#[test]
fn re_challenges_cost_a_griefer_more_each_time() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (solver, truth) = (cheat(4), honest());
        // A colluding verifier abandons its game: the first window opens.
        let (id, game) = verifier_dispute(&solver, &truth);
        advance(WINDOW + 1);
        assert_eq!(outcome(game), Outcome::Forfeited { loser: Side::Challenger, timeout: true });
        let pos = position_of(id, 1);
        // A sybil takes the claim up and abandons it too: its bond was doubled.
        let sybil = challenge(id, WB1, pos, [9; 32]);
        assert_eq!(dispute(sybil).bond, 40);
        advance(WINDOW + 1);
        assert_eq!(outcome(sybil), Outcome::Forfeited { loser: Side::Challenger, timeout: true });
        // The next window's challenges cost four bonds; the honest one still wins its bond back.
        let w2 = free(WB2);
        let honest_game = challenge(id, WB2, pos, truth.checkpoint(2));
        assert_eq!(dispute(honest_game).bond, 80);
        let (winner, _) = duel(honest_game, (SOLVER, &solver), (WB2, &truth));
        assert_eq!(winner, Side::Challenger);
        assert_eq!(free(WB2), w2 + 250, "bond back and the slash's winner share");
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert_funds_reconcile();
    });
}

/// A task whose program is one operator of `op` over a state entry "w" of
/// `dims` (zeros), then `Add(w, w)` as the next state: the spec and the
/// manifest that go with it.
fn one_op_task(op: Op, dims: Vec<u32>) -> (TaskSpec, ManifestOf<Test>) {
    use gensyn_commitment::{shape::rows_n, tensor};
    let n = |op, inputs: Vec<Source>| Node::new(op, 0, inputs).unwrap();
    let nodes = vec![n(op, vec![Source::State(0); op.arity()]), n(Op::Add, vec![Source::State(0), Source::State(0)])];
    let len = dims.iter().product::<u32>() as usize;
    let w = Tensor::new(dims.clone(), vec![0.0; len]).unwrap();
    let program = gensyn_commitment::interp::Program { nodes: nodes.clone() };
    let model = state::StateCommitment::new(0, [(&b"w"[..], w.hash())]).hash;
    let mut spec = honest().spec();
    spec.program_root = program.tree().root();
    spec.program_len = 2;
    spec.model_hash = model;
    let entry = EntryShape {
        name: BoundedVec::truncate_from(b"w".to_vec()),
        dims: BoundedVec::truncate_from(dims.clone()),
        tiles_root: tensor::tile_tree(&w.dims, &w.values).root(),
    };
    assert!(rows_n(&dims).is_ok());
    (spec, Manifest { nodes: BoundedVec::truncate_from(nodes), state: BoundedVec::truncate_from(vec![entry]) })
}

fn submit_with(spec: TaskSpec, manifest: ManifestOf<Test>) -> DispatchResult {
    Gensyn::submit_task(RuntimeOrigin::signed(SUBMITTER), spec, manifest, FEE, System::block_number() + 20)
}

#[test]
fn c5_a_program_the_chain_could_not_arbitrate_is_refused() {
    new_test_ext().execute_with(|| {
        // A sum over 1024 × 1024 values: its one output tile reads every
        // tile of its input, 4 MiB, more than a block holds. A solver that
        // lied there could never be convicted, so no one may post it.
        let (spec, manifest) = one_op_task(Op::Sum, vec![1024, 1024]);
        assert_noop!(submit_with(spec, manifest), Error::<Test>::Unarbitrable);
        // The same sum over 256 × 256 values fits one witness.
        let (spec, manifest) = one_op_task(Op::Sum, vec![256, 256]);
        assert_ok!(submit_with(spec, manifest));
        // An elementwise operator over 1024 × 1024 values is arbitrated one
        // tile at a time (one tile of each input), so it is accepted, though
        // its inputs are 16× what a whole-operator witness may carry.
        let (spec, manifest) = one_op_task(Op::Mul, vec![1024, 1024]);
        assert_ok!(submit_with(spec, manifest));
    });
}

#[test]
fn c5_the_manifest_must_be_the_committed_program_and_model() {
    new_test_ext().execute_with(|| {
        // Claiming the big state is small, to pass the bound: the shapes no
        // longer hash to the model the spec commits to.
        let (spec, _) = one_op_task(Op::Sum, vec![1024, 1024]);
        let (_, small) = one_op_task(Op::Sum, vec![256, 256]);
        assert_noop!(submit_with(spec.clone(), small.clone()), Error::<Test>::InvalidManifest);
        // Other nodes than the committed program.
        let (_, mut other) = one_op_task(Op::Sum, vec![1024, 1024]);
        other.nodes[0] = Node::new(Op::Relu, 0, vec![Source::State(0)]).unwrap();
        assert_noop!(submit_with(spec.clone(), other), Error::<Test>::InvalidManifest);
        // A program whose next state has another shape than its state.
        let (spec, full) = one_op_task(Op::BiasGrad, vec![64, 32]);
        let mut tail = full.clone();
        tail.nodes.truncate(1);
        let mut short = spec.clone();
        short.program_len = 1;
        short.program_root = gensyn_commitment::interp::Program { nodes: tail.nodes.to_vec() }.tree().root();
        assert_noop!(submit_with(short, tail), Error::<Test>::InvalidManifest);
        assert_ok!(submit_with(spec, full));
        // The toy's own manifest goes with the toy's spec only.
        assert_noop!(submit_with(Party::new(WIDE, 8, 4, None).spec(), manifest(TOY)), Error::<Test>::InvalidManifest);
    });
}

#[test]
fn c5_a_disputed_optimiser_tile_is_arbitrated_from_the_tiles_it_reads() {
    new_test_ext().execute_with(|| {
        setup_roles();
        // The solver corrupts one element of its updated weights (64 × 40:
        // four tiles); the verifier replays honestly.
        let honest = Party::new(TALL, 4, 2, None);
        let solver = Party::new(TALL, 4, 2, Some(Fault { step: 3, node: 6, elem: 2100, bit: 22 }));
        let (_, d) = verifier_dispute(&solver, &honest);
        while !matches!(dispute(d).stage, Stage::Arbitration { tile: Some(_), .. }) {
            make_move(d, SOLVER, &solver, true);
            make_move(d, VERIFIER, &honest, false);
            assert!(!matches!(dispute(d).stage, Stage::Resolved { .. }));
        }
        let Stage::Arbitration { step, node, tile, .. } = dispute(d).stage else { unreachable!() };
        assert_eq!((step, node, tile), (3, 6, Some(2)));
        let run = honest.step_run(step);
        let good = witness(&honest, &run, step, node, tile);
        let Witness::Node { inputs, .. } = &good else { panic!() };
        // One tile of each of p, g and v: not the whole tensors.
        assert_eq!(inputs.iter().map(|i| i.tiles.len()).collect::<Vec<_>>(), vec![1, 1, 1]);
        // Another tile than the one the disputed tile reads, though proven
        // against its root, is refused: a party cannot choose what is read.
        let mut elsewhere = good.clone();
        if let Witness::Node { inputs, .. } = &mut elsewhere {
            // Tile 1 of "w" (the update's first input), with its proof.
            let w = &honest.run.states[3].entries[1].1;
            inputs[0].tiles = InputWitness::open(w, &[1], inputs[0].proof.clone()).tiles;
        }
        assert_noop!(Gensyn::arbitrate(RuntimeOrigin::signed(ALICE), d, elsewhere), Error::<Test>::InvalidWitness);
        // Every tile, as a whole-operator witness would open, is refused too.
        let whole = witness(&honest, &run, step, node, None);
        assert_noop!(Gensyn::arbitrate(RuntimeOrigin::signed(ALICE), d, whole), Error::<Test>::InvalidWitness);
        assert_ok!(Gensyn::arbitrate(RuntimeOrigin::signed(ALICE), d, good));
        assert!(outcome(d).solver_convicted());
        assert_funds_reconcile();
    });
}

/// A game over node `node` between `solver` and the verifier replaying as
/// `challenger`, with the arbitration cap lowered, once the task is
/// accepted, to between the node's reduction leaf and its whole tile: the
/// disputed tile is played down by its reduction game.
pub(super) fn reduction_game(solver: &Party, challenger: &Party, node: u32) -> (TaskId, DisputeId) {
    audit_all();
    let id = to_verdict(solver);
    let n = &solver.program.nodes[node as usize];
    let dims: Vec<Vec<u32>> = node_shape(solver, node).inputs.iter().map(|d| d.to_vec()).collect();
    let (rows, feats) = (solver.shape.rows, solver.shape.features);
    let leaf = crate::program::leaf_cost(n, &dims, rows, feats).unwrap().work;
    let tile = crate::program::tile_cost(n, &dims, rows, feats).unwrap().work;
    assert!(leaf < tile, "{leaf} < {tile}");
    MaxWork::set((leaf + tile) / 2);
    verdict(id, ends(id, challenger));
    close_reveals(id);
    (id, only_game(id))
}

/// The weights' gradient of the tall model (a matmul over K = 64 rows,
/// folded) and the biased model's bias gradient (a column sum over 64
/// rows, a tree).
pub(super) const REDUCTIONS: [(Shape, u32); 2] = [(TALL, 4), (BIASED, 6)];

#[test]
fn c5_a_long_reduction_is_played_down_to_one_leaf_and_the_honest_side_wins() {
    for (shape, node) in REDUCTIONS {
        for honest_solver in [false, true] {
            new_test_ext().execute_with(|| {
                setup_roles();
                let good = Party::new(shape, 4, 2, None);
                let bad = Party::new(shape, 4, 2, Some(Fault { step: 3, node, elem: 7, bit: 22 }));
                let (solver, verifier) = if honest_solver { (&good, &bad) } else { (&bad, &good) };
                let (_, d) = reduction_game(solver, verifier, node);
                let (winner, rounds) = duel(d, (SOLVER, solver), (VERIFIER, verifier));
                assert_eq!(winner, if honest_solver { Side::Defender } else { Side::Challenger }, "{shape:?}");
                let tiles = 4; // the tall weights' gradient; the bias's is one tile
                assert!(rounds <= crate::dispute::max_rounds(2, solver.program.len(), tiles, 64), "{rounds}");
                assert!(events().iter().any(|e| matches!(e, Event::PartialsRevealed { .. })), "{shape:?}");
                assert!(matches!(outcome(d), Outcome::Arbitrated { .. }), "{shape:?}");
                assert_funds_reconcile();
            });
        }
    }
}

#[test]
fn c5_a_solver_that_makes_up_partial_results_loses() {
    for (shape, node) in REDUCTIONS {
        new_test_ext().execute_with(|| {
            setup_roles();
            let good = Party::new(shape, 4, 2, None);
            let bad = Party::new(shape, 4, 2, Some(Fault { step: 3, node, elem: 7, bit: 22 }));
            let (_, d) = reduction_game(&bad, &good, node);
            let mut made_up = 0u8;
            for _ in 0..64 {
                match dispute(d).stage {
                    Stage::Resolved { .. } => break,
                    // Partials consistent with nothing, every round.
                    Stage::Reduce { round, defender_partials: None, .. } => {
                        made_up += 1;
                        let partials = ([made_up; 32], [made_up ^ 0x55; 32]);
                        assert_ok!(Gensyn::reveal_partials(RuntimeOrigin::signed(SOLVER), d, round, partials));
                    }
                    Stage::Reduce { .. } => {}
                    Stage::ReduceLeaf { step, node, tile, round, addition, .. } => {
                        // A witness that does not start from the agreed
                        // accumulator, or adds children nobody posted, is refused.
                        let mut forged = leaf_witness(&good, step, node, tile, round, addition.is_some());
                        match &mut forged {
                            Witness::Leaf { acc, .. } if !acc.is_empty() => acc[0] ^= 1,
                            Witness::Leaf { .. } => forged = leaf_witness(&good, step, node, tile, round, true),
                            Witness::Addition { left, .. } => left[0] ^= 1,
                            _ => unreachable!(),
                        }
                        assert_noop!(
                            Gensyn::arbitrate(RuntimeOrigin::signed(ALICE), d, forged),
                            Error::<Test>::InvalidWitness
                        );
                    }
                    _ => make_move(d, SOLVER, &bad, true),
                }
                if !matches!(dispute(d).stage, Stage::Resolved { .. }) {
                    make_move(d, VERIFIER, &good, false);
                }
            }
            assert!(made_up >= 1, "{shape:?}: the game reached the reduction");
            assert!(outcome(d).solver_convicted(), "{shape:?}");
            assert_funds_reconcile();
        });
    }
}

#[test]
fn c5_an_opened_checkpoint_of_other_shapes_convicts_the_solver() {
    use gensyn_commitment::{interp::NamedState, merkle::Tree, shape::entry_shape_leaf, state::checkpoint_leaf};
    new_test_ext().execute_with(|| {
        setup_roles();
        audit_all();
        // The solver commits a checkpoint at step 4 whose "w" holds the
        // honest values reshaped to a vector: it hashes, it is available,
        // and no node reading it as a matrix can be disputed to a leaf.
        let run = honest();
        let mut bent: NamedState = run.run.states[4].clone();
        let w = &mut bent.entries[1].1;
        w.dims = vec![w.values.len() as u32];
        let states = [run.state(0), bent.commit().hash, run.state(8)];
        let cps = Tree::new(&states.iter().enumerate().map(|(i, h)| checkpoint_leaf(i as u32, h)).collect::<Vec<_>>());
        let id = training(run.spec());
        let commitment = SolverCommitment { checkpoint_root: cps.root(), step_root: run.run.steps.root() };
        assert_ok!(Gensyn::commit(RuntimeOrigin::signed(SOLVER), id, commitment, cps.proof(0).unwrap()));
        select(id, &[VERIFIER]);
        let opening = |i: u32| Opening { index: i, state: states[i as usize], proof: cps.proof(i).unwrap() };
        let start = BoundedVec::truncate_from(vec![opening(0)]);
        assert_ok!(Gensyn::open_checkpoints(RuntimeOrigin::signed(SOLVER), id, start));
        next_phase(id);
        // The verifier cannot replay segment 1 from it; it posts the solver's ends.
        let verdict = BoundedVec::truncate_from(vec![states[1], states[2]]);
        assert_ok!(Gensyn::post_verdict(RuntimeOrigin::signed(VERIFIER), id, verdict));
        let ends = BoundedVec::truncate_from(vec![opening(1), opening(2)]);
        assert_ok!(Gensyn::open_ends(RuntimeOrigin::signed(SOLVER), id, ends));
        let state_shapes = Tree::new(
            &manifest(TOY)
                .state
                .iter()
                .enumerate()
                .map(|(i, e)| entry_shape_leaf(i as u32, &e.name, &e.dims))
                .collect::<Vec<_>>(),
        );
        let proof_of = |st: &NamedState, index: u32| {
            let c = st.commit();
            let (name, t) = &st.entries[index as usize];
            let expected = &manifest(TOY).state[index as usize];
            MisshapenProof {
                step: st.step,
                entries_root: c.tree.root(),
                entries: c.tree.len(),
                entry: Some((
                    EntryOpening {
                        index,
                        name: BoundedVec::truncate_from(name.clone()),
                        dims: BoundedVec::truncate_from(t.dims.clone()),
                        tiles_root: gensyn_commitment::tensor::tile_tree(&t.dims, &t.values).root(),
                        proof: c.tree.proof(index).unwrap(),
                    },
                    expected.name.clone(),
                    expected.dims.clone(),
                    state_shapes.proof(index).unwrap(),
                )),
            }
        };
        let (p0, p1) = (position_of(id, 0), position_of(id, 1));
        // A well-shaped checkpoint, or a well-shaped entry of the bent one, proves nothing.
        let o = RuntimeOrigin::signed(WB1);
        assert_noop!(
            Gensyn::prove_misshapen(o.clone(), id, p0, false, proof_of(&run.run.states[0], 1)),
            Error::<Test>::InvalidWitness
        );
        assert_noop!(
            Gensyn::prove_misshapen(o.clone(), id, p1, false, proof_of(&bent, 0)),
            Error::<Test>::InvalidWitness
        );
        // The bent entry convicts the solver; its prover, the verifier (it
        // posted its verdict blind), takes the winner's share.
        let before = free(VERIFIER);
        assert_ok!(Gensyn::prove_misshapen(RuntimeOrigin::signed(VERIFIER), id, p1, false, proof_of(&bent, 1)));
        assert!(free(VERIFIER) > before);
        assert_noop!(Gensyn::prove_misshapen(o, id, p1, false, proof_of(&bent, 1)), Error::<Test>::WrongPhase);
        close_reveals(id);
        run_to_block(System::block_number() + 4 * WINDOW);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert!(Gensyn::total_bonded(&VERIFIER, Role::Verifier) == 500, "the verifier is not slashed");
        assert_funds_reconcile();
    });
}

/// The skipping solver: it never trains segment 1. Its checkpoint 1 holds
/// the honest state after step 4 but says step 8, and checkpoint 2 is that
/// same state. A checker that replays from the step written in the opened
/// start replays nothing and agrees; one that replays from step 4, as it
/// must, disagrees, yet no record of step 4 starts from that hash, so its
/// game cannot be won. The chain convicts the start itself (its step), and
/// the challengers of the games it left open lose nothing.
#[test]
fn c5_an_opened_checkpoint_of_another_step_convicts_the_solver_and_spares_its_challengers() {
    use gensyn_commitment::{interp::NamedState, merkle::Tree};
    new_test_ext().execute_with(|| {
        setup_roles();
        let run = honest();
        let skipped = NamedState { step: 8, entries: run.run.states[4].entries.clone() };
        let r = skipped.commit().hash;
        let states = [run.state(0), r, r];
        let cps = Tree::new(&states.iter().enumerate().map(|(i, h)| checkpoint_leaf(i as u32, h)).collect::<Vec<_>>());
        let id = training(run.spec());
        let commitment = SolverCommitment { checkpoint_root: cps.root(), step_root: run.run.steps.root() };
        assert_ok!(Gensyn::commit(RuntimeOrigin::signed(SOLVER), id, commitment, cps.proof(0).unwrap()));
        select(id, &[VERIFIER]);
        assert_eq!(audited(id), vec![1], "the mock's draw audits segment 1 alone");
        let opening = |i: u32| Opening { index: i, state: states[i as usize], proof: cps.proof(i).unwrap() };
        assert_ok!(Gensyn::open_checkpoints(RuntimeOrigin::signed(SOLVER), id, BoundedVec::truncate_from(vec![opening(1)])));
        // The honest end of segment 1, replayed from the start's values at step 4.
        let honest_end = run.state(8);
        let (wb2_free, v_bonded) = (free(WB2), Gensyn::total_bonded(&VERIFIER, Role::Verifier));
        check(id, WB2, vec![honest_end]);
        next_phase(id);
        assert_ok!(Gensyn::post_verdict(RuntimeOrigin::signed(VERIFIER), id, BoundedVec::truncate_from(vec![honest_end])));
        assert_ok!(Gensyn::open_ends(RuntimeOrigin::signed(SOLVER), id, BoundedVec::truncate_from(vec![opening(2)])));
        reveal_checks(id);
        close_reveals(id);
        // Two games from the skipped start: the verifier's and WB2's.
        assert_eq!(Audits::<Test>::get(id).unwrap().games, 2);
        let o = RuntimeOrigin::signed(WB1);
        let expected = |step| {
            crate::player::misshapen_proof(
                &NamedState { step, ..skipped.clone() },
                4,
                &manifest(TOY).state.iter().map(|e| (e.name.to_vec(), e.dims.to_vec())).collect::<Vec<_>>(),
            )
        };
        // The step the checkpoint should say, or the honest start, proves nothing.
        let mut wrong = expected(8).unwrap();
        wrong.step = 4;
        assert_noop!(Gensyn::prove_misshapen(o.clone(), id, 0, false, wrong), Error::<Test>::InvalidWitness);
        assert!(expected(4).is_none(), "a state of step 4 with the task's shapes is no misshapen one");
        let model = NamedState { step: 0, ..run.run.states[0].clone() };
        assert!(crate::player::misshapen_proof(&model, 0, &[]).is_some_and(|p| p.entries != 0));
        // The step written in it convicts the solver. The prover committed
        // nothing blind (it could be the solver's sybil, racing the honest
        // checkers to the proof): it takes no share of the slash.
        let before = free(WB1);
        assert_ok!(Gensyn::prove_misshapen(o.clone(), id, 0, false, expected(8).unwrap()));
        assert_eq!(free(WB1), before, "no share for a prover that committed nothing blind");
        // Once: the same start, or the final checkpoint of a convicted solver, proves nothing new.
        let again = RuntimeOrigin::signed(WB2);
        assert_noop!(Gensyn::prove_misshapen(again.clone(), id, 0, false, expected(8).unwrap()), Error::<Test>::WrongPhase);
        assert_noop!(Gensyn::prove_misshapen(again, id, 1, false, expected(8).unwrap()), Error::<Test>::WrongPhase);
        // Neither challenger can move from that start; both games time out.
        run_to_block(System::block_number() + 8 * WINDOW);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), v_bonded, "the verifier is not slashed");
        settle_checks(id);
        let ticket = Parameters::<Test>::get().check_ticket.mul_floor(FEE);
        assert_eq!(free(WB2), wb2_free - ticket, "WB2's bond came back; only its ticket is spent");
        assert_funds_reconcile();
    });
}

/// The final checkpoint, which becomes the task's result, is opened even
/// where no audited segment ends in it: one that says another step than the
/// task's last is proven misshapen by its position past the audited ones.
/// A verdict that disagrees then opens no game: the solver is convicted
/// before the verifier's game would open, and the verifier, which posted
/// blind, takes the winner's share.
#[test]
fn c5_a_final_checkpoint_that_says_another_step_convicts_the_solver() {
    use gensyn_commitment::{interp::NamedState, merkle::Tree};
    new_test_ext().execute_with(|| {
        setup_roles();
        let run = honest();
        let last = NamedState { step: 7, ..run.run.states[8].clone() };
        let states = [run.state(0), run.state(4), last.commit().hash];
        let cps = Tree::new(&states.iter().enumerate().map(|(i, h)| checkpoint_leaf(i as u32, h)).collect::<Vec<_>>());
        let id = training(run.spec());
        let commitment = SolverCommitment { checkpoint_root: cps.root(), step_root: run.run.steps.root() };
        assert_ok!(Gensyn::commit(RuntimeOrigin::signed(SOLVER), id, commitment, cps.proof(0).unwrap()));
        select(id, &[VERIFIER]);
        assert_eq!(audited(id), vec![1]);
        let opening = |i: u32| Opening { index: i, state: states[i as usize], proof: cps.proof(i).unwrap() };
        assert_ok!(Gensyn::open_checkpoints(RuntimeOrigin::signed(SOLVER), id, BoundedVec::truncate_from(vec![opening(1)])));
        next_phase(id);
        assert_ok!(Gensyn::post_verdict(RuntimeOrigin::signed(VERIFIER), id, BoundedVec::truncate_from(vec![run.state(8)])));
        assert_ok!(Gensyn::open_ends(RuntimeOrigin::signed(SOLVER), id, BoundedVec::truncate_from(vec![opening(2)])));
        let shapes: Vec<(Vec<u8>, Vec<u32>)> = manifest(TOY).state.iter().map(|e| (e.name.to_vec(), e.dims.to_vec())).collect();
        let proof = crate::player::misshapen_proof(&last, 8, &shapes).expect("it says step 7");
        let v = RuntimeOrigin::signed(VERIFIER);
        // Past the final position there is nothing.
        assert_noop!(Gensyn::prove_misshapen(v.clone(), id, 2, false, proof.clone()), Error::<Test>::InvalidWitness);
        let before = free(VERIFIER);
        assert_ok!(Gensyn::prove_misshapen(v, id, 1, false, proof));
        assert!(free(VERIFIER) > before, "the verifier posted blind: the winner's share is its");
        close_reveals(id);
        run_to_block(System::block_number() + 4 * WINDOW);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert_eq!(Audits::<Test>::get(id).unwrap().games, 0, "no game opened once the solver was convicted");
        assert_funds_reconcile();
    });
}

// ---- Selection and incentives (issue 13) ----

fn set(f: impl FnOnce(&mut ParamsOf<Test>)) {
    let mut p = Parameters::<Test>::get();
    f(&mut p);
    assert_ok!(Gensyn::set_params(RuntimeOrigin::root(), p));
}

/// A key `who` could grind offline: the `i`-th candidate.
fn ground_key(who: u64, i: u32) -> [u8; 32] {
    gensyn_vrf::dev_secret(&format!("grind/{who}/{i}"))
}

#[test]
fn c4_a_key_chosen_once_the_seed_is_known_cannot_enter_the_draw() {
    new_test_ext().execute_with(|| {
        setup_roles();
        set(|p| p.key_delay = 3);
        advance(3);
        let id = submit(honest().spec());
        enter(SOLVER, id);
        enter(SOLVER2, id);
        next_phase(id);
        let Phase::SolverDraw { seed, .. } = task(id).phase else { panic!() };
        // With the seed in hand, SOLVER2 grinds keys offline until one beats SOLVER…
        let alpha = selection_alpha(Role::Solver, id, &seed);
        let honest_score = crate::lifecycle::score(&gensyn_vrf::prove(&vrf_secret(SOLVER), &alpha).unwrap().1, 1_000);
        let better = (0..64)
            .map(|i| ground_key(SOLVER2, i))
            .find(|sk| crate::lifecycle::score(&gensyn_vrf::prove(sk, &alpha).unwrap().1, 1_000) < honest_score)
            .expect("some key out of 64 wins");
        // …registers it, and reveals with it: refused, the key is newer than the entries.
        assert_ok!(Gensyn::register_keys(
            RuntimeOrigin::signed(SOLVER2),
            gensyn_vrf::public_key(&better).unwrap(),
            key_proof(SOLVER2, &better)
        ));
        let p = gensyn_vrf::prove(&better, &alpha).unwrap().0;
        assert_noop!(Gensyn::reveal_selection(RuntimeOrigin::signed(SOLVER2), id, p), Error::<Test>::KeyTooNew);
        // Its old key is gone too: replacing a key costs the draws it entered.
        assert_noop!(
            Gensyn::reveal_selection(RuntimeOrigin::signed(SOLVER2), id, proof(SOLVER2, id)),
            Error::<Test>::KeyTooNew
        );
        reveal(SOLVER, id);
        next_phase(id);
        assert_eq!(task(id).solver, Some(SOLVER));
        // A key registered just before an entry window closes does not count yet.
        register(SOLVER2);
        let id = submit(honest().spec());
        assert_noop!(Gensyn::enter_selection(RuntimeOrigin::signed(SOLVER2), id), Error::<Test>::KeyTooNew);
    });
}

#[test]
fn c4_the_draw_waits_for_randomness_known_only_after_the_entries_closed() {
    new_test_ext().execute_with(|| {
        setup_roles();
        // The source says its value was known 5 blocks back (collective
        // flip's is 81; BABE's an epoch).
        RandomLag::set(5);
        let id = submit(honest().spec());
        enter(SOLVER, id);
        let Phase::SolverSelection { closes_at, .. } = task(id).phase else { panic!() };
        run_to_block(closes_at + 1);
        // The entries are closed, but no value unknown at their close exists yet.
        assert!(matches!(task(id).phase, Phase::SolverSelection { .. }), "{:?}", task(id).phase);
        assert_noop!(Gensyn::enter_selection(RuntimeOrigin::signed(SOLVER2), id), Error::<Test>::TooLate);
        run_to_block(closes_at + 5);
        assert!(matches!(task(id).phase, Phase::SolverSelection { .. }));
        run_to_block(closes_at + 6);
        let Phase::SolverDraw { entries_closed, .. } = task(id).phase else { panic!("{:?}", task(id).phase) };
        assert_eq!(entries_closed, closes_at);
        assert!(System::block_number() - 5 > closes_at, "drawn from a value known only after the close");
    });
}

#[test]
fn c4_the_lottery_follows_stake_and_sybils_gain_nothing() {
    new_test_ext().execute_with(|| {
        setup_roles();
        // SOLVER bonds 3,000, SOLVER2 1,000 (the fee's collateral is 1,000).
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(SOLVER), Role::Solver, 2_000));
        let mut wins = 0;
        let n = 240;
        for i in 0..n {
            RandomNonce::set(i);
            let id = submit(honest().spec());
            select(id, &[SOLVER, SOLVER2]);
            wins += (task(id).solver == Some(SOLVER)) as u32;
            run_to_block(task(id).deadline + 1);
            // Restore the slashed stakes for the next round.
            for s in [SOLVER, SOLVER2] {
                let want = if s == SOLVER { 3_000 } else { 1_000 };
                let have = Gensyn::total_bonded(&s, Role::Solver);
                if have < want {
                    assert_ok!(Gensyn::stake(RuntimeOrigin::signed(s), Role::Solver, want - have));
                }
            }
        }
        // P(SOLVER) = 3/4: 180 of 240 expected, σ ≈ 6.7.
        assert!((155..=205).contains(&wins), "stake-weighted: {wins} of {n}");
        // The score: splitting a weight w into sybils of w/2 each gives the
        // group the same chance (each score is exponential with rate ∝ weight).
        let draws = 20_000u32;
        let mut split_wins = 0;
        for i in 0..draws {
            let out = |j: u32| blake2_256(&(i, j).encode());
            let whole = crate::lifecycle::score(&out(0), 2_000);
            let other = crate::lifecycle::score(&out(1), 2_000);
            let halves = crate::lifecycle::score(&out(2), 1_000).min(crate::lifecycle::score(&out(3), 1_000));
            let _ = whole;
            split_wins += (halves < other) as u32;
        }
        let share = split_wins as f64 / draws as f64;
        assert!((0.48..0.52).contains(&share), "two halves win as often as one whole: {share}");
    });
}

#[test]
fn c4_a_solver_cannot_raise_its_chance_to_be_its_own_verifier() {
    new_test_ext().execute_with(|| {
        setup_roles();
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(SOLVER), Role::Verifier, 500));
        let run = honest();
        let id = training(run.spec());
        commit(id, &run);
        // The solver itself may not verify; no seed exists when it commits
        // (the verifier seed comes after the verifiers' entries close), so
        // the block it commits in chooses nothing.
        assert_noop!(Gensyn::enter_selection(RuntimeOrigin::signed(SOLVER), id), Error::<Test>::NotAllowed);
        assert!(matches!(task(id).phase, Phase::VerifierSelection { .. }));
        // Its sybil (ALICE) enters with its stake, as any verifier may: its
        // chance is its stake's share, decided by randomness drawn later.
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Verifier, 500));
        register(ALICE);
        select(id, &[VERIFIER, ALICE]);
        assert!(matches!(task(id).verifier, Some(VERIFIER) | Some(ALICE)));
    });
}

/// Runs `solver`'s task (every segment audited) with the verifier posting
/// `verdict` and `checks` committed blind, to the end of the reveals.
fn audit_round(solver: &Party, verdict: Vec<Hash>, checks: &[(u64, Vec<Hash>)]) -> TaskId {
    audit_all();
    let id = to_verdict(solver);
    for (who, e) in checks {
        check(id, *who, e.clone());
    }
    super::harness::verdict(id, verdict);
    close_reveals(id);
    id
}

#[test]
fn m1_a_verifier_that_does_not_replay_loses() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let solver = honest();
        audit_all();
        let id = to_verdict(&solver);
        next_phase(id);
        // When it must post, nothing it could copy is public: the solver's
        // ends are not opened, and checks are commitments.
        let audit = Audits::<Test>::get(id).unwrap();
        assert!(audit.segments.iter().all(|s| s.end.is_none()));
        assert!(matches!(task(id).phase, Phase::Verdict { .. }));
        // Its best guess without replaying: the start states (or anything).
        let (v0, s0) = (Gensyn::total_bonded(&VERIFIER, Role::Verifier), free(VERIFIER));
        let guess: Vec<Hash> = audit.segments.iter().map(|s| s.start.unwrap_or([1; 32])).collect();
        super::harness::verdict(id, guess);
        close_reveals(id);
        let d = only_game(id);
        let lazy = Party::new(TOY, 8, 4, Some(Fault { step: 0, node: 0, elem: 0, bit: 31 }));
        let (o, _) = play(
            d,
            Player { who: SOLVER, party: &solver, silent: false },
            Player { who: VERIFIER, party: &lazy, silent: true },
        );
        assert!(o.challenger_lost());
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), v0 - 250, "half its collateral");
        assert_eq!(free(VERIFIER), s0, "and no reward");
        // Its claim, abandoned, was open to anyone for a window; nobody took it up.
        settle(id);
        assert_eq!(task(id).phase, Phase::Finalized);
        assert_funds_reconcile();
    });
}

#[test]
fn m1_a_whistleblower_that_does_not_replay_earns_nothing() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let solver = honest();
        let right = {
            audit_all();
            let p = Party::new(TOY, 8, 4, None);
            (0..2).map(|s| p.checkpoint(s + 1)).collect::<Vec<_>>()
        };
        let (w1, w2, w3) = (free(WB1), free(WB2), free(WB3));
        audit_all();
        let id = to_verdict(&solver);
        // WB1 guesses; WB2 posts the verifier-to-be's commitment as its own
        // (it cannot know the verifier's, so it copies WB3's); WB3 never reveals.
        check(id, WB1, vec![[1; 32], [2; 32]]);
        check(id, WB3, right.clone());
        let copied = Checks::<Test>::get(id, WB3).unwrap().commitment;
        assert_ok!(Gensyn::commit_check(RuntimeOrigin::signed(WB2), id, copied));
        next_phase(id);
        assert_ok!(Gensyn::post_verdict(RuntimeOrigin::signed(VERIFIER), id, BoundedVec::truncate_from(right.clone())));
        open_ends(id);
        // WB3's reveal, replayed by WB2 from the chain, does not open WB2's commitment.
        assert_noop!(
            Gensyn::reveal_check(RuntimeOrigin::signed(WB2), id, BoundedVec::truncate_from(right.clone()), salt(WB3)),
            Error::<Test>::InvalidReveal
        );
        // WB1 reveals its guess; WB3 stays silent (dropping its pending reveal).
        assert_ok!(Gensyn::reveal_check(
            RuntimeOrigin::signed(WB1),
            id,
            BoundedVec::truncate_from(vec![[1; 32], [2; 32]]),
            salt(WB1)
        ));
        close_reveals(id);
        // The guess is a game the solver wins; the unrevealed checks lose their bonds.
        let d = game_of(id, WB1, 0);
        let (o, _) = play(
            d,
            Player { who: SOLVER, party: &solver, silent: false },
            Player { who: WB1, party: &solver, silent: true },
        );
        assert!(o.challenger_lost());
        assert_eq!(free(WB1), w1 - 20);
        assert_eq!(free(WB2), w2 - 20);
        assert_eq!(free(WB3), w3 - 20);
        settle(id);
        assert_eq!(task(id).phase, Phase::Finalized);
        assert_funds_reconcile();
    });
}

#[test]
fn m1_forced_rounds_pay_every_party_that_was_right_and_no_group_gains_by_sybils() {
    // k parties right share the round: J/2^(k−1) each, J a third of the pot.
    let round = |sybil: bool| {
        new_test_ext().execute_with(|| {
            setup_roles();
            set(|p| p.forced_error_ppm = 1_000_000);
            let solver = honest();
            audit_all();
            let id = to_verdict(&solver);
            let right = ends(id, &solver);
            check(id, WB1, right.clone());
            // WB2: the verifier's sybil, posting the verifier's ends without replaying.
            if sybil {
                check(id, WB2, right.clone());
            }
            // WB3 is wrong.
            check(id, WB3, vec![[3; 32], [4; 32]]);
            let pot = Gensyn::jackpot();
            let before: Vec<u64> = [SOLVER, VERIFIER, WB1, WB2, WB3].iter().map(|a| free(*a)).collect();
            super::harness::verdict(id, right);
            close_reveals(id);
            assert!(events().contains(&Event::ForcedDrawn { task: id, forced: true }));
            let d = game_of(id, WB3, 0);
            let (o, _) = play(
                d,
                Player { who: SOLVER, party: &solver, silent: false },
                Player { who: WB3, party: &solver, silent: true },
            );
            assert!(o.challenger_lost());
            settle(id);
            assert_eq!(task(id).phase, Phase::Finalized);
            assert_funds_reconcile();
            let gain: Vec<i128> = [SOLVER, VERIFIER, WB1, WB2, WB3]
                .iter()
                .zip(before)
                .map(|(a, b)| free(*a) as i128 - b as i128)
                .collect();
            (pot, gain)
        })
    };
    let (pot, alone) = round(false);
    // Solver, verifier and WB1 were right: J/4 each (WB1's bond, held
    // before the balances were taken, came back too).
    let share = alone[2] - 20;
    // J is a third of the pot, at most τ·F/p (10 % of the 1,000 fee, p = 1).
    let j = (pot / 3).min(100) as i128;
    assert_eq!(share, j / 4, "J/4: {share} of a pot of {pot}");
    assert_eq!(alone[1], 100 + share, "the verifier: its reward and the same share");
    assert_eq!(alone[0], 800 + 10 + share, "the solver: the fee, half the wrong bond, and the same share");
    let (_, with_sybil) = round(true);
    // Four right: J/8 each. The verifier and its sybil together take what
    // the verifier alone took: no farming; the honest others' shares shrink.
    assert!((with_sybil[1] - 100 + with_sybil[3] - 20 - share).abs() <= 1, "{with_sybil:?} vs {alone:?}");
    assert!(with_sybil[2] < alone[2]);
    assert!(alone[4] == 0 && with_sybil[4] == 0, "the wrong checker's bond (held before) never comes back");
}

#[test]
fn m1_diluting_honest_watchers_costs_the_diluter_its_ticket() {
    // The solver's sybil adds a right check (the solver knows its ends).
    // Returns the coalition's gain (solver and sybil) and the honest
    // watcher's, in a forced round beside an honest verifier.
    let round = |ticket: Perbill, sybil: bool| {
        new_test_ext().execute_with(|| {
            setup_roles();
            set(|p| {
                p.forced_error_ppm = 1_000_000;
                p.check_ticket = ticket;
            });
            let solver = honest();
            audit_all();
            let id = to_verdict(&solver);
            let right = ends(id, &solver);
            let before: Vec<u64> = [SOLVER, WB1, WB2].iter().map(|a| free(*a)).collect();
            check(id, WB1, right.clone());
            if sybil {
                check(id, WB2, right.clone());
            }
            super::harness::verdict(id, right);
            close_reveals(id);
            settle(id);
            assert_eq!(task(id).phase, Phase::Finalized);
            assert_funds_reconcile();
            let g: Vec<i128> =
                [SOLVER, WB1, WB2].iter().zip(before).map(|(a, b)| free(*a) as i128 - b as i128).collect();
            (g[0] + g[2], g[1])
        })
    };
    // With free checks, the pair took what the solver alone took, and the
    // honest watcher's share halved: dilution at no cost.
    let (c0, w0) = round(Perbill::zero(), false);
    let (c1, w1) = round(Perbill::zero(), true);
    assert!((c1 - c0).abs() <= 1 && w1 * 2 <= w0 + 1, "free: {c0} {c1}, watcher {w0} → {w1}");
    // A ticket of an eighth of the tax (12 of the 1,000 fee): the
    // coalition pays for every check it adds, and gets back less than half.
    let ticket = Perbill::from_parts(12_500_000);
    let (c2, w2) = round(ticket, false);
    let (c3, w3) = round(ticket, true);
    assert!(c3 < c2 - 6, "the diluter pays: {c2} → {c3}");
    assert!(w2 > 0 && w3 < w2, "the honest watcher still earns alone: {w2}, diluted {w3}");
}

#[test]
fn m1_every_check_holds_a_deposit_until_it_is_settled() {
    new_test_ext().execute_with(|| {
        setup_roles();
        set(|p| p.check_deposit = 7);
        let solver = honest();
        let id = to_verdict(&solver);
        let right = ends(id, &solver);
        let before = free(WB1);
        check(id, WB1, right.clone());
        assert_noop!(Gensyn::settle_check(RuntimeOrigin::signed(ALICE), id, WB1), Error::<Test>::WrongPhase);
        super::harness::verdict(id, right);
        close_reveals(id);
        // An unforced round: the right check earned nothing, but its
        // deposit is held until someone deletes it.
        assert_eq!(task(id).phase, Phase::Finalized);
        assert!(Checks::<Test>::contains_key(id, WB1));
        assert_eq!(held(WB1, HoldReason::WhistleBond), 7);
        assert_funds_reconcile();
        assert_ok!(Gensyn::settle_check(RuntimeOrigin::signed(WB1), id, WB1));
        assert!(!Checks::<Test>::contains_key(id, WB1));
        assert_eq!((held(WB1, HoldReason::WhistleBond), free(WB1)), (0, before));
        assert_funds_reconcile();
    });
}

#[test]
fn m1_a_ticket_comes_back_when_the_task_ends_before_any_forced_draw() {
    new_test_ext().execute_with(|| {
        setup_roles();
        set(|p| {
            p.check_ticket = Perbill::from_parts(12_500_000);
            p.check_deposit = 7;
        });
        let solver = honest();
        let id = to_verdict(&solver);
        let right = ends(id, &solver);
        let (before, pot) = (free(WB1), Gensyn::jackpot());
        check(id, WB1, right.clone());
        assert_eq!(free(WB1), before - 20 - 7 - 12, "bond, deposit and ticket");
        assert_eq!(Gensyn::jackpot(), pot + 12);
        // The verdict is posted; the solver, seeing a check, never opens its ends.
        next_phase(id);
        assert_ok!(Gensyn::post_verdict(RuntimeOrigin::signed(VERIFIER), id, BoundedVec::truncate_from(right)));
        while !matches!(task(id).phase, Phase::Cancelled { .. }) {
            advance(1);
        }
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::OpeningTimeout });
        settle_checks(id);
        assert_eq!(free(WB1), before, "nothing was diluted: everything comes back");
        assert!(Gensyn::jackpot() >= pot, "the pot lost nothing to it");
        assert_funds_reconcile();
    });
}

#[test]
fn m1_a_ticket_above_a_quarter_of_the_tax_is_refused() {
    new_test_ext().execute_with(|| {
        let mut p = Parameters::<Test>::get();
        p.check_ticket = Perbill::from_parts(p.jackpot_tax.deconstruct() / 4 + 1);
        assert_noop!(Gensyn::set_params(RuntimeOrigin::root(), p.clone()), Error::<Test>::InvalidParams);
        p.check_ticket = Perbill::from_parts(p.jackpot_tax.deconstruct() / 4);
        assert_ok!(Gensyn::set_params(RuntimeOrigin::root(), p));
    });
}

#[test]
fn m4_a_share_owed_to_a_reaped_account_returns_to_the_pot() {
    new_test_ext().execute_with(|| {
        setup_roles();
        set(|p| p.forced_error_ppm = 1_000_000);
        let solver = honest();
        let id = to_verdict(&solver);
        let right = ends(id, &solver);
        check(id, WB1, right.clone());
        super::harness::verdict(id, right);
        close_reveals(id);
        assert_eq!(task(id).phase, Phase::Finalized);
        let share = Audits::<Test>::get(id).unwrap().share;
        assert!(share > 0);
        // WB1 leaves before claiming: unstakes, withdraws, empties its
        // account, and is reaped; its share is dust by then.
        assert_ok!(Gensyn::unstake(RuntimeOrigin::signed(WB1), Role::Whistleblower, 100));
        advance(UNBONDING + 1);
        assert_ok!(Gensyn::withdraw_unbonded(RuntimeOrigin::signed(WB1), Role::Whistleblower));
        ExistentialDeposit::set(share + 1);
        assert_ok!(Balances::transfer_all(RuntimeOrigin::signed(WB1), ALICE, false));
        assert_eq!(<Balances as Inspect<u64>>::total_balance(&WB1), 0);
        let pot = Gensyn::jackpot();
        assert_ok!(Gensyn::settle_check(RuntimeOrigin::signed(ALICE), id, WB1));
        assert_eq!(held(Gensyn::jackpot_account(), HoldReason::ForcedShares), 0, "nothing stays held");
        assert_eq!(Gensyn::jackpot(), pot + share, "the share is the pot's again");
        assert!(!Checks::<Test>::contains_key(id, WB1));
    });
}

#[test]
fn m1_the_real_result_is_audited_in_forced_rounds() {
    new_test_ext().execute_with(|| {
        setup_roles();
        set(|p| p.forced_error_ppm = 1_000_000);
        let (solver, truth) = (cheat(4), honest());
        let (pot, s0) = (Gensyn::jackpot(), free(SOLVER));
        let id = audit_round(&solver, ends_of(&truth), &[]);
        assert!(events().contains(&Event::ForcedDrawn { task: id, forced: true }));
        // The round is forced, and the verifier's disagreement is a game all the same.
        let d = only_game(id);
        let (winner, _) = duel(d, (SOLVER, &solver), (VERIFIER, &truth));
        assert_eq!(winner, Side::Challenger);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert!(Gensyn::jackpot() >= pot, "a convicted round pays no jackpot");
        assert_eq!(free(SOLVER), s0);
        assert_funds_reconcile();
    });
}

/// The ends of every segment of an 8-step, every-4 run.
fn ends_of(p: &Party) -> Vec<Hash> {
    vec![p.checkpoint(1), p.checkpoint(2)]
}

#[test]
fn m2_an_unaudited_task_is_never_paid_and_the_deposit_compensates_the_solver() {
    new_test_ext().execute_with(|| {
        setup_roles();
        set(|p| p.deposit = 50);
        let run = honest();
        let (sub0, s0) = (free(SUBMITTER), free(SOLVER));
        let id = training(run.spec());
        commit(id, &run);
        // No verifier enters: drawn again, max_redraws (2) times, then it ends.
        settle(id);
        for draw in 1..=3 {
            assert!(events().contains(&Event::Redraw { task: id, redraws: draw }));
        }
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::NoAudit });
        assert_eq!(free(SOLVER), s0 + 50, "no fee, only the deposit for its time");
        assert_eq!(free(SUBMITTER), sub0 - 50, "the fee back, less the deposit");
        assert_eq!(Locked::<Test>::get(SOLVER, Role::Solver), 0);
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 1_000, "not slashed");
        assert_funds_reconcile();
        // A redraw that finds a verifier goes on to the audit.
        let id = training(run.spec());
        commit(id, &run);
        run_to_block(System::block_number() + WINDOW + 1);
        assert!(events().contains(&Event::Redraw { task: id, redraws: 1 }));
        assert!(matches!(task(id).phase, Phase::VerifierSelection { .. }));
        select(id, &[VERIFIER]);
        assert!(matches!(task(id).phase, Phase::Opening { .. }));
    });
}

#[test]
fn m3_the_model_and_the_final_state_are_bound_to_the_checkpoints() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let run = honest();
        let id = training(run.spec());
        // A chain of checkpoints that starts elsewhere than the submitted model.
        let states = [[5; 32], run.checkpoint(1), run.checkpoint(2)];
        let cps = Tree::new(&states.iter().enumerate().map(|(i, h)| checkpoint_leaf(i as u32, h)).collect::<Vec<_>>());
        let c = SolverCommitment { checkpoint_root: cps.root(), step_root: run.run.steps.root() };
        assert_noop!(
            Gensyn::commit(RuntimeOrigin::signed(SOLVER), id, c, cps.proof(0).unwrap()),
            Error::<Test>::InvalidOpening
        );
        commit(id, &run);
        select(id, &[VERIFIER]);
        open(id, &run);
        next_phase(id);
        assert_ok!(Gensyn::post_verdict(
            RuntimeOrigin::signed(VERIFIER),
            id,
            BoundedVec::truncate_from(ends(id, &run))
        ));
        // The last checkpoint must be opened (with its proof) whatever was audited.
        let ends_only: Vec<u32> = audited(id).iter().map(|s| s + 1).filter(|&i| i != 2).collect();
        assert_noop!(
            Gensyn::open_ends(RuntimeOrigin::signed(SOLVER), id, stored_openings(id, &ends_only)),
            Error::<Test>::InvalidOpening
        );
        open_ends(id);
        assert_eq!(task(id).final_hash, Some(run.state(8)));
    });
}

#[test]
fn m1_collateral_is_locked_per_task_and_a_slash_takes_only_the_tasks() {
    new_test_ext().execute_with(|| {
        setup_roles();
        audit_all();
        // SOLVER bonds 1,500: one task's collateral (1,000) and no more.
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(SOLVER), Role::Solver, 500));
        let run = cheat(4);
        let id = training(run.spec());
        assert_eq!(Locked::<Test>::get(SOLVER, Role::Solver), 1_000);
        let other = submit(run.spec());
        assert_noop!(
            Gensyn::enter_selection(RuntimeOrigin::signed(SOLVER), other),
            Error::<Test>::InsufficientCollateral
        );
        // The locked part cannot be unstaked either.
        assert_noop!(
            Gensyn::unstake(RuntimeOrigin::signed(SOLVER), Role::Solver, 600),
            Error::<Test>::InsufficientCollateral
        );
        // Convicted: it loses half this task's collateral, not half its stake.
        commit(id, &run);
        let _ = id;
        let truth = honest();
        let id2 = {
            // Drive the rest of this task's audit by hand (it is not the harness's to_opening).
            select(id, &[VERIFIER]);
            open(id, &run);
            id
        };
        check(id2, WB1, ends_of(&truth));
        super::harness::verdict(id2, ends_of(&run));
        close_reveals(id2);
        let d = game_of(id2, WB1, 1);
        let (winner, _) = duel(d, (SOLVER, &run), (WB1, &truth));
        assert_eq!(winner, Side::Challenger);
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 1_000, "1,500 − 50 % of 1,000");
        assert_eq!(Locked::<Test>::get(SOLVER, Role::Solver), 0);
        assert_funds_reconcile();
    });
}

#[test]
fn m4_a_settlement_that_cannot_pay_changes_nothing() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let run = honest();
        let id = to_verdict(&run);
        super::harness::verdict(id, ends(id, &run));
        // The fee's escrow is gone (as if a bug had released it): paying fails.
        assert_ok!(<Balances as polkadot_sdk::frame_support::traits::fungible::MutateHold<u64>>::release(
            &RuntimeHoldReason::Gensyn(HoldReason::TaskFee),
            &SUBMITTER,
            FEE,
            polkadot_sdk::frame_support::traits::tokens::Precision::Exact,
        ));
        let before = (task(id), Audits::<Test>::get(id), free(SOLVER), free(VERIFIER), Gensyn::jackpot());
        close_reveals_or_stay(id);
        // The timer failed whole: nothing half-paid, the task where it was.
        assert!(events().contains(&Event::TimerFailed { timer: Timer::Task(id) }));
        assert_eq!((task(id), Audits::<Test>::get(id), free(SOLVER), free(VERIFIER), Gensyn::jackpot()), before);
    });
}

/// Runs the blocks past the reveal deadline (the phase may stay if its timer fails).
fn close_reveals_or_stay(id: TaskId) {
    let Phase::Reveal { reveal_by } = task(id).phase else { panic!() };
    run_to_block(reveal_by + 2);
}

#[test]
fn m1_the_leader_of_a_draw_cannot_unstake_from_under_it() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let id = submit(honest().spec());
        enter(SOLVER, id);
        enter(SOLVER2, id);
        next_phase(id);
        reveal(SOLVER, id);
        // Leading, its collateral is locked: it cannot leave the draw without a solver.
        assert_eq!(Locked::<Test>::get(SOLVER, Role::Solver), 1_000);
        assert_noop!(
            Gensyn::unstake(RuntimeOrigin::signed(SOLVER), Role::Solver, 1_000),
            Error::<Test>::InsufficientCollateral
        );
        reveal(SOLVER2, id);
        let leader = Selections::<Test>::get(id).unwrap().who;
        let other = if leader == SOLVER { SOLVER2 } else { SOLVER };
        assert_eq!(Locked::<Test>::get(leader, Role::Solver), 1_000);
        assert_eq!(Locked::<Test>::get(other, Role::Solver), 0, "overtaken: unlocked");
        next_phase(id);
        assert_eq!(task(id).solver, Some(leader));
        assert_eq!(Locked::<Test>::get(leader, Role::Solver), 1_000);
        assert_funds_reconcile();
    });
}

// ---- Found by the attacker review of the incentives change ----

#[test]
fn c4_a_copied_key_cannot_replay_its_owners_proofs() {
    new_test_ext().execute_with(|| {
        setup_roles();
        // ALICE registers VERIFIER's public key (anyone can read it) to
        // reveal VERIFIER's own proofs with a larger stake: without the
        // secret it cannot prove possession for its own account…
        let pk = Keys::<Test>::get(VERIFIER).unwrap().key;
        let replayed = key_proof(VERIFIER, &vrf_secret(VERIFIER));
        assert_noop!(Gensyn::register_keys(RuntimeOrigin::signed(ALICE), pk, replayed), Error::<Test>::InvalidVrfProof);
        // …and even with it (a leaked secret), a key belongs to one account.
        let stolen = key_proof(ALICE, &vrf_secret(VERIFIER));
        assert_noop!(Gensyn::register_keys(RuntimeOrigin::signed(ALICE), pk, stolen.clone()), Error::<Test>::KeyTaken);
        // Once its owner replaces it, the old key is free again.
        let sk = gensyn_vrf::dev_secret("test/new-verifier-key");
        let new = gensyn_vrf::public_key(&sk).unwrap();
        assert_ok!(Gensyn::register_keys(RuntimeOrigin::signed(VERIFIER), new, key_proof(VERIFIER, &sk)));
        assert_ok!(Gensyn::register_keys(RuntimeOrigin::signed(ALICE), pk, stolen));
    });
}

#[test]
fn c4_a_key_seen_before_its_owner_registers_it_cannot_be_squatted() {
    new_test_ext().execute_with(|| {
        // VERIFIER's registration is in the pool; ALICE front-runs it with
        // the same key: without the secret it cannot prove possession.
        let sk = vrf_secret(VERIFIER);
        let pk = gensyn_vrf::public_key(&sk).unwrap();
        let seen = key_proof(VERIFIER, &sk);
        assert_noop!(
            Gensyn::register_keys(RuntimeOrigin::signed(ALICE), pk, seen.clone()),
            Error::<Test>::InvalidVrfProof
        );
        assert_ok!(Gensyn::register_keys(RuntimeOrigin::signed(VERIFIER), pk, seen));
    });
}

#[test]
fn m1_sybils_cannot_fill_the_checks_and_keep_an_honest_checker_out() {
    new_test_ext().execute_with(|| {
        setup_roles();
        audit_all();
        let solver = cheat(4);
        let id = to_verdict(&solver);
        // Many sybils, who need not replay, check first with the solver's ends.
        let sybils: Vec<u64> = (100..140).collect();
        for &s in &sybils {
            assert_ok!(Balances::force_set_balance(RuntimeOrigin::root(), s, 1_000));
            assert_ok!(Gensyn::stake(RuntimeOrigin::signed(s), Role::Whistleblower, 10));
        }
        let mine = ends(id, &solver);
        for &s in &sybils {
            check(id, s, mine.clone());
        }
        // The honest checker still gets in, and convicts the solver.
        let truth = honest();
        check(id, WB1, ends(id, &truth));
        verdict(id, mine);
        close_reveals(id);
        let d = game_of(id, WB1, 1);
        let (winner, _) = duel(d, (SOLVER, &solver), (WB1, &truth));
        assert_eq!(winner, Side::Challenger);
        settle(id);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        // The sybils' bonds came back (they agreed with the solver); nothing is held.
        for &s in &sybils {
            assert_eq!(free(s), 1_000 - 10, "stake held, bond back");
            assert_eq!(held(s, HoldReason::WhistleBond), 0);
        }
    });
}

#[test]
fn m1_a_min_fee_task_cannot_drain_the_jackpot() {
    new_test_ext().execute_with(|| {
        setup_roles();
        set(|p| p.forced_error_ppm = 1_000_000);
        audit_all();
        // The attacker is the submitter, the solver and a checker of a min-fee task.
        let run = honest();
        let spec = run.spec();
        let id = NextTaskId::<Test>::get();
        let who = [SUBMITTER, SOLVER, WB1];
        let before: Vec<u64> = who.iter().map(|a| free(*a)).collect();
        let deadline = System::block_number() + 40;
        assert_ok!(Gensyn::submit_task(
            RuntimeOrigin::signed(SUBMITTER),
            spec.clone(),
            manifest_for(&spec),
            10,
            deadline
        ));
        select(id, &[SOLVER]);
        commit(id, &run);
        select(id, &[VERIFIER]);
        open(id, &run);
        let right = ends(id, &run);
        check(id, WB1, right.clone());
        super::harness::verdict(id, right);
        close_reveals(id);
        settle(id);
        assert_eq!(task(id).phase, Phase::Finalized);
        let net: i128 = who.iter().zip(before).map(|(a, b)| free(*a) as i128 - b as i128).sum();
        // A round pays at most τ·F/p in all (here 10 % of 10 at p = 1): the
        // coalition gets back at most what it put in.
        assert!(net <= 0, "the coalition nets {net}");
        assert_funds_reconcile();
    });
}

#[test]
fn m4_a_bond_change_mid_task_strands_nothing() {
    new_test_ext().execute_with(|| {
        setup_roles();
        audit_all();
        let run = honest();
        let id = to_verdict(&run);
        check(id, WB1, vec![[1; 32], [2; 32]]);
        assert_eq!(held(WB1, HoldReason::WhistleBond), 20);
        set(|p| p.whistle_bond = 50);
        super::harness::verdict(id, ends(id, &run));
        let d = game_of(id, WB1, 0);
        assert_eq!(dispute(d).bond, 20, "the bond it put up, not today's");
        close_reveals(id);
        make_move(d, SOLVER, &run, true);
        settle(id);
        assert!(!events().iter().any(|e| matches!(e, Event::TimerFailed { .. })));
        assert_eq!(task(id).phase, Phase::Finalized);
        assert_eq!(Locked::<Test>::get(SOLVER, Role::Solver), 0);
        assert_funds_reconcile();
    });
}

/// A committed task whose verifier selection VERIFIER entered, with the
/// randomness source lagging `lag` blocks; its id and the entries' close.
fn verifier_entered(lag: u64) -> (TaskId, u64) {
    setup_roles();
    RandomLag::set(lag);
    let run = honest();
    let id = training(run.spec());
    commit(id, &run);
    enter(VERIFIER, id);
    let Phase::VerifierSelection { closes_at, .. } = task(id).phase else { panic!("{:?}", task(id).phase) };
    (id, closes_at)
}

#[test]
fn c4_a_poke_of_a_late_timer_cannot_choose_the_seed() {
    // Chains identical but for the block in which someone pokes the draw's
    // overdue timer: the seed is the same, and pokes queue no timers.
    let seed = |poke_at: u64| {
        new_test_ext().execute_with(|| {
            let (id, closes_at) = verifier_entered(5);
            // Its timer never runs by itself (a lagging queue): only pokes move it.
            let _ = Timers::<Test>::clear_prefix(closes_at + 1, u32::MAX, None);
            run_to_block(closes_at + poke_at);
            let before: u32 = TimerCount::<Test>::iter().map(|(_, c)| c).sum();
            for _ in 0..5 {
                assert_ok!(Gensyn::poke(RuntimeOrigin::signed(SOLVER2), Timer::Task(id)));
            }
            let after: u32 = TimerCount::<Test>::iter().map(|(_, c)| c).sum();
            assert!(after <= before + 1, "pokes queue at most the one timer that waits");
            for _ in 0..12 {
                if let Phase::VerifierDraw { seed, .. } = task(id).phase {
                    return seed;
                }
                advance(1);
            }
            panic!("no draw: {:?}", task(id).phase)
        })
    };
    let (early, later, late) = (seed(1), seed(3), seed(10));
    assert_eq!(early, later);
    assert_eq!(early, late, "the block the poke lands in chooses nothing");
}

#[test]
fn m2_a_late_draw_leaves_the_winner_time_or_no_task() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let run = honest();
        let id = submit(run.spec());
        let deadline = task(id).deadline;
        enter(SOLVER, id);
        next_phase(id);
        reveal(SOLVER, id);
        // The draw's timer runs only just before the deadline (a lagging queue).
        let _ = Timers::<Test>::clear_prefix(System::block_number() + WINDOW + 1, u32::MAX, None);
        run_to_block(deadline - 1);
        assert!(matches!(task(id).phase, Phase::SolverDraw { .. }));
        assert_ok!(Gensyn::poke(RuntimeOrigin::signed(ALICE), Timer::Task(id)));
        // No time left to train: cancelled, nobody slashed.
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::NoSolver });
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 1_000);
        assert_eq!(Locked::<Test>::get(SOLVER, Role::Solver), 0);
        assert_funds_reconcile();
    });
}

#[test]
fn m1_a_checker_cannot_be_the_redrawn_verifier_and_the_new_one_has_time() {
    new_test_ext().execute_with(|| {
        setup_roles();
        audit_all();
        let run = honest();
        let id = to_verdict(&run);
        check(id, WB1, ends(id, &run));
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(WB1), Role::Verifier, 500));
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Verifier, 500));
        register(ALICE);
        next_phase(id);
        next_phase(id); // VERIFIER misses its verdict: a redraw.
        assert!(matches!(task(id).phase, Phase::VerifierSelection { .. }));
        assert_noop!(Gensyn::enter_selection(RuntimeOrigin::signed(WB1), id), Error::<Test>::NotAllowed);
        select(id, &[ALICE]);
        let Phase::Verdict { verdict_by } = task(id).phase else { panic!() };
        assert_eq!(verdict_by - System::block_number(), 2 * WINDOW, "as long as the first verifier had");
    });
}

#[test]
fn c4_without_its_beacon_a_draw_fails_closed() {
    new_test_ext().execute_with(|| {
        let (id, closes_at) = verifier_entered(0);
        // Its timer never ran, and the beacon it needs is gone (pruned: the
        // timer came more than BEACON_KEEP blocks late).
        let _ = Timers::<Test>::clear_prefix(closes_at + 1, u32::MAX, None);
        run_to_block(closes_at + 5);
        Beacon::<Test>::remove(closes_at + 1);
        // Whoever pokes gets no seed of its block: the draw fails, and is redrawn.
        assert_ok!(Gensyn::poke(RuntimeOrigin::signed(SOLVER2), Timer::Task(id)));
        assert!(events().contains(&Event::Redraw { task: id, redraws: 1 }));
        assert!(matches!(task(id).phase, Phase::VerifierSelection { .. }));
    });
}

#[test]
fn c4_a_lag_that_grows_cannot_hand_a_poker_the_seed() {
    let seed = |poke_at: u64| {
        new_test_ext().execute_with(|| {
            let (id, closes_at) = verifier_entered(5);
            let _ = Timers::<Test>::clear(u32::MAX, None);
            run_to_block(closes_at + 2);
            // The source's lag jumps past what one scan covers.
            RandomLag::set(100);
            run_to_block(closes_at + 120 + poke_at);
            for _ in 0..200 {
                let _ = Gensyn::poke(RuntimeOrigin::signed(SOLVER2), Timer::Task(id));
                if let Phase::VerifierDraw { seed, .. } = task(id).phase {
                    return seed;
                }
                advance(1);
            }
            panic!("no draw: {:?}", task(id).phase)
        })
    };
    assert_eq!(seed(0), seed(7), "the block the poke lands in chooses nothing");
}
