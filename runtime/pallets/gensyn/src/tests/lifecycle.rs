//! A task's life: honest path, selections, forced errors, jackpots,
//! whistles, and every timeout outside disputes.

use super::harness::*;
use crate::{lifecycle::*, mock::*, *};
use polkadot_sdk::{
    frame_support::{assert_noop, assert_ok, BoundedVec},
    sp_io::hashing::blake2_256,
};

fn honest() -> Party {
    Party::new(TOY, 8, 4, None)
}

fn set_params(f: impl FnOnce(&mut ParamsOf<Test>)) {
    let mut p = Parameters::<Test>::get();
    f(&mut p);
    assert_ok!(Gensyn::set_params(RuntimeOrigin::root(), p));
}

#[test]
fn honest_path_pays_solver_and_verifier() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let run = honest();
        let (solver0, verifier0, submitter0, pot0) = (free(SOLVER), free(VERIFIER), free(SUBMITTER), Gensyn::jackpot());
        let id = to_verdict(&run);
        assert_eq!(held(SUBMITTER, HoldReason::TaskFee), FEE);
        assert_eq!(Engagements::<Test>::get(SOLVER, Role::Solver), 1);
        verdict(id, ends(id, &run));
        reveal_secret(id);
        assert_eq!(task(id).phase, Phase::Finalized);
        assert_eq!(free(SOLVER), solver0 + 800, "fee − 10 % tax − 10 % verifier reward");
        assert_eq!(free(VERIFIER), verifier0 + 100);
        assert_eq!(free(SUBMITTER), submitter0 - FEE);
        assert_eq!(Gensyn::jackpot(), pot0 + 100);
        assert_eq!(Engagements::<Test>::get(SOLVER, Role::Solver), 0);
        assert_eq!(Engagements::<Test>::get(VERIFIER, Role::Verifier), 0);
        assert_funds_reconcile();
    });
}

#[test]
fn lowest_vrf_output_wins_and_bad_proofs_fail() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let id = submit(honest().spec());
        // A proof for another task's seed, or someone else's proof, fails.
        let p1 = proof(SOLVER, id);
        assert_noop!(Gensyn::enter_selection(RuntimeOrigin::signed(SOLVER2), id, p1), Error::<Test>::InvalidVrfProof);
        let mut bad = proof(SOLVER, id);
        bad[40] ^= 1;
        assert_noop!(Gensyn::enter_selection(RuntimeOrigin::signed(SOLVER), id, bad), Error::<Test>::InvalidVrfProof);
        // Not staked as a solver / no keys.
        assert_noop!(
            Gensyn::enter_selection(RuntimeOrigin::signed(VERIFIER), id, proof(VERIFIER, id)),
            Error::<Test>::NotStaked
        );
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 1_000));
        assert_noop!(
            Gensyn::enter_selection(RuntimeOrigin::signed(ALICE), id, proof(VERIFIER, id)),
            Error::<Test>::NoKeys
        );
        enter(SOLVER, id);
        enter(SOLVER2, id);
        let outputs: Vec<(u64, Hash)> =
            events()
                .into_iter()
                .filter_map(|e| {
                    if let Event::SelectionEntered { who, output, .. } = e {
                        Some((who, output))
                    } else {
                        None
                    }
                })
                .collect();
        let lowest = outputs.iter().min_by_key(|(_, o)| *o).unwrap().0;
        advance(WINDOW + 1);
        assert_eq!(task(id).solver, Some(lowest));
        assert!(matches!(task(id).phase, Phase::Training { .. }));
        let late = gensyn_vrf::prove(&vrf_secret(SOLVER), b"late").unwrap().0;
        assert_noop!(Gensyn::enter_selection(RuntimeOrigin::signed(SOLVER), id, late), Error::<Test>::WrongPhase);
    });
}

