//! Pinpoint disputes: convictions through bisection, descent and
//! arbitration, timeouts of every move, and sub-games that do not link.

use super::harness::*;
use crate::{mock::*, *};
use gensyn_commitment::state::StepRecord;
use polkadot_sdk::frame_support::{assert_noop, assert_ok};

#[test]
fn cheating_solver_is_convicted_through_bisection_and_arbitration() {
    for node in 0..7 {
        new_test_ext().execute_with(|| {
            setup_roles();
            let (solver, verifier) = (cheat(node), Party::new(TOY, 8, 4, None));
            let (s0, v0, sub0) = (free(SOLVER), free(VERIFIER), free(SUBMITTER));
            let (id, d) = verifier_dispute(&solver, &verifier);
            assert_eq!(dispute(d).segment, 1);
            let (winner, rounds) = duel(d, (SOLVER, &solver), (VERIFIER, &verifier));
            assert_eq!(winner, Side::Challenger, "node {node}");
            // ⌈log2 4⌉ step rounds + records + ⌈log2 8⌉ trace rounds.
            assert!(rounds <= crate::dispute::max_rounds(4, 7, 1, 0), "{rounds} rounds");
            assert!(events().contains(&Event::DisputeResolved {
                dispute: d,
                outcome: Outcome::Arbitrated { defender_right: false, challenger_right: true }
            }));
            assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
            assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 500, "half the stake slashed");
            assert_eq!(free(VERIFIER), v0 + 250, "half of the slash to the winner");
            assert_eq!(free(SUBMITTER), sub0, "fee refunded");
            assert_eq!(free(SOLVER), s0);
            assert_eq!(Engagements::<Test>::get(SOLVER, Role::Solver), 0);
            assert_funds_reconcile();
        });
    }
}

#[test]
fn the_assembly_of_the_new_state_is_arbitrated() {
    // A solver whose every node is right but whose state after a step is
    // not the assembly of the program's outputs.
    new_test_ext().execute_with(|| {
        setup_roles();
        let verifier = Party::new(TOY, 8, 4, None);
        // Node 6 feeds the state: a fault there changes only the assembled
        // state; descending finds node 6 itself.
        let solver = cheat(6);
        let (_, d) = verifier_dispute(&solver, &verifier);
        let (winner, _) = duel(d, (SOLVER, &solver), (VERIFIER, &verifier));
        assert_eq!(winner, Side::Challenger);
    });
}

#[test]
fn genuine_verifier_error_is_convicted() {
    new_test_ext().execute_with(|| {
        setup_roles();
        // The solver is honest; the verifier's replay went wrong at step 6.
        let solver = Party::new(TOY, 8, 4, None);
        let verifier = Party::new(TOY, 8, 4, Some(Fault { step: 6, node: 4, elem: 0, bit: 7 }));
        let w0 = free(WB1);
        // A whistleblower's blind check agrees with the solver: no game of its own.
        let id = whistle_window_with(&solver, &verifier, &[(WB1, &solver)]);
        close_reveals(id);
        assert_eq!(free(WB1), w0, "an agreeing check's bond is back at once");
        let d = only_game(id);
        let s0 = free(SOLVER);
        let (winner, _) = duel(d, (SOLVER, &solver), (VERIFIER, &verifier));
        assert_eq!(winner, Side::Defender);
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), 250);
        assert_eq!(free(SOLVER), s0 + 125 + 900, "winner's share of the slash, then the fee without verifier reward");
        assert_eq!(task(id).phase, Phase::Finalized);
        assert_funds_reconcile();
    });
}

#[test]
fn false_whistle_loses_its_bond() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let solver = Party::new(TOY, 8, 4, None);
        // The whistleblower's own (faulty) replay disagrees with both.
        let wb = Party::new(TOY, 8, 4, Some(Fault { step: 4, node: 3, elem: 2, bit: 21 }));
        let w0 = free(WB1);
        let id = whistle_window_with(&solver, &solver, &[(WB1, &wb)]);
        close_reveals(id);
        // Its first disagreement (segment 1; segment 0 agreed) is a game of its own.
        let d = game_of(id, WB1, position_of(id, 1));
        assert_eq!(dispute(d).challenger, WB1);
        let (s0, pot0) = (free(SOLVER), Gensyn::jackpot());
        let (winner, _) = duel(d, (SOLVER, &solver), (WB1, &wb));
        assert_eq!(winner, Side::Defender);
        assert_eq!(held(WB1, HoldReason::WhistleBond), 0);
        assert_eq!(free(WB1), w0 - 20, "bond forfeited");
        // The game's end ends the task: the fee is paid at once.
        assert_eq!(free(SOLVER), s0 + 10 + 800, "half the bond, for its costs, then the fee");
        assert_eq!(Gensyn::jackpot(), pot0 + 10 + 100, "the rest of the bond and the tax");
        assert_eq!(task(id).phase, Phase::Finalized);
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), 500);
        assert_funds_reconcile();
    });
}

