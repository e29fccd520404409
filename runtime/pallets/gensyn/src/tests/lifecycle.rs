//! A task's life: honest path, the two draws, the blind audit, redraws,
//! forced-error rounds, jackpots, and every timeout outside disputes.

use super::harness::*;
use crate::{lifecycle::*, mock::*, *};
use polkadot_sdk::{
    frame_support::{assert_noop, assert_ok, BoundedVec},
    sp_io::hashing::blake2_256,
};

fn honest() -> Party {
    Party::new(TOY, 8, 4, None)
}

#[allow(dead_code)]
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
        assert_eq!(Locked::<Test>::get(SOLVER, Role::Solver), 1_000, "collateral: 100 % of the fee");
        assert_eq!(Locked::<Test>::get(VERIFIER, Role::Verifier), 500, "collateral: 50 % of the fee");
        verdict(id, ends(id, &run));
        assert_eq!(task(id).final_hash, Some(run.state(8)), "M3: the final hash is the last checkpoint");
        close_reveals(id);
        assert_eq!(task(id).phase, Phase::Finalized);
        assert_eq!(free(SOLVER), solver0 + 800, "fee − 10 % tax − 10 % verifier reward");
        assert_eq!(free(VERIFIER), verifier0 + 100);
        assert_eq!(free(SUBMITTER), submitter0 - FEE);
        assert_eq!(Gensyn::jackpot(), pot0 + 100);
        assert_eq!(Engagements::<Test>::get(SOLVER, Role::Solver), 0);
        assert_eq!(Engagements::<Test>::get(VERIFIER, Role::Verifier), 0);
        assert_eq!(Locked::<Test>::get(SOLVER, Role::Solver), 0);
        assert_funds_reconcile();
    });
}