#[test]
fn verdict_proofs_are_the_published_vectors_scheme() {
    // The chain's VRF is ECVRF-P256-SHA256-TAI: a proof verifies natively
    // through the host-function path and yields the prover's output.
    new_test_ext().execute_with(|| {
        let sk = vrf_secret(SOLVER);
        let pk = gensyn_vrf::public_key(&sk).unwrap();
        let (pi, beta) = gensyn_vrf::prove(&sk, b"alpha").unwrap();
        use crate::vrf::VrfVerifier;
        assert_eq!(crate::vrf::Ecvrf::verify(&pk, b"alpha", &pi), Some(beta));
        assert_eq!(crate::vrf::Ecvrf::verify(&pk, b"other", &pi), None);
    });
}

#[test]
fn submit_validates_the_task() {
    new_test_ext().execute_with(|| {
        let mut spec = honest().spec();
        let deadline = System::block_number() + 20;
        let s = RuntimeOrigin::signed(SUBMITTER);
        spec.checkpoint_every = 0;
        assert_noop!(
            Gensyn::submit_task(s.clone(), spec.clone(), manifest(TOY), FEE, deadline),
            Error::<Test>::InvalidTask
        );
        spec.checkpoint_every = 9;
        assert_noop!(
            Gensyn::submit_task(s.clone(), spec.clone(), manifest(TOY), FEE, deadline),
            Error::<Test>::InvalidTask
        );
        spec.checkpoint_every = 4;
        assert_noop!(
            Gensyn::submit_task(s.clone(), spec.clone(), manifest(TOY), FEE, System::block_number() + 1),
            Error::<Test>::InvalidTask
        );
        assert_noop!(
            Gensyn::submit_task(s.clone(), spec.clone(), manifest(TOY), 0, deadline),
            Error::<Test>::ZeroAmount
        );
        assert_noop!(
            Gensyn::submit_task(RuntimeOrigin::signed(POOR), spec.clone(), manifest(TOY), FEE, deadline),
            Error::<Test>::InsufficientBalance
        );
        assert_ok!(Gensyn::submit_task(s, spec, manifest(TOY), FEE, deadline));
    });
}

#[test]
fn no_solver_cancels_and_refunds() {
    new_test_ext().execute_with(|| {
        let before = free(SUBMITTER);
        let id = submit(honest().spec());
        assert_eq!(free(SUBMITTER), before - FEE);
        advance(WINDOW + 1);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::NoSolver });
        assert_eq!(free(SUBMITTER), before);
        assert_funds_reconcile();
    });
}

#[test]
fn solver_missing_the_deadline_is_slashed() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let before = free(SUBMITTER);
        let id = training(honest().spec());
        run_to_block(task(id).deadline + 1);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::SolverTimeout });
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 500, "half slashed");
        assert_eq!(free(SUBMITTER), before);
        assert_funds_reconcile();
    });
}

#[test]
fn no_verifier_finalizes_unaudited() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let run = honest();
        let id = training(run.spec());
        let s0 = free(SOLVER);
        assert_ok!(Gensyn::commit(RuntimeOrigin::signed(SOLVER), id, run.commitment()));
        advance(WINDOW + 1);
        assert_eq!(task(id).phase, Phase::Finalized);
        assert_eq!(free(SOLVER), s0 + 900, "no verifier reward taken");
        assert_funds_reconcile();
    });
}

#[test]
fn openings_must_match_the_commitment() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let run = honest();
        let id = to_opening(&run);
        let seg = Audits::<Test>::get(id).unwrap().segments[0].segment;
        let open = |i: u32, state: Hash| Opening { index: i, state, proof: run.run.checkpoints.proof(i).unwrap() };
        let s = RuntimeOrigin::signed(SOLVER);
        // Missing one, a wrong state, or a stranger: rejected.
        assert_noop!(
            Gensyn::open_checkpoints(s.clone(), id, BoundedVec::truncate_from(vec![open(seg, run.checkpoint(seg))])),
            Error::<Test>::InvalidOpening
        );
        assert_noop!(
            Gensyn::open_checkpoints(
                s.clone(),
                id,
                BoundedVec::truncate_from(vec![open(seg, run.checkpoint(seg)), open(seg + 1, [7; 32])])
            ),
            Error::<Test>::InvalidOpening
        );
        assert_noop!(
            Gensyn::open_checkpoints(RuntimeOrigin::signed(SOLVER2), id, BoundedVec::default()),
            Error::<Test>::NotAllowed
        );
        advance(WINDOW + 1);
        assert_eq!(task(id).phase, Phase::Cancelled { reason: CancelReason::OpeningTimeout });
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 500);
        assert_funds_reconcile();
    });
}