#[test]
fn a_whistle_beside_a_colluding_verdict_convicts_the_solver_only() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let solver = cheat(4);
        // A colluding verifier posts the cheating solver's ends; an honest
        // whistleblower's blind check disagrees.
        let honest = Party::new(TOY, 8, 4, None);
        let id = whistle_window_with(&solver, &solver, &[(WB2, &honest)]);
        close_reveals(id);
        let d = game_of(id, WB2, position_of(id, 1));
        let (winner, _) = duel(d, (SOLVER, &solver), (WB2, &honest));
        assert_eq!(winner, Side::Challenger);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverConvicted });
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 500);
        // A conviction proves a step record wrong, not the verdict on the
        // segment's end: the verdict, posted blind, is not punished by it.
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), 500);
        assert_eq!(Engagements::<Test>::get(WB2, Role::Whistleblower), 0);
        assert_funds_reconcile();
    });
}

#[test]
fn a_silent_party_loses_at_every_stage() {
    // Fault at step 5 node 4: the game passes steps → records → ops → arbitration.
    for stage in 0..4 {
        for silent_defender in [true, false] {
            new_test_ext().execute_with(|| {
                setup_roles();
                let (solver, verifier) = (cheat(4), Party::new(TOY, 8, 4, None));
                let (_, d) = verifier_dispute(&solver, &verifier);
                // Play honestly until the stage, then one side goes silent.
                let reached;
                loop {
                    let idx = match dispute(d).stage {
                        Stage::Steps { .. } => 0,
                        Stage::Records { .. } => 1,
                        Stage::Ops { .. } => 2,
                        Stage::Arbitration { .. } => 3,
                        _ => 9,
                    };
                    if idx >= stage {
                        reached = idx;
                        break;
                    }
                    make_move(d, SOLVER, &solver, true);
                    make_move(d, VERIFIER, &verifier, false);
                }
                assert_eq!(reached, stage);
                // At arbitration nobody calls: the challenger carries the burden.
                if stage < 3 {
                    if silent_defender {
                        make_move(d, VERIFIER, &verifier, false);
                    } else {
                        make_move(d, SOLVER, &solver, true);
                    }
                }
                advance(WINDOW + 1);
                let Stage::Resolved { outcome: Outcome::Forfeited { loser, timeout: true } } = dispute(d).stage else {
                    panic!("resolved by timeout: {:?}", dispute(d).stage)
                };
                let expected = if stage < 3 && silent_defender { Side::Defender } else { Side::Challenger };
                assert_eq!(loser, expected, "stage {stage}, silent defender {silent_defender}");
                assert_funds_reconcile();
            });
        }
    }
}

#[test]
fn sub_games_must_link_to_their_parent() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (solver, verifier) = (cheat(4), Party::new(TOY, 8, 4, None));
        let (_, d) = verifier_dispute(&solver, &verifier);
        let Stage::Steps { round: current, .. } = dispute(d).stage else { panic!("steps") };
        // A stale or forged round is refused.
        let forged = StepRound {
            lo: 4,
            len: 4,
            agreed: [1; 32],
            defender_end: solver.state(8),
            challenger_end: verifier.state(8),
        };
        assert_noop!(Gensyn::bisect(RuntimeOrigin::signed(SOLVER), d, forged, [0; 32]), Error::<Test>::StaleRound);
        assert_noop!(Gensyn::bisect(RuntimeOrigin::signed(WB1), d, current, [0; 32]), Error::<Test>::NotAllowed);
        while !matches!(dispute(d).stage, Stage::Records { .. }) {
            make_move(d, SOLVER, &solver, true);
            make_move(d, VERIFIER, &verifier, false);
        }
        let Stage::Records { round, .. } = dispute(d).stage else { unreachable!() };
        let run = solver.step_run(round.lo);
        let good: StepRecord = run.record;
        let proof = solver.run.steps.proof(round.lo).unwrap();
        let last = |r: &gensyn_commitment::interp::StepRun| r.trace.proof(r.trace.len() - 1).unwrap();
        let after_proof = last(&run);
        // The record of another step, one whose start is not the agreed
        // state, or one not in the committed step tree: all unlinked.
        let next = solver.step_run(round.lo + 1);
        assert_noop!(
            Gensyn::open_record(
                RuntimeOrigin::signed(SOLVER),
                d,
                next.record,
                solver.run.steps.proof(round.lo + 1).unwrap(),
                last(&next)
            ),
            Error::<Test>::UnlinkedRecord
        );
        let mut unlinked = good;
        unlinked.before = [3; 32];
        assert_noop!(
            Gensyn::open_record(RuntimeOrigin::signed(SOLVER), d, unlinked, proof.clone(), after_proof.clone()),
            Error::<Test>::UnlinkedRecord
        );
        let mut uncommitted = good;
        uncommitted.trace_root = [4; 32];
        assert_noop!(
            Gensyn::open_record(RuntimeOrigin::signed(SOLVER), d, uncommitted, proof.clone(), after_proof.clone()),
            Error::<Test>::UnlinkedRecord
        );
        // The state after must be the trace's last leaf: another leaf's proof fails.
        assert_noop!(
            Gensyn::open_record(RuntimeOrigin::signed(SOLVER), d, good, proof.clone(), run.trace.proof(0).unwrap()),
            Error::<Test>::UnlinkedRecord
        );
        // The challenger's record must end at its own claim.
        let vrun = verifier.step_run(round.lo);
        let mut wrong_end = vrun.record;
        wrong_end.after = solver.state(round.lo + 1);
        assert_noop!(
            Gensyn::open_record(RuntimeOrigin::signed(VERIFIER), d, wrong_end, Proof::default(), last(&vrun)),
            Error::<Test>::UnlinkedRecord
        );
        assert_ok!(Gensyn::open_record(RuntimeOrigin::signed(SOLVER), d, good, proof, after_proof));
        assert_ok!(Gensyn::open_record(RuntimeOrigin::signed(VERIFIER), d, vrun.record, Proof::default(), last(&vrun)));
        // Children that do not hash to the party's node are refused.
        let Stage::Ops { round: r, .. } = dispute(d).stage else { panic!("ops") };
        assert_noop!(
            Gensyn::reveal_children(RuntimeOrigin::signed(SOLVER), d, r, ([1; 32], [2; 32])),
            Error::<Test>::InvalidChildren
        );
    });
}