#[test]
fn the_lowest_score_wins_and_bad_proofs_fail() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let id = submit(honest().spec());
        // Not staked as a solver / no keys.
        assert_noop!(Gensyn::enter_selection(RuntimeOrigin::signed(VERIFIER), id), Error::<Test>::NotStaked);
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Solver, 1_000));
        assert_noop!(Gensyn::enter_selection(RuntimeOrigin::signed(ALICE), id), Error::<Test>::NoKeys);
        enter(SOLVER, id);
        enter(SOLVER2, id);
        assert_noop!(Gensyn::enter_selection(RuntimeOrigin::signed(SOLVER), id), Error::<Test>::AlreadyEntered);
        // No proofs before the draw's seed exists.
        let early = gensyn_vrf::prove(&vrf_secret(SOLVER), b"early").unwrap().0;
        assert_noop!(Gensyn::reveal_selection(RuntimeOrigin::signed(SOLVER), id, early), Error::<Test>::WrongPhase);
        next_phase(id);
        assert!(matches!(task(id).phase, Phase::SolverDraw { .. }));
        // Entries are closed; someone else's proof, or a flipped bit, fails.
        assert_noop!(Gensyn::enter_selection(RuntimeOrigin::signed(ALICE), id), Error::<Test>::WrongPhase);
        assert_noop!(
            Gensyn::reveal_selection(RuntimeOrigin::signed(SOLVER2), id, proof(SOLVER, id)),
            Error::<Test>::InvalidVrfProof
        );
        let mut bad = proof(SOLVER, id);
        bad[40] ^= 1;
        assert_noop!(Gensyn::reveal_selection(RuntimeOrigin::signed(SOLVER), id, bad), Error::<Test>::InvalidVrfProof);
        reveal(SOLVER, id);
        reveal(SOLVER2, id);
        let scores: Vec<(u64, u128)> = events()
            .into_iter()
            .filter_map(|e| if let Event::SelectionRevealed { who, score, .. } = e { Some((who, score)) } else { None })
            .collect();
        let lowest = scores.iter().min_by_key(|(_, s)| *s).unwrap().0;
        next_phase(id);
        assert_eq!(task(id).solver, Some(lowest));
        assert!(matches!(task(id).phase, Phase::Training { .. }));
        assert_funds_reconcile();
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
        assert_eq!(Gensyn::total_bonded(&SOLVER, Role::Solver), 500, "half the collateral slashed");
        assert_eq!(free(SUBMITTER), before);
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
        // The end too (it must stay hidden), a wrong state, or a stranger: rejected.
        assert_noop!(
            Gensyn::open_checkpoints(
                s.clone(),
                id,
                BoundedVec::truncate_from(vec![open(seg, run.checkpoint(seg)), open(seg + 1, run.checkpoint(seg + 1))])
            ),
            Error::<Test>::InvalidOpening
        );
        assert_noop!(
            Gensyn::open_checkpoints(s.clone(), id, BoundedVec::truncate_from(vec![open(seg, [7; 32])])),
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
fn the_ends_must_include_the_last_checkpoint() {
    new_test_ext().execute_with(|| {
        setup_roles();
        let run = honest();
        let id = to_verdict(&run);
        next_phase(id);
        assert_ok!(Gensyn::post_verdict(
            RuntimeOrigin::signed(VERIFIER),
            id,
            BoundedVec::truncate_from(ends(id, &run))
        ));
        let mut idx = end_indices(id);
        idx.retain(|&i| i != 2);
        // Leaving out the final state (when it is not an audited end) is refused.
        if idx.len() < end_indices(id).len() {
            assert_noop!(
                Gensyn::open_ends(RuntimeOrigin::signed(SOLVER), id, stored_openings(id, &idx)),
                Error::<Test>::InvalidOpening
            );
        }
        open_ends(id);
        assert!(matches!(task(id).phase, Phase::Reveal { .. }));
    });
}

#[test]
fn a_verifier_missing_its_verdict_is_slashed_and_another_is_drawn() {
    new_test_ext().execute_with(|| {
        setup_roles();
        assert_ok!(Gensyn::stake(RuntimeOrigin::signed(ALICE), Role::Verifier, 500));
        register(ALICE);
        let run = honest();
        let id = to_verdict(&run);
        next_phase(id);
        assert!(matches!(task(id).phase, Phase::Verdict { .. }));
        next_phase(id);
        assert_eq!(Gensyn::total_bonded(&VERIFIER, Role::Verifier), 250, "half its collateral");
        assert!(matches!(task(id).phase, Phase::VerifierSelection { .. }));
        assert_eq!(task(id).verifier, None);
        // The ends are still hidden: the new verifier checks blind too.
        assert!(Audits::<Test>::get(id).unwrap().segments.iter().all(|s| s.end.is_none()));
        select(id, &[ALICE]);
        assert_eq!(task(id).verifier, Some(ALICE));
        assert!(matches!(task(id).phase, Phase::Verdict { .. }));
        let e = ends(id, &run);
        assert_ok!(Gensyn::post_verdict(RuntimeOrigin::signed(ALICE), id, BoundedVec::truncate_from(e)));
        open_ends(id);
        close_reveals(id);
        assert_eq!(task(id).phase, Phase::Finalized);
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
    let forced = (0..10_000u32).filter(|i| is_forced(&blake2_256(&i.to_le_bytes()), 100_000)).count();
    assert!((800..1200).contains(&forced), "≈10 % forced: {forced}");
    assert!(!is_forced(&seed, 0));
    assert!(is_forced(&seed, 1_000_000));
}

#[test]
fn neg_log2_is_accurate_and_monotone() {
    // −log2((x+1)/2^64) at exact points, and within 2^-30 elsewhere.
    let one = 1u128 << 40;
    assert_eq!(neg_log2(u64::MAX), 0);
    assert_eq!(neg_log2((1 << 63) - 1), one);
    assert_eq!(neg_log2(0), 64 * one);
    let mut last = u128::MAX;
    for i in 0..2000u64 {
        let x = i.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let exact = 64.0 - ((x as f64) + 1.0).log2();
        let got = neg_log2(x) as f64 / one as f64;
        assert!((got - exact).abs() < 1e-9, "{x}: {got} vs {exact}");
        let _ = last;
        last = neg_log2(x);
    }
    let xs = [1u64, 2, 3, 1000, 1 << 40, u64::MAX / 3, u64::MAX - 1];
    for w in xs.windows(2) {
        assert!(neg_log2(w[0]) > neg_log2(w[1]));
    }
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