#[test]
fn verifier_missing_commit_or_reveal_is_slashed() {
    for reveal in [false, true] {
        new_test_ext().execute_with(|| {
            setup_roles();
            let run = honest();
            let id = to_verdict(&run);
            let s0 = free(SOLVER);
            if reveal {
                let e = ends(id, &run);
                let salt = blake2_256(b"salt");
                assert_ok!(Gensyn::commit_verdict(
                    RuntimeOrigin::signed(VERIFIER),
                    id,
                    verdict_commitment(id, &e, &salt)
                ));
                // A reveal that does not match the commitment is refused.
                assert_noop!(
                    Gensyn::reveal_verdict(RuntimeOrigin::signed(VERIFIER), id, BoundedVec::truncate_from(e), [1; 32]),
                    Error::<Test>::InvalidReveal
                );
            }
            advance(WINDOW + 1);
            assert_eq!(task(id).phase, Phase::Finalized);
            assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), 250);
            assert_eq!(free(SOLVER), s0 + 900);
            assert_funds_reconcile();
        });
    }
}

#[test]
fn verifier_missing_its_secret_is_slashed() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let run = honest();
        let id = to_verdict(&run);
        verdict(id, ends(id, &run));
        advance(WINDOW + 1);
        assert_noop!(Gensyn::reveal_secret(RuntimeOrigin::signed(VERIFIER), id, [9; 32]), Error::<Test>::InvalidSecret);
        advance(WINDOW + 1);
        assert_eq!(task(id).phase, Phase::Finalized);
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), 250);
        assert_funds_reconcile();
    });
}

#[test]
fn lazy_verifier_is_caught_by_a_forced_error() {
    new_test_ext().execute_with(|| {
        setup_roles();
        set_params(|p| p.forced_error_ppm = 1_000_000);
        let run = honest();
        let id = to_verdict(&run);
        let v0 = free(VERIFIER);
        // It copies the solver's hashes although a forced error is in effect.
        verdict(id, ends(id, &run));
        reveal_secret(id);
        assert!(events().contains(&Event::SecretRevealed { task: id, forced: true }));
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), 250, "slashed");
        assert_eq!(free(VERIFIER), v0, "no reward");
        assert_eq!(task(id).phase, Phase::Finalized);
        assert_funds_reconcile();
    });
}

#[test]
fn forced_error_pays_whistleblowers_from_the_jackpot() {
    new_test_ext().execute_with(|| {
        setup_roles();
        set_params(|p| p.forced_error_ppm = 1_000_000);
        let run = honest();
        let id = to_verdict(&run);
        let mut wrong = ends(id, &run);
        wrong[0] = [0xee; 32];
        verdict(id, wrong);
        let (w1, w2, pot) = (free(WB1), free(WB2), Gensyn::jackpot());
        let right = ends(id, &run)[0];
        // Siding with the solver: once per whistleblower, never by the parties.
        assert_noop!(Gensyn::whistle(RuntimeOrigin::signed(SOLVER), id, 0, right), Error::<Test>::NotAllowed);
        assert_noop!(Gensyn::whistle(RuntimeOrigin::signed(VERIFIER), id, 0, right), Error::<Test>::NotAllowed);
        assert_ok!(Gensyn::whistle(RuntimeOrigin::signed(WB1), id, 0, right));
        assert_noop!(Gensyn::whistle(RuntimeOrigin::signed(WB1), id, 0, right), Error::<Test>::InvalidWhistle);
        assert_ok!(Gensyn::whistle(RuntimeOrigin::signed(WB2), id, 0, right));
        assert_eq!(held(WB1, HoldReason::WhistleBond), 20);
        reveal_secret(id);
        // Two challengers: J = pot/3 for this forced error, J/2 each.
        let share = pot / 3 / 2;
        assert_eq!(free(WB1), w1 + share);
        assert_eq!(free(WB2), w2 + share);
        assert_eq!(held(WB1, HoldReason::WhistleBond), 0);
        assert_eq!(task(id).phase, Phase::Finalized, "the honest solver is paid");
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), 500, "a forced error is no fault");
        assert_funds_reconcile();
    });
}