#[test]
fn arbitration_rejects_unproven_inputs() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let (solver, verifier) = (cheat(4), Party::new(TOY, 8, 4, None));
        let (_, d) = verifier_dispute(&solver, &verifier);
        while !matches!(dispute(d).stage, Stage::Arbitration { .. }) {
            make_move(d, SOLVER, &solver, true);
            make_move(d, VERIFIER, &verifier, false);
        }
        let Stage::Arbitration { step, node, tile, .. } = dispute(d).stage else { unreachable!() };
        assert_eq!((step, node), (5, 4));
        let run = solver.step_run(step);
        let good = witness(&solver, &run, step, node, tile);
        // Change one input value: its hash no longer matches its proof.
        let mut bad = good.clone();
        if let Witness::Node { inputs, .. } = &mut bad {
            inputs[0].tiles[0].bits[0] ^= 1;
        }
        assert_noop!(Gensyn::arbitrate(RuntimeOrigin::signed(ALICE), d, bad), Error::<Test>::InvalidWitness);
        // Another node of the program.
        let other = witness(&solver, &run, step, 3, None);
        assert_noop!(Gensyn::arbitrate(RuntimeOrigin::signed(ALICE), d, other), Error::<Test>::InvalidWitness);
        assert_ok!(Gensyn::arbitrate(RuntimeOrigin::signed(ALICE), d, good));
        assert!(matches!(dispute(d).stage, Stage::Resolved { outcome } if outcome.solver_convicted()));
    });
}

#[test]
fn a_large_operator_narrows_to_one_output_tile() {
    new_test_ext().execute_with(|| {
        setup_roles();
        // Wide logits (64 × 40 = 4 tiles of 32 × 32); the fault (element
        // 2100: row 52, column 20) is in the third.
        let honest = Party::new(WIDE, 4, 2, None);
        let solver = Party::new(WIDE, 4, 2, Some(Fault { step: 3, node: 0, elem: 2100, bit: 22 }));
        let (_, d) = verifier_dispute(&solver, &honest);
        let (winner, rounds) = duel(d, (SOLVER, &solver), (VERIFIER, &honest));
        assert_eq!(winner, Side::Challenger);
        assert!(events().iter().any(|e| matches!(e, Event::DisputeResolved { .. })));
        // 1 step round, the records, 3 trace rounds, the output opening and
        // the tile descent (4 tiles: two moves).
        assert_eq!(rounds, 8);
        assert!(rounds <= crate::dispute::max_rounds(2, 7, 4, 0), "{rounds}");
    });
}

#[test]
fn round_bounds() {
    // 10,000 steps checkpointed every 100, ~200 operators a step: 7 step
    // rounds + 1 record round + 8 trace rounds.
    assert_eq!(crate::dispute::max_rounds(100, 200, 1, 0), 16);
    // Bisecting all 10,000 steps (one segment): 14 + 1 + 8.
    assert_eq!(crate::dispute::max_rounds(10_000, 200, 1, 0), 23);
    // Plus a 1024 × 4096 matmul output (4096 tiles): the opening and 12 tile rounds.
    assert_eq!(crate::dispute::max_rounds(100, 200, 4096, 0), 29);
    // Plus the fold over K = 50,257 of one of its tiles: 11 halvings to 32.
    assert_eq!(crate::dispute::max_rounds(100, 200, 4096, 50_257), 40);
    // A one-tile column sum over 8192 rows: its opening and 8 halvings.
    assert_eq!(crate::dispute::max_rounds(100, 200, 1, 8192), 25);
}

#[test]
fn integrity() {
    use polkadot_sdk::frame_support::traits::Hooks;
    <Gensyn as Hooks<u64>>::integrity_test();
}