#[test]
fn jackpot_shares_halve_and_cap() {
    use crate::funds::jackpot_share;
    // One forced error pays out at most J = pot/3; each of k challengers J/2^(k−1).
    assert_eq!(jackpot_share(900u64, 1), 300);
    assert_eq!(jackpot_share(900u64, 2), 150);
    assert_eq!(jackpot_share(900u64, 3), 75);
    assert_eq!(jackpot_share(900u64, 0), 0);
    assert_eq!(jackpot_share(900u64, 200), 0);
    // Splitting into sybils never pays more in total than one challenger.
    for k in 1..40u32 {
        assert!(jackpot_share(1_000_000u64, k) * k as u64 <= jackpot_share(1_000_000u64, 1));
    }
}

#[test]
fn forced_error_draw_follows_the_rate() {
    let seed = blake2_256(b"seed");
    let forced = (0..10_000u32).filter(|i| is_forced(&blake2_256(&i.to_le_bytes()), &seed, 100_000)).count();
    assert!((800..1200).contains(&forced), "≈10 % forced: {forced}");
    assert!(!is_forced(&seed, &seed, 0));
    assert!(is_forced(&seed, &seed, 1_000_000));
}

#[test]
fn segments_are_distinct_and_in_range() {
    for n in 1..40 {
        for count in 1..6 {
            let s = pick_segments(&blake2_256(&[n as u8, count as u8]), n, count);
            assert_eq!(s.len() as u32, count.min(n));
            assert!(s.windows(2).all(|w| w[0] < w[1]) && s.iter().all(|x| *x < n));
        }
    }
}

#[test]
fn set_params_is_root_only_and_checked() {
    new_test_ext().execute_with(|| {
        let p = Parameters::<Test>::get();
        assert_noop!(
            Gensyn::set_params(RuntimeOrigin::signed(ALICE), p.clone()),
            polkadot_sdk::sp_runtime::traits::BadOrigin
        );
        let mut bad = p.clone();
        bad.move_window = 0;
        assert_noop!(Gensyn::set_params(RuntimeOrigin::root(), bad), Error::<Test>::InvalidParams);
        let mut bad = p.clone();
        bad.slash_to_winner = polkadot_sdk::sp_runtime::Perbill::from_percent(80);
        assert_noop!(Gensyn::set_params(RuntimeOrigin::root(), bad), Error::<Test>::InvalidParams);
        assert_ok!(Gensyn::set_params(RuntimeOrigin::root(), p));
    });
}

#[test]
fn the_benchmarks_vrf_proof_is_current() {
    use crate::vrf::*;
    let sk = gensyn_vrf::dev_secret("bench");
    assert_eq!(gensyn_vrf::public_key(&sk).unwrap(), BENCH_VRF_KEY);
    let alpha = selection_alpha(Role::Solver, 0, &BENCH_SEED);
    assert_eq!(gensyn_vrf::prove(&sk, &alpha).unwrap().0, BENCH_VRF_PROOF);
    assert!(Ecvrf::verify(&BENCH_VRF_KEY, &alpha, &BENCH_VRF_PROOF).is_some());
}
